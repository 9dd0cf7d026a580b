"""Policy levers on the Zuid-Holland model: pure functions (spec, lever, strength) → changed spec.

Every lever acts from its ``start_year`` and reaches full strength linearly over ``ramp_years``:

    ramp(t) = clip((t − start_year) / ramp_years, 0, 1)        (a step at start_year when ramp_years = 0)
    x(t)    = strength · ramp(t)

and changes only array values of the :class:`~crmradar.region.model.RegionModelSpec` (never shapes), so
the changed spec needs the same uniforms as the baseline and common random numbers give paired draws.
A strength of 0 returns arrays equal to the baseline's, so the run is identical to the baseline.

=====================  =====================================================================================
kind                   change (for model years / cohorts t)
=====================  =====================================================================================
demand_reduction       deployment of the listed technologies × (1 − x(t)) (installed base if stock-driven)
lifetime_extension     lifetime time parameters of cohorts t × (1 + x(t)): Weibull scale, Normal/LogNormal
                       mean and standard deviation, Fixed years; inflow-driven deployment × 1 / (1 + x(t))
second_life            new stationary battery capacity × (1 − x(t)): that capacity comes from retired EV
                       batteries instead (see docs/levers.md for the approximation)
substitution           share of the ``from`` sub-technologies × (1 − x(t)); the removed share is added to
                       ``to`` in the same technology and component (only ``technologies``, if given)
intensity_reduction    intensity of the listed materials in the listed sub-technologies × (1 − x(t))
collection_rate        rate + x̂(t) · max(strength − rate, 0), x̂ = ramp: raised toward the target strength
recycling_efficiency   same toward the target, for the listed materials (and technologies, if given)
design_for_recycling   efficiency + x(t) · (1 − efficiency) from start_year + delay_years (products
                       designed from start_year reach end of life about one lifetime later)
=====================  =====================================================================================

Collection and recycling rates are raised on low, mode and high alike (the transform is monotone, so
low ≤ mode ≤ high stays true). Recycling efficiencies are stored at knot years, so their ramp is applied
at the knots and interpolated linearly between them like the rates themselves.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from crmradar.methods.sampling import Triangular
from crmradar.region.model import RegionModelSpec
from crmradar.scenarios.levers_io import Lever, LeverError


def ramp(years: np.ndarray, start_year: int, ramp_years: int) -> np.ndarray:
    """Fraction of full strength per year: 0 before ``start_year``, linear to 1 over ``ramp_years``."""
    years = np.asarray(years, dtype=float)
    if ramp_years <= 0:
        return (years >= start_year).astype(float)
    return np.clip((years - start_year) / ramp_years, 0.0, 1.0)


def _technology_rows(spec: RegionModelSpec, lever: Lever, names: tuple[str, ...]) -> np.ndarray:
    missing = [t for t in names if t not in spec.technologies]
    if missing:
        raise LeverError([f"lever '{lever.id}': technologies {', '.join(missing)} are not in this scenario "
                          f"({', '.join(spec.technologies)})"])
    return np.array([spec.technologies.index(t) for t in names], dtype=int)


def _entry_names(spec: RegionModelSpec) -> tuple[np.ndarray, np.ndarray]:
    """Sub-technology and material id per recipe entry (from the build metadata)."""
    series = spec.metadata.get("intensity_series")
    if series is None or len(series) != len(spec.intensity_material):
        raise LeverError(["the model spec has no 'intensity_series' metadata; build it with region.build"])
    subs = np.array([s for s, _m in series], dtype=object)[spec.entry_intensity]
    materials = np.array([m for _s, m in series], dtype=object)[spec.entry_intensity]
    return subs, materials


def scale_deployment(spec: RegionModelSpec, lever: Lever, strength: float,
                     technologies: tuple[str, ...] | None = None) -> RegionModelSpec:
    """Deployment of ``technologies`` × (1 − strength · ramp) (demand reduction, second life)."""
    rows = _technology_rows(spec, lever, technologies or lever.technologies)
    factor = 1.0 - strength * ramp(spec.years, lever.start_year, lever.ramp_years)
    weights = spec.anchor_weights.copy()
    weights[:, rows, :] *= factor
    return dataclasses.replace(spec, anchor_weights=weights)


def extend_lifetime(spec: RegionModelSpec, lever: Lever, strength: float) -> RegionModelSpec:
    """Lifetime time parameters of cohorts × (1 + strength · ramp(cohort year)).

    A stock-driven technology then needs fewer new units for the same installed base (the model solves
    that). An inflow-driven one (put on market per capita) would only delay its end of life, so the same
    service needs fewer purchases: in steady state inflow = stock / mean lifetime, hence its deployment
    is also × 1 / (1 + strength · ramp(year)).
    """
    rows = _technology_rows(spec, lever, lever.technologies)
    factor = 1.0 + strength * ramp(spec.years, lever.start_year, lever.ramp_years)
    weights = spec.anchor_weights.copy()
    for k in rows:
        if not spec.deployment_is_stock[k]:
            weights[:, k, :] /= factor
    spec = dataclasses.replace(spec, anchor_weights=weights)
    a, b = spec.lifetime_a.copy(), spec.lifetime_b.copy()
    for k in rows:
        kind = spec.lifetime_kind[k]
        if kind == "weibull":  # a = shape (dimensionless, kept), b = scale in years
            b[k] *= factor
        elif kind in ("normal", "lognormal"):
            a[k] *= factor
            b[k] *= factor
        else:
            a[k] *= factor
    return dataclasses.replace(spec, lifetime_a=a, lifetime_b=b)


def substitute(spec: RegionModelSpec, lever: Lever, strength: float) -> RegionModelSpec:
    """Move strength · ramp of the ``from`` sub-technologies' share to ``to`` within each technology and
    component (e.g. the traction battery of bev_car); a group without a ``to`` entry is an error."""
    subs, _materials = _entry_names(spec)
    moved_fraction = strength * ramp(spec.years, lever.start_year, lever.ramp_years)
    share = spec.entry_share.copy()
    touched = False
    considered = _technology_rows(spec, lever, lever.technologies) if lever.technologies else None
    for technology, component in sorted(set(zip(spec.entry_technology, spec.entry_component, strict=True))):
        if considered is not None and technology not in considered:
            continue
        group = (spec.entry_technology == technology) & (spec.entry_component == component)
        sources = group & np.isin(subs, lever.from_)
        if not sources.any():
            continue
        targets = group & (subs == lever.to)
        if not targets.any():
            raise LeverError([f"lever '{lever.id}': '{lever.to}' has no recipe entries in technology "
                              f"'{spec.technologies[technology]}'; it must be listed for the same family in "
                              "technology_shares"])
        # every entry of one sub-technology carries the same share; count each sub-technology once
        source_share = sum(share[np.flatnonzero(sources & (subs == s))[0]] for s in set(subs[sources]))
        share[sources] *= 1.0 - moved_fraction
        share[targets] += moved_fraction * source_share
        touched = True
    if not touched:
        raise LeverError([f"lever '{lever.id}': none of {', '.join(lever.from_)} is used in this scenario"])
    return dataclasses.replace(spec, entry_share=share)


def reduce_intensity(spec: RegionModelSpec, lever: Lever, strength: float) -> RegionModelSpec:
    """Content of ``materials`` in ``sub_technologies`` × (1 − strength · ramp).

    Applied to the entries' annual weights (entry_share) rather than the intensity knots, so the ramp is
    exact per year and the intensity's uncertainty is kept.
    """
    subs, materials = _entry_names(spec)
    rows = np.isin(subs, lever.sub_technologies) & np.isin(materials, lever.materials)
    if not rows.any():
        raise LeverError([f"lever '{lever.id}': no recipe uses {', '.join(lever.materials)} in "
                          f"{', '.join(lever.sub_technologies)} in this scenario"])
    share = spec.entry_share.copy()
    share[rows] *= 1.0 - strength * ramp(spec.years, lever.start_year, lever.ramp_years)
    return dataclasses.replace(spec, entry_share=share)


def raise_collection(spec: RegionModelSpec, lever: Lever, strength: float) -> RegionModelSpec:
    """Collection rate of the technologies raised toward ``strength`` as the ramp grows."""
    rows = _technology_rows(spec, lever, lever.technologies)
    weight = ramp(spec.years, lever.start_year, lever.ramp_years)
    parts = []
    for part in (spec.collection_rate.low, spec.collection_rate.mode, spec.collection_rate.high):
        part = part.copy()
        part[rows] += weight * np.clip(strength - part[rows], 0.0, None)
        parts.append(part)
    return dataclasses.replace(spec, collection_rate=Triangular.of(*parts))


def _pairs(spec: RegionModelSpec, lever: Lever) -> np.ndarray:
    materials = np.array(spec.materials, dtype=object)[spec.pair_material]
    rows = np.isin(materials, lever.materials)
    if lever.technologies:
        rows &= np.isin(spec.pair_technology, _technology_rows(spec, lever, lever.technologies))
    if not rows.any():
        raise LeverError([f"lever '{lever.id}': no technology in this scenario contains {', '.join(lever.materials)}"])
    return rows


def _knot_years(spec: RegionModelSpec) -> np.ndarray:
    """Model year of each recycling knot (the weight of a knot is 1 in its own year)."""
    return spec.years[np.argmax(spec.recycling_knots, axis=1)]


def raise_recycling(spec: RegionModelSpec, lever: Lever, strength: float) -> RegionModelSpec:
    """Recycling efficiency of the lever's material pairs raised toward ``strength`` at the knot years."""
    rows = _pairs(spec, lever)
    weight = ramp(_knot_years(spec), lever.start_year, lever.ramp_years)
    efficiency = spec.recycling_efficiency
    parts = []
    for part in (efficiency.low, efficiency.mode, efficiency.high):
        part = part.copy()
        part[rows] += weight * np.clip(strength - part[rows], 0.0, None)
        parts.append(part)
    return dataclasses.replace(spec, recycling_efficiency=Triangular.of(*parts))


