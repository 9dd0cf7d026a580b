"""Regional CRM demand, in-use stock and end-of-life model with Monte Carlo (methods.md §4–5).

For technology k (PV segment, wind, car …), material m and model year t:

    units[k, t]         = deployment series (interpolated scenario anchors, × a driver for per-capita items);
                          stock-driven technologies: the inflow that keeps the installed base on its path
    content[k, m, t]    = Σ_r∈(k, m) share_r[t] · size_c(r) · intensity_i(r)[t]       kg per unit put in use
                          (r: a sub-technology of a mix, e.g. NMC811 in the car's battery; size: kWh per car)
    demand[k, m, t]     = units[k, t] · content[k, m, t]                                kg/yr
    stock, end_of_life  = inflow_driven(demand, lifetime_k)                             kg, kg/yr
    recoverable         = end_of_life · collection_rate[k, t] · recycling_efficiency[k, m, t]
    primary_demand      = max(Σ_k demand − Σ_k recoverable, 0)   (recovered material assumed to replace
                                                                  primary material one-for-one in the region)

Uncertain inputs are triangular (low, mode, high). Each scenario anchor, material intensity, component
size, lifetime and rate gets one quantile per draw (an intensity is the same for every technology using
that sub-technology in one draw). All quantiles come from one seeded block, so results do not depend on
the chunk size, grow linearly in cost with the draws, and a lever run can reuse the baseline's numbers
(common random numbers).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import numpy as np

from crmradar.methods.sampling import Triangular, uniform_block
from crmradar.stockflow import Fixed, LogNormal, Normal, Weibull
from crmradar.stockflow.discretise import lower_triangle, survival_triangle

METRICS = ("demand", "primary_demand", "in_use_stock", "end_of_life", "recoverable")
PAIR_METRICS = ("demand", "in_use_stock", "end_of_life", "recoverable")
LIFETIME_STRATA = 16


@dataclass(frozen=True)
class RegionModelSpec:
    """Numeric inputs (built from a scenario and the data package by :mod:`crmradar.region.build`).

    Shapes: T model years, K technologies, A scenario anchors, M materials, I intensity series
    (sub-technology × material), R recipe entries, C component sizes, Q technology × material pairs.
    """

    years: np.ndarray  # (T,)
    technologies: tuple[str, ...]  # (K,)
    deployment_unit: tuple[str, ...]  # (K,)
    deployment_is_stock: np.ndarray  # (K,) bool
    anchors: Triangular  # (A,)
    anchor_weights: np.ndarray  # (A, K, T) linear interpolation of anchors into the deployment series
    driver_weights: np.ndarray  # (A, K, T) interpolation of driver anchors (population), zero if none
    driver_base: np.ndarray  # (K, T) 1 where a technology has no driver, else 0
    materials: tuple[str, ...]  # (M,)
    intensity: Triangular  # (I, Y) kg material per unit of the sub-technology (kWh, MW, unit, kg) at knot years
    intensity_knots: np.ndarray  # (Y, T) linear interpolation from knot years to model years
    intensity_material: np.ndarray  # (I,) index into materials
    entry_technology: np.ndarray  # (R,) index into technologies
    entry_intensity: np.ndarray  # (R,) index into intensity series
    entry_component: np.ndarray  # (R,) index into component sizes, -1 when the entry has no size factor
    entry_share: np.ndarray  # (R, T) share of the sub-technology in its mix
    component_size: Triangular  # (C,) e.g. kWh of battery per car
    lifetime_kind: tuple[str, ...]  # (K,) weibull | normal | lognormal | fixed
    lifetime_a: np.ndarray  # (K, T) by cohort: weibull shape | mean | years
    lifetime_b: np.ndarray  # (K, T) by cohort: weibull scale | std | unused
    lifetime_scale: Triangular  # (K,) multiplies the time parameters (scale, mean, std, years)
    collection_rate: Triangular  # (K, T)
    pair_technology: np.ndarray  # (Q,)
    pair_material: np.ndarray  # (Q,)
    recycling_efficiency: Triangular  # (Q, Y2) at knot years
    recycling_knots: np.ndarray  # (Y2, T)
    metadata: dict = field(default_factory=dict)

    def n_uniforms(self) -> int:
        k = len(self.technologies)
        return (
            len(self.anchors.mode)
            + len(self.intensity_material)
            + len(self.component_size.mode)
            + 2 * k
            + len(self.pair_technology)
        )


@dataclass
class RegionResult:
    """Monte Carlo results in kg (flows per year, stock at year end) for the reporting years."""

    years: np.ndarray
    materials: tuple[str, ...]
    technologies: tuple[str, ...]
    pair_technology: np.ndarray
    pair_material: np.ndarray
    by_material: dict[str, np.ndarray]  # metric → (D, M, Tr), float32
    by_pair: dict[str, np.ndarray]  # metric → (D, Q, Tr), float32
    units_inflow: np.ndarray  # (D, K, Tr) units (MW, vehicles, kWh, kg …) put in use per year
    units_stock: np.ndarray  # (D, K, Tr) units in use at year end
    units_end_of_life: np.ndarray  # (D, K, Tr) units reaching end of life per year
    mass_balance_error: float
    draws: int
    seed: int


class ModelInputError(ValueError):
    """Non-finite numbers going into or coming out of the model; the message names the input or metric."""


def check_finite_inputs(spec: RegionModelSpec) -> None:
    """Raise :class:`ModelInputError` when any numeric input of ``spec`` is NaN or infinite."""
    for item in fields(spec):
        value = getattr(spec, item.name)
        arrays = (value.low, value.mode, value.high) if isinstance(value, Triangular) else (value,)
        for array in arrays:
            array = np.asarray(array) if isinstance(array, np.ndarray | float) else None
            if array is not None and array.dtype.kind == "f" and not np.isfinite(array).all():
                bad = int(np.size(array) - np.isfinite(array).sum())
                raise ModelInputError(f"model input '{item.name}' has {bad} non-finite value(s) (NaN or infinite); "
                                      "nothing was computed")


def check_finite_outputs(result: RegionResult) -> None:
    """Raise :class:`ModelInputError` when a result holds NaN or infinite values (e.g. an overflow)."""
    named = {**{f"{m} by material": v for m, v in result.by_material.items()},
             "units put in use": result.units_inflow, "units in use": result.units_stock,
             "units at end of life": result.units_end_of_life}
    for name, values in named.items():
        finite = np.isfinite(values)
        if not finite.all():
            detail = ""
            if values.ndim == 3 and len(result.materials) == values.shape[1] and name.endswith("by material"):
                bad = [result.materials[i] for i in np.flatnonzero(~finite.all(axis=(0, 2)))]
                detail = f" ({', '.join(bad[:5])}{' …' if len(bad) > 5 else ''})"
            raise ModelInputError(f"the model produced {int(finite.size - finite.sum())} non-finite value(s) in "
                                  f"{name}{detail}; the inputs are too large or invalid")
    if not np.isfinite(result.mass_balance_error):
        raise ModelInputError("the mass-balance check is not finite; the inputs are too large or invalid")


def _lifetime(kind: str, a: np.ndarray, b: np.ndarray, scale: np.ndarray):
    if kind == "weibull":
        return Weibull(shape=a, scale=b * scale)
    if kind == "normal":
        return Normal(mean=a * scale, std=b * scale)
    if kind == "lognormal":
        return LogNormal(mean=a * scale, std=b * scale)
    if kind == "fixed":
        return Fixed(years=a * scale)
    raise ValueError(f"unknown lifetime kind {kind!r}")


def _split(spec: RegionModelSpec, u: np.ndarray) -> dict[str, np.ndarray]:
    k = len(spec.technologies)
    sizes = [len(spec.anchors.mode), len(spec.intensity_material), len(spec.component_size.mode), k, k]
    parts = np.split(u, np.cumsum(sizes), axis=1)
    names = ("anchors", "intensity", "component", "lifetime", "collection", "recycling")
    return dict(zip(names, parts, strict=True))


def _survival_matrix(kind: str, a: np.ndarray, b: np.ndarray, scale: float, n_years: int) -> np.ndarray:
    """(T, T) survival factors sf[t, c] of the engine's discretisation (inflow in the middle of the year)."""
    lifetime = _lifetime(kind, a[None, :], b[None, :], np.array([[scale]]))
    packed = survival_triangle(lifetime, n_years, "middle")[0]
    year, cohort, _ = lower_triangle(n_years)
    matrix = np.zeros((n_years, n_years))
    matrix[year, cohort] = packed
    return matrix


