"""Lever strength ranges on the levers page: the effect of one lever at the low end, the middle and the high end
of a range the user chooses (instead of the lever file's plausible range). Each strength is checked by the CLI's
own validator (``levers_io.check_strength``, as for ``crmradar levers effect --lever NAME:STRENGTH``) and computed
as the page's usual paired lever run (``lever`` job, task queue) — the same cached result as the single-strength
panel for the same strength."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.reports import labels, numbers
from crmradar.scenarios.levers_io import LeverError, check_strength
from crmradar.web import computations
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import job_or_progress
from crmradar.web.views.levers import DEFAULT_LEVER, DEFAULT_MATERIAL, EFFECT_DRAWS, _materials, parse_strength
from crmradar.web.views.permalink import permalink

TABLE_YEARS = (2030, 2040, 2050)


def range_choice(request) -> tuple[dict, list[float], dict[str, str]]:
    """(values, strengths low/middle/high, field errors) of the range form."""
    library = computations.lever_library()
    lang = page_lang()
    values = {"lever": request.GET.get("lever", DEFAULT_LEVER), "material": request.GET.get("material",
                                                                                           DEFAULT_MATERIAL)}
    errors: dict[str, str] = {}
    if values["lever"] not in library.levers:
        errors["lever"] = _("Choose a lever from the list.")
        values["lever"] = DEFAULT_LEVER
    if values["material"] not in _materials():
        errors["material"] = _("Choose a material from the list.")
        values["material"] = DEFAULT_MATERIAL
    lever = library.levers[values["lever"]]
    low_high = []
    for field, default in (("low", lever.low), ("high", lever.high)):
        text = request.GET.get(field)
        value = parse_strength(text, default)
        values[field] = default if value is None else value
        try:
            low_high.append(check_strength(library.levers, values["lever"], value, field))
        except LeverError:
            low, high = lever.bounds
            errors[field] = _("The strength must be a number from %(low)s to %(high)s.") % {
                "low": numbers.format_number(low, lang), "high": numbers.format_number(high, lang)}
    if not errors and low_high[0] >= low_high[1]:
        errors["high"] = _("The high end must be larger than the low end.")
    if errors:
        return values, [], errors
    low, high = low_high
    return values, [round(low, 3), round((low + high) / 2, 3), round(high, 3)], {}


@permalink("levers", "lever-range-form")
def lever_range_panel(request):
    values, strengths, errors = range_choice(request)
    if errors:
        return render(request, "web/_lever_range_error.html", {"errors": errors})
    lang = page_lang()
    material = values["material"]
    jobs, first_waiting = {}, None
    for strength in strengths:  # all three are queued at once; the panel polls the first one not yet done
        parameters = {"scenario": "targets", "lever": values["lever"], "strength": strength, "draws": EFFECT_DRAWS,
                      "seed": 20260616}
        job, waiting = job_or_progress(request, "lever", parameters)
        jobs[strength] = job
        first_waiting = first_waiting or waiting
    if first_waiting is not None:
        return first_waiting
    rows = []
    for strength, job in jobs.items():
        name = _("strength %(strength)s") % {"strength": numbers.format_number(strength, lang)}
        rows += [{"series": name, "strength": strength, "year": r["year"], "p5": r["change_p5"],
                  "p50": r["change_p50"], "p95": r["change_p95"]}
                 for r in job.result["rows"] if r["material_id"] == material and r["indicator"] == "primary_demand"]
    title = _("Change in primary demand for %(material)s, %(lever)s at strength %(low)s to %(high)s") % {
        "material": labels.label("material", material, lang), "lever": labels.label("lever", values["lever"], lang),
        "low": numbers.format_number(strengths[0], lang), "high": numbers.format_number(strengths[-1], lang)}
    table = [r | {"label": numbers.format_number(r["strength"], lang)}
             for r in sorted((r for r in rows if r["year"] in TABLE_YEARS), key=lambda r: (r["year"], r["strength"]))]
    return render(request, "web/_lever_range_panel.html", {"rows": rows, "table": table, "title": title,
                                                           "unit": labels.unit("t/yr", lang),
                                                           "strength_title": _("Strength")})


def range_context(request) -> dict:
    """Values, errors and (for a permalink with ``low``/``high``) the panel query of the range form."""
    given = "low" in request.GET or "high" in request.GET
    values, _strengths, errors = range_choice(request)
    return {"range": values, "range_errors": errors if given else {}, "range_given": given and not errors,
            "range_query": request.GET.urlencode() if given else ""}
