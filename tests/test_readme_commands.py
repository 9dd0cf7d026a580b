"""Every command of the README's "Using it" block runs as written (issue 13, item 8).

The commands run one after another in a fresh folder that looks like a clone after the set-up (``.venv`` and
``src`` link to this checkout), with an isolated ``CRMRADAR_HOME``. ``crmradar serve`` runs until stopped: it is
started on a free port (8000 may be taken on a shared machine), must answer ``/`` and put its gunicorn control
socket in its home, and is then stopped.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
ACTIVATE = ". .venv/bin/activate"
SET_UP = ("python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/crmradar serve",
          'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/pytest')


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def using_it_commands() -> list[str]:
    """The shell commands of the "Using it" bash block, comments removed."""
    block = re.search(r"```bash\n(.*?)```", section("Using it"), re.S)
    assert block, "README 'Using it' has no bash block"
    commands = []
    for line in block.group(1).splitlines():
        words = shlex.split(line, comments=True)
        if words:
            commands.append(" ".join(shlex.quote(word) if word != "." else word for word in words))
    return commands


def test_set_up_is_exactly_two_commands():
    blocks = re.findall(r"```bash\n(.*?)```", section("Set-up (fresh machine, Python ≥ 3.11)"), re.S)
    assert [block.strip() for block in blocks] == list(SET_UP)


def test_block_activates_the_venv_and_creates_its_own_inputs():
    commands = using_it_commands()
    assert commands[0] == ACTIVATE
    assert sum(command.startswith("crmradar ") for command in commands) == len(commands) - 1
    position = {command: index for index, command in enumerate(commands)}
    assert position["crmradar procure example --out purchases.xlsx"] < position[
        "crmradar procure scan purchases.xlsx --out report.xlsx"]
    validate = next(c for c in commands if c.startswith("crmradar data validate "))
    assert Path(validate.split()[-1]).stem in {"supply_shares", "materials", "sources"}  # named after its table


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(command: str, folder: Path, env: dict, home: Path) -> None:
    port = _free_port()
    assert "--port 8000" in command
    process = subprocess.Popen(["bash", "-c", f"{ACTIVATE} && exec {command.replace('--port 8000', f'--port {port}')}"],
                               cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        deadline, status = time.monotonic() + 240, None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
                    status = response.status
                break
            except OSError:
                time.sleep(1)
        assert process.poll() is None, process.stdout.read()
        assert status == 200
        assert (home / "run" / f"gunicorn-{port}.ctl").exists()  # this instance's own control socket
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=60)[0]
    assert f"serving on http://127.0.0.1:{port}/" in output
    assert "Traceback" not in output.split("serving on", 1)[0]


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "activate").is_file(), reason="needs the set-up's .venv")
def test_every_using_it_command_runs_as_written(tmp_path):
    folder = tmp_path / "clone"
    folder.mkdir()
    (folder / ".venv").symlink_to(ROOT / ".venv")
    (folder / "src").symlink_to(ROOT / "src")
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items()
           if key not in {"CRMRADAR_DATA", "CRMRADAR_LANG", "VIRTUAL_ENV", "DATABASE_URL", "CRMRADAR_SECRET_KEY"}}
    env.update(CRMRADAR_HOME=str(home), COLUMNS="120", PATH="/usr/bin:/bin")
    commands = using_it_commands()
    for command in commands[1:]:
        if command.startswith("crmradar serve"):
            _serve(command, folder, env, home)
            continue
        result = subprocess.run(["bash", "-c", f"{ACTIVATE} && {command}"], cwd=folder, env=env, capture_output=True,
                                text=True, timeout=600)
        assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, command
    for written in ("zh.csv", "result.csv", "results.parquet", "mine.yaml", "purchases.xlsx", "report.xlsx",
                    "export/datapackage.json", "export/crm-radar-data.xlsx"):
        assert (folder / written).is_file(), written
