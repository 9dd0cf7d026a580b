"""Curated data and scenario files of the Zuid-Holland energy-transition model.

Checks the tables technologies, deployment_history, material_intensities, technology_shares, lifetimes and
recovery_rates and the scenario YAML files against published reference values, independent re-computation
(scipy Weibull, PV_ICE g/m² → kg/MW), foreign keys, ranges and the rules of docs/scenarios.md.
"""

from __future__ import annotations

import math
import re
import shutil
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from scipy import stats

from crmradar import stockflow
from crmradar.data.schema import EMBEDDED_PACKAGE
from crmradar.data.validation import validate

DATA = EMBEDDED_PACKAGE / "data"
SCENARIOS = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "region" / "scenarios"
REGION_TABLES = ("technologies", "deployment_history", "material_intensities", "technology_shares", "lifetimes",
                 "recovery_rates")
REQUIRED_MATERIALS = {
    "lithium", "cobalt", "nickel", "natural_graphite", "manganese", "neodymium", "praseodymium", "dysprosium",
    "terbium", "silver", "gallium", "indium", "iridium", "platinum", "copper", "aluminium", "silicon_metal",
    "tellurium", "cadmium", "germanium", "boron", "zirconium", "palladium", "tantalum", "gold", "tin", "cerium",
    "lanthanum", "yttrium",
}
SERIES_UNITS = {"put_on_market_per_capita": "kg/capita", "population": "persons"}


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


def number(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column].replace("", None))


@pytest.fixture(scope="module")
def tech() -> pd.DataFrame:
    return table("technologies").set_index("id")


@pytest.fixture(scope="module")
def source_ids() -> set[str]:
    return set(table("sources")["id"])


@pytest.fixture(scope="module")
def scenarios() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(SCENARIOS.glob("*.yaml"))}


def test_region_tables_pass_package_validation():
    issues = [issue for issue in validate(EMBEDDED_PACKAGE)
              if any(Path(issue.file).stem == name for name in REGION_TABLES)]
    assert issues == []


@pytest.mark.parametrize("name", REGION_TABLES)
def test_foreign_keys_resolve(name, tech, source_ids):
    frame = table(name)
    materials = set(table("materials")["id"])
    for column in ("technology_id", "sub_technology_id", "parent", "mix"):
        if column in frame:
            values = set(frame[column]) - {""}
            assert values <= set(tech.index), f"{name}.{column}: {sorted(values - set(tech.index))}"
    if "material_id" in frame:
        values = set(frame["material_id"]) - {""}
        assert values <= materials, f"{name}.material_id: {sorted(values - materials)}"
    assert set(frame["source_id"]) <= source_ids


@pytest.mark.parametrize("name", REGION_TABLES)
def test_every_assumption_has_range_and_reason(name):
    frame = table(name)
    assumption = frame[frame["quality"] == "assumption"]
    if "low" in frame:
        assert (assumption["low"] != "").all() and (assumption["high"] != "").all()
        low, high = number(assumption, "low"), number(assumption, "high")
        assert (low <= high).all()
    assert (assumption["note"].str.strip() != "").all()


def test_intensities_min_le_median_le_max():
    frame = table("material_intensities")
    ranged = frame[(frame["low"] != "") & (frame["high"] != "")]
    value, low, high = number(ranged, "value"), number(ranged, "low"), number(ranged, "high")
    bad = ranged[(low > value) | (value > high)]
    assert bad.empty, bad[["technology_id", "material_id", "year"]].to_string()


def test_intensities_cover_required_materials_and_years():
    frame = table("material_intensities")
    assert set(frame["material_id"]) >= REQUIRED_MATERIALS
    assert frame["material_id"].nunique() >= 25
    # trajectories: the magnet and PV materials that thrift over time have 2020, 2030 and 2050 values
    for tech_id, material in (("wind_onshore_dd_pmsg", "neodymium"), ("motor_pmsm", "dysprosium"),
                              ("pv_csi", "silver"), ("pv_cigs", "indium"), ("pv_cdte", "tellurium")):
        years = set(frame[(frame.technology_id == tech_id) & (frame.material_id == material)]["year"].astype(int))
        assert {2020, 2030, 2050} <= years, (tech_id, material, years)


