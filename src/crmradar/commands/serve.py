"""``crmradar serve`` — the web platform: migrate, load the data package (once), run gunicorn."""

from __future__ import annotations

import os

import typer

from crmradar.commands._common import console


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
    return load.package_hash, created


def _warm_default_computations() -> None:
    """Start the default scenario's Monte Carlo in the background so the first visitor finds it ready."""
    from crmradar.web import computations  # noqa: F401 - registers the computations
    from crmradar.web.jobs import submit
    from crmradar.web.loading import package_hash
    from crmradar.web.services import cached_package_hash, knowledge_base
    from crmradar.web.views.energy import DEFAULT_DRAWS

    digest = cached_package_hash(str(knowledge_base().path), package_hash)
    submit("demand", {"scenario": "targets", "draws": DEFAULT_DRAWS, "seed": 20260616}, digest)


def _warm_worker(worker) -> None:
    """Fill the worker's caches (risk overview, profiles) in the background; the server is already up."""
    import threading

    def warm() -> None:
        from django.db import connections

        from crmradar.web import services
        from crmradar.web.loading import current_load, mirror_rows_if_missing

        try:
            mirror_rows_if_missing(current_load(), services.knowledge_base())
            _warm_default_computations()
            services.risk_table()
        finally:
            connections.close_all()

    threading.Thread(target=warm, daemon=True).start()


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    workers: int = typer.Option(2, "--workers", help="Gunicorn worker processes."),
    threads: int = typer.Option(8, "--threads", help="Threads per worker."),
) -> None:
    """Run the web platform with gunicorn (production server; DEBUG stays off)."""
    os.environ.pop("CRMRADAR_DEBUG", None)
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
            self.cfg.set("post_worker_init", _warm_worker)

        def load(self):
            from crmradar.web.wsgi import application

            return application

    state = "loaded" if created else "already loaded"
    console.print(f"crm-radar: data package {package_hash[:12]} {state}; serving on http://{host}:{port}/")
    Server().run()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
