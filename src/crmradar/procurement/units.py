"""Units a purchase list may use, and their conversion to the basis unit of an archetype.

Each accepted spelling maps to a *dimension* and a factor to the archetype basis unit of that
dimension: pieces (``unit``), power (``kW`` and ``kWp`` are one dimension, so 1 MW = 1000 kW and
1 Wp = 0.001 kWp), storage energy (``kWh``) and cable length (``km``).
"""

from __future__ import annotations

#: dimension of each archetype basis unit
BASIS_DIMENSION = {"unit": "piece", "kW": "power", "kWp": "power", "kWh": "energy", "km": "length"}

_SPELLINGS: dict[str, tuple[str, float]] = {}
for _names, _dimension, _factor in (
    (
        ("unit", "units", "pc", "pcs", "piece", "pieces", "st", "st.", "stk", "stuk", "stuks", "ea", "each", "x"),
        "piece",
        1.0,
    ),
    (("kw", "kwp", "kwe"), "power", 1.0),
    (("w", "wp"), "power", 0.001),
    (("mw", "mwp", "mwe"), "power", 1000.0),
    (("kwh",), "energy", 1.0),
    (("wh",), "energy", 0.001),
    (("mwh",), "energy", 1000.0),
    (("km",), "length", 1.0),
    (("m", "meter", "meters", "metre", "metres", "mtr", "m1"), "length", 0.001),
):
    for _name in _names:
        _SPELLINGS[_name] = (_dimension, _factor)

#: accepted spellings, for error messages
ACCEPTED_UNITS = ("stuks/pcs/unit", "W/kW/MW", "Wp/kWp/MWp", "Wh/kWh/MWh", "m/km")


class UnitError(ValueError):
    """A unit spelling the scan does not know."""


def parse_unit(text: object) -> tuple[str, float]:
    """``(dimension, factor)`` of a unit spelling, case- and blank-insensitive.

    >>> parse_unit("MWp")
    ('power', 1000.0)
    """
    if text is None or str(text).strip() == "":
        raise UnitError("unit is empty")
    key = str(text).strip().lower().replace(" ", "")
    if key not in _SPELLINGS:
        raise UnitError(f"unknown unit {str(text)[:20]!r}; use one of {', '.join(ACCEPTED_UNITS)}")
    return _SPELLINGS[key]
