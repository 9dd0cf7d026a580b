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


def gather_in_order(client, function, jobs: list[tuple], shared: dict) -> list:
    """Run ``function(*job, **shared)`` for every job on the cluster; results in the order of ``jobs``.

    ``shared`` values (the model spec, weights) are scattered once and broadcast to all workers.
    """
    scattered = {key: value if value is None or isinstance(value, (int, float, str))
                 else client.scatter(value, broadcast=True) for key, value in shared.items()}
    futures = [client.submit(function, *job, **scattered, pure=True) for job in jobs]
    return client.gather(futures)
