"""Shock simulator: replay export controls from the register, two side by side (names, not ids)."""

from __future__ import annotations

from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.reports import labels, numbers, shock_names
from crmradar.web import services
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import job_or_progress
from crmradar.web.views.permalink import permalink

DRAWS = 200
DEFAULT_MEASURE = "cn_mofcom_2023_23"


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
    from crmradar.web.views.shock_custom import form_context

    return render(request, "web/shock.html", {"measures": measures, "a": chosen[0], "b": chosen[1:] and chosen[1],
                                              **form_context(request)})


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
    return render_result(request, job, names, api_query="&".join(f"measure={m}" for m in chosen))


def render_result(request, job, names: dict[str, str], api_query: str = ""):
    """The result table of a shock job (register measures or a custom shock), names instead of ids."""
    lang = page_lang()
    shock_labels = job.result["labels"]
    rows = []
    for row in job.result["rows"]:
        unit = row["unit"]
        cells = [shock_names.band_text(row.get(f"{label} p50"), row.get(f"{label} p5"), row.get(f"{label} p95"),
                                       unit, lang) for label in shock_labels]
        rows.append({"section": shock_names.section_name(row["section"], lang),
                     "item": shock_names.item_name(row["section"], row["item"], lang),
                     "unit": shock_names.unit_name(unit, lang), "cells": cells})
    fractions = [{"kind": labels.label("measure_type", kind, lang),
                  "range": numbers.format_range(100 * d["low"], 100 * d["high"], lang, decimals=0) + " %",
                  "mode": numbers.format_number(100 * d["mode"], lang, decimals=0) + " %"}
                 for kind, d in job.result["metadata"]["default_fractions"].items()]
    headers = [names.get(label, label) for label in shock_labels]
    return render(request, "web/_shock_panel.html", {"labels": headers, "rows": rows, "fractions": fractions,
                                                     "result": job.result, "api_query": api_query})
