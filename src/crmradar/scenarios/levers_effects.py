"""Effects of levers against the baseline: paired Monte Carlo differences, risk weights, ranking, tornado.

Indicators per material m and year t (D draws, common random numbers for baseline and lever runs):

    primary_demand            P[m, t]                      t/yr   (demand − recoverable end of life, ≥ 0)
    sr_weighted_demand        P[m, t] · SR_m               t/yr × SR (EC 2023 supply risk, dimensionless)
    geopolrisk_weighted_demand P[m, t] · GPR_m             t/yr × GeoPolRisk score of Dutch imports
    import_dependent_demand   P[m, t] · IR_m               t/yr   (EC 2023 EU import reliance, fraction)
    secondary_share           recoverable / demand          fraction of demand

The change is lever − baseline per draw; its P5/P50/P95 are the interval. Risk-weighted totals sum the
weighted indicator over the materials that have a weight (the others are listed in the metadata).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd

from crmradar.data import KnowledgeBase
from crmradar.methods.sampling import uniform_block
from crmradar.region.model import RegionModelSpec, RegionResult, run
from crmradar.scenarios.levers import apply_levers
from crmradar.scenarios.levers_io import Lever

KG_PER_TONNE = 1000.0
WEIGHT_YEAR = 2023
# individual rare earths and PGMs without own GeoPolRisk score take the group's score (trade data is by group)
GEOPOLRISK_GROUP = {"neodymium": "ree", "praseodymium": "ree", "dysprosium": "ree", "terbium": "ree",
                    "lanthanum": "ree", "yttrium": "ree", "iridium": "pgm", "ruthenium": "pgm"}
INDICATORS = {
    "primary_demand": ("t/yr", None),
    "sr_weighted_demand": ("t/yr × supply risk (EC 2023)", "supply_risk"),
    "geopolrisk_weighted_demand": ("t/yr × GeoPolRisk score (NLD imports)", "geopolrisk"),
    "import_dependent_demand": ("t/yr (× EU import reliance, EC 2023)", "import_reliance"),
    "secondary_share": ("fraction of demand", None),
}
TOTALS = ("sr_weighted_demand", "geopolrisk_weighted_demand", "import_dependent_demand")


def risk_weights(kb: KnowledgeBase, materials: tuple[str, ...], geopolrisk: bool = True) -> pd.DataFrame:
    """Per material: EC 2023 supply_risk and import_reliance, and the latest GeoPolRisk score of NLD.

    GeoPolRisk runs :func:`crmradar.methods.geopolrisk.geopolrisk` on the shipped production, trade and
    governance tables (as ``crmradar geopolrisk`` does); missing weights stay NaN.
    """
    official = kb.criticality_official
    official = official.loc[official["year"] == WEIGHT_YEAR].set_index("material_id")
    frame = pd.DataFrame({"material_id": list(materials)})
    frame["supply_risk"] = frame["material_id"].map(official["supply_risk"])
    frame["import_reliance"] = frame["material_id"].map(official["import_reliance"])
    frame["geopolrisk"] = np.nan
    frame["geopolrisk_from"] = ""
    if geopolrisk:
        scores = _geopolrisk_scores(kb)
        for row in frame.itertuples():
            for candidate in (row.material_id, GEOPOLRISK_GROUP.get(row.material_id)):
                if candidate in scores:
                    frame.loc[row.Index, ["geopolrisk", "geopolrisk_from"]] = [scores[candidate], candidate]
                    break
    return frame


def _geopolrisk_scores(kb: KnowledgeBase) -> dict[str, float]:
    from crmradar.methods import geopolrisk_inputs as shipped
    from crmradar.methods.geopolrisk import geopolrisk

    trade = shipped.trade_from_flows(kb.trade_flows)
    material_years = trade[["material", "year"]].drop_duplicates()
    result = geopolrisk(
        shipped.production_tonnes(kb.production, trade["year"].unique()), trade,
        shipped.governance_from_wgi(kb.governance), groups=shipped.eu27_groups(), economies=["NLD"],
        hhi=shipped.hhi_from_supply_shares(kb.supply_shares, material_years),
    )
    result = result.loc[np.isfinite(result["score"])].sort_values("year")
    return result.groupby("material")["score"].last().to_dict()


def _indicators(result: RegionResult, weights: pd.DataFrame) -> dict[str, np.ndarray]:
    """Indicator arrays (D, M, Tr) in t/yr (weighted) or fractions; NaN where a weight is missing."""
    primary = result.by_material["primary_demand"].astype(np.float64) / KG_PER_TONNE
    demand = result.by_material["demand"].astype(np.float64)
    recoverable = result.by_material["recoverable"].astype(np.float64)
    out = {"primary_demand": primary}
    for name, (_unit, column) in INDICATORS.items():
        if column is not None:
            out[name] = primary * weights[column].to_numpy(float)[None, :, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        out["secondary_share"] = np.where(demand > 0, recoverable / np.where(demand > 0, demand, 1.0), np.nan)
    return out


def _rows(label: str, name: str, materials: list[str], years: np.ndarray, base: np.ndarray,
          changed: np.ndarray) -> pd.DataFrame:
    """Long rows (material × year) with baseline/lever medians and the paired change's percentiles."""
    change = changed - base
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        quantiles = np.nanpercentile(change, (5, 50, 95), axis=0)
    n, t = change.shape[1], change.shape[2]
    frame = pd.DataFrame({"levers": label, "indicator": name, "unit": INDICATORS[name][0],
                          "material_id": np.repeat(materials, t), "year": np.tile(years, n)})
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN cells: no demand, no defined share
        frame["baseline_p50"] = np.nanmedian(base, axis=0).reshape(-1)
        frame["with_levers_p50"] = np.nanmedian(changed, axis=0).reshape(-1)
        frame["change_p5"], frame["change_p50"], frame["change_p95"] = (q.reshape(-1) for q in quantiles)
        frame["change_mean"] = np.nanmean(change, axis=0).reshape(-1)
        baseline = frame["baseline_p50"].to_numpy()
        frame["relative_change_p50"] = np.where(baseline > 0, frame["change_p50"] / np.where(baseline > 0,
                                                                                          baseline, 1.0), np.nan)
    return frame


