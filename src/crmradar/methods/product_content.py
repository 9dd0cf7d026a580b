"""Critical raw materials contained in traded products: product trade (t or MW) × content (kg per t or per MW).

Import dependence measured on ores, oxides and metals misses what arrives inside products (batteries, magnets,
PV modules, wind generating sets, motors). Per product ``p``, material ``m``, year and flow::

    contained_t      = Q × c / 1000           Q: product quantity (t, or MW for wind sets), c: kg per t (or per MW)
    contained_low_t  = Q_low × c_low / 1000   Q_low defaults to Q (a reported quantity has no range)
    contained_high_t = Q_high × c_high / 1000

and the split of product imports into re-exports and retained use follows :mod:`crmradar.methods.transit`
(re-exported = min(M, X) of the contained tonnes; ``M = retained + re-exported`` for every bound). A
``put_on_market`` quantity (apparent consumption = production + imports − exports) is retained use itself.
Contents: ``product_crm_contents`` (formula and source per row); quantities: ``product_trade`` or a user's
Comext/Comtrade export (:mod:`crmradar.methods.product_trade_file`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmradar.methods.transit import transit_split

KEY = ["product_id", "material_id", "year", "flow"]
COLUMNS = ["product_id", "hs_code", "material_id", "year", "flow", "partner_iso3", "quantity", "unit",
           "content", "content_unit", "contained_t", "contained_low_t", "contained_high_t",
           "content_source_id", "trade_source_id"]


class BasisMismatchError(ValueError):
    """A trade quantity whose unit is not the basis of the product's contents (e.g. t of wind sets)."""


def contained_materials(trade: pd.DataFrame, contents: pd.DataFrame) -> pd.DataFrame:
    """Tonnes of each material contained in each trade row (columns :data:`COLUMNS`).

    Parameters
    ----------
    trade : rows ``product_id, year, flow, quantity, unit`` (t or MW), optionally ``low, high, partner_iso3,
        source_id, hs_code``.
    contents : ``product_crm_contents`` rows ``product_id, material_id, basis, content, low, high, unit,
        source_id``.

    Raises
    ------
    BasisMismatchError : a trade unit differs from the basis of that product's contents.
    """
    rows = trade.copy()
    for column, default in (("low", np.nan), ("high", np.nan), ("partner_iso3", ""), ("source_id", ""),
                            ("hs_code", "")):
        if column not in rows:
            rows[column] = default
    quantity = pd.to_numeric(rows["quantity"], errors="coerce")
    rows["quantity"] = quantity
    rows["q_low"] = pd.to_numeric(rows["low"], errors="coerce").fillna(quantity)
    rows["q_high"] = pd.to_numeric(rows["high"], errors="coerce").fillna(quantity)
    rows = rows.drop(columns=["low", "high", "hs_code"]).rename(columns={"source_id": "trade_source_id"})
    merged = rows.merge(
        contents.rename(columns={"low": "c_low", "high": "c_high", "unit": "content_unit",
                                 "source_id": "content_source_id"})[
            ["product_id", "hs_code", "material_id", "basis", "content", "c_low", "c_high", "content_unit",
             "content_source_id"]],
        on="product_id", how="inner")
    wrong = merged.loc[merged["unit"] != merged["basis"]]
    if not wrong.empty:
        first = wrong.iloc[0]
        raise BasisMismatchError(
            f"product {first['product_id']!r}: quantity in {first['unit']!r} but its contents are per "
            f"{first['basis']!r}")
    merged["contained_t"] = merged["quantity"] * merged["content"] / 1000.0
    merged["contained_low_t"] = merged["q_low"] * merged["c_low"] / 1000.0
    merged["contained_high_t"] = merged["q_high"] * merged["c_high"] / 1000.0
    return merged[COLUMNS].sort_values(["material_id", "year", "product_id", "flow"], ignore_index=True)


def product_transit(contained: pd.DataFrame, country: str = "NLD") -> pd.DataFrame:
    """Per material and year: contained tonnes imported, re-exported and retained (with ranges).

    Import and export rows are split with :func:`crmradar.methods.transit.transit_split` (central contained
    tonnes; the retained range runs from net imports to gross imports). ``put_on_market`` rows are retained use
    whose imports are not known: they stay in their own columns with the content range. Columns: ``material_id,
    year, gross_imports_t, re_exported_t, retained_t,
    retained_low_t, retained_high_t, put_on_market_t, put_on_market_low_t, put_on_market_high_t``.
    """
    traded = contained.loc[contained["flow"].isin(["import", "export"])]
    partner = traded["partner_iso3"].fillna("").replace("", "WLD")
    flows = pd.DataFrame({
        "material_id": traded["material_id"], "year": traded["year"],
        "importer_iso3": np.where(traded["flow"] == "import", country, partner),
        "exporter_iso3": np.where(traded["flow"] == "export", country, partner),
        "quantity_t": traded["contained_t"],
    })
    split = transit_split(flows, country, frozenset()) if not flows.empty else pd.DataFrame(
        columns=["material_id", "year", "gross_imports_t", "re_exported_t", "retained_t", "retained_low_t",
                 "retained_high_t"])
    split = split[["material_id", "year", "gross_imports_t", "re_exported_t", "retained_t", "retained_low_t",
                   "retained_high_t"]]
    market = (contained.loc[contained["flow"] == "put_on_market"]
              .groupby(["material_id", "year"])[["contained_t", "contained_low_t", "contained_high_t"]].sum()
              .rename(columns={"contained_t": "put_on_market_t", "contained_low_t": "put_on_market_low_t",
                               "contained_high_t": "put_on_market_high_t"}).reset_index())
    out = split.merge(market, on=["material_id", "year"], how="outer")
    for column in out.columns[2:]:
        out[column] = pd.to_numeric(out[column], errors="coerce").fillna(0.0)
    return out.sort_values(["material_id", "year"], ignore_index=True)
