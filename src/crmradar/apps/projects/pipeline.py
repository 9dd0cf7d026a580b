"""The shipped pipeline (package table ``regional_projects``) into the workspace, and the workspace pipeline
as rows for the CRMA calculator.

Loading is idempotent by project code (``project_id`` with dashes): a second load updates the items, an item
an analyst deleted stays deleted. Every loaded item names its package source in ``source``; operators that
are not yet organisations are created with the kind the table gives (start-ups and scale-ups included).
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from django.db import transaction

from crmradar.apps.consultation import services
from crmradar.apps.consultation.models import Organisation, ValueChain
from crmradar.apps.projects import capacities
from crmradar.apps.projects.models import Project
from crmradar.scenarios import pipeline as scenario_pipeline

SOURCE_PREFIX = "Datapakket regional_projects"


def _blank(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and value == "")


def project_code(project_id: str) -> str:
    return project_id.replace("_", "-")


def source_text(row, sources: pd.DataFrame) -> str:
    match = sources.loc[sources["id"] == row["source_id"]]
    cited = row["source_id"]
    if not match.empty:
        source = match.iloc[0]
        cited = f"{row['source_id']}: {source['publisher']}, {source['title']} ({source['url']})"
    return f"{SOURCE_PREFIX} · {cited}"[:500]


def load_package_projects(kb, user) -> dict[str, int]:
    """Create or update one workspace project per row of ``regional_projects``; returns created/updated counts."""
    table, sources = kb["regional_projects"], kb["sources"]
    counts = {"created": 0, "updated": 0, "deleted_kept": 0}
    with transaction.atomic():
        for _, row in table.iterrows():
            operator = Organisation.all_objects.filter(name=row["operator"]).first()
            if operator is None:
                operator = services.save_item(Organisation(name=row["operator"], kind=row["operator_kind"],
                                                           published=True), user)
            code = project_code(row["project_id"])
            item = Project.all_objects.filter(code=code).first()
            if item is not None and item.deleted_at is not None:
                counts["deleted_kept"] += 1
                continue
            counts["updated" if item else "created"] += 1
            item = item or Project(code=code)
            item.name, item.operator = row["name"], operator
            item.chain = ValueChain.objects.filter(code=row["chain"]).first() or item.chain
            item.municipality = "" if _blank(row["municipality"]) else row["municipality"]
            item.port_area = "" if _blank(row["port_area"]) else row["port_area"]
            item.latitude = None if _blank(row["latitude"]) else float(row["latitude"])
            item.longitude = None if _blank(row["longitude"]) else float(row["longitude"])
            item.stage = row["stage"]
            item.start_year = None if _blank(row["start_year"]) else int(row["start_year"])
            item.capacities = "" if _blank(row["capacities"]) else row["capacities"]
            item.capex_low_meur = None if _blank(row["capex_low_meur"]) else float(row["capex_low_meur"])
            item.capex_high_meur = None if _blank(row["capex_high_meur"]) else float(row["capex_high_meur"])
            item.jobs = None if _blank(row["jobs"]) else int(row["jobs"])
            item.funding = "" if _blank(row["funding"]) else row["funding"]
            item.crma_status = row["crma_status"]
            date = row["crma_decision_date"]
            item.crma_decision_date = None if _blank(date) else dt.date.fromisoformat(str(date)[:10])
            notes = [n for n in (row["capacity_note"], row["note"]) if not _blank(n)]
            item.description = " ".join(notes)
            item.source = source_text(row, sources)
            item.published = True
            services.save_item(item, user)
    return counts


def pipeline_frame(projects, annex_entries: pd.DataFrame, min_stage: str = "financiering") -> pd.DataFrame:
    """Contained-material capacities of the workspace projects at ``min_stage`` or later, as rows for the CRMA
    calculator (:func:`crmradar.scenarios.pipeline.pipeline_frame`; gross-input entries are not counted)."""
    return scenario_pipeline.pipeline_frame(workspace_frame(projects), annex_entries, min_stage)[0]


def workspace_frame(projects) -> pd.DataFrame:
    """Workspace projects as the pipeline rows the scenarios read (code, name, stage, start_year, capacities)."""
    return pd.DataFrame([{"code": p.code, "name": p.name, "stage": p.stage, "start_year": p.start_year,
                          "capacities": p.capacities} for p in projects],
                        columns=["code", "name", "stage", "start_year", "capacities"])


__all__ = ["capacities", "load_package_projects", "pipeline_frame"]
