"""Milestones of a framework: ``YYYY-MM-DD: text`` (or ``YYYY-MM`` / ``YYYY``) joined with ``|``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\s*:\s*(.+)$")


@dataclass(frozen=True)
class Milestone:
    date: dt.date   # the first day of the month or year when only those are given
    precision: str  # day, month or year
    text: str


def parse(text: str) -> tuple[list[Milestone], list[str]]:
    found, problems = [], []
    for raw in (text or "").split("|"):
        raw = raw.strip()
        if not raw:
            continue
        match = PATTERN.match(raw)
        if not match:
            problems.append(f"{raw!r}: expected YYYY[-MM[-DD]]: text")
            continue
        year, month, day, body = match.groups()
        try:
            date = dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            problems.append(f"{raw!r}: not a valid date")
            continue
        precision = "day" if day else "month" if month else "year"
        found.append(Milestone(date, precision, body.strip()))
    return found, problems


def validate(text: str) -> None:
    from django.core.exceptions import ValidationError

    _found, problems = parse(text)
    if problems:
        raise ValidationError("; ".join(problems), code="invalid")