def survival_matrices(spec: RegionModelSpec) -> np.ndarray:
    """(K, S, T, T) survival matrices per technology and lifetime stratum (stratum midpoints of the scale).

    Lifetime uncertainty is sampled in LIFETIME_STRATA equiprobable strata, so the draws of a stratum
    share one matrix and the sums over cohorts become matrix products.
    """
    midpoints = (np.arange(LIFETIME_STRATA)[:, None] + 0.5) / LIFETIME_STRATA
    scales = spec.lifetime_scale.ppf(midpoints)  # (S, K)
    n_years = len(spec.years)
    return np.stack(
        [
            np.stack(
                [
                    _survival_matrix(kind, spec.lifetime_a[k], spec.lifetime_b[k], float(scales[s, k]), n_years)
                    for s in range(LIFETIME_STRATA)
                ]
            )
            for k, kind in enumerate(spec.lifetime_kind)
        ]
    )


def _content_blocks(spec: RegionModelSpec) -> tuple[np.ndarray, list[tuple[slice, np.ndarray]]]:
    """Recipe entries sorted by technology × material pair, and per pair its entry slice with the
    (entries·knots, T) weights share[r, t] · knot_weight[y, t], so content = (size · intensity) @ weights."""
    pair_codes = spec.pair_technology * len(spec.materials) + spec.pair_material
    entry_pair = np.searchsorted(
        pair_codes, spec.entry_technology * len(spec.materials) + spec.intensity_material[spec.entry_intensity]
    )
    order = np.argsort(entry_pair, kind="stable")
    starts = np.searchsorted(entry_pair[order], np.arange(len(pair_codes) + 1))
    blocks = []
    for q in range(len(pair_codes)):
        rows = order[starts[q] : starts[q + 1]]
        weights = spec.entry_share[rows][:, None, :] * spec.intensity_knots[None, :, :]  # (r, Y, T)
        blocks.append((slice(starts[q], starts[q + 1]), weights.reshape(-1, weights.shape[-1])))
    return order, blocks


