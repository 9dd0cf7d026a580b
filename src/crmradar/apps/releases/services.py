"""Recording releases and comparing them: the indicators of a load are stored once (when the load is created, or
later for a load whose package files are still the ones it was made from); two releases compare through
``crmradar.reports.indicators.indicator_diff``."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd
from django.db import transaction

from crmradar.apps.releases.models import Indicator, Release
from crmradar.reports.indicators import COLUMNS, indicator_diff, key_indicators

log = logging.getLogger(__name__)
_TRIED: set[int] = set()  # loads this process could not record (package gone or changed): not retried per page


def _descriptor(path: Path) -> dict:
    try:
        return json.loads((path / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def store(load, frame: pd.DataFrame, name: str = "", version: str = "") -> Release:
    """Store ``frame`` (:func:`key_indicators` columns) as the release of ``load``, all rows or none."""
    with transaction.atomic():
        release, _ = Release.objects.get_or_create(load=load, defaults={"name": name, "version": version})
        release.indicators.all().delete()
        Indicator.objects.bulk_create(
            Indicator(release=release, subject_kind=r.subject_kind, subject_id=r.subject_id, indicator=r.indicator,
                      detail=r.detail or "", value=None if pd.isna(r.value) else float(r.value),
                      unit=r.unit if isinstance(r.unit, str) else "",
                      year=None if pd.isna(r.year) else int(r.year),
                      source_id=r.source_id if isinstance(r.source_id, str) else "")
            for r in frame.itertuples(index=False))
    return release


def record(load) -> Release | None:
    """The release of ``load``, computing its indicators from the package when they are not stored yet. ``None``
    when the package folder is gone or holds other files than the load was made from (no invented values)."""
    existing = Release.objects.filter(load=load).first()
    if existing is not None:
        return existing
    from crmradar import data
    from crmradar.web.loading import package_hash

    path = Path(load.package_path)
    try:
        kb = data.load(path)
    except (OSError, ValueError) as error:
        log.info("release of load %s not recorded: %s", load.pk, error)
        return None
    if package_hash(kb) != load.package_hash:
        return None
    descriptor = _descriptor(path)
    return store(load, key_indicators(kb), str(descriptor.get("name", "")), str(descriptor.get("version", "")))


def record_on_load(sender, instance, created: bool, **kwargs) -> None:
    """post_save of ``web.PackageLoad``: every new load becomes a release (inside the load's transaction)."""
    if created and not kwargs.get("raw"):
        record(instance)


def ensure_recorded() -> list[Release]:
    """Releases for every load that can still be read (older loads made before releases were kept), oldest first."""
    from crmradar.web.models import PackageLoad

    for load in PackageLoad.objects.filter(release__isnull=True).exclude(pk__in=_TRIED):
        if record(load) is None:
            _TRIED.add(load.pk)
    return list(Release.objects.select_related("load").order_by("load__loaded_at", "pk"))


def indicators(release: Release) -> pd.DataFrame:
    rows = release.indicators.values(*COLUMNS)
    return pd.DataFrame(list(rows), columns=COLUMNS)


def changes(old: Release, new: Release) -> pd.DataFrame:
    """Changed, added and removed indicator values from ``old`` to ``new``."""
    return indicator_diff(indicators(old), indicators(new))


def trend(releases: list[Release], subject_ids: list[str], indicator: str, detail: str = "") -> pd.DataFrame:
    """Value of ``indicator`` per release (columns: release, date, subject_id, value) for ``subject_ids``."""
    rows = Indicator.objects.filter(release__in=releases, subject_id__in=subject_ids, indicator=indicator,
                                    detail=detail).values("release_id", "subject_id", "value")
    frame = pd.DataFrame(list(rows), columns=["release_id", "subject_id", "value"])
    dates = {r.pk: r.load.loaded_at for r in releases}
    frame["date"] = frame["release_id"].map(dates)
    return frame.sort_values(["subject_id", "date"], ignore_index=True)
