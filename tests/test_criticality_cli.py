"""``crmradar risk``: regional list from a user value-added file, reproducibility, clear input errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from crmradar.cli import app

TOY = "region_code,nace_code,year,value_added_meur\n" + "\n".join(
    f"XX99,{code},2021,{value}" for code, value in
    [("C20", 400), ("C28", 100), ("C29", 50), ("C26", 300), ("C27", 200), ("C25", 150), ("C24", 100),
     ("C22", 50), ("C23", 60), ("C10", 300)]
) + "\n"


def _run(*args: str):
    return CliRunner().invoke(app, ["risk", *args])


def test_risk_json_for_a_region_file_is_reproducible(tmp_path):
    path = tmp_path / "toy.csv"
    path.write_text(TOY, encoding="utf-8")
    first = _run("--region", "XX99", "--value-added", str(path), "--draws", "300", "--seed", "4", "--format", "json")
    second = _run("--region", "XX99", "--value-added", str(path), "--draws", "300", "--seed", "4", "--format", "json")
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    payload = json.loads(first.stdout)
    assert payload["metadata"]["q_max_region_meur"] == 400  # C20 is the toy region's largest division
    rows = {row["material_id"]: row for row in payload["data"]}
    # Gallium: SR ≈ 3.8 and its uses sit in C26/C27, large in the toy region -> critical there.
    assert "gallium" in rows
    assert rows["gallium"]["economic_importance_region"] > 2.8
    assert all(row["economic_importance_region"] >= 2.8 and row["supply_risk"] >= 1.0 for row in rows.values())


def test_bad_region_file_fails_with_row_and_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("region_code,nace_code,year,value_added_meur\nXX99,C20,2021,abc\n", encoding="utf-8")
    result = _run("--region", "XX99", "--value-added", str(path))
    assert result.exit_code == 2
    assert "row 2, column 'value_added_meur'" in result.output


def test_unknown_region_in_file_is_named(tmp_path):
    path = tmp_path / "toy.csv"
    path.write_text(TOY, encoding="utf-8")
    result = _run("--region", "XX11", "--value-added", str(path), "--draws", "100", "--format", "csv")
    assert result.exit_code == 2
    assert "XX11" in result.output and "XX99" in result.output  # names the unknown and the known regions
