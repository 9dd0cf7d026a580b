"""Dask clients: a local cluster (processes = cores) or any running scheduler (``tcp://HOST:PORT``)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator:
    """A ``distributed.Client``: connected to ``scheduler`` if given, else to a new local cluster of ``workers``
    single-threaded worker processes (default: one per core)."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    count = workers or max(1, os.cpu_count() or 1)
    with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client


def gather_in_order(client, function, jobs: list[tuple], shared: dict, progress=None) -> list:
    """Run ``function(*job, **shared)`` for every job on the cluster; results in the order of ``jobs``.

    ``shared`` values (the model spec, weights) are scattered once and broadcast to all workers. ``client=None``
    runs the jobs one after the other in this process (a web task worker), calling ``progress(done, total)``
    after each; the results are the same, since every job is a pure function of its arguments.
    """
    if client is None:
        results = []
        for done, job in enumerate(jobs, start=1):
            results.append(function(*job, **shared))
            if progress is not None:
                progress(done, len(jobs))
        return results
    scattered = {key: value if value is None or isinstance(value, (int, float, str))
                 else client.scatter(value, broadcast=True) for key, value in shared.items()}
    futures = [client.submit(function, *job, **scattered, pure=True) for job in jobs]
    return client.gather(futures)
