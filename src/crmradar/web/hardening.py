"""HTTP hardening (issue 17): the outermost middleware, the 500/503 handler and an uncached health check.

* :class:`EdgeMiddleware` (first in ``MIDDLEWARE``) refuses a request body larger than
  ``CRMRADAR_MAX_REQUEST_BYTES`` with 413 before reading it; answers a request for a host not in ``ALLOWED_HOSTS``
  with a plain 400 that carries the security headers and logs one line (at most one per minute), instead of
  the 14-line traceback Django logs per request; refuses methods other than GET, HEAD and POST on pages
  (405, so TRACE and OPTIONS no longer answer 200); and serves HEAD on the API's GET routes.
* :func:`server_error` (``handler500``) answers API paths with JSON and a database that is gone or read-only
  with a clear 503 page (or JSON), whatever layer failed.
* :func:`health` (``/healthz``) checks the database and the data package on every call (never cached).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.views.decorators.cache import never_cache

from crmradar.web.security import CONTENT_SECURITY_POLICY

logger = logging.getLogger("crmradar.web")
PAGE_METHODS = ("GET", "HEAD", "POST")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-store",
}
_LOG_EVERY = 60.0
_last_host_log = [0.0, 0]  # time of the last logged refusal, refusals since


def with_security_headers(response: HttpResponse) -> HttpResponse:
    for name, value in SECURITY_HEADERS.items():
        response.setdefault(name, value)
    return response


def _log_disallowed(host: str) -> None:
    now = time.monotonic()
    _last_host_log[1] += 1
    if now - _last_host_log[0] >= _LOG_EVERY:
        logger.warning("refused %d request(s) for hosts not in ALLOWED_HOSTS (latest: %r)", _last_host_log[1],
                       host[:100])
        _last_host_log[0], _last_host_log[1] = now, 0


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


class EdgeMiddleware:
    """Host check, allowed methods on pages, HEAD on API GET routes (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            request.get_host()
        except DisallowedHost:
            _log_disallowed(request.META.get("HTTP_HOST", ""))
            response = HttpResponse("Bad Request (400): host not allowed\n", status=400,
                                    content_type="text/plain; charset=utf-8")
            return with_security_headers(response)
        if not is_api(request) and request.method not in PAGE_METHODS:
            return with_security_headers(HttpResponseNotAllowed(PAGE_METHODS))
        too_large = _too_large(request)
        if too_large is not None:
            return too_large
        if is_api(request) and request.method == "HEAD":
            request.method = "GET"
            response = self.get_response(request)
            if response.status_code == 405:
                return response
            if not response.streaming:
                length = len(response.content)
                response.content = b""
                response["Content-Length"] = str(length)
            return response
        return self.get_response(request)


def _too_large(request: HttpRequest) -> HttpResponse | None:
    """413 when the declared body is larger than ``CRMRADAR_MAX_REQUEST_BYTES`` (nothing of it is read)."""
    from django.conf import settings

    limit = int(getattr(settings, "CRMRADAR_MAX_REQUEST_BYTES", 12 * 2**20))
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length <= limit:
        return None
    text = f"request body of {length} bytes is larger than the limit of {limit} bytes"
    response = (JsonResponse({"detail": text}, status=413) if is_api(request)
                else HttpResponse(f"Payload Too Large (413): {text}\n", status=413,
                                  content_type="text/plain; charset=utf-8"))
    response["Connection"] = "close"
    return with_security_headers(response)


UNAVAILABLE_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>crm-radar — tijdelijk niet beschikbaar</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main>
<h1>Tijdelijk niet beschikbaar</h1>
<p>De database van crm-radar is niet bereikbaar of alleen-lezen. Probeer het over enkele minuten opnieuw;
de beheerder ziet de oorzaak op <code>/healthz</code>.</p>
<h2 lang="en">Temporarily unavailable</h2>
<p lang="en">The crm-radar database cannot be reached or is read-only. Please try again in a few minutes;
the operator sees the cause at <code>/healthz</code>.</p>
</main></body></html>
"""


def unavailable(request: HttpRequest) -> HttpResponse:
    """503 for a database that is gone or read-only: JSON on the API, a plain page elsewhere."""
    if is_api(request):
        response = JsonResponse({"detail": "database unavailable; try again later"}, status=503)
    else:
        response = HttpResponse(UNAVAILABLE_PAGE, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = "60"
    return with_security_headers(response)


def server_error(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """``handler500``: a database failure becomes 503; API paths get JSON; pages get a plain 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        return unavailable(request)
    if is_api(request):
        return with_security_headers(JsonResponse({"detail": "internal server error"}, status=500))
    from django.views.defaults import server_error as django_server_error

    return with_security_headers(django_server_error(request))


def sqlite_problem(name: str) -> str | None:
    """Why an SQLite database file cannot serve reads and writes, or None (in-memory databases pass)."""
    if not name or name == ":memory:" or "mode=memory" in name:
        return None
    path = Path(name)
    if not path.exists():
        return f"database file {path.name} is missing"
    if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK):
        return f"database file {path.name} is read-only"
    return None


def database_check() -> str:
    """'ok', or what is wrong with the default database (file missing, read-only, tables gone …)."""
    from django.db import connection

    from crmradar.web.models import PackageLoad

    try:
        if connection.vendor == "sqlite":
            problem = sqlite_problem(str(connection.settings_dict["NAME"]))
            if problem:
                return problem
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {PackageLoad._meta.db_table}")  # noqa: S608 - model table name
            cursor.fetchone()
            if connection.vendor == "postgresql":
                cursor.execute("SHOW transaction_read_only")
                if cursor.fetchone()[0] == "on":
                    return "database is read-only"
            else:  # SQLite opened read-only (mode=ro) or switched to query_only
                cursor.execute("PRAGMA query_only")
                if cursor.fetchone()[0]:
                    return "database is read-only"
    except DatabaseError as error:
        return f"database error: {str(error).splitlines()[0][:200]}"
    return "ok"


def package_check() -> str:
    """'ok', or why the active data package cannot be loaded."""
    from crmradar import data

    try:
        kb = data.load()
        if not kb.tables or kb.materials.empty:
            return "data package has no materials"
    except Exception as error:  # any damage to the package files
        return f"data package error: {type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"
    return "ok"


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """200 ``{"status": "ok", ...}`` when database and data package work, else 503 with the failing check."""
    checks = {"database": database_check(), "data_package": package_check()}
    ok = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if ok else "error", "checks": checks}, status=200 if ok else 503)
