"""``crmradar diff OLD NEW`` — what changed between two versions of the data package.

    crmradar diff old-export/ new-export/            # folders with datapackage.json (crmradar data export)
    crmradar diff old/ new/ --table supply_shares --format csv

Lists tables and rows added or removed (by each table's primary key) and every changed value with the size of
the change (delta and relative change where both values are numbers). When a workspace database is present
(``DATABASE_URL`` or the home folder's SQLite file), it also lists the value chains, action points and projects
that depend on the materials and technologies named in the changed rows (``crmradar.apps.releases.touched``).
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

from crmradar.commands._common import OutputFormat, console, emit, fail


def _ids(before, after, table: str) -> set[str]:
    """Ids of ``table`` in either package, and in the active package (hand-made packages may lack the table)."""
    from crmradar import data

    found = set(getattr(data.load(), table)["id"].astype(str))
    for release in (before, after):
        if table in release.tables and "id" in release.tables[table].frame:
            found |= set(release.tables[table].frame["id"])
    return found


def _database_present() -> bool:
    """A workspace database to look in: ``DATABASE_URL``, or the SQLite file of the home folder."""
    if os.environ.get("DATABASE_URL"):
        return True
    from crmradar.data.home import user_home

    return (user_home() / "crmradar.sqlite3").is_file()


def touched(frame, before, after) -> dict | None:
    """Names of the workspace items that depend on the materials and technologies of the changed rows, or
    ``None`` when there is no workspace database. Django is configured in this process only when it already is
    (tests); otherwise a child process looks (``crmradar.apps.releases.lookup``)."""
    import json
    import subprocess
    import sys

    from django.apps import apps

    from crmradar.reports.indicators import subjects_in_keys

    materials, technologies = subjects_in_keys(frame["key"], _ids(before, after, "materials"),
                                               _ids(before, after, "technologies"))
    if apps.ready:
        from crmradar.apps.releases.lookup import lookup

        return lookup(materials, technologies)
    if not _database_present():
        return None
    request = json.dumps({"materials": sorted(materials), "technologies": sorted(technologies)})
    child = subprocess.run([sys.executable, "-m", "crmradar.apps.releases.lookup", request], capture_output=True,
                           text=True, timeout=300)
    if child.returncode != 0:
        console.print(f"[yellow]workspace database not read: {child.stderr.strip().splitlines()[-1:]}[/]")
        return None
    return json.loads(child.stdout.strip().splitlines()[-1])


def diff_command(
    old: Path = typer.Argument(..., help="Older package: folder with datapackage.json (or the file itself)."),
    new: Path = typer.Argument(..., help="Newer package."),
    table: list[str] = typer.Option(None, "--table", help="Only these tables (repeat the option)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Changed values (with size of change), added and removed rows and tables between two package versions."""
    from crmradar.data.diff import PackageDiffError, diff_releases, read_release, summary

    try:
        before, after = read_release(old), read_release(new)
    except PackageDiffError as error:
        fail(str(error))
    unknown = [t for t in table or [] if t not in before.tables and t not in after.tables]
    if unknown:
        fail(f"--table: no table {', '.join(unknown)} in either package")
    frame = diff_releases(before, after, table or None)
    counts = summary(frame)
    items = touched(frame, before, after) if not frame.empty else None
    metadata = {"old": {"path": str(before.path), "digest": before.digest},
                "new": {"path": str(after.path), "digest": after.digest}, "counts": counts}
    if items is not None:
        metadata["touched"] = items
    if fmt is not OutputFormat.table:
        emit(frame, fmt, metadata=metadata)
        return
    console.print(f"{before.path} ({before.digest}) → {after.path} ({after.digest})")
    if frame.empty:
        console.print("Geen verschillen.")
        return
    shown = frame.copy()
    shown["delta"] = shown["delta"].map(lambda v: "" if v is None or v != v else f"{v:+.6g}")
    shown["relative"] = shown["relative"].map(lambda v: "" if v is None or v != v else f"{100 * v:+.3g} %")
    emit(shown, fmt, title="Verschillen tussen de pakketversies",
         priority=["table", "key", "change", "column", "old", "new", "delta", "relative"])
    console.print(", ".join(f"{n} {what}" for what, n in counts.items() if n))
    if items is not None:
        console.print("Geraakt in de werkruimte (via de grondstoffen en technologieën van de ketens):")
        for key, heading in (("chains", "ketens"), ("actions", "actiepunten"), ("projects", "projecten")):
            console.print(f"  {heading}: {', '.join(items[key]) or '–'}")


def register(app: typer.Typer) -> None:
    app.command("diff")(diff_command)
