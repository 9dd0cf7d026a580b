"""Rich tables that fit the terminal: translated headers and names, locale numbers, never a cut-off "…".

Numbers never wrap; text wraps at spaces (long words fold). When even the narrowest layout is wider than the
terminal, the least important columns are left out and a line under the table names them and says where the
full table is (``--format csv``, ``--out FILE``).
"""

from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.table import Table

from crmradar.i18n import column_label, label
from crmradar.reports import labels as names
from crmradar.reports.numbers import format_number

#: Columns whose values are identifiers shown by name (``reports.labels`` kind).
VALUE_KINDS = {
    "material_id": "material", "material": "material", "stage": "stage", "indicator": "metric", "metric": "metric",
    "unit": "unit", "largest_third_country": "country", "country_iso3": "country", "lever": "lever",
    "technology_id": "technology", "scope": "scope", "measure_type": "measure_type", "status": "status",
    "basis": "basis", "catchment": "catchment", "scenario": "scenario",
}
TOTAL = {"nl": "totaal", "en": "total"}
#: Columns of year numbers and ranks: never grouped ("2030", not "2.030").
PLAIN_INTEGER_HINTS = ("year", "rank", "jaar")
#: Text columns are at least this wide (or as wide as their longest cell, if narrower).
TEXT_MIN = 10
#: Words up to this length are never split (longer ones fold when the terminal is narrow).
WORD_MAX = 16
#: Width of the box and padding: "│ " before each column, " " after, and the final "│".
PER_COLUMN = 3


def cell_text(value: object, column: str, lang: str, integer: bool = False) -> str:
    """How one value is shown in a table: translated names, locale numbers, "–" for missing."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, int) or integer:
        number = int(value)
        plain = any(hint in column for hint in PLAIN_INTEGER_HINTS) or abs(number) < 10_000
        return str(number) if plain else format_number(number, lang, decimals=0)
    if isinstance(value, float):
        return format_number(value, lang, significant=3)
    kind = VALUE_KINDS.get(column)
    if kind is not None:
        if value == "total":
            return TOTAL[lang]
        return names.label(kind, value, lang)
    return str(value)


def _is_number(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _natural_width(header: str, cells: list[str]) -> int:
    return max([len(header), *(len(cell) for cell in cells)])


def _min_width(header: str, cells: list[str], number: bool) -> int:
    longest_header_word = max((len(word) for word in header.split()), default=1)
    widest = max((len(cell) for cell in cells), default=1)
    if number:
        return max(widest, longest_header_word)
    longest_word = max((len(word) for cell in cells for word in cell.split()), default=1)
    return max(longest_header_word, min(widest, TEXT_MIN), min(longest_word, WORD_MAX))


def fit_columns(widths: dict[str, int], available: int, priority: list[str]) -> list[str]:
    """Columns (in ``priority`` order of importance) whose minimum widths fit ``available``; the first stays."""
    kept = list(priority)
    while len(kept) > 1 and sum(widths[c] for c in kept) + PER_COLUMN * len(kept) + 1 > available:
        kept.pop()
    return kept


def shrink(natural: dict[str, int], minimum: dict[str, int], available: int) -> dict[str, int]:
    """Column widths that fit ``available``: the widest wrappable column gives up a character at a time."""
    widths = dict(natural)
    excess = sum(widths.values()) + PER_COLUMN * len(widths) + 1 - available
    while excess > 0:
        candidates = [c for c in widths if widths[c] > minimum[c]]
        if not candidates:
            break
        widest = max(candidates, key=lambda c: widths[c])
        widths[widest] -= 1
        excess -= 1
    return widths


def hidden_note(hidden: list[str], width: int, lang: str, full: str) -> str:
    if lang == "nl":
        return f"Niet getoond ({width} tekens breed): {', '.join(hidden)}. Volledige tabel: {full}."
    return f"Not shown ({width} characters wide): {', '.join(hidden)}. Full table: {full}."


def render_table(frame: pd.DataFrame, console: Console, lang: str, title: str | None = None,
                 priority: list[str] | None = None, full: str = "--format csv") -> list[str]:
    """Print ``frame`` as a table that fits ``console``; returns the (translated) columns left out."""
    headers = {column: column_label(str(column), lang) for column in frame.columns}
    numbers = {column: _is_number(frame[column]) for column in frame.columns}
    cells = {
        column: [cell_text(v, str(column), lang, pd.api.types.is_integer_dtype(frame[column]))
                 for v in frame[column].tolist()]
        for column in frame.columns
    }
    widths = {column: _min_width(headers[column], cells[column], numbers[column]) for column in frame.columns}
    order = [c for c in (priority or []) if c in widths] + [c for c in frame.columns if c not in (priority or [])]
    kept = set(fit_columns(widths, console.width, order))
    shown = [column for column in frame.columns if column in kept]
    natural = {column: _natural_width(headers[column], cells[column]) for column in shown}
    final = shrink(natural, {column: widths[column] for column in shown}, console.width)
    table = Table(title=title, show_lines=False)
    for column in shown:
        table.add_column(headers[column], justify="right" if numbers[column] else "left", width=final[column],
                         overflow="fold")  # numbers never wrap: the width is at least their widest cell
    for position in range(len(frame)):
        table.add_row(*(cells[column][position] for column in shown))
    console.print(table)
    hidden = [headers[column] for column in frame.columns if column not in kept]
    if hidden:
        console.print(hidden_note(hidden, console.width, lang, full), style="dim", highlight=False)
    return hidden
