"""``crmradar signals`` — early-warning signals from the command line (for a scheduled job, e.g. cron).

    crmradar signals feed-add "MOFCOM" https://example.org/feed.xml --kind exportcontrole
    crmradar signals read                      # read every active feed; new signals are matched and notified
    crmradar signals import signalen.xlsx      # CSV or XLSX, every row checked first
    crmradar signals threshold cobalt 10       # price moves of cobalt alert from 10 % up or down ('none' removes)
"""

from __future__ import annotations

from pathlib import Path

import typer

from crmradar.commands._common import console, fail, fail_with_problems

signals_app = typer.Typer(help="Early-warning signals: feeds, import, price thresholds.", no_args_is_help=True)


def _django() -> None:
    from crmradar.commands.serve import prepare_web

    prepare_web()


def _system():
    from crmradar.commands.workspace import _System

    return _System()


@signals_app.command("feed-add")
def feed_add(name: str = typer.Argument(..., help="Name of the feed."),
             url: str = typer.Argument(..., help="http(s) URL or local file of an RSS, Atom or JSON feed."),
             kind: str = typer.Option("beleid", "--kind", help="Kind for items that do not say: exportcontrole, "
                                      "sanctie, prijsbeweging, fabriek, beleid.")) -> None:
    """Add a feed to read."""
    _django()
    from django.core.exceptions import ValidationError

    from crmradar.apps.signals import services

    try:
        feed = services.add_feed(_system(), name, url, kind)
    except ValidationError as error:
        fail("; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()))
    console.print(f"bron toegevoegd: {feed.name} ({feed.url})")


@signals_app.command("read")
def read(feed_name: str = typer.Option(None, "--feed", help="Only this feed (by name).")) -> None:
    """Read the active feeds; exit 1 when a feed could not be read (the others are still read)."""
    _django()
    from crmradar.apps.signals import services
    from crmradar.apps.signals.feeds import FeedError
    from crmradar.apps.signals.models import Feed

    feeds = Feed.objects.filter(active=True)
    if feed_name:
        feeds = feeds.filter(name=feed_name)
        if not feeds.exists():
            fail(f"--feed: no active feed named {feed_name!r}")
    failed = False
    for feed in feeds:
        try:
            made = services.read_feed(feed)
        except FeedError as error:
            console.print(f"[red]✗[/] {feed.name}: {error}")
            failed = True
            continue
        alerts = sum(1 for s in made if s.alerting)
        console.print(f"{feed.name}: {len(made)} nieuw, {alerts} met waarschuwing")
    if failed:
        raise typer.Exit(1)


@signals_app.command("import")
def import_(path: Path = typer.Argument(..., help="CSV or XLSX file with signals."),
            as_user: str = typer.Option(None, "--as", help="Record the signals under this user (default: system).")
            ) -> None:
    """Import signals; if any row has a problem nothing is saved and every problem is listed."""
    if not path.is_file():
        fail(f"{path}: not a file")
    _django()
    from crmradar.apps.signals.importexport import ImportProblemsError, import_signals
    from crmradar.commands.workspace import _actor

    try:
        made = import_signals(path, _actor(as_user))
    except ImportProblemsError as error:
        fail_with_problems(error.problems, "import")
    console.print(f"{len(made)} signalen geïmporteerd")


@signals_app.command("threshold")
def threshold(material: str = typer.Argument(..., help="Material id."),
              percent: str = typer.Argument(..., help="Threshold in percent, or 'none' to remove it.")) -> None:
    """Set the price threshold of a material."""
    _django()
    from django.core.exceptions import ValidationError

    from crmradar.apps.signals import services

    value = None
    if percent.lower() != "none":
        try:
            value = float(percent.replace(",", "."))
        except ValueError:
            fail(f"{percent!r} is not a number or 'none'")
        if value < 0 or value != value:
            fail("the threshold must be 0 or more")
    try:
        services.set_threshold(_system(), material, value)
    except ValidationError as error:
        fail("; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()))
    console.print(f"drempel {material}: {'verwijderd' if value is None else f'{value:g} %'}")


def register(app: typer.Typer) -> None:
    app.add_typer(signals_app, name="signals")
