"""Port transit versus regional use: how much of a country's imports of a material stays there.

Dutch trade statistics include goods that only pass through Rotterdam. CBS distinguishes *wederuitvoer*
(re-exports: imported goods exported again without substantial processing; they are in the trade figures)
from *doorvoer* (transit that is not declared as Dutch import or export, outside the figures), and the
CEPII BACI flows used here carry quasi-transit as Dutch imports. Per material and year, for the HS codes
mapped to the material (``trade_flows``, tonnes)::

    M = gross imports of the country (all partners)
    X = exports of the country (all partners)
    re-exported R = min(M, X)            central: exports of these codes are re-exports of imports
    retained    U = M − R = max(M − X, 0)

so ``M = U + R`` holds exactly (mass balance, also for the bounds). The range: re-exports between
``0`` (every export made from domestic production, retained = M) and ``min(M, X)`` (every export a re-export,
retained = net imports); the Netherlands has little primary CRM production, so the central value is the
net-import bound. Stock changes (goods imported in one year and re-exported the next) are not modelled.

The share of the EU27's extra-EU imports that enters via the country is
``(country's imports from outside the EU27) / (all EU27 imports from outside the EU27)``.
Flows whose quantity BACI leaves unreported count as 0 t; ``quantity_incomplete`` says where.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

KEY = ["material_id", "year"]
COLUMNS = [
    "material_id", "year", "gross_imports_t", "exports_t", "re_exported_t", "re_exported_low_t",
    "re_exported_high_t", "retained_t", "retained_low_t", "retained_high_t", "retained_share",
    "eu27_extra_imports_t", "via_country_extra_imports_t", "share_of_eu27_extra_imports", "quantity_incomplete",
]


def transit_split(trade: pd.DataFrame, country: str, eu_members: set[str] | frozenset[str]) -> pd.DataFrame:
    """Gross imports, re-exports and retained use per material and year for ``country`` (tonnes).

    Parameters
    ----------
    trade : rows ``material_id, year, importer_iso3, exporter_iso3, quantity_t`` (t; NaN = not reported),
        optionally ``quantity_incomplete`` (bool).
    country : ISO3 code of the country, e.g. ``NLD``.
    eu_members : ISO3 codes of the EU27 members (for the share of EU27 extra-EU imports).

    Returns
    -------
    One row per material and year with the columns of :data:`COLUMNS`; ``retained_share`` = U / M.
    """
    flows = trade.assign(quantity_t=pd.to_numeric(trade["quantity_t"], errors="coerce").fillna(0.0))
    if "quantity_incomplete" not in flows:
        flows = flows.assign(quantity_incomplete=False)
    flows = flows.assign(quantity_incomplete=flows["quantity_incomplete"].astype("boolean").fillna(False).astype(bool))
    into = flows.loc[(flows["importer_iso3"] == country) & (flows["exporter_iso3"] != country)]
    out = flows.loc[(flows["exporter_iso3"] == country) & (flows["importer_iso3"] != country)]
    members = frozenset(eu_members)
    extra = flows.loc[flows["importer_iso3"].isin(members) & ~flows["exporter_iso3"].isin(members)]
    frame = pd.concat(
        [
            into.groupby(KEY)["quantity_t"].sum().rename("gross_imports_t"),
            out.groupby(KEY)["quantity_t"].sum().rename("exports_t"),
            extra.groupby(KEY)["quantity_t"].sum().rename("eu27_extra_imports_t"),
            extra.loc[extra["importer_iso3"] == country].groupby(KEY)["quantity_t"].sum()
            .rename("via_country_extra_imports_t"),
            pd.concat([into, out]).groupby(KEY)["quantity_incomplete"].any(),
        ],
        axis=1,
    ).reset_index()
    for column in ("gross_imports_t", "exports_t", "eu27_extra_imports_t", "via_country_extra_imports_t"):
        frame[column] = frame[column].fillna(0.0)
    frame["quantity_incomplete"] = frame["quantity_incomplete"].fillna(False).astype(bool)
    imports, exports = frame["gross_imports_t"].to_numpy(), frame["exports_t"].to_numpy()
    frame["re_exported_t"] = np.minimum(imports, exports)
    frame["re_exported_low_t"] = 0.0
    frame["re_exported_high_t"] = frame["re_exported_t"]
    frame["retained_t"] = imports - frame["re_exported_t"]
    frame["retained_low_t"] = imports - frame["re_exported_high_t"]
    frame["retained_high_t"] = imports - frame["re_exported_low_t"]
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["retained_share"] = np.where(imports > 0, frame["retained_t"] / imports, np.nan)
        total = frame["eu27_extra_imports_t"].to_numpy()
        frame["share_of_eu27_extra_imports"] = np.where(
            total > 0, frame["via_country_extra_imports_t"] / total, np.nan
        )
    frame = frame.loc[(frame["gross_imports_t"] > 0) | (frame["exports_t"] > 0)]
    return frame[COLUMNS].sort_values(KEY, ignore_index=True)
