"""Render a :class:`Document` to PDF (WeasyPrint: HTML + print CSS, real typesetting with hyphenation and
page footers) or to editable DOCX (python-docx). The same content goes into both."""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from crmradar.documents.model import Document, Table

CSS = """
@page { size: A4; margin: 18mm 17mm 20mm 17mm;
        @bottom-left { content: string(footer); font: 7.5pt 'DejaVu Sans', sans-serif; color: #555; }
        @bottom-right { content: counter(page) " / " counter(pages); font: 7.5pt 'DejaVu Sans', sans-serif;
                        color: #555; } }
html { font: 9.5pt/1.38 'DejaVu Sans', 'Liberation Sans', sans-serif; color: #1a1a1a; hyphens: auto; }
.footer { string-set: footer content(); display: none; }
header { border-bottom: 2.5pt solid #0b5e3c; margin-bottom: 8pt; padding-bottom: 4pt; }
h1 { font-size: 17pt; margin: 0 0 2pt; color: #0b5e3c; line-height: 1.15; }
.subtitle { font-size: 9.5pt; color: #444; margin: 0; }
h2 { font-size: 11.5pt; margin: 11pt 0 3pt; color: #0b5e3c; break-after: avoid; }
p { margin: 0 0 5pt; text-align: left; }
ul { margin: 0 0 5pt 12pt; padding: 0; } li { margin-bottom: 2pt; }
table { border-collapse: collapse; width: 100%; margin: 3pt 0 2pt; font-size: 8.3pt; break-inside: auto; }
thead { display: table-header-group; }
th { text-align: left; border-bottom: 1pt solid #0b5e3c; padding: 2pt 4pt; font-weight: bold; vertical-align: bottom; }
td { border-bottom: 0.4pt solid #ccc; padding: 1.8pt 4pt; vertical-align: top; overflow-wrap: break-word; }
tr { break-inside: avoid; }
.num { text-align: right; }  /* may wrap between an estimate and its range: no table wider than the page */
td:first-child, th { hyphens: manual; }
.caption { font-size: 7.8pt; color: #555; margin: 0 0 7pt; }
.sources { font-size: 7.3pt; color: #333; } .sources li { margin-bottom: 1pt; }
figure { margin: 4pt 0 6pt; break-inside: avoid; } figure img { width: 100%; display: block; }
.chart-title { font-weight: bold; font-size: 8.5pt; margin: 0 0 2pt; }
"""
COMPACT = """
@page { margin: 12mm 14mm 14mm 14mm; }
html { font-size: 8.3pt; line-height: 1.22; }
h1 { font-size: 15pt; } h2 { font-size: 10pt; margin: 5pt 0 1.5pt; } header { margin-bottom: 4pt; }
p { margin-bottom: 3pt; } td { padding: 0.6pt 3pt; }
table { font-size: 7.6pt; } td, th { padding: 1pt 3pt; } .caption { margin-bottom: 3pt; font-size: 7pt; }
.sources { font-size: 6.2pt; line-height: 1.18; columns: 2; column-gap: 10pt; margin-left: 8pt; }
.sources li { margin-bottom: 0; }
"""


def _table_html(table: Table) -> str:
    numeric = table.numeric or [False] * len(table.columns)
    head = "".join(f'<th class="{"num" if n else ""}">{html.escape(c)}</th>' for c, n in zip(table.columns, numeric,
                                                                                              strict=True))
    body = "".join("<tr>" + "".join(f'<td class="{"num" if n else ""}">{html.escape(str(v))}</td>'
                                    for v, n in zip(row, numeric, strict=True)) + "</tr>" for row in table.rows)
    caption = table.caption
    if table.sources:
        caption = f"{caption} Bron: {', '.join(table.sources)}." if caption else f"Bron: {', '.join(table.sources)}."
    return (f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            + (f'<p class="caption">{html.escape(caption)}</p>' if caption else ""))


def _figure_html(spec) -> str:
    import base64

    from crmradar.documents.charts import to_svg

    image = base64.b64encode(to_svg(spec)).decode()
    caption = f"{spec.note} Bron: {', '.join(spec.source_ids)}.".strip() if spec.source_ids else spec.note
    return (f'<figure><p class="chart-title">{html.escape(spec.title)}</p>'
            f'<img alt="{html.escape(spec.title)}" src="data:image/svg+xml;base64,{image}">'
            + (f'<figcaption class="caption">{html.escape(caption)}</figcaption>' if caption else "") + "</figure>")


