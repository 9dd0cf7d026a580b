"""Reading XLSX/CSV purchase lists safely and writing reports atomically and injection-safe."""

from __future__ import annotations

import csv
import json
import zipfile

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmradar.procurement.files import ReadLimits, check_zip_limits, read_purchase_file, safe_cell, write_report
from crmradar.procurement.parse import PurchaseFileError, parse_rows

HEADER = ["cpv", "description", "quantity", "unit"]


def make_xlsx(path, rows, sheet="inkoop", extra_sheets=()):
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    for name in extra_sheets:
        workbook.create_sheet(name)
    workbook.save(path)
    return path


def test_xlsx_formula_cells_are_text_never_evaluated(tmp_path):
    path = make_xlsx(
        tmp_path / "f.xlsx", [HEADER, ["30213100", "=1+1", "=2*5", "stuks"], ["30213100", "ok", 4, "stuks"]]
    )
    table = read_purchase_file(path)
    assert table.rows[0] == (2, ["30213100", "=1+1", "=2*5", "stuks"])
    parsed = parse_rows(table.header, table.rows)
    assert [line.row for line in parsed.lines] == [3]
    errors = [issue for issue in parsed.issues if issue.severity == "error"]
    assert [(e.row, e.column) for e in errors] == [(2, "quantity")]
    assert "formula '=2*5' is not evaluated" in errors[0].message


def test_xlsx_numbers_and_leading_blank_rows(tmp_path):
    path = make_xlsx(tmp_path / "n.xlsx", [[None, None], HEADER, [9331200, "pv", 12.5, "kWp"]])
    table = read_purchase_file(path)
    parsed = parse_rows(table.header, table.rows)
    assert parsed.lines[0].cpv == "09331200" and parsed.lines[0].quantity == 12.5
    assert parsed.lines[0].row == 3  # the sheet row the user sees


def test_xlsx_wrong_sheet_lists_sheets(tmp_path):
    path = make_xlsx(tmp_path / "s.xlsx", [HEADER], extra_sheets=["toelichting"])
    with pytest.raises(PurchaseFileError, match="s.xlsx: no sheet 'purchases'; sheets: inkoop, toelichting"):
        read_purchase_file(path, sheet="purchases")


def test_xlsx_sheet_without_columns(tmp_path):
    path = make_xlsx(tmp_path / "t.xlsx", [["notes"], ["hello"]])
    table = read_purchase_file(path)
    with pytest.raises(PurchaseFileError, match="missing column"):
        parse_rows(table.header, table.rows)


def test_xlsx_empty_sheet(tmp_path):
    path = make_xlsx(tmp_path / "e.xlsx", [])
    with pytest.raises(PurchaseFileError, match="sheet 'inkoop' is empty"):
        read_purchase_file(path)


def test_xlsx_row_limit(tmp_path):
    path = make_xlsx(tmp_path / "r.xlsx", [HEADER] + [["30213100", "x", 1, "st"]] * 4)
    with pytest.raises(PurchaseFileError, match="more than 3 data rows"):
        read_purchase_file(path, ReadLimits(max_rows=3))


def test_zip_bomb_is_refused_before_openpyxl(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 3_000_000)
    with pytest.raises(PurchaseFileError, match="compression ratio .* exceeds 100"):
        read_purchase_file(bomb)
    with pytest.raises(PurchaseFileError, match="unpacks to 3000000 bytes, more than the limit of 1000000"):
        check_zip_limits(bomb, ReadLimits(max_uncompressed_bytes=1_000_000))


def test_damaged_sheet_xml(tmp_path):
    good = make_xlsx(tmp_path / "good.xlsx", [HEADER, ["30213100", "x", 1, "st"]])
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]  # truncated XML
            target.writestr(item, content)
    with pytest.raises(PurchaseFileError, match="damaged.xlsx: "):
        read_purchase_file(damaged)


def test_not_a_zip_and_unknown_type(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("cpv,description\n")
    with pytest.raises(PurchaseFileError, match="fake.xlsx: not a valid XLSX file"):
        read_purchase_file(fake)
    other = tmp_path / "list.ods"
    other.write_text("x")
    with pytest.raises(PurchaseFileError, match="unsupported file type .ods"):
        read_purchase_file(other)


def test_empty_and_oversized_files(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(PurchaseFileError, match="empty.csv: the file is empty"):
        read_purchase_file(empty)
    big = tmp_path / "big.csv"
    big.write_text("cpv,description,quantity,unit\n" + "30213100,x,1,st\n" * 100)
    with pytest.raises(PurchaseFileError, match="more than the limit of 100 bytes"):
        read_purchase_file(big, ReadLimits(max_bytes=100))


# ---------------------------------------------------------------- writing


@pytest.mark.parametrize("text", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_safe_cell_prefixes_formula_starters(text):
    assert safe_cell(text) == "'" + text


def test_safe_cell_leaves_numbers_and_text():
    assert safe_cell(-2.5) == -2.5 and safe_cell("laptop") == "laptop" and safe_cell(None) is None


TABLES = {
    "materials": pd.DataFrame({"material_id": ["cobalt"], "content_kg": [-0.0 + 1.5]}),
    "lines": pd.DataFrame({"row": [2], "description": ['=HYPERLINK("http://evil","x")'], "value": [-3.0]}),
}


def test_csv_report_is_injection_safe(tmp_path):
    written = write_report(TABLES, {"source": "x"}, tmp_path / "report.csv")
    assert [p.name for p in written] == ["report.csv", "report_lines.csv"]
    with open(tmp_path / "report_lines.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["description"] == '\'=HYPERLINK("http://evil","x")'
    assert rows[0]["value"] == "-3.0"  # numbers stay numbers


def test_xlsx_report_has_no_formulas(tmp_path):
    write_report(TABLES, {"source": "=evil()"}, tmp_path / "report.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert workbook.sheetnames == ["info", "materials", "lines"]
    assert workbook["lines"]["B2"].value.startswith("'=") and workbook["lines"]["B2"].data_type == "s"
    assert workbook["info"]["B1"].value == "'=evil()"


def test_json_report(tmp_path):
    write_report(TABLES, {"source": "x"}, tmp_path / "report.json")
    payload = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert payload["metadata"] == {"source": "x"}
    assert payload["lines"][0]["description"].startswith("=")  # JSON is data, not a spreadsheet


def test_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old report")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("crmradar.procurement.files._write_xlsx", broken)
    with pytest.raises(OSError, match="disk full"):
        write_report(TABLES, {}, target)
    assert target.read_bytes() == b"old report"  # nothing already stored is lost or half-changed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


def test_unsupported_report_type(tmp_path):
    with pytest.raises(PurchaseFileError, match="use .xlsx, .csv or .json"):
        write_report(TABLES, {}, tmp_path / "report.pdf")


cells = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=10),
    st.sampled_from(["=1+1", "=A1", "30213100-6", "kWp", "stuks", "-5"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.lists(st.lists(cells, min_size=1, max_size=6), min_size=0, max_size=5))
def test_fuzz_xlsx_reader_and_parser(tmp_path, body):
    path = make_xlsx(tmp_path / "fuzz.xlsx", [HEADER, *body])
    try:
        table = read_purchase_file(path)
        parsed = parse_rows(table.header, table.rows)
    except PurchaseFileError:
        return
    assert len(parsed.lines) + len({i.row for i in parsed.issues if i.severity == "error"}) == parsed.rows_read
