"""Timing of the criticality Monte Carlo: 10 000 draws for every assessed material (target ≤ 5 s).

Run: ``python benchmarks/risk_bench.py [draws] [chunk_size]``. Prints the wall time of
``criticality_probabilities`` (EU and one regional value-added set on the same draws); building the
input arrays from the package is timed separately. Not a unit test: timings depend on the machine.
"""

from __future__ import annotations

import sys
import time

from crmradar import data
from crmradar.methods.criticality_uncertainty import build_arrays, criticality_probabilities
from crmradar.region.criticality_assessment import (
    ASSESSMENT_YEAR,
    criticality_parameters,
    eu_value_added,
    governance,
)


def main() -> None:
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    chunk_size = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    kb = data.load()
    start = time.perf_counter()
    stages, material = criticality_parameters(kb, ASSESSMENT_YEAR)
    estimate, error = governance(kb)
    value_added, q_max = eu_value_added(kb)
    materials = sorted(set(stages["material_id"]) & set(material.index))
    # The second set stands in for a region (half the EU value added): same array sizes as `crmradar risk`.
    arrays = build_arrays(materials, kb.supply_shares, estimate, error, stages, material, kb.end_uses,
                          {"eu": (value_added, q_max), "region": (value_added / 2, q_max / 2)})
    prepared = time.perf_counter()
    criticality_probabilities(arrays, draws=draws, seed=0, chunk_size=chunk_size)
    done = time.perf_counter()
    print(f"materials={len(materials)} supply entries={arrays.entry_share.size} end-use entries="
          f"{arrays.use_material.size} draws={draws} chunk={chunk_size}")
    print(f"build_arrays: {prepared - start:.2f} s; Monte Carlo: {done - prepared:.2f} s")


if __name__ == "__main__":
    main()