def _pair_content(spec: RegionModelSpec, q: dict[str, np.ndarray], draws: int, blocks) -> np.ndarray:
    """Material content per unit put in use, (D, Q, T) kg per unit."""
    order, pair_blocks = blocks
    knots = spec.intensity.ppf(q["intensity"][:, :, None])  # (D, I, Y)
    size = spec.component_size.ppf(q["component"])  # (D, C)
    size = np.concatenate([size, np.ones((draws, 1))], axis=1)  # index -1 → factor 1
    scaled = knots[:, spec.entry_intensity[order], :]  # (D, R, Y) in pair order
    scaled *= size[:, spec.entry_component[order], None]
    content = np.empty((draws, len(pair_blocks), len(spec.years)))
    for index, (rows, weights) in enumerate(pair_blocks):
        content[:, index, :] = scaled[:, rows, :].reshape(draws, -1) @ weights
    return content


def _previous_year(stock: np.ndarray, offset: int) -> np.ndarray:
    """Stock at the end of the year before each reporting year (zero before the first model year)."""
    if offset:
        return stock[..., :-1]
    return np.concatenate([np.zeros_like(stock[..., :1]), stock[..., :-1]], axis=-1)


def _run_chunk(spec, u, report, keep_pairs, matrices, inverses, blocks):
    q = _split(spec, u)
    draws, n_years, n_anchors = u.shape[0], len(spec.years), len(spec.anchors.mode)
    anchors = spec.anchors.ppf(q["anchors"])  # (D, A)
    shape = (draws, len(spec.technologies), n_years)
    deployment = (anchors @ spec.anchor_weights.reshape(n_anchors, -1)).reshape(shape)
    deployment *= (anchors @ spec.driver_weights.reshape(n_anchors, -1)).reshape(shape) + spec.driver_base
    strata = np.minimum((q["lifetime"] * LIFETIME_STRATA).astype(int), LIFETIME_STRATA - 1)  # (D, K)
    content = _pair_content(spec, q, draws, blocks)
    units = deployment
    # Stocks are only needed from the year before the reporting window on (for the stock change).
    first = max(report.start - 1, 0)
    kept = slice(first, report.stop)
    unit_stock = np.empty(units.shape[:2] + (report.stop - first,))
    stock = np.empty(content.shape[:2] + (report.stop - first,))
    # pairs are sorted by technology, so each technology's pairs are one contiguous slice
    bounds_by_tech = np.searchsorted(spec.pair_technology, np.arange(len(spec.technologies) + 1))
    for k in range(len(spec.technologies)):
        order = np.argsort(strata[:, k], kind="stable")
        bounds = np.searchsorted(strata[order, k], np.arange(LIFETIME_STRATA + 1))
        present = np.flatnonzero(np.diff(bounds))
        if spec.deployment_is_stock[k]:
            installed = deployment[order, k, :]
            for s in present:
                block = slice(bounds[s], bounds[s + 1])
                # stock = S · inflow with S lower triangular, so inflow = S⁻¹ · stock (as stock_driven solves it)
                installed[block] = installed[block] @ inverses[k, s].T
            # A shrinking installed base cannot hand units back: negative inflow is set to zero.
            units[order, k, :] = np.clip(installed, 0.0, None)
        sorted_units = units[order, k, :]
        units_stock = np.empty((draws, report.stop - first))
        for s in present:
            block = slice(bounds[s], bounds[s + 1])
            units_stock[block] = sorted_units[block] @ matrices[k, s][kept].T
        unit_stock[order, k, :] = units_stock
        cols = slice(bounds_by_tech[k], bounds_by_tech[k + 1])
        if cols.start == cols.stop:
            continue
        demand_k = content[order, cols, :]
        demand_k *= units[order, k, None, :]
        stock_k = np.empty(demand_k.shape[:2] + (report.stop - first,))
        for s in present:
            block = slice(bounds[s], bounds[s + 1])
            np.matmul(demand_k[block], matrices[k, s][kept].T, out=stock_k[block])
        content[order, cols, :] = demand_k
        stock[order, cols, :] = stock_k
    demand = content[..., report]  # content was overwritten with units × content (kg/yr)
    offset = report.start - first  # 1, or 0 when the reporting window starts with the model
    stock_report = stock[..., offset:]
    previous = _previous_year(stock, offset)
    outflow = demand - stock_report
    outflow += previous
    balance = _mass_balance_check(spec, content, outflow, strata, matrices, bounds_by_tech, report)
    stock = stock_report
    collection = spec.collection_rate.ppf(q["collection"][:, :, None])[..., report]  # (D, K, Tr)
    recycling = spec.recycling_efficiency.ppf(q["recycling"][:, :, None])  # (D, Q, Y2)
    knots = spec.recycling_knots[:, report]
    recoverable = (recycling.reshape(-1, recycling.shape[-1]) @ knots).reshape(outflow.shape)
    for k in range(len(spec.technologies)):
        recoverable[:, bounds_by_tech[k] : bounds_by_tech[k + 1], :] *= collection[:, k, None, :]
    recoverable *= outflow
    pair_metrics = {"demand": demand, "in_use_stock": stock, "end_of_life": outflow, "recoverable": recoverable}
    indicator = np.zeros((len(spec.materials), len(spec.pair_material)))
    indicator[spec.pair_material, np.arange(len(spec.pair_material))] = 1.0
    by_material = {n: np.matmul(indicator, v) for n, v in pair_metrics.items()}
    by_material["primary_demand"] = np.clip(by_material["demand"] - by_material["recoverable"], 0.0, None)
    by_pair = pair_metrics if keep_pairs else {}
    units_out = units[..., report] - unit_stock[..., offset:] + _previous_year(unit_stock, offset)
    return by_material, by_pair, (units[..., report], unit_stock[..., offset:], units_out), balance


