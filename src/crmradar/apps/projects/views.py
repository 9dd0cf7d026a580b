"""The business-case panel on a project's and a chain's detail page (HTMX; the Monte Carlo runs as a queued task)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from crmradar.apps.consultation import services
from crmradar.apps.consultation.models import ValueChain
from crmradar.apps.projects import business_case as bc
from crmradar.apps.projects.models import Project
from crmradar.reports import labels
from crmradar.web.access import ITEM, access
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import job_or_progress


@access(ITEM)
def project_business_case(request, pk: int):
    project = get_object_or_404(services.visible(Project, request.user), pk=pk)
    return _panel(request, [project])


@access(ITEM)
def chain_business_case(request, pk: int):
    chain = get_object_or_404(services.visible(ValueChain, request.user), pk=pk)
    return _panel(request, list(services.visible(Project, request.user).filter(chain=chain)))


def _panel(request, projects):
    catchment = request.GET.get("catchment", "zh")
    if catchment not in bc.CATCHMENTS:
        raise Http404("unknown catchment")
    lang = page_lang()
    context = {"catchments": [{"id": c, "name": labels.label("catchment", c, lang)} for c in bc.CATCHMENTS],
               "catchment": catchment, "url": request.path}
    plant = bc.plant_of(projects)
    if plant is None:
        return render(request, "projects/_business_case.html", context | {"unavailable": True})
    job, waiting = job_or_progress(request, bc.KIND, bc.parameters(plant, catchment))
    if waiting is not None:
        return waiting
    return render(request, "projects/_business_case.html", context | bc.present(job.result, lang))
