"""Parse the cells of a purchase list into checked purchase lines (pure: no files, no knowledge base).

Columns (header row, case-insensitive; Dutch names accepted): ``cpv`` (with or without check digit),
``description``, ``quantity``, ``unit``, optional ``value_eur`` and ``year``. Every problem becomes
an :class:`Issue` with the file row (header = row 1) and the column; a row with an error is left
out of the scan but stays listed, so nothing is dropped silently. Problems with the table as a
whole (no header, a duplicate or missing column, no data rows) raise :class:`PurchaseFileError`.

Cells are taken as given: a formula cell arrives as its text (``=A2*3``) and is never evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from crmradar.procurement.cpv import CpvError, parse_cpv
from crmradar.procurement.units import UnitError, parse_unit

REQUIRED_COLUMNS = ("cpv", "description", "quantity", "unit")
OPTIONAL_COLUMNS = ("value_eur", "year")

#: accepted header spellings → column
HEADER_ALIASES = {
    "cpv": "cpv", "cpv_code": "cpv", "cpv-code": "cpv", "cpvcode": "cpv",
    "description": "description", "omschrijving": "description", "beschrijving": "description",
    "quantity": "quantity", "aantal": "quantity", "hoeveelheid": "quantity", "qty": "quantity",
    "unit": "unit", "eenheid": "unit",
    "value_eur": "value_eur", "waarde_eur": "value_eur", "bedrag_eur": "value_eur", "value": "value_eur",
    "year": "year", "jaar": "year",
}  # fmt: skip

# Plausibility bounds: larger numbers are typos, and would overflow the scan's products to infinity.
MAX_QUANTITY = 1e12
MAX_VALUE_EUR = 1e13

_AMBIGUOUS_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


class PurchaseFileError(ValueError):
    """The purchase list as a whole cannot be read (the message names file, row and column)."""


@dataclass(frozen=True)
class Issue:
    """One problem found in a purchase list; ``row`` is the file row (header = 1), 0 for the file."""

    row: int
    column: str
    severity: str  # "error" (row skipped) or "warning" (row scanned)
    message: str


@dataclass(frozen=True)
class PurchaseLine:
    """A checked purchase line; ``quantity`` is in ``unit`` as written, ``factor`` converts to k-units."""

    row: int
    cpv: str
    check_digit: int | None
    description: str
    quantity: float
    unit: str
    dimension: str
    factor: float
    value_eur: float | None = None
    year: int | None = None


@dataclass
class ParseResult:
    lines: list[PurchaseLine] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    rows_read: int = 0
    ignored_columns: list[str] = field(default_factory=list)


def map_header(header: Sequence[object]) -> dict[str, int]:
    """Column name → position; raises :class:`PurchaseFileError` for duplicate or missing columns."""
    positions: dict[str, int] = {}
    seen: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = "" if cell is None else str(cell).strip().lower().replace(" ", "_")
        if name == "":
            continue
        column = HEADER_ALIASES.get(name, name)
        if column in seen:
            raise PurchaseFileError(
                f"row 1: duplicate column {column!r} (columns {seen[column] + 1} and {index + 1}); "
                "keep one and rename or delete the other"
            )
        seen[column] = index
        positions[column] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        found = ", ".join(str(c) for c in header if c not in (None, "")) or "none"
        raise PurchaseFileError(f"row 1: missing column(s) {', '.join(missing)}; found: {found}")
    return positions


def parse_number(value: object) -> float:
    """A cell as a number; decimal comma accepted. Raises ``ValueError`` with a reason."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value!r} is not a finite number")
        return float(value)
    text = "" if value is None else str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text == "":
        raise ValueError("empty")
    if text.startswith("="):
        raise ValueError(f"formula {text[:30]!r} is not evaluated; enter the value itself")
    if _AMBIGUOUS_THOUSANDS.match(text):
        raise ValueError(f"{text!r} is ambiguous (thousands separator or decimal point?); write it without dots")
    if "," in text and "." in text:
        # 1.234,5 (Dutch) or 1,234.5 (English): the last separator is the decimal one.
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{str(value)[:30]!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"{text!r} is not a finite number")
    return number


