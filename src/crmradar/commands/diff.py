"""``crmradar diff OLD NEW`` — what changed between two versions of the data package.

    crmradar diff old-export/ new-export/            # folders with datapackage.json (crmradar data export)
    crmradar diff old/ new/ --table supply_shares --format csv

Lists tables and rows added or removed (by each table's primary key) and every changed value with the size of
the change (delta and relative change where both values are numbers).
"""

from __future__ import annotations

from pathlib import Path

import typer

from crmradar.commands._common import OutputFormat, console, emit, fail


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
    metadata = {"old": {"path": str(before.path), "digest": before.digest},
                "new": {"path": str(after.path), "digest": after.digest}, "counts": counts}
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


def register(app: typer.Typer) -> None:
    app.command("diff")(diff_command)
