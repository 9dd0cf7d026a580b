"""``crmradar backup FILE`` and ``crmradar restore FILE``: users, workspace with history, installed data."""

from __future__ import annotations

from pathlib import Path

import typer

from crmradar.commands._common import console, fail


def _django() -> None:
    from crmradar.commands.serve import prepare_web

    prepare_web()


def backup_command(file: Path = typer.Argument(..., help="Zip file to write (mode 0600: it holds password hashes).")
                   ) -> None:
    """Back up users, API tokens, every workspace register with history, and an installed data update."""
    if file.is_dir():
        fail(f"{file}: is a folder; give a file name such as crmradar-backup.zip")
    if not file.parent.is_dir():
        fail(f"{file.parent}: folder does not exist")
    _django()
    from crmradar.web.backup import write_backup

    manifest = write_backup(file)
    console.print(f"backup geschreven: {file} ({sum(manifest['counts'].values())} rijen)")


def restore_command(
    file: Path = typer.Argument(..., help="A backup made by crmradar backup."),
    replace: bool = typer.Option(False, "--replace", help="Overwrite users and workspace items already present."),
) -> None:
    """Restore a backup into this home (see CRMRADAR_HOME / DATABASE_URL); nothing changes on any problem."""
    if not file.is_file():
        fail(f"{file}: no such file")
    _django()
    from crmradar.web.backup import BackupError, restore_backup

    try:
        manifest = restore_backup(file, replace=replace)
    except BackupError as error:
        fail(str(error))
    console.print(f"hersteld: {sum(manifest['counts'].values())} rijen uit versie {manifest['version']} "
                  f"({manifest['created'][:19]})")


def register(app: typer.Typer) -> None:
    app.command("backup")(backup_command)
    app.command("restore")(restore_command)
