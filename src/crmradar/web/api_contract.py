"""The API's contract beyond its schemas (issue 17): strict JSON, declared error responses, enum parameters,
and JSON (never HTML) for server errors.

* :class:`StrictJSONRenderer` writes RFC 8259 JSON: a NaN or infinite number becomes ``null`` and
  ``allow_nan=False`` guarantees nothing else slips through.
* ``ERRORS`` / ``ERRORS_404`` / ``JOB_ERRORS`` declare the 422 (and 404, 429) answers in the OpenAPI schema.
* ``Scenario``, ``Economy``, ``Portfolio``, ``Measure`` and ``Lever`` are ``Literal`` types, so the schema
  lists the allowed values and a wrong value is a 422 naming the parameter.
"""

from __future__ import annotations

import json
import logging
import math
from typing import Any, Literal

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.db import DatabaseError, DataError
from django.http import HttpRequest, HttpResponse
from ninja import Schema
from ninja.renderers import JSONRenderer

from crmradar import data

logger = logging.getLogger("crmradar.web")


def finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float (also inside dicts, lists, tuples) replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    if hasattr(value, "item") and hasattr(value, "dtype"):  # numpy scalar
        return finite(value.item())
    return value


class StrictJSONRenderer(JSONRenderer):
    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> Any:
        return json.dumps(finite(data), cls=self.encoder_class, allow_nan=False, **self.json_dumps_params)


class ErrorOut(Schema):
    """``detail``: a message, or a list of ``{loc, msg, type}`` for invalid parameters."""

    detail: str | list[dict]


ERRORS: dict[int, type] = {422: ErrorOut}
ERRORS_404: dict[int, type] = {404: ErrorOut, 422: ErrorOut}
# Routes that start computations: 429 when the client's rate limit or the job queue is full (crmradar.web.ratelimit).
JOB_ERRORS: dict[int, type] = {422: ErrorOut, 429: ErrorOut}


def _literal(values: list[str], fallback: str) -> Any:
    return Literal[tuple(values or [fallback])]  # type: ignore[valid-type]


def _measure_ids() -> list[str]:
    try:
        return sorted(set(data.load().export_restrictions["measure_id"]))
    except Exception:  # a damaged package must not stop the API from starting; /healthz reports it
        return []


def _lever_ids() -> list[str]:
    try:
        from crmradar.web.computations import lever_library

        return sorted(lever_library().levers)
    except Exception:  # as above
        return []


Scenario = Literal["trend", "targets", "high-electrification"]
Economy = Literal["NLD", "EU27"]
Portfolio = Literal["pipeline", "example", "none"]
PipelineStage = Literal["idee", "haalbaarheid", "vergunning", "financiering", "bouw", "in_bedrijf"]
CrmaView = Literal["benchmarks", "projects"]
Measure = _literal(_measure_ids(), "cn_mofcom_2023_23")
Lever = _literal(_lever_ids(), "none")


def install_error_handlers(api) -> None:
    """A number too large for the database → 422 JSON; a database that is gone or read-only → 503 JSON;
    Django's permission and bad-request errors keep their
    403/400 (as JSON); any other unhandled error → 500 JSON (logged)."""

    def database(request: HttpRequest, error: Exception) -> HttpResponse:
        logger.error("database unavailable on %s: %s", request.path, str(error).splitlines()[0][:200])
        response = api.create_response(request, {"detail": "database unavailable; try again later"}, status=503)
        response["Retry-After"] = "60"
        return response

    def out_of_range(request: HttpRequest, error: Exception) -> HttpResponse:
        # a number the database cannot hold (OverflowError on SQLite, DataError on PostgreSQL): the input's fault
        return api.create_response(request, {"detail": "a number in the request is out of range"}, status=422)

    def unexpected(request: HttpRequest, error: Exception) -> HttpResponse:
        logger.exception("API error on %s", request.path)
        return api.create_response(request, {"detail": "internal server error"}, status=500)

    def forbidden(request: HttpRequest, error: Exception) -> HttpResponse:
        return api.create_response(request, {"detail": "permission denied"}, status=403)

    def bad_request(request: HttpRequest, error: Exception) -> HttpResponse:
        return api.create_response(request, {"detail": "bad request"}, status=400)

    api.add_exception_handler(DatabaseError, database)
    api.add_exception_handler(DataError, out_of_range)
    api.add_exception_handler(OverflowError, out_of_range)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(BadRequest, bad_request)
    api.add_exception_handler(SuspiciousOperation, bad_request)
    api.add_exception_handler(Exception, unexpected)
