"""Finding a material by id, English or Dutch name, symbol or alias (as users type it)."""

from __future__ import annotations

import difflib
import unicodedata

import pandas as pd


class UnknownMaterialError(LookupError):
    """No material matches; ``suggestions`` holds close names the user may have meant."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown material {name!r}{hint}")


def _normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().replace("_", " ").replace("-", " ").split())


def material_names(materials: pd.DataFrame) -> dict[str, str]:
    """Map every normalised spelling (id, names EN/NL, symbol, aliases) to the material id."""
    names: dict[str, str] = {}
    for row in materials.itertuples(index=False):
        spellings = [row.id, row.name_en, row.name_nl]
        aliases = getattr(row, "aliases", None)
        if isinstance(aliases, str) and aliases:
            spellings.extend(aliases.split("|"))
        for spelling in spellings:
            if isinstance(spelling, str) and spelling:
                names.setdefault(_normalise(spelling), row.id)
        symbol = getattr(row, "symbol", None)
        if isinstance(symbol, str) and symbol:
            # Symbols are case-sensitive in chemistry but users type "ga" as often as "Ga".
            names.setdefault(_normalise(symbol), row.id)
    return names


def resolve_material(materials: pd.DataFrame, name: str) -> str:
    """Return the material id for ``name``; raise :class:`UnknownMaterialError` with suggestions."""
    names = material_names(materials)
    key = _normalise(name)
    if key in names:
        return names[key]
    close = difflib.get_close_matches(key, list(names), n=6, cutoff=0.6)
    suggestions: list[str] = []
    for spelling in close:
        material_id = names[spelling]
        if material_id not in suggestions:
            suggestions.append(material_id)
    return_ids = suggestions[:4]
    raise UnknownMaterialError(name, return_ids)
