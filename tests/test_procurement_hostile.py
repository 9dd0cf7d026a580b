"""Hostile purchase lists: control characters reach the XLSX report safely, user file names never name a
stored file (issue 17, defect 3)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.procurement.files import display_name, read_purchase_file, write_report, xlsx_cell

CONTROL = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r")
CSV = ("cpv,description,quantity,unit\n"
       f"30213100-6,Laptop{CONTROL}end,10,stuks\n"
       f"09331200-0,=HYPERLINK(\"x\")\x07,5,kWp\n")


def test_xlsx_cell_replaces_what_xlsx_cannot_hold_and_keeps_formula_guard():
    assert xlsx_cell("a\x01b\x1fc\td\ne") == "a\ufffdb\ufffdc\td\ne"
    assert xlsx_cell("=1+1\x00") == "'=1+1\ufffd"
    assert xlsx_cell(3.5) == 3.5


def test_cli_report_with_control_characters_in_cells(tmp_path: Path):
    source = tmp_path / "purchases.csv"
    source.write_text(CSV, encoding="utf-8")
    out = tmp_path / "report.xlsx"
    result = CliRunner().invoke(app, ["procure", "scan", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["lines"]
    descriptions = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert descriptions[0] == "Laptop" + "\ufffd" * len(CONTROL) + "end"
    assert descriptions[1].startswith("'=HYPERLINK")


def test_write_report_with_control_characters_in_metadata_and_columns(tmp_path: Path):
    import pandas as pd

    frame = pd.DataFrame({"a\x02": ["x\x03"]})
    written = write_report({"lines": frame}, {"source": "f\x04.csv"}, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(written[0])
    assert book["lines"]["A1"].value == "a\ufffd" and book["info"]["B1"].value == "f\ufffd.csv"


def test_display_name_is_short_and_plain():
    long = "é" * 250 + ".csv"
    shown = display_name(long)
    assert len(shown) <= 80 and shown.endswith(".csv")
    assert display_name("../../etc/pass\x00wd") == "passwd"
    assert display_name("C:\\Users\\me\\lijst.xlsx") == "lijst.xlsx"
    assert display_name("\x01") == "upload"


def test_messages_use_the_given_name_not_the_stored_one(tmp_path: Path):
    stored = tmp_path / "upload.csv"
    stored.write_text("cpv,description\n", encoding="utf-8")
    table = read_purchase_file(stored, name="Inkoop 2026.csv")
    assert table.source == "Inkoop 2026.csv"
