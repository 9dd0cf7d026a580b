"""Agenda export of a meeting as DOCX (python-docx): the agenda, then open and overdue action points per owner."""

from __future__ import annotations

import io

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from docx import Document

from crmradar.apps.consultation import choices, models


def open_actions_by_owner(queryset, today) -> list[tuple[str, list[dict]]]:
    groups: dict[str, list[dict]] = {}
    for action in queryset.filter(status__in=choices.OPEN_ACTION_STATUSES).select_related("owner_organisation"):
        owner = action.owner_organisation.name if action.owner_organisation else _("no owner")
        groups.setdefault(owner, []).append({
            "title": action.title, "line": action.get_line_display(), "status": action.get_status_display(),
            "due": action.due_date.strftime("%d-%m-%Y") if action.due_date else "—",
            "overdue": bool(action.due_date and action.due_date < today),
        })
    return sorted(groups.items())


def agenda_docx(meeting: models.Meeting, actions, today=None) -> bytes:
    """The meeting's agenda and every open action point, grouped by owner, overdue ones marked."""
    today = today or timezone.localdate()
    document = Document()
    document.add_heading(meeting.title, level=1)
    participants = ", ".join(str(p) for p in meeting.participants.all())
    document.add_paragraph(f"{_('Date')}: {formats.date_format(meeting.date, 'DATE_FORMAT')}"
                           + (f" — {meeting.location}" if meeting.location else ""))
    if participants:
        document.add_paragraph(f"{_('Participants')}: {participants}")
    document.add_heading(_("Agenda"), level=2)
    for line in (meeting.agenda or "").splitlines():
        if line.strip():
            document.add_paragraph(line.strip().lstrip("-*0123456789. ").strip(), style="List Number")
    document.add_heading(_("Open and overdue action points per owner"), level=2)
    for owner, rows in open_actions_by_owner(actions, today):
        document.add_heading(owner, level=3)
        table = document.add_table(rows=1, cols=4)
        table.style = "Light Grid Accent 1"
        for cell, text in zip(table.rows[0].cells, (_("Action point"), _("Line"), _("Due date"), _("Status")),
                              strict=True):
            cell.text = text
        for row in rows:
            cells = table.add_row().cells
            cells[0].text = row["title"]
            cells[1].text = row["line"]
            cells[2].text = row["due"] + (f" ({_('overdue')})" if row["overdue"] else "")
            cells[3].text = row["status"]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
