"""``crmradar sweep`` and ``crmradar sensitivity`` — many model runs on a Dask cluster (local or remote)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from crmradar.commands._common import OutputFormat, console, emit, fail, load_scenario_spec

SCHEDULER_HELP = "Dask scheduler address tcp://HOST:PORT (default: a local cluster, one process per core)."


def _floats(text: str, option: str) -> tuple[float, ...]:
    try:
        values = tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        fail(f"{option}: give numbers separated by commas, e.g. 0,0.5,1")
    if not values or any(not 0 <= v <= 1 for v in values):
        fail(f"{option}: strengths lie between 0 and 1")
    return values


def _inputs(scenarios: list[str], kb):
    from crmradar.scenarios.levers_effects import risk_weights

    loaded = {}
    for scenario in scenarios:
        _, spec = load_scenario_spec(scenario, kb)
        weights = risk_weights(kb, spec.materials, geopolrisk=False)["supply_risk"].to_numpy(float)
        loaded[scenario] = (spec, weights)
    return loaded


def _write(out: Path, frames: dict, metadata: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.to_parquet(out / f"{name}.parquet", index=False)
    frames["summary"].to_csv(out / "summary.csv", index=False)
    (out / "metadata.json").write_text(json.dumps(metadata, indent=2, default=str))


def sweep_command(
    scenario: list[str] = typer.Option(["targets"], "--scenario", help="Scenario id or YAML; repeat for more."),
    levers: str = typer.Option("all", "--levers", help="all, or lever ids separated by commas."),
    strengths: str = typer.Option("0.5,1", "--strengths", help="Strengths 0–1 separated by commas (0 = baseline)."),
    draws: int = typer.Option(200, "--draws", min=1, max=100_000, help="Monte Carlo draws per cell."),
    max_levers: int = typer.Option(1, "--max-levers", min=1, max=4, help="Combinations of up to k levers."),
    year: int = typer.Option(2040, "--year", min=2021, max=2050, help="Year of the effect."),
    material: str = typer.Option(None, "--material", help="Primary demand of this material (default: all)."),
    seed: int = typer.Option(20260616, "--seed", help="Random seed (same seed, same result)."),
    chunk: int = typer.Option(100, "--chunk", min=1, help="Draws per task (part of the result's identity)."),
    workers: int = typer.Option(0, "--workers", min=0, help="Local worker processes (default: one per core)."),
    scheduler: str = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    out: Path = typer.Option(Path("sweep"), "--out", help="Folder for draws.parquet, summary.parquet/.csv."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Every scenario × lever combination × strength with common random numbers; robust combinations."""
    from crmradar import data as kb_data
    from crmradar.commands.levers import _library
    from crmradar.sweeps.cluster import dask_client
    from crmradar.sweeps.sweep import SweepPlan, run_sweep, summarise

    kb = kb_data.load()
    library = _library(None, kb)
    chosen = sorted(library.levers) if levers == "all" else [p.strip() for p in levers.split(",") if p.strip()]
    unknown = [lever for lever in chosen if lever not in library.levers]
    if unknown:
        fail(f"--levers: unknown {', '.join(unknown)}; known: {', '.join(sorted(library.levers))}")
    plan = SweepPlan(levers=tuple(chosen), strengths=_floats(strengths, "--strengths"), max_levers=max_levers,
                     draws=draws, seed=seed, year=year, chunk=chunk)
    if not plan.combinations():
        fail("--strengths: give at least one strength above 0")
    inputs = _inputs(scenario, kb)
    if material and any(material not in spec.materials for spec, _ in inputs.values()):
        fail(f"--material {material}: no demand for it in this model")
    started = time.perf_counter()
    with dask_client(scheduler, workers or None) as client:
        draws_frame = run_sweep(plan, inputs, library, client, material)
    summary = summarise(draws_frame)
    metadata = {"plan": plan.__dict__, "scenarios": scenario, "material": material or "all",
                "seconds": round(time.perf_counter() - started, 2), "scheduler": scheduler or "local",
                "units": {"primary_demand": "t/yr", "sr_weighted_demand": "t/yr x SR (EU 2023)"}}
    _write(out, {"draws": draws_frame, "summary": summary}, metadata)
    from crmradar.data.home import user_home
    from crmradar.sweeps.store import publish

    publish(user_home() / "sweeps", summary, metadata)  # listed on the web page /sweeps/
    shown = summary.sort_values(["scenario", "sr_weighted_demand_change_p50"]).head(30)
    columns = ["scenario", "levers", "strength", "primary_demand_change_p50", "sr_weighted_demand_change_p5",
               "sr_weighted_demand_change_p50", "sr_weighted_demand_change_p95", "pareto_robust", "best_share"]
    emit(shown[columns], fmt, title=f"Sweep {year}: {len(summary)} cells, {draws} draws", metadata=metadata,
         full=f"{out}/summary.csv")
    if fmt is OutputFormat.table:
        console.print(f"[green]✓[/] wrote {out}/draws.parquet, summary.parquet, summary.csv "
                      f"({metadata['seconds']} s)")


