"""CLI: crmradar materials / material / sources / data (validate, export, update, reset)."""

from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner

from crmradar import data
from crmradar.cli import app

runner = CliRunner()


def test_materials_json_lists_crma_status_and_official_values():
    result = runner.invoke(app, ["materials", "--strategic", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["material_id"]: row for row in json.loads(result.output)["data"]}
    assert rows["gallium"]["supply_risk"] == 3.9 and rows["gallium"]["crma_strategic"] is True
    assert "arsenic" not in rows  # critical, not strategic
    assert rows["copper"]["above_thresholds"] is False  # strategic although below the thresholds


def test_materials_table_is_dutch_by_default_and_english_on_request():
    dutch = runner.invoke(app, ["materials", "--critical"])
    english = runner.invoke(app, ["materials", "--critical", "--lang", "en"])
    assert "Grondstof" in dutch.output and "kobalt" in dutch.output
    assert "Material" in english.output and "Cobalt" in english.output


def test_materials_csv_round_trips():
    result = runner.invoke(app, ["materials", "--format", "csv"])
    frame = pd.read_csv(pd.io.common.StringIO(result.output))
    assert len(frame) >= 80 and {"material_id", "supply_risk", "economic_importance"} <= set(frame.columns)


def test_material_gallium_shows_china_processing_and_the_2023_control_with_sources():
    result = runner.invoke(app, ["material", "gallium", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    blocks = {block["key"]: block for block in payload["blocks"]}
    china = [r for r in blocks["producers"]["rows"] if r["country_iso3"] == "CHN" and r["stage"] == "processing"]
    assert china[0]["share"] == 0.938 and blocks["producers"]["sources"] == ["ec2023_crm_study"]
    measures = {r["measure_id"]: r for r in blocks["export_restrictions"]["rows"]}
    assert measures["cn_mofcom_2023_23"]["date_in_force"] == "2023-08-01"
    assert "mofcom_2023_23" in blocks["export_restrictions"]["sources"]
    concentration = {(r["scope"], r["stage"]): r for r in blocks["concentration"]["rows"]}
    assert concentration[("global_supply", "processing")]["crma_cap_exceeded"] is True
    risk = {r["indicator"]: r["value"] for r in blocks["risk"]["rows"]}
    assert risk["official_supply_risk"] == 3.9 and 3.0 < risk["supply_risk"] < 4.5
    assert {s["id"] for s in payload["sources"]} >= {"ec2023_crm_study", "mofcom_2023_23"}


def test_material_accepts_dutch_names_and_symbols():
    for name in ("kobalt", "Co", "COBALT"):
        result = runner.invoke(app, ["material", name, "--format", "json"])
        assert result.exit_code == 0 and json.loads(result.output)["material_id"] == "cobalt"


def test_unknown_material_exits_2_with_suggestions():
    result = runner.invoke(app, ["material", "galium"])
    assert result.exit_code == 2
    assert "unknown material 'galium'" in result.output and "gallium" in result.output


def test_sources_lists_original_publishers():
    result = runner.invoke(app, ["sources", "--format", "json"])
    ids = {row["id"] for row in json.loads(result.output)["data"]}
    assert {"ec2023_crm_study", "usgs_mcs2026", "wb_wgi", "cepii_baci", "eu_crma_2024_1252"} <= ids


def test_data_validate_reports_row_and_column_and_exits_2(tmp_path):
    frame = pd.read_csv(data.EMBEDDED_PACKAGE / "data" / "supply_shares.csv", dtype=str, keep_default_na=False)
    frame.loc[4, "share"] = "-0.5"
    path = tmp_path / "supply_shares.csv"
    frame.to_csv(path, index=False)
    result = runner.invoke(app, ["data", "validate", str(path)])
    assert result.exit_code == 2
    assert "row 6" in result.output and "column 'share'" in result.output and "nothing was changed" in result.output


def test_data_update_and_reset(tmp_path):
    frame = pd.read_csv(data.EMBEDDED_PACKAGE / "data" / "supply_shares.csv", dtype=str, keep_default_na=False)
    path = tmp_path / "supply_shares.csv"
    frame.to_csv(path, index=False)
    assert runner.invoke(app, ["data", "update", str(path)]).exit_code == 0
    assert data.user_package_dir().exists()
    assert runner.invoke(app, ["data", "reset"]).exit_code == 0
    assert not data.user_package_dir().exists()


def test_data_export_every_format(tmp_path):
    for fmt in ("csv", "parquet", "xlsx"):
        result = runner.invoke(app, ["data", "export", "--format", fmt, "--out", str(tmp_path / fmt)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "csv" / "datapackage.json").exists()
    assert pd.read_parquet(tmp_path / "parquet" / "materials.parquet").shape[0] >= 80
    sheets = pd.read_excel(tmp_path / "xlsx" / "crm-radar-data.xlsx", sheet_name=None)
    assert "fields_units" in sheets and "supply_shares" in sheets
