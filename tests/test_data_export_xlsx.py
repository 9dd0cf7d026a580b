"""``crmradar data export --format xlsx``: a valid workbook from the streaming writer, with a progress bar.

Issue 13, item 7: the export took ~20 s (openpyxl, one object per cell) and showed nothing meanwhile.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
from rich.console import Console
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.commands import data as data_command
from crmradar.data.xlsx_export import column_letters, write_xlsx


def test_writer_round_trips_types(tmp_path):
    frame = pd.DataFrame({
        "text": ["=1+1", " padded ", "a&b<c>", None],
        "number": [1.5, float("nan"), -2e-7, 1e12],
        "count": pd.array([1, None, 3, 4], dtype="Int64"),
        "flag": pd.array([True, False, None, True], dtype="boolean"),
        "day": pd.to_datetime(["2023-08-01", None, "2024-12-31", "1999-01-02"]),
    })
    path = tmp_path / "t.xlsx"
    write_xlsx([("first", frame), ("second", frame.head(1))], path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["first", "second"]
    rows = list(workbook["first"].iter_rows(values_only=True))
    assert rows[0] == ("text", "number", "count", "flag", "day")
    assert rows[1] == ("=1+1", 1.5, 1, True, datetime.datetime(2023, 8, 1))  # text, never a formula
    assert rows[2] == (" padded ", None, None, False, None)
    assert rows[3][:2] == ("a&b<c>", -2e-7) and rows[3][3] is None
    assert rows[4][1] == 1e12 and rows[4][4] == datetime.datetime(1999, 1, 2)
    assert workbook["first"]["E2"].is_date


def test_column_letters():
    assert column_letters(28)[-3:] == ["Z", "AA", "AB"]


def test_cli_export_has_every_table_and_shows_progress(tmp_path, monkeypatch, kb):
    screen = io.StringIO()
    monkeypatch.setattr(data_command, "console", Console(file=screen, force_terminal=True, width=100))
    result = CliRunner().invoke(app, ["data", "export", "--format", "xlsx", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    total = sum(len(frame) for frame in kb.tables.values())
    assert re.search(rf"\d+/{total + sum(len(s.fields) for s in kb.specs.values())} rijen", plain), plain[-500:]
    path = Path(tmp_path) / "crm-radar-data.xlsx"
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert workbook.sheetnames == ["fields_units", *(name[:31] for name in kb.tables)]
    materials = list(workbook["materials"].iter_rows(values_only=True))
    assert materials[0] == tuple(kb.materials.columns)
    assert len(materials) == len(kb.materials) + 1
    with zipfile.ZipFile(path) as archive:  # the largest sheet, counted without loading it
        names = list(kb.tables)
        sheet = archive.read(f"xl/worksheets/sheet{names.index('trade_flows') + 2}.xml").decode()
    assert sheet.count("<row ") == len(kb.trade_flows) + 1
