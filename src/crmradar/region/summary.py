"""Summaries of regional model runs: Monte Carlo percentiles per material (and per technology) and year."""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmradar.region.model import METRICS, PAIR_METRICS, RegionResult

PERCENTILES = (5, 50, 95)
KG_PER_TONNE = 1000.0


def _long(values: np.ndarray, labels: dict[str, list], years: np.ndarray, metric: str) -> pd.DataFrame:
    """values (D, N, T) in kg → rows with p5/p50/p95 and mean in tonnes."""
    quantiles = np.percentile(values, PERCENTILES, axis=0) / KG_PER_TONNE  # (3, N, T)
    mean = values.mean(axis=0) / KG_PER_TONNE
    n, t = values.shape[1], values.shape[2]
    frame = pd.DataFrame({key: np.repeat(np.asarray(column, dtype=object), t) for key, column in labels.items()})
    frame["year"] = np.tile(years, n)
    frame["metric"] = metric
    frame["unit"] = "t" if metric != "in_use_stock" else "t (stock at year end)"
    for p, q in zip(PERCENTILES, quantiles, strict=True):
        frame[f"p{p}"] = q.reshape(-1)
    frame["mean"] = mean.reshape(-1)
    return frame


def material_summary(result: RegionResult, materials: list[str] | None = None) -> pd.DataFrame:
    """Per material × year × metric: p5, p50, p95, mean [t or t/yr]; plus the secondary share of demand."""
    keep = [i for i, m in enumerate(result.materials) if materials is None or m in materials]
    labels = {"material_id": [result.materials[i] for i in keep]}
    parts = [_long(result.by_material[m][:, keep, :], labels, result.years, m) for m in METRICS]
    demand = result.by_material["demand"][:, keep, :]
    share = np.divide(
        result.by_material["recoverable"][:, keep, :], demand, out=np.full_like(demand, np.nan), where=demand > 0
    )
    # no demand → no defined share: those cells stay NaN
    with np.errstate(all="ignore"):
        secondary = _long(np.nan_to_num(share, nan=0.0) * KG_PER_TONNE, labels, result.years, "secondary_share")
        defined = np.isfinite(share).all(axis=0).reshape(-1)
        for column in ("p5", "p50", "p95", "mean"):
            secondary.loc[~defined, column] = np.nan
    secondary["unit"] = "fraction of demand"
    return pd.concat([*parts, secondary], ignore_index=True)


def technology_summary(result: RegionResult, materials: list[str] | None = None) -> pd.DataFrame:
    """Per technology × material × year × metric percentiles [t or t/yr]."""
    keep = [
        q for q, m in enumerate(result.pair_material) if materials is None or result.materials[m] in materials
    ]
    labels = {
        "technology_id": [result.technologies[result.pair_technology[q]] for q in keep],
        "material_id": [result.materials[result.pair_material[q]] for q in keep],
    }
    return pd.concat(
        [_long(result.by_pair[m][:, keep, :].astype(np.float64), labels, result.years, m) for m in PAIR_METRICS],
        ignore_index=True,
    )
