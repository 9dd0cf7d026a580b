"""Recycling comparison: capacity-gap and plant-scale-year arithmetic by hand, catchment ratios, prices per
kg of contained element, product-mass sampling and stream feedstock against an independent computation."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from crmradar.methods.sampling import Triangular, uniform_block
from crmradar.region.build import build_spec
from crmradar.region.model import run
from crmradar.region.scenario import load_scenario
from crmradar.scenarios import recovery_value, recycling


def _feedstock(stream: str, years, p5, p50, p95) -> pd.DataFrame:
    return pd.DataFrame({"input_stream": stream, "year": years, "p5": p5, "p50": p50, "p95": p95})


def test_capacity_gap_by_hand():
    feedstock = pd.concat([
        _feedstock("li_ion_batteries", [2030, 2031], [1000.0, 2000.0], [5000.0, 8000.0], [9000.0, 12000.0]),
        _feedstock("pv_modules", [2030, 2031], [10.0, 20.0], [30.0, 40.0], [50.0, 60.0]),
    ], ignore_index=True)
    capacity = pd.DataFrame({"input_stream": ["li_ion_batteries", "weee"], "capacity_t_per_year": [6000.0, 99.0]})
    gap = recycling.capacity_gap(feedstock, capacity).set_index(["input_stream", "year"])
    # 5,000 − 6,000 = −1,000 (spare capacity); 8,000 − 6,000 = 2,000 short; P5/P95 shift by the same capacity
    assert gap.loc[("li_ion_batteries", 2030), "gap_p50"] == -1000.0
    assert gap.loc[("li_ion_batteries", 2031), "gap_p50"] == 2000.0
    assert gap.loc[("li_ion_batteries", 2031), "gap_p5"] == -4000.0
    assert gap.loc[("li_ion_batteries", 2031), "gap_p95"] == 6000.0
    # no PV plant in the capacity table: capacity 0, the whole feedstock is the gap
    assert gap.loc[("pv_modules", 2031), "capacity_t"] == 0.0
    assert gap.loc[("pv_modules", 2031), "gap_p50"] == 40.0


def test_threshold_year_by_hand():
    years = [2030, 2031, 2032, 2033]
    assert recycling.threshold_year(years, [1, 5, 10, 20], 5) == 2031  # reaching the scale counts
    assert recycling.threshold_year(years, [1, 5, 10, 20], 5.01) == 2032
    assert recycling.threshold_year(years, [1, 6, 3, 2], 5) == 2031  # the first year, even if it dips later
    assert recycling.threshold_year(years, [1, 2, 3, 4], 5) is None
    with pytest.raises(ValueError, match="ascending"):
        recycling.threshold_year([2031, 2030], [1, 2], 1)


def test_scale_years_low_central_high_and_band():
    feedstock = pd.concat([
        _feedstock("pv_modules", [2030, 2031, 2032, 2033], [1, 2, 3, 6], [2, 4, 7, 10], [3, 6, 9, 12]),
        _feedstock("weee", [2030, 2031, 2032, 2033], [1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]),
    ], ignore_index=True)
    plant_scale = pd.DataFrame({"plant_type": ["pv_module_recycling"], "input_stream": ["pv_modules"],
                                "min_efficient_scale_t_per_year": [6.0], "low": [3.0], "high": [20.0]})
    out = recycling.scale_years(feedstock, plant_scale).set_index("input_stream")
    pv = out.loc["pv_modules"]
    assert (pv["year_low"], pv["year_central"]) == (2031, 2032)  # P50 4 ≥ 3 in 2031, 7 ≥ 6 in 2032
    assert pd.isna(pv["year_high"])  # P50 never reaches 20
    assert (pv["year_central_p95"], pv["year_central_p5"]) == (2031, 2033)  # P95 6 in 2031, P5 6 in 2033
    assert pv["plant_type"] == "pv_module_recycling" and pv["scale_high_t"] == 20.0
    assert pd.isna(out.loc["weee", "year_central"]) and np.isnan(out.loc["weee", "scale_central_t"])


def test_catchment_ratio_tiny_and_shipped(kb):
    population = pd.DataFrame({"region_id": ["NL36", "NL", "BE", "DEA"], "population": [2, 10, 5, 5]})
    assert recycling.catchment_ratio(population, "zh") == 1.0
    assert recycling.catchment_ratio(population, "nl") == 5.0
    assert recycling.catchment_ratio(population, "nl-be-nrw") == 10.0
    with pytest.raises(ValueError, match="unknown catchment 'de'"):
        recycling.catchment_ratio(population, "de")
    with pytest.raises(ValueError, match="no row for region_id BE"):
        recycling.catchment_ratio(population.loc[population.region_id != "BE"], "nl-be-nrw")
    # shipped: CBS 17.8 M / 3,811,760; + Statbel 11,697,557 + IT.NRW 18,152,449
    assert recycling.catchment_ratio(kb.catchment_population, "nl") == pytest.approx(17_800_000 / 3_811_760)
    assert recycling.catchment_ratio(kb.catchment_population, "nl-be-nrw") == pytest.approx(
        (17_800_000 + 11_697_557 + 18_152_449) / 3_811_760)


def test_element_fractions_match_published_conversions():
    # Li in Li2CO3: 18.8 % (USGS); 1 t Li = 5.32 t LCE (industry convention)
    li = recovery_value.contained_fraction("lithium", "lithium carbonate, battery grade (LCE)")
    assert li == pytest.approx(0.188, abs=5e-4) and 1 / li == pytest.approx(5.32, abs=0.01)
    # Nd2O3: 2 × 144.242 / (2 × 144.242 + 3 × 15.999) = 0.8574 (hand-computed)
    assert recovery_value.contained_fraction("neodymium", "neodymium oxide") == pytest.approx(0.85736, abs=1e-5)
    assert recovery_value.contained_fraction("cobalt", "cobalt cathode") == 1.0
    assert recovery_value.contained_fraction("manganese", "ore, 44 % Mn (per kg contained Mn)") == 1.0
    with pytest.raises(ValueError, match="'yttrium'.*no formula"):
        recovery_value.contained_fraction("yttrium", "yttrium oxide")


def _price(material, product, price, source, currency="USD"):
    return {"material_id": material, "product": product, "market_basis": "b", "period": "2025",
            "price_per_kg": price, "currency": currency, "source_id": source}


def test_contained_prices_choice_rule():
    prices = pd.DataFrame([
        _price("cobalt", "cobalt cathode", 46.0, "usgs_mcs2026"),
        _price("cobalt", "cobalt cathode", 33.0, "usgs_mcs2026"),
        _price("cobalt", "cobalt cathode", 20.0, "other"),  # cheaper but not the preferred vintage
        _price("terbium", "terbium oxide", 3000.0, "argus"),
        _price("terbium", "terbium oxide", 965.0, "argus"),
    ])
    chosen = recovery_value.contained_prices(prices).set_index("material_id")
    assert chosen.loc["cobalt", "usd_per_kg_contained"] == 33.0
    # Tb4O7: 4 × 158.925 / (4 × 158.925 + 7 × 15.999) = 0.85022 → 965 / 0.85022
    assert chosen.loc["terbium", "usd_per_kg_contained"] == pytest.approx(965 / 0.850215, rel=1e-5)
    with pytest.raises(ValueError, match="'nickel'.*EUR"):
        recovery_value.contained_prices(pd.DataFrame([_price("nickel", "nickel", 15.0, "x", currency="EUR")]))


def test_recoverable_value_by_hand():
    recoverable = pd.DataFrame({"material_id": ["cobalt", "gold"], "p5": [1.0, 1.0], "p50": [2.0, 1.0],
                                "p95": [3.0, 1.0]})
    prices = recovery_value.contained_prices(pd.DataFrame([_price("cobalt", "cobalt cathode", 50.0, "usgs_mcs2026")]))
    valued = recovery_value.recoverable_value(recoverable, prices).set_index("material_id")
    assert valued.loc["cobalt", "value_p50_musd"] == pytest.approx(0.1)  # 2 t × 1000 kg/t × 50 USD/kg = 0.1 M
    assert valued.loc["cobalt", "price_source_id"] == "usgs_mcs2026"
    assert np.isnan(valued.loc["gold", "value_p50_musd"])  # no price: not guessed
    draws, unpriced = recovery_value.stream_value_draws(
        {("weee", "cobalt"): np.array([[1.0, 2.0]]), ("weee", "gold"): np.array([[5.0, 5.0]])}, prices)
    np.testing.assert_allclose(draws["weee"], [[0.05, 0.1]])
    assert unpriced == {"weee": ["gold"]}


def test_product_mass_draws_range_seed_and_bad_row():
    table = pd.DataFrame({"product_id": ["pv_module", "ict_weee"], "value": [60.0, 1.0], "low": [42.4, np.nan],
                          "high": [117.6, np.nan]})
    draws = recycling.product_mass_draws(table, 20_000, seed=7)
    pv = draws["pv_module"]
    assert pv.min() >= 42.4 and pv.max() <= 117.6
    assert pv.mean() == pytest.approx((42.4 + 60 + 117.6) / 3, rel=0.01)  # triangular mean
    assert (draws["ict_weee"] == 1.0).all()
    np.testing.assert_array_equal(recycling.product_mass_draws(table, 20_000, seed=7)["pv_module"], pv)
    bad = table.assign(low=[70.0, np.nan])
    with pytest.raises(ValueError, match="'pv_module'"):
        recycling.product_mass_draws(bad, 10, seed=1)


@pytest.fixture(scope="module")
def fixed_run(kb):
    """Targets scenario with fixed component sizes and fixed product masses, 8 draws."""
    spec = build_spec(load_scenario("targets", kb), kb)
    spec = dataclasses.replace(spec, component_size=Triangular.fixed(spec.component_size.mode))
    masses = kb.product_masses.assign(low=np.nan, high=np.nan)
    uniforms = uniform_block(11, 8, spec.n_uniforms())
    result = run(spec, draws=8, seed=11, keep_pairs=True, uniforms=uniforms)
    flows = recycling.stream_flows(result, spec, uniforms, recycling.product_mass_draws(masses, 8, 11))
    return spec, result, flows


def test_stream_feedstock_matches_independent_computation(kb, fixed_run):
    _, result, flows = fixed_run
    eol = result.units_end_of_life.astype(float)
    k = {t: i for i, t in enumerate(result.technologies)}
    techs = kb.technologies.set_index("id")
    mass = kb.product_masses.set_index("product_id")["value"]
    # kWh per vehicle straight from the technologies table (bev_car_battery 60 kWh …), not via the spec
    expected = sum(eol[:, k[v], :] * techs.loc[f"{v}_battery", "size"] for v in recycling.VEHICLES)
    expected = expected * mass["traction_battery_pack"]
    expected += eol[:, k["home_battery"], :] * mass["home_battery_system"]
    expected += eol[:, k["grid_battery"], :] * mass["grid_battery_system"]
    np.testing.assert_allclose(flows.feedstock["li_ion_batteries"], expected / 1000, rtol=1e-6)
    np.testing.assert_allclose(flows.feedstock["black_mass"], 0.5 * expected / 1000, rtol=1e-6)
    pv = sum(eol[:, k[t], :] for t in recycling.PV_TECHNOLOGIES) * 60.0
    np.testing.assert_allclose(flows.feedstock["pv_modules"], pv, rtol=1e-6)
    np.testing.assert_allclose(flows.feedstock["weee"], eol[:, k["ict_electronics"], :] / 1000, rtol=1e-6)
    # magnets hold 31 % rare earths, so their mass × 0.31 cannot exceed all rare earths retiring in the region
    ree = sum(result.by_material["end_of_life"][:, result.materials.index(m), :]
              for m in recycling.MAGNET_MATERIALS)
    assert (flows.feedstock["permanent_magnets"] * 0.31 * 1000 <= ree * (1 + 1e-5)).all()
    assert flows.feedstock["permanent_magnets"][:, -1].min() > 0


def test_recoverable_assignment_accounts_for_every_stream_pair(fixed_run):
    _, result, flows = fixed_run
    names_t = np.array(result.technologies)[result.pair_technology]
    names_m = np.array(result.materials)[result.pair_material]
    whole = np.isin(names_t, [*recycling.VEHICLES, *recycling.STATIONARY_BATTERIES, *recycling.PV_TECHNOLOGIES,
                              *recycling.WEEE_TECHNOLOGIES])
    wind = np.isin(names_t, ["wind_onshore", "wind_offshore"]) & np.isin(names_m, recycling.MAGNET_RECOVERABLE)
    expected = result.by_pair["recoverable"][:, whole | wind, :].astype(float).sum(axis=1) / 1000
    total = sum(flows.recoverable.values())
    np.testing.assert_allclose(total, expected, rtol=1e-5)
    assert ("permanent_magnets", "neodymium") in flows.recoverable
    assert ("li_ion_batteries", "neodymium") not in flows.recoverable
