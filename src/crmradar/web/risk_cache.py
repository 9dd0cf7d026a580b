"""The risk overview (P(critical) Monte Carlo, regional EI, GeoPolRisk) for the web: computed per data release,
never inside a web process.

``crmradar serve`` computes it once for the active package before the web workers start (:func:`precompute`) and
keeps it in the database as a finished ``risk_overview`` job (``CachedResult``, keyed by the package hash).
Pages and API read that row (:func:`overview`). When it is missing — a data update installed while the server
runs, or the row was evicted — the web enqueues the job for a task worker and answers without the
probabilistic columns; such answers are marked ``pending`` and never stored by the page cache
(:class:`NoCacheWhilePending`).
"""

from __future__ import annotations

import contextvars
import math

import pandas as pd

from crmradar.reports.risk_overview import DEFAULT_DRAWS

KIND = "risk_overview"
#: The overview shown on the web: Zuid-Holland (NUTS 2024 NL36), 2 000 draws, seed 0 — as ``crmradar risk``.
PARAMETERS = {"region": "NL36", "draws": DEFAULT_DRAWS, "seed": 0}

_PENDING: contextvars.ContextVar[bool] = contextvars.ContextVar("crmradar_risk_pending", default=False)
_DECODED: dict[str, pd.DataFrame] = {}


def compute(parameters: dict, kb) -> dict:
    """Run the overview (the Monte Carlo kernel) and return it JSON-encoded (:func:`encode`)."""
    from crmradar.reports.risk_overview import risk_overview

    return encode(risk_overview(kb, parameters["region"], int(parameters["draws"]), int(parameters["seed"])))


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def encode(frame: pd.DataFrame) -> dict:
    """Exact JSON form of the overview: index, columns as lists (NaN → null), dtypes and attrs."""
    return {
        "index": [str(i) for i in frame.index],
        "index_name": frame.index.name,
        "columns": {c: [_plain(v) for v in frame[c].tolist()] for c in frame.columns},
        "dtypes": {c: str(frame[c].dtype) for c in frame.columns},
        "attrs": {k: _plain(v) if not isinstance(v, dict) else v for k, v in frame.attrs.items()},
    }


def decode(data: dict) -> pd.DataFrame:
    """Inverse of :func:`encode` (floats round-trip exactly through JSON)."""
    index = pd.Index(data["index"], name=data["index_name"])
    frame = pd.DataFrame({c: pd.Series(values, index=index, dtype=data["dtypes"][c])
                          for c, values in data["columns"].items()}, index=index)
    frame.attrs.update(data["attrs"])
    return frame


def _digest() -> str:
    from crmradar.web import services
    from crmradar.web.loading import package_hash

    return services.cached_package_hash(str(services.knowledge_base().path), package_hash)


def overview(client: str = "") -> pd.DataFrame | None:
    """The stored overview of the active package, or ``None`` after enqueuing its computation (then this
    request is marked pending). Never computes in this process."""
    from crmradar.web import computations  # noqa: F401 - registers the computation
    from crmradar.web.jobs import QueueFullError, input_hash, submit

    digest = _digest()
    key = input_hash(KIND, PARAMETERS, digest)
    if key in _DECODED:
        return _DECODED[key]
    try:
        job = submit(KIND, PARAMETERS, digest, client=client)
    except QueueFullError:
        job = None
    if job is None or job.status != "done":
        _PENDING.set(True)
        return None
    _DECODED[key] = decode(job.result)
    return _DECODED[key]


def precompute() -> str:
    """Compute the active package's overview in this process unless it is stored (``crmradar serve`` before
    its web workers start; test set-up). Returns the job status."""
    from crmradar.web import computations  # noqa: F401 - registers the computation
    from crmradar.web.jobs import submit

    return submit(KIND, PARAMETERS, _digest(), background=False).status


def pending() -> bool:
    """Whether this request showed the overview without its computed columns."""
    return _PENDING.get()


class NoCacheWhilePending:
    """Middleware: a response built while the overview was still being computed is never cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils.cache import add_never_cache_headers

        token = _PENDING.set(False)
        try:
            response = self.get_response(request)
            if _PENDING.get():
                add_never_cache_headers(response)
            return response
        finally:
            _PENDING.reset(token)