def to_html(document: Document) -> str:
    parts = [f'<!doctype html><html lang="{document.lang}"><head><meta charset="utf-8">',
             f"<title>{html.escape(document.title)}</title><style>{CSS}{COMPACT if document.compact else ''}</style>",
             "</head><body>",
             f'<div class="footer">{html.escape(document.footer)}</div>',
             f"<header><h1>{html.escape(document.title)}</h1>"]
    if document.subtitle:
        parts.append(f'<p class="subtitle">{html.escape(document.subtitle)}</p>')
    parts.append("</header>")
    for section in document.sections:
        parts.append(f"<section><h2>{html.escape(section.heading)}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for p in section.paragraphs]
        if section.bullets:
            parts.append("<ul>" + "".join(f"<li>{html.escape(b)}</li>" for b in section.bullets) + "</ul>")
        parts += [_figure_html(c) for c in section.charts]
        parts += [_table_html(t) for t in section.tables]
        parts.append("</section>")
    if document.sources:
        heading = "Bronnen" if document.lang == "nl" else "Sources"
        parts.append(f'<section><h2>{heading}</h2><ul class="sources">'
                     + "".join(f"<li><b>{html.escape(i)}</b>: {html.escape(c)}</li>" for i, c in document.sources)
                     + "</ul></section>")
    parts.append("</body></html>")
    return "".join(parts)


def to_pdf(document: Document) -> bytes:
    from weasyprint import HTML

    return HTML(string=to_html(document)).write_pdf()


def _docx_chart(out, spec) -> None:
    import io

    from docx.shared import Cm, Pt

    from crmradar.documents.charts import to_png

    title = out.add_paragraph()
    title.add_run(spec.title).bold = True
    out.add_picture(io.BytesIO(to_png(spec)), width=Cm(16))
    caption = f"{spec.note} Bron: {', '.join(spec.source_ids)}.".strip() if spec.source_ids else spec.note
    if caption:
        note = out.add_paragraph(caption)
        for run in note.runs:
            run.font.size = Pt(8)


def to_docx(document: Document) -> bytes:
    import io

    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    out = Docx()
    out.core_properties.title = document.title
    out.core_properties.language = document.lang
    style = out.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10)
    title = out.add_heading(document.title, level=0)
    for run in title.runs:
        run.font.color.rgb = RGBColor(0x0B, 0x5E, 0x3C)
    if document.subtitle:
        out.add_paragraph(document.subtitle).italic = True
    for section in document.sections:
        out.add_heading(section.heading, level=1)
        for paragraph in section.paragraphs:
            out.add_paragraph(paragraph)
        for bullet in section.bullets:
            out.add_paragraph(bullet, style="List Bullet")
        for spec in section.charts:
            _docx_chart(out, spec)
        for table in section.tables:
            grid = out.add_table(rows=1, cols=len(table.columns))
            grid.style = "Light List Accent 1"
            numeric = table.numeric or [False] * len(table.columns)
            for cell, name in zip(grid.rows[0].cells, table.columns, strict=True):
                cell.text = name
            for row in table.rows:
                cells = grid.add_row().cells
                for cell, value, is_number in zip(cells, row, numeric, strict=True):
                    cell.text = str(value)
                    if is_number:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            caption = table.caption
            if table.sources:
                caption = f"{caption} Bron: {', '.join(table.sources)}.".strip()
            if caption:
                note = out.add_paragraph(caption)
                for run in note.runs:
                    run.font.size = Pt(8)
    if document.sources:
        out.add_heading("Bronnen" if document.lang == "nl" else "Sources", level=1)
        for source_id, citation in document.sources:
            paragraph = out.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{source_id}: ").bold = True
            paragraph.add_run(citation)
    if document.footer:
        out.sections[0].footer.paragraphs[0].text = document.footer
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def write(document: Document, path: Path) -> Path:
    """Write ``document`` as PDF or DOCX (by the file's suffix), atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        content = to_pdf(document)
    elif suffix == ".docx":
        content = to_docx(document)
    elif suffix in (".html", ".htm"):
        content = to_html(document).encode()
    else:
        raise ValueError(f"unknown document type {path.suffix!r}; use .pdf, .docx or .html")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
