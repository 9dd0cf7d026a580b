"""The audit trail as people read it: who changed what and when, field by field, from django-simple-history."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from crmradar.apps.consultation.registers import BY_MODEL, display, field_label

KINDS = {"+": "created", "~": "changed", "-": "removed"}
SKIP = {"updated_at", "updated_by", "created_at", "created_by", "deleted_by"}


def record_kind(record) -> str:
    """created, changed, removed, or — for a soft delete and its undo — deleted and restored."""
    reason = record.history_change_reason or ""
    if reason in ("deleted", "restored"):
        return reason
    return KINDS.get(record.history_type, "changed")


def actor(record) -> str:
    """Who made a historical record: the user's e-mail (or name), or "system" for the CLI and migrations."""
    user = record.history_user
    return (user.email or user.username) if user else _("system")


def kind_label(kind: str) -> str:
    return {"created": _("created"), "changed": _("changed"), "removed": _("removed permanently"),
            "deleted": _("deleted"), "restored": _("restored")}[kind]


def _m2m_names(model, name: str, rows) -> str:
    related = model._meta.get_field(name).related_model
    ids = [row[related._meta.model_name] for row in rows]
    return ", ".join(str(o) for o in related.all_objects.filter(pk__in=ids)) or "—"


def entries(item) -> list[dict]:
    """Newest first: one entry per historical record with the changed fields (label, old, new)."""
    model = type(item)
    records = list(item.history.all().select_related("history_user"))
    out = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in SKIP or change.field == "deleted_at":
                    continue
                field = model._meta.get_field(change.field)
                if field.many_to_many:
                    old, new = _m2m_names(model, change.field, change.old), _m2m_names(model, change.field, change.new)
                else:
                    old = display(previous.instance, change.field, localize=False)
                    new = display(record.instance, change.field, localize=False)
                changes.append({"field": field_label(model, change.field), "old": old, "new": new})
        out.append({
            "when": formats.date_format(record.history_date, "SHORT_DATETIME_FORMAT"),
            "when_iso": record.history_date.isoformat(timespec="seconds"),
            "who": actor(record),
            "kind": record_kind(record),
            "kind_label": kind_label(record_kind(record)),
            "changes": changes,
        })
    return out


def audit_rows(items_by_register=None) -> list[dict]:
    """Every register's history as flat rows (register, id, when, who, kind, field, old, new) for export."""
    rows = []
    for model, register in BY_MODEL.items():
        for item in model.all_objects.all():
            for entry in entries(item):
                base = {"register": register.slug, "id": item.pk, "when": entry["when_iso"], "who": entry["who"],
                        "kind": entry["kind"]}
                if not entry["changes"]:
                    rows.append({**base, "field": "", "old": "", "new": ""})
                for change in entry["changes"]:
                    rows.append({**base, **change})
    return rows
