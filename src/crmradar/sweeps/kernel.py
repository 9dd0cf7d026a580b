"""Pure chunk kernels: per-draw indicators of the regional model for a block of draws (no I/O, no Dask)."""

from __future__ import annotations

import numpy as np

from crmradar.region.model import RegionModelSpec, run
from crmradar.scenarios.levers import apply_levers

KG_PER_TONNE = 1000.0
#: Indicators per draw: primary demand (t/yr) and supply-risk-weighted primary demand (t/yr × SR, all materials).
METRICS = ("primary_demand", "sr_weighted_demand")


def chunk_uniforms(seed: int, start: int, stop: int, columns: int) -> np.ndarray:
    """Rows ``start:stop`` of ``uniform_block(seed, draws, columns)`` for any ``draws >= stop`` (C-order fill)."""
    return np.random.default_rng(seed).random((stop, columns))[start:]


def indicators(spec: RegionModelSpec, uniforms: np.ndarray, year: int, supply_risk: np.ndarray,
               material: int | None) -> np.ndarray:
    """(draws, 2): primary demand of one material (or all, t/yr) and SR-weighted primary demand in ``year``."""
    result = run(spec, draws=len(uniforms), seed=0, report_years=(min(2020, year), year), chunk=len(uniforms),
                 keep_pairs=False, uniforms=uniforms)
    primary = result.by_material["primary_demand"][:, :, -1].astype(np.float64) / KG_PER_TONNE  # (D, M)
    chosen = primary[:, material] if material is not None else primary.sum(axis=1)
    weighted = np.nansum(primary * supply_risk[None, :], axis=1)
    return np.stack([chosen, weighted], axis=1)


def sweep_chunk(spec: RegionModelSpec, cells: list[list[tuple]], seed: int, start: int, stop: int, year: int,
                supply_risk: np.ndarray, material: int | None) -> np.ndarray:
    """(1 + cells, stop − start, 2): baseline indicators, then each cell's (list of (lever, strength)) on the
    same uniforms (common random numbers)."""
    u = chunk_uniforms(seed, start, stop, spec.n_uniforms())
    out = [indicators(spec, u, year, supply_risk, material)]
    for choices in cells:
        out.append(indicators(apply_levers(spec, choices), u, year, supply_risk, material))
    return np.stack(out)


def model_rows(spec: RegionModelSpec, uniforms: np.ndarray, year: int, supply_risk: np.ndarray,
               material: int | None, metric: str) -> np.ndarray:
    """One metric per row of ``uniforms`` (sensitivity samples); uniforms are clipped into the open interval."""
    u = np.clip(uniforms, 1e-12, 1 - 1e-12)
    return indicators(spec, u, year, supply_risk, material)[:, METRICS.index(metric)]
