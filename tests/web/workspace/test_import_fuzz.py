"""Issue 17: fuzzing the workspace imports (CSV and XLSX of every register), CI profile, plus the findings.

Every generated file must import or be refused with a ``WorkspaceImportError`` whose problems name the file,
row and (from the header on) column in one line, with no stored row changed (``scripts/fuzz_workspace.py``;
``scripts/fuzz.py --long --only workspace_csv --only workspace_xlsx`` runs 10^5 inputs each).
"""

from __future__ import annotations

import os
import random
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "scripts"))

EXAMPLES = int(os.environ.get("CRMRADAR_FUZZ_EXAMPLES", "25"))
CI = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              derandomize=True)


@pytest.fixture()
def targets(db):
    from fuzz_workspace import workspace_targets

    return workspace_targets()


@pytest.mark.parametrize("name", ["workspace_csv", "workspace_xlsx"])
def test_workspace_import_handles_generated_files(targets, name):
    from fuzz_targets import run_one

    target = targets[name]

    @CI
    @given(target.strategy())
    def check(value):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run_one(target, value)

    check()


@pytest.mark.parametrize("name", ["workspace_csv", "workspace_xlsx"])
def test_workspace_import_handles_mutated_valid_files(targets, name):
    from fuzz_targets import run_one

    target = targets[name]

    @CI
    @given(st.integers(0, 2**63))
    def check(seed):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run_one(target, target.fast(random.Random(seed)))

    check()


def test_the_checker_itself_catches_a_refusal_that_names_no_column(targets, monkeypatch):
    """The fuzz check must fail on a problem without a column (else the fuzzing could not find one)."""
    from fuzz_workspace import check_import

    from crmradar.apps.consultation import importexport

    monkeypatch.setattr(importexport, "_column_name", lambda header, position: "")
    with pytest.raises(AssertionError, match="does not name a column"):
        check_import(("acties.csv", b",title\n"))


def _problems(name: str, content: bytes, user):
    from crmradar.apps.consultation.importexport import WorkspaceImportError, import_files

    with pytest.raises(WorkspaceImportError) as caught:
        import_files({name: content}, user)
    return caught.value.problems


def test_empty_and_multiline_header_cells_are_named_in_one_line(users):
    problems = _problems("acties.csv", b',title,"a\nb"\n,x,y\n', users["analist"])
    assert [(p.row, p.column, p.message) for p in problems] == [
        (1, "1 (no name in the header)", "unknown column"), (1, "a b", "unknown column")]
    assert all("\n" not in str(p) for p in problems)


def test_xlsx_whose_first_row_is_empty_is_refused_not_a_traceback(users):
    from fuzz_workspace import _xlsx

    from crmradar.apps.consultation.models import ActionPoint

    before = ActionPoint.all_objects.count()
    problems = _problems("acties.xlsx", _xlsx([[None, None], ["Actie", "kennis"]]), users["analist"])
    assert [(p.file, p.row, p.column) for p in problems] == [("acties.xlsx", 1, "1")]
    assert "first row must name the columns" in problems[0].message
    assert ActionPoint.all_objects.count() == before
