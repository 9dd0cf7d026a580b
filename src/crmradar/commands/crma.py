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


def crma_command(
    portfolio: Path | None = typer.Option(None, "--portfolio", help="YAML file of regional projects (docs/crma.md)."),
    year: int = typer.Option(2030, "--year", help="Target year: projects starting later are not counted."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
) -> None:
    """EU capacity share per strategic raw material and stage vs the 10/40/25 % and 65 % benchmarks."""
    from crmradar import data

    if not 2000 <= year <= 2100:
        fail(f"--year: must be between 2000 and 2100, got {year}")
    kb = data.load()
    missing = [name for name in REQUIRED_TABLES if name not in kb]
    if missing:
        fail(f"data package {kb.path}: table(s) {', '.join(missing)} missing")
    loaded: Portfolio | None = None
    if portfolio is not None:
        try:
            loaded = load_portfolio(portfolio, kb.materials, kb.crma_annex_entries)
        except PortfolioError as error:
            fail(f"portfolio has {len(error.issues)} problem(s):\n" + "\n".join(str(i) for i in error.issues))
    projects = loaded.to_frame() if loaded is not None else Portfolio(name="", file="").to_frame()
    result = crma_benchmark(kb.crma_consumption_capacity, kb.crma_benchmarks, kb.supply_shares, projects, year)
    shown = result[TABLE_COLUMNS] if fmt is OutputFormat.table else result
    emit(shown, fmt, title=f"CRMA benchmarks {year}" + (f" — {loaded.name}" if loaded else ""),
         metadata=_metadata(loaded, projects, year, kb.crma_consumption_capacity), priority=SCREEN_PRIORITY)


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
