"""CRMA contribution of the project pipeline (issue 12, item 2), checked by hand on a toy table."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.scenarios.pipeline import parse_capacities, pipeline_frame, project_contributions

ANNEX = pd.DataFrame({"annex": ["I", "I"], "entry": ["d", "h"], "material_ids": ["cobalt", "lithium"]})
CONSUMPTION = pd.DataFrame([
    # entry, material, quantity, value, low, high
    ("d", "cobalt", "consumption", 10_000.0, 8_000.0, 12_500.0),
    ("d", "cobalt", "recycling_share", 0.20, None, None),
    ("d", "cobalt", "processing_share", 0.10, None, None),
    ("h", "lithium", "consumption", 4_000.0, None, None),
    ("h", "lithium", "processing_share", 0.0, None, None),
], columns=["crma_entry", "material_id", "quantity", "value", "low", "high"])
BENCHMARKS = pd.DataFrame({"id": ["eu_extraction_share", "eu_processing_share", "eu_recycling_share",
                                  "max_single_third_country_share"], "value": [0.10, 0.40, 0.25, 0.65]})
SHARES = pd.DataFrame([
    ("cobalt", "processing", "eu_sourcing", "CHN", 0.70), ("cobalt", "processing", "eu_sourcing", "FIN", 0.20),
    ("cobalt", "processing", "eu_sourcing", "USA", 0.10),
    ("lithium", "processing", "eu_sourcing", "CHL", 0.80), ("lithium", "processing", "eu_sourcing", "USA", 0.20),
], columns=["material_id", "stage", "scope", "country_iso3", "share"])
PIPELINE = pd.DataFrame([
    {"code": "a", "name": "A", "stage": "in_bedrijf", "start_year": 2025,
     "capacities": "recycling:cobalt:300|recycling:li_ion_batteries:10000"},
    {"code": "b", "name": "B", "stage": "financiering", "start_year": 2029, "capacities": "processing:lithium:400"},
    {"code": "c", "name": "C", "stage": "vergunning", "start_year": 2028, "capacities": "processing:cobalt:500"},
    {"code": "d", "name": "D", "stage": "gestopt", "start_year": 2027, "capacities": "recycling:cobalt:999"},
    {"code": "e", "name": "E", "stage": "bouw", "start_year": 2031, "capacities": "processing:cobalt:100"},
    {"code": "f", "name": "F", "stage": "bouw", "start_year": None, "capacities": ""},
])


def test_stage_filter_and_gross_input_are_reported():
    counted, skipped = pipeline_frame(PIPELINE, ANNEX, "financiering", convert=False)
    assert list(zip(counted["code"], counted["material_id"], counted["status"], strict=True)) == [
        ("a", "cobalt", "operating"), ("b", "lithium", "planned"), ("e", "cobalt", "under_construction")]
    reasons = dict(zip(skipped["code"] + skipped["reason"].str[:12], skipped["reason"], strict=True))
    assert any(k.startswith("arecycling l") for k in reasons)  # gross input listed, not counted
    assert set(skipped["code"]) == {"a", "c", "d", "f"}
    assert len(pipeline_frame(PIPELINE, ANNEX, "vergunning", convert=False)[0]) == 4
    with pytest.raises(ValueError):
        pipeline_frame(PIPELINE, ANNEX, "gestopt")
    assert parse_capacities(None) == [] and parse_capacities("recycling:cobalt:1.5") == [("recycling", "cobalt", 1.5)]


def test_each_project_moves_its_benchmark_and_the_cap_by_hand():
    counted, _ = pipeline_frame(PIPELINE, ANNEX, "financiering", convert=False)
    result = project_contributions(counted, CONSUMPTION, BENCHMARKS, SHARES, 2030).set_index("code")
    assert "e" not in result.index  # starts 2031, after the target year
    a = result.loc["a"]
    assert a["share_added"] == pytest.approx(300 / 10_000)
    assert a["share_added_low"] == pytest.approx(300 / 12_500) and a["share_added_high"] == pytest.approx(300 / 8_000)
    assert a["gap_closed"] == pytest.approx(0.03 / (0.25 - 0.20))
    # Recycling displaces refined imports: d = 0.20 (FIN), Δ = 0.03, k = (0.8 - 0.03) / 0.8, CHN 0.70 → 0.67375.
    assert a["cap_stage"] == "processing" and a["largest_third_country"] == "CHN"
    assert a["third_country_share_after"] == pytest.approx(0.70 * 0.77 / 0.80)
    assert bool(a["cap_exceeded_before"]) and bool(a["cap_exceeded_after"])
    b = result.loc["b"]
    assert b["share_added"] == pytest.approx(0.1) and b["gap_closed"] == pytest.approx(0.1 / 0.4)
    assert b["third_country_share_after"] == pytest.approx(0.80 * 0.9)  # d = 0, Δ = 0.1
    assert bool(b["cap_exceeded_after"])  # 0.72 > 0.65


def test_gross_battery_input_is_converted_to_contained_metal_by_hand():
    counted, skipped = pipeline_frame(PIPELINE, ANNEX, "financiering")
    converted = counted.loc[(counted["code"] == "a") & counted["capacity_basis"].str.startswith("assumption")]
    by = converted.set_index("material_id")
    # 10,000 t × 0.5 × 10 % Co = 500 (low 10,000 × 0.4 × 5 % = 200, high 10,000 × 0.6 × 15 % = 900); Li 4 % → 200
    assert by.loc["cobalt", ["capacity_t_per_year", "capacity_low", "capacity_high"]].tolist() == pytest.approx(
        [500, 200, 900])
    assert by.loc["lithium", ["capacity_t_per_year", "capacity_low", "capacity_high"]].tolist() == pytest.approx(
        [200, 120, 300])
    assert "nickel" not in by.index  # not an Annex I material of this toy annex
    assert "a" not in set(skipped["code"])  # converted, so not listed as not counted
    result = project_contributions(converted, CONSUMPTION, BENCHMARKS, SHARES, 2030).set_index("material_id")
    cobalt = result.loc["cobalt"]
    assert cobalt["share_added"] == pytest.approx(500 / 10_000)
    # low: least metal over the largest consumption; high: most metal over the smallest
    assert cobalt["share_added_low"] == pytest.approx(200 / 12_500)
    assert cobalt["share_added_high"] == pytest.approx(900 / 8_000)


def test_cli_uses_the_cited_pipeline_by_default_and_labels_the_illustrative_example():
    from crmradar.cli import app

    runner = CliRunner()
    default = runner.invoke(app, ["crma", "--format", "json"])
    assert default.exit_code == 0, default.output
    meta = json.loads(default.output)["metadata"]
    assert meta["pipeline"]["source"] == "package" and meta["pipeline"]["min_stage"] == "financiering"
    assert meta["illustrative"] is False
    not_counted = {row["code"]: row["reason"] for row in meta["pipeline"]["not_counted"]}
    assert "sk_tes_rotterdam" not in not_counted  # its gross input is converted to contained metal
    assert "SK tes battery recycling Rotterdam" in meta["projects_counted"]
    projects = runner.invoke(app, ["crma", "--view", "projects", "--format", "json"])
    rows = {r["material_id"]: r for r in json.loads(projects.output)["data"] if r["code"] == "sk_tes_rotterdam"}
    # 10,000 t/yr batteries × 0.5 t black mass/t × 20 % Ni, 10 % Co, 4 % Li (ranges 0.4-0.6 × 15-25 %, 5-15 %, 3-5 %)
    assert {m: (r["capacity_t_per_year"], r["capacity_low"], r["capacity_high"]) for m, r in rows.items()} == {
        "nickel": pytest.approx((1000, 600, 1500)), "cobalt": pytest.approx((500, 200, 900)),
        "lithium": pytest.approx((200, 120, 300))}
    assert all(r["capacity_basis"].startswith("assumption") for r in rows.values())
    table = runner.invoke(app, ["crma", "--view", "projects"], env={"COLUMNS": "160"})
    assert table.exit_code == 0 and "Niet meegeteld: Coolrec" in table.output and "aanname" in table.output
    example = runner.invoke(app, ["crma", "--illustrative", "--view", "projects"], env={"COLUMNS": "160"})
    assert example.exit_code == 0 and "ILLUSTRATIEF VOORBEELD" in example.output
    both = runner.invoke(app, ["crma", "--illustrative", "--portfolio", "x.yaml"])
    assert both.exit_code == 2
    assert runner.invoke(app, ["crma", "--min-stage", "gestopt"]).exit_code == 2
