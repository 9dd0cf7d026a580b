"""Urban mine vs recycling capacity: when end-of-life feedstock reaches a plant's minimum scale."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from crmradar.web import computations, services
from crmradar.web.jobs import submit
from crmradar.web.loading import package_hash

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
    digest = services.cached_package_hash(str(services.knowledge_base().path), package_hash)
    job = submit("recycling", parameters, digest)
    if job.status != "done":
        template = "web/_job_failed.html" if job.status == "failed" else "web/_job_progress.html"
        response = render(request, template, {"job": job, "poll_url": request.get_full_path()})
        add_never_cache_headers(response)
        return response
    summary = [r for r in job.result["summary"] if r["catchment"] == catchment]
    years = [r for r in job.result["years"] if r["catchment"] == catchment]
    columns = [c for c in (summary[0].keys() if summary else []) if c != "catchment"]
    return render(request, "web/_recycling_panel.html", {"summary": summary, "years": years, "columns": columns,
                                                         "catchment": catchment, "result": job.result})
