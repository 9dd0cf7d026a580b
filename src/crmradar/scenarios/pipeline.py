"""The project pipeline as input to the CRMA calculator, and how much each project moves the benchmarks.

Pure pandas, no Django: the rows come from the package table ``regional_projects`` or from the workspace
register ``projecten`` (``crmradar.apps.projects``), both with ``code, name, stage, start_year, capacities``.

A project counts from ``min_stage`` on (pipeline order idee < haalbaarheid < vergunning < financiering < bouw <
in_bedrijf; ``gestopt`` never counts). Capacity entries in tonnes of *contained* strategic raw material (a
material id of CRMA Annex I) move a benchmark. A gross-input entry of a stream with a published conversion
(``li_ion_batteries``: black-mass yield × black-mass metal content, :mod:`crmradar.scenarios.contained`) is
converted to contained nickel, cobalt and lithium, marked ``assumption`` with a low–high range
(``convert=False`` lists it as not counted instead); other gross-input entries are listed but not counted.

Contribution of project p to Annex I entry e at stage s (capacity a t/yr, consumption C t/yr)::

    share_added[p, e, s]   = a / C                    (low/high: a / C_high, a / C_low)
    gap_closed[p, e, s]    = share_added / (benchmark − share_before)     where the benchmark is not yet met
                             (low/high also span the capacity range of a converted entry: a_low / C_high …)
    third-country share    = the calculator run with p alone minus the run without projects (extraction for
                             extraction capacity; processing for processing and recycling capacity, because
                             recycled output replaces refined imports)
"""

from __future__ import annotations

import math

import pandas as pd

from crmradar.scenarios.contained import contained
from crmradar.scenarios.crma import crma_benchmark
from crmradar.scenarios.portfolio import strategic_material_entries

STAGE_ORDER = ("idee", "haalbaarheid", "vergunning", "financiering", "bouw", "in_bedrijf")
#: Pipeline stage → the calculator's project status.
CRMA_STATUS = {"idee": "announced", "haalbaarheid": "announced", "vergunning": "announced",
               "financiering": "planned", "bouw": "under_construction", "in_bedrijf": "operating",
               "gestopt": "cancelled"}
CAPACITY_STAGES = ("extraction", "processing", "recycling")
FRAME_COLUMNS = ["code", "name", "pipeline_stage", "stage", "material_id", "crma_entry", "capacity_t_per_year",
                 "start_year", "status", "capacity_low", "capacity_high", "capacity_basis"]
CONTRIBUTION_COLUMNS = [
    "code", "name", "pipeline_stage", "material_id", "crma_entry", "stage", "capacity_t_per_year", "consumption_t",
    "share_before", "share_added", "share_added_low", "share_added_high", "benchmark", "gap_closed",
    "cap_stage", "largest_third_country", "third_country_share_before", "third_country_share_after",
    "cap_exceeded_before", "cap_exceeded_after", "capacity_low", "capacity_high", "capacity_basis",
]


def parse_capacities(text) -> list[tuple[str, str, float]]:
    """``stage:id:tonnes|…`` → [(stage, id, tonnes)]; empty or missing gives []. Malformed entries raise."""
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return []
    out = []
    for raw in str(text).split("|"):
        if not raw.strip():
            continue
        stage, identifier, amount = (p.strip() for p in raw.split(":"))
        if stage not in CAPACITY_STAGES:
            raise ValueError(f"{raw!r}: unknown stage {stage!r}")
        out.append((stage, identifier, float(amount)))
    return out


def counted_stages(min_stage: str) -> tuple[str, ...]:
    if min_stage not in STAGE_ORDER:
        raise ValueError(f"unknown stage {min_stage!r} (one of {', '.join(STAGE_ORDER)})")
    return STAGE_ORDER[STAGE_ORDER.index(min_stage):]


