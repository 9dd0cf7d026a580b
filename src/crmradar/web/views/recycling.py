"""Urban mine vs recycling capacity: when end-of-life feedstock reaches a plant's minimum scale."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.web import computations
from crmradar.web.views._jobs import job_or_progress

DRAWS = 200
CATCHMENTS = ("zh", "nl", "nl-be-nrw")


def _scenario(request) -> str:
    scenario = request.GET.get("scenario", "targets")
    if scenario not in computations.SCENARIOS:
        raise Http404(_("Unknown scenario"))
    return scenario


def recycling(request):
    catchment = request.GET.get("catchment", "zh")
    if catchment not in CATCHMENTS:
        raise Http404(_("Unknown catchment"))
    return render(request, "web/recycling.html", {"scenarios": computations.SCENARIOS, "scenario": _scenario(request),
                                                  "catchments": CATCHMENTS, "catchment": catchment})


def recycling_panel(request):
    catchment = request.GET.get("catchment", "zh")
    if catchment not in CATCHMENTS:
        raise Http404(_("Unknown catchment"))
    parameters = {"scenario": _scenario(request), "draws": DRAWS, "seed": 20260616}
    job, waiting = job_or_progress(request, "recycling", parameters)
    if waiting is not None:
        return waiting
    summary = [r for r in job.result["summary"] if r["catchment"] == catchment]
    years = [r for r in job.result["years"] if r["catchment"] == catchment]
    columns = [c for c in (summary[0].keys() if summary else []) if c != "catchment"]
    return render(request, "web/_recycling_panel.html", {"summary": summary, "years": years, "columns": columns,
                                                         "catchment": catchment, "result": job.result})
