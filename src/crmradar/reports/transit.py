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


PRODUCT_COLUMNS = ["product_id", "year", "flow", "quantity", "unit", "content", "content_unit", "contained_t",
                   "contained_low_t", "contained_high_t"]
PRODUCT_NOTE_NL = ("Grondstof in producten (accu's, magneten, zonnepanelen, windturbines, motoren, katalysatoren): "
                   "hoeveelheid "
                   "product × gehalte per t (of per MW), met bandbreedte uit het gehalte. Alleen geciteerde "
                   "hoeveelheden: zonnepanelen op de Nederlandse markt gebracht (CBS/UNU, = invoer − uitvoer + "
                   "productie, dus gebruik dat blijft). Invoer en uitvoer per HS-code van deze producten zijn nog "
                   "niet in het pakket; crmradar transit --products-file BESTAND leest een Comext-export.")
PRODUCT_NOTE_EN = ("Material inside products (batteries, magnets, PV, wind sets, motors, catalysts): product "
                   "quantity × content "
                   "per t (or per MW), range from the content. Only cited quantities: PV panels put on the Dutch "
                   "market (CBS/UNU; = imports − exports + production, i.e. retained use). Dutch imports and exports "
                   "per HS code of these products are not in the package yet; crmradar transit --products-file FILE "
                   "reads a Comext export.")


def product_rows(kb: KnowledgeBase, material_id: str | None = None, trade: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tonnes of material contained in product trade (``product_trade`` unless ``trade`` is given)."""
    from crmradar.methods.product_content import contained_materials

    if "product_crm_contents" not in kb or "product_trade" not in kb:  # a home package from before these tables
        return pd.DataFrame(columns=PRODUCT_COLUMNS + ["material_id"])
    contents = kb.product_crm_contents
    frame = contained_materials(kb.product_trade if trade is None else trade, contents)
    if material_id is not None:
        frame = frame.loc[frame["material_id"] == material_id]
    return frame.reset_index(drop=True)


def transit_products_block(kb: KnowledgeBase, material_id: str):
    """Block ``transit_products``: the material in traded products, latest five years with data."""
    from crmradar.reports.material_profile import Block

    frame = product_rows(kb, material_id)
    years = sorted(frame["year"].unique())[-5:]
    frame = frame.loc[frame["year"].isin(years)].sort_values(["year", "product_id"], ascending=[False, True])
    sources = sorted(set(frame["content_source_id"]) | set(frame["trade_source_id"])) if not frame.empty else []
    notes = {"method": PRODUCT_NOTE_EN, "method_nl": PRODUCT_NOTE_NL, "units": "t; content in kg/t or kg/MW"}
    return Block("transit_products", frame[PRODUCT_COLUMNS].reset_index(drop=True), sources, notes)


CONTENT_COLUMNS = ["product_id", "content", "content_low", "content_high", "content_unit"]


def product_contents_block(kb: KnowledgeBase, material_id: str):
    """Block ``product_contents``: kg of the material per t of each product (per MW for wind generating sets)."""
    from crmradar.reports.material_profile import Block

    if "product_crm_contents" not in kb:
        return Block("product_contents", pd.DataFrame(columns=CONTENT_COLUMNS), [], {})
    rows = kb.product_crm_contents.loc[kb.product_crm_contents["material_id"] == material_id]
    frame = rows.rename(columns={"low": "content_low", "high": "content_high", "unit": "content_unit"})
    return Block("product_contents", frame[CONTENT_COLUMNS].reset_index(drop=True),
                 sorted(set(rows["source_id"])), {"units": "kg per t of product (kg per MW for wind generating sets)"})
