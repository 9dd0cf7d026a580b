"""CLI tables at 80 and 120 columns, languages, ``material --format csv`` and progress (issue 13, item 7).

Wide tables used to be cut with "…"; now numbers are never cut, text wraps, and columns that do not fit are
named under the table with where the full table is. Headers and names are Dutch by default.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.commands import levers as levers_command
from crmradar.commands._table import fit_columns, render_table, shrink
from crmradar.commands.procure import row_ranges
from crmradar.i18n import UnsupportedLanguageError, language, normalise_language

runner = CliRunner()
PORTFOLIO = Path(__file__).resolve().parents[1] / "src/crmradar/scenarios/examples/portfolio_zuid_holland.yaml"
TWO_LEVERS = """schema_version: 1
levers:
  lfp:
    kind: substitution
    name_en: LFP
    description: test
    technologies: [bev_car]
    from: [batt_nmc811, batt_nmc622]
    to: batt_lfp
    start_year: 2025
    ramp_years: 5
    strength: 0.5
    low: 0.2
    high: 0.8
    source: crmradar_region_estimate
  magnets:
    kind: recycling_efficiency
    name_en: Magnets
    description: test
    materials: [neodymium]
    start_year: 2030
    ramp_years: 0
    strength: 0.5
    low: 0.3
    high: 0.7
    source: crmradar_region_estimate
