"""Long computations off the request path: enqueued tasks, results cached by the hash of their inputs.

A page asks for a result; if it is cached it is shown at once, otherwise a job row (``CachedResult``) is
created and a task is enqueued on the configured django-tasks backend (database by default, Redis/RQ by
setting). Separate worker processes (``crmradar worker``, started by ``crmradar serve``) run the tasks; the web
workers never compute. The page polls the job's queue position and progress (HTMX).

Job life: ``queued`` → ``running`` (heartbeat every ``CRMRADAR_JOB_HEARTBEAT`` s) → ``done`` | ``failed`` |
``cancelled``. A running job whose heartbeat is older than ``CRMRADAR_JOB_HEARTBEAT_TIMEOUT`` s (its worker
died) is queued again (:func:`reap`), at most ``CRMRADAR_JOB_MAX_ATTEMPTS`` times. Finished results are evicted
by age (last use) and total size (:func:`evict`).
"""

from __future__ import annotations

import hashlib
import json
import threading
import traceback
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, close_old_connections
from django.db.models import Sum
from django.utils import timezone

from crmradar.web.models import CachedResult

COMPUTATIONS: dict[str, Callable] = {}
ACTIVE = ("queued", "running")


class QueueFullError(Exception):
    """This client (or the whole queue) already has the maximum number of computations waiting."""


class CancelledError(Exception):
    """Raised inside a computation's progress callback when its job was cancelled."""


def register(kind: str):
    """Decorator: ``fn(parameters: dict, progress: Callable[[float], None]) -> JSON-able result``."""

    def wrap(fn):
        COMPUTATIONS[kind] = fn
        return fn

    return wrap


def input_hash(kind: str, parameters: dict, package_hash: str) -> str:
    payload = json.dumps({"kind": kind, "parameters": parameters, "package": package_hash}, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def _setting(name: str, default):
    return getattr(settings, name, default)


def _enqueue(job: CachedResult) -> None:
    from crmradar.web.tasks import run_job

    result = run_job.enqueue(job.pk)
    CachedResult.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])


def submit(kind: str, parameters: dict, package_hash: str, background: bool = True,
           client: str = "", admit: Callable[[], object] | None = None) -> CachedResult:
    """The job for these inputs (deduplicated by input hash), enqueuing it if nobody has yet.

    ``background=False`` computes in this process at once (command line, tests). Raises :class:`QueueFullError` when
    ``client`` already has ``CRMRADAR_JOB_MAX_PER_CLIENT`` jobs waiting or running, or the queue holds
    ``CRMRADAR_JOB_MAX_QUEUED`` jobs. ``admit()`` is called only when a new job is about to be queued (the rate
    limit, :func:`crmradar.web.ratelimit.take`; it raises to refuse); existing jobs and results are free.
    """
    digest = input_hash(kind, parameters, package_hash)
    reap()
    job = CachedResult.objects.filter(input_hash=digest).first()
    if job is not None and job.status not in ("failed", "cancelled"):
        if job.status == "done":
            CachedResult.objects.filter(pk=job.pk).update(used_at=timezone.now())
        return job
    if background:
        if client and CachedResult.objects.filter(client=client, status__in=ACTIVE).count() \
                >= _setting("CRMRADAR_JOB_MAX_PER_CLIENT", 5):
            raise QueueFullError(client)
        if CachedResult.objects.filter(status="queued").count() >= _setting("CRMRADAR_JOB_MAX_QUEUED", 200):
            raise QueueFullError("*")
        if admit is not None:
            admit()
    if job is not None:
        job.delete()
    try:
        job = CachedResult.objects.create(input_hash=digest, kind=kind, parameters=parameters, status="queued",
                                          client=client[:64])
    except IntegrityError:
        return CachedResult.objects.get(input_hash=digest)
    if background:
        _enqueue(job)
    else:
        execute(job.pk)
    job.refresh_from_db()
    return job


def queue_position(job: CachedResult) -> int:
    """How many queued jobs are ahead of this one (0 when it runs or is next)."""
    if job.status != "queued":
        return 0
    return CachedResult.objects.filter(status="queued", pk__lt=job.pk).count()


def cancel(job_id: int, client: str | None = None) -> bool:
    """Cancel a queued or running job (only the submitting client's, when ``client`` is given)."""
    jobs = CachedResult.objects.filter(pk=job_id, status__in=ACTIVE)
    if client is not None:
        jobs = jobs.filter(client=client)
    return jobs.update(status="cancelled", error="cancelled") > 0


