"""recycling_facilities, plant_scale, material_prices, crma_consumption_capacity: keys, FKs, values, helpers."""

from __future__ import annotations

import pandas as pd
import pytest

from crmradar.scenarios.facilities import CATCHMENTS, capacity_by_stream, facilities_in_catchment

# Exact unit definitions, written out independently of the curation script.
GRAMS_PER_TROY_OUNCE = 31.1034768
GRAMS_PER_POUND = 453.59237
CATCHMENT_COUNTRY = {"zh": "NLD", "nl": "NLD", "be": "BEL", "nrw": "DEU", "de-other": "DEU"}
PRICE_MATERIALS = {"lithium", "cobalt", "nickel", "copper", "manganese", "natural_graphite", "neodymium",
                   "praseodymium", "dysprosium", "terbium", "silver", "gallium", "germanium", "indium", "iridium",
                   "platinum", "palladium", "aluminium", "silicon_metal", "tellurium"}
TODAY = "2026-11-28"


def _split(values: pd.Series) -> set[str]:
    return {item for value in values.dropna() for item in str(value).split("|") if item}


def test_every_foreign_key_resolves(kb):
    materials, countries, sources = set(kb.materials["id"]), set(kb.countries["iso3"]), set(kb.sources["id"])
    facilities = kb.recycling_facilities
    assert set(facilities["country_iso3"].dropna()) <= countries
    assert _split(facilities["output_material_ids"]) <= materials
    assert set(kb.material_prices["material_id"]) <= materials
    crma = kb.crma_consumption_capacity
    assert set(crma["material_id"]) <= materials
    for name in ("recycling_facilities", "plant_scale", "material_prices", "crma_consumption_capacity"):
        assert set(kb[name]["source_id"]) <= sources, name
    annex_i = kb.crma_annex_entries.loc[kb.crma_annex_entries["annex"] == "I"].set_index("entry")
    assert set(crma["crma_entry"]) == set(annex_i.index)
    for entry, material in crma[["crma_entry", "material_id"]].drop_duplicates().itertuples(index=False):
        assert material in annex_i.loc[entry, "material_ids"].split("|"), (entry, material)
    streams = set(facilities["input_stream"])
    assert set(kb.plant_scale["input_stream"]) <= streams
    assert set(kb.plant_scale["plant_type"]) <= set(facilities["plant_type"])


def test_primary_keys_are_unique(kb):
    for name in ("recycling_facilities", "plant_scale", "material_prices", "crma_consumption_capacity"):
        key = list(kb.specs[name].primary_key)
        assert not kb[name].duplicated(key).any(), name


def test_facility_values_are_consistent(kb):
    f = kb.recycling_facilities
    assert (f["capacity_t_per_year"].dropna() > 0).all()
    assert (f["low"].dropna() <= f.loc[f["low"].notna(), "capacity_t_per_year"]).all()
    assert (f["high"].dropna() >= f.loc[f["high"].notna(), "capacity_t_per_year"]).all()
    assert (f["status_date"].str.slice(0, 10) <= TODAY).all()
    for catchment, country in CATCHMENT_COUNTRY.items():
        assert set(f.loc[f["catchment"] == catchment, "country_iso3"]) == {country}, catchment
    # A capacity is either published or empty and explained; it is never an unflagged guess.
    missing = f.loc[f["capacity_t_per_year"].isna()]
    assert missing["note"].str.contains("not published").all()


def test_published_facility_figures(kb):
    f = kb.recycling_facilities.set_index(["facility_id", "input_stream"])
    assert f.loc[("sk_tes_rotterdam", "li_ion_batteries"), ["capacity_t_per_year", "catchment", "status"]].tolist() \
        == [10000, "zh", "existing"]
    assert f.loc[("basf_schwarzheide_black_mass", "li_ion_batteries"), "capacity_t_per_year"] == 15000
    assert f.loc[("heraeus_bitterfeld", "permanent_magnets"), ["capacity_t_per_year", "high"]].tolist() == [600, 1200]
    assert f.loc[("caremag_lacq", "permanent_magnets"), "capacity_t_per_year"] == 2000
    assert f.loc[("umicore_europe_battery_plant", "li_ion_batteries"), "status"] == "postponed"
    assert {"zh", "nl", "be", "nrw", "de-other"} <= set(f["catchment"])
    assert {"li_ion_batteries", "pv_modules", "permanent_magnets", "weee"} <= set(f.index.get_level_values(1))


def test_plant_scale_ranges_bracket_the_register(kb):
    scale, f = kb.plant_scale, kb.recycling_facilities
    assert (scale["low"] <= scale["min_efficient_scale_t_per_year"]).all()
    assert (scale["min_efficient_scale_t_per_year"] <= scale["high"]).all()
    for row in scale.itertuples():
        sizes = f.loc[(f["plant_type"] == row.plant_type) & (f["input_stream"] == row.input_stream)
                      & f["status"].isin(["existing", "under_construction", "planned"]), "capacity_t_per_year"]
        # The assumed range must overlap the capacities actually built or planned.
        assert row.low <= sizes.max() and row.high >= sizes.min(), row.plant_type


