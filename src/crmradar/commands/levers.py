"""``crmradar levers`` — effect of policy levers against the baseline; ``levers rank`` and ``levers list``."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from crmradar import data as kb_data
from crmradar.commands._common import (
    OutputFormat,
    cli_language,
    console,
    emit,
    fail,
    fail_with_problems,
    load_scenario_spec,
    write_table_atomic,
)
from crmradar.reports import labels as names
from crmradar.reports.numbers import format_number
from crmradar.scenarios import levers as lever_model
from crmradar.scenarios.levers_effects import (
    INDICATORS,
    TOTALS,
    effect_table,
    label_of,
    paired_runs,
    rank_levers,
    risk_weights,
)
from crmradar.scenarios.levers_io import KINDS, LeverError, LeverLibrary, load_levers, parse_choices

HEADLINE_YEARS = (2030, 2040, 2050)
WEIGHT_ASSUMPTIONS = [
    "Lever strengths are fixed per run; the Monte Carlo interval is the P5–P95 of the paired difference lever − "
    "baseline over the model's uncertain inputs (common random numbers).",
    "Supply-risk weights: EC 2023 CRM assessment supply risk (criticality_official, year 2023); import dependence: "
    "primary demand × EC 2023 EU import reliance (the EU figure stands in for Zuid-Holland).",
    "GeoPolRisk weights: score of Dutch imports (latest year with a score) from the shipped production, trade and "
    "WGI tables; individual rare earths take the 'ree' score (trade data is by group); materials without a weight "
    "are left out of the weighted totals (listed under missing_weights).",
    "Levers of a package are applied in the order given; a later substitution acts on the share left by an earlier "
    "one.",
]

#: Most important first: on a narrow terminal the last ones are left out (and named under the table).
RANK_PRIORITY = ["indicator", "material_id", "rank", "lever", "change_p50", "relative_change_p50", "change_p5",
                 "change_p95", "baseline_p50", "strength", "unit", "tornado_low_p50", "tornado_high_p50"]
FULL_TABLE = {"nl": "--format csv of --out BESTAND.csv", "en": "--format csv or --out FILE.csv"}
NOTE = {
    "nl": "verschil = maatregel − basis per trekking (gemeenschappelijke toevalsgetallen); negatief = minder. "
          "Gewichten, eenheden en aannames: metadata van --format json.",
    "en": "change = lever − baseline per draw (common random numbers); negative = less. Weights, units and "
          "assumptions: --format json metadata.",
}

levers_app = typer.Typer(help="Policy levers: effect against the baseline, ranking, definitions.")


def _library(levers_file: Path | None, kb) -> LeverLibrary:
    known = {"technologies": set(kb.technologies["id"]), "materials": set(kb.materials["id"]),
             "sources": set(kb.sources["id"])}
    try:
        return load_levers(levers_file, known)
    except LeverError as error:
        fail_with_problems(error.problems, "lever file")


def _spec(scenario: str, kb):
    return load_scenario_spec(scenario, kb)


def _check_out(out: Path | None) -> None:
    if out is not None and out.suffix.lower() not in (".csv", ".parquet"):
        fail(f"--out must end in .csv or .parquet, got '{out.name}'")


def _metadata(loaded, spec, choices, weights, draws: int, seed: int) -> dict:
    missing = {name: sorted(weights.loc[weights[column].isna(), "material_id"])
               for name, (_unit, column) in INDICATORS.items() if column is not None}
    return {
        "scenario": loaded.id, "region": loaded.data["region"], "draws": draws, "seed": seed,
        "levers": [{"id": lever.id, "kind": lever.kind, "strength": strength, "meaning": KINDS[lever.kind][2],
                    "start_year": lever.start_year, "ramp_years": lever.ramp_years, "delay_years": lever.delay_years,
                    "source": lever.source, "note": lever.note} for lever, strength in choices],
        "units": {name: unit for name, (unit, _column) in INDICATORS.items()},
        "columns": {"baseline_p50": "median of the baseline", "with_levers_p50": "median with the levers",
                    "change_p5/p50/p95/mean": "percentiles and mean of the paired difference lever − baseline",
                    "relative_change_p50": "change_p50 / baseline_p50 (fraction)"},
        # NaN is not valid JSON: a missing weight is null
        "weights": json.loads(weights.to_json(orient="records")),
        "missing_weights": missing,
        "assumptions": [lever_model.__doc__.strip(), *WEIGHT_ASSUMPTIONS, *spec.metadata["assumptions"]],
    }


@levers_app.callback(invoke_without_command=True)
def levers_command(
    ctx: typer.Context,
    scenario: str = typer.Option("targets", "--scenario", help="Shipped scenario id or path to a YAML file."),
    lever: list[str] = typer.Option(None, "--lever", help="NAME[:STRENGTH]; repeat to combine (applied in order)."),
    package: str = typer.Option(None, "--package", help="Named lever package from the lever file."),
    levers_file: Path = typer.Option(None, "--levers-file", help="Lever definitions YAML (default: shipped)."),
    draws: int = typer.Option(200, "--draws", min=1, max=100_000, help="Monte Carlo draws."),
    seed: int = typer.Option(20260616, "--seed", help="Random seed (same seed, same result)."),
    materials: list[str] = typer.Option(None, "--materials", help="Materials to show (ids); default: all."),
    out: Path = typer.Option(None, "--out", help="Write the full effect table to .csv/.parquet (+ .json metadata)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Effect of levers on primary demand, risk-weighted demand, import dependence and secondary share."""
    if ctx.invoked_subcommand is not None:
        return
    if not lever and package is None:
        fail("give at least one --lever NAME[:STRENGTH] or --package NAME (see `crmradar levers list`)")
    _check_out(out)
    kb = kb_data.load()
    library = _library(levers_file, kb)
    try:
        choices = parse_choices(library, list(lever or []), package)
    except LeverError as error:
        fail(error.problems[0])
    loaded, spec = _spec(scenario, kb)
    unknown = [m for m in materials or [] if m not in spec.materials]
    if unknown:
        fail(f"--materials: no demand for {', '.join(unknown)} in this model; materials: {', '.join(spec.materials)}")
    try:
        lever_model.apply_levers(spec, choices)  # fail on a lever that does not fit the scenario before running
    except LeverError as error:
        fail(error.problems[0])
    started = time.perf_counter()
    with Progress(TextColumn("[bold]Monte Carlo"), BarColumn(), TextColumn("{task.completed}/{task.total} draws"),
                  TimeElapsedColumn(), console=console, transient=True, disable=fmt is not OutputFormat.table) as bar:
        task = bar.add_task("draws", total=2 * draws)
        done = {"runs": 0}

        def advance(count: int, total: int) -> None:
            bar.update(task, completed=done["runs"] * total + count)
            if count == total:
                done["runs"] += 1

        baseline, changed = paired_runs(spec, choices, draws, seed, progress=advance)
    weights = risk_weights(kb, spec.materials)
    table = effect_table(baseline, changed, weights, label_of(choices))
    if materials:
        table = table.loc[table["material_id"].isin([*materials, "total"])]
    metadata = _metadata(loaded, spec, choices, weights, draws, seed)
    metadata["seconds"] = round(time.perf_counter() - started, 2)
    metadata["mass_balance_error"] = max(baseline.mass_balance_error, changed.mass_balance_error)
    if out is not None:
        write_table_atomic(table.assign(scenario=loaded.id), out, metadata)
    if fmt is not OutputFormat.table:
        emit(table.reset_index(drop=True), fmt, metadata=metadata)
        return
    shown = table.loc[table["year"].isin(HEADLINE_YEARS)
                      & (table["indicator"].isin(TOTALS) & (table["material_id"] == "total")
                         | (table["indicator"] == "primary_demand") & (table["change_p50"].abs() > 1e-6))]
    columns = ["indicator", "material_id", "year", "unit", "baseline_p50", "change_p5", "change_p50", "change_p95",
               "relative_change_p50"]
    lang = cli_language()
    scenario_name = names.label("scenario", loaded.id, lang)
    chosen = ", ".join(f"{names.label('lever', lever.id, lang)} ({format_number(strength, lang)})"
                       for lever, strength in choices)
    title = (f"Scenario {scenario_name} met {chosen} tegenover de basis ({draws} trekkingen, verschil = maatregel − "
             "basis, P5/P50/P95)" if lang == "nl" else
             f"Scenario {scenario_name} with {chosen} vs baseline ({draws} draws, change = lever − baseline, "
             "P5/P50/P95)")
    emit(shown[columns], fmt, title=title, lang=lang, full=FULL_TABLE[lang],
         priority=["indicator", "material_id", "year", "change_p50", "baseline_p50", "relative_change_p50",
                   "change_p5", "change_p95", "unit"])
    console.print("[dim]" + NOTE[lang] + "[/]")
    if out is not None:
        console.print(f"[green]✓[/] wrote {out} (+ {out.name}.json with metadata and assumptions)")


