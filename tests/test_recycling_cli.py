"""``crmradar recycling`` end to end on a few draws: formats, catchment scaling, capacities, bad input."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def summary_json():
    result = runner.invoke(app, ["recycling", "--draws", "5", "--seed", "3", "--catchment", "zh", "--catchment", "nl",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_summary_names_plant_scale_years_for_zh_and_nl(summary_json):
    rows = pd.DataFrame(summary_json["data"]).set_index(["catchment", "input_stream"])
    assert set(rows.index.get_level_values(0)) == {"zh", "nl"}
    for catchment in ("zh", "nl"):
        for stream in ("li_ion_batteries", "pv_modules"):
            year = rows.loc[(catchment, stream), "year_central"]
            assert year == "not before 2050" or year.endswith("or earlier") or 2020 < int(year) <= 2050
    # the NL feedstock is the ZH feedstock × population ratio, so it reaches the scale no later
    zh, nl = rows.loc[("zh", "li_ion_batteries")], rows.loc[("nl", "li_ion_batteries")]
    ratio = summary_json["metadata"]["catchment_ratio_to_zuid_holland"]["nl"]
    assert nl["feedstock_2050_p50_t"] == pytest.approx(zh["feedstock_2050_p50_t"] * 17_800_000 / 3_811_760)
    assert ratio == pytest.approx(4.6698, abs=1e-4)
    # SK tes Rotterdam: 10,000 t/yr, the only existing battery plant in Zuid-Holland and in NL
    assert zh["capacity_existing_t"] == 10_000 and nl["capacity_existing_t"] == 10_000
    assert zh["gap_2050_p50_t"] == pytest.approx(zh["feedstock_2050_p50_t"] - 10_000)
    assert (zh["scale_low_t"], zh["scale_central_t"], zh["scale_high_t"]) == (3000, 10000, 30000)


def test_metadata_lists_assumptions_masses_and_price_rows(summary_json):
    meta = summary_json["metadata"]
    assert any("population ratio" in a for a in meta["assumptions"])
    assert any(m["product_id"] == "pv_module" and m["quality"] == "assumption" for m in meta["product_masses"])
    lithium = next(p for p in meta["prices"] if p["material_id"] == "lithium")
    assert lithium["source_id"] == "usgs_mcs2026" and "2025" in lithium["period"]
    assert meta["capacity_statuses"] == ["existing"]


def test_years_view_csv_out_and_planned_capacity(tmp_path):
    out = tmp_path / "gaps.csv"
    result = runner.invoke(app, ["recycling", "--draws", "4", "--catchment", "nl-be-nrw", "--view", "years",
                                 "--with-planned", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert len(frame) == 5 * 31  # five streams × 2020–2050
    batteries = frame.loc[frame.input_stream == "li_ion_batteries"]
    # existing SK tes 10,000 + Umicore Hoboken 7,000, plus cylib Dormagen 30,000 under construction
    assert (batteries["capacity_t"] == 47_000).all()
    pd.testing.assert_series_equal(batteries["gap_p50_t"], batteries["feedstock_p50_t"] - 47_000, check_names=False)
    assert (frame["feedstock_p5_t"] <= frame["feedstock_p50_t"]).all()
    assert (frame["feedstock_p50_t"] <= frame["feedstock_p95_t"]).all()
    meta = json.loads(out.with_suffix(".csv.json").read_text())
    assert meta["capacity_statuses"] == ["existing", "under_construction", "planned"]


def test_unknown_catchment_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "x.csv"
    result = runner.invoke(app, ["recycling", "--catchment", "de", "--draws", "2", "--out", str(out)])
    assert result.exit_code == 2
    assert "unknown catchment 'de'" in result.output and "nl-be-nrw" in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_unknown_scenario_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "x.csv"
    result = runner.invoke(app, ["recycling", "--scenario", "no-such", "--draws", "2", "--out", str(out)])
    assert result.exit_code == 2
    assert "unknown scenario 'no-such'" in result.output and "targets" in result.output
    assert list(tmp_path.iterdir()) == []


def test_bad_out_suffix_exits_2(tmp_path):
    result = runner.invoke(app, ["recycling", "--draws", "2", "--out", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2 and ".csv or .parquet" in result.output
    assert list(tmp_path.iterdir()) == []
