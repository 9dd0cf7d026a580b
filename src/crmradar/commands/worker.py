"""``crmradar worker`` — task worker processes alone (a second machine beside ``crmradar serve``)."""

from __future__ import annotations

import os
import subprocess
import sys

import typer

from crmradar.commands._common import console


def start_pool(processes: int = 0) -> subprocess.Popen:
    """Start the worker supervisor with ``processes`` workers (0: one per core) as a child process."""
    from crmradar.web.worker import default_processes

    count = processes or default_processes()
    console.print(f"[dim]task workers: {count} process(es)[/]", highlight=False)
    return subprocess.Popen([sys.executable, "-m", "crmradar.web.worker", "--processes", str(count)])


def worker_command(
    processes: int = typer.Option(0, "--processes", "-n", min=0, help="Worker processes (default: one per core)."),
) -> None:
    """Run task workers for the web's computations until Ctrl+C (same database/Redis settings as serve)."""
    from crmradar.commands.serve import prepare_web
    from crmradar.data.home import prepare_home

    prepare_home()
    prepare_web()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crmradar.web.settings")
    from crmradar.web.worker import default_processes, supervise

    count = processes or default_processes()
    console.print(f"crm-radar: {count} task worker(s); Ctrl+C stops them")
    supervise(count)


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_command)
