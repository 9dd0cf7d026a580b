"""GeoPolRisk: geopolitical supply risk of a material for an importing economy.

The method weights an economy's imports of a material by the political instability of the exporting
countries and by the concentration of world production (Gemechu et al. 2016; Santillán-Saldivar et al.
2022; Koyamparambath et al. 2024)::

    hhi         = Σ_c q_c² / (Σ_c q_c)²           world production q_c of the material, per country c
    import_risk = Σ_i g_i · f_i / (p + F)         g_i instability of exporter i (0..1, higher = less
                                                  stable; 0.5 where unknown), f_i imports from i,
                                                  F = Σ_i f_i total imports, p domestic production
    score       = hhi · import_risk               dimensionless, 0..1
    price       = Σ_i v_i / Σ_i f_i               USD/kg when v in thousand USD and f in tonnes
    cf          = score · price / 0.409412948     kg Cu-eq per kg (characterisation factor for LCA)

A *group economy* (for example EU27) sums the imports and the production of its members; imports
from one member to another stay in F but with instability 0, so intra-group trade dilutes the risk.

The conventions below were checked against geopolrisk-py 2.0.1 (``assessment/core.py``,
``assessment/utils.py``), the reference implementation by the method's authors:

* an exporter without an instability value gets 0.5;
* a flow without a quantity counts as 0 t of imports while its value still enters the price;
* ``import_risk`` is 0 when ``p + F == 0``;
* the copper normaliser 0.409412948 is the average copper score·price of OECD countries 2017–2021.

Two deliberate differences: geopolrisk-py reports price 0 and cf 0 when an economy has no imports,
we report them as missing (NaN) because no price was observed; and it truncates production to
integers before the HHI, we use the quantities as given.

References
----------
Gemechu, E. D., Helbig, C., Sonnemann, G., Thorenz, A., Tuma, A. (2016). Import-based indicator for
the geopolitical supply risk of raw materials in life cycle sustainability assessments. J. Ind.
Ecol. 20(1), 154–165. doi:10.1111/jiec.12279
Santillán-Saldivar, J., Gemechu, E., Muller, S., Villeneuve, J., Young, S. B., Sonnemann, G. (2022).
An improved resource midpoint characterization method for supply risk of resources: integrated
assessment of Li-ion batteries. Int. J. LCA 27, 457–468. doi:10.1007/s11367-022-02027-y
Koyamparambath, A., et al. (2024). geopolrisk-py: a Python library for the GeoPolRisk method.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

#: Average GeoPolRisk score·price of copper for OECD countries 2017–2021 (USD/kg), the reference
#: substance of the characterisation factor (geopolrisk-py 2.0.1, ``core.GeoPolRisk``).
COPPER_REFERENCE_SCORE_PRICE = 0.409412948

#: Instability given to an exporter without a governance value (geopolrisk-py convention).
MISSING_INSTABILITY = 0.5

PRODUCTION_COLUMNS = ("material", "year", "country", "quantity_t")
TRADE_COLUMNS = ("material", "year", "importer", "exporter", "quantity_t", "value_kusd")
GOVERNANCE_COLUMNS = ("country", "year", "instability")
GROUP_COLUMNS = ("group", "country")
RESULT_COLUMNS = (
    "material",
    "year",
    "economy",
    "hhi",
    "import_risk",
    "score",
    "price_usd_per_kg",
    "cf_kg_cu_eq",
)
_KEY = ["material", "year", "economy"]


def _require_columns(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {', '.join(missing)}")


def herfindahl_index(production: pd.DataFrame) -> pd.DataFrame:
    """Herfindahl–Hirschman index of world production per material and year.

    ``hhi = Σ_c q_c² / (Σ_c q_c)²`` (dimensionless, 1/n for n equal producers, 1 for a single one).
    Only shares matter, so ``quantity_t`` may be in any unit that is the same for all countries of a
    material-year (for example production shares in percent).

    Parameters
    ----------
    production : DataFrame
        Columns ``material, year, country, quantity_t``.

    Returns
    -------
    DataFrame
        Columns ``material, year, hhi``; NaN where the world total is 0.
    """
    _require_columns(production, PRODUCTION_COLUMNS, "production")
    quantity = production["quantity_t"].astype(float)
    sums = (
        production.assign(q=quantity, q2=quantity**2)
        .groupby(["material", "year"], as_index=False, sort=True)[["q", "q2"]]
        .sum()
    )
    total = sums["q"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        hhi = np.where(total > 0, sums["q2"].to_numpy() / total**2, np.nan)
    return sums[["material", "year"]].assign(hhi=hhi)


def economy_members(economies: Iterable[str], groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """Membership table ``economy, member``: a group lists its members, a country is its own member."""
    group_frame = pd.DataFrame(columns=list(GROUP_COLUMNS)) if groups is None else groups[list(GROUP_COLUMNS)]
    economies = pd.Index(pd.unique(pd.Series(list(economies), dtype=object)))
    is_group = economies.isin(group_frame["group"])
    grouped = group_frame[group_frame["group"].isin(economies)].rename(
        columns={"group": "economy", "country": "member"}
    )
    single = pd.DataFrame({"economy": economies[~is_group], "member": economies[~is_group]})
    return pd.concat([grouped, single], ignore_index=True).drop_duplicates(ignore_index=True)


def default_economies(trade: pd.DataFrame, groups: pd.DataFrame | None = None) -> list[str]:
    """Every importer in ``trade`` plus every group defined in ``groups`` (sorted)."""
    names = set(trade["importer"].astype(str))
    if groups is not None:
        names |= set(groups["group"].astype(str))
    return sorted(names)


def import_flows(
    trade: pd.DataFrame,
    governance: pd.DataFrame,
    members: pd.DataFrame,
) -> pd.DataFrame:
    """Aggregate imports per material, year and economy with their instability weighting.

    Returns columns ``material, year, economy, total_imports_t`` (F), ``weighted_imports_t``
    (Σ g_i f_i) and ``value_kusd`` (Σ v_i). Missing quantities or values count as 0; an exporter
    without governance data gets :data:`MISSING_INSTABILITY`; an exporter that is a member of the
    importing economy gets instability 0.
    """
    _require_columns(trade, TRADE_COLUMNS, "trade")
    _require_columns(governance, GOVERNANCE_COLUMNS, "governance")
    flows = trade[list(TRADE_COLUMNS)].merge(members.rename(columns={"member": "importer"}), on="importer", how="inner")
    flows["quantity_t"] = flows["quantity_t"].astype(float).fillna(0.0)
    flows["value_kusd"] = flows["value_kusd"].astype(float).fillna(0.0)
    instability = governance[list(GOVERNANCE_COLUMNS)].rename(columns={"country": "exporter"})
    instability = instability.drop_duplicates(["exporter", "year"], keep="last")
    flows = flows.merge(instability, on=["exporter", "year"], how="left")
    flows["instability"] = flows["instability"].astype(float).fillna(MISSING_INSTABILITY)
    intra = (
        flows.merge(
            members.rename(columns={"member": "exporter"}).assign(_intra=True),
            on=["economy", "exporter"],
            how="left",
        )["_intra"]
        .notna()
        .to_numpy()
    )
    flows.loc[intra, "instability"] = 0.0
    flows["weighted_imports_t"] = flows["instability"] * flows["quantity_t"]
    return flows.groupby(_KEY, as_index=False, sort=False).agg(
        total_imports_t=("quantity_t", "sum"),
        weighted_imports_t=("weighted_imports_t", "sum"),
        value_kusd=("value_kusd", "sum"),
    )


def domestic_production(production: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Production of each economy (sum over its members), columns ``material, year, economy,
    production_t``."""
    _require_columns(production, PRODUCTION_COLUMNS, "production")
    joined = production[list(PRODUCTION_COLUMNS)].merge(
        members.rename(columns={"member": "country"}), on="country", how="inner"
    )
    joined["quantity_t"] = joined["quantity_t"].astype(float)
    return (
        joined.groupby(_KEY, as_index=False, sort=False)["quantity_t"]
        .sum()
        .rename(columns={"quantity_t": "production_t"})
    )


