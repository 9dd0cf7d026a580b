"""Scenario sweeps and global sensitivity analysis, distributed with Dask (issue 16, item 2).

Pure: no Django. Every chunk is a function of (inputs, seed, chunk) only — the uniforms of draws
``start:stop`` are rows of the same seeded block (:func:`crmradar.methods.sampling.uniform_block`) — so the
results are identical whatever the number of workers or where the scheduler runs.
"""
