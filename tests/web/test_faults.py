"""Issue 17, faults: a read-only database, a full disk under the reports folder and a web worker killed with
SIGKILL in the middle of a request. The site answers with clear errors (503/507 pages and JSON, never a 500 or
a traceback), stores nothing half and loses nothing committed. (A task worker killed during a job — the job is
queued again and finishes — is ``tests/web/test_task_queue.py::test_killed_worker_job_is_retried_within_seconds``;
``crmradar data update`` killed mid-way is ``tests/test_data_update_killed.py``.)"""

from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


@pytest.fixture()
def read_only_database(django_db):
    """Every database connection opened during the test is read-only (SQLite query_only; PostgreSQL
    default_transaction_read_only) — root ignores file modes, so the database itself must refuse writes."""
    from django.db import connection
    from django.db.backends.signals import connection_created

    def read_only(sender, connection, **kwargs):
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA query_only = ON")
            else:
                cursor.execute("SET default_transaction_read_only = on")

    connection.close()
    connection_created.connect(read_only)
    yield
    connection_created.disconnect(read_only)
    connection.close()


def test_read_only_database_gives_clear_503_answers_not_500(read_only_database):
    from django.test import Client

    from crmradar.web.views.levers import EFFECT_DRAWS  # noqa: F401 - the panel below queues a lever job

    client = Client(raise_request_exception=False)
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json()["checks"]["database"] == "database is read-only"
    # a panel that must store a new job
    page = client.get("/levers/panel/?lever=ev_battery_lfp&material=cobalt&strength=0.37", HTTP_HX_REQUEST="true")
    assert page.status_code == 503, page.content[:300]
    assert b"Tijdelijk niet beschikbaar" in page.content and page["Retry-After"] == "60"
    api = client.get("/api/v1/levers?lever=ev_battery_lfp&strength=0.37&scenario=trend")
    assert api.status_code == 503 and api.json() == {"detail": "database unavailable; try again later"}
    # reading pages still works
    assert client.get("/en/sources/").status_code == 200


def test_read_only_database_changes_nothing_and_health_recovers(django_db):
    from django.test import Client

    assert Client().get("/healthz").status_code == 200


def _tmpfs(path: Path, size: str) -> bool:
    """Mount a small tmpfs at ``path`` (root only); False when this machine does not permit it."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    return done.returncode == 0


def test_full_disk_for_the_reports_folder_says_so_and_leaves_no_file(client, tmp_path, monkeypatch):
    from crmradar.procurement import files
    from crmradar.web.views import procurement

    folder = tmp_path / "reports"
    mounted = _tmpfs(folder, "16k")  # the example's report (XLSX + JSON) is far larger than 16 KiB
    if not mounted:  # no mount permitted: the XLSX writer fills the disk after writing part of its file
        real = files._write_xlsx

        def fill_up(tables, metadata, path):
            Path(path).write_bytes(b"PK\x03\x04partial")
            raise OSError(errno.ENOSPC, "No space left on device", str(path))

        monkeypatch.setattr(files, "_write_xlsx", fill_up)
        assert real is not fill_up
    monkeypatch.setattr(procurement, "REPORT_DIR", folder)
    try:
        response = client.post("/procurement/", {"example": "1"})
        assert response.status_code == 507
        text = response.content.decode()
        assert "de opslag van de server is vol" in text and "Er is niets opgeslagen" in text
        assert sorted(p.name for p in folder.iterdir()) == []  # no report, no temporary file
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=False)


def test_report_folder_that_is_not_writable_is_a_clear_503(client, tmp_path, monkeypatch):
    from crmradar.web.views import procurement

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(procurement, "REPORT_DIR", blocker / "reports")  # mkdir fails: a file is in the way
    response = client.post("/procurement/", {"example": "1"})
    assert response.status_code == 503 and "niet beschrijfbaar" in response.content.decode()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_web_worker_killed_during_a_request_is_replaced_and_nothing_committed_is_lost(tmp_path):
    home = tmp_path / "home"
    port = _free_port()
    env = dict(os.environ, CRMRADAR_HOME=str(home), CRMRADAR_RATE_BURST="0")
    for name in ("DATABASE_URL", "CRMRADAR_DATA", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    home.mkdir()
    log = open(home / "serve.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen([sys.executable, "-m", "crmradar.cli", "serve", "--port", str(port), "--workers", "1"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if _get(url + "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        job_url = url + "/api/v1/levers?lever=ev_battery_lfp&strength=0.41&scenario=trend"
        assert _get(job_url)[0] == 202  # a job row, committed
        workers = _children(server.pid)
        assert workers, (home / "serve.log").read_text()[-2000:]
        # a request in flight: headers and half the declared body sent, the worker waits for the rest
        held = socket.create_connection(("127.0.0.1", port), timeout=10)
        held.sendall(b"POST /procurement/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-"
                     b"urlencoded\r\nContent-Length: 1000\r\n\r\nexample=1&")
        time.sleep(1.0)
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        held.settimeout(10)
        try:
            answer = held.recv(100)
        except (ConnectionResetError, TimeoutError):
            answer = b""
        held.close()
        assert not answer.startswith(b"HTTP/1.1 200")  # the killed request did not pretend to succeed
        # the arbiter starts a new worker; the site answers again and the committed job is still there
        deadline = time.monotonic() + 60
        status = 0
        while time.monotonic() < deadline and status != 200:
            try:
                status = _get(url + "/healthz")[0]
            except OSError:
                time.sleep(0.3)
        assert status == 200
        assert set(_children(server.pid)) - set(workers), "no new worker"
        import json

        code, body = _get(job_url)
        assert code in (200, 202) and json.loads(body)["status"] in ("queued", "running", "done")  # task workers run
        sqlite = subprocess.run([sys.executable, "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                                 "print(c.execute(\"select count(*) from web_cachedresult where kind='lever'\")"
                                 ".fetchone()[0])", str(home / "crmradar.sqlite3")],
                                capture_output=True, text=True, check=True)
        assert sqlite.stdout.strip() == "1"  # the same job, not lost and not duplicated
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
