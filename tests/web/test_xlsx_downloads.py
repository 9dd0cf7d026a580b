"""Issue 13: XLSX downloads next to the CSV downloads — same rows and values as the CSV, translated headers,
numbers stored as numbers, text that looks like a formula stored as text."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook


def _sheet(body: bytes):
    book = load_workbook(io.BytesIO(body))
    return book, [[c.value for c in row] for row in book.worksheets[0].iter_rows()]


def test_formula_like_text_stays_text_and_numbers_stay_numbers():
    from crmradar.reports.xlsx_download import frame_to_xlsx

    frame = pd.DataFrame({"material_id": ["=HYPERLINK(\"http://x\")", "gallium", "-2+3", "@SUM(A1)"],
                          "share": [0.5, float("nan"), 0.25, 1.0],
                          "year": pd.array([2023, None, 2024, 2025], dtype="Int64")})
    book = load_workbook(io.BytesIO(frame_to_xlsx(frame, "nl")))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["grondstof", "aandeel", "jaar"]
    cells = {c.coordinate: c for row in sheet.iter_rows(min_row=2) for c in row}
    for ref in ("A2", "A4", "A5"):
        assert cells[ref].data_type == "s" and cells[ref].quotePrefix, ref
    assert cells["A2"].value == "=HYPERLINK(\"http://x\")"
    assert not cells["A3"].quotePrefix
    assert cells["B2"].value == 0.5 and cells["B2"].data_type == "n"
    assert cells["B3"].value is None and cells["C3"].value is None
    assert cells["C4"].value == 2024 and isinstance(cells["C4"].value, int)
    legend = [[c.value for c in row] for row in book["Kolommen"].iter_rows()]
    assert legend[1][:2] == ["grondstof", "material_id"]
    english = load_workbook(io.BytesIO(frame_to_xlsx(frame, "en")))
    assert [c.value for c in english.worksheets[0][1]] == ["material", "share", "year"]
    assert english.sheetnames == ["Data", "Columns"]


def test_material_block_xlsx_equals_the_csv(client):
    csv = pd.read_csv(io.StringIO(client.get("/material/gallium/producers.csv").content.decode()))
    response = client.get("/material/gallium/producers.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="gallium-producers.xlsx"' in response["Content-Disposition"]
    book, rows = _sheet(response.content)
    header, body = rows[0], rows[1:]
    assert len(body) == len(csv)
    assert "aandeel" in header and "share" not in header  # Dutch headers on the Dutch site
    share = header.index("aandeel")
    assert [r[share] for r in body] == pytest.approx(csv["share"].tolist())
    china = [r for r in body if "CHN" in r]
    assert china and isinstance(china[0][share], float)
    assert client.get("/material/gallium/nope.xlsx").status_code == 404
    html = client.get("/material/gallium/").content.decode()
    assert 'href="/material/gallium/producers.xlsx"' in html


def test_data_table_xlsx_has_every_row_and_the_column_descriptions(client, kb):
    response = client.get("/en/data/download/xlsx/", {"table": "criticality_official"})
    assert response.status_code == 200
    book, rows = _sheet(response.content)
    frame = kb.criticality_official
    assert len(rows) - 1 == len(frame)
    legend = [[c.value for c in row] for row in book["Columns"].iter_rows()][1:]
    assert [r[1] for r in legend] == list(frame.columns)
    described = {r[1]: r[3] for r in legend}
    assert described["supply_risk"] == kb.specs["criticality_official"].field("supply_risk").description
    sr = rows[0].index("SR")
    gallium = frame.loc[(frame["material_id"] == "gallium") & (frame["year"] == 2023), "supply_risk"].iloc[0]
    mid = rows[0].index("material")
    year = rows[0].index("year")
    got = [r[sr] for r in rows[1:] if r[mid] == "gallium" and r[year] == 2023]
    assert got == [pytest.approx(float(gallium))]
    assert client.get("/data/download/xlsx/", {"table": "nope"}).status_code == 404
    assert 'data/download/xlsx/?table=sources' in client.get("/sources/").content.decode()