def effect_table(baseline: RegionResult, changed: RegionResult, weights: pd.DataFrame, label: str) -> pd.DataFrame:
    """Per indicator × material × year (and risk-weighted totals) the paired change lever − baseline."""
    base, lever = _indicators(baseline, weights), _indicators(changed, weights)
    materials = list(baseline.materials)
    parts = [_rows(label, name, materials, baseline.years, base[name], lever[name]) for name in INDICATORS]
    for name in TOTALS:
        # materials without a weight are left out of the total, not counted as zero risk
        total_base = np.nansum(base[name], axis=1, keepdims=True)
        total_lever = np.nansum(lever[name], axis=1, keepdims=True)
        parts.append(_rows(label, name, ["total"], baseline.years, total_base, total_lever))
    return pd.concat(parts, ignore_index=True)


def paired_runs(spec: RegionModelSpec, choices: list[tuple[Lever, float]], draws: int, seed: int,
                report_years: tuple[int, int] = (2020, 2050), progress: Callable | None = None,
                baseline: RegionResult | None = None) -> tuple[RegionResult, RegionResult]:
    """Baseline and lever-package runs on the same uniforms (common random numbers)."""
    uniforms = uniform_block(seed, draws, spec.n_uniforms())
    changed_spec = apply_levers(spec, choices)
    if baseline is None:
        baseline = run(spec, draws=draws, seed=seed, report_years=report_years, uniforms=uniforms,
                       keep_pairs=False, progress=progress)
    changed = run(changed_spec, draws=draws, seed=seed, report_years=report_years, uniforms=uniforms,
                  keep_pairs=False, progress=progress)
    return baseline, changed


def label_of(choices: list[tuple[Lever, float]]) -> str:
    return " + ".join(f"{lever.id}:{strength:g}" for lever, strength in choices) or "baseline"


def rank_levers(spec: RegionModelSpec, levers: list[Lever], weights: pd.DataFrame, draws: int, seed: int,
                year: int, progress: Callable[[str], None] | None = None) -> pd.DataFrame:
    """Each lever alone at its central strength (with interval) and at its low and high ends (tornado),
    per material and for the risk-weighted totals in ``year``; rank 1 = largest reduction."""
    baseline, _ = paired_runs(spec, [], draws, seed, report_years=(min(year, 2020), year))
    rows = []
    for lever in levers:
        if progress is not None:
            progress(lever.id)
        ends = {}
        for end, strength in (("central", lever.strength), ("low", lever.low), ("high", lever.high)):
            _, changed = paired_runs(spec, [(lever, strength)], draws, seed, (min(year, 2020), year), baseline=baseline)
            table = effect_table(baseline, changed, weights, f"{lever.id}:{strength:g}")
            ends[end] = table.loc[table["year"] == year].set_index(["indicator", "material_id"])
        central = ends["central"].copy()
        central["lever"], central["kind"], central["strength"] = lever.id, lever.kind, lever.strength
        central["strength_low"], central["strength_high"] = lever.low, lever.high
        central["tornado_low_p50"] = ends["low"]["change_p50"]
        central["tornado_high_p50"] = ends["high"]["change_p50"]
        rows.append(central.reset_index())
    table = pd.concat(rows, ignore_index=True).drop(columns=["levers"])
    wanted = table["indicator"].isin(["primary_demand", *TOTALS])
    table = table.loc[wanted & table["change_p50"].notna()].copy()
    table["rank"] = table.groupby(["indicator", "material_id"])["change_p50"].rank(method="min").astype(int)
    columns = ["indicator", "unit", "material_id", "year", "rank", "lever", "kind", "strength", "baseline_p50",
               "change_p5", "change_p50", "change_p95", "relative_change_p50", "strength_low", "strength_high",
               "tornado_low_p50", "tornado_high_p50"]
    return table[columns].sort_values(["indicator", "material_id", "rank"], ignore_index=True)
