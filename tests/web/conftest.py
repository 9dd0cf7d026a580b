"""Web test fixtures: a test database (SQLite by default, PostgreSQL when DATABASE_URL is set) with the
embedded data package loaded, and a real ``crmradar serve`` process for browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

_HOME: Path | None = None
SERVER_HOMES: list[Path] = []


@pytest.fixture(scope="session")
def web_home(tmp_path_factory) -> Path:
    global _HOME
    if _HOME is None:
        _HOME = tmp_path_factory.mktemp("web-home")
    return _HOME


@pytest.fixture(scope="session")
def django_db(web_home):
    os.environ["CRMRADAR_HOME"] = str(web_home)
    os.environ["DJANGO_SETTINGS_MODULE"] = "crmradar.web.settings"
    os.environ.pop("CRMRADAR_DATA", None)
    import django
    from django.test.utils import setup_test_environment, teardown_test_environment

    django.setup()
    setup_test_environment()
    from django.db import connection

    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    from crmradar.web.loading import ensure_loaded

    ensure_loaded()
    from crmradar.web.risk_cache import precompute

    precompute()  # as crmradar serve does before its web workers start
    yield connection
    # Computations are queued tasks run by worker processes (none in this process unless a test calls
    # wait_for_jobs), so nothing computes in the background here when the test database goes away.
    connection.close()
    connection.creation.destroy_test_db(test_name, verbosity=0)
    teardown_test_environment()


@pytest.fixture(autouse=True)
def _full_rate_limit_buckets():
    """Every test starts with full rate-limit buckets (crmradar.web.ratelimit): tests share one client address."""
    from django.apps import apps

    if apps.ready:
        from django.core.cache import caches

        caches["ratelimit"].clear()
    yield


@pytest.fixture()
def client(django_db):
    from django.test import Client

    return Client()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real ``crmradar serve`` (gunicorn) on a free port with its own home folder."""
    home = tmp_path_factory.mktemp("serve-home")
    SERVER_HOMES.append(home)  # browser tests create workspace users in the server's own database
    port = _free_port()
    # the crawl and browser tests start many computations from one address: no rate limit on this server, and
    # room for all their jobs at once (the default cap of 5 waiting jobs per client is hit on a loaded machine)
    env = dict(os.environ, CRMRADAR_HOME=str(home), CRMRADAR_RATE_BURST="0", CRMRADAR_JOB_MAX_PER_CLIENT="50")
    env.pop("CRMRADAR_DATA", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log = open(home / "serve.log", "w")  # noqa: SIM115 - closed at teardown
    process = subprocess.Popen(
        [sys.executable, "-m", "crmradar.cli", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.2)
    else:
        process.terminate()
        raise RuntimeError((home / "serve.log").read_text())
    yield url
    process.terminate()
    process.wait(timeout=10)
    log.close()
