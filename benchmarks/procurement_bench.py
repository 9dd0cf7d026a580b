"""Timing of the procurement scan: a 5,000-row purchase list (target ≤ 2 s), vectorised vs row by row.

Run: ``python benchmarks/procurement_bench.py [rows] [--rowwise-rows N]``. Builds a deterministic list of
``rows`` lines (default 5,000: the example list's lines, every archetype's code, general codes that map
to a children mix, unmapped codes and a few wrong units and check digits), then times

* ``scan`` (the vectorised scan the CLI and web use) on all rows, and
* the previous row-by-row scan (:func:`rowwise_scan`: :func:`crmradar.procurement.scan_rows.scan_line`
  in a loop) on the first N rows (default: all rows; it costs tens of ms per row, so ``--rowwise-rows 500``
  gives a quicker run whose per-row cost is scaled to the full list and marked as such).

Prints both times and their ratio. Not a unit test: timings depend on the machine. The row-by-row path
lives only here (and in the equality test that imports it).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import time

import pandas as pd

from crmradar import data
from crmradar.procurement import build_knowledge, parse_rows, read_csv_bytes
from crmradar.procurement.files import ReadLimits
from crmradar.procurement.knowledge import ProcurementKnowledge
from crmradar.procurement.scan import _LINE_COLUMNS, ScanResult, assemble, scan
from crmradar.procurement.scan_rows import scan_line


def rowwise_scan(lines, knowledge: ProcurementKnowledge, parse_issues=(), rows_read: int | None = None) -> ScanResult:
    """The scan as it was before vectorising: every line's bill, indicators and clauses on its own."""
    lines = list(lines)
    issues = list(parse_issues)
    line_rows, bills, clause_rows = [], [], []
    for line in lines:
        row, bill, clauses, issue = scan_line(line, knowledge)
        if issue is not None:
            issues.append(issue)
            continue
        line_rows.append(row)
        bills.append(bill)
        clause_rows.extend(clauses)
    line_table = pd.DataFrame(line_rows, columns=_LINE_COLUMNS)
    line_materials = pd.concat(bills, ignore_index=True) if bills else pd.DataFrame()
    clause_frame = pd.DataFrame(clause_rows, columns=["row", "cpv", "clause_id", "reason"])
    return assemble(line_table, line_materials, clause_frame, issues,
                    rows_read if rows_read is not None else len(lines), knowledge)


UNITS = {"unit": "stuks", "kW": "kW", "kWp": "kWp", "kWh": "kWh", "km": "km"}


def synthetic_list(knowledge: ProcurementKnowledge, rows: int, seed: int = 17) -> bytes:
    """A deterministic purchase list (CSV bytes) of ``rows`` lines mixing every kind of mapping."""
    rng = random.Random(seed)
    check = knowledge.cpv_codes["check_digit"].astype(int).to_dict()
    archetypes = [(code, UNITS[row.basis_unit]) for code, row in knowledge.archetypes.iterrows()]
    general = [(code[:3].ljust(8, "0"), "stuks") for code, _ in archetypes]  # children mixes and wrong units
    other = [(code, "stuks") for code in rng.sample(sorted(knowledge.cpv_codes.index), 40)]  # mostly unmapped
    pool = archetypes * 6 + general + other
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["cpv", "omschrijving", "aantal", "eenheid", "waarde_eur", "jaar"])
    for index in range(rows):
        code, unit = rng.choice(pool)
        digit = check.get(code)
        if digit is not None and index % 97 == 0:
            digit = (digit + 1) % 10  # a wrong check digit now and then
        shown = f"{code}-{digit}" if digit is not None else code
        quantity = rng.choice([0, 1, 2, 5, 12, 40, 150, 1200]) * rng.choice([1, 1, 1, 0.5])
        writer.writerow([shown, f"regel {index + 2}", quantity, unit, rng.randint(0, 10**6), 2026])
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=5000)
    parser.add_argument("--rowwise-rows", type=int, default=None, help="rows for the row-by-row timing")
    args = parser.parse_args()
    knowledge = build_knowledge(data.load())
    table = read_csv_bytes(synthetic_list(knowledge, args.rows), "bench.csv", ReadLimits(max_rows=args.rows))
    parsed = parse_rows(table.header, table.rows)
    scan(parsed.lines[:50], knowledge)  # warm-up (imports, caches)
    start = time.perf_counter()
    result = scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    vectorised = time.perf_counter() - start
    sample = len(parsed.lines) if args.rowwise_rows is None else min(args.rowwise_rows, len(parsed.lines))
    start = time.perf_counter()
    rowwise_scan(parsed.lines[:sample], knowledge)
    rowwise = (time.perf_counter() - start) * len(parsed.lines) / max(sample, 1)
    scaled = "" if sample == len(parsed.lines) else f" (measured on {sample} rows, scaled)"
    print(f"rows={parsed.rows_read} scanned={result.summary['rows_scanned']} "
          f"unmapped={result.summary['rows_unmapped']} invalid={result.summary['rows_skipped_invalid']} "
          f"line_materials={len(result.line_materials)}")
    print(f"vectorised scan: {vectorised:.3f} s ({vectorised / len(parsed.lines) * 1000:.3f} ms/row); "
          f"row by row: {rowwise:.1f} s{scaled} ({rowwise / len(parsed.lines) * 1000:.1f} ms/row); "
          f"ratio {rowwise / vectorised:.0f}x")


if __name__ == "__main__":
    main()
