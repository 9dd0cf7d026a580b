"""``crmradar procure`` — critical raw materials in a purchase list, and tender clauses.

Contract::

    crmradar procure scan purchases.xlsx --out report.xlsx   # or .csv / .json
    crmradar procure scan purchases.csv                      # top CRMs and clauses on screen
    crmradar procure example --out voorbeeld.xlsx            # the illustrative purchase list
    crmradar procure archetypes | crmradar procure clauses

Exit codes: 0 when at least one row was scanned (problems with other rows are listed on stderr and
in the report's ``issues`` table); 2 when the file cannot be read or no row could be scanned — then
no report file is written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import typer

from crmradar.commands._common import OutputFormat, cli_language, emit, error_console, fail

procure_app = typer.Typer(help="CRM procurement scan: critical raw materials in purchases, and tender clauses.")

EXAMPLES = Path(__file__).resolve().parents[1] / "procurement" / "examples"
EXAMPLE_STEM = "provincie_inkoop_voorbeeld"
ILLUSTRATIVE = "ILLUSTRATIEF — geen echte inkoopgegevens"


#: Columns on screen, most important first (a narrow terminal leaves out the last ones and names them).
SCREEN_PRIORITY = ["rank", "material_id", "sr_weighted_kg", "content_kg", "supply_risk", "low_kg", "high_kg",
                   "crma_strategic", "largest_third_country", "largest_third_country_share", "gpr_exposure_kg_cu_eq"]
DATA_COLUMNS = ["rank", "material_id", "name_nl", "content_kg", "low_kg", "high_kg", "supply_risk", "sr_weighted_kg",
                "crma_strategic", "largest_third_country", "largest_third_country_share", "gpr_exposure_kg_cu_eq"]
FULL_REPORT = {"nl": "--out RAPPORT.xlsx (of .csv, .json)", "en": "--out REPORT.xlsx (or .csv, .json)"}
TITLES = {
    "materials": {"nl": "Kritieke grondstoffen, hoogste leveringsrisico-gewogen gehalte eerst",
                  "en": "Top CRMs by supply-risk-weighted content"},
    "clauses": {"nl": "Aanbevolen aanbestedingsclausules", "en": "Recommended tender clauses"},
}

_KNOWLEDGE: dict[str, tuple] = {}


def _knowledge():
    """Procurement knowledge of the active package, rebuilt only when the package changes."""
    from crmradar import data
    from crmradar.procurement import build_knowledge

    kb = data.load()
    cached = _KNOWLEDGE.get("active")
    if cached is None or cached[0] is not kb:
        _KNOWLEDGE["active"] = (kb, build_knowledge(kb))
    return _KNOWLEDGE["active"][1]


def _print_issues(issues: pd.DataFrame, source: str, limit: int = 30) -> None:
    for row in issues.head(limit).itertuples():
        where = f"{source}: row {row.row}, column {row.column}"
        error_console.print(f"[yellow]{row.severity}[/] {where}: {row.message}", highlight=False)
    if len(issues) > limit:
        error_console.print(f"… {len(issues) - limit} more problems; see the issues table of the report")


@procure_app.command("scan")
def scan_command(
    purchases: Path = typer.Argument(..., help="Purchase list (.csv or .xlsx) with cpv, description, quantity, unit."),
    out: Path | None = typer.Option(None, "--out", help="Write the report here (.xlsx, .csv or .json), atomically."),
    sheet: str | None = typer.Option(None, "--sheet", help="XLSX sheet to read (default: the first)."),
    max_rows: int = typer.Option(5000, "--max-rows", min=1, help="Refuse files with more data rows."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", min=1, help="Refuse larger files (bytes)."),
    max_ratio: float = typer.Option(100.0, "--max-compression-ratio", min=1, help="XLSX zip-bomb guard."),
    top: int = typer.Option(10, "--top", min=1, help="Materials shown on screen."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Screen output when no --out."),
) -> None:
    """Scan a purchase list: CRM content per line and material, risk scores, NZIA flags, clauses."""
    from crmradar.procurement import PurchaseFileError, ReadLimits, parse_rows, read_purchase_file, scan, write_report

    limits = ReadLimits(max_bytes=max_bytes, max_rows=max_rows, max_compression_ratio=max_ratio)
    try:
        table = read_purchase_file(purchases, limits, sheet)
        parsed = parse_rows(table.header, table.rows)
    except PurchaseFileError as exc:
        message = str(exc)
        fail(message if message.startswith(purchases.name) else f"{purchases.name}: {message}")
    result = scan(parsed.lines, _knowledge(), parsed.issues, parsed.rows_read)
    summary = result.summary
    _print_issues(result.issues, purchases.name)
    if summary["rows_scanned"] == 0:
        fail(f"{purchases.name}: no row could be scanned ({summary['rows_read']} rows read); nothing written")
    metadata = {
        "source": table.source,
        "sheet": table.sheet or "",
        "economy_for_geopolrisk": "NLD",
        "supply_risk": "EU 2023 assessment (criticality_official)",
        **{key: (", ".join(value) if isinstance(value, list) else value) for key, value in summary.items()},
    }
    metadata["skip_reasons"] = "; ".join(f"{k} × {v}" for k, v in summary["skip_reasons"].items()) or "none"
    if out is not None:
        try:
            written = write_report(result.tables(), metadata, out)
        except PurchaseFileError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{out}: cannot write report ({exc.strerror or exc})")
        error_console.print(
            f"{summary['rows_scanned']} of {summary['rows_read']} rows scanned "
            f"({summary['rows_skipped_invalid']} invalid, {summary['rows_unmapped']} unmapped); "
            f"report: {', '.join(str(p) for p in written)}",
            highlight=False,
        )
        return
    if fmt is not OutputFormat.table:
        emit(result.materials[DATA_COLUMNS].head(top), fmt, metadata=metadata)
        return
    lang = cli_language()
    full = FULL_REPORT[lang]
    emit(result.materials[SCREEN_PRIORITY].head(top), fmt, title=TITLES["materials"][lang], lang=lang,
         priority=SCREEN_PRIORITY, full=full)
    clauses = result.clauses[["title_nl", "lines", "rows"]].assign(rows=result.clauses["rows"].map(row_ranges))
    emit(clauses, fmt, title=TITLES["clauses"][lang], lang=lang, full=full)


def row_ranges(rows: object) -> str:
    """``2;3;4;5;9;11;12`` → ``2–5, 9, 11–12`` (row numbers of the purchase list)."""
    numbers = sorted({int(part) for part in str(rows).replace(",", ";").split(";") if part.strip().isdigit()})
    if not numbers:
        return str(rows)
    spans: list[list[int]] = [[numbers[0], numbers[0]]]
    for number in numbers[1:]:
        if number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


@procure_app.command("example")
def example_command(
    out: Path = typer.Option(..., "--out", help="Copy the illustrative purchase list here (.xlsx or .csv)."),
) -> None:
    """Copy the illustrative purchase list of a province (ILLUSTRATIEF — geen echte inkoopgegevens)."""
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        fail(f"{out.name}: use .xlsx or .csv")
    source = EXAMPLES / f"{EXAMPLE_STEM}{suffix}"
    if not source.is_file():
        fail(f"{source.name} is not part of this installation")
    shutil.copyfile(source, out)
    error_console.print(f"{out}: {ILLUSTRATIVE}", highlight=False)


@procure_app.command("archetypes")
def archetypes_command(
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
) -> None:
    """Product archetypes per CPV code: basis unit, typical mass, number of materials in the bill."""
    from crmradar import data

    kb = data.load()
    counts = kb.product_archetype_contents.groupby("cpv").size().rename("materials")
    frame = kb.product_archetypes.merge(counts, left_on="cpv", right_index=True, how="left")
    emit(frame[["cpv", "name_nl", "category", "basis_unit", "unit_mass_kg", "materials"]], fmt, title="Archetypes")


@procure_app.command("clauses")
def clauses_command(
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Output format."),
) -> None:
    """The tender clause library with its basis and trigger."""
    from crmradar import data

    emit(data.load().tender_clauses[["clause_id", "title_nl", "basis", "trigger"]], fmt, title="Tender clauses")


def register(app: typer.Typer) -> None:
    app.add_typer(procure_app, name="procure")
