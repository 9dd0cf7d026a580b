"""The charts of the documents, built with the same chart specs (``crmradar.reports.charts``) and from the same
tables as the web pages: the risk matrix of the overview page, the CRMA benchmarks of the CRMA page (cited
pipeline), the demand bands of the energy page and the lever tornado of the levers page."""

from __future__ import annotations

import pandas as pd

from crmradar.data.loader import KnowledgeBase
from crmradar.reports import charts, labels
from crmradar.reports.crma_position import pipeline_position, records


def risk_chart(kb: KnowledgeBase, lang: str = "nl") -> charts.ChartSpec:
    """EI × SR of every assessed material (the official EU 2023 table, as the overview page)."""
    from crmradar.reports.risk_table import official_risk_table

    return charts.risk_matrix(records(official_risk_table(kb)), lang)


def crma_chart(kb: KnowledgeBase, lang: str = "nl") -> charts.ChartSpec:
    """EU capacity shares after the cited pipeline against the 2030 benchmarks (as the CRMA page)."""
    table, _contributions, _skipped = pipeline_position(kb)
    return charts.crma_benchmarks(records(table), lang)


def bands_chart(summary: pd.DataFrame, material_id: str, lang: str = "nl") -> charts.ChartSpec | None:
    """Demand, end of life and recoverable of one material with P5–P95 bands (as the energy page), or ``None``
    when the model has no demand for it."""
    rows = summary.loc[summary["material_id"] == material_id]
    if rows.empty:
        return None
    name = labels.label("material", material_id, lang)
    return charts.demand_bands(records(rows), name[:1].upper() + name[1:], lang)


def lever_chart(ranking: pd.DataFrame | None, indicator: str = "sr_weighted_demand", limit: int = 8,
                lang: str = "nl") -> charts.ChartSpec | None:
    """The lever tornado (as the levers page) from ``crmradar levers rank --format json`` rows, when they carry
    the tornado columns."""
    if ranking is None or ranking.empty or "tornado_low_p50" not in ranking.columns:
        return None
    rows = ranking.loc[(ranking["indicator"] == indicator) & (ranking["material_id"] == "total")]
    if rows.empty:
        return None
    return charts.lever_ranking(records(rows), int(rows["year"].iloc[0]), lang, limit=limit)
