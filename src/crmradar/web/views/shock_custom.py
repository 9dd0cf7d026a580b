"""Custom export-control shocks on the shocks page: the form fields of ``crmradar shock --country … --material …
--stage … --fraction … --from … --until … --targets …``, checked by the same code
(:mod:`crmradar.scenarios.shock_custom`) and replayed by the task queue (``custom_shock`` job) like a register
measure. Invalid input gives a Dutch (or English) field error, never a silent 404."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crmradar.reports import labels, numbers
from crmradar.scenarios.shock import ShockError
from crmradar.scenarios.shock_custom import custom_shock, error_field
from crmradar.scenarios.shock_replay import MODEL_YEARS
from crmradar.web import services
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import job_or_progress
from crmradar.web.views.levers import parse_strength
from crmradar.web.views.permalink import permalink
from crmradar.web.views.shock import DRAWS, render_result

FIELDS = ("country", "material", "stage", "fraction", "from", "until", "targets")
MAX_MATERIALS = 6
STAGES = ("processing", "extraction")
TARGETS = ("all", "EU27")
MESSAGES = {
    "country": gettext_lazy("Choose a country from the list."),
    "material": gettext_lazy("Choose 1 to 6 materials from the list."),
    "stage": gettext_lazy("Choose extraction or processing."),
    "fraction": gettext_lazy("The share must be a number from 0 to 1, for example 0.5 (half of the exports)."),
    "start": gettext_lazy("Give a year (2026) or year and month (2026-03) from %(first)s to %(last)s."),
    "until": gettext_lazy("Give a year or year and month that is not before the start."),
    "targets": gettext_lazy("Choose all countries or the EU27."),
}


def given(request) -> bool:
    """Does the address carry a custom shock (the permalink of the form)?"""
    return any(request.GET.get(f) for f in ("country", "material", "fraction"))


def _message(field: str) -> str:
    return str(MESSAGES[field]) % {"first": MODEL_YEARS[0], "last": MODEL_YEARS[1]}


def choice(request) -> tuple[dict, dict, dict[str, str]]:
    """(form values, job parameters, field errors) from the query string."""
    values = {f: request.GET.get(f, "").strip() for f in FIELDS if f != "material"}
    values["material"] = [m for m in dict.fromkeys(request.GET.getlist("material")) if m]
    values.setdefault("stage", "processing")
    values["stage"] = values["stage"] or "processing"
    values["targets"] = values["targets"] or "all"
    errors: dict[str, str] = {}
    fraction = parse_strength(values["fraction"], None) if values["fraction"] else None
    if fraction is None:
        errors["fraction"] = _message("fraction")
    if not values["material"] or len(values["material"]) > MAX_MATERIALS:
        errors["material"] = _message("material")
    if values["stage"] not in STAGES:
        errors["stage"] = _message("stage")
    if values["targets"] not in TARGETS:
        errors["targets"] = _message("targets")
    if not errors:
        try:
            custom_shock(services.knowledge_base(), values["country"], values["material"], values["stage"], fraction,
                         values["from"], values["until"] or None, values["targets"])
        except ShockError as error:
            field = error_field(error)
            errors[field] = _message(field)
    parameters = {"country": values["country"].upper(), "materials": values["material"], "stage": values["stage"],
                  "fraction": fraction, "start": values["from"], "until": values["until"],
                  "targets": values["targets"], "scenario": "targets", "draws": DRAWS, "seed": 20260616}
    return values, parameters, errors


def form_context(request) -> dict:
    """Options and current values of the custom-shock form on the shocks page."""
    kb = services.knowledge_base()
    lang = page_lang()
    values, _parameters, errors = choice(request) if given(request) else (
        {"country": "CHN", "material": ["gallium"], "stage": "processing", "fraction": "0.5", "from": "2026",
         "until": "2027", "targets": "all"}, {}, {})
    countries = kb.countries.loc[~kb.countries["is_aggregate"].fillna(False).astype(bool)]
    name = "name_nl" if lang == "nl" else "name_en"
    return {
        "custom": values, "custom_errors": errors, "custom_given": given(request),
        "custom_query": request.GET.urlencode() if given(request) else "",
        "countries": sorted(({"id": r.iso3, "name": getattr(r, name) or r.name_en}
                             for r in countries.itertuples(index=False)), key=lambda c: c["name"].lower()),
        "custom_materials": sorted(({"id": m, "name": labels.label("material", m, lang)} for m in kb.materials["id"]),
                                   key=lambda m: m["name"].lower()),
        "stages": [{"id": s, "name": labels.label("stage", s, lang)} for s in STAGES],
        "targets": [{"id": "all", "name": labels.label("target_countries", "all", lang)},
                    {"id": "EU27", "name": "EU27"}],
        "model_years": MODEL_YEARS,
    }


def shock_title(parameters: dict, lang: str) -> str:
    """The custom shock's column header: who stops how much of what, when."""
    period = parameters["start"] + (f" – {parameters['until']}" if parameters["until"] else "")
    return _("Your shock: %(country)s stops %(share)s of its exports of %(materials)s (%(stage)s), %(period)s") % {
        "country": labels.label("country", parameters["country"], lang),
        "share": numbers.format_percent(parameters["fraction"], lang),
        "materials": labels.join_names("material", parameters["materials"], lang),
        "stage": labels.label("stage", parameters["stage"], lang), "period": period}


@permalink("shock", "custom-shock-form")
def custom_shock_panel(request):
    _values, parameters, errors = choice(request)
    if errors:
        return render(request, "web/_custom_shock_error.html", {"errors": errors})
    job, waiting = job_or_progress(request, "custom_shock", parameters)
    if waiting is not None:
        return waiting
    names = {label: shock_title(parameters, page_lang()) for label in job.result["labels"]}
    return render_result(request, job, names)

