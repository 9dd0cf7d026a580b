"""Export-control shock replay: exposure, supply loss, register resolution and propagation, by hand."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from crmradar.region.build import build_spec
from crmradar.region.model import run
from crmradar.region.scenario import load_scenario
from crmradar.scenarios.shock import (
    FRACTION_BY_MEASURE_TYPE,
    Shock,
    ShockError,
    ShockRow,
    _rounding_half_width,
    eu_sourcing_share,
    exposure_by_year,
    fixed,
    parse_month,
    reaches,
    shock_from_measure,
    supply_loss,
    validate_custom,
)
from crmradar.scenarios.shock_impact import (
    loss_on_model_materials,
    material_dependence,
    sample_shock,
    sector_value_added_at_risk,
    shock_summary,
    side_by_side,
    unmet_share_by_technology,
    zh_share_of_eu,
)

YEARS = np.arange(2020, 2031)


def _custom(material="gallium", country="CHN", fraction=1.0, start=(2026, 1), end=(2028, 12), rerouting=0.0,
            stockpile=0.0, substitution=0.0, targets=("all",)) -> Shock:
    row = ShockRow(country, material, "processing", fixed("fraction.custom", fraction), targets, start, end)
    return Shock("test", (row,), rerouting=fixed("rerouting", rerouting), stockpile_months=stockpile,
                 substitution=substitution)


@pytest.fixture(scope="module")
def model(kb):
    spec = build_spec(load_scenario("targets", kb), kb)
    return spec, run(spec, draws=20, seed=11)


def test_exposure_counts_months_in_force_per_year():
    exposure = exposure_by_year((2023, 8), (2026, 12), 0.0, YEARS)
    expected = np.zeros(len(YEARS))
    expected[3], expected[4:7] = 5 / 12, 1.0
    np.testing.assert_allclose(exposure, expected)


def test_stockpile_covers_the_first_months_including_a_partial_month():
    exposure = exposure_by_year((2023, 8), (2026, 12), 2.5, YEARS)
    assert exposure[3] == pytest.approx(2.5 / 12)  # Aug, Sep fully and half of Oct covered
    assert exposure[4] == pytest.approx(1.0)
    # a stockpile longer than the shock removes it completely
    assert exposure_by_year((2026, 1), (2026, 6), 12.0, YEARS).sum() == 0.0


def test_exposure_outside_the_model_years_is_dropped():
    assert exposure_by_year((2018, 1), (2020, 6), 0.0, YEARS).sum() == pytest.approx(6 / 12)


def test_supply_loss_formula_by_hand():
    loss = supply_loss(np.array([0.69]), np.array([1.0]), np.array([1.0]), np.array([0.2]), np.array([0.5, 1.0]))
    np.testing.assert_allclose(loss, [[0.69 * 0.8 * 0.5, 0.69 * 0.8]])


def test_parse_month_and_errors():
    assert parse_month("2026", "--from") == (2026, 1)
    assert parse_month("2026", "--until", last=True) == (2026, 12)
    assert parse_month("2026-03", "--from") == (2026, 3)
    with pytest.raises(ShockError, match="--from: '26' is not a year"):
        parse_month("26", "--from")
    with pytest.raises(ShockError, match="month 13"):
        parse_month("2026-13", "--until")


def test_rounding_ranges_follow_the_published_digits(kb):
    assert _rounding_half_width("69%") == pytest.approx(0.005)
    assert _rounding_half_width("93.8%") == pytest.approx(0.0005)
    share, basis = eu_sourcing_share(kb, "gallium", "processing", "CHN")
    assert basis == "eu_sourcing"
    assert (share.low, share.mode, share.high) == pytest.approx((0.685, 0.69, 0.695))
    absent, _ = eu_sourcing_share(kb, "gallium", "processing", "BRA")
    assert absent.high == 0.0


def test_targets_reach_the_eu_only_when_named():
    assert reaches(("all",), "EU27") and reaches(("all",), "NLD")
    assert not reaches(("USA",), "EU27") and not reaches(("USA",), "NLD")
    assert reaches(("NLD",), "EU27") and reaches(("EU27",), "NLD")
    assert not reaches(("DEU",), "NLD")


def test_register_measure_2023_gallium_germanium(kb):
    shock = shock_from_measure(kb, "cn_mofcom_2023_23", open_end_year=2026)
    assert shock.materials == ("gallium", "germanium")
    for row in shock.rows:
        assert (row.country, row.stage, row.targets) == ("CHN", "processing", ("all",))
        assert (row.start, row.end) == ((2023, 8), (2026, 12))
        assert row.fraction is FRACTION_BY_MEASURE_TYPE["licence_requirement"]
    assert FRACTION_BY_MEASURE_TYPE["licence_requirement"].quality == "assumption"
    assert set(kb.sources["id"]) >= {p.source_id for p in FRACTION_BY_MEASURE_TYPE.values()}


def test_suspended_ban_on_named_countries_ends_at_the_suspension(kb):
    shock = shock_from_measure(kb, "cn_mofcom_2024_46", open_end_year=2030)
    gallium = next(r for r in shock.rows if r.material == "gallium")
    assert gallium.targets == ("USA",)
    assert gallium.start == (2024, 12) and gallium.end == (2025, 11)  # suspended from 9 November 2025
    assert any("suspended" in note for note in shock.notes)


def test_unknown_measure_names_the_option(kb):
    with pytest.raises(ShockError, match="--measure: unknown measure id 'cn_mofcom_1999'"):
        shock_from_measure(kb, "cn_mofcom_1999", 2026)


@pytest.mark.parametrize(("args", "message"), [
    (("XXX", ["gallium"], "processing", 1.0), "--country"),
    (("CHN", ["galium"], "processing", 1.0), "--material: unknown material id 'galium'"),
    (("CHN", ["gallium"], "refining", 1.0), "--stage"),
    (("CHN", ["gallium"], "processing", 1.5), "--fraction: 1.5"),
])
def test_custom_shock_validation(kb, args, message):
    with pytest.raises(ShockError, match=message):
        validate_custom(kb, *args, (2026, 1), (2027, 12))
    with pytest.raises(ShockError, match="--until 2025-12 is before --from 2026-01"):
        validate_custom(kb, "CHN", ["gallium"], "processing", 1.0, (2026, 1), (2025, 12))


def test_full_ban_of_a_sole_supplier_gives_the_full_shortfall(kb):
    # EC 2023: the EU sources processed rhenium 100 % from Poland
    sampled = sample_shock(_custom("rhenium", "POL", start=(2026, 1), end=(2026, 12)), kb, YEARS, 30, 1)
    np.testing.assert_allclose(sampled.eu_rate, 1.0)
    np.testing.assert_allclose(sampled.eu_loss[:, 0, 6], 1.0)
    assert sampled.eu_loss[:, 0, :6].sum() == 0.0 and sampled.eu_loss[:, 0, 7:].sum() == 0.0


def test_sampled_rates_stay_inside_the_product_of_the_ranges(kb):
    shock = shock_from_measure(kb, "cn_mofcom_2023_23", 2026)
    sampled = sample_shock(shock, kb, YEARS, 400, 5)
    gallium = sampled.eu_rate[:, 0]
    assert gallium.min() >= 0.685 * 0.2 * (1 - 0.3) - 1e-12
    assert gallium.max() <= 0.695 * 0.7 + 1e-12
    # mean of a product of independent triangulars = product of the means
    assert gallium.mean() == pytest.approx(0.69 * (1.3 / 3) * (1 - 0.4 / 3), rel=0.05)


def test_ban_on_other_countries_reaches_the_eu_only_by_spillover(kb):
    row = ShockRow("CHN", "gallium", "processing", fixed("f", 1.0), ("USA",), (2026, 1), (2026, 12))
    sampled = sample_shock(Shock("usa", (row,), rerouting=fixed("rerouting", 0.0)), kb, YEARS, 400, 3)
    assert sampled.eu_rate.max() <= 0.695 * 0.2 + 1e-12  # spill-over at most 20 %
    assert sampled.eu_rate.mean() == pytest.approx(0.69 * 0.25 / 3, rel=0.1)


def test_unmet_share_takes_the_scarcest_material_and_substitution():
    # one technology, two materials; the third pair has no demand and must not count
    demand = np.ones((1, 3, 1))
    demand[0, 2, 0] = 0.0
    loss = np.array([[[0.3], [0.5], [0.9]]])
    dependence = np.ones((3, 1))
    pair_technology, pair_material = np.array([0, 0, 0]), np.array([0, 1, 2])
    unmet = unmet_share_by_technology(demand, pair_technology, pair_material, dependence, loss, 1, 0.0)
    assert unmet[0, 0, 0] == pytest.approx(0.5)
    halved = unmet_share_by_technology(demand, pair_technology, pair_material, dependence, loss, 1, 0.5)
    assert halved[0, 0, 0] == pytest.approx(0.25)
    dependence[1] = 0.2  # material 1 only in a 20 % sub-technology
    assert unmet_share_by_technology(demand, pair_technology, pair_material, dependence, loss, 1,
                                     0.0)[0, 0, 0] == pytest.approx(0.3)


def test_material_dependence_sums_mix_shares_and_caps_at_one():
    spec = SimpleNamespace(
        years=np.array([2020, 2021]), materials=("a", "b"),
        pair_technology=np.array([0, 0]), pair_material=np.array([0, 1]),
        entry_technology=np.array([0, 0, 0, 0]), entry_intensity=np.array([0, 1, 2, 3]),
        intensity_material=np.array([0, 0, 1, 1]),
        entry_share=np.array([[0.3, 0.1], [0.4, 0.2], [0.8, 0.5], [0.7, 0.4]]),
    )
    np.testing.assert_allclose(material_dependence(spec, np.array([2021])), [[0.3], [0.9]])
    np.testing.assert_allclose(material_dependence(spec, np.array([2020])), [[0.7], [1.0]])


def test_full_loss_of_a_sole_material_puts_all_its_deployment_at_risk(model):
    spec, result = model
    dependence = material_dependence(spec, result.years)
    loss = np.zeros((result.draws, len(result.materials), len(result.years)))
    loss[:, result.materials.index("gallium"), :] = 1.0
    unmet = unmet_share_by_technology(result.by_pair["demand"], result.pair_technology, result.pair_material,
                                      dependence, loss, len(result.technologies), 0.0)
    k = result.technologies.index("ict_electronics")  # gallium in every unit (no mix)
    np.testing.assert_allclose(unmet[:, k, :], 1.0)
    assert unmet[:, result.technologies.index("wind_offshore"), :].max() == 0.0
    pv = result.technologies.index("solar_pv_commercial")
    assert 0.0 < unmet[:, pv, :].max() < 0.1  # only the gallium-containing thin-film share of PV


def test_fraction_zero_has_no_effect(kb, model):
    spec, result = model
    shock = _custom(fraction=0.0)
    sampled = sample_shock(shock, kb, result.years, result.draws, 2)
    zh_share, _ = zh_share_of_eu(kb, result.draws, 3)
    summary = shock_summary(shock, sampled, result, kb, zh_share, material_dependence(spec, result.years))
    effects = summary.loc[~summary["item"].str.contains("months")]
    assert len(effects) > 5
    assert (effects[["p5", "p50", "p95"]].to_numpy() == 0.0).all()


def test_value_added_at_risk_by_hand(kb):
    loss = np.full((1, 1, 2), 0.5)
    codes, _, value = sector_value_added_at_risk(kb, ("gallium",), loss)
    uses = kb.end_uses.loc[kb.end_uses["material_id"] == "gallium"]
    for s, code in enumerate(codes):
        rows = uses.loc[uses["nace_code"] == code]
        expected = rows["share"].sum() * 0.5 * rows["sector_value_added_meur"].iloc[0]
        np.testing.assert_allclose(value[0, s], expected)
    assert "C26" in codes


def test_value_added_counts_a_sector_once_across_materials(kb):
    # two materials with the same loss in the same sector: the larger exposure counts, not the sum
    loss = np.full((1, 2, 1), 1.0)
    codes, _, both = sector_value_added_at_risk(kb, ("dysprosium", "terbium"), loss)
    capacity = kb.nace_sectors.set_index("nace_code")["eu27_value_added_meur"]
    for s, code in enumerate(codes):
        assert both[0, s, 0] <= capacity.get(code, np.inf) * 1.0001


def test_zh_share_combines_cbs_ratio_and_assumed_ranges(kb):
    share, info = zh_share_of_eu(kb, 500, 1)
    assert info["zh_share_of_nl_value_added"] == pytest.approx(194009 / 944801, abs=1e-4)  # Eurostat nama_10r_3gva 2023
    assert share.min() >= info["zh_share_of_nl_value_added"] * 0.05 * 0.5 - 1e-9
    assert share.max() <= info["zh_share_of_nl_value_added"] * 0.07 * 1.5 + 1e-9


def test_loss_on_model_materials_and_side_by_side(kb, model):
    spec, result = model
    mapped = loss_on_model_materials(np.ones((2, 2, 3)), ("gallium", "rhenium"), ("copper", "gallium"))
    np.testing.assert_allclose(mapped[:, 1], 1.0)
    np.testing.assert_allclose(mapped[:, 0], 0.0)
    zh_share, _ = zh_share_of_eu(kb, result.draws, 3)
    dependence = material_dependence(spec, result.years)
    frames = {}
    for label, material in (("ga", "gallium"), ("dy", "dysprosium")):
        shock = _custom(material=material, fraction=1.0)
        frames[label] = shock_summary(shock, sample_shock(shock, kb, result.years, result.draws, 2), result, kb,
                                      zh_share, dependence)
    wide = side_by_side(frames)
    assert {"ga p50", "dy p50"} <= set(wide.columns)
    row = wide.loc[wide["item"] == "gallium: EU supply shortfall"].iloc[0]
    assert row["ga p50"] == pytest.approx(0.69, abs=0.006) and np.isnan(row["dy p50"])
    assert wide["section"].iloc[0] == "supply" and wide["section"].iloc[-1] == "zh_value_added"


def test_register_materials_without_shares_fall_back_or_stay_unquantified(kb):
    # cn_mofcom_2025_58 controls graphite anode material (product stage): no processing shares for natural
    # graphite, so the extraction-stage EU sourcing share (CHN) is used and said so
    shock = shock_from_measure(kb, "cn_mofcom_2025_58", 2026)
    sampled = sample_shock(shock, kb, YEARS, 50, 1)
    assert any("natural_graphite: no processing-stage shares" in c for c in sampled.caveats)
    graphite = sampled.materials.index("natural_graphite")
    assert sampled.eu_rate[:, graphite].max() > 0
    # the rare-earth group has no shares at all: unknown (NaN), never a silent zero
    ree = sample_shock(shock_from_measure(kb, "cn_mofcom_2025_61", 2026), kb, YEARS, 10, 1)
    assert ree.unquantified == {"ree"} and np.isnan(ree.eu_rate).all() and ree.eu_loss.sum() == 0.0
    # a custom shock on a material without shares is an error, not a fallback
    with pytest.raises(ShockError, match="material 'ree': no supply shares"):
        sample_shock(_custom("ree"), kb, YEARS, 5, 1)
