"""The EU risk table: one row per material with CRMA status and the official 2023 SR/EI."""

from __future__ import annotations

import pandas as pd

from crmradar.data import KnowledgeBase

SR_THRESHOLD = 1.0
EI_THRESHOLD = 2.8


def official_risk_table(kb: KnowledgeBase, year: int = 2023) -> pd.DataFrame:
    """Materials with their official SR, EI, EOL-RIR and import reliance for ``year``.

    Columns: material_id, name_en, name_nl, symbol, crma_strategic, crma_critical, supply_risk,
    economic_importance, eol_rir, import_reliance, eu_critical, above_thresholds. Sorted with the
    EU-critical materials first, then by SR × EI (a simple ordering, not a published index).
    """
    materials = kb.materials
    official = kb.criticality_official
    this_year = official.loc[official["year"] == year]
    table = materials.merge(this_year, left_on="id", right_on="material_id", how="left")
    table = table.loc[table["supply_risk"].notna() | table["crma_critical"] | table["crma_strategic"]]
    result = pd.DataFrame(
        {
            "material_id": table["id"],
            "name_en": table["name_en"],
            "name_nl": table["name_nl"],
            "symbol": table["symbol"],
            "crma_strategic": table["crma_strategic"].fillna(False).astype(bool),
            "crma_critical": table["crma_critical"].fillna(False).astype(bool),
            "supply_risk": table["supply_risk"],
            "economic_importance": table["economic_importance"],
            "eol_rir": table["eol_rir"],
            "import_reliance": table["import_reliance"],
            "eu_critical": table["is_critical"].fillna(False).astype(bool),
        }
    )
    result["above_thresholds"] = (result["supply_risk"] >= SR_THRESHOLD) & (
        result["economic_importance"] >= EI_THRESHOLD
    )
    order = (result["supply_risk"] * result["economic_importance"]).fillna(-1)
    result = result.assign(_critical=result["eu_critical"] | result["crma_critical"], _order=order)
    result = result.sort_values(["_critical", "_order"], ascending=[False, False])
    return result.drop(columns=["_critical", "_order"]).reset_index(drop=True)
