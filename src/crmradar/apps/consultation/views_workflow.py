"""Dashboard, progress notes, meeting decisions, agenda export, result files, import/export and audit export."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crmradar.apps.consultation import dashboard, forms, history, importexport, models, services
from crmradar.apps.consultation.agenda import agenda_docx
from crmradar.apps.consultation.registers import REGISTERS
from crmradar.apps.consultation.views import _done, _register
from crmradar.apps.policy import dashboard as policy_dashboard
from crmradar.apps.releases import trends as release_dashboard
from crmradar.apps.signals import dashboard as signal_dashboard
from crmradar.web.access import ANALYST, EDITOR, ITEM, MEMBER, access
from crmradar.web.templatetags.crmradar_tags import page_lang


@access(MEMBER)
def workspace_dashboard(request):
    user = request.user
    return render(request, "consultation/dashboard.html", {
        "registers": REGISTERS.values(),
        "actions": dashboard.action_summary(user),
        "matrix": dashboard.bottleneck_matrix(user),
        "next_meeting": dashboard.next_meeting(user),
        "recent": dashboard.recent_changes(user),
        "signal_block": signal_dashboard.for_user(user),
        "policy_block": policy_dashboard.for_user(user),
        "release_block": release_dashboard.for_user(user, page_lang()),
    })


@require_POST
@access(EDITOR)
def progress_add(request, pk: int):
    action = get_object_or_404(services.visible(models.ActionPoint, request.user), pk=pk)
    form = forms.ProgressForm(request.POST)
    if form.is_valid():
        services.add_progress(action, request.user, form.cleaned_data["text"], form.cleaned_data["date"])
    else:
        messages.error(request, " ".join(str(m) for e in form.errors.values() for m in e))
    return _done(request, reverse("consultation:detail", args=["acties", pk]))


@require_POST
@access(EDITOR)
def decision_add(request, pk: int):
    meeting = get_object_or_404(services.visible(models.Meeting, request.user), pk=pk)
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for e in form.errors.values() for m in e))
        return _done(request, reverse("consultation:detail", args=["overleggen", pk]))
    data = form.cleaned_data
    new_action = None
    if data["new_action_title"]:
        new_action = models.ActionPoint(title=data["new_action_title"], line=data["new_action_line"],
                                        category=data["new_action_category"],
                                        owner_organisation=meeting.owner_organisation)
    services.record_decision(meeting, request.user, data["text"], action_point=data["action_point"],
                             new_action=new_action, status=data["status"] or None)
    return _done(request, reverse("consultation:detail", args=["overleggen", pk]))


@access(MEMBER)
def agenda_export(request, pk: int):
    meeting = get_object_or_404(services.visible(models.Meeting, request.user), pk=pk)
    content = agenda_docx(meeting, services.visible(models.ActionPoint, request.user))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument"
                                                 ".wordprocessingml.document")
    response["Content-Disposition"] = f'attachment; filename="agenda-{meeting.date:%Y-%m-%d}.docx"'
    return response


@access(ITEM)
def deepdive_result(request, pk: int):
    item = get_object_or_404(services.visible(models.DeepDive, request.user), pk=pk)
    if not item.result_file:
        raise Http404
    suffix = item.result_file.name.rsplit(".", 1)[-1]
    return FileResponse(item.result_file.open("rb"), as_attachment=True,
                        filename=f"verdieping-{item.pk}.{suffix}",
                        content_type=forms.ALLOWED_RESULT_TYPES.get("." + suffix, "application/octet-stream"))


@access(MEMBER)
def register_export(request, register: str, fmt: str):
    reg = _register(register)
    if fmt not in importexport.FORMATS:
        raise Http404
    content = importexport.export_bytes(reg, fmt, services.visible(reg.model, request.user).order_by("pk"))
    kind = "text/csv; charset=utf-8" if fmt == "csv" else \
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{reg.slug}.{fmt}"'
    return response


@access(ANALYST)
def register_import(request, register: str):
    reg = _register(register)
    if not request.user.has_perm("consultation.import_workspace"):
        raise PermissionDenied
    problems, counts = [], None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            problems = [_("Choose a CSV or XLSX file.")]
        elif upload.size > 5 * 1024 * 1024:
            problems = [_("The file is larger than %(mb)s MB.") % {"mb": 5}]
        else:
            suffix = ".xlsx" if upload.name.lower().endswith(".xlsx") else ".csv"
            try:
                counts = importexport.import_files({reg.slug + suffix: upload.read()}, request.user)
            except importexport.WorkspaceImportError as error:
                problems = [str(p) for p in error.problems]
    return render(request, "consultation/import.html", {"register": reg, "problems": problems, "counts": counts},
                  status=422 if problems else 200)


def _csv_response(rows: list[dict], columns: list[str], name: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: importexport.safe_cell(str(v)) for k, v in row.items()})
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@access(MEMBER)
def item_history_export(request, register: str, pk: int):
    reg = _register(register)
    item = get_object_or_404(services.visible(reg.model, request.user, include_deleted=True), pk=pk)
    rows = []
    for entry in history.entries(item):
        base = {"when": entry["when_iso"], "who": entry["who"], "kind": entry["kind"]}
        rows.extend([{**base, **c} for c in entry["changes"]] or [base])
    return _csv_response(rows, ["when", "who", "kind", "field", "old", "new"], f"{reg.slug}-{pk}-history.csv")


@access(MEMBER)
def audit_export(request):
    return _csv_response(history.audit_rows(), ["register", "id", "when", "who", "kind", "field", "old", "new"],
                         "audit.csv")


