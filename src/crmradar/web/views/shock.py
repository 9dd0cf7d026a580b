"""Shock simulator: replay export controls from the register, two side by side (names, not ids)."""

from __future__ import annotations

from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crmradar.reports import labels, numbers
from crmradar.web import services
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import job_or_progress
from crmradar.web.views.permalink import permalink

DRAWS = 200
DEFAULT_MEASURE = "cn_mofcom_2023_23"
SECTIONS = {
    "supply": gettext_lazy("Supply shortfall while the shock bites"),
    "zh_material": gettext_lazy("Zuid-Holland raw-material demand not met"),
    "zh_deployment": gettext_lazy("Zuid-Holland deployment at risk"),
    "eu_value_added": gettext_lazy("EU value added exposed (EUR million)"),
    "zh_value_added": gettext_lazy("Zuid-Holland value added exposed (EUR million)"),
}
SUPPLY_ITEMS = {
    "EU supply shortfall": gettext_lazy("shortfall in EU supply"),
    "NL supply shortfall": gettext_lazy("shortfall in Dutch supply"),
    "months without stockpile cover": gettext_lazy("months without stockpile cover"),
    "ZH demand not met": gettext_lazy("Zuid-Holland demand not met"),
}
UNITS = {"fraction of supply": "%", "months": gettext_lazy("months"), "t": "t",
         "EUR million": gettext_lazy("EUR million"), "MW": "MW", "kWh": "kWh", "vehicles": gettext_lazy("vehicles"),
         "units": gettext_lazy("units"), "unit": gettext_lazy("units"), "persons": gettext_lazy("persons")}


def _measures() -> list[dict]:
    lang = page_lang()
    register = services.knowledge_base().export_restrictions
    grouped = register.groupby("measure_id", sort=False).agg(
        country=("country_iso3", "first"), materials=("material_id", lambda v: sorted(set(v))),
        since=("date_in_force", "min"), status=("status", "first"), kind=("measure_type", "first"))
    grouped = grouped.sort_values("since")
    return [{"id": i, "label": f"{labels.measure(r.country, r.since, r.kind, r.materials, lang)} "
                               f"({labels.label('status', r.status, lang)})"}
            for i, r in grouped.iterrows()]


def shock(request):
    measures = _measures()
    known = {m["id"] for m in measures}
    chosen = [m for m in (request.GET.get("a") or DEFAULT_MEASURE, request.GET.get("b", "")) if m]
    if any(m not in known for m in chosen):
        raise Http404(_("Unknown measure"))
    return render(request, "web/shock.html", {"measures": measures, "a": chosen[0], "b": chosen[1:] and chosen[1]})


def item_name(section: str, item: str, lang: str) -> str:
    """The English item of crmradar.scenarios.shock_impact as a name in the page language."""
    if section in ("supply", "zh_material") and ": " in item:
        material, what = item.split(": ", 1)
        return f"{labels.label('material', material, lang)}: {SUPPLY_ITEMS.get(what, what)}"
    if section == "zh_deployment":
        return labels.label("technology", item, lang)
    if section == "eu_value_added" and item != "total":
        code = item.split(" ", 1)[0]
        return f"{code} {labels.label('nace', code, lang)}"
    if section == "zh_value_added":
        return str(_("total (EU total × share of Zuid-Holland, an assumption)"))
    return str(_("total")) if item == "total" else item


def _value(value, unit: str, lang: str) -> str:
    if unit == "fraction of supply":
        return numbers.format_percent(value, lang)
    return numbers.format_number(value, lang)


@permalink("shock", "shock-form")
def shock_panel(request):
    names = {m["id"]: m["label"] for m in _measures()}
    chosen = [m for m in dict.fromkeys((request.GET.get("a", ""), request.GET.get("b", ""))) if m]
    if not chosen or any(m not in names for m in chosen):
        raise Http404(_("Unknown measure"))
    parameters = {"measures": chosen, "scenario": "targets", "draws": DRAWS, "seed": 20260616,
                  "open_end_year": date.today().year}
    job, waiting = job_or_progress(request, "shock", parameters)
    if waiting is not None:
        return waiting
    lang = page_lang()
    shock_labels = job.result["labels"]
    rows = []
    for row in job.result["rows"]:
        unit = row["unit"]
        cells = []
        for label in shock_labels:
            p5, p50, p95 = (row.get(f"{label} {p}") for p in ("p5", "p50", "p95"))
            text = "–" if p50 is None else _value(p50, unit, lang)
            if p50 is not None and p5 is not None and p95 is not None and not (p5 == p50 == p95):
                text += f" ({_value(p5, unit, lang)} {numbers.RANGE_WORD[lang]} {_value(p95, unit, lang)})"
            cells.append(text)
        rows.append({"section": SECTIONS.get(row["section"], row["section"]),
                     "item": item_name(row["section"], row["item"], lang),
                     "unit": UNITS.get(unit, unit), "cells": cells})
    fractions = [{"kind": labels.label("measure_type", kind, lang),
                  "range": numbers.format_range(100 * d["low"], 100 * d["high"], lang, decimals=0) + " %",
                  "mode": numbers.format_number(100 * d["mode"], lang, decimals=0) + " %"}
                 for kind, d in job.result["metadata"]["default_fractions"].items()]
    headers = [names.get(label, label) for label in shock_labels]
    return render(request, "web/_shock_panel.html", {"labels": headers, "rows": rows, "fractions": fractions,
                                                     "result": job.result})