def sensitivity_command(
    scenario: str = typer.Option("targets", "--scenario", help="Scenario id or YAML."),
    metric: str = typer.Option("primary_demand", "--metric", help="primary_demand or sr_weighted_demand."),
    material: str = typer.Option("lithium", "--material", help="Material of primary_demand."),
    year: int = typer.Option(2040, "--year", min=2021, max=2050, help="Year of the metric."),
    method: str = typer.Option("sobol", "--method", help="sobol (first/total order) or morris."),
    base: int = typer.Option(256, "--samples", min=4, help="Base samples (Sobol: power of 2; Morris: trajectories)."),
    seed: int = typer.Option(20260616, "--seed", help="Random seed of sampling and bootstrap."),
    chunk: int = typer.Option(64, "--chunk", min=1,
                              help="Sobol: base samples per task; each task generates its own rows (bounded memory)."),
    workers: int = typer.Option(0, "--workers", min=0, help="Local worker processes (default: one per core)."),
    scheduler: str = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    out: Path = typer.Option(None, "--out", help="Write the indices to .parquet or .csv."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Which uncertain inputs drive a model output: Sobol or Morris indices with 95 % intervals (SALib)."""
    from crmradar import data as kb_data
    from crmradar.sweeps.cluster import dask_client
    from crmradar.sweeps.sensitivity import regional_sensitivity

    if metric not in ("primary_demand", "sr_weighted_demand"):
        fail("--metric: primary_demand or sr_weighted_demand")
    if method not in ("sobol", "morris"):
        fail("--method: sobol or morris")
    if method == "sobol" and base & (base - 1):
        fail("--samples: Sobol needs a power of 2, e.g. 256")
    kb = kb_data.load()
    spec, weights = _inputs([scenario], kb)[scenario]
    if metric == "primary_demand" and material not in spec.materials:
        fail(f"--material {material}: no demand for it in this model")
    started = time.perf_counter()
    with dask_client(scheduler, workers or None) as client:
        table, info = regional_sensitivity(client, spec, weights, metric,
                                           material if metric == "primary_demand" else None, year, method, base, seed,
                                           sobol_chunk=chunk)
    info.update(seconds=round(time.perf_counter() - started, 2), method=method, metric=metric, year=year,
                material=material, scenario=scenario, samples=base, seed=seed)
    if out is not None:
        table.to_parquet(out, index=False) if out.suffix == ".parquet" else table.to_csv(out, index=False)
    emit(table.round(4), fmt, title=f"{method} {metric} {material} {year} ({info['evaluations']} runs)",
         metadata=info)


def register(app: typer.Typer) -> None:
    app.command("sweep")(sweep_command)
    app.command("sensitivity")(sensitivity_command)
