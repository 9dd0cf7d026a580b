"""Backup and restore: a restore reproduces every backed-up table row for row (in-process on the suite's
database, SQLite or PostgreSQL, and through the CLI into an empty home); bad files change nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from web.workspace.conftest import PASSWORD


def test_restore_reproduces_every_table(users, items, tmp_path):
    from crmradar.apps.consultation import services
    from crmradar.apps.consultation.models import Bottleneck
    from crmradar.web.backup import BackupError, dump, restore_backup, write_backup

    services.add_comment(items["public"], users["partner"], "Reactie")
    services.soft_delete(items["hidden"], users["analist"])
    before = dump()
    manifest = write_backup(tmp_path / "backup.zip")
    assert manifest["counts"]["consultation.bottleneck"] == 3
    assert manifest["counts"]["consultation.historicalbottleneck"] >= 4
    # task-queue rows are transient (a worker may finish a job while the backup runs): not backed up
    assert not [model for model in manifest["counts"] if model.startswith(("django_tasks_database.", "web."))]
    assert oct(os.stat(tmp_path / "backup.zip").st_mode & 0o777) == "0o600"
    with pytest.raises(BackupError, match="--replace"):
        restore_backup(tmp_path / "backup.zip")
    Bottleneck.all_objects.filter(pk=items["public"].pk).update(title="na de backup veranderd")
    restore_backup(tmp_path / "backup.zip", replace=True)
    assert json.loads(dump()) == json.loads(before)
    assert Bottleneck.all_objects.get(pk=items["public"].pk).title == "Openbaar knelpunt"


def test_a_damaged_backup_changes_nothing(users, items, tmp_path):
    from crmradar.web.backup import BackupError, dump, restore_backup, write_backup

    write_backup(tmp_path / "good.zip")
    before = dump()
    with zipfile.ZipFile(tmp_path / "good.zip") as source, zipfile.ZipFile(tmp_path / "bad.zip", "w") as target:
        target.writestr("manifest.json", source.read("manifest.json"))
        rows = json.loads(source.read("database.json"))
        target.writestr("database.json", json.dumps(rows[:-1]))
    with pytest.raises(BackupError, match="row counts"):
        restore_backup(tmp_path / "bad.zip", replace=True)
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    with pytest.raises(BackupError, match="not a crm-radar backup"):
        restore_backup(tmp_path / "junk.zip", replace=True)
    assert dump() == before


def _run(home, *args, stdin=""):
    env = dict(os.environ, CRMRADAR_HOME=str(home))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)  # two homes = two SQLite databases
    return subprocess.run([sys.executable, "-m", "crmradar.cli", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=300)


def _dump(home) -> list:
    env = dict(os.environ, CRMRADAR_HOME=str(home), DJANGO_SETTINGS_MODULE="crmradar.web.settings")
    env.pop("DATABASE_URL", None)
    code = "import django; django.setup(); from crmradar.web.backup import dump; print(dump())"
    return json.loads(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                     check=True).stdout)


def test_cli_backup_restores_into_an_empty_home(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    assert _run(source, "workspace", "demo").returncode == 0
    added = _run(source, "user", "add", "a@example.nl", "--organisation", "TNO", "--role", "analist",
                 "--password-stdin", stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert _run(source, "backup", str(tmp_path / "b.zip")).returncode == 0
    restored = _run(target, "restore", str(tmp_path / "b.zip"))
    assert restored.returncode == 0, restored.stderr
    assert _dump(target) == _dump(source)
    again = _run(target, "restore", str(tmp_path / "b.zip"))
    assert again.returncode == 2 and "--replace" in again.stderr
