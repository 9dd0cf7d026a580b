"""Issue 16: the web's task queue (django-tasks, database backend) — per-client cap under 30 submissions,
deduplication, cancellation, retry after a worker process is killed, eviction by age and size.

Runs on SQLite by default and on PostgreSQL with ``DATABASE_URL=postgres://...``; the worker processes are
real ``crmradar.web.worker`` processes connected to the test database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest


def _job_env(connection) -> dict:
    env = dict(os.environ)
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{name}"
    else:
        s = connection.settings_dict
        env["DATABASE_URL"] = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"
    env.update(CRMRADAR_JOB_HEARTBEAT="0.5", CRMRADAR_JOB_HEARTBEAT_TIMEOUT="2")
    return env


@pytest.fixture()
def queue(django_db):
    from django_tasks_db.models import DBTaskResult

    from crmradar.web import computations  # noqa: F401 - registers the self-test computation
    from crmradar.web.models import CachedResult

    DBTaskResult.objects.filter(status="READY").delete()  # tasks of other tests' panels: run in-process there
    yield CachedResult
    CachedResult.objects.filter(kind="selftest").delete()


def _submit(value, client="", seconds=0.2, **extra):
    from crmradar.web.jobs import submit

    return submit("selftest", {"value": value, "seconds": seconds, **extra}, "testhash", client=client)


def test_thirty_submissions_respect_the_per_client_and_global_caps(queue, monkeypatch):
    from django.conf import settings

    from crmradar.web.jobs import QueueFullError, queue_position

    monkeypatch.setattr(settings, "CRMRADAR_JOB_MAX_PER_CLIENT", 5, raising=False)
    accepted, refused = [], 0
    for i in range(30):
        try:
            accepted.append(_submit(f"cap-{i}", client="client-a"))
        except QueueFullError:
            refused += 1
    assert (len(accepted), refused) == (5, 25)
    assert [queue_position(job) for job in accepted] == [0, 1, 2, 3, 4]
    monkeypatch.setattr(settings, "CRMRADAR_JOB_MAX_QUEUED", 12, raising=False)
    others = 0
    for i in range(30):
        try:
            _submit(f"cap-other-{i}", client=f"client-{i}")
            others += 1
        except QueueFullError:
            pass
    assert others == 12 - 5  # the queue holds 12 in all
    assert queue.objects.filter(kind="selftest", status="queued").count() == 12


def test_identical_requests_share_one_job_and_one_task(queue):
    from django_tasks_db.models import DBTaskResult

    first = _submit("dedup", client="one")
    second = _submit("dedup", client="two")
    assert first.pk == second.pk and first.task_id
    assert DBTaskResult.objects.filter(id=first.task_id).count() == 1
    assert queue.objects.filter(kind="selftest", parameters__value="dedup").count() == 1


def test_cancel_queued_and_running_jobs(queue):
    import threading

    from crmradar.web.jobs import cancel, execute

    waiting = _submit("cancel-queued", client="c")
    assert not cancel(waiting.pk, client="someone else")  # only the submitting client may cancel
    assert cancel(waiting.pk, client="c")
    assert execute(waiting.pk) == "skipped"
    running = _submit("cancel-running", client="c", seconds=3.0, steps=30)
    outcome = []
    thread = threading.Thread(target=lambda: outcome.append(execute(running.pk)))
    thread.start()
    deadline = time.monotonic() + 10
    while queue.objects.get(pk=running.pk).progress == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert cancel(running.pk, client="c")
    thread.join(5)
    job = queue.objects.get(pk=running.pk)
    assert outcome == ["cancelled"] and job.progress < 1 and job.result is None
    again = _submit("cancel-queued", client="c")  # asking again after a cancellation starts anew
    assert again.status == "queued"


def test_killed_worker_job_is_retried_within_seconds(queue, django_db):
    from django_tasks_db.models import DBTaskResult

    job = _submit("killed", client="k", seconds=4.0, steps=40)
    pool = subprocess.Popen([sys.executable, "-m", "crmradar.web.worker", "--processes", "1"],
                            env=_job_env(django_db))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.status == "running" and job.progress > 0:
                break
            time.sleep(0.1)
        assert job.status == "running"
        worker_pid = int(DBTaskResult.objects.get(id=job.task_id).worker_ids[-1].split("-")[0])
        os.kill(worker_pid, signal.SIGKILL)
        killed_at = time.monotonic()
        while time.monotonic() < killed_at + 60:
            job.refresh_from_db()
            if job.status == "done":
                break
            time.sleep(0.2)
        assert job.status == "done" and job.attempts == 2
        assert job.result["pid"] != worker_pid
        assert time.monotonic() - killed_at < 30  # heartbeat timeout 2 s + restart + 4 s run, not 15 minutes
        assert DBTaskResult.objects.filter(id=job.task_id).exists()
    finally:
        pool.send_signal(signal.SIGTERM)
        pool.wait(30)


def test_results_and_report_files_are_evicted_by_age_and_size(queue, tmp_path):
    from django.utils import timezone

    from crmradar.web.jobs import evict, execute
    from crmradar.web.worker import evict_files

    jobs = []
    for i in range(4):
        job = _submit(f"evict-{i}", seconds=0, payload_bytes=1000)
        execute(job.pk)
        jobs.append(job.pk)
    now = timezone.now()
    for age, pk in zip([10, 3, 2, 1], jobs, strict=True):
        queue.objects.filter(pk=pk).update(used_at=now - timedelta(days=age))
    assert evict(max_age=timedelta(days=7), max_bytes=10**9) >= 1
    assert not queue.objects.filter(pk=jobs[0]).exists()
    others = sum(queue.objects.exclude(kind="selftest").filter(status="done").values_list("size_bytes", flat=True))
    evict(max_age=timedelta(days=7), max_bytes=others + 2100)  # room for two of the three left
    assert list(queue.objects.filter(pk__in=jobs).values_list("pk", flat=True).order_by("pk")) == jobs[2:]
    for i, age in enumerate([5000, 30, 20, 10]):
        path = tmp_path / f"report-{i}.xlsx"
        path.write_bytes(b"x" * 1000)
        os.utime(path, (time.time() - age, time.time() - age))
    assert evict_files(tmp_path, max_age=3600, max_bytes=2000) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report-2.xlsx", "report-3.xlsx"]


def test_panel_shows_the_queue_position_in_dutch_and_can_be_cancelled(queue, client):
    import re

    from crmradar.web.models import CachedResult

    _submit("ahead-1", client="other")
    _submit("ahead-2", client="other")
    html = client.get("/levers/panel/", {"lever": "ev_battery_lfp", "strength": "0.37", "material": "cobalt"})
    text = html.content.decode()
    assert re.search(r"nog \d+ berekeningen voor u", text), text
    job_id = int(re.search(r'id="job-(\d+)"', text).group(1))
    assert "Berekening annuleren" in text
    assert client.post(f"/jobs/{job_id + 10**6}/cancel/").status_code == 404
    cancelled = client.post(f"/jobs/{job_id}/cancel/")
    assert cancelled.status_code == 200 and "geannuleerd" in cancelled.content.decode()
    assert CachedResult.objects.get(pk=job_id).status == "cancelled"
    CachedResult.objects.filter(pk=job_id).delete()


def test_redis_backend_runs_a_job_through_an_rq_worker(django_db, tmp_path):
    """CRMRADAR_TASKS=redis: the same job flows through Redis (127.0.0.1:6379) and an RQ worker process."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/15").ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    env = dict(_job_env(django_db), CRMRADAR_TASKS="redis", CRMRADAR_REDIS_URL="redis://127.0.0.1:6379/15")
    script = (
        "import django, os, time; django.setup();"
        "from django.conf import settings; assert settings.TASKS['default']['BACKEND'] == 'django_tasks_rq.RQBackend';"
        "from crmradar.web import computations; from crmradar.web.jobs import submit;"
        "from crmradar.web.models import CachedResult;"
        "job = submit('selftest', {'value': 'redis', 'seconds': 0.2}, 'testhash', client='r');"
        "import django_rq; assert django_rq.get_queue('default').count >= 1;"
        "deadline = time.monotonic() + 60\n"
        "while time.monotonic() < deadline and CachedResult.objects.get(pk=job.pk).status != 'done': time.sleep(0.2)\n"
        "print(CachedResult.objects.get(pk=job.pk).status)"
    )
    pool = subprocess.Popen([sys.executable, "-m", "crmradar.web.worker", "--processes", "1"], env=env)
    try:
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                             env=dict(env, DJANGO_SETTINGS_MODULE="crmradar.web.settings"))
        assert out.stdout.strip().endswith("done"), out.stderr[-2000:]
    finally:
        pool.send_signal(signal.SIGTERM)
        pool.wait(30)
        from crmradar.web.models import CachedResult

        CachedResult.objects.filter(kind="selftest").delete()
