"""Business case (issue 12, item 3): NPV, IRR and payback by hand on a toy project, Monte Carlo bands bracket
the median, feedstock equals the recycling model's output, and the CLI for the port's battery recycler."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.scenarios import business_case as bc


def test_npv_irr_payback_by_hand():
    flows = [-100.0, 30.0, 40.0, 50.0]
    # NPV at 10 %: -100 + 30/1.1 + 40/1.21 + 50/1.331 = -100 + 27.2727 + 33.0579 + 37.5657 = -2.1037
    assert bc.npv(0.10, flows) == pytest.approx(-2.103681, abs=1e-6)
    rate = bc.irr(flows)
    assert bc.npv(rate, flows) == pytest.approx(0.0, abs=1e-6) and rate == pytest.approx(0.0889633, abs=1e-6)
    # cumulative -100, -70, -30, +20: pays back 30/50 = 0.6 into year 3 → 2.6 years
    assert bc.payback(flows) == pytest.approx(2.6)
    assert np.isnan(bc.payback([-100.0, 10.0, 10.0]))
    losing = bc.irr([-100.0, 10.0, 10.0])  # a loss has a negative IRR: -100 + 10/(1+r) + 10/(1+r)^2 = 0
    assert losing < 0 and bc.npv(losing, [-100.0, 10.0, 10.0]) == pytest.approx(0.0, abs=1e-6)
    assert np.isnan(bc.irr([100.0, 10.0]))


def _toy(draws=400, capacity=1000.0, feed_level=800.0):
    years = np.arange(2020, 2051)
    rng = np.random.default_rng(1)
    feed = feed_level * (1 + 0.1 * rng.standard_normal((draws, 1))) * np.linspace(0.5, 2.0, len(years))[None, :]
    recoverable = {"cobalt": feed * 0.02, "lithium": feed * 0.01}
    fixed = tuple(bc.Assumption(a.name, a.mode, a.mode, a.mode, a.unit, a.quality, a.reason)
                  for a in bc.BATTERY_PRETREATMENT)
    return years, feed, recoverable, fixed, capacity


def test_margin_by_hand_with_fixed_inputs():
    years, feed, recoverable, fixed, capacity = _toy(draws=3)
    feed = np.full_like(feed, 1200.0)  # above capacity: throughput = capacity
    inputs = bc.BusinessCaseInputs(years, feed, {"cobalt": feed * 0.02}, {"cobalt": (30.0, 30.0, 30.0)},
                                   capacity, 2030, fixed)
    result = bc.run(inputs, seed=7)
    # revenue/t = 0.02 t Co × 30 USD/kg × 1000 × 0.90 EUR/USD × 0.65 payable = 351 EUR/t; cost 600 + 0 EUR/t
    margin = capacity * (0.02 * 30 * 1000 * 0.90 * 0.65 - 600.0) / 1e6
    assert result["yearly"]["margin_p50_meur"].tolist() == pytest.approx([margin] * bc.LIFETIME_YEARS)
    assert result["npv_meur"]["p50"] == pytest.approx(bc.npv(0.08, [-40.0] + [margin] * bc.LIFETIME_YEARS))
    assert result["plant_scale_year"] == {"p5": 2020, "p50": 2020, "p95": 2020}


def test_monte_carlo_bands_bracket_the_median_and_the_tornado_is_sorted():
    years, feed, recoverable, _fixed, capacity = _toy()
    inputs = bc.BusinessCaseInputs(years, feed, recoverable, {"cobalt": (20.0, 30.0, 45.0),
                                                              "lithium": (8.0, 10.0, 14.0)}, capacity, 2030)
    result = bc.run(inputs, seed=3)
    for key in ("npv_meur", "irr", "payback_years"):
        band = result[key]
        if not np.isnan(band["p50"]):
            assert band["p5"] <= band["p50"] <= band["p95"], key
    yearly = result["yearly"]
    assert (yearly["margin_p5_meur"] <= yearly["margin_p50_meur"]).all()
    assert (yearly["margin_p50_meur"] <= yearly["margin_p95_meur"]).all()
    assert (yearly["throughput_p95"] <= capacity + 1e-9).all()
    swings = result["tornado"]["swing_meur"].tolist()
    assert swings == sorted(swings, reverse=True) and "feedstock" in set(result["tornado"]["input"])
    # Same seed, same answer.
    assert bc.run(inputs, seed=3)["npv_meur"] == result["npv_meur"]


def test_every_assumption_has_a_range_and_a_reason():
    for a in bc.BATTERY_PRETREATMENT:
        assert a.low <= a.mode <= a.high and a.low < a.high and a.reason and a.quality == "assumption"


def test_feedstock_equals_the_recycling_models_output_and_cli_reports_bands():
    from crmradar import data
    from crmradar.cli import app
    from crmradar.region.build import build_spec
    from crmradar.region.scenario import load_scenario
    from crmradar.scenarios import recycling

    draws, seed = 20, 11
    runner = CliRunner()
    out = runner.invoke(app, ["business-case", "sk_tes_rotterdam", "--draws", str(draws), "--seed", str(seed),
                              "--view", "years", "--format", "csv", "--catchment", "nl"])
    assert out.exit_code == 0, out.output
    yearly = pd.read_csv(io.StringIO(out.output)).set_index("year")
    kb = data.load()
    spec = build_spec(load_scenario("targets", kb), kb)
    flows = recycling.simulate_streams(spec, kb.product_masses, draws, seed)
    ratio = recycling.catchment_ratio(kb.catchment_population, "nl")
    model = np.percentile(flows.feedstock["li_ion_batteries"] * ratio, 50, axis=0)
    for year in (2024, 2030, 2038):
        assert yearly.loc[year, "feed_p50"] == pytest.approx(model[list(flows.years).index(year)], rel=1e-9)
        assert yearly.loc[year, "throughput_p50"] <= 10_000 + 1e-6
    summary = runner.invoke(app, ["business-case", "sk_tes_rotterdam", "--draws", str(draws), "--seed", str(seed),
                                  "--format", "json"])
    assert summary.exit_code == 0
    import json

    meta = json.loads(summary.output)["metadata"]
    assert meta["capacity_t_per_year"] == 10_000 and meta["start_year"] == 2024
    assert set(meta["npv_meur"]) == {"p5", "p50", "p95"}
    assert all(a["quality"] == "assumption" and a["low"] < a["high"] for a in meta["assumptions"])
    assert runner.invoke(app, ["business-case", "elygator"]).exit_code == 2  # no recycling capacity
    assert runner.invoke(app, ["business-case"]).exit_code == 2


def test_price_range_moves_the_npv_by_hand_in_the_tornado():
    years, feed, _recoverable, fixed, capacity = _toy(draws=3)
    feed = np.full_like(feed, capacity)
    inputs = bc.BusinessCaseInputs(years, feed, {"cobalt": feed * 0.01}, {"cobalt": (10.0, 20.0, 30.0)},
                                   capacity, 2030, fixed)
    row = bc.run(inputs, seed=1)["tornado"].set_index("input").loc["price:cobalt"]
    # yearly revenue difference = 1000 t × 0.01 t Co/t × (30 − 10) USD/kg × 1000 × 0.90 × 0.65 = 117,000 EUR;
    # over 15 years at 8 %: × (1 − 1.08^−15)/0.08 = 8.559479 → 1.001459 EUR million
    assert row["swing_meur"] == pytest.approx(1.001459, abs=1e-5)
    assert row["npv_at_high_meur"] > row["npv_at_low_meur"]


def test_package_price_ranges_are_the_usgs_2021_2025_annual_averages():
    from crmradar import data
    from crmradar.scenarios.business_case_project import price_ranges

    kb = data.load()
    ranges, sources = price_ranges(kb.material_prices, ["cobalt", "nickel", "lithium", "unobtainium"])
    lb = 0.45359237
    # cobalt LME cash: 2025 15 USD/lb; 2024 11.84 (lowest), 2022 28.83 (highest)
    assert ranges["cobalt"] == pytest.approx((11.84 / lb, 15 / lb, 28.83 / lb), rel=1e-5)
    assert ranges["nickel"] == pytest.approx((15.0, 15.0, 25.815))
    # lithium carbonate 9,000 (2025) … 63,700 USD/t (2022) per kg of Li2CO3; Li = 2 × 6.94 / 73.89 of Li2CO3
    li = 2 * 6.94 / (2 * 6.94 + 12.011 + 3 * 15.999)
    assert ranges["lithium"] == pytest.approx((9 / li, 9 / li, 63.7 / li), rel=2e-3)
    assert "unobtainium" not in ranges and sources["cobalt"].startswith("usgs_mcs2026")
