"""User-facing names of data-package ids (materials, technologies, streams, facilities) in the user's language.

Names come from the package's own nl/en columns; recycling streams have no name column, so their labels are
kept here in both languages (an unknown stream falls back to a readable form, never to the raw id).
"""

from __future__ import annotations

from functools import cache

from django.utils.translation import get_language

STREAMS = {
    "li_ion_batteries": ("Li-ionbatterijen", "Li-ion batteries"),
    "black_mass": ("Black mass (batterijpoeder)", "Black mass"),
    "weee": ("E-waste (AEEA)", "E-waste (WEEE)"),
    "pv_modules": ("Zonnepanelen", "PV modules"),
    "permanent_magnets": ("Permanente magneten", "Permanent magnets"),
    "complex_metal_scrap": ("Complex metaalschroot", "Complex metal scrap"),
    "rare_earth_concentrate": ("Zeldzame-aardenconcentraat", "Rare-earth concentrate"),
}


@cache
def _names(package_path: str, kind: str, language: str) -> dict[str, str]:
    from crmradar import data

    kb = data.load(package_path)
    column = "name_nl" if language == "nl" else "name_en"
    if kind == "materials":
        return dict(zip(kb.materials["id"], kb.materials[column], strict=True))
    if kind == "technologies":
        return dict(zip(kb.technologies["id"], kb.technologies[column], strict=True))
    if kind == "facilities":
        return dict(zip(kb.recycling_facilities["facility_id"], kb.recycling_facilities["name"], strict=True))
    return {}


def package_label(kind: str, identifier: str, language: str | None = None) -> str:
    from crmradar.data.loader import active_package_dir

    language = (language or get_language() or "nl")[:2]
    if kind == "recycling_streams":
        pair = STREAMS.get(identifier)
        if pair:
            return pair[0] if language == "nl" else pair[1]
        return identifier.replace("_", " ").capitalize()
    return _names(str(active_package_dir()), kind, language).get(identifier, identifier)
