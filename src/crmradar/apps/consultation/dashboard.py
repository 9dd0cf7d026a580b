"""Dashboard figures: open and overdue actions per line and owner, the chain × bottleneck-category matrix,
the next meeting and the latest changes, all restricted to what the user may read."""

from __future__ import annotations

from collections import Counter

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from crmradar.apps.consultation import choices, models, services
from crmradar.apps.consultation.registers import BY_MODEL


def action_summary(user, today=None) -> list[dict]:
    """Rows per owner organisation: open and overdue action points in line 1 and line 2."""
    today = today or timezone.localdate()
    open_actions = services.visible(models.ActionPoint, user).filter(status__in=choices.OPEN_ACTION_STATUSES)
    counts: Counter = Counter()
    owners = {}
    for action in open_actions.select_related("owner_organisation"):
        owner = action.owner_organisation
        key = owner.pk if owner else 0
        owners[key] = owner.name if owner else _("no owner")
        counts[(key, action.line, "open")] += 1
        if action.due_date and action.due_date < today:
            counts[(key, action.line, "overdue")] += 1
    return [{
        "owner": owners[key],
        "line1_open": counts[(key, 1, "open")], "line1_overdue": counts[(key, 1, "overdue")],
        "line2_open": counts[(key, 2, "open")], "line2_overdue": counts[(key, 2, "overdue")],
    } for key in sorted(owners, key=lambda k: owners[k])]


def bottleneck_matrix(user) -> dict:
    """Open bottlenecks per chain (rows) and category (columns): count and highest severity per cell."""
    categories = list(choices.BottleneckCategory.choices)
    open_items = services.visible(models.Bottleneck, user).filter(status__in=choices.OPEN_BOTTLENECK_STATUSES)
    cells: dict = {}
    chains = {}
    for item in open_items.select_related("chain"):
        key = item.chain_id or 0
        chains[key] = item.chain.name if item.chain else _("no chain")
        count, worst = cells.get((key, item.category), (0, 0))
        cells[(key, item.category)] = (count + 1, max(worst, item.severity))
    rows = []
    for key in sorted(chains, key=lambda k: chains[k]):
        row = []
        for value, _label in categories:
            count, worst = cells.get((key, value), (0, 0))
            row.append({"count": count, "severity": worst})
        rows.append({"chain": chains[key], "cells": row})
    return {"categories": [label for _v, label in categories], "rows": rows}


def next_meeting(user, today=None):
    today = today or timezone.localdate()
    return services.visible(models.Meeting, user).filter(date__gte=today).order_by("date").first()


def recent_changes(user, limit: int = 12) -> list[dict]:
    """The latest history records across the registers the user may read (members only see history)."""
    from crmradar.apps.consultation.history import actor, kind_label, record_kind

    if not user.has_perm("consultation.view_workspace"):
        return []
    records = []
    for model, register in BY_MODEL.items():
        for record in model.history.select_related("history_user").order_by("-history_date")[:limit]:
            records.append((record.history_date, register, record))
    records.sort(key=lambda entry: entry[0], reverse=True)
    out = []
    for when, register, record in records[:limit]:
        out.append({
            "when": formats.date_format(when, "SHORT_DATETIME_FORMAT"), "register": register,
            "pk": record.id, "title": str(record.instance), "kind": kind_label(record_kind(record)),
            "who": actor(record),
        })
    return out