@levers_app.command("rank")
def levers_rank(
    scenario: str = typer.Option("targets", "--scenario", help="Shipped scenario id or path to a YAML file."),
    levers_file: Path = typer.Option(None, "--levers-file", help="Lever definitions YAML (default: shipped)."),
    year: int = typer.Option(2050, "--year", min=2021, max=2100, help="Year whose effect is ranked."),
    draws: int = typer.Option(200, "--draws", min=1, max=100_000, help="Monte Carlo draws per run."),
    seed: int = typer.Option(20260616, "--seed", help="Random seed."),
    materials: list[str] = typer.Option(None, "--materials", help="Materials to show (ids); default: all."),
    out: Path = typer.Option(None, "--out", help="Write the ranking to .csv/.parquet (+ .json metadata)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Rank every lever per material and for the risk-weighted totals, with intervals and tornado data."""
    _check_out(out)
    kb = kb_data.load()
    library = _library(levers_file, kb)
    loaded, spec = _spec(scenario, kb)
    if year > int(spec.years[-1]):
        fail(f"--year {year} is after the scenario's end year {int(spec.years[-1])}")
    unknown = [m for m in materials or [] if m not in spec.materials]
    if unknown:
        fail(f"--materials: no demand for {', '.join(unknown)} in this model; materials: {', '.join(spec.materials)}")
    chosen = list(library.levers.values())
    for lever in chosen:
        try:
            lever_model.apply_lever(spec, lever, lever.high)
        except LeverError as error:
            fail(error.problems[0])
    weights = risk_weights(kb, spec.materials)
    started = time.perf_counter()
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} "
                  "levers"), TimeElapsedColumn(), console=console, transient=True,
                  disable=fmt is not OutputFormat.table) as bar:
        task = bar.add_task("levers", total=len(chosen))

        def advance(lever_id: str) -> None:
            bar.update(task, advance=1, description=lever_id)

        table = rank_levers(spec, chosen, weights, draws, seed, year, progress=advance)
    if materials:
        table = table.loc[table["material_id"].isin([*materials, "total"])]
    metadata = _metadata(loaded, spec, [(lever, lever.strength) for lever in chosen], weights, draws, seed)
    metadata["year"] = year
    metadata["seconds"] = round(time.perf_counter() - started, 2)
    metadata["columns"].update({
        "rank": "1 = largest reduction (most negative change_p50) among the levers for this indicator and material",
        "tornado_low_p50/tornado_high_p50": "change_p50 with the lever at strength_low / strength_high",
    })
    if out is not None:
        write_table_atomic(table.assign(scenario=loaded.id), out, metadata)
    if fmt is not OutputFormat.table:
        emit(table.reset_index(drop=True), fmt, metadata=metadata)
        return
    shown = table.loc[(table["material_id"] == "total") | (table["rank"] <= 3) & (table["change_p50"] < 0)]
    lang = cli_language()
    scenario_name = names.label("scenario", loaded.id, lang)
    title = (f"Maatregelen gerangschikt voor {scenario_name} in {year} ({draws} trekkingen; verschil = maatregel − "
             "basis)" if lang == "nl" else
             f"Levers ranked for {scenario_name} in {year} ({draws} draws; change = lever − baseline)")
    emit(shown.drop(columns=["kind", "strength_low", "strength_high", "year"]), fmt, title=title, lang=lang,
         full=FULL_TABLE[lang], priority=RANK_PRIORITY)
    console.print("[dim]" + NOTE[lang] + "[/]")


@levers_app.command("list")
def levers_list(
    levers_file: Path = typer.Option(None, "--levers-file", help="Lever definitions YAML (default: shipped)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """The levers and packages of a lever file, with strength, range and meaning."""
    library = _library(levers_file, kb_data.load())
    rows = [{"lever": lever.id, "kind": lever.kind, "name_en": lever.name_en, "strength": lever.strength,
             "low": lever.low, "high": lever.high, "meaning": KINDS[lever.kind][2], "start_year": lever.start_year,
             "ramp_years": lever.ramp_years, "source": lever.source} for lever in library.levers.values()]
    emit(pd.DataFrame(rows), fmt, title=f"Levers in {library.path.name}",
         metadata={"packages": library.packages, "file": str(library.path),
                   "units": {"strength/low/high": "see 'meaning' (fractions 0–1)", "start_year": "year",
                             "ramp_years": "years"},
                   "assumptions": ["Strengths, ranges, start years and ramps are policy choices or crm-radar "
                                   "estimates unless the lever's source is a published target; see each note."]})


def register(app: typer.Typer) -> None:
    app.add_typer(levers_app, name="levers")
