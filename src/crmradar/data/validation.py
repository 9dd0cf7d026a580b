"""Validation of the curated data package and of user-supplied replacement tables.

Every problem is reported with file, row (line number in the CSV, header = row 1), column and reason,
so an analyst can fix a spreadsheet without reading code. Validation never writes anything.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from crmradar.data.schema import (
    EMBEDDED_PACKAGE,
    FALSE_VALUES,
    TRUE_VALUES,
    FieldSpec,
    TableSpec,
    read_descriptor,
)

PROVENANCE_QUALITY = ("reported", "derived", "assumption")
MAX_ISSUES_PER_CHECK = 50
#: Trade-partner columns that also accept the reserved codes of ``trade_partner_codes``.
TRADE_PARTNER_FIELDS = ("importer_iso3", "exporter_iso3")


@dataclass(frozen=True)
class ValidationIssue:
    """One problem found in a data file."""

    file: str
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.reason}"


class DataValidationError(ValueError):
    """Raised when a package or table does not pass validation; carries all issues."""

    def __init__(self, issues: list[ValidationIssue]):
        self.issues = issues
        summary = "\n".join(str(issue) for issue in issues[:20])
        more = f"\n... and {len(issues) - 20} more" if len(issues) > 20 else ""
        super().__init__(f"{len(issues)} problem(s) in the data:\n{summary}{more}")


def _split_rows(text: str) -> tuple[list[list[str]], tuple[int, str] | None]:
    """CSV rows, or the row where reading failed and why (an unterminated quote, a huge field …)."""
    reader = csv.reader(io.StringIO(text), strict=True)
    rows: list[list[str]] = []
    start = 1
    try:
        for row in reader:
            rows.append(row)
            start = reader.line_num + 1
    except csv.Error as exc:
        reason = str(exc)
        if "end of data" in reason or "field larger than field limit" in reason:
            reason = 'a quoted field opened here never closes (unterminated ")'
        return rows, (start, f"cannot read CSV: {reason}")
    return rows, None


def read_csv_strict(path: Path) -> tuple[pd.DataFrame | None, list[ValidationIssue]]:
    """Read a CSV as strings; report encoding, empty-file and header problems instead of raising."""
    name = str(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        return None, [ValidationIssue(name, None, None, f"cannot read file: {exc.strerror}")]
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw_bytes[: exc.start].count(b"\n") + 1
        return None, [
            ValidationIssue(
                name,
                line,
                None,
                f"file is not UTF-8 (invalid byte 0x{raw_bytes[exc.start]:02x} at byte {exc.start}); "
                "save it as UTF-8 CSV",
            )
        ]
    if not text.strip():
        return None, [ValidationIssue(name, None, None, "file is empty (no header row)")]
    rows, problem = _split_rows(text)
    if problem is not None:
        return None, [ValidationIssue(name, problem[0], None, problem[1])]
    header = [cell.strip() for cell in rows[0]]
    issues = []
    seen: set[str] = set()
    for column in header:
        if column in seen:
            issues.append(ValidationIssue(name, 1, column, "duplicate column name in header"))
        seen.add(column)
    for line_number, row in enumerate(rows[1:], start=2):
        if row and len(row) != len(header):
            issues.append(
                ValidationIssue(name, line_number, None, f"has {len(row)} cells, header has {len(header)}")
            )
    if issues:
        return None, issues
    body = [row for row in rows[1:] if row]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    frame.index = pd.RangeIndex(2, 2 + len(frame))  # index = CSV line number
    return frame, []


def _cell_issues(frame: pd.DataFrame, field: FieldSpec, name: str) -> list[ValidationIssue]:
    column = frame[field.name].fillna("").astype(str).str.strip()
    present = column != ""
    issues: list[ValidationIssue] = []

    def report(mask: pd.Series, reason_for) -> None:
        for row in frame.index[mask][:MAX_ISSUES_PER_CHECK]:
            issues.append(ValidationIssue(name, int(row), field.name, reason_for(column[row])))

    if field.required:
        report(~present, lambda _: "value is required but empty")
    unit = f" (unit: {field.unit})" if field.unit else ""
    if field.type in ("number", "integer", "year"):
        numbers = pd.to_numeric(column.where(present), errors="coerce")
        bad = present & numbers.isna()
        if field.type != "number":
            bad |= present & numbers.notna() & (numbers % 1 != 0)
        report(bad, lambda v: f"'{v}' is not a valid {field.type}{unit}")
        ok = present & ~bad
        if field.minimum is not None:
            report(ok & (numbers < field.minimum), lambda v: f"{v} is below the minimum {field.minimum}{unit}")
        if field.maximum is not None:
            hint = " — shares are fractions 0–1, not percent" if field.unit == "fraction" else ""
            report(
                ok & (numbers > field.maximum),
                lambda v: f"{v} exceeds the maximum {field.maximum}{unit}{hint}",
            )
    elif field.type == "boolean":
        allowed = TRUE_VALUES | FALSE_VALUES
        report(present & ~column.isin(allowed), lambda v: f"'{v}' is not a boolean (use true/false)")
    elif field.type == "date":
        parsed = pd.to_datetime(column.where(present), errors="coerce", format="%Y-%m-%d")
        report(present & parsed.isna(), lambda v: f"'{v}' is not an ISO date (YYYY-MM-DD)")
    if field.enum is not None:
        allowed_text = ", ".join(field.enum)
        report(
            present & ~column.isin(field.enum),
            lambda v: f"'{v}' is not an allowed value{unit}; allowed: {allowed_text}",
        )
    if field.pattern is not None:
        regex = re.compile(field.pattern)
        matches = column.map(lambda v: bool(regex.fullmatch(v)))
        report(present & ~matches, lambda v: f"'{v}' does not match the pattern {field.pattern}")
    return issues


# The column that `low` and `high` bound, per table (default: the first of RANGE_CENTRES present).
RANGE_CENTRE = {"lifetimes": "mean"}
RANGE_CENTRES = ("value", "share", "content", "unit_mass_kg", "size", "capacity_t_per_year",
                 "min_efficient_scale_t_per_year", "value_added_meur", "price_per_kg", "quantity")


def _range_issues(frame: pd.DataFrame, spec: TableSpec, name: str) -> list[ValidationIssue]:
    """``low ≤ centre ≤ high`` wherever the numbers are given (``low`` above the value is a typo)."""
    if not {"low", "high"} <= set(frame.columns):
        return []
    centre = RANGE_CENTRE.get(spec.name) or next((c for c in RANGE_CENTRES if c in frame.columns), None)

    def numbers(column: str) -> pd.Series:
        return pd.to_numeric(frame[column].fillna("").astype(str).str.strip(), errors="coerce")

    low, high = numbers("low"), numbers("high")
    checks = [(low > high, "low", lambda r: f"low {frame.at[r, 'low']} exceeds high {frame.at[r, 'high']}")]
    if centre is not None:
        value = numbers(centre)
        checks += [(low > value, "low", lambda r: f"low {frame.at[r, 'low']} exceeds {centre} {frame.at[r, centre]}"),
                   (high < value, "high", lambda r: f"high {frame.at[r, 'high']} is below {centre} "
                                                    f"{frame.at[r, centre]}")]
    issues = []
    for mask, column, reason in checks:
        for row in frame.index[mask.fillna(False)][:MAX_ISSUES_PER_CHECK]:
            issues.append(ValidationIssue(name, int(row), column, reason(row)))
    return issues


def validate_table(frame: pd.DataFrame, spec: TableSpec, name: str) -> list[ValidationIssue]:
    """Header, cell, primary-key and provenance checks for one table (no cross-table checks)."""
    issues: list[ValidationIssue] = []
    expected = spec.field_names
    missing = [column for column in expected if column not in frame.columns]
    for column in missing:
        issues.append(ValidationIssue(name, 1, column, "required column is missing from the header"))
    for column in frame.columns:
        if column not in expected:
            issues.append(
                ValidationIssue(name, 1, column, f"unknown column; table '{spec.name}' expects {expected}")
            )
    if issues:
        return issues
    if frame.empty:
        return [ValidationIssue(name, 2, None, "no data rows below the header; the table would be empty")]
    for field in spec.fields:
        issues.extend(_cell_issues(frame, field, name))
    issues.extend(_range_issues(frame, spec, name))
    if spec.primary_key:
        key = frame[list(spec.primary_key)].fillna("").astype(str)
        duplicated = key.duplicated(keep=False)
        first_line = {}
        for row in frame.index[duplicated]:
            value = tuple(key.loc[row])
            if value in first_line:
                issues.append(
                    ValidationIssue(
                        name,
                        int(row),
                        ",".join(spec.primary_key),
                        f"duplicate key {value} (first at row {first_line[value]})",
                    )
                )
            else:
                first_line[value] = int(row)
    if {"quality", "low", "high"} <= set(frame.columns):
        assumption = frame["quality"] == "assumption"
        no_range = assumption & ((frame["low"].fillna("") == "") | (frame["high"].fillna("") == ""))
        for row in frame.index[no_range][:MAX_ISSUES_PER_CHECK]:
            issues.append(
                ValidationIssue(name, int(row), "low/high", "an assumption must state its range (low and high)")
            )
        if "note" in frame.columns:
            no_reason = assumption & (frame["note"].fillna("").str.strip() == "")
            for row in frame.index[no_reason][:MAX_ISSUES_PER_CHECK]:
                issues.append(ValidationIssue(name, int(row), "note", "an assumption must give its reason"))
    return issues


def validate_foreign_keys(
    tables: dict[str, pd.DataFrame], specs: dict[str, TableSpec], files: dict[str, str]
) -> list[ValidationIssue]:
    """Every foreign-key value must exist in the referenced table (empty values are allowed)."""
    issues: list[ValidationIssue] = []
    for name, frame in tables.items():
        for fk in specs[name].foreign_keys:
            target = tables.get(fk.resource)
            if target is None or not set(fk.fields) <= set(frame.columns):
                continue
            if not set(fk.reference_fields) <= set(target.columns):
                continue
            for local, remote in zip(fk.fields, fk.reference_fields, strict=True):
                known = set(target[remote].dropna().astype(str))
                if fk.resource == "countries" and local in TRADE_PARTNER_FIELDS and "trade_partner_codes" in tables:
                    # UN Comtrade / BACI reserved partner codes (S19, areas such as _X); a typo stays an error.
                    known |= set(tables["trade_partner_codes"]["code"].dropna().astype(str))
                values = frame[local].fillna("").astype(str)
                unknown = (values != "") & ~values.isin(known)
                for row in frame.index[unknown][:MAX_ISSUES_PER_CHECK]:
                    issues.append(
                        ValidationIssue(
                            files[name],
                            int(row),
                            local,
                            f"unknown {remote} '{values[row]}': not in table '{fk.resource}'",
                        )
                    )
    return issues


def _resolve_tables(path: Path, specs: dict[str, TableSpec]) -> tuple[dict[str, Path], list[ValidationIssue]]:
    """Which files a user supplied: one CSV named like a table, or a folder of such CSVs / a package."""
    if path.is_file() and path.suffix.lower() == ".csv":
        if path.stem not in specs:
            known = ", ".join(sorted(specs))
            return {}, [ValidationIssue(str(path), None, None, f"file name must be a table name: {known}")]
        return {path.stem: path}, []
    if path.is_file() and path.name == "datapackage.json":
        path = path.parent
    if not path.is_dir():
        return {}, [ValidationIssue(str(path), None, None, "no such file or folder")]
    found: dict[str, Path] = {}
    for csv_path in sorted(list(path.glob("*.csv")) + list(path.glob("data/*.csv"))):
        if csv_path.stem in specs:
            found[csv_path.stem] = csv_path
    if not found:
        return {}, [ValidationIssue(str(path), None, None, "no CSV file named like a table of the package")]
    return found, []


def validate(path: str | Path, base: str | Path | None = None) -> list[ValidationIssue]:
    """Check a user-supplied replacement or update of the data package.

    ``path`` is a CSV named like a table (``supply_shares.csv``), a folder of such CSVs, or a whole
    package folder. The supplied tables replace the matching tables of ``base`` (default: the embedded
    package), and the combination is checked: header, types, units (enum and range constraints),
    primary keys, foreign keys to materials/countries/sources, and assumption ranges.

    Returns the list of problems (empty when valid). Nothing is written or changed.
    """
    base_dir = Path(base) if base is not None else EMBEDDED_PACKAGE
    specs = read_descriptor(base_dir)
    supplied, issues = _resolve_tables(Path(path), specs)
    if issues:
        return issues
    tables: dict[str, pd.DataFrame] = {}
    files: dict[str, str] = {}
    for name, spec in specs.items():
        file_path = supplied.get(name, base_dir / spec.path)
        frame, read_issues = read_csv_strict(file_path)
        issues.extend(read_issues)
        if frame is None:
            continue
        table_issues = validate_table(frame, spec, str(file_path))
        issues.extend(table_issues)
        if not any(issue.row == 1 for issue in table_issues):
            tables[name] = frame
            files[name] = str(file_path)
    issues.extend(validate_foreign_keys(tables, specs, files))
    return issues
