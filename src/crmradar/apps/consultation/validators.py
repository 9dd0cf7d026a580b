"""Links from workspace items to the data package: every id must exist in the active package."""

from __future__ import annotations

from functools import cache

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _


@cache
def _known_ids(package_path: str) -> dict[str, frozenset[str]]:
    from crmradar import data

    kb = data.load(package_path)
    streams = set(kb.plant_scale["input_stream"]) | set(kb.recycling_facilities["input_stream"])
    return {
        "materials": frozenset(kb.materials["id"]),
        "technologies": frozenset(kb.technologies["id"]),
        "recycling_streams": frozenset(streams),
        "facilities": frozenset(kb.recycling_facilities["facility_id"]),
    }


def known_ids(kind: str) -> frozenset[str]:
    """The ids of one kind (materials, technologies, recycling_streams, facilities) in the active package."""
    from crmradar.data.loader import active_package_dir

    return _known_ids(str(active_package_dir()))[kind]


@deconstructible
class validate_package_ids:  # noqa: N801 - used like a function in field definitions
    def __init__(self, kind: str):
        self.kind = kind

    def __call__(self, value) -> None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError(_("Expected a list of identifiers."), code="invalid")
        unknown = sorted(set(value) - known_ids(self.kind))
        if unknown:
            raise ValidationError(_("Unknown identifier(s): %(ids)s"), code="unknown",
                                  params={"ids": ", ".join(unknown)})

    def __eq__(self, other) -> bool:
        return isinstance(other, validate_package_ids) and other.kind == self.kind
