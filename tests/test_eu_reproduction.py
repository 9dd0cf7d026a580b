"""Reproduction of the EC 2023 criticality results from the package (the numbers in docs/validation.md).

Hand check: holmium is refined in China only (processing share 1.0, EOL-RIR 0.01, SI_SR 1.00, basis
global supply only), so SR = scaled WGI of China × 0.99. China's WGI mean of six for 2020 is -0.310449
(hand-computed in test_data_production_governance), scaled 10·(2.5 + 0.310449)/5 = 5.620897, giving
SR = 5.564688, which rounds to the published 5.6.
"""

from __future__ import annotations

import pytest

from crmradar import data
from crmradar.region.criticality_assessment import GOVERNANCE_YEAR, recompute_eu
from crmradar.reports.reproduction import EI_TOLERANCE, SR_TOLERANCE, within_tolerance


@pytest.fixture(scope="module")
def result():
    return recompute_eu(data.load())


def test_governance_year_is_the_one_documented() -> None:
    assert GOVERNANCE_YEAR == 2020


def test_china_only_heavy_rare_earth_hand_computed(result) -> None:
    assert result.loc["holmium", "supply_risk"] == pytest.approx(5.620897 * 0.99, abs=1e-5)
    assert round(result.loc["holmium", "supply_risk"], 1) == result.loc["holmium", "official_supply_risk"] == 5.6


def test_reproduction_rates_do_not_regress(result) -> None:
    sr_ok, ei_ok = within_tolerance(result)
    assert (SR_TOLERANCE, EI_TOLERANCE) == (0.1, 0.3)
    assert len(sr_ok) == 86 and len(ei_ok) == 59
    assert int(sr_ok.sum()) >= 65
    assert int(ei_ok.sum()) >= 48


def test_other_wgi_years_are_computable_and_differ(result) -> None:
    older = recompute_eu(data.load(), governance_year=2022)
    assert older.loc["holmium", "supply_risk"] == pytest.approx(5.61, abs=0.005)
    assert older.loc["holmium", "supply_risk"] != pytest.approx(result.loc["holmium", "supply_risk"], abs=1e-3)
    with pytest.raises(ValueError, match="no mean6 rows for 1990"):
        recompute_eu(data.load(), governance_year=1990)
