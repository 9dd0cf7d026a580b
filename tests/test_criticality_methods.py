"""Hand-computed cases for the EU criticality formulas (crmradar.methods.criticality).

Two-country example used throughout (computed by hand):

    WGI estimates: A = -0.5 -> scaled 10·(2.5+0.5)/5 = 6.0 ; B = 1.5 -> scaled 10·(2.5-1.5)/5 = 2.0
    trade parameter t: A = 1.0 (no agreement), B = 0.8 (EU trade agreement)
    global supply  GS : A 60 %, B 40 %  -> HHI_GS  = 0.36·6·1 + 0.16·2·0.8 = 2.16 + 0.256 = 2.416
    EU sourcing    EUs: A 20 %, B 80 %  -> HHI_EUs = 0.04·6·1 + 0.64·2·0.8 = 0.24 + 1.024 = 1.264
    IR = 0.5, EOL_RIR = 0.1, SI_SR = 0.9
    SR = (2.416·0.25 + 1.264·0.75)·(1 − 0.1)·0.9 = (0.604 + 0.948)·0.81 = 1.25712

    EI: Q = [100, 50, 200] EUR million, A = [0.5, 0.5, 0], SI_EI = 0.8, Q_max = 200
    EI = (0.5·100 + 0.5·50)/200·10·0.8 = 75/200·8 = 3.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmradar.methods import criticality as crit
from crmradar.methods.governance_scaling import wgi_to_eu_scale

WGI = {"AAA": -0.5, "BBB": 1.5}
T = {"AAA": 1.0, "BBB": 0.8}


def _shares() -> pd.DataFrame:
    rows = [
        ("m", "processing", "global_supply", "AAA", 0.6),
        ("m", "processing", "global_supply", "BBB", 0.4),
        ("m", "processing", "eu_sourcing", "AAA", 0.2),
        ("m", "processing", "eu_sourcing", "BBB", 0.8),
    ]
    frame = pd.DataFrame(rows, columns=["material_id", "stage", "scope", "country_iso3", "share"])
    frame["trade_parameter_t"] = frame["country_iso3"].map(T)
    return frame


def _wgi_scaled() -> pd.Series:
    return pd.Series({k: wgi_to_eu_scale(v) for k, v in WGI.items()})


def test_wgi_scaling_of_the_example_countries():
    assert _wgi_scaled()["AAA"] == pytest.approx(6.0)
    assert _wgi_scaled()["BBB"] == pytest.approx(2.0)


def test_governance_weighted_hhi_two_countries():
    gs = crit.governance_weighted_hhi([0.6, 0.4], [6.0, 2.0], [1.0, 0.8])
    eus = crit.governance_weighted_hhi([0.2, 0.8], [6.0, 2.0], [1.0, 0.8])
    assert gs == pytest.approx(2.416)
    assert eus == pytest.approx(1.264)


def test_governance_weighted_hhi_monopoly_of_worst_governance_is_ten():
    assert crit.governance_weighted_hhi([1.0], [10.0]) == pytest.approx(10.0)


def test_shares_in_percent_are_rejected():
    with pytest.raises(ValueError, match="fractions"):
        crit.governance_weighted_hhi([60.0, 40.0], [6.0, 2.0])


def test_supply_risk_two_countries():
    assert crit.supply_risk(2.416, 1.264, 0.5, 0.1, 0.9) == pytest.approx(1.25712)


def test_supply_risk_import_reliance_weights():
    # IR = 0: only EU sourcing; IR = 1: both concentrations weighted 1/2.
    assert crit.supply_risk(2.0, 1.0, 0.0, 0.0, 1.0) == pytest.approx(1.0)
    assert crit.supply_risk(2.0, 1.0, 1.0, 0.0, 1.0) == pytest.approx(1.5)


def test_supply_risk_with_one_concentration_uses_it_alone():
    # "GS only" in the 2023 study: SR = HHI_GS · (1 − EOL_RIR) · SI_SR, IR irrelevant.
    assert crit.supply_risk(2.416, np.nan, np.nan, 0.1, 0.9) == pytest.approx(2.416 * 0.9 * 0.9)
    assert crit.supply_risk(np.nan, 1.264, 0.3, 0.0, 1.0) == pytest.approx(1.264)


def test_supply_risk_rejects_percent_import_reliance():
    with pytest.raises(ValueError, match="import_reliance"):
        crit.supply_risk(2.0, 1.0, 50.0, 0.1, 0.9)


def test_supply_risk_is_vectorised():
    result = crit.supply_risk(np.array([2.416, 2.0]), np.array([1.264, 1.0]), np.array([0.5, 0.0]), 0.1, 0.9)
    np.testing.assert_allclose(result, [1.25712, 0.81])


def test_bottleneck_takes_highest_assessed_stage():
    extraction = np.array([0.5, np.nan, np.nan])
    processing = np.array([1.9, 0.7, np.nan])
    result = crit.bottleneck_supply_risk([extraction, processing])
    np.testing.assert_allclose(result[:2], [1.9, 0.7])
    assert np.isnan(result[2])


def test_economic_importance_hand_case():
    ei = crit.economic_importance([0.5, 0.5, 0.0], [100.0, 50.0, 200.0], 0.8, q_max=200.0)
    assert ei == pytest.approx(3.0)
    # Q_max defaults to the largest sector.
    assert crit.economic_importance([0.5, 0.5, 0.0], [100.0, 50.0, 200.0], 0.8) == pytest.approx(3.0)


def test_economic_importance_matrix_of_materials():
    shares = np.array([[0.5, 0.5, 0.0], [0.0, 0.0, 1.0]])
    result = crit.economic_importance(shares, [100.0, 50.0, 200.0], np.array([0.8, 1.0]))
    np.testing.assert_allclose(result, [3.0, 10.0])


def test_thresholds_are_inclusive():
    result = crit.is_critical([1.0, 0.99, 1.0, np.nan], [2.8, 5.0, 2.79, 5.0])
    assert result.tolist() == [True, False, False, False]


def test_hhi_table_and_stage_supply_risk_reproduce_hand_case():
    hhi = crit.governance_weighted_hhi_table(_shares(), _wgi_scaled())
    by_scope = hhi.set_index("scope")["hhi_wgi_t"]
    assert by_scope["global_supply"] == pytest.approx(2.416)
    assert by_scope["eu_sourcing"] == pytest.approx(1.264)
    stage_inputs = pd.DataFrame(
        {"material_id": ["m"], "stage": ["processing"], "import_reliance": [0.5], "eol_rir": [0.1], "si_sr": [0.9]}
    )
    result = crit.supply_risk_by_stage(hhi, stage_inputs)
    assert result["supply_risk"].item() == pytest.approx(1.25712)
    gs_only = crit.supply_risk_by_stage(hhi, stage_inputs.assign(concentration_basis="gs_only"))
    assert gs_only["supply_risk"].item() == pytest.approx(2.416 * 0.81)


def test_rest_of_world_is_left_out_and_missing_wgi_is_reported():
    shares = pd.concat(
        [_shares(), pd.DataFrame([{"material_id": "m", "stage": "processing", "scope": "global_supply",
                                   "country_iso3": "ROW", "share": 0.3, "trade_parameter_t": 1.0}])]
    )
    hhi = crit.governance_weighted_hhi_table(shares, _wgi_scaled())
    assert hhi.set_index("scope").loc["global_supply", "hhi_wgi_t"] == pytest.approx(2.416)
    with pytest.raises(ValueError, match="BBB"):
        crit.governance_weighted_hhi_table(_shares(), _wgi_scaled().drop("BBB"))
    filled = crit.governance_weighted_hhi_table(_shares(), _wgi_scaled().drop("BBB"), missing_wgi=5.0)
    assert filled["n_missing_wgi"].sum() == 2


def test_unknown_concentration_basis_is_an_error():
    hhi = crit.governance_weighted_hhi_table(_shares(), _wgi_scaled())
    stage_inputs = pd.DataFrame({"material_id": ["m"], "stage": ["processing"], "import_reliance": [0.5],
                                 "eol_rir": [0.1], "si_sr": [0.9], "concentration_basis": ["both"]})
    with pytest.raises(ValueError, match="concentration_basis"):
        crit.supply_risk_by_stage(hhi, stage_inputs)


def test_ei_table_contributions_sum_to_ei_and_missing_sector_gives_nan():
    end_uses = pd.DataFrame(
        {"material_id": ["m", "m", "m", "n"], "nace_code": ["C01", "C02", None, "C09"], "share": [0.5, 0.4, 0.1, 1.0]}
    )
    value_added = pd.Series({"C01": 100.0, "C02": 50.0, "C03": 200.0})
    si_ei = pd.Series({"m": 0.8, "n": 1.0})
    contributions = crit.economic_importance_contributions(end_uses, value_added, si_ei, q_max=200.0)
    m = contributions.loc[contributions["material_id"] == "m"].set_index("nace_code")["contribution"]
    assert m["C01"] == pytest.approx(0.5 * 100 / 200 * 10 * 0.8)
    assert m["C02"] == pytest.approx(0.4 * 50 / 200 * 10 * 0.8)
    table = crit.economic_importance_table(end_uses, value_added, si_ei, q_max=200.0)
    assert table["m"] == pytest.approx(m.sum())
    assert np.isnan(table["n"])  # its sector C09 has no value added: NaN, not 0
