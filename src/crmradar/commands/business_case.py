"""``crmradar business-case PROJECT`` — NPV, IRR, payback and yearly margin of a recycling project with Monte
Carlo bands, from the regional recycling model's feedstock, package prices and marked cost assumptions.

    crmradar business-case sk_tes_rotterdam [--catchment zh|nl|nl-be-nrw] [--capacity T] [--draws 300]
                                            [--format table|csv|json]

Method and every assumption: docs/business-case.md.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import typer

from crmradar.commands._common import OutputFormat, console, emit, fail, load_scenario_spec


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
    from crmradar.scenarios.business_case_project import CaseError, run_case

    if view not in ("summary", "years", "tornado"):
        fail(f"--view: {view!r} is not summary, years or tornado")
    kb = data.load()
    loaded, spec = load_scenario_spec(scenario, kb)
    try:
        result, metadata = run_case(kb, spec, loaded.id, project, chain, catchment, capacity, start_year, draws, seed)
    except CaseError as error:
        fail(str(error).replace("give a capacity", "give --capacity").replace("give a start year",
                                                                               "give --start-year"))
    name, plant_capacity, first_year = metadata["name"], metadata["capacity_t_per_year"], metadata["start_year"]
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
