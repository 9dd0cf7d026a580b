"""Task worker pool: ``crmradar worker`` and the workers ``crmradar serve`` starts beside gunicorn.

A supervisor process starts ``processes`` worker processes (each runs one task at a time, so at most
``processes`` computations run at once on this machine), restarts a worker that dies, and does the
housekeeping: every second it queues again jobs whose heartbeat stopped (:func:`crmradar.web.jobs.reap`),
every minute it evicts old results and procurement report files by age and total size.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

HOUSEKEEPING_EVERY = 60.0  # seconds between evictions


def default_processes() -> int:
    """One worker per core."""
    return max(1, os.cpu_count() or 1)


def evict_files(folder: Path, max_age: float, max_bytes: int) -> int:
    """Delete files in ``folder`` older than ``max_age`` seconds, then the oldest until at most ``max_bytes``."""
    if not folder.is_dir():
        return 0
    now = time.time()
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.stat().st_mtime)
    removed = 0
    kept = []
    for path in files:
        if now - path.stat().st_mtime > max_age:
            path.unlink(missing_ok=True)
            removed += 1
        else:
            kept.append(path)
    total = sum(p.stat().st_size for p in kept)
    for path in kept:
        if total <= max_bytes:
            break
        total -= path.stat().st_size
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def housekeeping() -> None:
    """Evict finished results and report files by the age and size limits in the settings."""
    from django.conf import settings

    from crmradar.web.jobs import evict

    evict(timedelta(seconds=settings.CRMRADAR_RESULT_MAX_AGE), settings.CRMRADAR_RESULT_MAX_BYTES)
    evict_files(Path(settings.HOME) / "procurement-reports", settings.CRMRADAR_REPORT_MAX_AGE,
                settings.CRMRADAR_REPORT_MAX_BYTES)


def run_child() -> None:
    """One worker process: take tasks from the configured backend, one at a time, until stopped."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crmradar.web.settings")
    import django

    django.setup()
    from django.conf import settings

    from crmradar.web import computations  # noqa: F401 - registers the computations

    if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_rq"):
        from django.core.management import call_command

        # SimpleWorker runs each job in this process (no fork per job), so a killed worker stops its job's
        # heartbeat and the job is queued again, as with the database backend.
        call_command("rqworker", "default", job_class="django_tasks_rq.Job", worker_class="rq.worker.SimpleWorker",
                     with_scheduler=False)
        return
    from django.utils.crypto import get_random_string
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(queue_names=["default"], interval=0.5, batch=False, backend_name="default",
                    startup_delay=False, max_tasks=None, worker_id=f"{os.getpid()}-{get_random_string(12)}",
                    excluded_queue_names=[])
    worker.configure_signals()
    worker.run()


def spawn() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crmradar.web.worker", "--child"])


def supervise(processes: int, stop_after: float | None = None) -> None:
    """Run ``processes`` workers and the housekeeping until SIGTERM/SIGINT (or ``stop_after`` seconds)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crmradar.web.settings")
    import django

    django.setup()
    from django.db import close_old_connections

    from crmradar.web.jobs import reap

    children = [spawn() for _ in range(processes)]
    running = [True]

    def stop(signum, frame) -> None:
        running[0] = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    started = last_housekeeping = time.monotonic()
    parent = os.getppid()
    try:
        while running[0] and (stop_after is None or time.monotonic() - started < stop_after):
            if os.getppid() != parent:  # the serve process that started us is gone
                break
            close_old_connections()
            try:
                reap()
                if time.monotonic() - last_housekeeping > HOUSEKEEPING_EVERY:
                    housekeeping()
                    last_housekeeping = time.monotonic()
            except Exception as error:  # noqa: BLE001 - a locked database must not stop the pool
                print(f"crm-radar worker: housekeeping skipped ({error})", file=sys.stderr)
            children = [child if child.poll() is None else spawn() for child in children]
            time.sleep(0.5)
    finally:
        for child in children:
            child.terminate()
        deadline = time.monotonic() + 3.0
        for child in children:  # a task still running is queued again by the heartbeat check
            try:
                child.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def main(argv: list[str]) -> None:
    if "--child" in argv:
        run_child()
    else:
        count = int(argv[argv.index("--processes") + 1]) if "--processes" in argv else default_processes()
        supervise(count)


if __name__ == "__main__":
    main(sys.argv[1:])
