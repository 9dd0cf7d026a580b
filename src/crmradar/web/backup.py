"""Backup and restore of what the platform cannot re-derive: users and accounts, API tokens, every workspace
register with its full history and comments, and an installed data update (``crmradar data update``).

The backup is a zip with ``manifest.json`` (version, time, row counts per model), ``database.json`` (Django's
own serialisation, natural keys for content types and permissions, so it restores into SQLite or PostgreSQL
alike) and ``package/`` when an update is installed. Derived state — the data-package mirror, cached results,
sessions, login-attempt records — is left out and rebuilt on the next start.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

# Left out: derived or transient state — computed results and the task queue (recomputed on demand), sessions,
# login throttling, and tables Django rebuilds itself.
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "web", "axes", "django_tasks_database"]
FORMAT = "crmradar-backup/1"


class BackupError(ValueError):
    """A backup file that cannot be restored; the message says why."""


def dump() -> str:
    from django.core.management import call_command

    buffer = io.StringIO()
    # use_base_manager: soft-deleted items are kept too
    call_command("dumpdata", exclude=EXCLUDE, natural_foreign=True, natural_primary=True, use_base_manager=True,
                 indent=1, stdout=buffer)
    return buffer.getvalue()


def _counts(serialised: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in json.loads(serialised):
        counts[row["model"]] = counts.get(row["model"], 0) + 1
    return dict(sorted(counts.items()))


def write_backup(path: Path) -> dict:
    """Write the backup atomically (a temporary file renamed into place); returns the manifest."""
    import crmradar
    from crmradar.data.loader import user_package_dir

    serialised = dump()
    manifest = {"format": FORMAT, "version": crmradar.__version__, "created": datetime.now(UTC).isoformat(),
                "counts": _counts(serialised)}
    package = user_package_dir()
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".backup-", suffix=".zip")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=1))
            archive.writestr("database.json", serialised)
            if (package / "datapackage.json").is_file():
                for file in sorted(package.rglob("*")):
                    if file.is_file():
                        archive.write(file, "package/" + file.relative_to(package).as_posix())
        os.chmod(temporary, 0o600)  # the backup holds password hashes and token hashes
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return manifest


def read_backup(path: Path) -> tuple[dict, str, dict[str, bytes]]:
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            serialised = archive.read("database.json").decode("utf-8")
            package = {n[len("package/"):]: archive.read(n) for n in archive.namelist()
                       if n.startswith("package/") and not n.endswith("/")}
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as error:
        raise BackupError(f"{path}: not a crm-radar backup ({error})") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: unknown backup format {manifest.get('format')!r}")
    if any(".." in Path(name).parts or Path(name).is_absolute() for name in package):
        raise BackupError(f"{path}: a package file name leaves the package folder")
    if _counts(serialised) != manifest["counts"]:
        raise BackupError(f"{path}: database.json does not match the manifest's row counts")
    return manifest, serialised, package


def restore_backup(path: Path, replace: bool = False) -> dict:
    """Restore into this home's database (migrated first). A database that already holds workspace data is
    refused unless ``replace``; then it is emptied and refilled in one transaction."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test.utils import override_settings

    from crmradar.apps.consultation.models import ActionPoint, Bottleneck, Meeting, ValueChain

    manifest, serialised, package = read_backup(path)
    holds_data = any(m.all_objects.exists() for m in (ValueChain, Bottleneck, ActionPoint, Meeting))
    from django.contrib.auth import get_user_model

    if (holds_data or get_user_model().objects.exists()) and not replace:
        raise BackupError("this database already holds users or workspace items; restore with --replace to "
                          "overwrite them, or restore into an empty home")
    with tempfile.TemporaryDirectory() as folder:
        fixture = Path(folder) / "database.json"
        fixture.write_text(serialised, encoding="utf-8")
        # The backup carries the history itself; saving many-to-many links must not add new history rows.
        with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
            _empty_restored_tables()
            call_command("loaddata", str(fixture), verbosity=0)
    if package:
        _install_package(package)
    return manifest


def _empty_restored_tables() -> None:
    """Empty the tables a backup holds (and their many-to-many tables), keeping content types, permissions
    and derived tables. Plain DELETEs in the caller's transaction: Django creates foreign keys deferred on
    SQLite and PostgreSQL, so the order does not matter (TRUNCATE would refuse while a transaction has
    pending constraint checks)."""
    from django.apps import apps
    from django.db import connection

    excluded_apps = {"contenttypes", "sessions", "admin", "web", "axes"}
    tables = sorted({m._meta.db_table for m in apps.get_models(include_auto_created=True)
                     if m._meta.app_label not in excluded_apps and m._meta.label_lower != "auth.permission"})
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def _install_package(files: dict[str, bytes]) -> None:
    import shutil

    from crmradar.data.loader import user_package_dir

    target = user_package_dir()
    staging = target.with_name(target.name + ".restoring")
    shutil.rmtree(staging, ignore_errors=True)
    for name, content in files.items():
        file = staging / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content)
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
