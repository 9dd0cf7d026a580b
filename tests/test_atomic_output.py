"""Output files honour the umask (0666 & ~umask) instead of mkstemp's 0600, and stay atomic (issue 13, item 7)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.atomic import atomic_write_many, atomic_write_text, current_umask
from crmradar.cli import app
from crmradar.commands._common import write_table_atomic
from crmradar.methods.geopolrisk_io import write_result_atomically
from crmradar.procurement.files import write_report

FRAME = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})


@pytest.fixture(params=[0o022, 0o027])
def umask(request):
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_current_umask_reads_without_changing(umask):
    assert current_umask() == umask
    assert current_umask() == umask


def test_every_writer_honours_the_umask(tmp_path, umask):
    expected = 0o666 & ~umask
    write_table_atomic(FRAME, tmp_path / "t.csv", {"k": 1})
    write_table_atomic(FRAME, tmp_path / "t.parquet")
    atomic_write_text(tmp_path / "x.txt", "hello")
    write_result_atomically(FRAME, tmp_path / "gpr.csv")
    written = [tmp_path / name for name in ("t.csv", "t.csv.json", "t.parquet", "x.txt", "gpr.csv")]
    for suffix in (".xlsx", ".json", ".csv"):
        written += write_report({"first": FRAME, "second": FRAME}, {"k": "v"}, tmp_path / f"report{suffix}")
    assert len(written) == 9
    for path in written:
        assert _mode(path) == expected, path.name


def test_cli_scenario_copy_honours_the_umask(tmp_path, umask):
    result = CliRunner().invoke(app, ["scenario", "new", "mine", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert _mode(tmp_path / "mine.yaml") == 0o666 & ~umask


def test_failed_writer_leaves_no_file_and_keeps_the_old_one(tmp_path):
    (tmp_path / "a.csv").write_text("old")

    def broken(path: Path) -> None:
        path.write_text("partial")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write_many([(tmp_path / "a.csv", lambda p: p.write_text("new")), (tmp_path / "b.csv", broken)])
    assert (tmp_path / "a.csv").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
