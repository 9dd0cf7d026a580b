"""CRMA benchmark calculator: hand-computed gaps, portfolio before/after, displacement, shipped data."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.methods.concentration import EU27
from crmradar.scenarios.crma import (
    benchmark_position,
    crma_benchmark,
    current_position,
    displacement_factor,
    portfolio_additions,
    third_country_concentration,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "src/crmradar/scenarios/examples/portfolio_zuid_holland.yaml"
BENCHMARKS = pd.DataFrame({"id": ["eu_extraction_share", "eu_processing_share", "eu_recycling_share",
                                  "max_single_third_country_share"], "value": [0.10, 0.40, 0.25, 0.65]})


def _table(rows):
    return pd.DataFrame(rows, columns=["crma_entry", "material_id", "quantity", "value", "low", "high", "source_id"])


SYNTHETIC = _table([
    ("x", "lithium", "consumption", 1000.0, 800.0, 2000.0, "s"),
    ("x", "lithium", "extraction_share", 0.05, np.nan, np.nan, "s"),
    ("x", "lithium", "processing_share", 0.30, np.nan, np.nan, "s"),
    ("x", "lithium", "recycling_share", 0.10, np.nan, np.nan, "s"),
    ("y", "gallium", "processing_share", 0.02, np.nan, np.nan, "s"),
])
PROJECTS = pd.DataFrame({
    "name": ["mine", "refinery", "late", "dead", "ga"],
    "stage": ["extraction", "processing", "recycling", "recycling", "processing"],
    "crma_entry": ["x", "x", "x", "x", "y"],
    "capacity_t_per_year": [30.0, 150.0, 50.0, 20.0, 5.0],
    "start_year": [2028, 2025, 2031, 2026, 2027],
    "status": ["planned", "operating", "planned", "cancelled", "announced"],
})


def _row(frame, entry, stage):
    return frame.loc[(frame["crma_entry"] == entry) & (frame["stage"] == stage)].iloc[0]


def test_additions_count_only_started_and_not_cancelled_projects():
    added = portfolio_additions(PROJECTS, 2030).set_index(["crma_entry", "stage"])["added_t"]
    assert added.to_dict() == {("x", "extraction"): 30.0, ("x", "processing"): 150.0, ("y", "processing"): 5.0}
    # In 2031 the late project counts too.
    later = portfolio_additions(PROJECTS, 2031).set_index(["crma_entry", "stage"])
    assert later.loc[("x", "recycling"), "added_t"] == 50


def test_hand_computed_shares_and_gaps():
    result = benchmark_position(current_position(SYNTHETIC), portfolio_additions(PROJECTS, 2030), BENCHMARKS)
    extraction = _row(result, "x", "extraction")
    # 0.05 + 30/1000 = 0.08; gap 0.10 - 0.08 = 0.02 -> 20 t still missing.
    assert extraction["share_after"] == pytest.approx(0.08)
    assert extraction["gap_before"] == pytest.approx(0.05)
    assert extraction["gap_after"] == pytest.approx(0.02)
    assert extraction["capacity_gap_t_after"] == pytest.approx(20.0)
    assert not extraction["meets_benchmark_after"]
    # Consumption range 800-2000 t: 0.05 + 30/2000 = 0.065 and 0.05 + 30/800 = 0.0875.
    assert extraction["share_after_low"] == pytest.approx(0.065)
    assert extraction["share_after_high"] == pytest.approx(0.0875)
    processing = _row(result, "x", "processing")
    assert processing["share_after"] == pytest.approx(0.45)
    assert processing["gap_after"] == pytest.approx(-0.05)
    assert processing["capacity_gap_t_after"] == 0
    assert not processing["meets_benchmark_before"] and processing["meets_benchmark_after"]
    recycling = _row(result, "x", "recycling")
    assert recycling["added_t"] == 0 and recycling["share_after"] == pytest.approx(0.10)
    assert recycling["capacity_gap_t_after"] == pytest.approx(150.0)  # (0.25 - 0.10) * 1000


def test_unknown_consumption_gives_nan_only_where_capacity_is_added():
    result = benchmark_position(current_position(SYNTHETIC), portfolio_additions(PROJECTS, 2030), BENCHMARKS)
    gallium = _row(result, "y", "processing")
    assert math.isnan(gallium["share_after"]) and gallium["added_t"] == 5
    assert pd.isna(gallium["meets_benchmark_after"])
    # Not assessed stage: share NaN stays NaN, no crash.
    assert math.isnan(_row(result, "y", "extraction")["share_before"])
    no_projects = benchmark_position(current_position(SYNTHETIC), portfolio_additions(PROJECTS.iloc[0:0], 2030),
                                     BENCHMARKS)
    assert _row(no_projects, "y", "processing")["share_after"] == pytest.approx(0.02)


@pytest.mark.parametrize(
    ("eu_share", "displaced", "expected"),
    [(0.2, 0.16, 0.8), (0.2, 0.0, 1.0), (0.2, 0.9, 0.0), (1.0, 0.1, 1.0), (0.0, 0.25, 0.75)],
)
def test_displacement_factor_by_hand(eu_share, displaced, expected):
    assert displacement_factor(eu_share, displaced) == pytest.approx(expected)
    assert math.isnan(displacement_factor(0.2, float("nan")))


def test_third_country_share_after_matches_a_country_by_country_loop():
    shares = pd.DataFrame({
        "material_id": "lithium", "stage": "processing", "scope": "eu_sourcing",
        "country_iso3": ["CHL", "CHN", "ARG", "DEU", "ROW"], "share": [0.50, 0.20, 0.05, 0.20, 0.05]})
    position = pd.DataFrame({"crma_entry": ["x", "x"], "stage": ["processing", "recycling"],
                             "consumption_t": [1000.0, 1000.0], "added_t": [60.0, 100.0]})
    out = third_country_concentration(shares, {"x": "lithium"}, position).iloc[0]
    # Independent: EU share 0.20 (DEU); displaced (60 + 100)/1000 = 0.16 of consumption; each third country
    # keeps (0.80 - 0.16)/0.80 of its share, and ROW is an aggregate, not a supplier.
    kept = (1 - 0.20 - 0.16) / (1 - 0.20)
    scaled = {c: s * kept for c, s in zip(shares["country_iso3"], shares["share"], strict=True)
              if c not in EU27 and c != "ROW"}
    assert out["largest_third_country"] == max(scaled, key=scaled.get) == "CHL"
    assert out["third_country_share_before"] == pytest.approx(0.50)
    assert out["third_country_share_after"] == pytest.approx(max(scaled.values()))
    assert out["third_country_share_after"] == pytest.approx(0.40)
    assert out["share_scope"] == "eu_sourcing"


def test_shipped_package_before_values_are_published_figures(kb):
    no_projects = pd.DataFrame(columns=["crma_entry", "stage", "capacity_t_per_year", "start_year", "status"])
    result = crma_benchmark(kb.crma_consumption_capacity, kb.crma_benchmarks, kb.supply_shares, no_projects, 2030)
    assert set(result["crma_entry"]) == set("abcdefghijklmnopq")
    assert len(result) == 17 * 3
    cobalt = _row(result, "d", "recycling")
    # EC 2023 EoL-RIR for cobalt 22 %; benchmark 25 %; KU Leuven-derived consumption 18,200 t.
    assert cobalt["share_before"] == pytest.approx(0.22) and cobalt["benchmark"] == 0.25
    assert cobalt["capacity_gap_t_after"] == pytest.approx(0.03 * 18200)
    assert _row(result, "d", "processing")["share_before"] == pytest.approx(0.99)  # IR 0.01
    # Magnesium processing: China about 97 % of EU sourcing (EC 2023) is above the 65 % cap.
    magnesium = _row(result, "i", "processing")
    assert magnesium["largest_third_country"] == "CHN" and magnesium["single_country_cap_exceeded_after"]


def test_cli_example_portfolio_before_and_after():
    runner = CliRunner()
    before = runner.invoke(app, ["crma", "--format", "json"])
    after = runner.invoke(app, ["crma", "--portfolio", str(EXAMPLE), "--year", "2030", "--format", "json"])
    assert before.exit_code == 0 and after.exit_code == 0, after.output
    rows_before = {(r["crma_entry"], r["stage"]): r for r in json.loads(before.stdout)["data"]}
    payload = json.loads(after.stdout)
    rows_after = {(r["crma_entry"], r["stage"]): r for r in payload["data"]}
    cobalt = rows_after[("d", "recycling")]
    # default = the cited pipeline: SK tes's 10,000 t/yr batteries → 500 t/yr cobalt in black mass (assumption)
    assert rows_before[("d", "recycling")]["share_after"] == pytest.approx(0.22 + 500 / 18200)
    assert cobalt["added_t"] == 300 and cobalt["share_after"] == pytest.approx(0.22 + 300 / 18200)
    # Lithium recycling: 150 + 600 t counted; the 2032 nickel phase is not.
    assert rows_after[("h", "recycling")]["added_t"] == 750
    assert rows_after[("l", "recycling")]["added_t"] == 800
    excluded = payload["metadata"]["projects_excluded"]
    assert excluded == [{"name": "Hypothetical second refinery phase (after 2030)", "reason": "starts 2032 after 2030"}]
    assert len(payload["metadata"]["assumptions"]) >= 5
    later = json.loads(runner.invoke(app, ["crma", "--portfolio", str(EXAMPLE), "--year", "2032",
                                           "--format", "json"]).stdout)
    assert {(r["crma_entry"], r["stage"]): r for r in later["data"]}[("l", "recycling")]["added_t"] == 2800


def test_cli_rejects_out_of_range_year():
    result = CliRunner().invoke(app, ["crma", "--year", "1850"])
    assert result.exit_code == 2 and "--year" in result.stderr
