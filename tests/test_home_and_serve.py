"""One home per installation, per-instance gunicorn control sockets, and ``serve`` checks its port first.

Issue 13, items 7 and 9: a second instance or a new version must not reuse another's state unknowingly, and
``serve --port 80000`` or a busy port gives one clear line and exit 2 instead of "serving on …" and a traceback.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

import crmradar
from crmradar.cli import app
from crmradar.commands.serve import _bind_problem, control_socket_path, other_instances
from crmradar.data import home as home_module
from crmradar.data.home import install_key, prepare_home, user_home
from crmradar.data.loader import user_package_dir


@pytest.fixture
def default_home(tmp_path, monkeypatch):
    """No CRMRADAR_HOME; the user's home directory is a temporary folder."""
    monkeypatch.delenv("CRMRADAR_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path / ".crmradar"


def test_default_home_is_per_version_and_install_location(default_home):
    home = user_home()
    assert home.parent == default_home
    assert home.name == install_key()
    assert home.name.startswith(crmradar.__version__ + "-")
    assert install_key("9.9.9") != install_key()
    assert install_key(location=Path("/elsewhere/src/crmradar")) != install_key()
    assert user_package_dir() == home / "package"


def test_crmradar_home_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMRADAR_HOME", str(tmp_path / "mine"))
    assert user_home() == tmp_path / "mine"


def test_new_home_is_announced_and_stamped_once(default_home):
    home, notices = prepare_home()
    assert any(note.startswith("new home") and str(home) in note for note in notices)
    stamp = json.loads((home / "instance.json").read_text())
    assert stamp["version"] == crmradar.__version__
    assert stamp["install_location"] == str(home_module.install_location())
    assert prepare_home() == (home, [])


def test_home_of_another_version_or_clone_is_named(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "instance.json").write_text(json.dumps({"version": "0.0.1", "install_location": "/old/clone"}))
    monkeypatch.setenv("CRMRADAR_HOME", str(shared))
    _, notices = prepare_home()
    assert len(notices) == 1
    assert "set up by crm-radar 0.0.1 at /old/clone" in notices[0]
    assert "migrated" in notices[0]


def test_state_of_the_old_shared_home_is_not_reused_silently(default_home):
    default_home.mkdir()
    (default_home / "crmradar.sqlite3").write_bytes(b"")
    (default_home / "secret_key").write_text("old")
    home, notices = prepare_home()
    assert home != default_home
    assert any("no longer used" in note and f"CRMRADAR_HOME={default_home}" in note for note in notices)
    assert not (home / "secret_key").exists()


def test_control_socket_is_per_instance_and_inside_the_home(tmp_path):
    first, second = control_socket_path(tmp_path, 8000), control_socket_path(tmp_path, 8001)
    assert first != second
    assert first.parent == tmp_path / "run"
    assert control_socket_path(tmp_path / ("x" * 120), 8000) is None  # too long for a Unix socket: none


def test_bind_problems_say_what_to_do():
    assert "between 1 and 65535" in _bind_problem("127.0.0.1", 80000)
    assert "not a known host" in _bind_problem("no-such-host.invalid", 8000)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        problem = _bind_problem("127.0.0.1", port)
    assert f"port {port} on 127.0.0.1 is already in use" in problem
    assert "--port " in problem


@pytest.mark.parametrize("port", ["80000", "0"])
def test_serve_refuses_an_impossible_port_before_anything_else(port, isolated_home):
    result = CliRunner().invoke(app, ["serve", "--port", port])
    assert result.exit_code == 2
    assert "serving on" not in result.output
    assert "Traceback" not in result.output
    assert "error: --port" in result.output
    assert not (isolated_home / "crmradar.sqlite3").exists()


def test_a_running_instance_on_the_same_home_is_named(tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    (run / "gunicorn-8001.ctl").write_bytes(b"")  # stale file of a stopped instance: not running
    with socket.socket(socket.AF_UNIX) as live:
        live.bind(str(run / "gunicorn-8002.ctl"))
        live.listen()
        assert other_instances(tmp_path, 8000) == [8002]
        assert other_instances(tmp_path, 8002) == []
