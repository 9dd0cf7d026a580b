"""Responsiveness of ``crmradar serve`` with a full task queue (issue 16): page p95 idle versus with 30 heavy
lever computations queued, and the memory of the web and task worker processes.

Starts its own server (fresh home, ``--task-workers 2``, per-client cap raised to 50 and the rate limit off so
one benchmark client may queue 30), measures p50/p95 of page requests from 4 threads while idle, enqueues 30
different lever runs through the API, measures again while the task workers compute, and prints RSS of gunicorn
and task worker processes.

    python benchmarks/queue_bench.py [--requests 200]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import numpy as np
import psutil

PAGES = ["/", "/materials/", "/material/gallium/", "/sources/", "/methods/", "/api/v1/materials"]


def _latencies(base: str, requests: int, threads: int = 4) -> np.ndarray:
    times: list[float] = []

    def client(index: int) -> None:
        for i in range(requests // threads):
            start = time.perf_counter()
            with urllib.request.urlopen(base + PAGES[(i + index) % len(PAGES)], timeout=60) as response:
                response.read()
            times.append(time.perf_counter() - start)

    pool = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return np.array(times) * 1000


def _rss(root: psutil.Process) -> dict[str, float]:
    out: dict[str, float] = {}
    for proc in [root, *root.children(recursive=True)]:
        try:
            kind = "task worker" if "crmradar.web.worker" in " ".join(proc.cmdline()) else "web (gunicorn)"
            out[kind] = max(out.get(kind, 0.0), proc.memory_info().rss / 2**20)
        except psutil.NoSuchProcess:
            continue
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    home = tempfile.mkdtemp(prefix="crmradar-queue-bench-")
    # one benchmark client queues 30 jobs: per-client cap raised, rate limit (issue 17) off
    env = dict(os.environ, CRMRADAR_HOME=home, CRMRADAR_JOB_MAX_PER_CLIENT="50", CRMRADAR_RATE_PER_MINUTE="0")
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "crmradar.cli", "serve", "--port", str(port), "--workers", "2",
                               "--task-workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.5)
        _latencies(base, 2 * len(PAGES))  # warm the page caches
        time.sleep(30)  # let the warm-up computation finish
        idle = _latencies(base, args.requests)
        for i in range(30):
            url = f"{base}/api/v1/levers?lever=ev_battery_lfp&strength={0.02 + i * 0.03:.2f}"
            try:
                urllib.request.urlopen(url, timeout=30).read()
            except urllib.error.HTTPError as error:  # 202 Accepted is not an error; 429 would be
                if error.code != 202:
                    raise
        status = json.loads(urllib.request.urlopen(
            f"{base}/api/v1/levers?lever=ev_battery_lfp&strength={0.02 + 29 * 0.03:.2f}", timeout=30).read())
        busy = _latencies(base, args.requests)
        rss = _rss(psutil.Process(server.pid))
        for label, values in (("idle", idle), ("30 jobs queued", busy)):
            print(f"page latency, {label:15}: p50 {np.percentile(values, 50):6.1f} ms, "
                  f"p95 {np.percentile(values, 95):6.1f} ms")
        print(f"last job's queue position when submitted: {status.get('queue_position')}")
        print(f"p95 ratio busy/idle: {np.percentile(busy, 95) / np.percentile(idle, 95):.2f} (target <= 2)")
        for kind, mb in rss.items():
            print(f"largest RSS of a {kind} process at the end: {mb:.0f} MB")
    finally:
        server.terminate()
        server.wait(60)


if __name__ == "__main__":
    main()