def _combined_hhi(production: pd.DataFrame, fallback: pd.DataFrame | None) -> pd.DataFrame:
    computed = herfindahl_index(production).dropna(subset=["hhi"])
    if fallback is None:
        return computed
    _require_columns(fallback, ("material", "year", "hhi"), "hhi")
    extra = fallback[["material", "year", "hhi"]].merge(
        computed[["material", "year"]], on=["material", "year"], how="left", indicator=True
    )
    extra = extra[extra["_merge"] == "left_only"].drop(columns="_merge")
    return pd.concat([computed, extra], ignore_index=True)


def geopolrisk(
    production: pd.DataFrame,
    trade: pd.DataFrame,
    governance: pd.DataFrame,
    groups: pd.DataFrame | None = None,
    economies: Iterable[str] | None = None,
    hhi: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """GeoPolRisk score and characterisation factor per material, year and importing economy.

    Parameters
    ----------
    production : DataFrame
        ``material, year, country, quantity_t`` — world production (t) by country; the HHI uses all
        rows of a material-year, the domestic production ``p`` the rows of the economy's members.
    trade : DataFrame
        ``material, year, importer, exporter, quantity_t, value_kusd`` — bilateral imports (t, kUSD).
    governance : DataFrame
        ``country, year, instability`` — political instability of exporters, 0 (stable) .. 1.
    groups : DataFrame, optional
        ``group, country`` — members of group economies such as EU27.
    economies : iterable of str, optional
        Economies to assess; default :func:`default_economies`.
    hhi : DataFrame, optional
        ``material, year, hhi`` for material-years without production quantities (for example HHI
        from published supply shares); production-based values take precedence.

    Returns
    -------
    DataFrame
        :data:`RESULT_COLUMNS`, one row per material-year present in ``trade`` and per economy, sorted.
        ``hhi`` is NaN where no production is known; ``price_usd_per_kg`` and ``cf_kg_cu_eq`` are
        NaN where the economy has no imports (``import_risk`` is then 0).
    """
    _require_columns(trade, TRADE_COLUMNS, "trade")
    if groups is not None:
        _require_columns(groups, GROUP_COLUMNS, "groups")
    names = default_economies(trade, groups) if economies is None else list(economies)
    members = economy_members(names, groups)

    material_years = trade[["material", "year"]].drop_duplicates()
    grid = material_years.merge(pd.DataFrame({"economy": pd.unique(pd.Series(names, dtype=object))}), how="cross")
    result = (
        grid.merge(import_flows(trade, governance, members), on=_KEY, how="left")
        .merge(domestic_production(production, members), on=_KEY, how="left")
        .merge(_combined_hhi(production, hhi), on=["material", "year"], how="left")
    )
    imports = result["total_imports_t"].fillna(0.0).to_numpy()
    weighted = result["weighted_imports_t"].fillna(0.0).to_numpy()
    value = result["value_kusd"].fillna(0.0).to_numpy()
    supply = imports + result["production_t"].fillna(0.0).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        risk = np.where(supply > 0, weighted / supply, 0.0)
        # kUSD per t equals USD per kg, so no unit factor is needed.
        price = np.where(imports > 0, value / imports, np.nan)
    result["import_risk"] = risk
    result["score"] = result["hhi"].to_numpy() * risk
    result["price_usd_per_kg"] = price
    result["cf_kg_cu_eq"] = result["score"].to_numpy() * price / COPPER_REFERENCE_SCORE_PRICE
    return result[list(RESULT_COLUMNS)].sort_values(_KEY, ignore_index=True)
