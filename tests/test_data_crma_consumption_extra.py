"""crma_consumption_capacity: EU consumption for Bi, B, Ge, Mn, PGM, Ti metal and W, checked against their inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmradar.scenarios.crma import crma_benchmark

# Independent inputs, typed from the publications (not imported from the curation script).
BORON_ATOMIC_MASS, OXYGEN_ATOMIC_MASS = 10.81, 15.999
EU_TUNGSTEN_MINE_2024_T = {"AUT": 840, "PRT": 650, "ESP": 700}
NEW_ENTRIES = {"b": "bismuth", "c": "boron", "g": "germanium", "j": "manganese", "m": "pgm", "p": "titanium_metal",
               "q": "tungsten"}


def sig3(value: float) -> float:
    return float(f"{value:.3g}")


@pytest.fixture(scope="module")
def consumption(kb) -> pd.DataFrame:
    crma = kb.crma_consumption_capacity
    return crma.loc[crma["quantity"] == "consumption"].set_index("crma_entry")


def test_every_annex_i_entry_now_has_a_consumption_figure(kb, consumption):
    annex_i = set(kb.crma_annex_entries.loc[kb.crma_annex_entries["annex"] == "I", "entry"])
    assert set(consumption.index) == annex_i
    for entry, material in NEW_ENTRIES.items():
        assert consumption.loc[entry, "material_id"] == material
        assert consumption.loc[entry, "unit"] == "t"


def test_assumptions_carry_a_range_around_the_value_and_a_reason(consumption):
    assumed = consumption.loc[consumption["quality"] == "assumption"]
    assert set(NEW_ENTRIES) - {"m"} <= set(assumed.index)
    assert assumed[["low", "high"]].notna().all().all()
    assert (assumed["low"] <= assumed["value"]).all() and (assumed["value"] <= assumed["high"]).all()
    assert assumed["note"].str.startswith("Assumption:").all()


def test_pgm_is_the_sum_of_european_platinum_palladium_and_rhodium_demand(consumption):
    # Johnson Matthey via PEACOC: Europe 2019, 79 t Pt, 72 t Pd, 4 t Rh.
    assert consumption.loc["m", "value"] == 79 + 72 + 4 == 155
    assert consumption.loc["m", "quality"] == "derived"


def test_boron_from_world_borate_use_and_the_b2o3_stoichiometry(consumption):
    boron_in_b2o3 = 2 * BORON_ATOMIC_MASS / (2 * BORON_ATOMIC_MASS + 3 * OXYGEN_ATOMIC_MASS)
    assert boron_in_b2o3 == pytest.approx(0.3106, abs=1e-4)
    world_b = 3.87e6 * (2.7 / 5.7) * boron_in_b2o3  # Eti Maden 2017: products, B2O3 share of capacity
    assert world_b == pytest.approx(569_000, rel=1e-3)
    row = consumption.loc["c"]
    assert [row["value"], row["low"], row["high"]] == [sig3(0.15 * world_b), sig3(0.10 * world_b),
                                                       sig3(0.20 * world_b)]


def test_tungsten_from_eu_mine_output_and_ec_import_reliance(kb, consumption):
    production = kb.production
    mine = production.loc[(production["material_id"] == "tungsten") & (production["year"] == 2024)
                          & production["country_iso3"].isin(EU_TUNGSTEN_MINE_2024_T)]
    assert dict(zip(mine["country_iso3"], mine["quantity"], strict=True)) == EU_TUNGSTEN_MINE_2024_T
    concentrate = sum(EU_TUNGSTEN_MINE_2024_T.values()) / (1 - 0.21)  # EC 2023 IR at extraction 0.21
    row = consumption.loc["q"]
    assert row["low"] == sig3(concentrate) == 2770
    assert row["value"] == sig3(concentrate / (1 - 0.80)) == 13900  # IR at processing 0.80


def test_manganese_is_the_eu_steel_share_of_world_mine_output(kb, consumption):
    world = kb.production.loc[(kb.production["material_id"] == "manganese") & (kb.production["year"] == 2024)
                              & (kb.production["country_iso3"] == "WLD"), "quantity"].iloc[0] * 1000  # kt -> t
    row = consumption.loc["j"]
    assert row["value"] == sig3(world * 126 / 1878.5)  # worldsteel: EU27 126 of 1,878.5 Mt crude steel
    assert [row["low"], row["high"]] == [sig3(0.06 * world), sig3(0.08 * world)]


def test_calculator_now_turns_project_tonnes_into_shares_for_the_new_entries(kb):
    projects = pd.DataFrame({"name": ["Ge recycling", "W recycling"], "stage": ["recycling", "recycling"],
                             "crma_entry": ["g", "q"], "capacity_t_per_year": [5.0, 1390.0],
                             "start_year": [2028, 2028], "status": ["planned", "planned"]})
    result = crma_benchmark(kb.crma_consumption_capacity, kb.crma_benchmarks, kb.supply_shares, projects, 2030)
    rows = result.set_index(["crma_entry", "stage"])
    # Hand-computed: Ge 0.02 + 5/25 = 0.22; W 0.42 + 1390/13900 = 0.52.
    assert rows.loc[("g", "recycling"), "share_after"] == pytest.approx(0.22)
    assert rows.loc[("q", "recycling"), "share_after"] == pytest.approx(0.52)
    assert rows.loc[("g", "recycling"), "share_after_low"] == pytest.approx(0.02 + 5 / 34)
    assert np.isfinite(rows.loc[("m", "processing"), "consumption_t"])
