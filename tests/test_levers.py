"""Policy levers: hand-computed effects on a toy model, sign and size on the shipped scenario, zero strength =
baseline exactly, packages, effect tables by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmradar.methods.sampling import Triangular, uniform_block
from crmradar.region.build import build_spec
from crmradar.region.model import RegionModelSpec, RegionResult, run
from crmradar.region.scenario import load_scenario
from crmradar.scenarios.levers import apply_lever, apply_levers, ramp
from crmradar.scenarios.levers_effects import effect_table
from crmradar.scenarios.levers_io import Lever, LeverError, load_levers

YEARS = np.arange(2000, 2021)


def toy_spec(kind: str = "fixed", a: float = 2.0, b: float = 0.0, stock: bool = False) -> RegionModelSpec:
    """One technology, 10 units/yr; sub_a (m1 2 kg, m2 3 kg per unit) has the whole mix, sub_b (m1 1 kg) none;
    collection 0.5, recycling efficiency 0.4 (m1) and 0.9 (m2)."""
    n = len(YEARS)
    intensity = np.array([[2.0], [3.0], [1.0]])
    return RegionModelSpec(
        years=YEARS, technologies=("tech",), deployment_unit=("units",), deployment_is_stock=np.array([stock]),
        anchors=Triangular.fixed(np.array([10.0])), anchor_weights=np.ones((1, 1, n)),
        driver_weights=np.zeros((1, 1, n)), driver_base=np.ones((1, n)), materials=("m1", "m2"),
        intensity=Triangular.of(intensity, intensity, intensity), intensity_knots=np.ones((1, n)),
        intensity_material=np.array([0, 1, 0]), entry_technology=np.array([0, 0, 0]),
        entry_intensity=np.array([0, 1, 2]), entry_component=np.array([-1, -1, -1]),
        entry_share=np.vstack([np.ones(n), np.ones(n), np.zeros(n)]), component_size=Triangular.fixed(np.zeros(0)),
        lifetime_kind=(kind,), lifetime_a=np.full((1, n), a), lifetime_b=np.full((1, n), b),
        lifetime_scale=Triangular.fixed(np.ones(1)), collection_rate=Triangular.fixed(np.full((1, n), 0.5)),
        pair_technology=np.array([0, 0]), pair_material=np.array([0, 1]),
        recycling_efficiency=Triangular.fixed(np.array([[0.4, 0.4], [0.9, 0.9]])),
        recycling_knots=np.vstack([np.interp(YEARS, [2000, 2020], [1, 0]), np.interp(YEARS, [2000, 2020], [0, 1])]),
        metadata={"intensity_series": (("sub_a", "m1"), ("sub_a", "m2"), ("sub_b", "m1"))},
    )


def lever(kind: str, start: int = 2010, ramp_years: int = 0, **fields) -> Lever:
    return Lever(id=f"test_{kind}", kind=kind, name_en=kind, description="test", start_year=start,
                 ramp_years=ramp_years, strength=0.5, low=0.0, high=1.0, source="crmradar_region_estimate", **fields)


def toy_run(spec: RegionModelSpec) -> RegionResult:
    return run(spec, draws=2, seed=1, report_years=(2000, 2020))


def year(y: int) -> int:
    return int(y - YEARS[0])


def test_ramp_by_hand():
    assert np.allclose(ramp(np.array([2019, 2020, 2022, 2025, 2030]), 2020, 5), [0, 0, 0.4, 1, 1])
    assert np.allclose(ramp(np.array([2019, 2020, 2021]), 2020, 0), [0, 1, 1])


def test_demand_reduction_scales_inflow_from_start():
    base = toy_run(toy_spec())
    changed = toy_run(apply_lever(toy_spec(), lever("demand_reduction", ramp_years=4, technologies=("tech",)), 0.4))
    demand = changed.by_material["demand"][0, 0]
    assert np.allclose(demand[: year(2011)], base.by_material["demand"][0, 0][: year(2011)])  # ramp 0 in 2010
    assert demand[year(2012)] == pytest.approx(20.0 * (1 - 0.4 * 0.5))  # half-way through the ramp
    assert np.allclose(demand[year(2014):], 20.0 * 0.6)


def test_lifetime_extension_fixed_lifetime_shifts_end_of_life_by_hand():
    # Fixed 2 y → 3 y for cohorts from 2010; inflow-driven, so purchases × 1/1.5 from 2010
    changed = toy_run(apply_lever(toy_spec(), lever("lifetime_extension", technologies=("tech",)), 0.5))
    eol = changed.by_material["end_of_life"][0, 0]
    assert eol[year(2011)] == pytest.approx(20.0)  # cohort 2009, old lifetime
    assert eol[year(2012)] == pytest.approx(0.0)  # cohort 2010 now leaves in 2013
    assert eol[year(2013)] == pytest.approx(20.0 / 1.5)
    assert changed.by_material["demand"][0, 0][year(2010)] == pytest.approx(20.0 / 1.5)


def test_lifetime_extension_parameters_by_distribution():
    for kind, a, b, expect_a, expect_b in (("weibull", 3.0, 10.0, 3.0, 13.0), ("normal", 12.0, 2.0, 15.6, 2.6),
                                           ("lognormal", 12.0, 2.0, 15.6, 2.6), ("fixed", 5.0, 0.0, 6.5, 0.0)):
        changed = apply_lever(toy_spec(kind, a, b), lever("lifetime_extension", technologies=("tech",)), 0.3)
        assert changed.lifetime_a[0, year(2009)] == a and changed.lifetime_b[0, year(2009)] == b
        assert changed.lifetime_a[0, year(2015)] == pytest.approx(expect_a)
        assert changed.lifetime_b[0, year(2015)] == pytest.approx(expect_b)


def test_substitution_moves_share_and_content_by_hand():
    spec = apply_lever(toy_spec(), lever("substitution", from_=("sub_a",), to="sub_b"), 0.25)
    assert np.allclose(spec.entry_share[:, year(2015)], [0.75, 0.75, 0.25])
    assert np.allclose(spec.entry_share[:, year(2005)], [1.0, 1.0, 0.0])
    demand = toy_run(spec).by_material["demand"][0]
    assert demand[0, year(2015)] == pytest.approx(10 * (0.75 * 2 + 0.25 * 1))  # m1
    assert demand[1, year(2015)] == pytest.approx(10 * 0.75 * 3)  # m2


def test_substitution_to_missing_sub_technology_is_an_error():
    with pytest.raises(LeverError, match="'sub_c' has no recipe entries in technology 'tech'"):
        apply_lever(toy_spec(), lever("substitution", from_=("sub_a",), to="sub_c"), 0.5)


def test_intensity_reduction_only_touches_the_listed_material():
    spec = apply_lever(toy_spec(), lever("intensity_reduction", sub_technologies=("sub_a",), materials=("m2",)), 0.3)
    demand = toy_run(spec).by_material["demand"][0]
    assert demand[1, year(2015)] == pytest.approx(10 * 3 * 0.7)
    assert demand[0, year(2015)] == pytest.approx(20.0)


def test_collection_and_recycling_raise_recoverable_by_hand():
    base = toy_run(toy_spec())
    spec = apply_lever(toy_spec(), lever("collection_rate", technologies=("tech",)), 0.8)
    spec = apply_lever(spec, lever("recycling_efficiency", start=2000, materials=("m1", "m2")), 0.6)
    changed = toy_run(spec)
    eol = base.by_material["end_of_life"][0]
    assert np.array_equal(changed.by_material["end_of_life"], base.by_material["end_of_life"])
    # 2020 is a knot: m1 efficiency 0.4 → 0.6, m2 stays 0.9 (already above the target)
    assert changed.by_material["recoverable"][0, 0, -1] == pytest.approx(eol[0, -1] * 0.8 * 0.6, rel=1e-6)
    assert changed.by_material["recoverable"][0, 1, -1] == pytest.approx(eol[1, -1] * 0.8 * 0.9, rel=1e-6)
    assert base.by_material["recoverable"][0, 0, -1] == pytest.approx(eol[0, -1] * 0.5 * 0.4, rel=1e-6)
    primary = changed.by_material["primary_demand"][0, 0, -1]
    assert primary == pytest.approx(20.0 - eol[0, -1] * 0.8 * 0.6, rel=1e-6)


def test_design_for_recycling_waits_for_the_delay():
    dfr = lever("design_for_recycling", start=2005, materials=("m1",), delay_years=10)
    spec = apply_lever(toy_spec(), dfr, 0.5)
    assert spec.recycling_efficiency.mode[0, 0] == pytest.approx(0.4)  # knot 2000, before 2015
    assert spec.recycling_efficiency.mode[0, 1] == pytest.approx(0.4 + 0.5 * 0.6)  # knot 2020
    assert spec.recycling_efficiency.mode[1, 1] == pytest.approx(0.9)


@pytest.fixture(scope="module")
def targets(kb):
    spec = build_spec(load_scenario("targets", kb), kb)
    known = {"technologies": set(kb.technologies["id"]), "materials": set(kb.materials["id"]),
             "sources": set(kb.sources["id"])}
    return spec, load_levers(None, known)


def _fields_equal(a: RegionModelSpec, b: RegionModelSpec) -> bool:
    for name in ("anchor_weights", "entry_share", "lifetime_a", "lifetime_b"):
        if not np.array_equal(getattr(a, name), getattr(b, name)):
            return False
    for name in ("collection_rate", "recycling_efficiency"):
        if not all(np.array_equal(getattr(getattr(a, name), p), getattr(getattr(b, name), p))
                   for p in ("low", "mode", "high")):
            return False
    return True


def test_zero_strength_is_the_baseline_exactly(targets):
    spec, library = targets
    for item in library.levers.values():
        assert _fields_equal(apply_lever(spec, item, 0.0), spec), item.id
        assert not _fields_equal(apply_lever(spec, item, item.high), spec), item.id
    zero = apply_levers(spec, [(item, 0.0) for item in library.levers.values()])
    u = uniform_block(5, 8, spec.n_uniforms())
    base = run(spec, draws=8, seed=5, uniforms=u, keep_pairs=False)
    same = run(zero, draws=8, seed=5, uniforms=u, keep_pairs=False)
    for metric, values in base.by_material.items():
        assert np.array_equal(values, same.by_material[metric]), metric


def _paired(spec, choices, draws=12):
    u = uniform_block(11, draws, spec.n_uniforms())
    base = run(spec, draws=draws, seed=11, uniforms=u, report_years=(2020, 2050))
    return base, run(apply_levers(spec, choices), draws=draws, seed=11, uniforms=u, report_years=(2020, 2050))


def _pair(result: RegionResult, technology: str, material: str) -> int:
    k, m = result.technologies.index(technology), result.materials.index(material)
    return int(np.flatnonzero((result.pair_technology == k) & (result.pair_material == m))[0])


def test_lfp_substitution_cuts_car_cobalt_in_proportion(targets, kb):
    spec, library = targets
    intensities = kb.material_intensities
    assert not ((intensities["technology_id"] == "batt_lfp") & (intensities["material_id"] == "cobalt")).any()
    item = library.levers["ev_battery_lfp"]
    base, changed = _paired(spec, [(item, 0.4)])
    q = _pair(base, "bev_car", "cobalt")
    t = list(base.years).index(2040)  # after the ramp (2025 + 5)
    # the car's cobalt is all in NMC/NCA cells: moving 40 % of their share to LFP removes 40 % of it
    ratio = changed.by_pair["demand"][:, q, t] / base.by_pair["demand"][:, q, t]
    assert np.allclose(ratio, 0.6, rtol=1e-5)
    nickel = base.materials.index("nickel")
    primary = base.by_material["primary_demand"][:, nickel, t]
    assert (changed.by_material["primary_demand"][:, nickel, t] < primary).all()


def test_collection_lever_on_shipped_ict_by_hand(targets):
    spec, library = targets
    item = library.levers["weee_collection"]
    u = uniform_block(3, 6, spec.n_uniforms())
    base = run(spec, draws=6, seed=3, uniforms=u)
    changed = run(apply_lever(spec, item, 0.85), draws=6, seed=3, uniforms=u)
    k = spec.technologies.index("ict_electronics")
    first = len(spec.anchors.mode) + len(spec.intensity_material) + len(spec.component_size.mode) + len(
        spec.technologies)  # the model's uniform layout: anchors, intensities, sizes, lifetimes, collection
    t = list(base.years).index(2040)
    block = u[:, first : first + len(spec.technologies)]
    base_rate = spec.collection_rate.ppf(block[:, :, None])[:, k, list(spec.years).index(2040)]
    assert (base_rate < 0.85).all()
    q = _pair(base, "ict_electronics", "cobalt")
    ratio = changed.by_pair["recoverable"][:, q, t] / base.by_pair["recoverable"][:, q, t]
    assert np.allclose(ratio, 0.85 / base_rate, rtol=1e-5)


def test_signs_on_the_shipped_scenario(targets):
    spec, library = targets
    checks = {"car_use_reduction": "lithium", "motors_ree_free": "neodymium", "magnet_recycling": "neodymium",
              "ev_battery_second_life": "lithium", "pv_lifetime": "silicon_metal", "lithium_recycling": "lithium"}
    for lever_id, material in checks.items():
        base, changed = _paired(spec, [(library.levers[lever_id], library.levers[lever_id].strength)], draws=6)
        m, t = base.materials.index(material), list(base.years).index(2050)
        before, after = base.by_material["primary_demand"][:, m, t], changed.by_material["primary_demand"][:, m, t]
        assert (after < before).all(), lever_id
        assert changed.mass_balance_error < 1e-6, lever_id  # a changed spec is still a closed stock-flow model
        assert np.median(after / before) > 0.4, lever_id  # a plausible size, not a collapse


def test_package_is_the_sequence_of_its_levers(targets):
    spec, library = targets
    package = [(library.levers[name], s) for name, s in library.packages["substitution"].items()]
    step = spec
    for item, strength in package:
        step = apply_lever(step, item, strength)
    assert np.array_equal(apply_levers(spec, package).entry_share, step.entry_share)
    # LFP 0.5 then sodium-ion 0.2: sodium-ion takes 20 % of the NMC/NCA share left by LFP (by hand, bev_car 2045)
    lfp, sib = library.levers["ev_battery_lfp"], library.levers["ev_battery_sodium_ion"]
    both = apply_levers(spec, [(lfp, 0.5), (sib, 0.2)])
    subs = np.array([s for s, _m in spec.metadata["intensity_series"]], dtype=object)[spec.entry_intensity]
    car = (spec.entry_technology == spec.technologies.index("bev_car")) & (spec.entry_component >= 0)
    t = list(spec.years).index(2045)
    first = {name: np.flatnonzero(car & (subs == name))[0] for name in ("batt_nmc811", "batt_lfp", "batt_sib")}
    nmc = sum(spec.entry_share[np.flatnonzero(car & (subs == n))[0], t]
              for n in ("batt_nmc111", "batt_nmc622", "batt_nmc811", "batt_nca"))
    assert both.entry_share[first["batt_nmc811"], t] == pytest.approx(spec.entry_share[first["batt_nmc811"], t] * 0.4)
    assert both.entry_share[first["batt_lfp"], t] == pytest.approx(spec.entry_share[first["batt_lfp"], t] + 0.5 * nmc)
    assert both.entry_share[first["batt_sib"], t] == pytest.approx(spec.entry_share[first["batt_sib"], t] + 0.1 * nmc)


def test_effect_table_by_hand():
    primary = np.array([[[100.0], [10.0]], [[200.0], [20.0]], [[300.0], [30.0]]]) * 1000  # kg, (D=3, M=2, Tr=1)
    demand = primary * 2
    recoverable = demand - primary

    def result(scale: float) -> RegionResult:
        by_material = {"primary_demand": (primary * scale).astype(np.float32), "demand": demand.astype(np.float32),
                       "recoverable": (demand - primary * scale).astype(np.float32)}
        return RegionResult(years=np.array([2050]), materials=("a", "b"), technologies=(), pair_technology=np.zeros(0),
                            pair_material=np.zeros(0), by_material=by_material, by_pair={}, units_inflow=None,
                            units_stock=None, units_end_of_life=None, mass_balance_error=0.0, draws=3, seed=0)

    assert recoverable.shape == primary.shape
    weights = pd.DataFrame({"material_id": ["a", "b"], "supply_risk": [2.0, 4.0], "import_reliance": [0.5, np.nan],
                            "geopolrisk": [np.nan, np.nan]})
    table = effect_table(result(1.0), result(0.5), weights, "x").set_index(["indicator", "material_id"])
    primary_a = table.loc[("primary_demand", "a")]
    assert primary_a["baseline_p50"] == pytest.approx(200.0) and primary_a["change_p50"] == pytest.approx(-100.0)
    assert primary_a["change_p5"] == pytest.approx(-145.0) and primary_a["change_p95"] == pytest.approx(-55.0)
    assert primary_a["relative_change_p50"] == pytest.approx(-0.5)
    # SR total: draw 2 = 200·2 + 20·4 = 480 t, halved by the lever
    total = table.loc[("sr_weighted_demand", "total")]
    assert total["baseline_p50"] == pytest.approx(480.0) and total["change_p50"] == pytest.approx(-240.0)
    # import reliance of b is unknown: the total keeps only a
    assert table.loc[("import_dependent_demand", "total")]["baseline_p50"] == pytest.approx(100.0)
    # secondary share: recoverable/demand goes from 0.5 to 0.75
    assert table.loc[("secondary_share", "a")]["change_p50"] == pytest.approx(0.25)