def test_prices_cover_the_required_materials_and_reproduce_published_units(kb):
    prices = kb.material_prices
    assert set(prices["material_id"]) >= PRICE_MATERIALS
    per_kg = {"USD/kg": 1.0, "USD/t": 1 / 1000, "USD/lb": 1000 / GRAMS_PER_POUND,
              "US cents/lb": 10 / GRAMS_PER_POUND, "USD/troy oz": 1000 / GRAMS_PER_TROY_OUNCE, "USD/mtu Mn": 1 / 10}
    published = prices.dropna(subset=["price_as_published"])
    expected = published["price_as_published"] * published["unit_as_published"].map(per_kg)
    assert published["price_per_kg"].to_numpy() == pytest.approx(expected.to_numpy(), rel=1e-4)
    ranged = prices.loc[prices["price_as_published"].isna()]
    assert (ranged["price_per_kg"] == (ranged["low"] + ranged["high"]) / 2).all()
    by = prices.set_index(["material_id", "market_basis"])["price_per_kg"]
    assert by[("lithium", "spot and long-term contract assessments, Benchmark Mineral Intelligence")] == 9.0
    assert by[("copper", "LME cash, annual average")] == pytest.approx(4.40 / 0.45359237, rel=1e-4)
    assert by[("silver", "Engelhard industrial bullion, S&P Global Platts, annual average")] == pytest.approx(
        38 * 32.1507466, rel=1e-5)


def test_crma_shares_are_one_minus_import_reliance_and_eol_rir(kb):
    crma = kb.crma_consumption_capacity
    inputs = kb.criticality_inputs.loc[kb.criticality_inputs["year"] == 2023]
    shares = crma.loc[crma["unit"] == "fraction"]
    assert shares["value"].between(0, 1).all()
    for row in shares.itertuples():
        if row.quantity == "recycling_share":
            ref = inputs.loc[(inputs["material_id"] == row.material_id) & (inputs["parameter"] == "eol_rir"), "value"]
            assert row.value == pytest.approx(ref.iloc[0])
        else:
            stage = row.quantity.removesuffix("_share")
            ref = inputs.loc[(inputs["material_id"] == row.material_id) & (inputs["stage"] == stage)
                             & (inputs["parameter"] == "import_reliance"), "value"]
            assert row.value == pytest.approx(1 - ref.iloc[0])
    # Every entry has a recycling share; e.g. cobalt EoL-RIR 22 %, copper 55 % (EC 2023).
    recycling = shares.loc[shares["quantity"] == "recycling_share"].set_index("material_id")["value"]
    assert len(recycling) == 17 and recycling["cobalt"] == 0.22 and recycling["copper"] == 0.55


def test_crma_consumption_derivations(kb):
    crma = kb.crma_consumption_capacity
    consumption = crma.loc[crma["quantity"] == "consumption"].set_index("material_id")
    # KU Leuven (2022): 2050 need / stated increase relative to today's use, 3 significant figures.
    assert consumption.loc["cobalt", "value"] == float(f"{60000 / 3.3:.3g}") == 18200
    assert consumption.loc["copper", "value"] == float(f"{1.5e6 / 0.35:.3g}")
    assert consumption.loc["nickel", "value"] == 400000
    assert consumption.loc["magnesium", "value"] == pytest.approx(1.2e6 * 0.19)  # Europe ~19 % of world demand
    assert consumption.loc["gallium", ["value", "low", "high"]].tolist() == [42.5, 40, 45]
    assert (consumption["low"].dropna() <= consumption.loc[consumption["low"].notna(), "value"]).all()
    assert (consumption["high"].dropna() >= consumption.loc[consumption["high"].notna(), "value"]).all()


def test_catchments_nest_and_filter(kb):
    f = kb.recycling_facilities
    order = ["zh", "nl", "nl-be-nrw", "de", "all"]
    for smaller, larger in zip(order, order[1:], strict=False):
        assert CATCHMENTS[smaller] < CATCHMENTS[larger]
    assert len(facilities_in_catchment(f, "all")) == len(f)
    assert set(facilities_in_catchment(f, "zh")["facility_id"]) == {"sk_tes_rotterdam", "coolrec_dordrecht"}
    with pytest.raises(ValueError, match="unknown catchment 'mars'"):
        facilities_in_catchment(f, "mars")


def test_capacity_by_stream_sums_existing_input_capacity(kb):
    f = kb.recycling_facilities
    zh = capacity_by_stream(f, "zh").set_index("input_stream")
    assert zh.loc["li_ion_batteries", "capacity_t_per_year"] == 10000
    assert zh.loc["li_ion_batteries", "capacity_high_t_per_year"] == 20000
    assert zh.loc["weee", ["n_facilities", "n_without_capacity"]].tolist() == [1, 1]
    # SK tes 10,000 + Umicore Hoboken 7,000; cylib (under construction) is not counted.
    benelux_nrw = capacity_by_stream(f, "nl-be-nrw").set_index("input_stream")
    assert benelux_nrw.loc["li_ion_batteries", "capacity_t_per_year"] == 17000
    ahead = capacity_by_stream(f, "nl-be-nrw", statuses=("existing", "under_construction")).set_index("input_stream")
    assert ahead.loc["li_ion_batteries", "capacity_t_per_year"] == 47000
    # + BASF 15,000, Li-Cycle 10,000, Duesenfeld 3,000.
    assert capacity_by_stream(f, "de").set_index("input_stream").loc["li_ion_batteries", "capacity_t_per_year"] == 45000
