"""Read the text back out of a written document (PDF via pypdf, DOCX via python-docx): used by the tests that
check a document's numbers against the command line, and handy to grep a document."""

from __future__ import annotations

from pathlib import Path


def pdf_text(path: str | Path) -> tuple[str, int]:
    """All text of a PDF and its number of pages (pypdf, a test dependency)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def docx_text(path: str | Path) -> str:
    """Paragraphs and table cells of a DOCX file."""
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def normalise(text: str) -> str:
    """Single spaces (no-break spaces included), so wrapped PDF lines compare with one-line strings."""
    return " ".join(text.replace("\u00a0", " ").replace("\u2011", "-").split())
