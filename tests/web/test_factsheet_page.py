"""Issue 13: one-page printable fact sheet per material on the web — the document of ``crmradar report material``
as a page laid out for printing."""

from __future__ import annotations

import html as html_lib
import re


def _cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", html, re.S)
    return [[" ".join(html_lib.unescape(c).split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in rows if "<td" in row]


def test_factsheet_page_shows_the_document(client, kb):
    response = client.get("/material/gallium/factsheet/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Grondstoffenprofiel: Gallium (Ga)" in html
    assert "Leveringsrisico" in html and "Grootste producenten" in html
    assert "geïntegreerde schakelingen" in html and "Integrated circuits" not in html  # end uses in Dutch
    rows = _cells(html)
    sr = kb.criticality_official.query("material_id == 'gallium' and year == 2023")["supply_risk"].iloc[0]
    assert any(row[-1] == f"{sr:.1f}".replace(".", ",") for row in rows)  # official 2023 SR, Dutch number
    assert 'href="/material/gallium/factsheet/"' in client.get("/material/gallium/").content.decode()
    assert 'href="/documenten/?grondstof=gallium#doc-grondstof"' in html  # PDF/DOCX made by the task queue there
    assert client.get("/material/unobtainium/factsheet/").status_code == 404
    english = client.get("/en/material/gallium/factsheet/").content.decode()
    assert "The fact sheet is written in Dutch." in english and 'lang="nl"' in english


def test_factsheet_page_holds_the_tables_of_the_pdf_and_docx_document(client, kb):
    """The page shows the same assembled document the PDF/DOCX renderers get (crmradar report material)."""
    import datetime as dt

    from crmradar.reports.documents import material_fact_sheet

    document = material_fact_sheet(kb, "lithium", today=dt.date.today())
    expected = [[" ".join(cell.split()) for cell in row] for s in document.sections for t in s.tables
                for row in t.rows]
    page = client.get("/material/lithium/factsheet/").content.decode()
    assert expected and _cells(page) == expected
    for section in document.sections:
        assert html_lib.escape(section.heading, quote=False) in page
