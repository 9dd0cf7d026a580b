"""Lever sweeps submitted from the web (issue 16): validation of the form, the size cap, the equivalent command
line, and the task that runs the sweep on a task worker.

A sweep costs scenarios × (baseline + cells) × draws model runs of one draw (:func:`draw_runs`). Up to
``CRMRADAR_SWEEP_MAX_RUNS`` (default 20 000, about a minute on one task worker) it runs as a queued task in one
worker process (no Dask cluster; the chunks are the same pure functions, so the result equals
``crmradar sweep`` with the same arguments); larger sweeps are refused with the exact ``crmradar sweep`` command
to run on a cluster. Finished sweeps are kept in ``<home>/sweeps/`` like the command line's and listed on
``/sweeps/``.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from crmradar.sweeps.sweep import SweepPlan, draw_runs

SCENARIOS = ("trend", "targets", "high-electrification")
STRENGTHS = (0.5, 1.0)
YEARS = (2030, 2035, 2040, 2045, 2050)
MAX_LEVERS = 2
DRAWS = (20, 10_000)  # accepted range of draws per cell
CHUNK = 100  # crmradar sweep's default, so the web result equals the command's
DEFAULT_MAX_RUNS = 20_000


def max_runs() -> int:
    return int(getattr(settings, "CRMRADAR_SWEEP_MAX_RUNS", DEFAULT_MAX_RUNS))


@dataclass
class SweepRequest:
    scenarios: list[str] = field(default_factory=list)
    levers: list[str] = field(default_factory=list)
    strengths: list[float] = field(default_factory=list)
    max_levers: int = 1
    draws: int = 200
    year: int = 2040
    errors: dict[str, str] = field(default_factory=dict)

    def plan(self) -> SweepPlan:
        return SweepPlan(levers=tuple(sorted(self.levers)), strengths=tuple(sorted(self.strengths)),
                         max_levers=self.max_levers, draws=self.draws, year=self.year, chunk=CHUNK)

    def runs(self) -> int:
        return draw_runs(self.plan(), len(self.scenarios))

    def parameters(self) -> dict:
        plan = self.plan()
        return {"scenarios": sorted(self.scenarios), "levers": list(plan.levers), "strengths": list(plan.strengths),
                "max_levers": plan.max_levers, "draws": plan.draws, "year": plan.year, "seed": plan.seed,
                "chunk": plan.chunk}

    def command(self) -> str:
        """The ``crmradar sweep`` command that computes the same sweep (on a cluster with ``--scheduler``)."""
        plan = self.plan()
        parts = ["crmradar", "sweep"]
        for scenario in sorted(self.scenarios):
            parts += ["--scenario", scenario]
        parts += ["--levers", ",".join(plan.levers), "--strengths", ",".join(f"{s:g}" for s in plan.strengths),
                  "--max-levers", str(plan.max_levers), "--draws", str(plan.draws), "--year", str(plan.year),
                  "--seed", str(plan.seed), "--chunk", str(plan.chunk)]
        return shlex.join(parts)


def _integer(text: str | None, default: int) -> int | None:
    if text is None or not text.strip():
        return default
    try:
        return int(text.strip().replace(".", ""))
    except ValueError:
        return None


def parse(data, known_levers: set[str]) -> SweepRequest:
    """The sweep asked for in a form (``QueryDict``); every problem is a one-line message under its field name."""
    request = SweepRequest()
    request.scenarios = [s for s in data.getlist("scenario") if s in SCENARIOS]
    if not request.scenarios or len(request.scenarios) != len(data.getlist("scenario")):
        request.errors["scenario"] = _("Choose one or more scenarios from the list.")
    request.levers = sorted(set(data.getlist("lever")))
    if not request.levers or not set(request.levers) <= known_levers:
        request.errors["lever"] = _("Choose one or more levers from the list.")
        request.levers = [lever for lever in request.levers if lever in known_levers]
    try:
        request.strengths = sorted({float(s.replace(",", ".")) for s in data.getlist("strength")})
    except ValueError:
        request.strengths = []
    if not request.strengths or not set(request.strengths) <= set(STRENGTHS):
        request.errors["strength"] = _("Choose one or more strengths from the list.")
        request.strengths = [s for s in request.strengths if s in STRENGTHS]
    max_levers = _integer(data.get("max_levers"), 1)
    if max_levers not in range(1, MAX_LEVERS + 1):
        request.errors["max_levers"] = _("Combine 1 or 2 levers.")
        max_levers = 1
    request.max_levers = min(max_levers, max(1, len(request.levers)))
    draws = _integer(data.get("draws"), 200)
    if draws is None or not DRAWS[0] <= draws <= DRAWS[1]:
        request.errors["draws"] = _("Give a whole number of draws from %(low)s to %(high)s.") % {
            "low": DRAWS[0], "high": f"{DRAWS[1]:,}".replace(",", ".")}
        draws = 200
    request.draws = draws
    year = _integer(data.get("year"), 2040)
    if year not in YEARS:
        request.errors["year"] = _("Choose a year from the list.")
        year = 2040
    request.year = year
    return request


def run(parameters: dict, progress) -> dict:
    """The task: run the sweep in this worker process, keep it for ``/sweeps/`` and return its summary."""
    from pathlib import Path

    from crmradar.region.build import build_spec
    from crmradar.region.scenario import load_scenario
    from crmradar.scenarios.levers_effects import risk_weights
    from crmradar.sweeps.store import publish
    from crmradar.sweeps.sweep import run_sweep, summarise
    from crmradar.web import services
    from crmradar.web.computations import lever_library

    kb = services.knowledge_base()
    plan = SweepPlan(levers=tuple(parameters["levers"]), strengths=tuple(parameters["strengths"]),
                     max_levers=int(parameters["max_levers"]), draws=int(parameters["draws"]),
                     seed=int(parameters["seed"]), year=int(parameters["year"]), chunk=int(parameters["chunk"]))
    inputs = {}
    for scenario in parameters["scenarios"]:  # as crmradar sweep: the spec and SR EU 2023 per material
        spec = build_spec(load_scenario(scenario, kb), kb)
        inputs[scenario] = (spec, risk_weights(kb, spec.materials, geopolrisk=False)["supply_risk"].to_numpy(float))
    draws = run_sweep(plan, inputs, lever_library(), None, progress=lambda f: progress(0.95 * f))
    summary = summarise(draws)
    metadata = {"plan": plan.__dict__, "scenarios": list(parameters["scenarios"]), "material": "all",
                "scheduler": "web task worker",
                "units": {"primary_demand": "t/yr", "sr_weighted_demand": "t/yr x SR (EU 2023)"}}
    folder = publish(Path(settings.HOME) / "sweeps", summary, metadata)
    return {"sweep": folder.name, "cells": int(len(summary))}
