"""Indicator trends across releases for the dashboard: the supply risk (SR) of the materials of the value chains
the user may see, one line per material, from the values stored per release."""

from __future__ import annotations

from crmradar.apps.releases import services
from crmradar.reports import labels
from crmradar.reports.charts import ChartSpec, release_trend

TREND_INDICATOR = "supply_risk"
MAX_MATERIALS = 8


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def chain_materials(user) -> list[str]:
    from crmradar.apps.consultation.models import ValueChain
    from crmradar.apps.consultation.services import visible

    found: list[str] = []
    for chain in visible(ValueChain, user).order_by("name"):
        for material in chain.materials or []:
            if material not in found:
                found.append(material)
    return found


def workspace_trend(releases, user, lang: str = "nl") -> ChartSpec | None:
    """SR per release of the chains' materials (``None`` when no chain names a material with a stored SR)."""
    materials = chain_materials(user)
    if not releases or not materials:
        return None
    frame = services.trend(releases, materials, TREND_INDICATOR)
    if frame.empty:
        return None
    # materials whose value moved across the releases first, then the others, at most MAX_MATERIALS lines
    spread = frame.groupby("subject_id")["value"].agg(lambda v: v.max() - v.min())
    keep = sorted(spread.index, key=lambda m: (not spread[m] > 0, materials.index(m)))[:MAX_MATERIALS]
    frame = frame.loc[frame["subject_id"].isin(keep)]
    label = {r.pk: f"{r.load.loaded_at:%d-%m-%Y} · {r.digest[:7]}" for r in releases}
    order = {r.pk: i for i, r in enumerate(releases)}
    rank = {m: i for i, m in enumerate(keep)}
    frame = frame.assign(order=frame["release_id"].map(order), rank=frame["subject_id"].map(rank))
    frame = frame.sort_values(["rank", "order"])  # lines in the order of keep, points in release order
    rows = [{"release": label[r.release_id], "name": _capfirst(labels.label("material", r.subject_id, lang)),
             "value": r.value, "position": r.order} for r in frame.itertuples()]
    spec = release_trend(rows, labels.label("indicator", TREND_INDICATOR, lang), lang)
    return ChartSpec(**{**spec.__dict__, "source_ids": ["ec2023_crm_study"]})


def for_user(user, lang: str = "nl") -> dict:
    """The dashboard block: the trend chart as a Plotly figure and how many releases there are."""
    from crmradar.reports.charts import to_plotly

    releases = services.ensure_recorded()
    spec = workspace_trend(releases, user, lang)
    return {"count": len(releases), "figure": to_plotly(spec) if spec else None,
            "title": spec.title if spec else ""}
