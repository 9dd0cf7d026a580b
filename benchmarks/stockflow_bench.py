"""Benchmark: crmradar.stockflow vs flodym 1.1.0 on a Monte-Carlo inflow-driven stock.

Workload (GitHub issue "Stock-flow engine"): 200 series x 80 years x 1000 draws, Weibull
lifetimes with parameters per series and draw, inflow per series and draw. flodym runs the
same data in chunks of 50 draws (dims time x series x draw), as a user of flodym would.

Usage::

    python benchmarks/stockflow_bench.py            # full run, flodym on all draws
    python benchmarks/stockflow_bench.py --quick    # 100 draws, flodym on 50 of them
    python benchmarks/stockflow_bench.py --draws 400 --flodym-draws 100

If ``--flodym-draws`` is smaller than ``--draws``, flodym time is measured on that subset and
extrapolated linearly to all draws; the output says so.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc

import numpy as np

from crmradar.stockflow import Weibull, inflow_driven

FLODYM_CHUNK = 50


def make_inputs(n_series: int, n_years: int, n_draws: int, seed: int) -> tuple[np.ndarray, Weibull]:
    """Growing inflow with 10 % noise per draw; Weibull shape 1.5-3.5, scale 5-40 yr per series/draw."""
    rng = np.random.default_rng(seed)
    trend = rng.uniform(10.0, 1000.0, (n_series, 1, 1)) * np.linspace(1.0, 3.0, n_years)
    inflow = trend * rng.lognormal(0.0, 0.1, (n_series, n_draws, n_years))
    shape = rng.uniform(1.5, 3.5, (n_series, n_draws, 1))
    scale = rng.uniform(5.0, 40.0, (n_series, n_draws, 1))
    return inflow, Weibull(shape, scale)


def run_ours(inflow: np.ndarray, lifetime: Weibull, timing: str):
    start = time.perf_counter()
    result = inflow_driven(inflow, lifetime, timing)
    return result, time.perf_counter() - start


def measure_peak_memory(inflow: np.ndarray, lifetime: Weibull, timing: str) -> float:
    """Peak bytes allocated (tracemalloc, numpy buffers included) during one engine call."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    result = inflow_driven(inflow, lifetime, timing)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak


def relative_difference(ours: np.ndarray, reference: np.ndarray) -> float:
    """Largest |ours - reference| per series over the largest |reference| of that series."""
    scale = np.max(np.abs(reference), axis=-1, keepdims=True)
    return float(np.max(np.abs(ours - reference) / np.where(scale > 0, scale, 1.0)))


def run_flodym(inflow: np.ndarray, lifetime: Weibull, timing: str, n_draws: int, result) -> tuple[float, float]:
    """flodym on the first ``n_draws`` draws in chunks of 50; returns (seconds, max rel. difference)."""
    import flodym

    n_series, _, n_years = inflow.shape
    shape = lifetime.parameters["shape"]
    scale = lifetime.parameters["scale"]
    worst = 0.0
    elapsed = 0.0
    for first in range(0, n_draws, FLODYM_CHUNK):
        draws = slice(first, min(first + FLODYM_CHUNK, n_draws))
        n_chunk = draws.stop - draws.start
        start = time.perf_counter()
        dims = flodym.DimensionSet(
            dim_list=[
                flodym.Dimension(name="time", letter="t", items=list(range(n_years))),
                flodym.Dimension(name="series", letter="s", items=list(range(n_series))),
                flodym.Dimension(name="draw", letter="d", items=list(range(n_chunk))),
            ]
        )
        model_lifetime = flodym.WeibullLifetime(
            dims=dims,
            inflow_at=timing,
            weibull_shape=shape[:, draws, 0],
            weibull_scale=scale[:, draws, 0],
        )
        values = flodym.StockArray(dims=dims, values=np.moveaxis(inflow[:, draws, :], -1, 0))
        model = flodym.InflowDrivenDSM(dims=dims, lifetime_model=model_lifetime, inflow=values)
        model.compute()
        stock = np.moveaxis(model.stock.values, 0, -1)
        outflow = np.moveaxis(model.outflow.values, 0, -1)
        elapsed += time.perf_counter() - start
        worst = max(
            worst,
            relative_difference(result.stock[:, draws], stock),
            relative_difference(result.outflow[:, draws], outflow),
        )
        del model, model_lifetime, values, stock, outflow
    return elapsed, worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=200)
    parser.add_argument("--years", type=int, default=80)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--flodym-draws", type=int, default=None, help="draws to run flodym on (default: all)")
    parser.add_argument("--timing", choices=["middle", "end"], default="middle")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3, help="runs of our engine; the best is reported")
    parser.add_argument("--quick", action="store_true", help="100 draws, flodym on 50")
    parser.add_argument("--no-flodym", action="store_true")
    args = parser.parse_args(argv)
    if args.quick:
        args.draws, args.flodym_draws, args.repeat = 100, 50, 1
    flodym_draws = min(args.flodym_draws or args.draws, args.draws)

    inflow, lifetime = make_inputs(args.series, args.years, args.draws, args.seed)
    print(f"workload: {args.series} series x {args.years} years x {args.draws} draws, "
          f"Weibull per series/draw, inflow_timing={args.timing}")
    timings = []
    for _ in range(max(1, args.repeat)):
        result, seconds = run_ours(inflow, lifetime, args.timing)
        timings.append(seconds)
    ours = min(timings)
    rss_after_ours = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    peak = measure_peak_memory(inflow, lifetime, args.timing)
    print(f"ours seconds: {ours:.3f} (runs: {', '.join(f'{t:.3f}' for t in timings)})")
    print(f"ours peak memory (tracemalloc, engine call): {peak / 1024**3:.3f} GB")
    print(f"process max RSS after our runs (incl. inputs, interpreter): {rss_after_ours:.3f} GB")
    print(f"max mass-balance error (relative): {result.mass_balance_error():.2e}")
    if args.no_flodym:
        return 0

    flodym_seconds, worst = run_flodym(inflow, lifetime, args.timing, flodym_draws, result)
    if flodym_draws < args.draws:
        measured = flodym_seconds
        flodym_seconds *= args.draws / flodym_draws
        print(f"flodym seconds: {flodym_seconds:.1f} (EXTRAPOLATED linearly from {measured:.1f} s "
              f"on {flodym_draws} of {args.draws} draws, chunks of {FLODYM_CHUNK})")
    else:
        print(f"flodym seconds: {flodym_seconds:.1f} (all {args.draws} draws, chunks of {FLODYM_CHUNK})")
    print(f"speed ratio (flodym / ours): {flodym_seconds / ours:.1f}x")
    print(f"max relative difference vs flodym (per-series max-normalised, {flodym_draws} draws): {worst:.2e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
