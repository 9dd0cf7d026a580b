"""Issue 13, defect 6 (decision): the example purchase list keeps exactly two deliberate problems — the note
column ``opmerking`` (not used by the scan) and one line with a CPV code the scan does not know
(39130000 office furniture) — to show how problems are reported; the procurement page says so. Any other
warning in the example would be a real defect, so this test pins the list of issues."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmradar.procurement import ReadLimits, build_knowledge, parse_rows, read_purchase_file, scan

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "procurement" / "examples"


@pytest.mark.parametrize("name", ["provincie_inkoop_voorbeeld.csv", "provincie_inkoop_voorbeeld.xlsx"])
def test_example_list_has_only_its_two_deliberate_problems(kb, name):
    table = read_purchase_file(EXAMPLES / name, ReadLimits(), name=name)
    parsed = parse_rows(table.header, table.rows)
    result = scan(parsed.lines, build_knowledge(kb), parsed.issues, parsed.rows_read)
    issues = [(int(r.row), r.column, r.severity) for r in result.issues.itertuples(index=False)]
    assert issues == [(1, "opmerking", "warning"), (29, "cpv", "unmapped")]
    assert "39130000" in result.issues["message"].iloc[1]
    assert (result.summary["rows_read"], result.summary["rows_scanned"]) == (28, 27)
