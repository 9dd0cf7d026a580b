"""``crmradar crma`` — distance to the CRMA 2030 benchmarks, before and after a regional portfolio.

    crmradar crma [--portfolio FILE] [--year 2030] [--format table|csv|json]

Bad portfolio YAML exits with code 2 and one line per problem naming file, line and field; nothing is
written. The JSON metadata lists every assumption of the calculation.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer

from crmradar.commands._common import OutputFormat, emit, fail
from crmradar.scenarios.crma import ASSUMPTIONS, COUNTED_STATUSES, crma_benchmark
from crmradar.scenarios.portfolio import Portfolio, PortfolioError, load_portfolio

#: Columns shown on screen; CSV and JSON carry every column of the result.
TABLE_COLUMNS = ["material_id", "stage", "consumption_t", "share_before", "added_t", "share_after", "benchmark",
                 "gap_after", "capacity_gap_t_after", "largest_third_country", "third_country_share_before",
                 "third_country_share_after"]
#: Most important first: on a narrow terminal the last ones are left out (and named under the table).
SCREEN_PRIORITY = ["material_id", "stage", "share_before", "share_after", "benchmark", "gap_after",
                   "third_country_share_after", "largest_third_country", "consumption_t", "added_t",
                   "capacity_gap_t_after", "third_country_share_before"]
REQUIRED_TABLES = ("crma_consumption_capacity", "crma_benchmarks", "crma_annex_entries", "supply_shares", "materials")


EXAMPLE_PORTFOLIO = Path(__file__).resolve().parents[1] / "scenarios" / "examples" / "portfolio_zuid_holland.yaml"
ILLUSTRATIVE_LABEL = "ILLUSTRATIEF VOORBEELD (geen echte projectgegevens)"
CONTRIBUTION_PRIORITY = ["name", "material_id", "stage", "capacity_t_per_year", "share_added", "gap_closed",
                         "third_country_share_before", "third_country_share_after", "largest_third_country",
                         "pipeline_stage", "share_before", "benchmark", "consumption_t", "cap_stage",
                         "share_added_low", "share_added_high", "cap_exceeded_before", "cap_exceeded_after"]


def crma_command(
    portfolio: Path | None = typer.Option(None, "--portfolio", help="YAML file of regional projects (docs/crma.md) "
                                          "instead of the project pipeline."),
    illustrative: bool = typer.Option(False, "--illustrative", help="The illustrative example portfolio "
                                      "(rough estimates and hypothetical projects, labelled as such)."),
    pipeline: str = typer.Option("package", "--pipeline", help="Project pipeline: package (the cited projects "
                                 "of the data package) or workspace (the workspace register projecten)."),
    min_stage: str = typer.Option("financiering", "--min-stage", help="Count pipeline projects from this stage "
                                  "on: idee, haalbaarheid, vergunning, financiering, bouw, in_bedrijf."),
    view: str = typer.Option("benchmarks", "--view", help="benchmarks (per material and stage) or projects "
                             "(how much each project moves its benchmark and the 65 % cap)."),
    year: int = typer.Option(2030, "--year", help="Target year: projects starting later are not counted."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
) -> None:
    """EU capacity share per strategic raw material and stage vs the 10/40/25 % and 65 % benchmarks, after the
    regional project pipeline (default: the cited projects at stage financiering or later)."""
    from crmradar import data
    from crmradar.scenarios.pipeline import STAGE_ORDER, pipeline_frame, project_contributions

    if not 2000 <= year <= 2100:
        fail(f"--year: must be between 2000 and 2100, got {year}")
    if portfolio is not None and illustrative:
        fail("--portfolio and --illustrative: choose one")
    if pipeline not in ("package", "workspace"):
        fail(f"--pipeline: {pipeline!r} is not package or workspace")
    if min_stage not in STAGE_ORDER:
        fail(f"--min-stage: {min_stage!r} is not one of {', '.join(STAGE_ORDER)}")
    if view not in ("benchmarks", "projects"):
        fail(f"--view: {view!r} is not benchmarks or projects")
    kb = data.load()
    missing = [name for name in REQUIRED_TABLES if name not in kb]
    if missing:
        fail(f"data package {kb.path}: table(s) {', '.join(missing)} missing")
    loaded: Portfolio | None = None
    skipped = None
    if portfolio is not None or illustrative:
        try:
            loaded = load_portfolio(portfolio or EXAMPLE_PORTFOLIO, kb.materials, kb.crma_annex_entries)
        except PortfolioError as error:
            fail(f"portfolio has {len(error.issues)} problem(s):\n" + "\n".join(str(i) for i in error.issues))
        projects = loaded.to_frame()
        projects["code"], projects["pipeline_stage"] = projects["name"], projects["status"]
        label = f"{ILLUSTRATIVE_LABEL}: {loaded.name}" if illustrative else loaded.name
    else:
        rows = _pipeline_rows(kb, pipeline)
        projects, skipped = pipeline_frame(rows, kb.crma_annex_entries, min_stage)
        where = "datapakket" if pipeline == "package" else "werkruimte"
        label = f"projectenpijplijn ({where}, fase {min_stage} of later)"
    metadata = _metadata(loaded, projects, year, kb.crma_consumption_capacity)
    metadata["pipeline"] = None if loaded is not None else {
        "source": pipeline, "min_stage": min_stage,
        "not_counted": [] if skipped is None else skipped.to_dict("records")}
    metadata["illustrative"] = illustrative
    if view == "projects":
        result = project_contributions(projects, kb.crma_consumption_capacity, kb.crma_benchmarks,
                                       kb.supply_shares, year)
        emit(result, fmt, title=f"CRMA-bijdrage per project {year} — {label}", metadata=metadata,
             priority=CONTRIBUTION_PRIORITY)
    else:
        result = crma_benchmark(kb.crma_consumption_capacity, kb.crma_benchmarks, kb.supply_shares, projects, year)
        shown = result[TABLE_COLUMNS] if fmt is OutputFormat.table else result
        emit(shown, fmt, title=f"CRMA benchmarks {year} — {label}", metadata=metadata, priority=SCREEN_PRIORITY)
    if fmt is OutputFormat.table:
        _explain(projects, skipped, illustrative)


def _pipeline_rows(kb, pipeline: str) -> pd.DataFrame:
    if pipeline == "package":
        return kb["regional_projects"].rename(columns={"project_id": "code"})
    from crmradar.commands.serve import prepare_web

    prepare_web()
    from crmradar.apps.projects.models import Project
    from crmradar.apps.projects.pipeline import workspace_frame

    return workspace_frame(Project.objects.all())


def _explain(projects: pd.DataFrame, skipped, illustrative: bool) -> None:
    from crmradar.commands._common import console

    if illustrative:
        console.print(f"[bold]{ILLUSTRATIVE_LABEL}[/bold]: metaalgehaltes zijn ruwe schattingen en de meeste "
                      "projecten zijn hypothetisch (zie het bestand).")
        return
    if skipped is None:
        return
    console.print(f"Meegeteld: {projects['code'].nunique()} project(en) met capaciteit in ton strategische "
                  "grondstof.")
    from crmradar.reports.numbers import format_number, format_range

    basis = projects["capacity_basis"] if "capacity_basis" in projects else pd.Series("", index=projects.index)
    for row in projects.loc[basis.fillna("").str.startswith("assumption")].to_dict("records"):
        console.print(f"Omgerekend (aanname): {row['name']}: {row['material_id']} "
                      f"{format_number(row['capacity_t_per_year'])} t/jaar "
                      f"({format_range(row['capacity_low'], row['capacity_high'])}) uit bruto invoer × black-mass-"
                      "opbrengst × metaalgehalte; de black mass wordt elders geraffineerd, dus een bovengrens "
                      "(docs/crma.md).", soft_wrap=True)
    for row in skipped.to_dict("records"):
        console.print(f"Niet meegeteld: {row['name']} ({row['pipeline_stage']}): {row['reason']}", soft_wrap=True)


def _metadata(loaded: Portfolio | None, projects: pd.DataFrame, year: int, table: pd.DataFrame) -> dict:
    counted = projects["status"].isin(COUNTED_STATUSES) & (projects["start_year"] <= year)
    excluded = projects.loc[~counted]
    reasons = ["status cancelled" if status == "cancelled" else f"starts {start} after {year}"
               for status, start in zip(excluded["status"], excluded["start_year"], strict=True)]
    entries_with_consumption = set(table.loc[table["quantity"] == "consumption", "crma_entry"])
    not_quantified = sorted(set(projects.loc[counted, "name"][
        ~projects.loc[counted, "crma_entry"].isin(entries_with_consumption)]))
    return {
        "year": year,
        "regulation": "Regulation (EU) 2024/1252, Art. 5(1)(a) benchmarks and Art. 5(1)(b) 65 % cap",
        "portfolio": None if loaded is None else {"name": loaded.name, "file": loaded.file, "region": loaded.region},
        "projects_counted": projects.loc[counted, "name"].tolist(),
        "projects_excluded": [{"name": name, "reason": reason}
                              for name, reason in zip(excluded["name"], reasons, strict=True)],
        "projects_without_consumption_figure": not_quantified,
        "assumptions": list(ASSUMPTIONS),
        "sources": sorted(set(table["source_id"])),
        "units": {"consumption_t": "t/yr contained material", "added_t": "t/yr", "capacity_gap_t_after": "t/yr",
                  "share_before": "fraction", "share_after": "fraction", "benchmark": "fraction",
                  "gap_before": "fraction (benchmark − share; > 0 = shortfall)"},
    }


def register(app: typer.Typer) -> None:
    app.command("crma")(crma_command)
