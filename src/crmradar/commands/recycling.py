"""``crmradar recycling``: end-of-life feedstock per stream versus recycling capacity and plant scale."""

from __future__ import annotations

import enum
import json
import time
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from crmradar import data as kb_data
from crmradar.commands._common import (
    OutputFormat,
    cli_language,
    console,
    emit,
    fail,
    load_scenario_spec,
    write_table_atomic,
)
from crmradar.reports import labels
from crmradar.reports.recycling_names import headlines, note, terminal_table, title
from crmradar.scenarios import recycling
from crmradar.scenarios.recycling_report import EXISTING, WITH_PLANNED, recycling_tables

ASSUMPTIONS = [
    "Feedstock per stream = units reaching end of life in the regional model × product mass per unit "
    "(product_masses; triangular, sampled per draw); kWh per vehicle is the model's own draw of the battery size.",
    "All end-of-life products are counted as feedstock in the year they retire: no export of used vehicles, "
    "no second-life use of batteries, no hoarding of PV modules or ICT; collection losses are not subtracted.",
    "li_ion_batteries includes every battery of the model's chemistry mix (also sodium-ion, lead-acid, flow and "
    "NaS stationary batteries), so it overstates Li-ion feedstock where those chemistries have a share.",
    "Permanent magnets = rare earths (Nd, Pr, Dy, Tb) at end of life in wind turbines and EV motors / rare-earth "
    "mass fraction of NdFeB; magnets in ICT, heat pumps and other products are not counted.",
    "weee covers only ICT and consumer electronics (UNU-KEYs 0301–0309); heat pumps and large household "
    "equipment are not in the stream.",
    "Catchments beyond Zuid-Holland: Zuid-Holland's feedstock × population ratio (catchment_population); "
    "assumes Zuid-Holland's per-capita end-of-life flows hold for NL, Belgium and NRW (offshore wind "
    "landing in Zuid-Holland makes this too high for magnets, higher PV per capita elsewhere too low for PV).",
    "Capacity gap = feedstock − summed published input capacity of the catchment's plants with the chosen "
    "statuses (plants without a published capacity count as 0; see n_without_capacity).",
    "Plant-scale year = first year the P50 feedstock reaches the minimum efficient scale (plant_scale, all "
    "assumptions); year_central_p95 / year_central_p5 are the years the P95 / P5 feedstock reach the central scale.",
    "Value = recoverable tonnes (end of life × collection × recycling efficiency) × one price per material "
    "per kg of contained element (USGS MCS 2026 rows first, then the lowest), in USD of 2025, not discounted; "
    "materials without a price are listed and not valued.",
]


class View(enum.StrEnum):
    summary = "summary"
    years = "years"
    value = "value"


def recycling_command(
    scenario: str = typer.Option("targets", "--scenario", help="Shipped scenario id or path to a YAML file."),
    catchment: list[str] = typer.Option(
        None, "--catchment", help="zh, nl or nl-be-nrw (repeat for several; default: all three)."),
    view: View = typer.Option(View.summary, "--view", help="summary (plant-scale years), years (gaps), value"),
    planned: bool = typer.Option(False, "--with-planned", help="Count plants under construction and planned."),
    draws: int = typer.Option(1000, "--draws", min=1, max=200_000, help="Monte Carlo draws."),
    seed: int = typer.Option(20260616, "--seed", help="Random seed (same seed, same result)."),
    out: Path = typer.Option(None, "--out", help="Also write the view to .csv/.parquet (+ .json metadata)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Urban mine vs recycling capacity: end-of-life feedstock per stream, capacity gaps, plant-scale years."""
    catchments = list(dict.fromkeys(catchment or recycling.CATCHMENT_REGIONS))
    unknown = [c for c in catchments if c not in recycling.CATCHMENT_REGIONS]
    if unknown:
        fail(f"unknown catchment {', '.join(map(repr, unknown))}; allowed: {', '.join(recycling.CATCHMENT_REGIONS)}")
    if out is not None and out.suffix.lower() not in (".csv", ".parquet"):
        fail(f"--out must end in .csv or .parquet, got '{out.name}'")
    kb = kb_data.load()
    loaded, spec = load_scenario_spec(scenario, kb)
    statuses = WITH_PLANNED if planned else EXISTING
    started = time.perf_counter()
    with Progress(TextColumn("[bold]Monte Carlo"), BarColumn(), TextColumn("{task.completed}/{task.total} draws"),
                  TimeElapsedColumn(), console=console, transient=True, disable=fmt is not OutputFormat.table) as bar:
        task = bar.add_task("draws", total=draws)
        flows = recycling.simulate_streams(spec, kb.product_masses, draws, seed,
                                           progress=lambda done, total: bar.update(task, completed=done))
    try:
        frames, prices, unpriced = recycling_tables(flows, kb, catchments, statuses)
    except ValueError as error:
        fail(str(error))
    metadata = _metadata(loaded, spec, kb, catchments, statuses, draws, seed, time.perf_counter() - started,
                         prices, unpriced, view)
    frame = frames[view.value]
    if out is not None:
        write_table_atomic(frame, out, metadata)
    if fmt is not OutputFormat.table:
        emit(frame, fmt, metadata=metadata)
        return
    lang = cli_language()
    scenario_name = labels.label("scenario", loaded.id, lang)
    emit(terminal_table(frame, view.value, lang), fmt, title=title(view.value, scenario_name, draws, lang),
         metadata=metadata, lang=lang)
    if view is View.summary:
        for line in headlines(frames[View.summary], lang):
            console.print(line, highlight=False)
    if out is not None:
        console.print(f"[green]✓[/] wrote {out} (+ {out.name}.json with metadata and assumptions)")
    console.print(f"[dim]{note(lang)}[/]")


def _metadata(loaded, spec, kb, catchments, statuses, draws, seed, seconds, prices, unpriced, view) -> dict:
    population = kb.catchment_population
    ratios = {c: round(recycling.catchment_ratio(population, c), 4) for c in catchments}
    used_prices = prices.assign(usd_per_kg_contained=prices["usd_per_kg_contained"].round(4))
    return {
        "scenario": loaded.id, "region": loaded.data["region"], "view": str(view), "draws": draws, "seed": seed,
        "seconds": round(seconds, 2), "catchments": catchments, "capacity_statuses": list(statuses),
        "units": {"feedstock": "t/yr of product (gross weight)", "capacity": "t/yr of input", "gap": "t/yr",
                  "recoverable": "t/yr of contained element", "value": "USD million (2025 prices) per year"},
        "catchment_ratio_to_zuid_holland": ratios,
        "catchment_population": json.loads(population.to_json(orient="records", date_format="iso")),
        "product_masses": json.loads(kb.product_masses.drop(columns="note").to_json(orient="records")),
        "plant_scale": json.loads(kb.plant_scale.drop(columns="note").to_json(orient="records")),
        "prices": json.loads(used_prices.to_json(orient="records")),
        "unpriced_materials": unpriced,
        "assumptions": ASSUMPTIONS + list(spec.metadata.get("assumptions", [])),
    }


def register(app: typer.Typer) -> None:
    app.command("recycling")(recycling_command)