def test_intensity_units_match_sub_technology_units(tech):
    frame = table("material_intensities")
    expected = {"MW": "kg/MW", "kWh": "kg/kWh", "units": "kg/unit", "kg": "kg/kg"}
    for tech_id, unit in zip(frame["technology_id"], frame["unit"], strict=True):
        assert expected[tech.loc[tech_id, "unit"]] == unit, tech_id


def test_pv_ice_silver_is_grams_per_m2_over_efficiency():
    """kg/MW = (g/m²)/η: recompute every PV_ICE row from the published inputs quoted in its note."""
    frame = table("material_intensities")
    rows = frame[frame["source_id"].isin(["nrel_pv_ice", "nagle_2024_pv_ice_eu"])]
    assert len(rows) >= 20
    for note, value in zip(rows["note"], number(rows, "value"), strict=True):
        grams, eta = map(float, re.search(r"([\d.]+) g/m² at module efficiency ([\d.]+) %", note).groups())
        assert value == pytest.approx(grams / (eta / 100), rel=2e-3)
    silver_2020 = rows[(rows.material_id == "silver") & (rows.year == "2020")]
    # EU baseline (Nagle 2024): 3.595 g/m² Ag at 20 % efficiency = about 18 kg/MW, in the S&N 2020 range 13–18
    assert float(silver_2020["value"].iloc[0]) == pytest.approx(3.594965 / 0.20, rel=1e-3)


def test_pv_weibull_reproduces_pv_ice_t50_t90():
    frame = table("lifetimes")
    pv = frame[frame["technology_id"] == "solar_pv"]
    assert len(pv) >= 3
    for _, row in pv.iterrows():
        t50, t90 = map(float, re.search(r"T50 = ([\d.]+) y, T90 = ([\d.]+) y", row["note"]).groups())
        dist = stats.weibull_min(float(row["shape"]), scale=float(row["scale"]))
        assert dist.cdf(t50) == pytest.approx(0.5, abs=1e-4)
        assert dist.cdf(t90) == pytest.approx(0.9, abs=1e-4)
        assert float(row["value"]) == pytest.approx(dist.mean(), rel=1e-4)


def test_lifetime_parameters_match_their_distribution():
    frame = table("lifetimes")
    for _, row in frame.iterrows():
        present = {p for p in ("shape", "scale", "mean", "std") if row[p] != ""}
        expected = {"Weibull": {"shape", "scale"}, "Normal": {"mean", "std"}, "LogNormal": {"mean", "std"},
                    "Fixed": {"mean"}}[row["distribution"]]
        assert present == expected, row["technology_id"]
        if row["distribution"] == "Weibull":
            k, lam = float(row["shape"]), float(row["scale"])
            assert float(row["value"]) == pytest.approx(lam * math.gamma(1 + 1 / k), rel=1e-4)
        else:
            assert float(row["value"]) == pytest.approx(float(row["mean"]))
        if row["low"] != "":
            assert float(row["low"]) <= float(row["value"]) <= float(row["high"])


def lifetime_distribution(row: pd.Series):
    """The crmradar.stockflow distribution a lifetimes row describes (Fixed takes its years from `mean`)."""
    if row["distribution"] == "Weibull":
        return stockflow.Weibull(float(row["shape"]), float(row["scale"]))
    if row["distribution"] == "Fixed":
        return stockflow.Fixed(float(row["mean"]))
    kind = stockflow.Normal if row["distribution"] == "Normal" else stockflow.LogNormal
    return kind(float(row["mean"]), float(row["std"]))


def test_lifetimes_build_stockflow_distributions():
    frame = table("lifetimes")
    for _, row in frame.iterrows():
        dist = lifetime_distribution(row)
        assert float(dist.mean_lifetime()) == pytest.approx(float(row["value"]), rel=1e-5)  # 6 digits stored
        if row["distribution"] == "Normal":
            # flodym/ODYM Normal is not truncated: the share of negative lifetimes must be negligible
            assert stats.norm.cdf(-float(row["mean"]) / float(row["std"])) < 1e-3, row["technology_id"]
    pv_2020 = frame[(frame.technology_id == "solar_pv")].iloc[-1]
    survival = lifetime_distribution(pv_2020).survival(np.array([28.0, 33.0]))  # PV_ICE T50 = 28 y, T90 = 33 y
    assert survival == pytest.approx([0.5, 0.1], abs=1e-4)


