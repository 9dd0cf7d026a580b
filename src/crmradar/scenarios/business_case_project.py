"""The business case of a pipeline project or chain: its plant (capacity, start year) from ``regional_projects``,
feedstock from the regional recycling model in the chosen catchment, contained prices with their ranges from
``material_prices`` → :func:`crmradar.scenarios.business_case.run`.

One function for the command line (``crmradar business-case``) and the web panel (a queued computation), so
both give the same numbers for the same seed. Pure pandas/numpy; bad requests raise :class:`CaseError` with one
line naming the field.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from crmradar.scenarios import business_case as bc
from crmradar.scenarios import recycling
from crmradar.scenarios.pipeline import parse_capacities
from crmradar.scenarios.recovery_value import contained_prices

#: Recycling streams the business case can value (feedstock and recoverable content from the model).
STREAMS = ("li_ion_batteries",)


class CaseError(ValueError):
    """A request the business case cannot answer (unknown project, no capacity, no start year …)."""


def plant(projects: pd.DataFrame, project: str | None = None, chain: str | None = None,
          capacity: float | None = None, start_year: int | None = None) -> dict:
    """Rows, capacity (t/yr of gross feed) and first operating year of a project or of a chain's projects."""
    if (project is None) == (chain is None):
        raise CaseError("give a project or a chain (one of them)")
    rows = projects.loc[projects["project_id"] == project] if project else projects.loc[projects["chain"] == chain]
    if rows.empty:
        raise CaseError(f"{'project' if project else 'chain'} {project or chain!r} not in regional_projects")
    stream_capacity = sum(t for caps in rows["capacities"] for s, i, t in parse_capacities(caps)
                          if s == "recycling" and i in STREAMS)
    plant_capacity = capacity if capacity is not None else stream_capacity
    if not plant_capacity or plant_capacity <= 0 or not math.isfinite(plant_capacity):
        raise CaseError(f"{project or chain}: no published recycling capacity of {', '.join(STREAMS)}; "
                        "give a capacity")
    starts = [int(y) for y in rows["start_year"].dropna()]
    first_year = start_year or (min(starts) if starts else None)
    if first_year is None or not 2000 <= first_year <= 2100:
        raise CaseError("no start year published; give a start year (2000-2100)")
    return {"rows": rows, "capacity": float(plant_capacity), "start_year": int(first_year)}


def price_ranges(material_prices: pd.DataFrame, materials) -> tuple[dict, dict]:
    """(material → (low, point, high) USD/kg contained, material → source text) for ``materials`` with a price.

    The chosen row is :func:`contained_prices`' (USGS first); its ``low``/``high`` are divided by the same
    contained fraction as the point (lithium carbonate → Li); without a range low = high = point.
    """
    prices = contained_prices(material_prices).set_index("material_id")
    raw = material_prices.set_index("material_id")
    ranges, sources = {}, {}
    for material in sorted(materials):
        if material not in prices.index:
            continue
        row = prices.loc[material]
        point = float(row["usd_per_kg_contained"])
        chosen = raw.loc[[material]]
        chosen = chosen.loc[(chosen["source_id"] == row["source_id"])
                            & (chosen["market_basis"] == row["market_basis"])].iloc[0]
        fraction = float(row["fraction"])
        low = float(chosen["low"]) / fraction if pd.notna(chosen["low"]) else point
        high = float(chosen["high"]) / fraction if pd.notna(chosen["high"]) else point
        ranges[material] = (low, point, high)
        sources[material] = f"{row['source_id']} ({row['product']}, {row['period']})"
    return ranges, sources


def run_case(kb, spec, scenario_id: str, project: str | None = None, chain: str | None = None,
             catchment: str = "zh", capacity: float | None = None, start_year: int | None = None,
             draws: int = 300, seed: int = 20260616, progress=None, projects: pd.DataFrame | None = None
             ) -> tuple[dict, dict]:
    """(result of :func:`business_case.run`, metadata with every input, assumption, price and source).

    ``projects``: rows like ``regional_projects`` (project_id, name, chain, capacities, start_year); default the
    package table (the web passes the workspace register's projects)."""
    if catchment not in recycling.CATCHMENT_REGIONS:
        raise CaseError(f"catchment: {catchment!r} is not one of {', '.join(recycling.CATCHMENT_REGIONS)}")
    site = plant(kb["regional_projects"] if projects is None else projects, project, chain, capacity, start_year)
    flows = recycling.simulate_streams(spec, kb.product_masses, draws, seed, progress=progress)
    ratio = recycling.catchment_ratio(kb.catchment_population, catchment)
    stream = STREAMS[0]
    ranges, sources = price_ranges(kb.material_prices, [m for s, m in flows.recoverable if s == stream])
    inputs = bc.BusinessCaseInputs(
        years=flows.years, feedstock=flows.feedstock[stream] * ratio,
        recoverable={m: v * ratio for (s, m), v in flows.recoverable.items() if s == stream and m in ranges},
        prices_usd_per_kg=ranges, capacity_t=site["capacity"], start_year=site["start_year"])
    result = bc.run(inputs, seed)
    rows = site["rows"]
    metadata = {
        "project": project, "chain": chain, "projects": rows["project_id"].tolist(), "name": ", ".join(rows["name"]),
        "capacity_t_per_year": site["capacity"], "capacity_basis": "gross feed of li_ion_batteries",
        "start_year": site["start_year"], "lifetime_years": bc.LIFETIME_YEARS, "catchment": catchment,
        "catchment_ratio_to_zuid_holland": round(ratio, 4), "scenario": scenario_id, "draws": draws, "seed": seed,
        "npv_meur": result["npv_meur"], "irr": result["irr"], "payback_years": result["payback_years"],
        "irr_undefined_share": result["irr_undefined_share"], "payback_never_share": result["payback_never_share"],
        "plant_scale_year": result["plant_scale_year"],
        "assumptions": [a.__dict__ for a in inputs.assumptions],
        "prices_usd_per_kg_contained": {m: {"low": lo, "point": pt, "high": hi, "source": sources[m]}
                                        for m, (lo, pt, hi) in ranges.items()},
        "method": "docs/business-case.md",
    }
    return result, metadata


def to_json(result: dict, metadata: dict) -> dict:
    """The result as plain JSON (the web's cached computation): tables as records, NaN as None."""
    def clean(value):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [clean(v) for v in value]
        if isinstance(value, (np.floating, np.integer)):
            return clean(value.item())
        return value

    return clean({"metadata": metadata,
                  "yearly": result["yearly"].round(6).to_dict(orient="records"),
                  "tornado": result["tornado"].round(6).to_dict(orient="records")})