def pipeline_frame(projects: pd.DataFrame, annex_entries: pd.DataFrame, min_stage: str = "financiering",
                   convert: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(counted, not_counted): capacity rows for the calculator, and every other project with the reason.

    ``projects`` needs columns code, name, stage, start_year, capacities.
    """
    allowed = counted_stages(min_stage)
    entries = strategic_material_entries(annex_entries)
    rows, skipped = [], []
    for project in projects.to_dict("records"):
        start = project.get("start_year")
        start = 0 if start is None or (isinstance(start, float) and math.isnan(start)) or start is pd.NA \
            else int(start)
        if project["stage"] not in allowed:
            skipped.append({"code": project["code"], "name": project["name"], "pipeline_stage": project["stage"],
                            "reason": f"stage {project['stage']} before {min_stage}", "kind": "stage",
                            "material_id": "", "tonnes": float("nan")})
            continue
        entries_of = parse_capacities(project.get("capacities"))
        for stage, identifier, tonnes in entries_of:
            converted = contained(identifier, tonnes) if convert else []
            for row in converted:
                if row["material_id"] in entries:
                    rows.append({"code": project["code"], "name": project["name"],
                                 "pipeline_stage": project["stage"], "stage": stage,
                                 "material_id": row["material_id"], "crma_entry": entries[row["material_id"]],
                                 "capacity_t_per_year": row["capacity_t_per_year"], "start_year": start,
                                 "status": CRMA_STATUS[project["stage"]], "capacity_low": row["capacity_low"],
                                 "capacity_high": row["capacity_high"], "capacity_basis": row["basis"]})
            if converted:
                continue
            if identifier not in entries:
                skipped.append({"code": project["code"], "name": project["name"],
                                "pipeline_stage": project["stage"],
                                "reason": f"{stage} {identifier} {tonnes:g} t/yr: not a strategic raw material "
                                          "in contained tonnes (gross input or non-strategic), not counted",
                                "kind": "not_contained", "material_id": identifier, "tonnes": tonnes})
                continue
            rows.append({"code": project["code"], "name": project["name"], "pipeline_stage": project["stage"],
                         "stage": stage, "material_id": identifier, "crma_entry": entries[identifier],
                         "capacity_t_per_year": tonnes, "start_year": start,
                         "status": CRMA_STATUS[project["stage"]], "capacity_low": tonnes, "capacity_high": tonnes,
                         "capacity_basis": "reported contained capacity"})
        if not entries_of:
            skipped.append({"code": project["code"], "name": project["name"], "pipeline_stage": project["stage"],
                            "reason": "no capacity published", "kind": "no_capacity", "material_id": "",
                            "tonnes": float("nan")})
    return (pd.DataFrame(rows, columns=FRAME_COLUMNS),
            pd.DataFrame(skipped, columns=["code", "name", "pipeline_stage", "reason", "kind", "material_id",
                                           "tonnes"]))


def project_contributions(counted: pd.DataFrame, consumption_capacity: pd.DataFrame, benchmarks: pd.DataFrame,
                          supply_shares: pd.DataFrame, year: int) -> pd.DataFrame:
    """How much each counted capacity row moves its benchmark and the 65 % single-country cap (one row each)."""
    base = crma_benchmark(consumption_capacity, benchmarks, supply_shares, counted.iloc[0:0], year)
    base = base.set_index(["crma_entry", "stage"])
    rows = []
    for record in counted.to_dict("records"):
        if record["start_year"] > year:
            continue
        alone = crma_benchmark(consumption_capacity, benchmarks, supply_shares, pd.DataFrame([record]), year)
        alone = alone.set_index(["crma_entry", "stage"])
        key = (record["crma_entry"], record["stage"])
        if key not in base.index:
            continue
        before, after = base.loc[key], alone.loc[key]
        cap_stage = "extraction" if record["stage"] == "extraction" else "processing"
        cap_before, cap_after = base.loc[(record["crma_entry"], cap_stage)], alone.loc[(record["crma_entry"],
                                                                                          cap_stage)]
        gap = before["gap_before"]
        share_added = after["share_after"] - before["share_before"] if pd.notna(before["share_before"]) \
            else record["capacity_t_per_year"] / before["consumption_t"]
        capacity = record["capacity_t_per_year"]
        low_ratio = record.get("capacity_low", capacity) / capacity if capacity else 1.0
        high_ratio = record.get("capacity_high", capacity) / capacity if capacity else 1.0
        rows.append({
            "capacity_low": record.get("capacity_low", capacity),
            "capacity_high": record.get("capacity_high", capacity),
            "capacity_basis": record.get("capacity_basis", ""),
            "code": record["code"], "name": record["name"], "pipeline_stage": record["pipeline_stage"],
            "material_id": record["material_id"], "crma_entry": record["crma_entry"], "stage": record["stage"],
            "capacity_t_per_year": record["capacity_t_per_year"], "consumption_t": before["consumption_t"],
            "share_before": before["share_before"], "share_added": share_added,
            "share_added_low": (after["share_after_low"] - before["share_before"]) * low_ratio,
            "share_added_high": (after["share_after_high"] - before["share_before"]) * high_ratio,
            "benchmark": before["benchmark"],
            "gap_closed": share_added / gap if pd.notna(gap) and gap > 0 else float("nan"),
            "cap_stage": cap_stage, "largest_third_country": cap_before["largest_third_country"],
            "third_country_share_before": cap_before["third_country_share_before"],
            "third_country_share_after": cap_after["third_country_share_after"],
            "cap_exceeded_before": _exceeded(cap_before["third_country_share_before"], benchmarks),
            "cap_exceeded_after": cap_after["single_country_cap_exceeded_after"],
        })
    return pd.DataFrame(rows, columns=CONTRIBUTION_COLUMNS)


def _exceeded(share, benchmarks: pd.DataFrame):
    from crmradar.scenarios.crma import SINGLE_COUNTRY_BENCHMARK_ID

    if pd.isna(share):
        return pd.NA
    cap = benchmarks.loc[benchmarks["id"] == SINGLE_COUNTRY_BENCHMARK_ID, "value"]
    return bool(share > (float(cap.iloc[0]) if not cap.empty else 0.65))
