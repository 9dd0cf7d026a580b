"""The part of the knowledge base the procurement scan needs, gathered once per scan session.

Per material (``ProcurementKnowledge.materials``):

* ``supply_risk`` — official EU supply risk of the 2023 assessment (``criticality_official``,
  year 2023). Materials assessed only as a group in 2023 take the group value through
  ``materials.group_id`` (neodymium → lree 3.7, dysprosium → hree 5.1, platinum → pgm 2.7);
  ``sr_basis`` names the id the value came from.
* ``crma_critical`` / ``crma_strategic`` — CRMA Annex II / Annex I membership (``materials``).
* ``largest_third_country`` / ``largest_third_country_share`` / ``largest_stage`` — the largest
  single supplier outside the EU27 over the extraction and processing stages of the EC 2023 global
  supply shares, from :func:`crmradar.methods.concentration.concentration_indicators`;
  ``nzia_material_flag`` is ``share > NZIA_SINGLE_COUNTRY_THRESHOLD`` (0.5). A screening signal at
  material level; the NZIA test itself concerns technologies (see ``product_archetypes``).
* ``gpr_cf`` — GeoPolRisk characterisation factor (kg Cu-eq per kg) for the importing economy
  (default NLD) in the latest year with a value, from :func:`crmradar.methods.geopolrisk.geopolrisk`
  on the shipped trade, production and governance tables. Materials without a factor of their
  own take their group's (neodymium → ree); ``gpr_basis`` says which.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmradar.methods import geopolrisk_inputs
from crmradar.methods.concentration import NZIA_SINGLE_COUNTRY_THRESHOLD, SHARE_COLUMNS, concentration_indicators
from crmradar.methods.geopolrisk import geopolrisk

OFFICIAL_SR_YEAR = 2023
REQUIRED_TABLES = ("cpv_codes", "product_archetypes", "product_archetype_contents", "tender_clauses", "materials")


@dataclass(frozen=True)
class ProcurementKnowledge:
    archetypes: pd.DataFrame  # index: cpv
    contents: pd.DataFrame  # cpv, material_id, content, low, high, source_id, quality
    cpv_codes: pd.DataFrame  # index: code; check_digit, label_en
    materials: pd.DataFrame  # index: material_id (see module docstring)
    clauses: pd.DataFrame  # index: clause_id
    economy: str = "NLD"


def _group_fallback(values: pd.Series, groups: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Fill a material's missing value from its group chain; returns values and the id used."""
    filled, basis = {}, {}
    for material in groups.index:
        current, seen = material, set()
        while current and current not in seen:
            seen.add(current)
            value = values.get(current, np.nan)
            if pd.notna(value):
                filled[material], basis[material] = float(value), current
                break
            group = groups.get(current)
            current = group if isinstance(group, str) and group else None
        else:
            filled[material], basis[material] = np.nan, ""
        if material not in filled:
            filled[material], basis[material] = np.nan, ""
    return pd.Series(filled, dtype=float), pd.Series(basis, dtype=object)


def official_supply_risk(kb) -> pd.Series:
    official = kb.criticality_official
    rows = official[official["year"] == OFFICIAL_SR_YEAR]
    return rows.set_index("material_id")["supply_risk"].astype(float)


def largest_third_country_by_material(supply_shares: pd.DataFrame) -> pd.DataFrame:
    """Per material, the stage and third country with the largest global supply share."""
    shares = supply_shares[supply_shares["scope"] == "global_supply"][list(SHARE_COLUMNS)]
    indicators = concentration_indicators(shares)
    best = indicators.sort_values(
        ["material_id", "largest_third_country_share", "stage"], ascending=[True, False, True]
    ).drop_duplicates("material_id")
    return best.set_index("material_id")[["largest_third_country", "largest_third_country_share", "stage"]].rename(
        columns={"stage": "largest_stage"}
    )


def geopolrisk_factors(kb, economy: str = "NLD") -> pd.DataFrame:
    """GeoPolRisk ``cf_kg_cu_eq`` and ``score`` per material for ``economy``, latest year with a factor."""
    trade = geopolrisk_inputs.trade_from_flows(kb.trade_flows)
    material_years = trade[["material", "year"]].drop_duplicates()
    hhi = geopolrisk_inputs.hhi_from_supply_shares(kb.supply_shares, material_years)
    result = geopolrisk(
        geopolrisk_inputs.production_tonnes(kb.production, trade["year"].unique()),
        trade,
        geopolrisk_inputs.governance_from_wgi(kb.governance),
        geopolrisk_inputs.eu27_groups(),
        [economy],
        hhi,
    )
    result = result[result["cf_kg_cu_eq"].notna()].sort_values(["material", "year"])
    latest = result.drop_duplicates("material", keep="last")
    return latest.set_index("material")[["year", "score", "cf_kg_cu_eq"]]


def build_knowledge(kb, economy: str = "NLD", gpr: pd.DataFrame | None = None) -> ProcurementKnowledge:
    """Gather archetypes, clauses and per-material indicators from a loaded knowledge base.

    ``gpr`` may pass precomputed :func:`geopolrisk_factors` (they take about a second to compute).
    """
    missing = [name for name in REQUIRED_TABLES if name not in kb]
    if missing:
        raise LookupError(f"data package {kb.path}: table(s) {', '.join(missing)} missing")
    materials = kb.materials.set_index("id")
    groups = materials["group_id"]
    supply_risk, sr_basis = _group_fallback(official_supply_risk(kb), groups)
    gpr = geopolrisk_factors(kb, economy) if gpr is None else gpr
    gpr_cf, gpr_basis = _group_fallback(gpr["cf_kg_cu_eq"], groups)
    gpr_year = gpr["year"].reindex(gpr_basis.replace("", np.nan)).to_numpy()
    frame = pd.DataFrame(index=materials.index)
    frame["name_en"] = materials["name_en"]
    frame["name_nl"] = materials["name_nl"]
    frame["eu_critical_2023"] = materials["eu_critical_2023"].fillna(False).astype(bool)
    frame["crma_critical"] = materials["crma_critical"].fillna(False).astype(bool)
    frame["crma_strategic"] = materials["crma_strategic"].fillna(False).astype(bool)
    frame["supply_risk"] = supply_risk.reindex(frame.index)
    frame["sr_basis"] = sr_basis.reindex(frame.index).fillna("")
    third = largest_third_country_by_material(kb.supply_shares).reindex(frame.index)
    frame["largest_third_country"] = third["largest_third_country"]
    frame["largest_third_country_share"] = third["largest_third_country_share"]
    frame["largest_stage"] = third["largest_stage"]
    frame["nzia_material_flag"] = frame["largest_third_country_share"].fillna(0.0) > NZIA_SINGLE_COUNTRY_THRESHOLD
    frame["gpr_cf"] = gpr_cf.reindex(frame.index)
    frame["gpr_basis"] = gpr_basis.reindex(frame.index).fillna("")
    frame["gpr_year"] = pd.Series(gpr_year, index=gpr_basis.index).reindex(frame.index)
    frame.index.name = "material_id"
    return ProcurementKnowledge(
        archetypes=kb.product_archetypes.set_index("cpv"),
        contents=kb.product_archetype_contents.copy(),
        cpv_codes=kb.cpv_codes.set_index("code"),
        materials=frame,
        clauses=kb.tender_clauses.set_index("clause_id"),
        economy=economy,
    )