def design_for_recycling(spec: RegionModelSpec, lever: Lever, strength: float) -> RegionModelSpec:
    """Recycling losses (1 − efficiency) × (1 − strength · ramp) from start_year + delay_years."""
    rows = _pairs(spec, lever)
    weight = strength * ramp(_knot_years(spec), lever.start_year + lever.delay_years, lever.ramp_years)
    efficiency = spec.recycling_efficiency
    parts = []
    for part in (efficiency.low, efficiency.mode, efficiency.high):
        part = part.copy()
        part[rows] += weight * (1.0 - part[rows])
        parts.append(part)
    return dataclasses.replace(spec, recycling_efficiency=Triangular.of(*parts))


def _second_life(spec: RegionModelSpec, lever: Lever, strength: float) -> RegionModelSpec:
    return scale_deployment(spec, lever, strength)


APPLY = {
    "demand_reduction": scale_deployment,
    "lifetime_extension": extend_lifetime,
    "second_life": _second_life,
    "substitution": substitute,
    "intensity_reduction": reduce_intensity,
    "collection_rate": raise_collection,
    "recycling_efficiency": raise_recycling,
    "design_for_recycling": design_for_recycling,
}


def apply_lever(spec: RegionModelSpec, lever: Lever, strength: float) -> RegionModelSpec:
    """The spec with one lever applied at ``strength`` (see the module docstring for each kind)."""
    changed = APPLY[lever.kind](spec, lever, strength)
    if changed.n_uniforms() != spec.n_uniforms():  # the levers' contract: values change, shapes never
        raise RuntimeError(f"lever '{lever.id}' changed the number of uncertain inputs")
    return changed


def apply_levers(spec: RegionModelSpec, choices: list[tuple[Lever, float]]) -> RegionModelSpec:
    """A package: the levers applied in sequence (later levers act on the already changed spec)."""
    for lever, strength in choices:
        spec = apply_lever(spec, lever, strength)
    return spec
