"""Lever sweeps: every scenario × lever combination (up to k levers) × strength, with common random numbers.

Per cell (a combination at one strength) the paired change against the scenario's baseline for every draw of
primary demand (t/yr) and SR-weighted primary demand (t/yr × SR) in one year; then intervals, the Pareto front of
robust cells (lowest P95 change of both) and the share of draws in which a cell is best among cells with the
same number of levers.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmradar.sweeps.kernel import METRICS, sweep_chunk

ROBUST_SHARE = 0.9  # a cell is "robustly best" when it is best in at least this share of draws


@dataclass(frozen=True)
class SweepPlan:
    """What to run. Strength 0 is the baseline itself and is left out of the cells."""

    levers: tuple[str, ...]
    strengths: tuple[float, ...]
    max_levers: int = 1
    draws: int = 200
    seed: int = 20260616
    year: int = 2040
    chunk: int = 100  # draws per task; fixed by the plan (not by the cluster) so results never depend on it

    def combinations(self) -> list[tuple[tuple[str, ...], float]]:
        cells = []
        for k in range(1, self.max_levers + 1):
            for combo in itertools.combinations(self.levers, k):
                cells.extend((combo, s) for s in self.strengths if s > 0)
        return cells

    def chunks(self) -> list[tuple[int, int]]:
        return [(start, min(start + self.chunk, self.draws)) for start in range(0, self.draws, self.chunk)]


def run_sweep(plan: SweepPlan, scenarios: dict, library, client, material: str | None = None,
              progress=None) -> pd.DataFrame:
    """Per-draw changes for every scenario and cell: long frame (scenario, levers, n_levers, strength, draw,
    <metric>_baseline, <metric>_change). ``scenarios`` maps id → (spec, supply_risk array). ``client=None`` runs
    the chunks in this process, reporting ``progress(fraction)`` (same result as on any cluster)."""
    cells = plan.combinations()
    frames = []
    for number, (scenario, (spec, supply_risk)) in enumerate(scenarios.items()):
        material_index = spec.materials.index(material) if material else None
        choices = [[(library.levers[lever], strength) for lever in combo] for combo, strength in cells]
        jobs = [(choices, plan.seed, start, stop, plan.year) for start, stop in plan.chunks()]
        step = None if progress is None else (
            lambda done, total, n=number: progress((n + done / total) / len(scenarios)))
        parts = gather_chunks(client, jobs, spec, supply_risk, material_index, step)
        values = np.concatenate(parts, axis=1)  # (1 + cells, draws, metrics)
        for index, (combo, strength) in enumerate(cells, start=1):
            frame = pd.DataFrame({"scenario": scenario, "levers": " + ".join(combo), "n_levers": len(combo),
                                  "strength": strength, "draw": np.arange(plan.draws)})
            for m, metric in enumerate(METRICS):
                frame[f"{metric}_baseline"] = values[0, :, m]
                frame[f"{metric}_change"] = values[index, :, m] - values[0, :, m]
            frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def _sweep_task(choices, seed, start, stop, year, material, spec, supply_risk):
    return sweep_chunk(spec, choices, seed, start, stop, year, supply_risk, material)


def gather_chunks(client, jobs: list[tuple], spec, supply_risk, material_index, progress=None) -> list[np.ndarray]:
    """Every chunk on the cluster (spec and weights broadcast once), in the order of ``jobs``."""
    from crmradar.sweeps.cluster import gather_in_order

    return gather_in_order(client, _sweep_task, [(*job, material_index) for job in jobs],
                           {"spec": spec, "supply_risk": supply_risk}, progress)


def draw_runs(plan: SweepPlan, scenarios: int) -> int:
    """Model runs of one draw each that the plan costs: scenarios × (baseline + cells) × draws."""
    return scenarios * (len(plan.combinations()) + 1) * plan.draws


def summarise(draws: pd.DataFrame) -> pd.DataFrame:
    """Per cell: P5/P50/P95 and mean of both changes, Pareto membership and share of draws best."""
    keys = ["scenario", "levers", "n_levers", "strength"]
    grouped = draws.groupby(keys, sort=False)
    summary = grouped.size().rename("draws").reset_index()
    for metric in METRICS:
        column = f"{metric}_change"
        q = grouped[column].quantile([0.05, 0.5, 0.95]).unstack()
        summary[f"{metric}_change_p5"] = q[0.05].to_numpy()
        summary[f"{metric}_change_p50"] = q[0.5].to_numpy()
        summary[f"{metric}_change_p95"] = q[0.95].to_numpy()
        summary[f"{metric}_change_mean"] = grouped[column].mean().to_numpy()
    summary["pareto_robust"] = False
    for _, rows in summary.groupby("scenario").groups.items():
        points = summary.loc[rows, [f"{m}_change_p95" for m in METRICS]].to_numpy()
        summary.loc[rows, "pareto_robust"] = pareto_front(points)
    best = draws.copy()
    best["rank"] = best.groupby(["scenario", "n_levers", "draw"])["sr_weighted_demand_change"].rank(method="min")
    share = (best["rank"] == 1).groupby([best[k] for k in keys], sort=False).mean().rename("best_share")
    summary = summary.merge(share.reset_index(), on=keys, how="left")
    summary["robust_best"] = summary["best_share"] >= ROBUST_SHARE
    return summary


def pareto_front(points: np.ndarray) -> np.ndarray:
    """Boolean mask of the non-dominated rows when every column is to be minimised."""
    keep = np.ones(len(points), dtype=bool)
    for i, point in enumerate(points):
        dominated = np.all(points <= point, axis=1) & np.any(points < point, axis=1)
        keep[i] = not dominated.any()
    return keep
