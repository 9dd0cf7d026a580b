"""Policy levers: choose a lever and a strength and see the effect (HTMX); ranking with a tornado chart.

Form values are locale-independent (``0.5``; a Dutch ``0,5`` typed by hand is accepted too). Invalid input
gives a field error that HTMX swaps in (status 200 for the panel, 422 for the page), never a silent 404.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.reports import labels, numbers
from crmradar.reports.charts import lever_ranking, to_plotly
from crmradar.web import computations, services
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import job_or_progress
from crmradar.web.views.permalink import permalink

EFFECT_DRAWS = 100
RANK_DRAWS = 40
RANK_YEAR = 2050
DEFAULT_LEVER = "ev_battery_lfp"
DEFAULT_MATERIAL = "cobalt"


@dataclass
class Choice:
    lever: str
    strength: float
    material: str
    errors: dict[str, str]


def parse_strength(text: str | None, default: float) -> float | None:
    """The strength from a form value: ``0.5`` or ``0,5``; None when it is not a number."""
    if text is None or text.strip() == "":
        return default
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _choice(request) -> Choice:
    library = computations.lever_library()
    lang = page_lang()
    errors: dict[str, str] = {}
    lever_id = request.GET.get("lever", DEFAULT_LEVER)
    if lever_id not in library.levers:
        errors["lever"] = _("Choose a lever from the list.")
        lever_id = DEFAULT_LEVER
    lever = library.levers[lever_id]
    materials = _materials()
    material = request.GET.get("material", DEFAULT_MATERIAL)
    if material not in materials:
        errors["material"] = _("Choose a material from the list.")
        material = DEFAULT_MATERIAL
    strength = parse_strength(request.GET.get("strength"), lever.strength)
    low, high = lever.bounds
    if strength is None:
        errors["strength"] = _("The strength must be a number, for example %(example)s.") % {
            "example": numbers.format_number(lever.strength, lang)}
        strength = lever.strength
    elif not low <= strength <= high:
        errors["strength"] = _("The strength must lie between %(low)s and %(high)s.") % {
            "low": numbers.format_number(low, lang), "high": numbers.format_number(high, lang)}
        strength = lever.strength
    return Choice(lever_id, round(strength, 2), material, errors)


def _materials() -> list[str]:
    return sorted(set(services.knowledge_base().material_intensities["material_id"]))


def levers(request):
    library = computations.lever_library()
    choice = _choice(request)
    lang = page_lang()
    options = [{"id": k, "name": labels.label("lever", k, lang), "low": v.low, "high": v.high,
                "strength": v.strength} for k, v in library.levers.items()]
    lever = library.levers[choice.lever]
    context = {
        "levers": sorted(options, key=lambda o: o["name"]),
        "lever": choice.lever, "lever_obj": lever, "strength": choice.strength, "material": choice.material,
        "materials": sorted(({"id": m, "name": labels.label("material", m, lang)} for m in _materials()),
                            key=lambda o: o["name"].lower()),
        "errors": choice.errors,
    }
    from crmradar.web.views.lever_range import range_context

    context.update(range_context(request))
    return render(request, "web/levers.html", context, status=422 if choice.errors else 200)


@permalink("levers", "levers-form")
def lever_panel(request):
    choice = _choice(request)
    if choice.errors:
        return render(request, "web/_lever_error.html", {"errors": choice.errors})
    parameters = {"scenario": "targets", "lever": choice.lever, "strength": choice.strength, "draws": EFFECT_DRAWS,
                  "seed": 20260616}
    job, waiting = job_or_progress(request, "lever", parameters)
    if waiting is not None:
        return waiting
    material = choice.material
    rows = [r for r in job.result["rows"] if r["material_id"] in (material, "total")]
    series = [r for r in rows if r["indicator"] == "primary_demand" and r["material_id"] == material]
    table = [r for r in rows if r["year"] in (2030, 2040, 2050)]
    lang = page_lang()
    title = _("Change in primary demand for %(material)s, %(lever)s at strength %(strength)s") % {
        "material": labels.label("material", material, lang), "lever": labels.label("lever", choice.lever, lang),
        "strength": numbers.format_number(choice.strength, lang)}
    return render(request, "web/_lever_panel.html", {"series": series, "table": table, "material": material,
                                                     "lever": choice.lever, "strength": choice.strength,
                                                     "title": title})


def lever_rank_panel(request):
    parameters = {"scenario": "targets", "draws": RANK_DRAWS, "seed": 20260616, "year": RANK_YEAR}
    job, waiting = job_or_progress(request, "lever_rank", parameters)
    if waiting is not None:
        return waiting
    lang = page_lang()
    total = [r | {"lever_name": labels.label("lever", r["lever"], lang)} for r in job.result["rows"]
             if r["indicator"] == "sr_weighted_demand" and r["material_id"] == "total"]
    figure = to_plotly(lever_ranking(total, RANK_YEAR, lang))
    return render(request, "web/_lever_rank.html", {"rows": total, "figure": figure, "year": RANK_YEAR,
                                                    "draws": RANK_DRAWS})
