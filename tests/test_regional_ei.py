"""Regional economic importance (crmradar.region.economic_importance) and the regional assessment.

Hand case for a toy region "XX99" (EUR million): C20 = 400, C28 = 100, C29 = 50, B06 = 900.
Q_max = largest manufacturing division = C20 = 400 (B06 is mining, not manufacturing).
Material m: end uses 50 % C20, 50 % C28, SI_EI = 0.9:
    EI = (0.5·400 + 0.5·100) / 400 · 10 · 0.9 = 250/400 · 9 = 5.625
    contributions: C20 = 0.5·400/400·9 = 4.5 (80 %), C28 = 0.5·100/400·9 = 1.125 (20 %)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmradar import data
from crmradar.region import economic_importance as rei
from crmradar.region.criticality_assessment import eu_value_added, recompute_eu, regional_assessment
from crmradar.region.value_added import division_value_added

TOY = """region_code,region_name,nace_code,year,value_added_meur
XX99,Toy,C20,2021,400
XX99,Toy,C28,2021,100
XX99,Toy,C29,2021,50
XX99,Toy,B06,2021,900
XX99,Toy,C20,2019,1
"""


@pytest.fixture
def toy_file(tmp_path):
    path = tmp_path / "toy_region.csv"
    path.write_text(TOY, encoding="utf-8")
    return path


def _end_uses() -> pd.DataFrame:
    return pd.DataFrame(
        {"material_id": ["m", "m", "n"], "nace_code": ["C20", "C28", "C26"], "share": [0.5, 0.5, 1.0]}
    )


def test_regional_ei_hand_case(toy_file):
    table = rei.read_value_added_csv(toy_file)
    value_added = division_value_added(table, "XX99")["value_added_meur"]  # latest year: 2021
    assert value_added["C20"] == 400
    assert rei.largest_manufacturing_value_added(value_added) == 400
    result = rei.regional_economic_importance(_end_uses(), value_added, pd.Series({"m": 0.9, "n": 1.0}))
    assert result.loc["m", "economic_importance"] == pytest.approx(5.625)
    assert bool(result.loc["m", "ei_above_threshold"])
    assert result.loc["m", "driving_sectors"] == "C20 80%, C28 20%"
    # n uses C26, which the toy region has no data for: NaN and named, never a silent zero.
    assert np.isnan(result.loc["n", "economic_importance"])
    assert result.loc["n", "missing_sectors"] == "C26"


def test_earlier_year_and_unknown_region(toy_file):
    table = rei.read_value_added_csv(toy_file)
    assert division_value_added(table, "XX99", year=2019).loc["C20", "value_added_meur"] == 1
    with pytest.raises(rei.RegionalDataError, match="XX99"):
        division_value_added(table, "NL99")


def test_bad_rows_are_reported_with_file_row_and_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "region_code,nace_code,year,value_added_meur\nXX99,C20,2021,10\nXX99,chemicals,2021,5\nXX99,C28,2021,-3\n",
        encoding="utf-8",
    )
    with pytest.raises(rei.RegionalDataError) as error:
        rei.read_value_added_csv(path)
    message = str(error.value)
    assert f"{path}, row 3, column 'nace_code'" in message
    assert f"{path}, row 4, column 'value_added_meur'" in message
    missing = tmp_path / "missing.csv"
    missing.write_text("region_code,nace_code,value_added_meur\nXX99,C20,1\n", encoding="utf-8")
    with pytest.raises(rei.RegionalDataError, match="year"):
        rei.read_value_added_csv(missing)


def test_region_with_eu_value_added_reproduces_eu_ei():
    # Independent check: a "region" whose value added equals the EU's must get the EU EI.
    kb = data.load()
    value_added, q_max = eu_value_added(kb)
    si_ei = kb.criticality_inputs.query("parameter == 'si_ei'").set_index("material_id")["value"]
    regional = rei.regional_economic_importance(kb.end_uses, value_added, si_ei)
    eu = recompute_eu(kb)
    common = regional["economic_importance"].dropna().index
    assert len(common) > 30
    np.testing.assert_allclose(regional.loc[common, "economic_importance"], eu.loc[common, "economic_importance"])
    assert regional.attrs["q_max_meur"] == q_max == 204200  # C28 machinery, EC 2023 study


def test_regional_assessment_with_a_toy_region_file():
    kb = data.load()
    value_added, _ = eu_value_added(kb)
    # Same sector structure as the EU at 1/100 scale: EI is scale-free, so EU EI is reproduced.
    rows = pd.DataFrame(
        {"region_code": "XX99", "nace_code": value_added.index, "year": 2021, "value_added_meur": value_added / 100}
    )
    result = regional_assessment(kb, "XX99", value_added_table=rows, draws=200, seed=1)
    assert result.attrs["q_max_region_meur"] == pytest.approx(2042.0)
    known = result.dropna(subset=["economic_importance_region", "eu_economic_importance"])
    np.testing.assert_allclose(known["economic_importance_region"], known["eu_economic_importance"])
    probabilities = result[["p_supply_risk", "p_critical_region"]].dropna().to_numpy()
    assert np.all((probabilities >= 0) & (probabilities <= 1))
    # Regionally critical materials come first.
    flags = result["critical_region"].to_numpy()
    assert not np.any(flags[1:] > flags[:-1])
