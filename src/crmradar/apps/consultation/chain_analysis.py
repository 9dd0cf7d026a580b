"""The live analysis next to a value chain: risk of its materials, export controls in force, recycling
capacity against plant scale, and regional demand and end-of-life bands from the cached Monte Carlo run."""

from __future__ import annotations

import pandas as pd
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from crmradar.reports import labels
from crmradar.reports.numbers import format_estimate, format_number

YEARS = (2030, 2040, 2050)


def _lang() -> str:
    return (get_language() or "nl")[:2]


def risk_rows(material_ids: list[str]) -> list[dict]:
    from crmradar.web import services

    table = services.risk_table()
    table = table.loc[table["material_id"].isin(material_ids)]
    lang = _lang()
    return [{
        "material_id": r["material_id"], "name": labels.label("material", r["material_id"], lang),
        "supply_risk": format_number(r["supply_risk"], lang, decimals=1),
        "economic_importance": format_number(r["economic_importance"], lang, decimals=1),
        "critical": _("yes") if r["crma_critical"] else _("no"),
        "strategic": _("yes") if r["crma_strategic"] else _("no"),
    } for _i, r in table.sort_values("material_id").iterrows()]


def export_controls(kb, material_ids: list[str]) -> list[dict]:
    frame = kb.export_restrictions
    frame = frame.loc[frame["material_id"].isin(material_ids) & (frame["status"] == "active")]
    lang = _lang()
    rows = []
    for _i, r in frame.sort_values(["material_id", "date_in_force"]).iterrows():
        in_force = r["date_in_force"]
        rows.append({
            "material": labels.label("material", r["material_id"], lang),
            "country": labels.label("country", r["country_iso3"], lang),
            "measure": labels.label("measure_type", r["measure_type"], lang),
            "in_force": in_force.strftime("%d-%m-%Y") if not pd.isna(in_force) else "",
        })
    return rows


def facility_status_label(status: str) -> str:
    return {"existing": _("in operation"), "under_construction": _("under construction"), "planned": _("planned"),
            "postponed": _("postponed")}.get(status, status.replace("_", " "))


def capacity_rows(kb, streams: list[str], facility_ids: list[str]) -> list[dict]:
    from crmradar.apps.consultation.labels import package_label

    facilities = kb.recycling_facilities
    chosen = facilities.loc[facilities["input_stream"].isin(streams) | facilities["facility_id"].isin(facility_ids)]
    scale = kb.plant_scale.groupby("input_stream")["min_efficient_scale_t_per_year"].min()
    lang = _lang()
    return [{
        "name": r["name"], "stream": package_label("recycling_streams", r["input_stream"]),
        "country": labels.label("country", r["country_iso3"], lang) if isinstance(r["country_iso3"], str) else "—",
        "capacity": format_number(r["capacity_t_per_year"], lang),
        "plant_scale": format_number(scale.get(r["input_stream"]), lang),
        "status": facility_status_label(r["status"]),
    } for _i, r in chosen.sort_values(["input_stream", "name"]).iterrows()]


def demand_bands(material_ids: list[str]) -> dict:
    """Demand and end-of-life (t/yr, P50 with P5–P95) from the default scenario's cached run, if it is ready."""
    from crmradar.web.views.energy import DEFAULT_DRAWS

    result = _cached("demand", {"scenario": "targets", "draws": DEFAULT_DRAWS, "seed": 20260616})
    if result is None:
        return {"ready": False, "rows": []}
    lang = _lang()
    rows = []
    for record in result["materials"]:
        if record["material_id"] in material_ids and record["metric"] in ("demand", "end_of_life") \
                and record["year"] in YEARS:
            rows.append({
                "material": labels.label("material", record["material_id"], lang),
                "metric": labels.label("metric", record["metric"], lang),
                "year": record["year"],
                "value": format_estimate(record.get("p50"), record.get("p5"), record.get("p95"), lang),
            })
    rows.sort(key=lambda r: (r["material"], r["metric"], r["year"]))
    return {"ready": True, "rows": rows}


def _cached(kind: str, parameters: dict):
    """The finished result of a background computation, or None while it runs (it is started if needed)."""
    from crmradar.web import services
    from crmradar.web.jobs import submit
    from crmradar.web.loading import package_hash

    digest = services.cached_package_hash(str(services.knowledge_base().path), package_hash)
    job = submit(kind, parameters, digest)
    return job.result if job.status == "done" else None


def feedstock_rows(streams: list[str]) -> dict:
    """Regional feedstock against the central minimum plant scale per catchment (recycling model, default
    scenario, the recycling page's draws): the year the median feedstock first reaches that scale."""
    from crmradar.web.views.recycling import DRAWS, year_text

    result = _cached("recycling", {"scenario": "targets", "draws": DRAWS, "seed": 20260616})
    if result is None:
        return {"ready": False, "rows": []}
    lang = _lang()
    last = max((r["year"] for r in result["years"]), default=2050)
    rows = []
    for r in result["summary"]:
        if r["input_stream"] not in streams:
            continue
        rows.append({
            "catchment": labels.label("catchment", r["catchment"], lang),
            "stream": labels.label("input_stream", r["input_stream"], lang),
            "plant_type": labels.label("plant_type", r["plant_type"], lang),
            "scale": format_number(r["scale_central_t"], lang),
            "year": year_text(r["year_central"], lang),
            "feedstock_last": format_number(r.get(f"feedstock_{last}_p50_t"), lang),
        })
    return {"ready": True, "rows": rows, "last_year": last}


def analysis(chain) -> dict:
    from crmradar.web import services

    kb = services.knowledge_base()
    return {
        "risk": risk_rows(chain.materials),
        "controls": export_controls(kb, chain.materials),
        "capacity": capacity_rows(kb, chain.recycling_streams, chain.facilities),
        "demand": demand_bands(chain.materials),
        "feedstock": feedstock_rows(chain.recycling_streams),
    }
