"""Energy transition (Zuid-Holland): scenario picker, demand and end-of-life per material and technology."""

from __future__ import annotations

import csv
import io

import pandas as pd
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from crmradar.reports import labels
from crmradar.reports.charts import demand_bands, to_plotly
from crmradar.web import computations, services
from crmradar.web.jobs import submit
from crmradar.web.loading import package_hash
from crmradar.web.views._jobs import job_or_progress
from crmradar.web.views.permalink import permalink

DEFAULT_DRAWS = 500
DEFAULT_MATERIAL = "lithium"


def _parameters(request) -> dict:
    scenario = request.GET.get("scenario", "targets")
    if scenario not in computations.SCENARIOS:
        raise Http404(_("Unknown scenario"))
    return {"scenario": scenario, "draws": DEFAULT_DRAWS, "seed": 20260616}


def _job(request):
    return submit("demand", _parameters(request), _package_hash())


def _package_hash() -> str:
    kb = services.knowledge_base()
    return services.cached_package_hash(str(kb.path), package_hash)


def energy(request):
    parameters = _parameters(request)
    material = request.GET.get("material", DEFAULT_MATERIAL)
    kb = services.knowledge_base()
    lang = "en" if (request.LANGUAGE_CODE or "nl").startswith("en") else "nl"
    materials = sorted(set(kb.material_intensities["material_id"]))
    options = sorted(({"id": m, "name": labels.label("material", m, lang)} for m in materials),
                     key=lambda o: o["name"].lower())
    return render(request, "web/energy.html", {
        "scenarios": [{"id": s, "name": labels.label("scenario", s, lang)} for s in computations.SCENARIOS],
        "scenario": parameters["scenario"], "material": material, "materials": options,
    })


@permalink("energy", "energy-form")
def energy_panel(request):
    job, waiting = job_or_progress(request, "demand", _parameters(request))
    if waiting is not None:
        return waiting
    material = request.GET.get("material", DEFAULT_MATERIAL)
    result = job.result
    rows = [r for r in result["materials"] if r["material_id"] == material]
    if not rows:
        raise Http404(_("No demand for this material in the model"))
    lang = "en" if (request.LANGUAGE_CODE or "nl").startswith("en") else "nl"
    technologies = [
        r | {"technology_name": labels.label("technology", r["technology_id"], lang)}
        for r in result["technologies"] if r["material_id"] == material and r["year"] in (2030, 2040, 2050)
    ]
    table = [r | {"label": labels.label("metric", r["metric"], lang)} for r in rows
             if r["metric"] in ("demand", "recoverable", "end_of_life") and r["year"] % 5 == 0]
    # the model's own notes: the first is the build module's docstring (shown as translated bullets in the
    # template), the others say which technologies have no collection rate in the data
    uncollected = [a.split(":", 1)[0] for a in result["assumptions"][1:] if ": no collection rate" in a]
    name = labels.label("material", material, lang)
    figure = to_plotly(demand_bands(rows, name[:1].upper() + name[1:], lang))
    return render(request, "web/_energy_panel.html", {
        "result": result, "material": material, "figure": figure, "series": rows, "technologies": technologies,
        "table": table, "quantity_title": _("Quantity"),
        "material_name": labels.label("material", material, lang),
        "scenario_name": labels.label("scenario", result["scenario"], lang),
        "uncollected": [labels.label("technology", t, lang) for t in uncollected],
    })


def energy_download(request):
    """All results of the scenario's demand computation as CSV (default) or XLSX (``?format=xlsx``)."""
    job = _job(request)
    if job.status != "done":
        response = HttpResponse(_("The computation is still running; try again in a moment."), status=202)
        add_never_cache_headers(response)
        return response
    records = job.result["materials"] + [dict(r, level="technology") for r in job.result["technologies"]]
    fields = sorted({key for record in records for key in record})
    if request.GET.get("format") == "xlsx":
        from crmradar.web.views.pages import xlsx_response

        frame = pd.DataFrame.from_records(records, columns=fields)
        return xlsx_response(frame, f"demand-{job.parameters['scenario']}.xlsx")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    writer.writerows(records)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="demand-{job.parameters["scenario"]}.csv"'
    return response
