"""User-facing names of data-package ids linked from workspace items, in the user's language.

Names come from the project's one label table, :mod:`crmradar.reports.labels` (materials, technologies and
recycling streams); facilities carry their proper name in the package.
"""

from __future__ import annotations

from functools import cache

from django.utils.translation import get_language

from crmradar.reports import labels

KINDS = {"materials": "material", "technologies": "technology", "recycling_streams": "input_stream"}


@cache
def _facility_names(package_path: str) -> dict[str, str]:
    from crmradar import data

    kb = data.load(package_path)
    return dict(zip(kb.recycling_facilities["facility_id"], kb.recycling_facilities["name"], strict=True))


def package_label(kind: str, identifier: str, language: str | None = None) -> str:
    language = (language or get_language() or "nl")[:2]
    if kind == "facilities":
        from crmradar.data.loader import active_package_dir

        return _facility_names(str(active_package_dir())).get(identifier, identifier)
    return labels.label(KINDS[kind], identifier, language)
