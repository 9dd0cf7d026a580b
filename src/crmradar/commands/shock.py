"""``crmradar shock``: replay an export-control measure (or a custom one) against Zuid-Holland's transition."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import typer

from crmradar import data as kb_data
from crmradar.atomic import atomic_write_text
from crmradar.commands._common import OutputFormat, cli_language, console, emit, fail
from crmradar.region.scenario import ScenarioError, load_scenario
from crmradar.reports.labels import label as label_name
from crmradar.reports.shock_names import measure_name, shock_table
from crmradar.scenarios.shock import REROUTING, Shock, ShockError, fixed, parse_month, shock_from_measure
from crmradar.scenarios.shock_custom import check_years, custom_shock
from crmradar.scenarios.shock_replay import replay


def _levers(shock: Shock, rerouting: float | None, stockpile: float, substitution: float) -> Shock:
    lever = REROUTING if rerouting is None else fixed("rerouting", rerouting)
    return replace(shock, rerouting=lever, stockpile_months=stockpile, substitution=substitution)


def shock_command(
    measures: list[str] = typer.Option(None, "--measure", help="Measure id of the export-restrictions register "
                                                               "(repeat for side-by-side shocks)."),
    country: str = typer.Option(None, "--country", help="Custom shock: restricting country (ISO3)."),
    materials: list[str] = typer.Option(None, "--material", help="Custom shock: material id (repeatable)."),
    stage: str = typer.Option("processing", "--stage", help="Custom shock: extraction or processing."),
    fraction: float = typer.Option(None, "--fraction", help="Custom shock: share of exports stopped (0-1)."),
    start: str = typer.Option(None, "--from", help="Custom shock: first year or year-month in force."),
    until: str = typer.Option(None, "--until", help="Last year (or year-month) in force; for open-ended "
                                                    "register measures default: the current year."),
    targets: str = typer.Option("all", "--targets", help="Custom shock: 'all' or comma-separated ISO3 / EU27."),
    rerouting: float = typer.Option(None, "--rerouting", help="Share of lost volume rerouted (0-1); default: "
                                                              "assumption range 0-0.3."),
    stockpile: float = typer.Option(0.0, "--stockpile-months", help="Months of lost supply covered by stocks."),
    substitution: float = typer.Option(0.0, "--substitution-elasticity",
                                       help="Share of unmet material demand bridged by substitutes (0-1)."),
    scenario: str = typer.Option("targets", "--scenario", help="Zuid-Holland scenario id or YAML path."),
    draws: int = typer.Option(200, "--draws", min=1, max=100_000, help="Monte Carlo draws."),
    seed: int = typer.Option(20260616, "--seed", help="Random seed (same seed, same result)."),
    out: Path = typer.Option(None, "--out", help="Also write the table to .csv or .json (atomic)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Replay an export control: EU/NL shortfall, ZH deployment and value added at risk (P5-P50-P95)."""
    if out is not None and out.suffix.lower() not in (".csv", ".json"):
        fail(f"--out must end in .csv or .json, got '{out.name}'")
    for name, value in (("--rerouting", rerouting), ("--substitution-elasticity", substitution)):
        if value is not None and not 0.0 <= value <= 1.0:
            fail(f"{name}: {value} must lie between 0 and 1")
    if stockpile < 0 or not np.isfinite(stockpile):
        fail(f"--stockpile-months: {stockpile} must be a non-negative number")
    kb = kb_data.load()
    custom_given = any(v is not None for v in (country, materials or None, fraction, start))
    if not measures and not custom_given:
        fail("give --measure ID (see `crmradar shock --help`) or a custom shock with --country, --material, "
             "--fraction and --from")
    try:
        open_end = parse_month(until, "--until", last=True)[0] if until else date.today().year
        shocks = [shock_from_measure(kb, m, open_end) for m in dict.fromkeys(measures or [])]
        if custom_given:
            shocks.append(custom_shock(kb, country, materials, stage, fraction, start, until, targets))
        shocks = [_levers(s, rerouting, stockpile, substitution) for s in shocks]
        for shock in shocks:
            check_years(shock)
    except ShockError as error:
        fail(str(error))
    try:
        loaded = load_scenario(scenario, kb)
    except ScenarioError as error:
        fail(f"scenario has {len(error.problems)} problem(s): {error.problems[0]}; nothing was computed")
    try:
        frame, metadata, labels = replay(kb, loaded, shocks, draws, seed)
    except ShockError as error:
        fail(str(error))
    if out is not None:
        text = frame.to_csv(index=False) if out.suffix.lower() == ".csv" else json.dumps(
            {"metadata": metadata, "data": json.loads(frame.to_json(orient="records"))}, indent=2,
            ensure_ascii=False, default=str)
        atomic_write_text(out, text)
    if fmt is OutputFormat.table:
        lang = cli_language()
        names = {label: measure_name(kb.export_restrictions, label, lang) for label in labels}
        table = shock_table(frame, labels, names, lang)
        emit(table, fmt, title=TITLE[lang].format(scenario=label_name("scenario", loaded.id, lang), draws=draws),
             lang=lang)
        console.print(f"[dim]{NOTE[lang]}[/]", highlight=False)
    else:
        emit(frame, fmt, metadata=metadata)


TITLE = {"nl": "Exportbeperking tegen scenario {scenario}: mediaan (P5 tot P95), {draws} trekkingen",
         "en": "Export-control shock vs scenario {scenario}: median (P5 to P95), {draws} draws"}
NOTE = {"nl": "Aanvoer: deel van de jaarlijkse aanvoer dat wegvalt zolang de schok duurt. Uitrol, tonnen en "
              "toegevoegde waarde: totalen over de schokjaren. Toegevoegde waarde Zuid-Holland = EU × aandeel "
              "Zuid-Holland (aanname). Aannames: --format json.",
        "en": "Supply: share of annual supply lost while the shock bites. Deployment, tonnes and value added: "
              "totals over the shock years. ZH value added = EU × ZH share (assumption). Assumptions: --format json."}


def register(app: typer.Typer) -> None:
    app.command("shock")(shock_command)
