"""Sweep scaling on this machine: the same sweep on 1 and 2 local Dask workers and on a scheduler started as a
separate process on 127.0.0.1 (issue 16, item 3).

Prints per set-up: wall time (s, cluster start excluded), scaling efficiency (T1 / (n · Tn)), bytes sent between
workers, peak RSS per worker (MB), and the cost per model draw (core-seconds per draw-run) used for the cluster
estimate in docs/scale-out.md. Results must be identical in all set-ups (checked).

    python benchmarks/sweep_bench.py [--draws 400] [--chunk 50] [--levers 3] [--max-levers 2]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
from pathlib import Path


def _worker_stats(client) -> list[dict]:
    def stats(dask_worker):
        import resource

        return {"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "bytes_sent": getattr(dask_worker, "transfer_outgoing_bytes_total", 0)}

    return list(client.run(stats).values())


def _measure(label: str, client, plan, inputs, library) -> dict:
    from crmradar.sweeps.sweep import run_sweep

    start = time.perf_counter()
    frame = run_sweep(plan, inputs, library, client)
    seconds = time.perf_counter() - start
    workers = _worker_stats(client)
    return {"label": label, "workers": len(workers), "seconds": seconds, "frame": frame,
            "bytes_sent": sum(w["bytes_sent"] for w in workers),
            "peak_rss_mb": max(w["peak_rss_mb"] for w in workers)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draws", type=int, default=400)
    parser.add_argument("--chunk", type=int, default=50)
    parser.add_argument("--levers", type=int, default=3)
    parser.add_argument("--max-levers", type=int, default=2)
    args = parser.parse_args()

    from distributed import Client

    from crmradar import data
    from crmradar.commands.levers import _library
    from crmradar.commands.sweep import _inputs
    from crmradar.sweeps.cluster import dask_client
    from crmradar.sweeps.sweep import SweepPlan

    kb = data.load()
    library = _library(None, kb)
    inputs = _inputs(["targets"], kb)
    plan = SweepPlan(levers=tuple(sorted(library.levers))[: args.levers], strengths=(0.5, 1.0),
                     max_levers=args.max_levers, draws=args.draws, chunk=args.chunk)
    cells = len(plan.combinations())
    results = []
    for count in (1, 2):
        with dask_client(None, count) as client:
            results.append(_measure(f"local, {count} worker(s)", client, plan, inputs, library))
    port = _free_port()
    dask = str(Path(sys.executable).parent / "dask")
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([dask, "worker", f"tcp://127.0.0.1:{port}", "--nworkers", "2", "--nthreads", "1",
                               "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with Client(f"tcp://127.0.0.1:{port}", timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            results.append(_measure("separate scheduler, 2 workers", client, plan, inputs, library))
    finally:
        worker.terminate()
        scheduler.terminate()
        worker.wait(30)
        scheduler.wait(30)
    runs = plan.draws * (cells + 1)  # draw-runs of the model: baseline + every cell, per draw
    base = results[0]["seconds"]
    print(f"sweep: 1 scenario x {cells} cells ({args.levers} levers, up to {args.max_levers} combined, strengths "
          f"0.5/1) x {plan.draws} draws, chunk {plan.chunk}: {runs} draw-runs")
    print(f"{'set-up':32} {'wall s':>8} {'efficiency':>10} {'bytes sent':>12} {'peak RSS MB':>12} "
          f"{'core-ms/draw-run':>17}")
    for r in results:
        efficiency = base / (r["workers"] * r["seconds"])
        print(f"{r['label']:32} {r['seconds']:8.2f} {efficiency:10.2f} {r['bytes_sent']:12,d} "
              f"{r['peak_rss_mb']:12.0f} {1000 * r['seconds'] * r['workers'] / runs:17.2f}")
    identical = all(results[0]["frame"].equals(r["frame"]) for r in results[1:])
    print(f"identical results in all set-ups: {identical}")


if __name__ == "__main__":
    main()
