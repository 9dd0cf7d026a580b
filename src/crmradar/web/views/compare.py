"""Compare page: 2–6 materials (or scenarios) side by side in one chart, from the same results as the energy
and material pages (``crmradar.reports.compare``); the address bar keeps the choice (permalink)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crmradar.reports import compare, labels
from crmradar.web import computations, services
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import job_or_progress
from crmradar.web.views.energy import DEFAULT_DRAWS
from crmradar.web.views.permalink import permalink

DEFAULT = {"mode": "materials", "metric": "demand", "m": ["lithium", "cobalt", "nickel"], "s": ["targets"]}
SEED = 20260616  # the energy page's seed: the same cached computation serves both pages
TABLE_YEARS = (2025, 2030, 2035, 2040, 2045, 2050)
MESSAGES = {
    ("mode", "unknown"): gettext_lazy("Choose materials or scenarios."),
    ("metric", "unknown"): gettext_lazy("Choose a quantity from the list."),
    ("metric", "history_per_material"): gettext_lazy(
        "Supply risk and economic importance are the same in every scenario: compare materials instead."),
    ("m", "unknown"): gettext_lazy("Choose materials from the list."),
    ("m", "too_few"): gettext_lazy("Tick at least 2 materials."),
    ("m", "too_many"): gettext_lazy("Tick at most 6 materials."),
    ("m", "one"): gettext_lazy("Tick exactly one material to compare scenarios."),
    ("s", "unknown"): gettext_lazy("Choose scenarios from the list."),
    ("s", "too_few"): gettext_lazy("Tick at least 2 scenarios."),
    ("s", "too_many"): gettext_lazy("Tick at most 6 scenarios."),
    ("s", "one"): gettext_lazy("Tick exactly one scenario to compare materials."),
}


def _materials() -> list[str]:
    return sorted(set(services.knowledge_base().material_intensities["material_id"]))


def _choice(request) -> tuple[dict, compare.Selection | None, dict[str, str]]:
    """The form values (defaults when the page is opened without a query) and the checked selection or errors."""
    given = bool(request.GET)
    values = {
        "mode": request.GET.get("mode", DEFAULT["mode"]) if given else DEFAULT["mode"],
        "metric": request.GET.get("metric", DEFAULT["metric"]) if given else DEFAULT["metric"],
        "m": request.GET.getlist("m") if given else list(DEFAULT["m"]),
        "s": request.GET.getlist("s") if given else list(DEFAULT["s"]),
    }
    try:
        selection = compare.select(values["mode"], values["metric"], values["m"], values["s"], set(_materials()),
                                   computations.SCENARIOS)
    except compare.CompareError as error:
        return values, None, {error.field: str(MESSAGES[(error.field, error.code)])}
    return values, selection, {}


def _options(values: dict, lang: str) -> dict:
    materials = sorted(({"id": m, "name": labels.label("material", m, lang), "checked": m in values["m"]}
                        for m in _materials()), key=lambda o: o["name"].lower())
    scenarios = [{"id": s, "name": labels.label("scenario", s, lang), "checked": s in values["s"]}
                 for s in computations.SCENARIOS]
    metrics = [{"id": k, "name": compare.metric_name(k, lang)} for k in compare.METRICS]
    modes = [{"id": "materials", "name": _("materials (one scenario)")},
             {"id": "scenarios", "name": _("scenarios (one material)")}]
    return {"materials": materials, "scenarios": scenarios, "metrics": metrics, "modes": modes}


def compare_page(request):
    values, _selection, errors = _choice(request)
    lang = page_lang()
    query = request.GET.urlencode() if request.GET else _default_query()
    return render(request, "web/compare.html", {**_options(values, lang), "values": values, "errors": errors,
                                                 "query": query, "max_items": compare.MAX_ITEMS},
                  status=422 if errors else 200)


def _default_query() -> str:
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in DEFAULT.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query.urlencode()


def series_for(request, selection: compare.Selection, lang: str):
    """(rows, None) with the chart rows, or (None, progress response) while a scenario is still computing."""
    if selection.metric in compare.HISTORY_METRICS:
        history = {m: next(b["rows"] for b in services.profile(m) if b["key"] == "history")
                   for m in selection.materials}
        return compare.history_series(history, selection, lang), None
    results, first_waiting = {}, None
    for scenario in selection.scenarios:  # all are queued at once; the panel polls the first one not yet done
        job, waiting = job_or_progress(request, "demand", {"scenario": scenario, "draws": DEFAULT_DRAWS,
                                                           "seed": SEED})
        first_waiting = first_waiting or waiting
        if waiting is None:
            results[scenario] = job.result
    if first_waiting is not None:
        return None, first_waiting
    return compare.model_series(results, selection, lang), None


@permalink("compare", "compare-form")
def compare_panel(request):
    _values, selection, errors = _choice(request)
    if errors:
        return render(request, "web/_compare_error.html", {"errors": errors})
    lang = page_lang()
    rows, waiting = series_for(request, selection, lang)
    if waiting is not None:
        return waiting
    history = selection.metric in compare.HISTORY_METRICS
    table = rows if history else [r for r in rows if r["year"] in TABLE_YEARS]
    table = sorted(table, key=lambda r: (r["year"], r["series"]))
    names = [labels.label("material" if selection.mode == "materials" else "scenario", i, lang)
             for i in selection.items]
    metric = compare.metric_name(selection.metric, lang)
    if selection.mode == "materials" and not history:
        title = _("%(metric)s (t/yr): %(names)s, scenario %(scenario)s") % {
            "metric": metric, "names": ", ".join(names),
            "scenario": labels.label("scenario", selection.scenarios[0], lang)}
    elif selection.mode == "materials":
        title = _("%(metric)s: %(names)s") % {"metric": metric, "names": ", ".join(names)}
    else:
        title = _("%(metric)s (t/yr) of %(material)s: scenarios %(names)s") % {
            "metric": metric, "material": labels.label("material", selection.materials[0], lang),
            "names": ", ".join(names)}
    missing = [labels.label("material" if selection.mode == "materials" else "scenario", i, lang)
               for i in compare.missing_items(rows, selection)]
    return render(request, "web/_compare_panel.html", {
        "rows": rows, "table": table, "title": title, "history": history, "missing": missing,
        "unit": "" if history else labels.unit("t/yr", lang), "draws": DEFAULT_DRAWS,
        "series_header": _("Material") if selection.mode == "materials" else _("Scenario")})
