"""Computations the web runs in the background (see :mod:`crmradar.web.jobs`)."""

from __future__ import annotations

import math

from crmradar.region.build import build_spec
from crmradar.region.model import run
from crmradar.region.scenario import load_scenario
from crmradar.region.summary import material_summary, technology_summary
from crmradar.web import services
from crmradar.web.jobs import register

SCENARIOS = ("trend", "targets", "high-electrification")


def _clean(records: list[dict]) -> list[dict]:
    return [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()} for r in records]


@register("demand")
def demand(parameters: dict, progress) -> dict:
    """Regional demand and end-of-life percentiles for one scenario (t, t/yr)."""
    kb = services.knowledge_base()
    spec = build_spec(load_scenario(parameters["scenario"], kb), kb)
    draws = int(parameters["draws"])
    result = run(spec, draws=draws, seed=int(parameters.get("seed", 20260616)),
                 chunk=min(draws, 250), progress=lambda done, total: progress(done / total))
    materials = material_summary(result)
    technologies = technology_summary(result)
    technologies = technologies.loc[technologies["metric"].isin(["demand", "end_of_life"])]
    return {
        "scenario": parameters["scenario"],
        "draws": draws,
        "mass_balance_error": result.mass_balance_error,
        "assumptions": spec.metadata["assumptions"],
        "materials": _clean(materials.round(6).to_dict(orient="records")),
        "technologies": _clean(technologies.round(6).to_dict(orient="records")),
    }


@register("shock")
def shock(parameters: dict, progress) -> dict:
    """Register measures replayed side by side (p5/p50/p95 per shock)."""
    from crmradar.scenarios.shock import shock_from_measure
    from crmradar.scenarios.shock_replay import replay

    kb = services.knowledge_base()
    loaded = load_scenario(parameters["scenario"], kb)
    shocks = [shock_from_measure(kb, m, int(parameters["open_end_year"])) for m in parameters["measures"]]
    progress(0.1)
    frame, metadata, labels = replay(kb, loaded, shocks, int(parameters["draws"]), int(parameters["seed"]))
    return {"labels": labels, "rows": _clean(frame.round(6).to_dict(orient="records")), "metadata": metadata}


@register("recycling")
def recycling_view(parameters: dict, progress) -> dict:
    """Urban mine vs recycling capacity for every catchment (existing plants)."""
    from crmradar.scenarios import recycling
    from crmradar.scenarios.recycling_report import EXISTING, recycling_tables

    kb = services.knowledge_base()
    spec = build_spec(load_scenario(parameters["scenario"], kb), kb)
    flows = recycling.simulate_streams(spec, kb.product_masses, int(parameters["draws"]), int(parameters["seed"]),
                                       progress=lambda done, total: progress(done / total))
    frames, _prices, unpriced = recycling_tables(flows, kb, list(recycling.CATCHMENT_REGIONS), EXISTING)
    return {
        "scenario": parameters["scenario"],
        "summary": _clean(frames["summary"].round(3).to_dict(orient="records")),
        "years": _clean(frames["years"].round(3).to_dict(orient="records")),
        "unpriced": unpriced,
    }


def lever_library():
    from crmradar.scenarios.levers_io import load_levers

    kb = services.knowledge_base()
    known = {"technologies": set(kb.technologies["id"]), "materials": set(kb.materials["id"]),
             "sources": set(kb.sources["id"])}
    return load_levers(None, known)


@register("lever")
def lever_effect(parameters: dict, progress) -> dict:
    """Paired baseline/lever runs (common random numbers): change per indicator, material and year."""
    from crmradar.scenarios.levers_effects import effect_table, paired_runs, risk_weights
    from crmradar.scenarios.levers_io import parse_choices

    kb = services.knowledge_base()
    spec = build_spec(load_scenario(parameters["scenario"], kb), kb)
    choices = parse_choices(lever_library(), [f"{parameters['lever']}:{parameters['strength']}"])
    baseline, changed = paired_runs(spec, choices, int(parameters["draws"]), int(parameters["seed"]),
                                    progress=lambda done, total: progress(0.5 * done / total))
    table = effect_table(baseline, changed, risk_weights(kb, spec.materials), parameters["lever"])
    table = table.loc[table["indicator"].isin(["primary_demand", "sr_weighted_demand", "secondary_share"])]
    return {"parameters": parameters, "rows": _clean(table.round(6).to_dict(orient="records"))}


@register("lever_rank")
def lever_rank(parameters: dict, progress) -> dict:
    """Every lever alone at its central strength and at its range ends (tornado), for one year."""
    from crmradar.scenarios.levers_effects import rank_levers, risk_weights

    kb = services.knowledge_base()
    spec = build_spec(load_scenario(parameters["scenario"], kb), kb)
    levers = list(lever_library().levers.values())
    done = []

    def step(lever_id: str) -> None:
        done.append(lever_id)
        progress(len(done) / (len(levers) + 1))

    table = rank_levers(spec, levers, risk_weights(kb, spec.materials), int(parameters["draws"]),
                        int(parameters["seed"]), int(parameters["year"]), progress=step)
    return {"parameters": parameters, "rows": _clean(table.round(6).to_dict(orient="records"))}


@register("risk_overview")
def risk_overview(parameters: dict, progress) -> dict:
    """The risk overview with the P(critical) Monte Carlo, JSON-encoded (see :mod:`crmradar.web.risk_cache`)."""
    from crmradar.web.risk_cache import compute

    progress(0.05)
    return compute(parameters, services.knowledge_base())


@register("sweep")
def sweep(parameters: dict, progress) -> dict:
    """A small lever sweep submitted from the web (see :mod:`crmradar.web.sweep_jobs`)."""
    from crmradar.web.sweep_jobs import run as run_sweep_task

    return run_sweep_task(parameters, progress)


@register("selftest")
def selftest(parameters: dict, progress) -> dict:
    """Queue self-test (tests, benchmarks): waits ``seconds`` s in ``steps`` steps, reporting progress."""
    import os
    import time

    steps = max(1, int(parameters.get("steps", 10)))
    for step in range(steps):
        time.sleep(float(parameters.get("seconds", 1.0)) / steps)
        progress((step + 1) / steps)
    return {"pid": os.getpid(), "payload": "x" * int(parameters.get("payload_bytes", 0))}


# registers the document job (issue 15), the fact sheet and the custom-run jobs
from crmradar.web import computations_documents, computations_extra  # noqa: E402,F401