def test_shares_sum_to_one_per_year(tech):
    frame = table("technology_shares")
    totals = frame.assign(v=number(frame, "value")).groupby(["technology_id", "scenario", "year"])["v"].sum()
    assert ((totals - 1).abs() < 1e-6).all(), totals[(totals - 1).abs() >= 1e-6]
    for mixed, sub in set(zip(frame["technology_id"], frame["sub_technology_id"], strict=True)):
        assert tech.loc[sub, "kind"] == "sub_technology"
        assert tech.loc[sub, "parent"] in {mixed, tech.loc[mixed, "parent"]}, (mixed, sub)
    # published reference: Degen et al. (2023) MIX scenario, LFP = 0.380 of new traction batteries in 2030
    lfp = frame[(frame.technology_id == "traction_battery") & (frame.scenario == "baseline")
                & (frame.year == "2030") & (frame.sub_technology_id == "batt_lfp")]
    assert float(lfp["value"].iloc[0]) == pytest.approx(0.380, abs=1e-3)


def test_mix_of_every_technology_has_shares_or_own_intensities(tech):
    shares = set(table("technology_shares")["technology_id"])
    carriers = set(table("material_intensities")["technology_id"])
    deployable = tech[tech["kind"].isin(["technology", "component"])]
    for tech_id, row in deployable.iterrows():
        if row["kind"] == "technology" and (tech.loc[tech.parent == tech_id, "kind"] == "component").any():
            continue  # vehicles carry materials through their battery and motor components
        target = row["mix"] or tech_id
        assert target in shares or target in carriers, tech_id


def test_components_have_sizes(tech):
    components = tech[tech["kind"] == "component"]
    assert len(components) == 8
    size, low, high = (components[c].astype(float) for c in ("size", "low", "high"))
    assert ((low <= size) & (size <= high) & (size > 0)).all()


def test_battery_regulation_targets():
    frame = table("recovery_rates")
    target = frame[(frame.technology_id == "traction_battery") & (frame.basis == "legal_target")]
    got = {(m, int(y)): float(v) for m, y, v in zip(target.material_id, target.year, target.value, strict=True)}
    # Regulation (EU) 2023/1542 Annex XII Part B
    assert got[("lithium", 2027)] == 0.5 and got[("lithium", 2031)] == 0.8
    assert got[("cobalt", 2027)] == 0.9 and got[("nickel", 2031)] == 0.95 and got[("copper", 2031)] == 0.95


def test_deployment_history_reference_values_and_derivation():
    frame = table("deployment_history")
    key = frame.set_index(["technology_id", "region", "year", "metric"])["value"].astype(float)
    assert key[("solar_pv", "NL36", "2019", "installed_stock")] == pytest.approx(793.551)  # CBS 84783NED
    assert key[("bev_car", "NL36", "2023", "installed_stock")] == 97515
    share = 793.551 / 7225.864
    for year in ("2021", "2022", "2023"):
        assert key[("solar_pv", "NL36", year, "installed_stock")] == pytest.approx(
            key[("solar_pv", "NL", year, "installed_stock")] * share, rel=1e-5)


def test_validator_reports_percent_share_with_file_row_and_column(tmp_path):
    frame = table("technology_shares")
    frame.loc[0, "value"] = "38"
    bad = tmp_path / "technology_shares.csv"
    frame.to_csv(bad, index=False, lineterminator="\n")
    issues = validate(bad)
    assert any(i.row == 2 and i.column == "value" and "fractions 0–1" in i.reason for i in issues)
    shutil.rmtree(tmp_path)


# ---- scenario files (rules of docs/scenarios.md) ----------------------------------------------------------

