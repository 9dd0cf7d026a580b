"""Urban mine vs recycling capacity: when end-of-life feedstock reaches a plant's minimum scale."""

from __future__ import annotations

import re

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.reports import labels, numbers
from crmradar.web import computations
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import job_or_progress
from crmradar.web.views.permalink import permalink

DRAWS = 200
CATCHMENTS = ("zh", "nl", "nl-be-nrw")


def _scenario(request) -> str:
    scenario = request.GET.get("scenario", "targets")
    if scenario not in computations.SCENARIOS:
        raise Http404(_("Unknown scenario"))
    return scenario


def recycling(request):
    catchment = request.GET.get("catchment", "zh")
    if catchment not in CATCHMENTS:
        raise Http404(_("Unknown catchment"))
    lang = page_lang()
    return render(request, "web/recycling.html", {
        "scenarios": [{"id": s, "name": labels.label("scenario", s, lang)} for s in computations.SCENARIOS],
        "scenario": _scenario(request), "catchments": [{"id": c, "name": labels.label("catchment", c, lang)}
                                                      for c in CATCHMENTS],
        "catchment": catchment})


def year_text(text, lang: str) -> str:
    """'2030', '2025 or earlier', 'not before 2050' (crmradar.scenarios.recycling_report) in the page language."""
    text = str(text or "")
    if match := re.fullmatch(r"(\d{4}) or earlier", text):
        return _("%(year)s or earlier") % {"year": match.group(1)}
    if match := re.fullmatch(r"not before (\d{4})", text):
        return _("not before %(year)s") % {"year": match.group(1)}
    return text or "–"


def _year_order(text: str) -> tuple[int, str]:
    """Earliest first: '2025 or earlier' < '2031' < 'not before 2050'."""
    digits = re.search(r"\d{4}", text)
    year = int(digits.group(0)) if digits else 9999
    return (year - 1 if "earlier" in text else year + 1 if "not before" in text else year, text)


def summary_rows(summary: list[dict], last: int, lang: str) -> list[dict]:
    out = []
    for row in summary:
        scale = numbers.format_number(row["scale_central_t"], lang)
        if row.get("scale_low_t") is not None and row.get("scale_high_t") is not None:
            scale += f" ({numbers.format_range(row['scale_low_t'], row['scale_high_t'], lang)})"
        years = sorted({str(row["year_central_p5"]), str(row["year_central_p95"])}, key=_year_order)
        out.append({
            "stream": labels.label("input_stream", row["input_stream"], lang),
            "plant": labels.label("plant_type", row["plant_type"], lang) if row.get("plant_type") else "–",
            "scale": scale,
            "year": year_text(row["year_central"], lang),
            "year_range": " – ".join(year_text(y, lang) for y in years),
            "capacity": numbers.format_number(row["capacity_existing_t"], lang),
            "feedstock": numbers.format_number(row.get(f"feedstock_{last}_p50_t"), lang),
            "gap": numbers.format_number(row.get(f"gap_{last}_p50_t"), lang),
            "value": numbers.format_number(row.get(f"value_{last}_p50_musd"), lang),
        })
    return out


@permalink("recycling", "recycling-form")
def recycling_panel(request):
    catchment = request.GET.get("catchment", "zh")
    if catchment not in CATCHMENTS:
        raise Http404(_("Unknown catchment"))
    parameters = {"scenario": _scenario(request), "draws": DRAWS, "seed": 20260616}
    job, waiting = job_or_progress(request, "recycling", parameters)
    if waiting is not None:
        return waiting
    lang = page_lang()
    summary = [r for r in job.result["summary"] if r["catchment"] == catchment]
    years = [r | {"stream_name": labels.label("input_stream", r["input_stream"], lang)}
             for r in job.result["years"] if r["catchment"] == catchment]
    last = max((r["year"] for r in years), default=2050)
    return render(request, "web/_recycling_panel.html", {
        "summary": summary_rows(summary, last, lang), "years": years, "last": last, "catchment": catchment,
        "catchment_name": labels.label("catchment", catchment, lang),
        "scenario_name": labels.label("scenario", job.result["scenario"], lang), "result": job.result})