def _mass_balance_check(spec, demand_full, outflow, strata, matrices, bounds_by_tech, report) -> float:
    """Independent check on a few draws: the end-of-life flow from the outflow-share (pdf) matrix
    pdf[t, c] = sf[t−1, c] − sf[t, c] must equal inflow − stock change. Returns the largest relative gap."""
    worst = 0.0
    for d in range(min(demand_full.shape[0], 8)):
        for k in range(len(spec.technologies)):
            cols = slice(bounds_by_tech[k], bounds_by_tech[k + 1])
            if cols.start == cols.stop:
                continue
            survival = matrices[k, strata[d, k]]
            shifted = np.vstack([np.ones((1, survival.shape[1])), survival[:-1]])
            np.fill_diagonal(shifted, 1.0)  # sf(c - 1, c) := 1: a cohort is complete before its first year
            pdf = np.tril(shifted - survival)
            direct = demand_full[d, cols, :] @ pdf.T
            scale = max(float(np.abs(demand_full[d, cols, :]).max()), 1.0)
            gap = float(np.abs(direct[:, report] - outflow[d, cols, :]).max()) / scale
            worst = gap if not np.isfinite(gap) else max(worst, gap)  # NaN must not hide behind max()
            if not np.isfinite(worst):
                return worst
    return worst


