"""Global sensitivity (SALib): Sobol first/total-order indices or Morris elementary effects, with confidence
intervals, for the regional model's uncertain inputs grouped by what they describe.

The model's inputs are the uniforms of one draw (:meth:`RegionModelSpec.n_uniforms` columns); SALib samples
them in [0, 1] (grouped: one group varies together), the rows are evaluated on the Dask cluster in fixed
chunks, and SALib analyses the outputs. Sampling and analysis are seeded: the same seed gives the same indices.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmradar.region.model import RegionModelSpec


def input_groups(spec: RegionModelSpec, material: str | None = None) -> list[str]:
    """One group name per uniform column: deployment/lifetime/collection per technology, intensity per
    material (other materials pooled when ``material`` is given), component sizes, recycling efficiencies."""
    techs = spec.technologies
    groups = []
    for a in range(len(spec.anchors.mode)):
        weight = np.abs(spec.anchor_weights[a]).sum(axis=1)
        groups.append(f"deployment:{techs[int(np.argmax(weight))]}" if weight.any() else "deployment:drivers")
    for m in spec.intensity_material:
        name = spec.materials[int(m)]
        groups.append(f"intensity:{name}" if material in (None, name) else "intensity:other materials")
    groups += ["component sizes"] * len(spec.component_size.mode)
    groups += [f"lifetime:{t}" for t in techs]
    groups += [f"collection:{t}" for t in techs]
    groups += ["recycling efficiency"] * len(spec.pair_technology)
    if len(groups) != spec.n_uniforms():
        raise ValueError(f"{len(groups)} group names for {spec.n_uniforms()} inputs")
    return groups


def problem_for(names: list[str], groups: list[str] | None = None, bounds=None) -> dict:
    problem = {"num_vars": len(names), "names": names, "bounds": bounds or [[0.0, 1.0]] * len(names)}
    if groups is not None and len(set(groups)) < len(groups):
        problem["groups"] = groups
    return problem


def sample(problem: dict, method: str, base: int, seed: int) -> np.ndarray:
    """SALib sample matrix: Sobol (Saltelli scheme, first and total order) or Morris trajectories."""
    if method == "sobol":
        from SALib.sample import sobol

        return sobol.sample(problem, base, calc_second_order=False, seed=seed)
    if method == "morris":
        from SALib.sample import morris

        return morris.sample(problem, base, num_levels=4, seed=seed)
    raise ValueError(f"unknown method {method!r}: sobol or morris")


def evaluate(client, function, x: np.ndarray, chunk: int, shared: dict) -> np.ndarray:
    """``function(rows, **shared)`` over fixed chunks of ``x`` on the cluster, concatenated in order."""
    from crmradar.sweeps.cluster import gather_in_order

    jobs = [(x[start:start + chunk],) for start in range(0, len(x), chunk)]
    return np.concatenate(gather_in_order(client, function, jobs, shared))


def analyse(problem: dict, method: str, x: np.ndarray, y: np.ndarray, seed: int) -> pd.DataFrame:
    """Indices with 95 % confidence half-widths, one row per input (group)."""
    if method == "sobol":
        from SALib.analyze import sobol

        r = sobol.analyze(problem, y, calc_second_order=False, conf_level=0.95, seed=seed)
        names = problem.get("groups") and list(dict.fromkeys(problem["groups"])) or problem["names"]
        return pd.DataFrame({"input": names, "S1": r["S1"], "S1_conf": r["S1_conf"], "ST": r["ST"],
                             "ST_conf": r["ST_conf"]}).sort_values("ST", ascending=False, ignore_index=True)
    from SALib.analyze import morris

    r = morris.analyze(problem, x, y, conf_level=0.95, num_levels=4, seed=seed)
    return pd.DataFrame({"input": list(r["names"]), "mu_star": r["mu_star"], "mu_star_conf": r["mu_star_conf"],
                         "sigma": r["sigma"], "mu": r["mu"]}).sort_values("mu_star", ascending=False,
                                                                          ignore_index=True)


def _model_task(rows, spec, supply_risk, year, material, metric):
    from crmradar.sweeps.kernel import model_rows

    return model_rows(spec, rows, year, supply_risk, material, metric)


def regional_sensitivity(client, spec: RegionModelSpec, supply_risk: np.ndarray, metric: str, material: str | None,
                         year: int, method: str, base: int, seed: int, chunk: int = 256) -> tuple[pd.DataFrame, dict]:
    """Sensitivity of ``metric`` (primary_demand of ``material``, or sr_weighted_demand) in ``year``."""
    groups = input_groups(spec, material)
    names = [f"u{i}" for i in range(len(groups))]
    problem = problem_for(names, groups)
    x = sample(problem, method, base, seed)
    index = spec.materials.index(material) if material else None
    y = evaluate(client, _model_task, x, chunk, {"spec": spec, "supply_risk": supply_risk, "year": year,
                                                 "material": index, "metric": metric})
    table = analyse(problem, method, x, y, seed)
    return table, {"evaluations": int(len(x)), "groups": len(set(groups)), "output_mean": float(np.mean(y)),
                   "output_std": float(np.std(y))}
