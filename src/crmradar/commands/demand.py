"""``crmradar demand`` (regional CRM demand and end-of-life flows) and ``crmradar scenario new|validate``."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from crmradar import data as kb_data
from crmradar.atomic import atomic_write_text
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
from crmradar.commands._table import render_table
from crmradar.region.model import run
from crmradar.region.scenario import SCENARIO_DIR, ScenarioError, load_scenario
from crmradar.region.summary import material_summary, technology_summary
from crmradar.reports import labels as names
from crmradar.reports.numbers import format_estimate, format_number

HEADLINE_MATERIALS = ["lithium", "cobalt", "nickel", "natural_graphite", "neodymium", "praseodymium", "dysprosium",
                      "terbium", "silver", "gallium", "indium", "iridium", "platinum"]
HEADLINE_YEARS = (2030, 2040, 2050)

scenario_app = typer.Typer(help="Create and check scenario files.", no_args_is_help=True)


def demand_command(
    scenario: str = typer.Option("targets", "--scenario", help="Shipped scenario id or path to a YAML file."),
    draws: int = typer.Option(1000, "--draws", min=1, max=200_000, help="Monte Carlo draws."),
    seed: int = typer.Option(20260616, "--seed", help="Random seed (same seed, same result)."),
    materials: list[str] = typer.Option(None, "--materials", help="Materials to show (ids); default: headline CRMs."),
    out: Path = typer.Option(None, "--out", help="Write all results (per material and technology) to .parquet/.csv."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """CRM demand, in-use stock and end-of-life flows of Zuid-Holland's energy transition, 2020–2050."""
    kb = kb_data.load()
    loaded, spec = load_scenario_spec(scenario, kb)
    wanted = materials or [m for m in HEADLINE_MATERIALS if m in spec.materials]
    unknown = [m for m in wanted if m not in spec.materials]
    if unknown:
        fail(f"no demand for {', '.join(unknown)} in this model; materials: {', '.join(spec.materials)}")
    started = time.perf_counter()
    with Progress(TextColumn("[bold]Monte Carlo"), BarColumn(), TextColumn("{task.completed}/{task.total} draws"),
                  TimeElapsedColumn(), console=console, transient=True, disable=fmt is not OutputFormat.table) as bar:
        task = bar.add_task("draws", total=draws)
        result = run(spec, draws=draws, seed=seed, keep_pairs=out is not None,
                     progress=lambda done, total: bar.update(task, completed=done))
    elapsed = time.perf_counter() - started
    summary = material_summary(result)
    metadata = {
        "scenario": loaded.id, "region": loaded.data["region"], "draws": draws, "seed": seed,
        "seconds": round(elapsed, 2), "mass_balance_error": result.mass_balance_error,
        "units": {"demand": "t/yr", "end_of_life": "t/yr", "recoverable": "t/yr", "in_use_stock": "t",
                  "secondary_share": "fraction"},
        "assumptions": spec.metadata["assumptions"],
    }
    if out is not None:
        if out.suffix.lower() not in (".parquet", ".csv"):
            fail(f"--out must end in .parquet or .csv, got '{out.name}'")
        full = pd.concat([summary.assign(level="material", technology_id="all"),
                          technology_summary(result).assign(level="technology")], ignore_index=True)
        write_table_atomic(full.assign(scenario=loaded.id), out, metadata)
    shown = summary.loc[summary["material_id"].isin(wanted)]
    if fmt is not OutputFormat.table:
        emit(shown, fmt, metadata=metadata)
        return
    _print_headline(shown, wanted, loaded.id, draws, elapsed, result.mass_balance_error)
    if out is not None:
        console.print(f"[green]✓[/] wrote {out} (+ {out.name}.json with metadata and assumptions)")


def _print_headline(summary: pd.DataFrame, materials: list[str], scenario: str, draws: int, seconds: float,
                    balance: float) -> None:
    """Per material, demand and recoverable end-of-life flow in the headline years: median (P5 to P95)."""
    lang = cli_language()
    scenario_name = names.label("scenario", scenario, lang)
    indexed = summary.set_index(["material_id", "metric", "year"])
    rows = []
    for material in materials:
        for metric in ("demand", "recoverable"):
            bands = {str(year): format_estimate(*indexed.loc[(material, metric, year), ["p50", "p5", "p95"]], lang)
                     for year in HEADLINE_YEARS}
            rows.append({"material_id": material, "metric": metric, **bands})
    if lang == "nl":
        title = (f"Zuid-Holland, scenario {scenario_name}: mediaan (P5 tot P95) in t/jaar ({draws} trekkingen, "
                 f"{format_number(seconds, lang, decimals=1)} s)")
        note = (f"massabalansfout {balance:.1e}; einde levensduur = inhoud van afgedankte producten; terugwinbaar = "
                "× inzameling × recyclingrendement. Aannames: metadata van --format json.")
    else:
        title = f"Zuid-Holland, scenario {scenario_name}: median (P5 to P95) in t/yr ({draws} draws, {seconds:.1f} s)"
        note = (f"mass balance error {balance:.1e}; end-of-life = content of retiring products; recoverable = "
                "× collection × recycling efficiency. Assumptions: --format json metadata.")
    render_table(pd.DataFrame(rows), console, lang, title=title,
                 full="--format csv" + (" of" if lang == "nl" else " or") + " --out results.parquet")
    console.print(f"[dim]{note}[/]")


@scenario_app.command("new")
def scenario_new(
    name: str = typer.Argument(..., help="Id of the new scenario (letters, digits, - and _)."),
    source: str = typer.Option("targets", "--from", help="Scenario to copy."),
    folder: Path = typer.Option(Path("."), "--dir", help="Where to write NAME.yaml."),
) -> None:
    """Write an editable copy of a scenario as NAME.yaml (never overwrites an existing file)."""
    if not name.replace("-", "").replace("_", "").isalnum() or name != name.lower():
        fail(f"scenario name {name!r} must use lowercase letters, digits, '-' or '_'")
    origin = SCENARIO_DIR / f"{source}.yaml"
    if not origin.exists():
        fail(f"unknown scenario {source!r}; shipped: {', '.join(sorted(p.stem for p in SCENARIO_DIR.glob('*.yaml')))}")
    target = folder / f"{name}.yaml"
    if target.exists():
        fail(f"{target} already exists; choose another name")
    text = origin.read_text(encoding="utf-8").replace(f"\nid: {source}\n", f"\nid: {name}\n", 1)
    atomic_write_text(target, text)
    console.print(f"[green]✓[/] wrote {target}; edit it, then `crmradar scenario validate {target}`")


@scenario_app.command("validate")
def scenario_validate(path: Path = typer.Argument(..., help="Scenario YAML file.")) -> None:
    """Check a scenario file: every problem with file, line and field."""
    try:
        loaded = load_scenario(path, kb_data.load())
    except ScenarioError as error:
        fail_with_problems(error.problems, str(path))
    console.print(f"[green]✓[/] {path}: valid scenario '{loaded.id}' ({len(loaded.data['technologies'])} technologies)")


def register(app: typer.Typer) -> None:
    app.command("demand")(demand_command)
    app.add_typer(scenario_app, name="scenario")
