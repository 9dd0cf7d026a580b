"""CRMA benchmark calculator: EU capacity versus the Art. 5(1) benchmarks, before and after a portfolio.

Regulation (EU) 2024/1252 (Critical Raw Materials Act), Art. 5(1): by 2030 EU capacity should cover at
least 10 % (extraction), 40 % (processing) and 25 % (recycling) of the Union's annual consumption of each
strategic raw material (Annex I), and no single third country should supply more than 65 % of that
consumption at any relevant stage.

Per Annex I entry ``e`` and stage ``s`` (all quantities from ``crma_consumption_capacity`` unless noted)::

    share_before[e, s]  = EU capacity / EU consumption                         (fraction)
    added_t[e, s]       = Σ capacity_t_per_year of counted portfolio projects     (t/yr contained)
    share_after[e, s]   = share_before + added_t / consumption_t
    gap[e, s]           = benchmark[s] − share                                     (> 0 = shortfall)
    capacity_gap_t      = max(gap, 0) · consumption_t                              (t/yr still missing)

Largest single third-country share at the extraction and processing stages (``supply_shares``, EU
sourcing, via :func:`crmradar.methods.concentration.largest_third_country`); after the portfolio, EU
supply displaces imports *proportionally* (every third country loses the same fraction)::

    d    = Σ_{c ∈ EU27} s_c                          EU member states' share of EU sourcing
    Δ    = added_t[e, s] / consumption_t              (processing also counts recycling additions,
                                                      because recycled output replaces refined imports)
    k    = clip((1 − d − Δ) / (1 − d), 0, 1)
    s_c' = k · s_c   for every third country c

Consumption is held at its reference-period level (no demand growth to the target year), and stage
shares are 2016–2020 averages from the EC 2023 study; both are listed in :data:`ASSUMPTIONS`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmradar.methods.concentration import CRMA_SINGLE_COUNTRY_CAP, EU27, largest_third_country

STAGES = ("extraction", "processing", "recycling")
BENCHMARK_IDS = {"extraction": "eu_extraction_share", "processing": "eu_processing_share",
                 "recycling": "eu_recycling_share"}
SINGLE_COUNTRY_BENCHMARK_ID = "max_single_third_country_share"
#: Project statuses counted towards capacity in the target year (cancelled projects never count).
COUNTED_STATUSES = frozenset({"operating", "under_construction", "planned", "announced"})

ASSUMPTIONS = (
    "Current EU capacity per stage = 1 − EU import reliance (extraction, processing) and the EoL-RIR "
    "(recycling), EC 2023 CRM study, 2016–2020 averages: production and realised recycling stand in for capacity.",
    "EU consumption is held at its reference-period level up to the target year (no demand growth).",
    "Portfolio capacities are tonnes per year of contained material, fully utilised from start_year on; "
    "projects with status cancelled or start_year after the target year are not counted.",
    "After the portfolio, EU supply displaces imports proportionally: every third country's share of EU "
    "sourcing falls by the same factor; recycling additions displace imports at the processing stage.",
    "Where supply_shares has no EU-sourcing rows for a material and stage, the global-supply shares are used "
    "(column share_scope).",
    "Annex I entries are represented by one material's indicators (REE for magnets by neodymium, PGM by the "
    "PGM group, aluminium/bauxite by aluminium).",
)

OUTPUT_COLUMNS = [
    "crma_entry", "material_id", "stage", "consumption_t", "share_before", "added_t", "share_after",
    "share_after_low", "share_after_high", "benchmark", "gap_before", "gap_after", "capacity_gap_t_after",
    "meets_benchmark_before", "meets_benchmark_after", "share_scope", "largest_third_country",
    "third_country_share_before", "third_country_share_after", "single_country_cap_exceeded_after",
]


def current_position(consumption_capacity: pd.DataFrame) -> pd.DataFrame:
    """One row per Annex I entry and stage with ``consumption_t`` (and its low/high) and ``share_before``.

    Stages the EC study did not assess for a material get ``share_before`` NaN.
    """
    table = consumption_capacity
    entries = table.drop_duplicates("crma_entry")[["crma_entry", "material_id"]]
    consumption = table.loc[table["quantity"] == "consumption", ["crma_entry", "value", "low", "high"]].rename(
        columns={"value": "consumption_t", "low": "consumption_low_t", "high": "consumption_high_t"})
    grid = entries.merge(pd.DataFrame({"stage": STAGES}), how="cross")
    shares = table.loc[table["quantity"].str.endswith("_share"), ["crma_entry", "quantity", "value"]].copy()
    shares["stage"] = shares["quantity"].str.removesuffix("_share")
    out = grid.merge(shares[["crma_entry", "stage", "value"]].rename(columns={"value": "share_before"}),
                     on=["crma_entry", "stage"], how="left").merge(consumption, on="crma_entry", how="left")
    # Without a published range the point value bounds itself.
    out["consumption_low_t"] = out["consumption_low_t"].fillna(out["consumption_t"])
    out["consumption_high_t"] = out["consumption_high_t"].fillna(out["consumption_t"])
    return out.sort_values(["crma_entry", "stage"], ignore_index=True)


def portfolio_additions(projects: pd.DataFrame, year: int) -> pd.DataFrame:
    """Capacity added per entry and stage by projects counted in ``year`` (columns crma_entry, stage, added_t)."""
    columns = ["crma_entry", "stage", "added_t"]
    if projects.empty:
        return pd.DataFrame(columns=columns).astype({"added_t": float})
    counted = projects.loc[projects["status"].isin(COUNTED_STATUSES) & (projects["start_year"] <= year)]
    summed = counted.groupby(["crma_entry", "stage"], as_index=False)["capacity_t_per_year"].sum()
    return summed.rename(columns={"capacity_t_per_year": "added_t"})[columns]


def benchmark_position(position: pd.DataFrame, additions: pd.DataFrame, benchmarks: pd.DataFrame) -> pd.DataFrame:
    """Shares before/after the portfolio, benchmark gaps and the tonnage still missing after it."""
    targets = {stage: float(benchmarks.loc[benchmarks["id"] == bid, "value"].iloc[0])
               for stage, bid in BENCHMARK_IDS.items()}
    out = position.merge(additions, on=["crma_entry", "stage"], how="left")
    out["added_t"] = out["added_t"].fillna(0.0).astype(float)
    added = out["added_t"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        # No addition leaves the share unchanged even where consumption is unknown.
        gain = np.where(added > 0, added / out["consumption_t"].to_numpy(dtype=float), 0.0)
        gain_low = np.where(added > 0, added / out["consumption_high_t"].to_numpy(dtype=float), 0.0)
        gain_high = np.where(added > 0, added / out["consumption_low_t"].to_numpy(dtype=float), 0.0)
    before = out["share_before"].to_numpy(dtype=float)
    out["share_after"] = before + gain
    out["share_after_low"] = before + gain_low
    out["share_after_high"] = before + gain_high
    out["benchmark"] = out["stage"].map(targets)
    out["gap_before"] = out["benchmark"] - out["share_before"]
    out["gap_after"] = out["benchmark"] - out["share_after"]
    out["capacity_gap_t_after"] = out["gap_after"].clip(lower=0) * out["consumption_t"]
    out["meets_benchmark_before"] = _flag(out["share_before"] >= out["benchmark"], out["share_before"])
    out["meets_benchmark_after"] = _flag(out["share_after"] >= out["benchmark"], out["share_after"])
    return out


def _flag(condition: pd.Series, value: pd.Series) -> pd.Series:
    return condition.astype("boolean").mask(value.isna())


def third_country_concentration(
    supply_shares: pd.DataFrame,
    entry_material: dict[str, str],
    position: pd.DataFrame,
    eu_members: frozenset[str] = EU27,
) -> pd.DataFrame:
    """Largest third-country share per entry at the extraction and processing stages, before and after.

    ``position`` must carry ``crma_entry, stage, consumption_t, added_t`` (output of
    :func:`benchmark_position`). Returns ``crma_entry, stage, share_scope, largest_third_country,
    third_country_share_before, third_country_share_after``.
    """
    rows = []
    for entry, material in entry_material.items():
        for stage in ("extraction", "processing"):
            shares, scope = _stage_shares(supply_shares, material, stage)
            if shares.empty:
                continue
            largest = largest_third_country(shares, eu_members).iloc[0]
            eu_share = float(shares.loc[shares["country_iso3"].isin(eu_members), "share"].sum())
            displaced = _displaced_share(position, entry, stage)
            rows.append({"crma_entry": entry, "stage": stage, "share_scope": scope,
                         "largest_third_country": largest["largest_third_country"],
                         "third_country_share_before": float(largest["largest_third_country_share"]),
                         "third_country_share_after": float(largest["largest_third_country_share"])
                         * displacement_factor(eu_share, displaced)})
    columns = ["crma_entry", "stage", "share_scope", "largest_third_country", "third_country_share_before",
               "third_country_share_after"]
    return pd.DataFrame(rows, columns=columns)


def displacement_factor(eu_share: float, displaced_share: float) -> float:
    """Factor ``k = clip((1 − d − Δ)/(1 − d), 0, 1)`` applied to every third country's share.

    ``d`` is the EU member states' share of EU sourcing, ``Δ`` the new EU supply as a share of consumption.
    NaN ``Δ`` (consumption unknown) gives NaN; a fully domestic supply (``d >= 1``) gives 1.
    """
    if np.isnan(displaced_share):
        return float("nan")
    imported = 1.0 - eu_share
    if imported <= 0:
        return 1.0
    return float(np.clip((imported - displaced_share) / imported, 0.0, 1.0))


def _stage_shares(supply_shares: pd.DataFrame, material: str, stage: str) -> tuple[pd.DataFrame, str]:
    for scope in ("eu_sourcing", "global_supply"):
        rows = supply_shares.loc[(supply_shares["material_id"] == material) & (supply_shares["stage"] == stage)
                                 & (supply_shares["scope"] == scope), ["material_id", "stage", "country_iso3", "share"]]
        if not rows.empty:
            return rows, scope
    return supply_shares.iloc[0:0][["material_id", "stage", "country_iso3", "share"]], ""


def _displaced_share(position: pd.DataFrame, entry: str, stage: str) -> float:
    stages = ("processing", "recycling") if stage == "processing" else (stage,)
    rows = position.loc[(position["crma_entry"] == entry) & position["stage"].isin(stages)]
    added = float(rows["added_t"].sum())
    if added == 0:
        return 0.0
    consumption = float(rows["consumption_t"].iloc[0]) if not rows.empty else float("nan")
    return added / consumption if consumption > 0 else float("nan")


def crma_benchmark(
    consumption_capacity: pd.DataFrame,
    benchmarks: pd.DataFrame,
    supply_shares: pd.DataFrame,
    projects: pd.DataFrame,
    year: int,
) -> pd.DataFrame:
    """Full benchmark table: one row per Annex I entry and stage (columns :data:`OUTPUT_COLUMNS`)."""
    position = current_position(consumption_capacity)
    result = benchmark_position(position, portfolio_additions(projects, year), benchmarks)
    entry_material = dict(zip(position["crma_entry"], position["material_id"], strict=False))
    concentration = third_country_concentration(supply_shares, entry_material, result)
    out = result.merge(concentration, on=["crma_entry", "stage"], how="left")
    cap = float(benchmarks.loc[benchmarks["id"] == SINGLE_COUNTRY_BENCHMARK_ID, "value"].iloc[0]) \
        if (benchmarks["id"] == SINGLE_COUNTRY_BENCHMARK_ID).any() else CRMA_SINGLE_COUNTRY_CAP
    after = out["third_country_share_after"]
    out["single_country_cap_exceeded_after"] = (after > cap).astype("boolean").mask(after.isna())
    return out[OUTPUT_COLUMNS].sort_values(["crma_entry", "stage"], ignore_index=True)
