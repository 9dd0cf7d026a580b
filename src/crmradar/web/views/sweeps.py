"""Lever sweeps: the finished ones, newest first (``/sweeps/``, public), and a form for analysts to start a small
one as a queued task (``/sweeps/run/``); larger sweeps get the ``crmradar sweep`` command to run instead."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

from crmradar.reports import labels
from crmradar.reports.numbers import format_number
from crmradar.sweeps.store import finished
from crmradar.web import computations, sweep_jobs
from crmradar.web.templatetags.crmradar_tags import page_lang

TOP = 10  # cells shown per sweep (lowest median change of SR-weighted demand)


def _cell(record: dict, lang: str) -> dict:
    """One cell with names instead of ids and Dutch/English numbers (t/yr × SR)."""
    def number(key: str) -> str:
        return format_number(record.get(key), lang, decimals=0)

    return {
        "scenario": labels.label("scenario", record["scenario"], lang),
        "levers": " + ".join(labels.label("lever", lever, lang) for lever in str(record["levers"]).split(" + ")),
        "strength": format_number(record["strength"], lang, decimals=2),
        "p50": number("sr_weighted_demand_change_p50"), "p5": number("sr_weighted_demand_change_p5"),
        "p95": number("sr_weighted_demand_change_p95"),
        "primary_p50": number("primary_demand_change_p50"),
        "pareto": bool(record.get("pareto_robust")),
        "best": format_number(100 * float(record.get("best_share") or 0), lang, decimals=0) + " %",
    }


def _can_start(request) -> bool:
    from crmradar.apps.accounts.roles import role_of
    from crmradar.web.access import ADMITTED, ANALYST

    return role_of(request.user) in ADMITTED[ANALYST]


@never_cache  # the list changes when a sweep finishes; the page cache would hide it for 10 minutes
def sweeps(request):
    lang = page_lang()
    rows = []
    for sweep in finished(Path(settings.HOME) / "sweeps"):
        summary = sweep["summary"]
        ordered = summary.sort_values("sr_weighted_demand_change_p50")
        plan = sweep["metadata"].get("plan", {})
        rows.append({
            "id": sweep["id"],
            "scenarios": ", ".join(labels.label("scenario", s, lang) for s in sweep["metadata"].get("scenarios", [])),
            "year": plan.get("year"), "draws": format_number(plan.get("draws"), lang, decimals=0),
            "cells": len(summary),
            "cells_top": [_cell(r, lang) for r in ordered.head(TOP).to_dict(orient="records")],
            "pareto": [_cell(r, lang) for r in ordered.loc[ordered["pareto_robust"].astype(bool)]
                       .to_dict(orient="records")],
            "robust": [_cell(r, lang) for r in ordered.loc[ordered["best_share"] >= 0.9].to_dict(orient="records")],
        })
    return render(request, "web/sweeps.html", {"sweeps": rows, "can_start": _can_start(request)})


def _form_context(sweep: sweep_jobs.SweepRequest | None, lang: str) -> dict:
    library = computations.lever_library()
    sweep = sweep or sweep_jobs.SweepRequest(scenarios=["targets"], strengths=[1.0])
    return {
        "scenarios": [{"id": s, "name": labels.label("scenario", s, lang)} for s in sweep_jobs.SCENARIOS],
        "levers": sorted(({"id": k, "name": labels.label("lever", k, lang)} for k in library.levers),
                         key=lambda o: o["name"].lower()),
        "strengths": [{"value": f"{s:g}", "name": format_number(s, lang, decimals=1), "checked": s in sweep.strengths}
                      for s in sweep_jobs.STRENGTHS],
        "years": sweep_jobs.YEARS, "sweep": sweep,
        "max_runs": format_number(sweep_jobs.max_runs(), lang, decimals=0),
        "draw_range": sweep_jobs.DRAWS,
    }


def _job_panel(request, job_id: str):
    from crmradar.web.jobs import queue_position
    from crmradar.web.models import CachedResult
    from crmradar.web.views._jobs import client_id

    job = CachedResult.objects.filter(pk=int(job_id) if job_id.isdigit() else 0, kind="sweep").first()
    if job is None:
        return None
    if job.status == "done":
        context = {"done": True, "sweep_id": job.result["sweep"], "cells": job.result["cells"]}
        template = "web/_sweep_done.html"
    else:
        context = {"job": job, "poll_url": request.get_full_path(), "position": queue_position(job),
                   "can_cancel": job.client == client_id(request)}
        template = "web/_job_failed.html" if job.status in ("failed", "cancelled") else "web/_job_progress.html"
    if request.headers.get("HX-Request"):
        response = render(request, template, context)
    else:
        response = render(request, "web/sweep_run.html", _form_context(None, page_lang()) | {
            "panel": template} | context)
    add_never_cache_headers(response)
    return response


def sweep_run(request):
    """Analysts: GET the form (or ``?job=<id>``: its progress), POST to queue the sweep or get the command."""
    from crmradar.web import ratelimit, services
    from crmradar.web.jobs import QueueFullError, submit
    from crmradar.web.loading import package_hash
    from crmradar.web.views._jobs import client_id

    lang = page_lang()
    if request.method == "GET":
        if "job" in request.GET:
            panel = _job_panel(request, request.GET["job"])
            if panel is not None:
                return panel
        return render(request, "web/sweep_run.html", _form_context(None, lang))
    sweep = sweep_jobs.parse(request.POST, set(computations.lever_library().levers))
    context = _form_context(sweep, lang) | {"errors": sweep.errors}
    if sweep.errors:
        return render(request, "web/sweep_run.html", context, status=422)
    if sweep.runs() > sweep_jobs.max_runs():
        context |= {"too_large": True, "runs": format_number(sweep.runs(), lang, decimals=0),
                    "command": sweep.command()}
        return render(request, "web/sweep_run.html", context, status=422)
    digest = services.cached_package_hash(str(services.knowledge_base().path), package_hash)
    try:
        job = submit("sweep", sweep.parameters(), digest, client=client_id(request), admit=ratelimit.admit(request))
    except ratelimit.RateLimitedError as error:
        return ratelimit.too_many(request, error)
    except QueueFullError:
        return render(request, "web/sweep_run.html", context | {"queue_full": True}, status=429)
    return redirect(f"{reverse('sweep_run')}?job={job.pk}")
