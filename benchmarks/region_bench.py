"""Benchmark of the Zuid-Holland model: the full 'targets' scenario with 10 000 Monte Carlo draws.

Targets (issue "Stock-flow engine and Zuid-Holland model"): ≤ 10 s on this 2-core machine, ≤ 2 GB peak
memory, linear in draws, identical results for the same seed. Prints the figures; not part of the tests.

    python benchmarks/region_bench.py [--draws 10000] [--scenario targets]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np

from crmradar import data
from crmradar.region.build import build_spec
from crmradar.region.model import run
from crmradar.region.scenario import load_scenario


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--scenario", default="targets")
    args = parser.parse_args()
    kb = data.load()
    started = time.perf_counter()
    spec = build_spec(load_scenario(args.scenario, kb), kb)
    build_seconds = time.perf_counter() - started
    small = max(args.draws // 10, 1)
    t0 = time.perf_counter()
    run(spec, draws=small, seed=1)
    small_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = run(spec, draws=args.draws, seed=1)
    seconds = time.perf_counter() - t0
    again = run(spec, draws=min(args.draws, 500), seed=1)
    identical = all(
        np.array_equal(again.by_material[m], result.by_material[m][: again.draws]) for m in ("demand", "recoverable")
    )
    peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(f"scenario {args.scenario}: {len(spec.technologies)} technologies × {len(spec.materials)} materials × "
          f"{len(result.years)} report years ({len(spec.years)} model years), {len(spec.pair_technology)} pairs")
    print(f"build spec: {build_seconds:.2f} s")
    print(f"{args.draws} draws: {seconds:.2f} s (target ≤ 10 s); {small} draws: {small_seconds:.2f} s; "
          f"scaling {seconds / small_seconds:.1f}× for {args.draws / small:.0f}× the draws")
    print(f"peak memory (max RSS): {peak_gb:.2f} GB (target ≤ 2 GB)")
    print(f"mass balance error: {result.mass_balance_error:.1e} (target ≤ 1e-9)")
    print(f"same seed, same numbers: {identical}")


if __name__ == "__main__":
    main()
