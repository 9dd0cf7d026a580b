"""Chunked Sobol sampling in bounded memory (issue 16): the Saltelli rows of the regional model's problem
(516 uniforms in 47 groups, lithium 2040) generated per chunk on 2 local Dask workers and reduced by a trivial
function (row mean), for a small and a 10^5-scale number of base samples. Prints wall time, the rows generated,
the peak RSS of the client and of each worker (MB) and what the whole matrix would have needed.

The model itself is not run here (10^5 base samples are ~4.9 M model runs: see docs/scale-out.md for that cost);
this measures that sample generation no longer grows with N except for the one output per row.

    python benchmarks/sobol_memory_bench.py [--bases 4096,131072] [--chunk 64]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np


def row_means(rows: np.ndarray) -> np.ndarray:
    return rows.mean(axis=1)


def _peak_rss(client) -> list[float]:
    def peak(dask_worker=None):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return sorted(client.run(peak).values())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bases", default="4096,131072")
    parser.add_argument("--chunk", type=int, default=64)
    args = parser.parse_args()

    from crmradar import data
    from crmradar.commands.sweep import _inputs
    from crmradar.sweeps.cluster import dask_client
    from crmradar.sweeps.sensitivity import input_groups, problem_for, sobol_outputs

    spec, _weights = _inputs(["targets"], data.load())["targets"]
    groups = input_groups(spec, "lithium")
    problem = problem_for([f"u{i}" for i in range(len(groups))], groups)
    n_groups = len(set(groups))
    print(f"problem: {problem['num_vars']} uniforms in {n_groups} groups; chunk {args.chunk} base samples "
          f"= {args.chunk * (n_groups + 2)} rows = {args.chunk * (n_groups + 2) * problem['num_vars'] * 8 / 2**20:.1f}"
          " MB per task")
    for base in (int(b) for b in args.bases.split(",")):
        with dask_client(None, 2) as client:
            start = time.perf_counter()
            y = sobol_outputs(client, row_means, problem, base, 20260616, args.chunk, {})
            seconds = time.perf_counter() - start
            workers = _peak_rss(client)
        rows = base * (n_groups + 2)
        assert len(y) == rows
        whole = rows * problem["num_vars"] * 8 / 2**30
        client_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"N = {base:>7,d}: {rows:>10,d} rows in {seconds:6.1f} s; peak RSS client {client_mb:5.0f} MB, "
              f"workers {', '.join(f'{w:.0f}' for w in workers)} MB; whole matrix would be {whole:6.2f} GiB; "
              f"outputs {len(y) * 8 / 2**20:.0f} MB")


if __name__ == "__main__":
    main()