def scenario_problems(name: str, doc: dict, tech: pd.DataFrame, source_ids: set[str]) -> list[str]:
    problems = []
    shares = table("technology_shares")
    start, end = doc["start_year"], doc["end_year"]
    series = {**{f"drivers.{k}": v for k, v in doc.get("drivers", {}).items()},
              **{f"technologies.{k}": v for k, v in doc["technologies"].items()}}
    for path, entry in series.items():
        tech_id = path.split(".", 1)[1]
        if tech_id not in tech.index:
            problems.append(f"{path}: unknown technology")
            continue
        kind = tech.loc[tech_id, "kind"]
        if kind not in ("technology", "driver"):
            problems.append(f"{path}: {kind} is not deployable")
        expected_unit = SERIES_UNITS.get(entry["quantity"], tech.loc[tech_id, "unit"])
        if entry["unit"] != expected_unit:
            problems.append(f"{path}.unit: {entry['unit']} != {expected_unit}")
        years = [anchor["year"] for anchor in entry["trajectory"]]
        if years != sorted(set(years)) or years[0] > start or years[-1] < end:
            problems.append(f"{path}.trajectory: years {years}")
        for i, anchor in enumerate(entry["trajectory"]):
            if not 0 <= anchor["low"] <= anchor["value"] <= anchor["high"]:
                problems.append(f"{path}.trajectory[{i}]: range")
            if anchor["source"] not in source_ids:
                problems.append(f"{path}.trajectory[{i}].source: {anchor['source']}")
    for mixed, choice in doc.get("mix", {}).items():
        if "variant" in choice:
            variants = set(shares[shares.technology_id == mixed]["scenario"])
            if choice["variant"] not in variants:
                problems.append(f"mix.{mixed}.variant: {choice['variant']}")
        for i, anchor in enumerate(choice.get("shares", [])):
            subs = {k: v for k, v in anchor.items() if k not in ("year", "source", "note")}
            if abs(sum(subs.values()) - 1) > 1e-6 or anchor["source"] not in source_ids:
                problems.append(f"mix.{mixed}.shares[{i}]")
            if not all(tech.loc[s, "parent"] in {mixed, tech.loc[mixed, "parent"]} for s in subs):
                problems.append(f"mix.{mixed}.shares[{i}]: sub-technology of another parent")
    return problems


def test_three_scenarios_ship_and_name_matches_id(scenarios):
    assert set(scenarios) == {"trend", "targets", "high-electrification"}
    for name, doc in scenarios.items():
        assert doc["id"] == name and doc["schema_version"] == 1 and doc["region"] == "NL36"


@pytest.mark.parametrize("name", ["trend", "targets", "high-electrification"])
def test_scenario_follows_schema(name, scenarios, tech, source_ids):
    assert scenario_problems(name, scenarios[name], tech, source_ids) == []


def test_scenario_checker_catches_broken_files(scenarios, tech, source_ids):
    """The checks above can fail: unknown technology, negative value, missing end year, bad shares, bad source."""
    doc = yaml.safe_load(yaml.safe_dump(scenarios["targets"]))
    doc["technologies"]["wind_ofshore"] = doc["technologies"].pop("wind_offshore")
    doc["technologies"]["bev_bus"]["trajectory"] = doc["technologies"]["bev_bus"]["trajectory"][:-1]
    doc["technologies"]["electrolyser"]["trajectory"][-1]["value"] = -5
    doc["technologies"]["bev_car"]["trajectory"][-1]["source"] = "nowhere_2030"
    short_of_one = {"year": 2030, "el_pem": 0.5, "el_alkaline": 0.4, "source": "cbs_85005ned"}
    doc["mix"]["electrolyser"] = {"shares": [short_of_one]}
    problems = " | ".join(scenario_problems("targets", doc, tech, source_ids))
    for fragment in ("wind_ofshore: unknown", "bev_bus.trajectory: years", "electrolyser.trajectory[",
                     "nowhere_2030", "mix.electrolyser.shares[0]"):
        assert fragment in problems


def test_scenarios_are_ordered_by_ambition(scenarios):
    """High electrification ≥ targets ≥ trend in 2050 for the transition technologies (not ICT)."""
    def final(doc, tech_id):
        return doc["technologies"][tech_id]["trajectory"][-1]["value"]

    by = defaultdict(dict)
    for name, doc in scenarios.items():
        for tech_id in doc["technologies"]:
            by[tech_id][name] = final(doc, tech_id)
    for tech_id, values in by.items():
        if tech_id == "ict_electronics":
            continue
        assert values["trend"] <= values["targets"] <= values["high-electrification"], tech_id
