"""The embedded data package: spec validity, provenance, loader and the validator on bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from crmradar import data

PACKAGE = data.EMBEDDED_PACKAGE
EXPECTED_TABLES = {
    "materials",
    "criticality_official",
    "supply_shares",
    "end_uses",
    "production",
    "governance",
    "export_restrictions",
    "countries",
    "sources",
}


def test_package_has_every_foundation_table(kb):
    assert set(kb.tables) >= EXPECTED_TABLES


def test_embedded_package_passes_our_validator():
    issues = data.validate(PACKAGE)
    assert issues == [], "\n".join(map(str, issues[:30]))


def test_embedded_package_passes_frictionless():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(PACKAGE / "datapackage.json"))
    errors = [error.message for task in report.tasks for error in task.errors][:20]
    assert report.valid, errors


def test_every_row_cites_a_known_source(kb):
    known = set(kb.sources["id"])
    for name, frame in kb.tables.items():
        if name == "sources":
            continue
        spec = kb.specs[name]
        assert "source_id" in spec.field_names, f"table {name} has no source_id column"
        assert spec.field("source_id").required, f"{name}.source_id must be required"
        missing = set(frame["source_id"]) - known
        assert not missing, f"{name}: unknown source ids {missing}"


def test_every_numeric_field_declares_a_unit(kb):
    for name, spec in kb.specs.items():
        for field in spec.fields:
            if field.type in ("number", "integer"):
                assert field.unit, f"{name}.{field.name} has no unit"


def test_assumptions_carry_a_range_and_reason(kb):
    for name, frame in kb.tables.items():
        if "quality" not in frame:
            continue
        assumptions = frame.loc[frame["quality"] == "assumption"]
        if assumptions.empty:
            continue
        assert {"low", "high", "note"} <= set(frame.columns), name
        assert assumptions[["low", "high"]].notna().all().all(), name
        assert (assumptions["note"].fillna("").str.len() > 10).all(), name


def test_loader_types_and_units(kb):
    assert kb.supply_shares["share"].dtype == "float64"
    assert kb.supply_shares.attrs["units"]["share"] == "fraction"
    assert kb.countries["eu27"].dtype == "boolean"
    assert int(kb.countries["eu27"].sum()) == 27


def test_loader_is_cached_until_files_change(tmp_path):
    first = data.load(PACKAGE)
    assert data.load(PACKAGE) is first
    copy = tmp_path / "package"
    shutil.copytree(PACKAGE, copy)
    loaded = data.load(copy)
    assert loaded is not first and loaded.path == copy.resolve()


# --- the validator on bad input -------------------------------------------------------------------


def _table(name: str) -> pd.DataFrame:
    return pd.read_csv(PACKAGE / "data" / f"{name}.csv", dtype=str, keep_default_na=False)


def _write(frame: pd.DataFrame, folder: Path, name: str) -> Path:
    path = folder / f"{name}.csv"
    frame.to_csv(path, index=False)
    return path


def _messages(issues) -> list[str]:
    return [str(issue) for issue in issues]


def test_missing_column_is_named(tmp_path):
    path = _write(_table("supply_shares").drop(columns=["share"]), tmp_path, "supply_shares")
    messages = _messages(data.validate(path))
    assert any("column 'share'" in m and "missing" in m and "row 1" in m for m in messages), messages


def test_negative_share_names_row_and_column(tmp_path):
    frame = _table("supply_shares")
    frame.loc[3, "share"] = "-0.2"
    path = _write(frame, tmp_path, "supply_shares")
    issues = data.validate(path)
    assert [(i.row, i.column) for i in issues] == [(5, "share")]  # header is row 1, frame row 3 is line 5
    assert "below the minimum 0" in issues[0].reason


def test_share_in_percent_is_a_wrong_unit(tmp_path):
    frame = _table("supply_shares")
    frame.loc[0, "share"] = "45"
    issues = data.validate(_write(frame, tmp_path, "supply_shares"))
    assert len(issues) == 1 and issues[0].row == 2
    assert "fraction" in issues[0].reason and "not percent" in issues[0].reason


def test_unknown_unit_value_is_rejected(tmp_path):
    frame = _table("production")
    frame.loc[0, "unit"] = "furlongs"
    issues = data.validate(_write(frame, tmp_path, "production"))
    assert [(i.row, i.column) for i in issues] == [(2, "unit")]
    assert "'furlongs' is not an allowed value" in issues[0].reason


def test_duplicate_key_points_to_both_rows(tmp_path):
    frame = _table("supply_shares")
    frame = pd.concat([frame, frame.iloc[[7]]], ignore_index=True)
    issues = data.validate(_write(frame, tmp_path, "supply_shares"))
    assert len(issues) == 1
    assert issues[0].row == len(frame) + 1 and "duplicate key" in issues[0].reason
    assert "first at row 9" in issues[0].reason


def test_unknown_country_is_rejected(tmp_path):
    frame = _table("supply_shares")
    frame.loc[0, "country_iso3"] = "XYZ"
    issues = data.validate(_write(frame, tmp_path, "supply_shares"))
    assert [(i.row, i.column) for i in issues] == [(2, "country_iso3")]
    assert "unknown iso3 'XYZ'" in issues[0].reason


def test_non_utf8_file_is_rejected_with_its_line(tmp_path):
    path = tmp_path / "supply_shares.csv"
    text = (PACKAGE / "data" / "supply_shares.csv").read_text(encoding="utf-8").splitlines()
    text[2] = text[2] + ",Türkiye"
    path.write_bytes("\n".join(text).encode("cp1252"))
    issues = data.validate(path)
    assert len(issues) == 1 and issues[0].row == 3 and "not UTF-8" in issues[0].reason


def test_empty_file_and_unknown_table_name(tmp_path):
    empty = tmp_path / "supply_shares.csv"
    empty.write_text("")
    assert "empty" in data.validate(empty)[0].reason
    other = tmp_path / "my_table.csv"
    other.write_text("a,b\n1,2\n")
    assert "file name must be a table name" in data.validate(other)[0].reason


def test_invalid_update_changes_nothing_and_valid_update_installs(tmp_path):
    frame = _table("supply_shares")
    good_share = frame.loc[0, "share"]
    frame.loc[0, "share"] = "-1"
    bad = _write(frame, tmp_path, "supply_shares")
    with pytest.raises(data.DataValidationError) as error:
        data.install_update(bad)
    assert error.value.issues[0].column == "share"
    assert not data.user_package_dir().exists()

    frame.loc[0, "share"] = good_share
    frame.loc[0, "note"] = "checked against the report by an analyst"
    installed = data.install_update(_write(frame, tmp_path, "supply_shares"))
    assert installed == ["supply_shares"]
    assert data.active_package_dir() == data.user_package_dir()
    updated = data.load()
    assert updated.supply_shares.loc[0, "note"] == "checked against the report by an analyst"
    descriptor = json.loads((data.user_package_dir() / "datapackage.json").read_text())
    assert {r["name"] for r in descriptor["resources"]} >= EXPECTED_TABLES

    frame.loc[1, "share"] = "2"
    with pytest.raises(data.DataValidationError):
        data.install_update(_write(frame, tmp_path, "supply_shares"))
    assert data.load().supply_shares.loc[1, "share"] == updated.supply_shares.loc[1, "share"]
    assert data.remove_update() and data.active_package_dir() == PACKAGE
