"""Fuzz every parser of crm-radar with Hypothesis and report unhandled exceptions (issue 17).

Run: ``python scripts/fuzz.py`` (CI profile: 200 rich Hypothesis inputs per parser) or
``python scripts/fuzz.py --long`` (100,000 inputs per parser: Hypothesis draws a seed, the seed picks
random edits of a corpus of valid files — see ``fuzz_targets.mutate_bytes``/``mutate_text`` — and every
50th input also runs the scan or GeoPolRisk calculation behind the parser). ``--jobs 2`` fuzzes parsers in
parallel processes, ``--only NAME`` picks parsers, ``--examples N`` overrides the count, ``--minutes M``
stops each parser after M minutes and reports how far it got.

Parsers: those of ``fuzz_targets`` and the workspace register imports (``workspace_csv``, ``workspace_xlsx``:
every register's CSV/XLSX file through ``import_files`` on an in-memory database, ``fuzz_workspace``).

Prints one line per parser — inputs tried, unhandled exceptions, seconds — and the shrunk failing input with
its traceback for a failure. Exit status 1 when any parser raised something other than its own one-line
user error.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

CI_EXAMPLES = 200
LONG_EXAMPLES = 100_000
CHUNK = 5_000
DEEP_EVERY = 50


def fuzz(name: str, examples: int, long: bool = False, seed: int = 0, minutes: float | None = None) -> dict:
    """Run one parser's target on ``examples`` inputs; returns counts and the first failure."""
    import warnings

    from fuzz_targets import run_one
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as fixed_seed
    from hypothesis import strategies as st

    warnings.simplefilter("ignore")  # pandas/openpyxl warnings about odd inputs are expected
    target = all_targets()[name]
    count = {"inputs": 0}
    started = time.perf_counter()
    failure = None

    def one(value) -> None:
        count["inputs"] += 1
        run_one(target, value, deep=not long or count["inputs"] % DEEP_EVERY == 0)

    strategy = (st.integers(0, 2**63).map(lambda s: target.fast(random.Random(s))) if long and target.fast
                else target.strategy())
    chunk = 0
    while count["inputs"] < examples and failure is None:
        size = min(CHUNK if long else examples, examples - count["inputs"])

        @settings(max_examples=size, database=None, deadline=None, suppress_health_check=list(HealthCheck),
                  print_blob=False)
        @given(strategy)
        def check(value):
            one(value)

        check = fixed_seed(seed * 1_000_003 + chunk)(check)
        before = count["inputs"]
        try:
            check()
        except Exception as error:  # noqa: BLE001 - every escaping exception is a finding
            text = "".join(traceback.format_exception(error))
            failure = text if len(text) <= 6000 else text[:3000] + "\n[…]\n" + text[-3000:]
        chunk += 1
        elapsed = time.perf_counter() - started
        if long:
            print(f"  {name}: {count['inputs']:,} inputs, {elapsed:.0f} s", file=sys.stderr, flush=True)
        if count["inputs"] == before or (minutes is not None and elapsed > minutes * 60):
            break
    return {"parser": name, "inputs": count["inputs"], "unhandled": 0 if failure is None else 1,
            "seconds": round(time.perf_counter() - started, 1), "failure": failure}


def all_targets() -> dict:
    """The parsers of ``fuzz_targets`` and the workspace imports of ``fuzz_workspace`` (Django, in memory)."""
    from fuzz_targets import TARGETS
    from fuzz_workspace import workspace_targets

    return {**TARGETS, **workspace_targets()}


def main(argv: list[str] | None = None) -> int:
    TARGETS = all_targets()  # noqa: N806 - read like the module constant it extends

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help=f"{LONG_EXAMPLES:,} mutation inputs per parser")
    parser.add_argument("--examples", type=int, default=None, help="inputs per parser (overrides the profile)")
    parser.add_argument("--only", action="append", choices=sorted(TARGETS), help="parser(s) to fuzz")
    parser.add_argument("--jobs", type=int, default=1, help="parsers fuzzed in parallel processes")
    parser.add_argument("--seed", type=int, default=0, help="Hypothesis seed (same seed, same inputs)")
    parser.add_argument("--minutes", type=float, default=None, help="stop each parser after this many minutes")
    args = parser.parse_args(argv)
    examples = args.examples or (LONG_EXAMPLES if args.long else CI_EXAMPLES)
    names = args.only or sorted(TARGETS)
    started = time.perf_counter()
    n = len(names)
    with ProcessPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        results = list(pool.map(fuzz, names, [examples] * n, [args.long] * n, [args.seed] * n, [args.minutes] * n))
    for result in results:
        print(f"{result['parser']:<16} inputs={result['inputs']:>7,} unhandled={result['unhandled']} "
              f"seconds={result['seconds']}", flush=True)
        if result["failure"]:
            print(result["failure"])
    total = sum(r["unhandled"] for r in results)
    short = [r["parser"] for r in results if r["inputs"] < examples and not r["unhandled"]]
    print(f"total: {sum(r['inputs'] for r in results):,} inputs, {total} unhandled exception(s), "
          f"{time.perf_counter() - started:.0f} s" + (f"; stopped early (time budget): {', '.join(short)}"
                                                      if short else ""))
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
