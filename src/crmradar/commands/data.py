"""``crmradar data validate|export|update|reset`` — manage the knowledge base."""

from __future__ import annotations

import enum
import shutil
from pathlib import Path

import pandas as pd
import typer

from crmradar import data as kb_data
from crmradar.commands._common import console, fail

data_app = typer.Typer(help="Validate, export or update the curated data package.", no_args_is_help=True)


class ExportFormat(enum.StrEnum):
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"


@data_app.command("validate")
def validate_command(
    path: Path = typer.Argument(..., help="A table CSV (named like the table), a folder of CSVs or a package."),
) -> None:
    """Check a replacement or update of the data package; report every problem (file, row, column)."""
    issues = kb_data.validate(path, base=kb_data.active_package_dir())
    if issues:
        for issue in issues:
            console.print(f"[red]✗[/] {issue}", highlight=False, soft_wrap=True)
        fail(f"{len(issues)} problem(s) found in {path}; nothing was changed")
    console.print(f"[green]✓[/] {path}: valid")


@data_app.command("update")
def update_command(path: Path = typer.Argument(..., help="Tables to install (validated first).")) -> None:
    """Validate and install replacement tables for your own use; invalid input changes nothing."""
    try:
        replaced = kb_data.install_update(path)
    except kb_data.DataValidationError as error:
        for issue in error.issues:
            console.print(f"[red]✗[/] {issue}", highlight=False, soft_wrap=True)
        fail(f"{len(error.issues)} problem(s) found in {path}; nothing was changed")
    console.print(f"[green]✓[/] installed {', '.join(replaced)} into {kb_data.user_package_dir()}")


@data_app.command("reset")
def reset_command() -> None:
    """Remove your installed update and return to the embedded data package."""
    removed = kb_data.remove_update()
    console.print("removed your update" if removed else "no update installed; using the embedded package")


@data_app.command("export")
def export_command(
    fmt: ExportFormat = typer.Option(ExportFormat.csv, "--format", help="csv, parquet or xlsx"),
    out: Path = typer.Option(..., "--out", help="Output folder (created if missing)."),
) -> None:
    """Export every table (with the datapackage.json for csv, a units sheet for xlsx)."""
    kb = kb_data.load()
    out.mkdir(parents=True, exist_ok=True)
    if fmt is ExportFormat.csv:
        shutil.copyfile(kb.path / "datapackage.json", out / "datapackage.json")
        for name in kb.tables:
            (out / "data").mkdir(exist_ok=True)
            shutil.copyfile(kb.path / kb.specs[name].path, out / "data" / f"{name}.csv")
        written = len(kb.tables)
    elif fmt is ExportFormat.parquet:
        for name, frame in kb.tables.items():
            frame.to_parquet(out / f"{name}.parquet", index=False)
        written = len(kb.tables)
    else:
        _export_xlsx(kb, out / "crm-radar-data.xlsx")
        written = len(kb.tables)
    console.print(f"[green]✓[/] exported {written} tables as {fmt.value} to {out}")


def _export_xlsx(kb, target: Path) -> None:
    """One workbook: a fields_units sheet, then one sheet per table; a progress bar counts the rows."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from crmradar.atomic import atomic_write
    from crmradar.data.xlsx_export import write_xlsx

    units = pd.DataFrame([
        {"table": name, "column": f.name, "type": f.type, "unit": f.unit or "", "description": f.description}
        for name, spec in kb.specs.items()
        for f in spec.fields
    ])
    sheets = [("fields_units", units), *kb.tables.items()]
    with Progress(TextColumn("[bold]xlsx"), BarColumn(), MofNCompleteColumn(), TextColumn("rijen"),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("rows", total=sum(len(frame) for _, frame in sheets))
        atomic_write(target, lambda path: write_xlsx(sheets, path, lambda rows: bar.advance(task, rows)))


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")
