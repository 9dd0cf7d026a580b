"""Policy levers: choose a lever and a strength and see the effect (HTMX); ranking with a tornado chart."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from crmradar.web import computations, services
from crmradar.web.jobs import submit
from crmradar.web.loading import package_hash

EFFECT_DRAWS = 100
RANK_DRAWS = 40
RANK_YEAR = 2050


def _job_or_progress(request, kind: str, parameters: dict):
    digest = services.cached_package_hash(str(services.knowledge_base().path), package_hash)
    job = submit(kind, parameters, digest)
    if job.status == "done":
        return job, None
    template = "web/_job_failed.html" if job.status == "failed" else "web/_job_progress.html"
    response = render(request, template, {"job": job, "poll_url": request.get_full_path()})
    add_never_cache_headers(response)
    return job, response


def _choice(request) -> tuple[str, float, str]:
    library = computations.lever_library()
    lever_id = request.GET.get("lever", "ev_battery_lfp")
    if lever_id not in library.levers:
        raise Http404(_("Unknown lever"))
    lever = library.levers[lever_id]
    try:
        strength = float(request.GET.get("strength", lever.strength))
    except ValueError as error:
        raise Http404(_("Strength must be a number")) from error
    low, high = lever.bounds
    if not low <= strength <= high:
        raise Http404(_("Strength outside the lever's bounds"))
    return lever_id, round(strength, 2), request.GET.get("material", "cobalt")


def levers(request):
    library = computations.lever_library()
    lever_id, strength, material = _choice(request)
    materials = sorted(set(services.knowledge_base().material_intensities["material_id"]))
    return render(request, "web/levers.html", {
        "levers": [{"id": k, "name": v.name_en, "low": v.low, "high": v.high, "strength": v.strength}
                   for k, v in library.levers.items()],
        "lever": lever_id, "strength": strength, "material": material, "materials": materials,
    })


def lever_panel(request):
    lever_id, strength, material = _choice(request)
    parameters = {"scenario": "targets", "lever": lever_id, "strength": strength, "draws": EFFECT_DRAWS,
                  "seed": 20260616}
    job, waiting = _job_or_progress(request, "lever", parameters)
    if waiting is not None:
        return waiting
    rows = [r for r in job.result["rows"] if r["material_id"] in (material, "total")]
    series = [r for r in rows if r["indicator"] == "primary_demand" and r["material_id"] == material]
    table = [r for r in rows if r["year"] in (2030, 2040, 2050)]
    return render(request, "web/_lever_panel.html", {"series": series, "table": table, "material": material,
                                                     "lever": lever_id, "strength": strength})


def lever_rank_panel(request):
    parameters = {"scenario": "targets", "draws": RANK_DRAWS, "seed": 20260616, "year": RANK_YEAR}
    job, waiting = _job_or_progress(request, "lever_rank", parameters)
    if waiting is not None:
        return waiting
    total = [r for r in job.result["rows"] if r["indicator"] == "sr_weighted_demand" and r["material_id"] == "total"]
    return render(request, "web/_lever_rank.html", {"rows": total, "year": RANK_YEAR, "draws": RANK_DRAWS})
