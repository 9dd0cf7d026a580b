"""Policy levers: choose a lever and a strength and see the effect (HTMX); ranking with a tornado chart."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.web import computations, services
from crmradar.web.views._jobs import job_or_progress

EFFECT_DRAWS = 100
RANK_DRAWS = 40
RANK_YEAR = 2050


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
    job, waiting = job_or_progress(request, "lever", parameters)
    if waiting is not None:
        return waiting
    rows = [r for r in job.result["rows"] if r["material_id"] in (material, "total")]
    series = [r for r in rows if r["indicator"] == "primary_demand" and r["material_id"] == material]
    table = [r for r in rows if r["year"] in (2030, 2040, 2050)]
    return render(request, "web/_lever_panel.html", {"series": series, "table": table, "material": material,
                                                     "lever": lever_id, "strength": strength})


def lever_rank_panel(request):
    parameters = {"scenario": "targets", "draws": RANK_DRAWS, "seed": 20260616, "year": RANK_YEAR}
    job, waiting = job_or_progress(request, "lever_rank", parameters)
    if waiting is not None:
        return waiting
    total = [r for r in job.result["rows"] if r["indicator"] == "sr_weighted_demand" and r["material_id"] == "total"]
    return render(request, "web/_lever_rank.html", {"rows": total, "year": RANK_YEAR, "draws": RANK_DRAWS})
