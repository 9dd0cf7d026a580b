"""XLSX downloads of the web tables (openpyxl): translated column headers, numbers as numbers, text never a formula.

The first sheet holds the table with a header row in the page language; the second sheet ("Kolommen" /
"Columns") lists each header with the column id of the CSV download and, where the data package describes the
column, its unit and description, so the two downloads can be matched column by column.

Formula injection: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written
as a string with Excel's quote prefix (``'``) set, so Excel shows it as text and never evaluates it, also when
the cell is edited (OWASP "CSV injection"; the same rule holds for XLSX cells that openpyxl would otherwise
store as formulas).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font

from crmradar.i18n import COLUMN_LABELS
from crmradar.reports import labels

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_CELL_TEXT = 32_767
SHEET_NAMES = {"nl": ("Gegevens", "Kolommen"), "en": ("Data", "Columns")}
LEGEND_HEADERS = {"nl": ("kolom", "kolom-id (CSV)", "eenheid", "omschrijving"),
                  "en": ("column", "column id (CSV)", "unit", "description")}


def header(column: str, lang: str = "nl") -> str:
    """Display name of a column (``crmradar.i18n`` first, then ``reports.labels``); unknown columns keep their id."""
    names = COLUMN_LABELS.get(column)
    if names is not None:
        return names[0] if lang == "nl" else names[1]
    return labels.column(column, lang) or column


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def _value(value):
    """A cell value: None for missing, Python numbers/booleans/dates, text otherwise."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, int | date | datetime):
        return value
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return str(value)[:MAX_CELL_TEXT]


def _cell(sheet, value):
    cleaned = _value(value)
    if isinstance(cleaned, str) and is_formula_like(cleaned):
        cell = WriteOnlyCell(sheet, value=None)
        cell.value = cleaned
        cell.data_type = "s"  # openpyxl would store "=…" as a formula
        cell.quotePrefix = True
        return cell
    return cleaned


def _unique(names: list[str]) -> list[str]:
    """Headers made unique (two columns may translate to the same word): a second "aandeel" gets " (2)"."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def frame_to_xlsx(frame: pd.DataFrame, lang: str = "nl", descriptions: dict[str, tuple[str, str]] | None = None,
                  title: str | None = None) -> bytes:
    """``frame`` as an XLSX workbook (bytes). ``descriptions`` maps a column id to (unit, description) for the
    column sheet; ``title`` becomes the workbook title property."""
    lang = "en" if lang == "en" else "nl"
    workbook = Workbook(write_only=True)
    if title:
        workbook.properties.title = title[:255]
    data_name, legend_name = SHEET_NAMES[lang]
    sheet = workbook.create_sheet(data_name)
    columns = [str(c) for c in frame.columns]
    headers = _unique([header(c, lang) for c in columns])
    bold = Font(bold=True)
    head_cells = []
    for text in headers:
        cell = _cell(sheet, text)
        if not isinstance(cell, Cell):
            cell = WriteOnlyCell(sheet, value=cell)
        cell.font = bold
        head_cells.append(cell)
    sheet.append(head_cells)
    clean = frame.astype(object).where(frame.notna(), None)
    for row in clean.itertuples(index=False, name=None):
        sheet.append([_cell(sheet, v) for v in row])
    legend = workbook.create_sheet(legend_name)
    legend.append(list(LEGEND_HEADERS[lang]))
    for shown, column in zip(headers, columns, strict=True):
        unit, text = (descriptions or {}).get(column, ("", ""))
        legend.append([_cell(legend, shown), _cell(legend, column), _cell(legend, unit or ""),
                       _cell(legend, text or "")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def spec_descriptions(fields: Iterable) -> dict[str, tuple[str, str]]:
    """(unit, description) per column from a data-package table schema (``crmradar.data.schema.FieldSpec``)."""
    return {f.name: (f.unit or "", f.description or "") for f in fields}
