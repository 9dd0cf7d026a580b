"""What the region contributes to which target: per policy framework the action points and projects linked to
it, and per CRMA benchmark (strategic raw material × stage, Art. 5(1)(a)) and the 65 % single-country cap
(Art. 5(1)(b)) the workspace projects that move it and the action points that name the material — and what
nothing covers yet.

A benchmark row is covered by a *project* when a workspace project at ``min_stage`` or later has a capacity in
contained tonnes of that entry's material at that stage (its share of EU consumption = capacity / consumption,
:func:`crmradar.scenarios.pipeline.project_contributions`); by an *action point* when a live action point names
a material of that Annex I entry. A framework is covered when at least one live action point is linked to it.
"""

from __future__ import annotations

import pandas as pd

from crmradar.apps.projects.pipeline import workspace_frame
from crmradar.scenarios.crma import crma_benchmark
from crmradar.scenarios.pipeline import pipeline_frame, project_contributions
from crmradar.scenarios.portfolio import strategic_material_entries

STAGES = ("extraction", "processing", "recycling")


def framework_rows(frameworks, actions, projects) -> list[dict]:
    """Per framework: the visible live action points and projects linked to it, and whether it is covered."""
    rows = []
    for framework in frameworks:
        linked_actions = [a for a in actions if framework.pk in a.framework_ids]
        linked_projects = [p for p in projects if framework.pk in p.framework_ids]
        rows.append({"framework": framework, "actions": linked_actions, "projects": linked_projects,
                     "covered": bool(linked_actions)})
    return rows


def benchmark_rows(kb, projects, actions, min_stage: str = "financiering", year: int = 2030) -> list[dict]:
    """One row per Annex I entry and stage: benchmark, EU share before and with the workspace projects, the
    projects that add capacity (with their share), the action points that name the material, and the largest
    third country's share against the 65 % cap (extraction and processing)."""
    counted, _skipped = pipeline_frame(workspace_frame(projects), kb.crma_annex_entries, min_stage)
    table = crma_benchmark(kb.crma_consumption_capacity, kb.crma_benchmarks, kb.supply_shares, counted, year)
    contributions = project_contributions(counted, kb.crma_consumption_capacity, kb.crma_benchmarks,
                                          kb.supply_shares, year) if len(counted) else pd.DataFrame(
        columns=["crma_entry", "stage", "name", "share_added", "capacity_t_per_year"])
    entries = strategic_material_entries(kb.crma_annex_entries)
    acting: dict[str, list] = {}
    for action in actions:
        for entry in sorted({entries[m] for m in action.materials or [] if m in entries}):
            acting.setdefault(entry, []).append(action)
    rows = []
    for record in table.to_dict("records"):
        entry, stage = record["crma_entry"], record["stage"]
        adds = contributions.loc[(contributions["crma_entry"] == entry) & (contributions["stage"] == stage)]
        moving = [{"name": r["name"], "tonnes": r["capacity_t_per_year"], "share": r["share_added"],
                   "low": r.get("capacity_low"), "high": r.get("capacity_high"),
                   "assumption": str(r.get("capacity_basis") or "").startswith("assumption")}
                  for r in adds.to_dict("records")]
        rows.append({
            "entry": entry, "material_id": record["material_id"], "stage": stage,
            "benchmark": record["benchmark"], "share_before": record["share_before"],
            "share_after": record["share_after"], "gap_after": record["gap_after"],
            "projects": moving, "actions": acting.get(entry, []),
            "third_country": record.get("largest_third_country") if pd.notna(record.get("largest_third_country"))
            else None,
            "third_share_before": record.get("third_country_share_before"),
            "third_share_after": record.get("third_country_share_after"),
            "cap_exceeded": record.get("single_country_cap_exceeded_after"),
            "status": "project" if moving else "action" if acting.get(entry) else "uncovered",
        })
    return rows


def counts(rows: list[dict]) -> dict[str, int]:
    """How many benchmark rows a project moves, only an action point covers, and nothing covers."""
    out = {"project": 0, "action": 0, "uncovered": 0}
    for row in rows:
        out[row["status"]] += 1
    return out
