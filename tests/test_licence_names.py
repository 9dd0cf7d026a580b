"""Every licence note in sources.csv has Dutch wording, so no English reuse note reaches a Dutch page or the Dutch
CLI (issue 13, defect 3: every user-facing label from a translated label table)."""

from __future__ import annotations

from crmradar import data
from crmradar.reports import labels


def test_every_licence_note_in_the_package_has_a_dutch_entry():
    notes = set(data.load().sources["licence"].dropna())
    missing = sorted(n for n in notes if not labels.known("licence", n))
    assert missing == []


def test_licence_notes_are_translated_and_licence_names_kept():
    dutch = labels.label("licence", "Facts cited; text not reproduced", "nl")
    assert dutch == "feiten geciteerd; tekst niet overgenomen"
    assert labels.label("licence", "Facts cited; text not reproduced", "en") == "Facts cited; text not reproduced"
    assert labels.label("licence", "CC BY 4.0", "nl") == "CC BY 4.0"


def test_sources_command_prints_dutch_headers_and_licences(monkeypatch):
    from typer.testing import CliRunner

    from crmradar.cli import app

    monkeypatch.setenv("COLUMNS", "160")
    dutch = CliRunner().invoke(app, ["sources"])
    assert dutch.exit_code == 0 and "Uitgever" in dutch.output and "feiten geciteerd" in dutch.output
    assert "Facts cited" not in dutch.output and "2026.0" not in dutch.output
    english = CliRunner().invoke(app, ["sources", "--lang", "en"])
    assert "Publisher" in english.output and "Facts cited" in english.output


def test_every_table_of_the_package_has_a_dutch_description():
    import json

    from crmradar.reports.table_names import TABLES_NL

    package = json.loads((data.load().path / "datapackage.json").read_text())
    assert sorted(r["name"] for r in package["resources"] if r["name"] not in TABLES_NL) == []
