"""``crmradar shock`` end to end: register replay, custom shocks, side by side, formats and bad input."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.cli import app

runner = CliRunner()
CUSTOM = ["shock", "--country", "CHN", "--material", "gallium", "--stage", "processing", "--from", "2026",
          "--until", "2028", "--draws", "20"]


def _json(args: list[str]) -> dict:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _value(payload: dict, item: str, column: str) -> float:
    return next(row[column] for row in payload["data"] if row["item"] == item)


def test_replays_the_2023_gallium_germanium_controls():
    payload = _json(["shock", "--measure", "cn_mofcom_2023_23", "--until", "2026", "--draws", "30"])
    meta = payload["metadata"]["shocks"]["cn_mofcom_2023_23"]
    names = {p["parameter"]: p for p in meta["parameters"]}
    assert names["fraction.licence_requirement"]["source_id"] == "gac_2023_ga_ge_exports"
    assert names["rerouting"]["quality"] == "assumption"
    assert [r["from"] for r in meta["rows"]] == ["2023-08", "2023-08"]
    p50 = _value(payload, "gallium: EU supply shortfall", "cn_mofcom_2023_23 p50")
    assert 0.685 * 0.2 * 0.7 <= p50 <= 0.695 * 0.7  # share × licence fraction × (1 − rerouting)
    assert _value(payload, "gallium: months without stockpile cover", "cn_mofcom_2023_23 p50") == 41
    pv = _value(payload, "solar_pv_residential", "cn_mofcom_2023_23 p50")
    assert pv > 0
    sections = {row["section"] for row in payload["data"]}
    assert sections == {"supply", "zh_material", "zh_deployment", "eu_value_added", "zh_value_added"}


def test_two_shocks_side_by_side_share_the_model_draws():
    payload = _json(["shock", "--measure", "cn_mofcom_2023_23", "--measure", "cn_mofcom_2025_18", "--until",
                     "2026", "--draws", "20"])
    columns = set(payload["data"][0])
    assert {"cn_mofcom_2023_23 p50", "cn_mofcom_2025_18 p50"} <= columns
    rows = {row["item"]: row for row in payload["data"]}
    assert rows["terbium: EU supply shortfall"]["cn_mofcom_2023_23 p50"] is None
    assert rows["wind_offshore"]["cn_mofcom_2025_18 p95"] > 0


def test_fraction_zero_changes_nothing():
    payload = _json([*CUSTOM, "--fraction", "0"])
    label = "CHN-gallium-2026"
    for row in payload["data"]:
        if "months" not in row["item"]:
            assert row[f"{label} p95"] == 0.0, row


def test_full_ban_of_the_sole_supplier_is_a_full_shortfall():
    payload = _json(["shock", "--country", "POL", "--material", "rhenium", "--stage", "processing", "--fraction",
                     "1", "--from", "2030", "--rerouting", "0", "--draws", "10"])
    for column in ("p5", "p50", "p95"):
        assert _value(payload, "rhenium: EU supply shortfall", f"POL-rhenium-2030 {column}") == 1.0
        assert _value(payload, "rhenium: NL supply shortfall", f"POL-rhenium-2030 {column}") == 1.0


def test_levers_reduce_the_deployment_at_risk():
    base = _json([*CUSTOM, "--fraction", "1", "--rerouting", "0"])
    levered = _json([*CUSTOM, "--fraction", "1", "--rerouting", "0.5", "--stockpile-months", "6",
                     "--substitution-elasticity", "0.5"])
    label = "CHN-gallium-2026 p50"
    before = _value(base, "solar_pv_commercial", label)
    after = _value(levered, "solar_pv_commercial", label)
    assert 0 < after < 0.5 * before
    assert _value(levered, "gallium: EU supply shortfall", label) == pytest.approx(0.69 * 0.5, abs=0.003)


def test_csv_out_file_matches_stdout(tmp_path):
    out = tmp_path / "shock.csv"
    result = runner.invoke(app, [*CUSTOM, "--fraction", "0.5", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(out).equals(pd.read_csv(io.StringIO(result.stdout)))


@pytest.mark.parametrize(("args", "message"), [
    (["shock", "--measure", "cn_mofcom_1999"], "--measure: unknown measure id"),
    (["shock"], "give --measure ID"),
    ([*CUSTOM, "--fraction", "1.5"], "--fraction: 1.5"),
    (["shock", "--country", "CHN", "--material", "gallium", "--from", "2026"], "--fraction"),
    ([*CUSTOM[:2], "XYZ", *CUSTOM[3:], "--fraction", "1"], "--country: 'XYZ'"),
    ([*CUSTOM, "--fraction", "1", "--stage", "smelting"], "--stage: 'smelting'"),
    (["shock", "--country", "CHN", "--material", "gallium", "--fraction", "1", "--from", "2027", "--until", "2026"],
     "is before --from"),
    (["shock", "--country", "CHN", "--material", "gallium", "--fraction", "1", "--from", "2060"],
     "outside the model years"),
    ([*CUSTOM, "--fraction", "1", "--rerouting", "2"], "--rerouting: 2.0"),
    ([*CUSTOM, "--fraction", "1", "--stockpile-months", "-1"], "--stockpile-months"),
    ([*CUSTOM, "--fraction", "1", "--from", "2026-14"], "month 14"),
    ([*CUSTOM, "--fraction", "1", "--targets", "USA,XXX"], "--targets: unknown ISO3"),
])
def test_bad_input_is_a_clear_error_and_writes_nothing(tmp_path, args, message):
    out = tmp_path / "result.csv"
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_bad_out_suffix_is_refused_before_computing(tmp_path):
    out = tmp_path / "result.xlsx"
    result = runner.invoke(app, [*CUSTOM, "--fraction", "1", "--out", str(out)])
    assert result.exit_code == 2 and "--out must end in .csv or .json" in result.output
    assert not out.exists()
