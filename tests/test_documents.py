"""Documents (issue 15, item 1): the PDF and DOCX text carries the same numbers as the CLI's JSON, the fact
sheet is one page, the public summary is one to two pages at Dutch reading level B1 (Flesch-Douma ≥ 60)."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.documents.extract import docx_text, normalise, pdf_text
from crmradar.reports.numbers import format_estimate, format_number, format_percent

runner = CliRunner()


def cli_json(*args: str) -> dict:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("{"):])


@pytest.fixture(scope="module")
def gallium_cli():
    payload = cli_json("material", "gallium")
    return {block["key"]: block for block in payload["blocks"]}


@pytest.fixture(scope="module")
def demand_cli():
    rows = cli_json("demand", "--scenario", "targets", "--draws", "1000", "--seed", "20260616",
                    "--materials", "lithium", "--materials", "neodymium")["data"]
    return {(r["material_id"], r["metric"], r["year"]): r for r in rows}


def _expected_sheet_numbers(blocks) -> list[str]:
    risk = {r["indicator"]: r["value"] for r in blocks["risk"]["rows"]}
    china = next(r for r in blocks["producers"]["rows"] if r["country_iso3"] == "CHN" and r["stage"] == "processing")
    global_conc = next(r for r in blocks["concentration"]["rows"] if r["scope"] == "global_supply")
    return [format_number(risk["official_supply_risk"], "nl", decimals=1),
            format_number(risk["official_economic_importance"], "nl", decimals=1),
            format_number(risk["economic_importance_region"], "nl", decimals=1),
            format_percent(china["share"], "nl", decimals=1),
            format_number(global_conc["hhi"], "nl", decimals=2)]


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_material_fact_sheet_has_the_cli_numbers(tmp_path, gallium_cli, suffix):
    out = tmp_path / f"gallium.{suffix}"
    result = runner.invoke(app, ["report", "material", "Ga", "--out", str(out)])
    assert result.exit_code == 0, result.output
    if suffix == "pdf":
        text, pages = pdf_text(out)
        assert pages == 1
    else:
        text = docx_text(out)
    text = normalise(text)
    expected = _expected_sheet_numbers(gallium_cli)
    # the EU 2023 study's values, as the package holds them
    assert expected[0] == "3,9" and normalise(expected[3]) == "93,8 %"
    for number in expected:
        assert normalise(number) in text, number
    for source in gallium_cli["risk"]["sources"] + ["mofcom_2023_23"]:
        assert source in text
    assert "Grondstoffenprofiel: Gallium (Ga)" in text


def test_public_summary_is_plain_dutch_with_the_cli_numbers(tmp_path, demand_cli):
    out = tmp_path / "publiek.pdf"
    result = runner.invoke(app, ["report", "publiek", "--out", str(out)])
    assert result.exit_code == 0, result.output
    score = float(result.output.split("Flesch-Douma ")[1].split()[0])
    assert score >= 60  # B1: plain language
    text, pages = pdf_text(out)
    assert 1 <= pages <= 2
    text = normalise(text)
    for material, year in (("lithium", 2030), ("lithium", 2050), ("neodymium", 2050)):
        row = demand_cli[(material, "demand", year)]
        assert normalise(format_estimate(row["p50"], row["p5"], row["p95"], "nl")) in text
    eol = demand_cli[("lithium", "end_of_life", 2050)]
    assert normalise(format_estimate(eol["p50"], eol["p5"], eol["p95"], "nl")) in text
    docx = tmp_path / "publiek.docx"
    assert runner.invoke(app, ["report", "publiek", "--out", str(docx)]).exit_code == 0
    row = demand_cli[("lithium", "demand", 2030)]
    assert normalise(format_estimate(row["p50"], row["p5"], row["p95"], "nl")) in normalise(docx_text(docx))


def test_readability_formula():
    from crmradar.documents.readability import flesch_douma, syllables

    assert [syllables(w) for w in ("grondstof", "lettergreep", "energietransitie", "ui")] == [2, 3, 6, 1]
    easy = flesch_douma("Ik ga naar huis. De zon schijnt.")
    hard = flesch_douma("Leveringszekerheidsvraagstukken betreffende kritieke grondstoffenketens vereisen "
                        "geïntegreerde beleidsinterventies.")
    assert easy.sentences == 2 and easy.words == 7
    assert easy.flesch_douma > 90 > 0 > hard.flesch_douma


def test_bad_out_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["report", "material", "gallium", "--out", str(tmp_path / "x.txt")])
    assert result.exit_code == 2 and "--out must end in .pdf, .docx or .html" in result.output
    result = runner.invoke(app, ["report", "material", "unobtainium", "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2


def test_renderers_are_pure_and_escape_text(tmp_path):
    from crmradar.documents import Document, Section, Table, write

    document = Document("Titel <b>", sections=[Section("Kop & staart", ["Tekst <script>"], tables=[
        Table(["a", "b"], [["1", "<2>"]], sources=["bron_x"], numeric=[False, True])])], sources=[("bron_x", "X")])
    html = write(document, tmp_path / "d.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    with pytest.raises(ValueError):
        write(document, tmp_path / "d.odt")
    text = docx_text(write(document, tmp_path / "d.docx"))
    assert "Tekst <script>" in text and "Bron: bron_x." in text
    assert io.BytesIO((tmp_path / "d.docx").read_bytes()).read(2) == b"PK"
