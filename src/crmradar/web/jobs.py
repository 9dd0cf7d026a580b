"""Long computations off the request path: results cached by the hash of their inputs.

A page asks for a result; if it is cached it is shown at once, otherwise a background thread computes
it while the page polls its progress (HTMX). The cache is the database table ``CachedResult``, so all
gunicorn workers share it and a restart keeps finished results.
"""

from __future__ import annotations

import hashlib
import json
import threading
import traceback
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, close_old_connections, connections
from django.utils import timezone

from crmradar.web.models import CachedResult

COMPUTATIONS: dict[str, Callable] = {}
STALE_AFTER = timedelta(minutes=15)
_THREADS: list[threading.Thread] = []


def register(kind: str):
    """Decorator: ``fn(parameters: dict, progress: Callable[[float], None]) -> JSON-able result``."""

    def wrap(fn):
        COMPUTATIONS[kind] = fn
        return fn

    return wrap


def input_hash(kind: str, parameters: dict, package_hash: str) -> str:
    payload = json.dumps({"kind": kind, "parameters": parameters, "package": package_hash}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def _run(job_id: int, kind: str, parameters: dict) -> None:
    close_old_connections()
    try:
        def progress(fraction: float) -> None:
            CachedResult.objects.filter(pk=job_id).update(progress=round(float(fraction), 3))

        result = COMPUTATIONS[kind](parameters, progress)
        CachedResult.objects.filter(pk=job_id).update(status="done", progress=1.0, result=result)
    except Exception as error:  # noqa: BLE001 - reported to the user, never swallowed silently
        CachedResult.objects.filter(pk=job_id).update(
            status="failed", error=f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=3)}"
        )
    finally:
        connections.close_all()  # this thread's own connections; they must not linger


def submit(kind: str, parameters: dict, package_hash: str, background: bool = True) -> CachedResult:
    """The cached result for these inputs, starting the computation if nobody has yet."""
    digest = input_hash(kind, parameters, package_hash)
    job = CachedResult.objects.filter(input_hash=digest).first()
    # A job whose worker died (restart, crash) stops reporting progress; after a while it is run again.
    stale = job is not None and job.status == "running" and job.updated_at < timezone.now() - STALE_AFTER
    if job is not None and job.status != "failed" and not stale:
        return job
    if job is not None:
        job.delete()
    try:
        job = CachedResult.objects.create(input_hash=digest, kind=kind, parameters=parameters)
    except IntegrityError:
        return CachedResult.objects.get(input_hash=digest)
    if background:
        thread = threading.Thread(target=_run, args=(job.pk, kind, parameters), daemon=True)
        _THREADS.append(thread)
        thread.start()
    else:
        _run(job.pk, kind, parameters)
        job.refresh_from_db()
    return job


def wait_for_jobs(timeout: float = 300.0) -> None:
    """Block until the computations started by this process have finished (used before shutdown/tests)."""
    for thread in list(_THREADS):
        thread.join(timeout)
    _THREADS[:] = [thread for thread in _THREADS if thread.is_alive()]
