"""Load test of ``crmradar serve``: 20 concurrent clients on loopback, p50/p95 latency and errors.

Targets (issue "Web platform"): p95 ≤ 150 ms for pages, ≤ 50 ms for cached API calls. Starts its own
server (gunicorn via ``crmradar serve``) with a fresh home folder, warms every URL once (so API calls
are cached), then runs N requests per URL group from 20 threads with keep-alive connections.

    python benchmarks/web_load_bench.py [--clients 20] [--requests 400] [--workers 2]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import numpy as np

PAGES = ["/", "/materials/", "/material/gallium/", "/material/lithium/", "/en/material/cobalt/", "/sources/",
         "/methods/", "/data/", "/crma/", "/energy/", "/procurement/"]
API = ["/api/v1/materials", "/api/v1/risk", "/api/v1/material/gallium", "/api/v1/sources", "/api/v1/crma",
       "/api/v1/risk/overview"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hammer(port: int, paths: list[str], clients: int, total: int) -> tuple[np.ndarray, int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_client = total // clients

    def worker(index: int) -> None:
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        local, bad = [], 0
        for i in range(per_client):
            path = paths[(index + i) % len(paths)]
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
            except OSError:
                bad += 1
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            local.append(time.perf_counter() - started)
        with lock:
            latencies.extend(local)
            errors += bad

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return np.array(latencies) * 1000, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    port = free_port()
    home = tempfile.mkdtemp(prefix="crmradar-load-")
    env = dict(os.environ, CRMRADAR_HOME=home)
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "crmradar.cli", "serve", "--port", str(port),
                               "--workers", str(args.workers)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        ready = time.perf_counter() - started
        print(f"server ready after {ready:.2f} s (first start: migrations + data package load; target ≤ 5 s)")
        # the server starts the default Monte Carlo in the background; measure after it has finished
        for _ in range(600):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/demand", timeout=30) as response:
                if response.status == 200:
                    break
            time.sleep(0.5)
        for path in PAGES + API:  # warm caches in every worker
            for _ in range(args.workers * 2):
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120).read()
        for name, paths, target in (("pages", PAGES, 150.0), ("cached API", API, 50.0)):
            latency, errors = hammer(port, paths, args.clients, args.requests)
            p50, p95 = np.percentile(latency, [50, 95])
            verdict = "OK" if p95 <= target and errors == 0 else "MISSED"
            print(f"{name:10s}: {len(latency)} requests, {args.clients} clients: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
                  f"(target ≤ {target:.0f} ms) errors {errors} → {verdict}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
