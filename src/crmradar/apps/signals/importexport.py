"""Signals from a CSV (UTF-8, optional BOM) or XLSX file: one row per signal, every row checked first; any
problem is reported with row and column and nothing is saved.

Columns: ``kind`` (exportcontrole, sanctie, prijsbeweging, fabriek, beleid), ``title``, ``summary``, ``url``,
``date`` (YYYY-MM-DD), ``materials`` (data-package ids joined with ``|``; empty: read from title and
summary), ``price_change_percent``, ``published`` (1/0, ja/nee)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from crmradar.apps.consultation.validators import known_ids
from crmradar.apps.signals import services
from crmradar.apps.signals.models import Signal, SignalKind

COLUMNS = ("kind", "title", "summary", "url", "date", "materials", "price_change_percent", "published")
REQUIRED = ("kind", "title")


class ImportProblemsError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _rows(name: str, content: bytes) -> list[dict[str, str]]:
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportProblemsError([f"{name}: not UTF-8 ({error.reason})"]) from error
        values = list(csv.reader(io.StringIO(text)))
    if not values:
        raise ImportProblemsError([f"{name}: empty file"])
    header = [h.strip() for h in values[0]]
    problems = [f"{name}: missing column {c}" for c in REQUIRED if c not in header]
    problems += [f"{name}: unknown column {c}" for c in header if c and c not in COLUMNS]
    if problems:
        raise ImportProblemsError(problems)
    rows = []
    for number, row in enumerate(values[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise ImportProblemsError([f"{name}, row {number}: {len(row)} fields for {len(header)} columns"])
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        rows.append({"_row": str(number), **cells})
    return rows


def _signal(name: str, row: dict[str, str], problems: list[str]) -> Signal | None:
    where = f"{name}, row {row['_row']}"
    start = len(problems)
    if row.get("kind") not in SignalKind.values:
        problems.append(f"{where}, column kind: {row.get('kind')!r} is not one of {', '.join(SignalKind.values)}")
    if not row.get("title"):
        problems.append(f"{where}, column title: empty")
    date = None
    if row.get("date"):
        try:
            date = dt.date.fromisoformat(row["date"][:10])
        except ValueError:
            problems.append(f"{where}, column date: {row['date']!r} is not YYYY-MM-DD")
    materials = [m.strip() for m in row.get("materials", "").split("|") if m.strip()]
    unknown = sorted(set(materials) - known_ids("materials"))
    if unknown:
        problems.append(f"{where}, column materials: unknown material id(s) {', '.join(unknown)}")
    change = None
    if row.get("price_change_percent"):
        try:
            change = float(row["price_change_percent"].replace(",", "."))
        except ValueError:
            problems.append(f"{where}, column price_change_percent: {row['price_change_percent']!r} is not a number")
    published = row.get("published", "").lower() in ("1", "ja", "yes", "true", "waar")
    if len(problems) > start:
        return None
    signal = Signal(kind=row["kind"], title=row["title"][:300], summary=row.get("summary", ""),
                    url=row.get("url", ""), published_on=date, origin="import", materials=materials,
                    price_change_percent=change, published=published)
    try:
        signal.full_clean(exclude=["owner_organisation", "created_by", "updated_by", "deleted_by", "feed"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            problems.append(f"{where}, column {field}: {' '.join(messages)}")
        return None
    return signal


def import_signals(path_or_name: str | Path, user, content: bytes | None = None) -> list[Signal]:
    """Check every row, then record all signals (matched and notified) in one transaction."""
    name = Path(path_or_name).name
    content = Path(path_or_name).read_bytes() if content is None else content
    rows = _rows(name, content)
    problems: list[str] = []
    signals = [s for s in (_signal(name, row, problems) for row in rows) if s is not None]
    if problems:
        raise ImportProblemsError(problems)
    with transaction.atomic():
        return [services.record(signal, user) for signal in signals]