"""


def _invoke(args: list[str], width: int, **env: str):
    result = runner.invoke(app, args, env={"COLUMNS": str(width), **env})
    assert result.exit_code == 0, result.output
    return result.stdout


def _assert_fits(output: str, width: int) -> None:
    assert "…" not in output
    assert "Traceback" not in output
    too_wide = [line for line in output.splitlines() if len(line) > width]
    assert not too_wide, too_wide[:3]


@pytest.fixture(scope="module")
def purchases(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("purchases")
    assert runner.invoke(app, ["procure", "example", "--out", str(folder / "p.xlsx")]).exit_code == 0
    return folder / "p.xlsx"


@pytest.mark.parametrize("width", [80, 120])
def test_crma_fits_and_names_what_it_leaves_out(width):
    output = _invoke(["crma", "--portfolio", str(PORTFOLIO)], width)
    _assert_fits(output, width)
    assert "grondstof" in output and "kobalt" in output and "verwerking" in output
    assert "material_id" not in output and "cobalt" not in output
    assert "Volledige tabel:" in output  # 12 columns never fit 120 characters
    if width == 120:
        assert "13.600.000" in output  # aluminium consumption, whole and Dutch


@pytest.mark.parametrize("width", [80, 120])
def test_procure_scan_fits(width, purchases):
    output = _invoke(["procure", "scan", str(purchases)], width)
    _assert_fits(output, width)
    assert "SR-gewogen" in output and "Aanbevolen aanbestedingsclausules" in output
    assert "2–28" in output  # clause rows as ranges, not 27 numbers
    if width == 80:
        assert "Niet getoond (80 tekens breed)" in output and "--out RAPPORT.xlsx" in output


@pytest.mark.parametrize("width", [80, 120])
def test_demand_fits_with_dutch_bands(width):
    output = _invoke(["demand", "--draws", "5", "--materials", "lithium", "--materials", "cobalt"], width)
    _assert_fits(output, width)
    assert "terugwinbaar" in output and "kobalt" in output and " tot " in output
    assert "recoverable" not in output


@pytest.mark.parametrize("width", [80, 120])
def test_levers_rank_fits(width, tmp_path):
    levers_file = tmp_path / "levers.yaml"
    levers_file.write_text(TWO_LEVERS, encoding="utf-8")
    output = _invoke(["levers", "rank", "--levers-file", str(levers_file), "--draws", "2"], width)
    _assert_fits(output, width)
    assert "Maatregelen gerangschikt" in output and "rang" in output and "totaal" in output


def test_levers_rank_shows_n_of_total(tmp_path, monkeypatch):
    levers_file = tmp_path / "levers.yaml"
    levers_file.write_text(TWO_LEVERS, encoding="utf-8")
    screen = io.StringIO()
    monkeypatch.setattr(levers_command, "console", Console(file=screen, force_terminal=True, width=120))
    result = runner.invoke(app, ["levers", "rank", "--levers-file", str(levers_file), "--draws", "2"])
    assert result.exit_code == 0, result.output
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "1/2 levers" in plain or "2/2 levers" in plain


def test_english_on_request():
    output = _invoke(["--lang", "en", "crma", "--portfolio", str(PORTFOLIO)], 120)
    assert "material" in output and "cobalt" in output.lower()
    output = _invoke(["crma", "--portfolio", str(PORTFOLIO)], 120, CRMRADAR_LANG="en_GB.UTF-8")
    assert "Full table: --format csv" in output


@pytest.mark.parametrize("value", ["nl_NL", "nl-NL", "NL", "nl_BE.UTF-8"])
def test_locale_names_count_by_language(value, monkeypatch):
    assert normalise_language(value) == "nl"
    monkeypatch.setenv("CRMRADAR_LANG", value)
    assert language() == "nl"
    result = runner.invoke(app, ["materials", "--critical"], env={"CRMRADAR_LANG": value})
    assert result.exit_code == 0 and "Grondstof" in result.stdout


@pytest.mark.parametrize(("args", "env", "named"), [
    (["materials", "--lang", "de"], {}, "--lang='de'"),
    (["material", "gallium", "--lang", "de"], {}, "--lang='de'"),
    (["--lang", "fr", "sources"], {}, "--lang='fr'"),
    (["demand", "--draws", "1"], {"CRMRADAR_LANG": "de"}, "CRMRADAR_LANG='de'"),
    (["materials"], {"CRMRADAR_LANG": "de_DE"}, "CRMRADAR_LANG='de_DE'"),
])
def test_unsupported_language_is_one_line_and_exit_2(args, env, named):
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and named in errors[0] and "nl" in errors[0] and "en" in errors[0]


def test_language_error_type():
    with pytest.raises(UnsupportedLanguageError):
        language("de")


def test_material_csv_is_one_table_with_a_block_column():
    result = runner.invoke(app, ["material", "gallium", "--format", "csv"])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.columns[:2]) == ["block", "material_id"]
    assert {"identity", "risk", "producers"} <= set(frame["block"])
    assert (frame["material_id"] == "gallium").all()


def test_fit_and_shrink_keep_minimums():
    widths = {"a": 10, "b": 12, "c": 20}
    assert fit_columns(widths, 40, ["a", "b", "c"]) == ["a", "b"]
    assert fit_columns(widths, 5, ["a", "b", "c"]) == ["a"]
    final = shrink({"a": 30, "b": 12}, {"a": 10, "b": 12}, 40)
    assert final == {"a": 21, "b": 12}  # 21 + 12 + 3·2 + 1 = 40


def test_numbers_are_never_cut():
    frame = pd.DataFrame({"material_id": ["cobalt"], "consumption_t": [13_600_000.0], "note": ["x " * 40]})
    screen = io.StringIO()
    render_table(frame, Console(file=screen, width=40), "nl")
    assert "13.600.000" in screen.getvalue() and "…" not in screen.getvalue()


def test_row_ranges():
    assert row_ranges("2;3;4;5;9;11;12") == "2–5, 9, 11–12"
    assert row_ranges("7") == "7"


def test_risk_table_is_dutch_by_default_and_english_on_request():
    dutch = _invoke(["risk", "--draws", "100"], 120)
    _assert_fits(dutch, 120)
    assert "Kritieke grondstoffen voor" in dutch and "mln €" in dutch and "EI region" not in dutch
    english = _invoke(["--lang", "en", "risk", "--draws", "100"], 120)
    assert "Critical raw materials for" in english and "EUR million" in english
