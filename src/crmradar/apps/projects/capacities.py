"""Capacity entries of a project: ``stage:id:tonnes`` joined with ``|``.

``stage`` is extraction, processing or recycling (CRMA Art. 5(1)); ``id`` is a material id of the data
package (tonnes per year of *contained* material, counted towards the CRMA benchmarks) or a recycling-stream
id (tonnes per year of *gross input*, e.g. ``li_ion_batteries``; not counted, because the contained metal is
not published). Example: ``recycling:li_ion_batteries:10000|recycling:cobalt:300``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from crmradar.apps.projects.choices import CAPACITY_STAGES

SEPARATOR = "|"


@dataclass(frozen=True)
class Capacity:
    stage: str
    id: str
    tonnes_per_year: float
    contained: bool  # True: a material (contained t/yr); False: a recycling stream (gross input t/yr)


def parse(text: str, materials: frozenset[str], streams: frozenset[str]) -> tuple[list[Capacity], list[str]]:
    """The entries of ``text`` and a list of problems (empty when every entry is valid)."""
    entries, problems = [], []
    for raw in (text or "").split(SEPARATOR):
        raw = raw.strip()
        if not raw:
            continue
        parts = [p.strip() for p in raw.split(":")]
        if len(parts) != 3:
            problems.append(f"{raw!r}: expected stage:id:tonnes")
            continue
        stage, identifier, amount = parts
        if stage not in CAPACITY_STAGES:
            problems.append(f"{raw!r}: stage must be one of {', '.join(CAPACITY_STAGES)}")
            continue
        if identifier not in materials and identifier not in streams:
            problems.append(f"{raw!r}: {identifier!r} is neither a material nor a recycling stream of the package")
            continue
        try:
            tonnes = float(amount.replace(",", "."))
        except ValueError:
            problems.append(f"{raw!r}: {amount!r} is not a number")
            continue
        if not math.isfinite(tonnes) or tonnes < 0 or tonnes > 1e9:
            problems.append(f"{raw!r}: tonnes must be between 0 and 1e9")
            continue
        entries.append(Capacity(stage, identifier, tonnes, identifier in materials))
    return entries, problems


def package_ids() -> tuple[frozenset[str], frozenset[str]]:
    from crmradar.apps.consultation.validators import known_ids

    return known_ids("materials"), known_ids("recycling_streams")


def validate(text: str) -> None:
    from django.core.exceptions import ValidationError

    _entries, problems = parse(text, *package_ids())
    if problems:
        raise ValidationError("; ".join(problems), code="invalid")