def _cell(row: Sequence[object], positions: dict[str, int], column: str) -> object:
    index = positions.get(column)
    if index is None or index >= len(row):
        return None
    return row[index]


def _is_blank(row: Sequence[object]) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in row)


def parse_row(
    row_number: int, row: Sequence[object], positions: dict[str, int]
) -> tuple[PurchaseLine | None, list[Issue]]:
    """Check one data row; returns the line (``None`` when any error) and its issues."""
    errors: list[Issue] = []
    warnings: list[Issue] = []

    def error(column: str, message: str) -> None:
        errors.append(Issue(row_number, column, "error", message))

    code = check = None
    try:
        code, check = parse_cpv(_cell(row, positions, "cpv"))
    except CpvError as exc:
        error("cpv", str(exc))

    quantity = None
    try:
        quantity = parse_number(_cell(row, positions, "quantity"))
        if quantity < 0:
            error("quantity", f"negative quantity {quantity:g}")
        elif quantity > MAX_QUANTITY:
            error("quantity", f"quantity {quantity:g} is larger than {MAX_QUANTITY:g}; check the number and the unit")
        elif quantity == 0:
            warnings.append(Issue(row_number, "quantity", "warning", "quantity is 0: the line adds nothing"))
    except ValueError as exc:
        error("quantity", f"quantity: {exc}")

    unit_text = _cell(row, positions, "unit")
    dimension, factor = "", 0.0
    try:
        dimension, factor = parse_unit(unit_text)
    except UnitError as exc:
        error("unit", str(exc))

    value_eur = None
    raw_value = _cell(row, positions, "value_eur")
    if raw_value is not None and str(raw_value).strip() != "":
        try:
            value_eur = parse_number(raw_value)
            if value_eur < 0:
                error("value_eur", f"negative value {value_eur:g} EUR")
            elif value_eur > MAX_VALUE_EUR:
                error("value_eur", f"value {value_eur:g} EUR is larger than {MAX_VALUE_EUR:g}")
        except ValueError as exc:
            error("value_eur", f"value_eur: {exc}")

    year = None
    raw_year = _cell(row, positions, "year")
    if raw_year is not None and str(raw_year).strip() != "":
        try:
            number = parse_number(raw_year)
            if number != int(number) or not 1990 <= number <= 2100:
                error("year", f"year {number:g} is not a whole year between 1990 and 2100")
            else:
                year = int(number)
        except ValueError as exc:
            error("year", f"year: {exc}")

    raw_description = _cell(row, positions, "description")
    description = "" if raw_description is None else str(raw_description).strip()
    if description.startswith("="):
        warnings.append(Issue(row_number, "description", "warning", "description is a formula; kept as text"))

    if errors:
        return None, errors + warnings
    line = PurchaseLine(
        row=row_number,
        cpv=code,
        check_digit=check,
        description=description,
        quantity=quantity,
        unit=str(unit_text).strip(),
        dimension=dimension,
        factor=factor,
        value_eur=value_eur,
        year=year,
    )
    return line, warnings


def parse_rows(header: Sequence[object], rows: Iterable[tuple[int, Sequence[object]]]) -> ParseResult:
    """Parse ``rows`` (``(file_row, cells)`` pairs) under ``header``.

    Blank rows are skipped without an issue. Raises :class:`PurchaseFileError` when the header is
    unusable or no data row is present.
    """
    positions = map_header(header)
    result = ParseResult()
    known = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)
    result.ignored_columns = [name for name in positions if name not in known]
    for name in result.ignored_columns:
        result.issues.append(Issue(1, name, "warning", f"column {name!r} is not used by the scan"))
    for row_number, cells in rows:
        if _is_blank(cells):
            continue
        result.rows_read += 1
        line, issues = parse_row(row_number, cells, positions)
        result.issues.extend(issues)
        if line is not None:
            result.lines.append(line)
    if result.rows_read == 0:
        raise PurchaseFileError("no data rows below the header")
    return result