def _heartbeat(job_id: int, stop: threading.Event, every: float) -> None:
    """Write the job's heartbeat while its computation runs (own database connection)."""
    from django.db import connections

    try:
        while not stop.wait(every):
            CachedResult.objects.filter(pk=job_id, status="running").update(heartbeat_at=timezone.now())
    finally:
        connections.close_all()


def execute(job_id: int) -> str:
    """Run one job in this process (called by the task); returns its final status."""
    close_old_connections()
    now = timezone.now()
    claimed = CachedResult.objects.filter(pk=job_id, status="queued").update(
        status="running", heartbeat_at=now, started_at=now, progress=0.0)
    if not claimed:
        return "skipped"  # cancelled, finished or picked up elsewhere
    job = CachedResult.objects.get(pk=job_id)
    CachedResult.objects.filter(pk=job_id).update(attempts=job.attempts + 1)
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(job_id, stop, _setting("CRMRADAR_JOB_HEARTBEAT", 1.0)),
                            daemon=True)
    beat.start()
    try:
        def progress(fraction: float) -> None:
            if not CachedResult.objects.filter(pk=job_id, status="running").update(
                    progress=round(float(fraction), 3), heartbeat_at=timezone.now()):
                raise CancelledError(job_id)

        if job.kind not in COMPUTATIONS:
            from crmradar.web import computations  # noqa: F401 - registers the computations
        result = COMPUTATIONS[job.kind](job.parameters, progress)
        size = len(json.dumps(result))
        CachedResult.objects.filter(pk=job_id, status="running").update(
            status="done", progress=1.0, result=result, size_bytes=size, used_at=timezone.now())
    except CancelledError:
        pass
    except Exception as error:  # noqa: BLE001 - reported to the user, never swallowed silently
        CachedResult.objects.filter(pk=job_id, status="running").update(
            status="failed", error=f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=3)}")
    finally:
        stop.set()
        beat.join()
    return CachedResult.objects.filter(pk=job_id).values_list("status", flat=True).first() or "gone"


def reap() -> int:
    """Queue again every running job whose heartbeat stopped (its worker died); returns how many."""
    timeout = timedelta(seconds=_setting("CRMRADAR_JOB_HEARTBEAT_TIMEOUT", 5.0))
    dead = list(CachedResult.objects.filter(status="running", heartbeat_at__lt=timezone.now() - timeout))
    requeued = 0
    for job in dead:
        if job.attempts >= _setting("CRMRADAR_JOB_MAX_ATTEMPTS", 3):
            CachedResult.objects.filter(pk=job.pk, status="running").update(
                status="failed", error=f"worker stopped {job.attempts} times during this computation")
            continue
        if CachedResult.objects.filter(pk=job.pk, status="running", heartbeat_at=job.heartbeat_at).update(
                status="queued", progress=0.0):
            _abandon_task(job.task_id)
            _enqueue(job)
            requeued += 1
    return requeued


def _abandon_task(task_id: str) -> None:
    """Mark the dead worker's task as failed in the database backend (other backends keep their own state)."""
    if not task_id or "django_tasks_db" not in settings.INSTALLED_APPS:
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_id, status="RUNNING").update(
        status="FAILED", finished_at=timezone.now(), exception_class_path="crmradar.web.jobs.WorkerLost",
        traceback="worker heartbeat stopped; the job was queued again")


def evict(max_age: timedelta | None = None, max_bytes: int | None = None) -> int:
    """Delete finished results older than ``max_age`` (last use), then the least recently used ones until the
    stored results total at most ``max_bytes`` (JSON bytes). Returns how many were deleted."""
    max_age = max_age or timedelta(seconds=_setting("CRMRADAR_RESULT_MAX_AGE", 7 * 86400))
    max_bytes = _setting("CRMRADAR_RESULT_MAX_BYTES", 500 * 2**20) if max_bytes is None else max_bytes
    finished = CachedResult.objects.filter(status__in=("done", "failed", "cancelled"))
    deleted, _ = finished.filter(used_at__lt=timezone.now() - max_age).delete()
    total = finished.aggregate(total=Sum("size_bytes"))["total"] or 0
    if total > max_bytes:
        doomed = []
        for pk, size in finished.order_by("used_at", "pk").values_list("pk", "size_bytes"):
            if total <= max_bytes:
                break
            doomed.append(pk)
            total -= size
        deleted += CachedResult.objects.filter(pk__in=doomed).delete()[0]
    return deleted


def wait_for_jobs(timeout: float = 300.0) -> None:
    """Run every queued job in this process until none is left (tests, one-off scripts).

    In production the worker processes do this; here it drains the queue so a test sees finished results.
    """
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = CachedResult.objects.filter(status="queued").order_by("pk").first()
        if job is None:
            return
        execute(job.pk)
