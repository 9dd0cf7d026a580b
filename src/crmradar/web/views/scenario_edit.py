"""Adjust a scenario on the web: the number of Monte Carlo draws and one anchor (year, value, low, high) of one
technology of a shipped scenario. The edited scenario is checked by the scenario-file validator
(:mod:`crmradar.region.scenario_edit`), computed by the task queue (``scenario_edit`` job) next to the unedited
scenario with the same draws and seed (``demand`` job, shared with the energy page), and shown as one chart."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crmradar.region.scenario import ScenarioError
from crmradar.region.scenario_edit import AnchorEdit, load_edited, problem_field, shipped_data
from crmradar.reports import labels, numbers, shock_names
from crmradar.web import computations, services
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import job_or_progress
from crmradar.web.views.levers import parse_strength
from crmradar.web.views.permalink import permalink

MIN_DRAWS, MAX_DRAWS, DEFAULT_DRAWS = 50, 2000, 500
SEED = 20260616
TABLE_YEARS = (2025, 2030, 2035, 2040, 2045, 2050)
DEFAULTS = {"scenario": "targets", "technology": "bev_car", "year": "2030", "material": "lithium",
            "draws": str(DEFAULT_DRAWS)}
MESSAGES = {
    "scenario": gettext_lazy("Choose a scenario from the list."),
    "technology": gettext_lazy("Choose a technology of this scenario."),
    "material": gettext_lazy("Choose a material from the list."),
    "draws": gettext_lazy("The number of draws must be a whole number from %(low)s to %(high)s."),
    "year": gettext_lazy("The year must be a whole number from %(first)s to %(last)s."),
    "value": gettext_lazy("The value must be a number of at least 0 (at most 10^12) between low and high."),
    "low": gettext_lazy("Low must be a number of at least 0 and not above the value."),
    "high": gettext_lazy("High must be a number not below the value (at most 10^12)."),
}


def _materials() -> list[str]:
    return sorted(set(services.knowledge_base().material_intensities["material_id"]))


def _anchor(data: dict, technology: str, year: int) -> dict | None:
    series = (data.get("technologies") or {}).get(technology) or {}
    return next((a for a in series.get("trajectory", []) if a.get("year") == year), None)


def _integer(text: str) -> int | None:
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def choice(request) -> tuple[dict, dict, dict[str, str]]:
    """(form values, job parameters, field errors); an anchor left empty keeps the scenario's own numbers."""
    values = {key: (request.GET.get(key, default) or default).strip() for key, default in DEFAULTS.items()}
    values.update({key: request.GET.get(key, "").strip() for key in ("value", "low", "high")})
    errors: dict[str, str] = {}
    if values["scenario"] not in computations.SCENARIOS:
        errors["scenario"] = str(MESSAGES["scenario"])
        values["scenario"] = DEFAULTS["scenario"]
    data = shipped_data(values["scenario"])
    if values["technology"] not in (data.get("technologies") or {}):
        errors["technology"] = str(MESSAGES["technology"])
    if values["material"] not in _materials():
        errors["material"] = str(MESSAGES["material"])
    draws = _integer(values["draws"])
    if draws is None or not MIN_DRAWS <= draws <= MAX_DRAWS:
        errors["draws"] = str(MESSAGES["draws"]) % {"low": MIN_DRAWS, "high": MAX_DRAWS}
    first, last = int(data["start_year"]), int(data["end_year"])
    year = _integer(values["year"])
    if year is None or not first <= year <= last:
        errors["year"] = str(MESSAGES["year"]) % {"first": first, "last": last}
    current = _anchor(data, values["technology"], year) if not errors else None
    numbers_given = {}
    for key in ("value", "low", "high"):
        if not values[key] and current is not None:
            values[key] = f"{current[key]:g}"
        number = parse_strength(values[key], None) if values[key] else None
        if number is None:
            errors.setdefault(key, str(MESSAGES[key]))
        numbers_given[key] = number
    edit = None
    if not errors:
        edit = AnchorEdit(values["technology"], year, numbers_given["value"], numbers_given["low"],
                          numbers_given["high"])
        try:
            load_edited(values["scenario"], [edit], services.knowledge_base())
        except ScenarioError as error:
            for problem in error.problems:
                field = problem_field(problem)
                errors.setdefault(field, str(MESSAGES[field]))
    parameters = {"scenario": values["scenario"], "draws": draws, "seed": SEED,
                  "edits": [edit.__dict__] if edit else []}
    return values, parameters, errors


def scenario_edit_page(request):
    values, _parameters, errors = choice(request)
    lang = page_lang()
    data = shipped_data(values["scenario"])
    technologies = sorted(({"id": t, "name": labels.label("technology", t, lang)} for t in data["technologies"]),
                          key=lambda o: o["name"].lower())
    series = data["technologies"].get(values["technology"]) or {}
    anchors = [{"year": a["year"], "text": numbers.format_estimate(a["value"], a["low"], a["high"], lang),
                "source": a.get("source")} for a in series.get("trajectory", [])]
    return render(request, "web/scenario_edit.html", {
        "values": values, "errors": errors, "technologies": technologies, "anchors": anchors,
        "unit": shock_names.unit_name(series.get("unit"), lang) if series else "",
        "technology_name": labels.label("technology", values["technology"], lang),
        "scenarios": [{"id": s, "name": labels.label("scenario", s, lang)} for s in computations.SCENARIOS],
        "materials": sorted(({"id": m, "name": labels.label("material", m, lang)} for m in _materials()),
                            key=lambda o: o["name"].lower()),
        "query": request.GET.urlencode(), "draw_limits": (MIN_DRAWS, MAX_DRAWS),
    }, status=422 if errors else 200)


@permalink("scenario_edit", "scenario-edit-form")
def scenario_edit_panel(request):
    values, parameters, errors = choice(request)
    if errors:
        return render(request, "web/_compare_error.html", {"errors": errors})
    base, base_waiting = job_or_progress(request, "demand", {"scenario": parameters["scenario"],
                                                             "draws": parameters["draws"], "seed": SEED})
    edited, edited_waiting = job_or_progress(request, "scenario_edit", parameters)
    if base_waiting is not None or edited_waiting is not None:
        return base_waiting or edited_waiting
    lang = page_lang()
    material = values["material"]
    name = labels.label("scenario", parameters["scenario"], lang)
    series_names = {"base": name, "edited": _("%(scenario)s with your change") % {"scenario": name}}
    rows = []
    for key, job in (("base", base), ("edited", edited)):
        rows += [{"series": series_names[key], "key": key, "year": r["year"], "p5": r["p5"], "p50": r["p50"],
                  "p95": r["p95"]} for r in job.result["materials"]
                 if r["material_id"] == material and r["metric"] == "demand"]
    edit = parameters["edits"][0]
    title = _("Demand for %(material)s in Zuid-Holland (t/yr): %(scenario)s with and without your change "
              "(%(technology)s %(year)s: %(value)s)") % {
        "material": labels.label("material", material, lang), "scenario": name,
        "technology": labels.label("technology", edit["technology"], lang), "year": edit["year"],
        "value": numbers.format_number(edit["value"], lang)}
    table = [r | {"label": r["series"]}
             for r in sorted((r for r in rows if r["year"] in TABLE_YEARS), key=lambda r: (r["year"], r["key"]))]
    return render(request, "web/_scenario_edit_panel.html", {"rows": rows, "table": table, "title": title,
                                                             "unit": labels.unit("t/yr", lang),
                                                             "scenario_title": _("Scenario"),
                                                             "draws": parameters["draws"]})
