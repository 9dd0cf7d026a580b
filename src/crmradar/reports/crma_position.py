"""The EU's position against the CRMA benchmarks (Art. 5) after the cited regional project pipeline: one table for
the CRMA page and the documents (``scenarios.crma.crma_benchmark`` on the data package's ``regional_projects`` at
stage financing or later)."""

from __future__ import annotations

import pandas as pd

from crmradar.data.loader import KnowledgeBase

PIPELINE_MIN_STAGE = "financiering"


def pipeline_position(kb: KnowledgeBase, year: int = 2030, min_stage: str = PIPELINE_MIN_STAGE
                      ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(benchmark table, contribution per project, projects not counted) for the cited project pipeline of the
    data package (``regional_projects``) at ``min_stage`` or later (``crmradar.scenarios.pipeline``)."""
    from crmradar.scenarios.crma import crma_benchmark
    from crmradar.scenarios.pipeline import pipeline_frame, project_contributions

    counted, skipped = pipeline_frame(kb["regional_projects"].rename(columns={"project_id": "code"}),
                                      kb.crma_annex_entries, min_stage)
    table = crma_benchmark(kb.crma_consumption_capacity, kb.crma_benchmarks, kb.supply_shares, counted, year)
    contributions = project_contributions(counted, kb.crma_consumption_capacity, kb.crma_benchmarks,
                                          kb.supply_shares, year)
    return table, contributions, skipped


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts with missing values as ``None`` (what the pages and the chart builders take)."""
    clean = frame.astype(object).where(frame.notna(), None)
    return clean.to_dict(orient="records")
