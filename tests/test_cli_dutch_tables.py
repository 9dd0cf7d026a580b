"""Issue 13, item 7 (remainder): ``crmradar shock``, ``recycling`` and ``transit`` print their tables in Dutch
in Dutch mode (headers, sections, items, streams, years in words, Dutch numbers) and in English with
``CRMRADAR_LANG=en``; the numbers are the ones of ``--format json``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.reports import recycling_names, shock_names
from crmradar.reports.numbers import format_number

runner = CliRunner()
SHOCK = ["shock", "--measure", "cn_mofcom_2023_23", "--until", "2026", "--draws", "20"]


def _run(args: list[str], lang: str, width: int = 200) -> str:
    result = runner.invoke(app, args, env={"COLUMNS": str(width), "CRMRADAR_LANG": lang})
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # wrapped cells joined again


def test_band_and_year_texts_by_hand():
    assert shock_names.band_text(0.25, 0.17, 0.36, "fraction of supply") == "25\u00a0% (17\u00a0% tot 36\u00a0%)"
    assert shock_names.band_text(1234.5, 1000, 2000, "t") == "1.235 (1.000 tot 2.000)"
    assert shock_names.band_text(41.0, 41.0, 41.0, "months") == "41"
    assert shock_names.band_text(0.139, 0.0575, 0.298, "t", "en") == "0.139 (0.0575 to 0.298)"
    assert shock_names.item_name("supply", "gallium: EU supply shortfall") == "gallium: tekort in de EU-aanvoer"
    assert shock_names.unit_name("EUR million") == "mln €"
    assert recycling_names.year_words("not before 2050") == "niet vóór 2050"
    assert recycling_names.year_words("2025 or earlier") == "2025 of eerder"
    assert recycling_names.year_words("not before 2050", "en") == "not before 2050"


def test_shock_table_in_dutch_with_the_json_numbers():
    payload = json.loads(runner.invoke(app, [*SHOCK, "--format", "json"]).stdout)
    row = next(r for r in payload["data"] if r["item"] == "gallium: EU supply shortfall")
    expected = shock_names.band_text(row["cn_mofcom_2023_23 p50"], row["cn_mofcom_2023_23 p5"],
                                     row["cn_mofcom_2023_23 p95"], "fraction of supply")
    output = _run(SHOCK, "nl")
    assert "Exportbeperking tegen scenario Beleidsdoelen" in output
    assert "China, aug. 2023: vergunningplicht — gallium en germanium" in output
    assert f"gallium: tekort in de EU-aanvoer │ % │ {' '.join(expected.split())}" in output
    assert "Blootgestelde toegevoegde waarde in de EU (mln €)" in output
    for english in ("shortfall", "supply", "zh_deployment", "cn_mofcom_2023_23", "draws", "Assumptions"):
        assert english not in output, english
    assert "shortfall in EU supply" in _run(SHOCK, "en")


def test_recycling_summary_in_dutch():
    args = ["recycling", "--catchment", "zh", "--draws", "20"]
    payload = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    batteries = next(r for r in payload["data"] if r["input_stream"] == "li_ion_batteries")
    output = _run(args, "nl", width=240)
    assert "Jaar waarin het P50-aanbod" in output and "Beleidsdoelen, 20 trekkingen" in output
    assert "magneten" in output and "zonnepanelen" in output and "(batterijpoeder)" in output
    scale = format_number(batteries["scale_central_t"], "nl", decimals=0)
    assert f"afgedankte batterijen halen de minimale schaal van een installatie voor voorbehandeling van " \
           f"batterijen ({scale} t/jaar)" in output
    assert "niet vóór 2050" in output
    for english in ("li_ion_batteries", "not before", "catchment", "stream", "feedstock", "draws"):
        assert english not in output, english
    assert "end-of-life batteries reach the minimum scale" in _run(args, "en", width=240)


@pytest.mark.parametrize("view", ["years", "value"])
def test_recycling_other_views_in_dutch(view):
    output = _run(["recycling", "--catchment", "zh", "--draws", "10", "--view", view], "nl", width=240)
    assert "gebied" in output and "stroom" in output and "Zuid-Holland" in output
    assert "catchment" not in output and "li_ion_batteries" not in output


def test_transit_table_in_dutch_with_the_json_numbers():
    args = ["transit", "--material", "lithium"]
    payload = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    row = payload["data"][0]
    output = _run(args, "nl")
    assert f"Nederland {row['year']}: invoer, wederuitvoer" in output
    assert "invoer (t)" in output and "wederuitvoer (t)" in output and "imports" not in output
    imports = format_number(round(row["gross_imports_t"], 3), "nl", significant=3)
    assert f"lithium │ {row['year']} │ {imports} │" in output
    assert "." in imports and "," not in imports  # Dutch thousands separator (lithium: about 10,000 t)
    assert "imports (t)" in _run(args, "en")
