"""Finished lever sweeps (``crmradar sweep``), newest first: the most robust lever combinations per sweep."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from crmradar.sweeps.store import finished

TOP = 10  # cells shown per sweep (lowest median change of SR-weighted demand)


@never_cache  # the list changes when a sweep finishes; the page cache would hide it for 10 minutes
def sweeps(request):
    rows = []
    for sweep in finished(Path(settings.HOME) / "sweeps"):
        summary = sweep["summary"].sort_values("sr_weighted_demand_change_p50").head(TOP)
        plan = sweep["metadata"].get("plan", {})
        rows.append({"id": sweep["id"], "scenarios": ", ".join(sweep["metadata"].get("scenarios", [])),
                     "year": plan.get("year"), "draws": plan.get("draws"), "cells": len(sweep["summary"]),
                     "material": sweep["metadata"].get("material", "all"),
                     "cells_top": summary.to_dict(orient="records")})
    return render(request, "web/sweeps.html", {"sweeps": rows})