def run(
    spec: RegionModelSpec,
    draws: int = 1000,
    seed: int = 20260616,
    report_years: tuple[int, int] = (2020, 2050),
    chunk: int = 500,
    keep_pairs: bool = True,
    uniforms: np.ndarray | None = None,
    progress=None,
) -> RegionResult:
    """Run ``draws`` Monte Carlo draws; identical results for the same ``seed`` whatever ``chunk``.

    ``uniforms`` (draws × ``spec.n_uniforms()``) replaces the seeded block — pass the baseline's block
    for common random numbers. ``progress(done, total)`` is called after every chunk.
    """
    if draws < 1:
        raise ValueError("draws must be at least 1")
    check_finite_inputs(spec)
    u = uniform_block(seed, draws, spec.n_uniforms()) if uniforms is None else uniforms
    if u.shape != (draws, spec.n_uniforms()):
        raise ValueError(f"uniforms must have shape {(draws, spec.n_uniforms())}, got {u.shape}")
    inside = np.flatnonzero((spec.years >= report_years[0]) & (spec.years <= report_years[1]))
    report = slice(int(inside[0]), int(inside[-1]) + 1)
    matrices = survival_matrices(spec)
    inverses = np.linalg.inv(matrices)
    blocks = _content_blocks(spec)
    n_report = report.stop - report.start
    by_material = {m: np.empty((draws, len(spec.materials), n_report), np.float32) for m in METRICS}
    n_pairs = len(spec.pair_technology)
    by_pair = {m: np.empty((draws, n_pairs, n_report), np.float32) for m in PAIR_METRICS} if keep_pairs else {}
    units = {name: np.empty((draws, len(spec.technologies), n_report)) for name in ("inflow", "stock", "outflow")}
    balance = 0.0
    for start in range(0, draws, chunk):
        rows = slice(start, min(start + chunk, draws))
        part_material, part_pair, part_units, error = _run_chunk(
            spec, u[rows], report, keep_pairs, matrices, inverses, blocks
        )
        for name, values in part_material.items():
            by_material[name][rows] = values
        for name, values in part_pair.items():
            by_pair[name][rows] = values
        for name, values in zip(("inflow", "stock", "outflow"), part_units, strict=True):
            units[name][rows] = values
        balance = error if not np.isfinite(error) else max(balance, error)
        if progress is not None:
            progress(rows.stop, draws)
    result = RegionResult(
        years=spec.years[report].copy(),
        materials=spec.materials,
        technologies=spec.technologies,
        pair_technology=spec.pair_technology,
        pair_material=spec.pair_material,
        by_material=by_material,
        by_pair=by_pair,
        units_inflow=units["inflow"],
        units_stock=units["stock"],
        units_end_of_life=units["outflow"],
        mass_balance_error=balance,
        draws=draws,
        seed=seed,
    )
    check_finite_outputs(result)
    return result
