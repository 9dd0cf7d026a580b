"""From a CPV code and a unit to the archetype bill(s) that describe the purchase.

Order of resolution for a code ``c`` (first that applies):

1. ``direct`` — ``c`` has its own archetype.
2. ``children_mix`` — ``c`` is a general code and archetypes exist below it: the line uses the
   mix of those descendant archetypes whose basis unit fits the line's unit. The mix weights each
   archetype equally (no purchase statistics per CPV code exist to weight them), the central content
   is the mean of the archetypes' central contents and the interval is their envelope
   (``low`` = smallest low, ``high`` = largest high), because which child was bought is unknown.
3. ``ancestor`` — the nearest more general code with an archetype that declares
   ``covers_descendants`` (e.g. GSM telephones 32252000 under mobile telephones 32250000).
4. ``unmapped`` — none of the above: the line is reported with a suggestion (archetypes under the
   nearest ancestor that has any) and contributes nothing.

Units: a line in pieces uses a per-piece bill directly, or converts pieces to kW/kWp/kWh through
``capacity_per_unit`` (PV modules: 0.43 kWp per module). A line in kW, kWh or km needs an archetype
with that basis. Anything else is a *wrong unit* error for that row.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from crmradar.procurement import cpv as cpvlib
from crmradar.procurement.knowledge import ProcurementKnowledge
from crmradar.procurement.units import BASIS_DIMENSION


@dataclass(frozen=True)
class Mapping:
    kind: str  # direct | children_mix | ancestor | unmapped
    archetypes: tuple[str, ...]  # CPV codes of the archetypes used
    message: str = ""  # for unmapped lines: why, and what to use instead


class WrongUnitError(ValueError):
    """The unit of a line does not fit the archetype(s) of its CPV code."""


def label(knowledge: ProcurementKnowledge, code: str) -> str:
    if code in knowledge.cpv_codes.index:
        return str(knowledge.cpv_codes.at[code, "label_en"])
    if code in knowledge.archetypes.index:
        return str(knowledge.archetypes.at[code, "name_en"])
    return "not in our CPV list"


def unit_fits(archetype: pd.Series, dimension: str) -> bool:
    """Whether a line in ``dimension`` can use this archetype's bill."""
    basis_dimension = BASIS_DIMENSION[archetype["basis_unit"]]
    if dimension == basis_dimension:
        return True
    return dimension == "piece" and pd.notna(archetype["capacity_per_unit"])


def describe_units(archetype: pd.Series) -> str:
    basis = archetype["basis_unit"]
    text = "pieces" if basis == "unit" else basis
    if basis != "unit" and pd.notna(archetype["capacity_per_unit"]):
        text += f" (or pieces of {archetype['capacity_per_unit']:g} {basis})"
    return text


def descendants_with_archetype(knowledge: ProcurementKnowledge, code: str) -> list[str]:
    return [other for other in knowledge.archetypes.index if cpvlib.is_descendant(other, code)]


def suggestion(knowledge: ProcurementKnowledge, code: str, limit: int = 5) -> str:
    for ancestor in cpvlib.ancestors(code):
        candidates = descendants_with_archetype(knowledge, ancestor)
        if candidates:
            shown = [f"{c} {knowledge.archetypes.at[c, 'name_en']}" for c in sorted(candidates)[:limit]]
            more = f" (+{len(candidates) - limit} more)" if len(candidates) > limit else ""
            return "use a more specific code, e.g. " + "; ".join(shown) + more
    return "no archetype in this CPV division; the line is not scanned"


def resolve(knowledge: ProcurementKnowledge, code: str, dimension: str) -> Mapping:
    """Find the archetype(s) for ``code`` and a line unit of ``dimension``.

    Raises :class:`WrongUnitError` when archetypes exist but none fits the unit.
    """
    archetypes = knowledge.archetypes
    if code in archetypes.index:
        row = archetypes.loc[code]
        if not unit_fits(row, dimension):
            raise WrongUnitError(
                f"CPV {code} ({row['name_en']}) is counted in {describe_units(row)}, not in {dimension} units"
            )
        return Mapping("direct", (code,))
    children = descendants_with_archetype(knowledge, code)
    if children:
        fitting = tuple(sorted(c for c in children if unit_fits(archetypes.loc[c], dimension)))
        if fitting:
            return Mapping("children_mix", fitting)
        units = sorted({describe_units(archetypes.loc[c]) for c in children})
        raise WrongUnitError(
            f"CPV {code} ({label(knowledge, code)}): its sub-codes are counted in {', '.join(units)}, "
            f"not in {dimension} units"
        )
    for ancestor in cpvlib.ancestors(code):
        if ancestor in archetypes.index and bool(archetypes.at[ancestor, "covers_descendants"]):
            row = archetypes.loc[ancestor]
            if not unit_fits(row, dimension):
                raise WrongUnitError(
                    f"CPV {code} uses {ancestor} ({row['name_en']}), counted in {describe_units(row)}, "
                    f"not in {dimension} units"
                )
            return Mapping("ancestor", (ancestor,))
    return Mapping(
        "unmapped",
        (),
        f"no product archetype for CPV {code} ({label(knowledge, code)}); {suggestion(knowledge, code)}",
    )
