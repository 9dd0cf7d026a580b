"""Policy alignment: load the package's frameworks, the milestone timeline, and what no action point covers.

Loading is idempotent by code (``framework_id`` with dashes); a framework an analyst deleted stays deleted.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from django.db import transaction

from crmradar.apps.consultation import services
from crmradar.apps.policy.models import PolicyFramework

SOURCE_PREFIX = "Datapakket policy_frameworks"


def _blank(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and value == "")


def load_package_frameworks(kb, user) -> dict[str, int]:
    table, sources = kb["policy_frameworks"], kb["sources"].set_index("id")
    counts = {"created": 0, "updated": 0, "deleted_kept": 0}
    with transaction.atomic():
        for row in table.to_dict("records"):
            code = row["framework_id"].replace("_", "-")
            item = PolicyFramework.all_objects.filter(code=code).first()
            if item is not None and item.deleted_at is not None:
                counts["deleted_kept"] += 1
                continue
            counts["updated" if item else "created"] += 1
            item = item or PolicyFramework(code=code)
            item.name, item.level = row["name"], row["level"]
            item.adopted_on = None if _blank(row["adopted_on"]) else dt.date.fromisoformat(str(row["adopted_on"])[:10])
            item.targets = "" if _blank(row["targets"]) else row["targets"]
            item.target_year = None if _blank(row["target_year"]) else int(row["target_year"])
            item.milestones = "" if _blank(row["milestones"]) else row["milestones"]
            for dutch in PolicyFramework.TRANSLATED_FIELDS.values():  # a package without them: English only
                value = row.get(dutch)
                setattr(item, dutch, "" if _blank(value) else value)
            item.materials = [] if _blank(row["materials"]) else row["materials"].split("|")
            source = sources.loc[row["source_id"]]
            item.source = f"{SOURCE_PREFIX} · {row['source_id']}: {source['publisher']}, {source['title']} " \
                          f"({source['url']})"[:500]
            item.published = True
            services.save_item(item, user)
    return counts


def timeline(frameworks, today: dt.date | None = None, language: str | None = None) -> list[dict]:
    """Every milestone of ``frameworks`` in date order, with ``past`` relative to ``today``; names and texts in
    ``language`` (default: the page's; the English text where a framework has no Dutch)."""
    today = today or dt.date.today()
    rows = [{"date": m.date, "precision": m.precision, "text": m.text, "framework": f.in_language("name", language),
             "code": f.code, "past": _period_end(m) < today}
            for f in frameworks for m in f.milestone_entries(language)]
    return sorted(rows, key=lambda r: (r["date"], r["framework"]))


def _period_end(milestone) -> dt.date:
    """The last day the milestone's date stands for (its day, the end of its month, or the end of its year)."""
    if milestone.precision == "year":
        return dt.date(milestone.date.year, 12, 31)
    if milestone.precision == "month":
        following = dt.date(milestone.date.year + milestone.date.month // 12, milestone.date.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return milestone.date


def uncovered(frameworks) -> list[PolicyFramework]:
    """Frameworks that no live action point refers to: what the consultation does not yet act on."""
    return [f for f in frameworks if not f.action_points.filter(deleted_at__isnull=True).exists()]
