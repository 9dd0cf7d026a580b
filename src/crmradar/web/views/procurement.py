"""Procurement scan page: upload a purchase list (CSV/XLSX) → CRM content, risk, clauses → download."""

from __future__ import annotations

import contextlib
import errno
import logging
import re
import tempfile
import uuid
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from crmradar.procurement import (
    PurchaseFileError,
    ReadLimits,
    build_knowledge,
    parse_rows,
    read_purchase_file,
    scan,
    write_report,
)
from crmradar.procurement.files import display_name
from crmradar.reports import labels
from crmradar.web import ratelimit, services
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views.procurement_text import clause_items, file_error, issue_text

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
REPORT_DIR = Path(settings.HOME) / "procurement-reports"
REPORT_NAME = re.compile(r"^[0-9a-f]{32}\.(xlsx|csv|json)$")
logger = logging.getLogger("crmradar.web")
EXAMPLE = Path(__file__).resolve().parents[2] / "procurement" / "examples" / "provincie_inkoop_voorbeeld.xlsx"


@lru_cache(maxsize=2)
def knowledge(package: str):
    return build_knowledge(services.knowledge_base())


def run_scan(path: Path, name: str | None = None):
    """Read, check and scan a purchase file; raises PurchaseFileError for file-level problems.

    ``name`` is the user's file name for messages; the file itself is stored under a fixed name.
    """
    table = read_purchase_file(path, ReadLimits(max_bytes=MAX_UPLOAD_BYTES), name=name)
    parsed = parse_rows(table.header, table.rows)
    return scan(parsed.lines, knowledge(str(services.knowledge_base().path)), parsed.issues, parsed.rows_read)


@never_cache  # the form carries a per-visitor CSRF token
@require_http_methods(["GET", "POST"])
def procurement(request):
    context = {"max_mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
    if request.method == "POST":
        upload = request.FILES.get("purchases")
        use_example = request.POST.get("example") == "1"
        if upload is None and not use_example:
            context["error"] = _("Choose a CSV or XLSX file first.")
            return render(request, "web/procurement.html", context, status=422)
        if upload is not None and upload.size > MAX_UPLOAD_BYTES:
            context["error"] = _("The file is larger than %(mb)s MB.") % {"mb": context["max_mb"]}
            return render(request, "web/procurement.html", context, status=413)
        suffix = Path(upload.name).suffix.lower() if upload is not None else ".xlsx"
        if suffix not in (".csv", ".xlsx"):
            context["error"] = _("Only .csv and .xlsx files can be scanned.")
            return render(request, "web/procurement.html", context, status=422)
        try:  # every scan computes: one token of the client's rate limit (crmradar.web.ratelimit)
            ratelimit.take(ratelimit.client_key(request))
        except ratelimit.RateLimitedError as error:
            context["error"] = _("Too many computations started from your address or account. Try again in "
                                 "%(seconds)s seconds.") % {"seconds": error.retry_after}
            return ratelimit.too_many(request, error, "web/procurement.html", context)
        with tempfile.TemporaryDirectory() as folder:
            # never derive a stored file name from user input (length, bytes, separators): fixed name
            path = Path(folder) / f"upload{suffix}"
            shown = display_name(upload.name) if upload is not None else EXAMPLE.name
            if upload is not None:
                with path.open("wb") as handle:
                    for chunk in upload.chunks():
                        handle.write(chunk)
            else:
                path.write_bytes(EXAMPLE.read_bytes())
            try:
                result = run_scan(path, shown)
            except PurchaseFileError as error:
                context["error"] = file_error(str(error))
                return render(request, "web/procurement.html", context, status=422)
        token = uuid.uuid4().hex
        stored = store_reports(result, token)
        if stored is not None:
            context["error"] = stored[0]
            return render(request, "web/procurement.html", context, status=stored[1])
        lang = page_lang()
        context.update(
            summary=result.summary,
            top_materials=labels.join_names("material", result.summary["top_materials_by_sr_weighted"], lang),
            materials=services.records(result.materials.head(15)),
            clauses=clause_items(services.records(result.clauses), lang),
            issues=[i | {"message": issue_text(i["message"])} for i in services.records(result.issues)],
            example=upload is None,
            token=token,
            material_columns=["rank", "material_id", "content_kg", "low_kg", "high_kg", "supply_risk",
                              "sr_weighted_kg", "crma_strategic", "nzia_material_flag", "gpr_exposure_kg_cu_eq"],
        )
    return render(request, "web/procurement.html", context)


def store_reports(result, token: str) -> tuple[str, int] | None:
    """Write the scan's XLSX and JSON reports as ``<token>.xlsx``/``.json``; None when both were written.

    Each file is written atomically; when the disk is full (or the folder not writable) neither file is left
    behind and the answer is (message, 507 for a full disk, else 503)."""
    targets = [REPORT_DIR / f"{token}.{extension}" for extension in ("xlsx", "json")]
    try:
        REPORT_DIR.mkdir(parents=True, exist_ok=True)
        for target in targets:
            write_report(result.tables(), result.summary, target)
    except OSError as error:
        for target in targets:
            with contextlib.suppress(OSError):  # the folder itself may be unusable: nothing of ours is in it
                target.unlink(missing_ok=True)
        logger.error("procurement report not stored in %s: %s", REPORT_DIR, error.strerror or error)
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return _("The report could not be saved: the server's storage is full. Nothing was stored; "
                     "try again later or tell the administrator."), 507
        return _("The report could not be saved: the server's report folder is not writable. Nothing was "
                 "stored; try again later or tell the administrator."), 503
    return None


def procurement_report(request, name: str):
    if not REPORT_NAME.match(name) or not (REPORT_DIR / name).exists():
        raise Http404(_("Report not found"))
    return FileResponse((REPORT_DIR / name).open("rb"), as_attachment=True, filename=f"crm-scan-{name}")


def procurement_example(request):
    return FileResponse(EXAMPLE.open("rb"), as_attachment=True, filename=EXAMPLE.name)
