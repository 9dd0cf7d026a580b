"""Material-profile block: the Netherlands' imports of one material split into re-exports and retained use.

Shown identically by ``crmradar material`` and the material page (method: :mod:`crmradar.methods.transit`).
"""

from __future__ import annotations

import pandas as pd

from crmradar.data import KnowledgeBase
from crmradar.methods.transit import transit_split

COUNTRY = "NLD"
COLUMNS = ["year", "gross_imports_t", "re_exported_t", "retained_t", "retained_low_t", "retained_high_t",
           "retained_share", "share_of_eu27_extra_imports"]
NOTE_NL = ("Invoer van Nederland (t) gesplitst in wederuitvoer en gebruik dat in Nederland blijft: wederuitvoer = "
           "min(invoer, uitvoer) van dezelfde HS-codes, de bandbreedte loopt van netto-invoer (alle uitvoer is "
           "wederuitvoer) tot bruto-invoer (alle uitvoer uit eigen productie); aandeel = deel van de EU27-invoer "
           "van buiten de EU dat via Nederland binnenkomt (CEPII BACI).")
NOTE_EN = ("Imports of the Netherlands (t) split into re-exports and retained use: re-exported = min(imports, "
           "exports) of the same HS codes; the range runs from net imports (every export a re-export) to gross "
           "imports (every export from domestic output); share = part of the EU27's extra-EU imports entering via "
           "the Netherlands (CEPII BACI).")


def transit_rows(kb: KnowledgeBase, material_id: str) -> pd.DataFrame:
    """Per year (columns :data:`COLUMNS`); empty when the material has no mapped trade flows."""
    flows = kb.trade_flows.loc[kb.trade_flows["material_id"] == material_id]
    if flows.empty:
        return pd.DataFrame(columns=COLUMNS)
    members = set(kb.countries.loc[kb.countries["eu27"].fillna(False).astype(bool), "iso3"])
    return transit_split(flows, COUNTRY, members)[COLUMNS].reset_index(drop=True)


def transit_block(kb: KnowledgeBase, material_id: str):
    """Block ``transit`` of the material profile (tonnes per year, fractions for the shares)."""
    from crmradar.reports.material_profile import Block

    frame = transit_rows(kb, material_id)
    notes = {"method": NOTE_EN, "method_nl": NOTE_NL, "units": "t; retained_share and share_of_eu27_extra_imports "
             "as fractions"}
    return Block("transit", frame, ["cepii_baci"] if not frame.empty else [], notes)
