"""Shock simulator: replay export controls from the register, two side by side."""

from __future__ import annotations

from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.web import services
from crmradar.web.views._jobs import job_or_progress

DRAWS = 200


def _measures() -> list[dict]:
    register = services.knowledge_base().export_restrictions
    grouped = register.groupby("measure_id", sort=False).agg(
        country=("country_iso3", "first"), materials=("material_id", lambda v: ", ".join(sorted(set(v)))),
        since=("date_in_force", "min"), status=("status", "first"))
    grouped = grouped.sort_values("since")
    return [{"id": i, "label": f"{i} — {r.country}: {r.materials} ({str(r.since)[:10]}, {r.status})"}
            for i, r in grouped.iterrows()]


def shock(request):
    measures = _measures()
    known = {m["id"] for m in measures}
    chosen = [m for m in (request.GET.get("a") or "cn_mofcom_2023_23", request.GET.get("b", "")) if m]
    if any(m not in known for m in chosen):
        raise Http404(_("Unknown measure"))
    return render(request, "web/shock.html", {"measures": measures, "a": chosen[0], "b": chosen[1:] and chosen[1]})


def shock_panel(request):
    register = {m["id"] for m in _measures()}
    chosen = [m for m in dict.fromkeys((request.GET.get("a", ""), request.GET.get("b", ""))) if m]
    if not chosen or any(m not in register for m in chosen):
        raise Http404(_("Unknown measure"))
    parameters = {"measures": chosen, "scenario": "targets", "draws": DRAWS, "seed": 20260616,
                  "open_end_year": date.today().year}
    job, waiting = job_or_progress(request, "shock", parameters)
    if waiting is not None:
        return waiting
    labels = job.result["labels"]
    rows = []
    for row in job.result["rows"]:
        cells = [{"p5": row.get(f"{label} p5"), "p50": row.get(f"{label} p50"), "p95": row.get(f"{label} p95")}
                 for label in labels]
        rows.append({"section": row["section"], "item": row["item"], "unit": row["unit"], "cells": cells})
    return render(request, "web/_shock_panel.html", {"labels": labels, "rows": rows, "result": job.result})
