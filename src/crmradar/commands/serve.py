"""``crmradar serve`` — the web platform: migrate, load the data package (once), run gunicorn."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import typer

from crmradar.commands._common import console, error_console, fail

#: Unix socket paths longer than this do not fit ``sockaddr_un`` (108 bytes with the terminator).
MAX_SOCKET_PATH = 100


def _bind_problem(host: str, port: int) -> str | None:
    """Why gunicorn could not listen on ``host:port`` (with what to do), or None if it can."""
    if not 1 <= port <= 65535:
        return f"--port {port}: a TCP port is between 1 and 65535; the usual choice is --port 8000"
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError):
        return f"--host {host}: not a known host name or address; use e.g. --host 127.0.0.1"
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does
        try:
            probe.bind(address)
        except PermissionError:
            return (f"--port {port}: ports below 1024 need administrator rights; "
                    f"use a higher port, e.g. --port {_free_port(host, 8000)}")
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (f"port {port} on {host} is already in use (another crmradar serve or program); stop it, "
                        f"or choose a free port, e.g. --port {_free_port(host, port + 1)}")
            if error.errno == errno.EADDRNOTAVAIL:
                return f"--host {host}: not an address of this machine; use e.g. --host 127.0.0.1 or 0.0.0.0"
            return f"cannot listen on {host}:{port}: {error.strerror or error}"
    return None


def _free_port(host: str, start: int) -> int:
    """First port from ``start`` that can be bound on ``host`` (``start`` itself if none found nearby)."""
    for candidate in range(start, min(start + 50, 65536)):
        try:
            with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                probe.bind((host, candidate))
                return candidate
        except OSError:
            continue
    return start


def other_instances(home: Path, port: int) -> list[int]:
    """Ports of other running ``crmradar serve`` instances using this home (their control sockets answer)."""
    ports = []
    for path in sorted((home / "run").glob("gunicorn-*.ctl")):
        other = path.stem.removeprefix("gunicorn-")
        if not other.isdigit() or int(other) == port:
            continue
        with socket.socket(socket.AF_UNIX) as probe:
            probe.settimeout(1)
            try:
                probe.connect(str(path))
            except OSError:
                continue  # left behind by an instance that stopped
        ports.append(int(other))
    return ports


def control_socket_path(home: Path, port: int) -> Path | None:
    """This instance's gunicorn control socket (``gunicornc -s PATH``), or None if the path is too long."""
    path = home / "run" / f"gunicorn-{port}.ctl"
    return path if len(str(path)) <= MAX_SOCKET_PATH else None


def prepare_web(verbosity: int = 0) -> tuple[str, bool]:
    """Apply migrations and load the active data package into the database (idempotent).

    Returns (package hash, whether it was loaded now).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crmradar.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=verbosity)
    from crmradar.web.loading import ensure_loaded

    load, created = ensure_loaded(mirror_rows=False)
    from crmradar.web.risk_cache import precompute

    precompute()  # the risk overview's Monte Carlo, once per data release, before any web worker exists
    return load.package_hash, created


def _warm_default_computations() -> None:
    """Queue the default scenario's Monte Carlo (a task worker runs it) so the first visitor finds it ready."""
    from crmradar.web import computations  # noqa: F401 - registers the computations
    from crmradar.web.jobs import submit
    from crmradar.web.loading import package_hash
    from crmradar.web.services import cached_package_hash, knowledge_base
    from crmradar.web.views.energy import DEFAULT_DRAWS

    digest = cached_package_hash(str(knowledge_base().path), package_hash)
    submit("demand", {"scenario": "targets", "draws": DEFAULT_DRAWS, "seed": 20260616}, digest)


def _warm_worker(worker) -> None:
    """Mirror the rows and queue the default computations in the background; the server is already up.

    Nothing is computed here: the risk overview was stored by :func:`prepare_web`, the rest runs on task workers.
    """
    import threading

    def warm() -> None:
        from django.db import connections

        from crmradar.web import services
        from crmradar.web.loading import current_load, mirror_rows_if_missing

        try:
            mirror_rows_if_missing(current_load(), services.knowledge_base())
            _warm_default_computations()
        finally:
            connections.close_all()

    threading.Thread(target=warm, daemon=True).start()


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    workers: int = typer.Option(2, "--workers", help="Gunicorn worker processes."),
    threads: int = typer.Option(8, "--threads", help="Threads per worker."),
    task_workers: int = typer.Option(0, "--task-workers", min=0,
                                     help="Task worker processes for computations (default: one per core)."),
) -> None:
    """Run the web platform with gunicorn (production server; DEBUG stays off)."""
    os.environ.pop("CRMRADAR_DEBUG", None)
    problem = _bind_problem(host, port)
    if problem:
        fail(problem)
    from crmradar.data.home import prepare_home

    home, notices = prepare_home()
    for notice in notices:
        error_console.print(f"[yellow]note:[/] {notice}", highlight=False, soft_wrap=True)
    control = control_socket_path(home, port)
    for other in other_instances(home, port):
        error_console.print(f"[yellow]note:[/] another crmradar serve (port {other}) uses this home; both share its "
                            "database and secret key. For separate state: CRMRADAR_HOME=/another/folder",
                            highlight=False, soft_wrap=True)
    package_hash, created = prepare_web()
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("preload_app", True)
            self.cfg.set("accesslog", None)
            self.cfg.set("timeout", 120)
            self.cfg.set("graceful_timeout", 3)  # requests never compute (task workers do): stop quickly
            self.cfg.set("post_worker_init", _warm_worker)
            # gunicorn ≥ 25 puts one control socket per user in $XDG_RUNTIME_DIR or ~/.gunicorn, which a second
            # instance silently takes over; each crm-radar instance gets its own in its home (or none).
            if "control_socket" in self.cfg.settings:
                self.cfg.set("control_socket_disable", control is None)
                if control is not None:
                    self.cfg.set("control_socket", str(control))

        def load(self):
            from crmradar.web.wsgi import application

            return application

        def run(self):
            from gunicorn.arbiter import Arbiter

            class StopPoolFirst(Arbiter):
                def stop(self, graceful=True):  # the task workers stop alongside the web workers
                    pool.terminate()
                    super().stop(graceful)

            StopPoolFirst(self).run()

    from crmradar.commands.worker import start_pool

    pool = start_pool(task_workers)
    state = "loaded" if created else "already loaded"
    console.print(f"crm-radar: data package {package_hash[:12]} {state}; serving on http://{host}:{port}/")
    console.print(f"[dim]home (database, secret key, data updates): {home}"
                  + (f"; control socket: {control}" if control else "") + "[/]", highlight=False)
    try:
        Server().run()
    finally:
        pool.terminate()
        pool.wait(10)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
