"""Regional CRM demand, in-use stock and end-of-life model with Monte Carlo (methods.md §4–5).

For technology k (PV, wind, EV …), sub-technology j (c-Si, NMC811 …) and material m:

    units_inflow[k, t]   = deployment (new units) or, for stock-driven technologies,
                           the inflow that keeps the installed base on its trajectory (stock_driven)
    content_inflow[k,m,t] = units_inflow[k,t] · Σ_j share[j,t] · intensity[j,m,t]       (kg)
    stock, eol            = inflow_driven(content_inflow, lifetime_k)                  (kg, kg/yr)
    recoverable[k,m,t]    = eol[k,m,t] · collection_rate[k,t] · recycling_efficiency[k,m,t]
    primary_demand        = max(demand − recoverable, 0)   (assumes regional recovered material
                                                            substitutes primary supply one-for-one)
    secondary_share       = recoverable / demand

Uncertain inputs are triangular (low, mode, high) and sampled with one quantile per draw and input
(comonotonic over years: a level uncertainty, not year-to-year noise). All quantiles are drawn up
front from one seed, so the result does not depend on the chunk size and a lever run can reuse the
baseline's random numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from crmradar.methods.sampling import Triangular, uniform_block
from crmradar.stockflow import Fixed, LogNormal, Normal, Weibull, inflow_driven, stock_driven

LIFETIME_KINDS = {"weibull": Weibull, "normal": Normal, "lognormal": LogNormal, "fixed": Fixed}
METRICS = ("demand", "primary_demand", "in_use_stock", "end_of_life", "recoverable")


@dataclass(frozen=True)
class RegionModelSpec:
    """Numeric inputs of the regional model (built from a scenario and the data package).

    Shapes: K technologies, J sub-technologies, M materials, T model years, R intensity entries
    (sub-technology × material pairs with a non-zero intensity), Q technology × material pairs.
    """

    years: np.ndarray  # (T,) calendar years, may start before the reporting window
    technologies: tuple[str, ...]  # (K,)
    deployment: Triangular  # (K, T) units (MW, vehicles, kWh …) per year or installed
    deployment_is_stock: np.ndarray  # (K,) bool: True = installed base, solve stock-driven
    subtechnologies: tuple[str, ...]  # (J,)
    subtech_parent: np.ndarray  # (J,) int index into technologies
    subtech_share: np.ndarray  # (J, T) market share within the parent, sums to 1 per parent
    materials: tuple[str, ...]  # (M,)
    intensity_subtech: np.ndarray  # (R,) int index into subtechnologies
    intensity_material: np.ndarray  # (R,) int index into materials
    intensity: Triangular  # (R, T) kg material per unit of deployment, by cohort year
    lifetime_kind: tuple[str, ...]  # (K,) weibull | normal | lognormal | fixed
    lifetime_a: Triangular  # (K,) weibull shape | normal/lognormal mean | fixed years
    lifetime_b: Triangular  # (K,) weibull scale | normal/lognormal std | unused
    collection_rate: Triangular  # (K, T) fraction of end-of-life units collected
    recycling_efficiency: Triangular  # (K, M, T) fraction of collected content recovered
    deployment_unit: tuple[str, ...] = ()

    @property
    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """(technology index, material index) of every technology × material pair with content."""
        tech_of_entry = self.subtech_parent[self.intensity_subtech]
        codes = np.unique(tech_of_entry * len(self.materials) + self.intensity_material)
        return codes // len(self.materials), codes % len(self.materials)

    def n_uniforms(self) -> int:
        k, q = len(self.technologies), len(self.pairs[0])
        return k + len(self.intensity_subtech) + 2 * k + k + q


@dataclass
class RegionResult:
    """Monte Carlo results in kg (flows per year, stock at year end) for the reporting years."""

    years: np.ndarray
    materials: tuple[str, ...]
    technologies: tuple[str, ...]
    pair_technology: np.ndarray
    pair_material: np.ndarray
    by_material: dict[str, np.ndarray]  # metric → (D, M, Tr)
    by_pair: dict[str, np.ndarray] = field(default_factory=dict)  # metric → (D, Q, Tr), float32
    mass_balance_error: float = 0.0
    draws: int = 0
    seed: int = 0


def _sample_spec(spec: RegionModelSpec, u: np.ndarray) -> dict[str, np.ndarray]:
    """Turn a (D, n_uniforms) block of quantiles into sampled input arrays."""
    k = len(spec.technologies)
    r = len(spec.intensity_subtech)
    pair_tech, pair_mat = spec.pairs
    cuts = np.cumsum([k, r, k, k, k])
    u_deploy, u_int, u_la, u_lb, u_coll, u_rec = np.split(u, cuts, axis=1)
    return {
        "deployment": spec.deployment.ppf(u_deploy[:, :, None]),  # (D, K, T)
        "intensity": spec.intensity.ppf(u_int[:, :, None]),  # (D, R, T)
        "lifetime_a": spec.lifetime_a.ppf(u_la),  # (D, K)
        "lifetime_b": spec.lifetime_b.ppf(u_lb),  # (D, K)
        "collection": spec.collection_rate.ppf(u_coll[:, :, None]),  # (D, K, T)
        "recycling": Triangular(
            spec.recycling_efficiency.low[pair_tech, pair_mat],
            spec.recycling_efficiency.mode[pair_tech, pair_mat],
            spec.recycling_efficiency.high[pair_tech, pair_mat],
        ).ppf(u_rec[:, :, None]),  # (D, Q, T)
    }


def _lifetime(kind: str, a: np.ndarray, b: np.ndarray):
    if kind == "weibull":
        return Weibull(shape=a, scale=b)
    if kind == "normal":
        return Normal(mean=a, std=b)
    if kind == "lognormal":
        return LogNormal(mean=a, std=b)
    if kind == "fixed":
        return Fixed(years=a)
    raise ValueError(f"unknown lifetime kind {kind!r}; use one of {sorted(LIFETIME_KINDS)}")


def _units_inflow(spec: RegionModelSpec, sample: dict[str, np.ndarray]) -> np.ndarray:
    """New units per year (D, K, T); stock-driven technologies are solved from their installed base."""
    inflow = sample["deployment"].copy()
    for kind in sorted(set(spec.lifetime_kind)):
        selected = [
            i for i, name in enumerate(spec.lifetime_kind) if name == kind and spec.deployment_is_stock[i]
        ]
        if not selected:
            continue
        lifetime = _lifetime(
            kind, sample["lifetime_a"][:, selected, None], sample["lifetime_b"][:, selected, None]
        )
        solved = stock_driven(sample["deployment"][:, selected, :], lifetime).inflow
        # A shrinking installed base cannot return units to the market: retirements beyond the
        # trajectory are not modelled, so negative inflow is set to zero.
        inflow[:, selected, :] = np.clip(solved, 0.0, None)
    return inflow


def _run_chunk(spec: RegionModelSpec, u: np.ndarray, report: np.ndarray, keep_pairs: bool):
    sample = _sample_spec(spec, u)
    draws = u.shape[0]
    pair_tech, pair_mat = spec.pairs
    n_pairs, n_years = len(pair_tech), len(spec.years)
    units = _units_inflow(spec, sample)  # (D, K, T)
    # Effective intensity per technology × material pair: Σ_j share[j,t] · intensity[j,m,t]
    entry_tech = spec.subtech_parent[spec.intensity_subtech]
    entry_pair = np.searchsorted(pair_tech * len(spec.materials) + pair_mat,
                                 entry_tech * len(spec.materials) + spec.intensity_material)
    weighted = sample["intensity"] * spec.subtech_share[spec.intensity_subtech][None, :, :]
    effective = np.zeros((draws, n_pairs, n_years))
    np.add.at(effective, (slice(None), entry_pair), weighted)
    content_inflow = units[:, pair_tech, :] * effective  # kg/yr
    stock = np.empty_like(content_inflow)
    outflow = np.empty_like(content_inflow)
    for kind in sorted(set(spec.lifetime_kind)):
        cols = np.flatnonzero(np.array([spec.lifetime_kind[k] == kind for k in pair_tech]))
        if cols.size == 0:
            continue
        techs = pair_tech[cols]
        lifetime = _lifetime(kind, sample["lifetime_a"][:, techs, None], sample["lifetime_b"][:, techs, None])
        result = inflow_driven(content_inflow[:, cols, :], lifetime)
        stock[:, cols, :] = result.stock
        outflow[:, cols, :] = result.outflow
    previous = np.concatenate([np.zeros_like(stock[..., :1]), stock[..., :-1]], axis=-1)
    scale = np.maximum(np.abs(content_inflow).max(), 1.0)
    balance = float(np.abs(stock - previous - (content_inflow - outflow)).max() / scale)
    recoverable = outflow * sample["collection"][:, pair_tech, :] * sample["recycling"]
    pair_metrics = {"demand": content_inflow, "in_use_stock": stock, "end_of_life": outflow,
                    "recoverable": recoverable}
    indicator = np.zeros((n_pairs, len(spec.materials)))
    indicator[np.arange(n_pairs), pair_mat] = 1.0
    by_material = {
        name: np.einsum("dqt,qm->dmt", values[..., report], indicator) for name, values in pair_metrics.items()
    }
    by_material["primary_demand"] = np.clip(by_material["demand"] - by_material["recoverable"], 0.0, None)
    by_pair = {}
    if keep_pairs:
        by_pair = {name: values[..., report].astype(np.float32) for name, values in pair_metrics.items()}
    return by_material, by_pair, balance


def run(
    spec: RegionModelSpec,
    draws: int = 1000,
    seed: int = 20260616,
    report_years: tuple[int, int] = (2020, 2050),
    chunk: int = 1000,
    keep_pairs: bool = True,
    uniforms: np.ndarray | None = None,
    progress=None,
) -> RegionResult:
    """Run the model for ``draws`` Monte Carlo draws; deterministic for a given ``seed``.

    ``uniforms`` (draws × ``spec.n_uniforms()``) overrides the seed — pass the baseline's block to get
    common random numbers in a lever comparison. ``progress(done, total)`` is called after each chunk.
    """
    if draws < 1:
        raise ValueError("draws must be at least 1")
    u = uniform_block(seed, draws, spec.n_uniforms()) if uniforms is None else uniforms
    if u.shape != (draws, spec.n_uniforms()):
        raise ValueError(f"uniforms must have shape {(draws, spec.n_uniforms())}, got {u.shape}")
    report = (spec.years >= report_years[0]) & (spec.years <= report_years[1])
    parts, pair_parts, balance = [], [], 0.0
    for start in range(0, draws, chunk):
        by_material, by_pair, error = _run_chunk(spec, u[start : start + chunk], report, keep_pairs)
        parts.append(by_material)
        pair_parts.append(by_pair)
        balance = max(balance, error)
        if progress is not None:
            progress(min(start + chunk, draws), draws)
    pair_tech, pair_mat = spec.pairs
    return RegionResult(
        years=spec.years[report],
        materials=spec.materials,
        technologies=spec.technologies,
        pair_technology=pair_tech,
        pair_material=pair_mat,
        by_material={m: np.concatenate([p[m] for p in parts]) for m in METRICS},
        by_pair={m: np.concatenate([p[m] for p in pair_parts]) for m in pair_parts[0]} if keep_pairs else {},
        mass_balance_error=balance,
        draws=draws,
        seed=seed,
    )
