"""The vectorised procurement scan gives the same report as the per-line definition (issue 17, defect 1)."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pandas as pd
import pytest

from crmradar.procurement import build_knowledge, parse_rows, read_csv_bytes, read_purchase_file, scan
from crmradar.procurement.files import ReadLimits

EXAMPLE = Path(__file__).resolve().parents[1] / "src/crmradar/procurement/examples/provincie_inkoop_voorbeeld.csv"
BENCH = Path(__file__).resolve().parents[1] / "benchmarks/procurement_bench.py"


def _bench():
    spec = importlib.util.spec_from_file_location("procurement_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def knowledge(kb):
    return build_knowledge(kb)


def assert_same_result(vectorised, rowwise) -> None:
    for name, table in rowwise.tables().items():
        pd.testing.assert_frame_equal(vectorised.tables()[name].reset_index(drop=True), table.reset_index(drop=True),
                                      check_exact=False, rtol=1e-12, atol=0, obj=name)
    assert vectorised.summary.keys() == rowwise.summary.keys()
    for key, value in rowwise.summary.items():
        expected = pytest.approx(value, rel=1e-12) if isinstance(value, float) else value
        assert vectorised.summary[key] == expected, key


def test_vectorised_scan_equals_rowwise_on_the_example_list(knowledge):
    table = read_purchase_file(EXAMPLE)
    parsed = parse_rows(table.header, table.rows)
    vectorised = scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    rowwise = _bench().rowwise_scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    assert len(vectorised.lines) > 20
    assert_same_result(vectorised, rowwise)


def test_vectorised_scan_equals_rowwise_on_mixed_lines(knowledge):
    """Children mixes, capacity conversions, zero quantities, wrong units, bad check digits, unmapped codes."""
    bench = _bench()
    table = read_csv_bytes(bench.synthetic_list(knowledge, 300, seed=3), "mixed.csv")
    parsed = parse_rows(table.header, table.rows)
    vectorised = scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    rowwise = bench.rowwise_scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    assert set(vectorised.lines["mapping"]) >= {"direct", "children_mix", "ancestor"}
    assert (vectorised.lines["quantity"] == 0).any()
    assert {"error", "unmapped"} <= set(vectorised.issues["severity"])
    assert_same_result(vectorised, rowwise)


def test_empty_and_all_skipped_lists(knowledge):
    bench = _bench()
    table = read_csv_bytes(b"cpv,description,quantity,unit\n99999999,x,1,stuks\n30213100-6,laptop,1,kWh\n", "x.csv")
    parsed = parse_rows(table.header, table.rows)
    vectorised = scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    rowwise = bench.rowwise_scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    assert vectorised.lines.empty and len(vectorised.issues) == 2
    assert vectorised.summary == rowwise.summary


def test_five_thousand_rows_scan_quickly(knowledge):
    """The issue's budget is 2 s for 5,000 rows (benchmarks/procurement_bench.py); slack for a busy CI runner."""
    table = read_csv_bytes(_bench().synthetic_list(knowledge, 5000), "big.csv", ReadLimits(max_rows=5000))
    parsed = parse_rows(table.header, table.rows)
    started = time.perf_counter()
    result = scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    assert time.perf_counter() - started < 15  # row by row took ~90 s; the benchmark shows ~1 s
    assert result.summary["rows_scanned"] > 4000
