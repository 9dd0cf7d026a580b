"""One table per material with every risk view side by side: official EU values, recomputed EU values,
the region's economic importance, Monte Carlo probabilities and GeoPolRisk for the Netherlands and EU27.

Used by ``crmradar material``/``crmradar risk`` style outputs and by the web overview, so both show the
same numbers. Official values are never overwritten.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from crmradar import data as kb_data
from crmradar.data import KnowledgeBase
from crmradar.methods import geopolrisk_inputs as shipped
from crmradar.methods.geopolrisk import geopolrisk
from crmradar.region.criticality_assessment import regional_assessment

GEOPOLRISK_ECONOMIES = ("NLD", "EU27")
DEFAULT_DRAWS = 2000


def shipped_geopolrisk_inputs(kb: KnowledgeBase) -> dict[str, pd.DataFrame | None]:
    """GeoPolRisk inputs from the data package: BACI imports, USGS production, WGI PV as instability."""
    trade = shipped.trade_from_flows(kb.trade_flows)
    material_years = trade[["material", "year"]].drop_duplicates()
    return {
        "production": shipped.production_tonnes(kb.production, trade["year"].unique()),
        "trade": trade,
        "governance": shipped.governance_from_wgi(kb.governance),
        "groups": shipped.eu27_groups(),
        "hhi": shipped.hhi_from_supply_shares(kb.supply_shares, material_years),
    }


def geopolrisk_latest(kb: KnowledgeBase) -> pd.DataFrame:
    """GeoPolRisk score of the latest year with imports, per material and economy (NLD, EU27), wide."""
    inputs = shipped_geopolrisk_inputs(kb)
    result = geopolrisk(**inputs, economies=list(GEOPOLRISK_ECONOMIES))
    latest = result.loc[result["year"] == result.groupby("material")["year"].transform("max")]
    wide = latest.pivot_table(index="material", columns="economy", values="score", aggfunc="first")
    wide.columns = [f"geopolrisk_{c.lower()}" for c in wide.columns]
    wide["geopolrisk_year"] = latest.groupby("material")["year"].max()
    wide.index.name = "material_id"
    return wide


@lru_cache(maxsize=4)
def _overview(package: str, region: str, draws: int, seed: int) -> pd.DataFrame:
    kb = kb_data.load(package)
    regional = regional_assessment(kb, region, draws=draws, seed=seed, allow_missing_region=True)
    table = regional.join(geopolrisk_latest(kb), how="left")
    table.attrs.update(regional.attrs)
    table.attrs["draws"] = draws
    table.attrs["seed"] = seed
    return table


def risk_overview(kb: KnowledgeBase, region: str = "NL36", draws: int = DEFAULT_DRAWS, seed: int = 0) -> pd.DataFrame:
    """Per material: official/recomputed SR and EI, regional EI, P(critical) EU and region, GeoPolRisk.

    Cached per package, region, draws and seed. ``attrs['region_note']`` explains missing regional data.
    """
    return _overview(str(kb.path), region, draws, seed)


def material_risk(kb: KnowledgeBase, material_id: str, region: str = "NL36",
                  overview: pd.DataFrame | None = None) -> dict:
    """The risk views of one material as plain values (NaN → None); ``overview``: a precomputed
    :func:`risk_overview` (else computed here for ``region``)."""
    table = risk_overview(kb, region) if overview is None else overview
    if material_id not in table.index:
        return {}
    row = table.loc[material_id]
    return {key: (None if pd.isna(value) else value) for key, value in row.items()}
