"""``crmradar procure`` end to end on the shipped data and the illustrative purchase list."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.commands.procure import EXAMPLE_STEM, EXAMPLES, ILLUSTRATIVE

runner = CliRunner()
EXAMPLE_XLSX = EXAMPLES / f"{EXAMPLE_STEM}.xlsx"
EXAMPLE_CSV = EXAMPLES / f"{EXAMPLE_STEM}.csv"


def run(*args: str):
    return runner.invoke(app, ["procure", *args])


@pytest.fixture(scope="module")
def example_report(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("report") / "report.json"
    result = run("scan", str(EXAMPLE_XLSX), "--out", str(out))
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_example_is_marked_illustrative():
    workbook = openpyxl.load_workbook(EXAMPLE_XLSX)
    assert workbook["toelichting"]["A1"].value == ILLUSTRATIVE
    assert all(row[-1] == ILLUSTRATIVE for row in workbook["inkoop"].iter_rows(min_row=2, values_only=True))
    csv_rows = pd.read_csv(EXAMPLE_CSV, dtype=str)
    assert (csv_rows["opmerking"] == ILLUSTRATIVE).all()


def test_example_report_names_top_crms_and_clauses(example_report):
    meta = example_report["metadata"]
    assert meta["rows_read"] == 28 and meta["rows_scanned"] == 27 and meta["rows_unmapped"] == 1
    ranked = example_report["materials"]
    weights = [row["sr_weighted_kg"] for row in ranked if row["sr_weighted_kg"] is not None]
    assert weights == sorted(weights, reverse=True)
    assert [row["rank"] for row in ranked[:3]] == [1, 2, 3]
    top = {row["material_id"] for row in ranked[:5]}
    assert {"cobalt", "lithium", "natural_graphite"} <= top
    clause_ids = {row["clause_id"] for row in example_report["clauses"]}
    assert {"nzia_resilience", "battery_chemistry_lfp", "refurbished_reuse", "take_back_recycling"} <= clause_ids
    nzia = next(row for row in example_report["clauses"] if row["clause_id"] == "nzia_resilience")
    assert nzia["rows"] == "16;18"  # PV modules and the lithium battery store
    unmapped = [row for row in example_report["issues"] if row["severity"] == "unmapped"]
    assert unmapped[0]["row"] == 29 and "39130000" in unmapped[0]["message"]


def test_example_totals_add_up(example_report):
    lines = pd.DataFrame(example_report["lines"])
    materials = pd.DataFrame(example_report["materials"])
    line_materials = pd.DataFrame(example_report["line_materials"])
    assert lines["all_materials_kg"].sum() == pytest.approx(materials["content_kg"].sum())
    assert line_materials["content_kg"].sum() == pytest.approx(materials["content_kg"].sum())
    assert (materials["low_kg"] <= materials["content_kg"] + 1e-9).all()
    assert (materials["content_kg"] <= materials["high_kg"] + 1e-9).all()


def test_screen_output_without_out():
    result = run("scan", str(EXAMPLE_CSV), "--format", "csv", "--top", "3")
    assert result.exit_code == 0
    frame = pd.read_csv(pd.io.common.StringIO(result.stdout))
    assert list(frame["rank"]) == [1, 2, 3]


def test_nothing_scannable_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("cpv,description,quantity,unit\n99999999,x,1,stuks\n30213100,y,-1,stuks\n", encoding="utf-8")
    out = tmp_path / "report.xlsx"
    result = run("scan", str(bad), "--out", str(out))
    assert result.exit_code == 2
    assert "bad.csv: row 2, column cpv: 99999999: 99 is not a CPV 2008 division" in result.output
    assert "row 3, column quantity: negative quantity -1" in result.output
    assert "no row could be scanned" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        ("cpv,description,quantity,unit\n30213100,caf\u00e9,1,st\n".encode("cp1252"), "row 2: not UTF-8"),
        (b"cpv,description,quantity,unit,quantity\n30213100,x,1,st,2\n", "duplicate column 'quantity'"),
        (b"cpv,description,quantity\n30213100,x,1\n", "missing column(s) unit"),
        (b"cpv,description,quantity,unit\n", "no data rows"),
    ],
)
def test_unreadable_files_exit_2(tmp_path, content, message):
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    out = tmp_path / "report.csv"
    result = run("scan", str(path), "--out", str(out))
    assert result.exit_code == 2
    assert "list.csv" in result.output and message in " ".join(result.output.split())
    assert not out.exists()


def test_wrong_sheet_exits_2(tmp_path):
    result = run("scan", str(EXAMPLE_XLSX), "--sheet", "Blad1", "--out", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 2
    assert "no sheet 'Blad1'; sheets: inkoop, toelichting" in " ".join(result.output.split())


def test_partial_file_scans_valid_rows(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        "cpv;omschrijving;aantal;eenheid\n30213100-6;laptops;10;stuks\n30213100;kapot;tien;stuks\n", encoding="utf-8"
    )
    out = tmp_path / "mixed.csv.xlsx"
    result = run("scan", str(path), "--out", str(out))
    assert result.exit_code == 0
    assert "1 of 2 rows scanned (1 invalid, 0 unmapped)" in " ".join(result.output.split())
    issues = pd.read_excel(out, sheet_name="issues")
    assert issues.loc[0, ["row", "column", "severity"]].tolist() == [3, "quantity", "error"]


def test_example_and_catalog_commands(tmp_path):
    result = run("example", "--out", str(tmp_path / "v.csv"))
    assert result.exit_code == 0 and (tmp_path / "v.csv").read_bytes() == Path(EXAMPLE_CSV).read_bytes()
    archetypes = run("archetypes", "--format", "json")
    assert archetypes.exit_code == 0 and len(json.loads(archetypes.stdout)["data"]) >= 40
    clauses = run("clauses", "--format", "csv")
    assert clauses.exit_code == 0 and "nzia_resilience" in clauses.stdout
