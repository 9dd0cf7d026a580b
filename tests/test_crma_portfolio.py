"""Portfolio YAML: valid parsing and every kind of bad input (file, line, field; exit 2; nothing written)."""

from __future__ import annotations

import textwrap

import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.scenarios.portfolio import PortfolioError, load_portfolio, parse_portfolio

GOOD = textwrap.dedent("""\
    schema_version: 1
    name: Test portfolio
    projects:
      - name: Refinery
        stage: recycling
        material: cobalt
        capacity_t_per_year: 250
        start_year: 2028
        status: planned
      - name: Magnets
        stage: processing
        material: dysprosium
        capacity_t_per_year: 12.5
        start_year: 2027
        status: announced
    """)


def _issues(kb, text):
    with pytest.raises(PortfolioError) as caught:
        parse_portfolio(text, "p.yaml", kb.materials, kb.crma_annex_entries)
    return caught.value.issues


def _replace(old, new):
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def test_valid_portfolio_parses_with_entries_and_lines(kb):
    portfolio = parse_portfolio(GOOD, "p.yaml", kb.materials, kb.crma_annex_entries)
    assert portfolio.name == "Test portfolio"
    first, second = portfolio.projects
    assert (first.material_id, first.crma_entry, first.capacity_t_per_year, first.line) == ("cobalt", "d", 250.0, 4)
    # Dysprosium belongs to Annex I entry n (REE for permanent magnets).
    assert (second.crma_entry, second.capacity_t_per_year, second.line) == ("n", 12.5, 10)
    frame = portfolio.to_frame()
    assert frame["capacity_t_per_year"].sum() == pytest.approx(262.5)


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "words"),
    [
        ("material: cobalt", "material: unobtainium", 6, "projects[1].material", "unknown material"),
        ("material: cobalt", "material: gold", 6, "projects[1].material", "not a strategic raw material"),
        ("stage: recycling", "stage: smelting", 5, "projects[1].stage", "unknown value 'smelting'"),
        ("status: planned", "status: dreaming", 9, "projects[1].status", "unknown value"),
        ("capacity_t_per_year: 250", "capacity_t_per_year: -5", 7, "projects[1].capacity_t_per_year", ">= 0"),
        ("capacity_t_per_year: 250", 'capacity_t_per_year: "250"', 7, "projects[1].capacity_t_per_year",
         "must be a number"),
        ("capacity_t_per_year: 250", "capacity_t_per_year: true", 7, "projects[1].capacity_t_per_year",
         "must be a number"),
        ("capacity_t_per_year: 250", "capacity_t_per_year: .nan", 7, "projects[1].capacity_t_per_year", "finite"),
        ("start_year: 2028", "start_year: 2028.5", 8, "projects[1].start_year", "whole number"),
        ("start_year: 2028", "start_year: 3028", 8, "projects[1].start_year", "between 1900 and 2100"),
        ("name: Refinery", "name: [a, b]", 4, "projects[1].name", "single value"),
        ("    status: planned\n", "", 4, "projects[1].status", "required field is missing"),
        ("status: planned", "status: planned\n    colour: red", 10, "projects[1].colour", "unknown key"),
        ("status: planned", "status: planned\n    stage: extraction", 10, "projects[1].stage", "duplicate key"),
        ("name: Magnets", "name: Refinery", 10, "projects[2].name", "duplicate project name"),
        ("schema_version: 1", "schema_version: 2", 1, "schema_version", "must be 1"),
        ("name: Test portfolio\n", "", 1, "portfolio.name", "required field is missing"),
    ],
)
def test_each_bad_field_is_named_with_its_line(kb, old, new, line, field, words):
    issues = _issues(kb, _replace(old, new))
    assert [(i.line, i.field) for i in issues] == [(line, field)], issues
    assert words in issues[0].message
    assert str(issues[0]).startswith(f"p.yaml:{line}: {field}: ")


def test_all_problems_are_reported_together(kb):
    text = _replace("material: cobalt", "material: unobtainium").replace("capacity_t_per_year: 12.5",
                                                                      "capacity_t_per_year: -1")
    assert [i.line for i in _issues(kb, text)] == [6, 13]


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("schema_version: 1\nname: x\nprojects: [\n", 4, "yaml", "syntax error"),
        ("", None, "file", "empty"),
        ("- just\n- a list\n", 1, "portfolio", "mapping"),
        ("schema_version: 1\nname: x\nprojects: []\n", 3, "projects", "non-empty list"),
        ("schema_version: 1\nname: x\nprojects:\n  - just text\n", 4, "projects[1]", "mapping"),
    ],
)
def test_structural_errors(kb, text, line, field, words):
    issues = _issues(kb, text)
    assert (issues[0].line, issues[0].field) == (line, field)
    assert words in issues[0].message


def test_missing_and_non_utf8_files(kb, tmp_path):
    with pytest.raises(PortfolioError, match="not found"):
        load_portfolio(tmp_path / "nope.yaml", kb.materials, kb.crma_annex_entries)
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(PortfolioError, match="UTF-8"):
        load_portfolio(latin1, kb.materials, kb.crma_annex_entries)


def test_cli_bad_portfolio_exits_2_with_file_line_field_and_writes_nothing(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(_replace("material: cobalt", "material: unobtainium"), encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(app, ["crma", "--portfolio", str(path), "--format", "csv"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{path}:6: projects[1].material" in result.stderr.replace("\n", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == before
