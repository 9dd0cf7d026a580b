"""The page "Wat is er veranderd": changed key indicators between two data releases, with the size of each
change and the workspace items (chains, action points, projects) they touch."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from crmradar.apps.releases import services, trends
from crmradar.apps.releases.touched import touched_items
from crmradar.reports import labels
from crmradar.reports.charts import to_plotly
from crmradar.reports.indicators import subjects
from crmradar.reports.numbers import format_number, format_percent
from crmradar.web.access import ITEM, access
from crmradar.web.templatetags.crmradar_tags import page_lang

STAGE_INDICATORS = {"top_country_share", "crma_capacity_share"}


def _signed(text: str, value: float) -> str:
    return f"+{text}" if value > 0 else text


def _value(value, unit: str, lang: str) -> str:
    if value is None:
        return "–"
    if unit == "fraction":
        return format_percent(value, lang, decimals=1)
    return format_number(value, lang, significant=4)


def _detail(row, lang: str) -> str:
    if row["indicator"] in STAGE_INDICATORS:
        return labels.label("stage", row["detail"], lang)
    if row["subject_kind"] == "technology":
        return labels.label("region", row["detail"], lang)
    return row["detail"]


def _unit(unit: str, lang: str) -> str:
    return "" if unit in ("", "fraction", "count") else labels.unit(unit, lang)


def change_rows(frame, touched, lang: str) -> list[dict]:
    """The changes as display rows (names, Dutch numbers, touched chain names)."""
    out = []
    for row in frame.to_dict("records"):
        kind = "material" if row["subject_kind"] == "material" else "technology"
        delta = row["delta"]
        if delta is None:
            size = "–"
        elif row["unit"] == "fraction":
            size = _signed(format_number(100 * delta, lang, decimals=1), delta) + " " + _("percentage points")
        else:
            size = _signed(format_number(delta, lang, significant=3), delta)
        out.append({
            "subject": labels.label(kind, row["subject_id"], lang), "subject_id": row["subject_id"], "kind": kind,
            "indicator": labels.label("indicator", row["indicator"], lang), "detail": _detail(row, lang),
            "change": row["change"], "old": _value(row["old"], row["unit"], lang),
            "new": _value(row["new"], row["unit"], lang), "size": size, "unit": _unit(row["unit"], lang),
            "relative": "–" if row["relative"] is None else _signed(
                format_percent(row["relative"], lang, decimals=1), row["relative"]),
            "chains": ", ".join(touched.by_subject.get(row["subject_id"], [])) or "–",
            "source": row["source_id"]})
    return out


def _pick(releases, key: str, default):
    value = key and key.strip()
    if not value:
        return default
    found = next((r for r in releases if str(r.pk) == value), None)
    if found is None:
        raise Http404(_("Unknown data release"))
    return found


@access(ITEM)
def changes(request):
    lang = page_lang()
    releases = services.ensure_recorded()
    context = {"releases": releases, "rows": [], "touched": None, "old": None, "new": None}
    if len(releases) >= 2:
        old = _pick(releases, request.GET.get("van", ""), releases[-2])
        new = _pick(releases, request.GET.get("naar", ""), releases[-1])
        frame = services.changes(old, new)
        materials, technologies = subjects(frame)
        touched = touched_items(materials, technologies, request.user)
        context |= {"old": old, "new": new, "rows": change_rows(frame, touched, lang), "touched": touched,
                    "chain_url": reverse("consultation:list", args=["ketens"])}
    context["trend"] = trends.workspace_trend(releases, request.user, lang)
    if context["trend"] is not None:
        context["trend_figure"] = to_plotly(context["trend"])
    return render(request, "releases/changes.html", context)
