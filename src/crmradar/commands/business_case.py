"""``crmradar business-case PROJECT`` — NPV, IRR, payback and yearly margin of a recycling project with Monte
Carlo bands, from the regional recycling model's feedstock, package prices and marked cost assumptions.

    crmradar business-case sk_tes_rotterdam [--catchment zh|nl|nl-be-nrw] [--capacity T] [--draws 300]
                                            [--format table|csv|json]

Method and every assumption: docs/business-case.md.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import typer

from crmradar.commands._common import OutputFormat, console, emit, fail, load_scenario_spec

#: Recycling streams the business case can value (feedstock and recoverable content from the model).
STREAMS = ("li_ion_batteries",)


def business_case_command(
    project: str = typer.Argument(None, help="Project id of the package pipeline (regional_projects), "
                                  "e.g. sk_tes_rotterdam."),
    chain: str = typer.Option(None, "--chain", help="A value chain instead of one project: the summed "
                              "battery capacity of the pipeline projects in that chain (batteries)."),
    catchment: str = typer.Option("zh", "--catchment", help="zh, nl or nl-be-nrw: where the feedstock comes from."),
    capacity: float = typer.Option(None, "--capacity", help="Plant capacity, t/yr of feed (default: the "
                                   "project's published capacity)."),
    start_year: int = typer.Option(None, "--start-year", help="First operating year (default: the project's)."),
    scenario: str = typer.Option("targets", "--scenario", help="Regional scenario of the stock-flow model."),
    draws: int = typer.Option(300, "--draws", min=10, max=20_000, help="Monte Carlo draws."),
    seed: int = typer.Option(20260616, "--seed", help="Random seed (same seed, same result)."),
    view: str = typer.Option("summary", "--view", help="summary, years (margin per year) or tornado."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Business case of a battery-recycling project or chain: NPV/IRR/payback bands and a tornado."""
    from crmradar import data
    from crmradar.scenarios import business_case as bc
    from crmradar.scenarios import recycling
    from crmradar.scenarios.pipeline import parse_capacities
    from crmradar.scenarios.recovery_value import contained_prices

    if (project is None) == (chain is None):
        fail("give a PROJECT or --chain CHAIN (one of them)")
    if catchment not in recycling.CATCHMENT_REGIONS:
        fail(f"--catchment: {catchment!r} is not one of {', '.join(recycling.CATCHMENT_REGIONS)}")
    if view not in ("summary", "years", "tornado"):
        fail(f"--view: {view!r} is not summary, years or tornado")
    kb = data.load()
    table = kb["regional_projects"]
    rows = table.loc[table["project_id"] == project] if project else table.loc[table["chain"] == chain]
    if rows.empty:
        fail(f"{'project' if project else 'chain'} {project or chain!r} not in regional_projects "
             f"(projects: {', '.join(table['project_id'])}; chains: {', '.join(sorted(set(table['chain'])))})")
    stream_capacity = sum(t for caps in rows["capacities"] for s, i, t in parse_capacities(caps)
                          if s == "recycling" and i in STREAMS)
    plant_capacity = capacity if capacity is not None else stream_capacity
    if not plant_capacity or plant_capacity <= 0 or not math.isfinite(plant_capacity):
        fail(f"{project or chain}: no published recycling capacity of {', '.join(STREAMS)}; give --capacity")
    starts = [int(y) for y in rows["start_year"].dropna()]
    first_year = start_year or (min(starts) if starts else None)
    if first_year is None or not 2000 <= first_year <= 2100:
        fail("no start year published; give --start-year (2000-2100)")
    loaded, spec = load_scenario_spec(scenario, kb)
    flows = recycling.simulate_streams(spec, kb.product_masses, draws, seed)
    ratio = recycling.catchment_ratio(kb.catchment_population, catchment)
    stream = STREAMS[0]
    prices = contained_prices(kb.material_prices).set_index("material_id")
    raw = kb.material_prices.set_index("material_id")
    price_ranges, sources = {}, {}
    for material in sorted(m for s, m in flows.recoverable if s == stream):
        if material not in prices.index:
            continue
        row = prices.loc[material]
        point = float(row["usd_per_kg_contained"])
        chosen = raw.loc[[material]]
        chosen = chosen.loc[chosen["source_id"] == row["source_id"]].iloc[0]
        fraction = float(row["fraction"])
        low = float(chosen["low"]) / fraction if pd.notna(chosen["low"]) else point
        high = float(chosen["high"]) / fraction if pd.notna(chosen["high"]) else point
        price_ranges[material] = (low, point, high)
        sources[material] = f"{row['source_id']} ({row['product']}, {row['period']})"
    inputs = bc.BusinessCaseInputs(
        years=flows.years, feedstock=flows.feedstock[stream] * ratio,
        recoverable={m: v * ratio for (s, m), v in flows.recoverable.items() if s == stream and m in price_ranges},
        prices_usd_per_kg=price_ranges, capacity_t=float(plant_capacity), start_year=first_year)
    result = bc.run(inputs, seed)
    name = ", ".join(rows["name"])
    metadata = {
        "project": project, "chain": chain, "projects": rows["project_id"].tolist(), "name": name,
        "capacity_t_per_year": plant_capacity, "capacity_basis": "gross feed of li_ion_batteries",
        "start_year": first_year, "lifetime_years": bc.LIFETIME_YEARS, "catchment": catchment,
        "catchment_ratio_to_zuid_holland": round(ratio, 4), "scenario": loaded.id, "draws": draws, "seed": seed,
        "npv_meur": result["npv_meur"], "irr": result["irr"], "payback_years": result["payback_years"],
        "irr_undefined_share": result["irr_undefined_share"], "payback_never_share": result["payback_never_share"],
        "plant_scale_year": result["plant_scale_year"],
        "assumptions": [a.__dict__ for a in inputs.assumptions],
        "prices_usd_per_kg_contained": {m: {"low": lo, "point": pt, "high": hi, "source": sources[m]}
                                        for m, (lo, pt, hi) in price_ranges.items()},
        "method": "docs/business-case.md",
    }
    if view == "years":
        emit(result["yearly"], fmt, title=f"Business case {name}: per jaar (EUR mln, t/jaar)", metadata=metadata)
        return
    if view == "tornado":
        emit(result["tornado"], fmt, title=f"Business case {name}: tornado (NPV, EUR mln)", metadata=metadata)
        return
    summary = pd.DataFrame([
        {"grootheid": "NPV (EUR mln)", **result["npv_meur"]},
        {"grootheid": "IRR", **result["irr"]},
        {"grootheid": "terugverdientijd (jaar)", **result["payback_years"]},
        {"grootheid": "aanbod op fabrieksschaal (jaar)", **{k: (np.nan if v is None else v)
                                                         for k, v in result["plant_scale_year"].items()}},
    ])
    emit(summary, fmt, title=f"Business case {name} — {catchment}, {plant_capacity:,.0f} t/jaar, start "
         f"{first_year}, {draws} trekkingen (P5/P50/P95)", metadata=metadata)
    if fmt is OutputFormat.table:
        console.print(f"IRR niet bepaald in {result['irr_undefined_share']:.0%} van de trekkingen; niet terugverdiend "
                      f"binnen {bc.LIFETIME_YEARS} jaar in {result['payback_never_share']:.0%}. Kosten en "
                      "marktvoorwaarden zijn aannames met een bandbreedte (docs/business-case.md; --format json).")
        top = result["tornado"].head(3)
        console.print("Grootste invloed op de NPV: " + "; ".join(
            f"{r.input} ({r.npv_at_low_meur:,.1f} tot {r.npv_at_high_meur:,.1f})" for r in top.itertuples()))


def register(app: typer.Typer) -> None:
    app.command("business-case")(business_case_command)
