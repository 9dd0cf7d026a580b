"""Issue 16, item 2: sweeps and sensitivity on Dask — identical results on 1 worker, 2 workers and a separate
``dask scheduler`` + ``dask worker`` on 127.0.0.1; a sweep cell equals ``crmradar levers``; Sobol indices of
the Ishigami function within tolerance of the analytic values; Morris on the regional model."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("distributed")
pytest.importorskip("SALib")

LEVER = "ev_battery_lfp"
YEAR = 2040


@pytest.fixture(scope="module")
def inputs():
    from crmradar import data
    from crmradar.commands.levers import _library
    from crmradar.commands.sweep import _inputs

    kb = data.load()
    return _inputs(["targets"], kb), _library(None, kb)


def _plan():
    from crmradar.sweeps.sweep import SweepPlan

    return SweepPlan(levers=(LEVER, "ev_battery_sodium_ion"), strengths=(0.5, 1.0), max_levers=2, draws=24,
                     seed=7, year=YEAR, chunk=8)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def separate_scheduler():
    """A ``dask scheduler`` and one ``dask worker`` started as separate processes on 127.0.0.1."""
    port = _free_port()
    dask = str(Path(sys.executable).parent / "dask")
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([dask, "worker", f"tcp://127.0.0.1:{port}", "--nworkers", "1", "--nthreads", "1",
                               "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from distributed import Client

        deadline = time.monotonic() + 60
        with Client(f"tcp://127.0.0.1:{port}", timeout=60) as client:
            while not client.scheduler_info()["workers"] and time.monotonic() < deadline:
                time.sleep(0.2)
        yield f"tcp://127.0.0.1:{port}"
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(20)


def _sweep(inputs, scheduler=None, workers=None):
    from crmradar.sweeps.cluster import dask_client
    from crmradar.sweeps.sweep import run_sweep

    scenarios, library = inputs
    with dask_client(scheduler, workers) as client:
        return run_sweep(_plan(), scenarios, library, client, material="lithium")


@pytest.fixture(scope="module")
def one_worker(inputs):
    return _sweep(inputs, workers=1)


def test_sweep_is_identical_on_one_two_and_remote_workers(inputs, one_worker, separate_scheduler):
    one = one_worker
    two = _sweep(inputs, workers=2)
    remote = _sweep(inputs, scheduler=separate_scheduler)
    assert len(one) == 2 * 3 * 24  # 3 combinations (2 single, 1 pair) × 2 strengths × 24 draws
    for other in (two, remote):
        assert one.equals(other)  # bit for bit, not approximately
    from crmradar.sweeps.sweep import summarise

    summary = summarise(one)
    assert summary["pareto_robust"].any() and summary["best_share"].between(0, 1).all()
    assert set(summary.columns) >= {"sr_weighted_demand_change_p5", "sr_weighted_demand_change_p95", "robust_best"}


def test_a_sweep_cell_equals_crmradar_levers_with_the_same_seed(one_worker):
    from typer.testing import CliRunner

    from crmradar.cli import app
    from crmradar.sweeps.sweep import summarise

    summary = summarise(one_worker)
    cell = summary.loc[(summary["levers"] == LEVER) & (summary["strength"] == 1.0)].iloc[0]
    out = CliRunner().invoke(app, ["levers", "--scenario", "targets", "--lever", f"{LEVER}:1", "--draws", "24",
                                   "--seed", "7", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)["data"]

    def find(indicator, material):
        return next(r for r in rows if r["indicator"] == indicator and r["material_id"] == material
                    and r["year"] == YEAR)

    for indicator, material in (("sr_weighted_demand", "total"), ("primary_demand", "lithium")):
        expected = find(indicator, material)
        for q in ("p5", "p50", "p95"):
            assert cell[f"{indicator}_change_{q}"] == pytest.approx(expected[f"change_{q}"], rel=1e-5, abs=1e-6)


def test_sobol_on_ishigami_matches_the_analytic_indices():
    from distributed import Client
    from SALib.test_functions import Ishigami

    from crmradar.sweeps.sensitivity import analyse, evaluate, problem_for, sample

    problem = problem_for(["x1", "x2", "x3"], bounds=[[-np.pi, np.pi]] * 3)
    x = sample(problem, "sobol", 2048, seed=3)
    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as client:
        y = evaluate(client, Ishigami.evaluate, x, 4096, {})
    table = analyse(problem, "sobol", x, y, seed=3).set_index("input")
    a, b = 7.0, 0.1
    variance = a**2 / 8 + b * np.pi**4 / 5 + b**2 * np.pi**8 / 18 + 0.5
    v1 = 0.5 * (1 + b * np.pi**4 / 5) ** 2
    v2 = a**2 / 8
    v13 = b**2 * np.pi**8 * (1 / 18 - 1 / 50)
    analytic_s1 = {"x1": v1 / variance, "x2": v2 / variance, "x3": 0.0}
    analytic_st = {"x1": (v1 + v13) / variance, "x2": v2 / variance, "x3": v13 / variance}
    for name in ("x1", "x2", "x3"):
        assert table.at[name, "S1"] == pytest.approx(analytic_s1[name], abs=0.04)
        assert table.at[name, "ST"] == pytest.approx(analytic_st[name], abs=0.04)
        assert 0 < table.at[name, "ST_conf"] < 0.1


def test_morris_on_the_regional_model_ranks_lithium_drivers(inputs):
    from crmradar.sweeps.cluster import dask_client
    from crmradar.sweeps.sensitivity import regional_sensitivity

    scenarios, _ = inputs
    spec, weights = scenarios["targets"]
    with dask_client(None, 1) as client:
        table, info = regional_sensitivity(client, spec, weights, "primary_demand", "lithium", YEAR, "morris",
                                           base=4, seed=1)
    assert info["evaluations"] == 4 * (info["groups"] + 1)
    assert np.isfinite(table["mu_star"]).all() and (table["mu_star_conf"] >= 0).all()
    top = " ".join(table["input"].head(3))
    assert "lithium" in top or "deployment" in top or "lifetime" in top
    assert table.loc[table["input"] == "intensity:other materials", "mu_star"].iloc[0] == pytest.approx(0, abs=1e-9)


def test_chunked_saltelli_rows_equal_salibs_whole_matrix():
    from SALib.sample import sobol

    from crmradar.sweeps.sensitivity import problem_for, saltelli_rows

    grouped = problem_for([f"u{i}" for i in range(5)], ["b", "a", "b", "c", "a"])
    plain = problem_for(["x1", "x2", "x3"], bounds=[[-np.pi, np.pi], [0.0, 2.0], [-1.0, 1.0]])
    for problem in (grouped, plain):
        whole = sobol.sample(problem, 64, calc_second_order=False, seed=5)
        for chunk in (8, 24, 64):  # aligned, unaligned (not a power of 2) and one piece
            parts = [saltelli_rows(problem, 5, start, min(start + chunk, 64)) for start in range(0, 64, chunk)]
            assert np.array_equal(np.concatenate(parts), whole)
    rows = saltelli_rows(grouped, 5, 0, 1)  # A, AB_b, AB_a, AB_c, B: group b = inputs 0 and 2 from B
    a, b = rows[0], rows[-1]
    assert np.array_equal(rows[1], [b[0], a[1], b[2], a[3], a[4]])
    assert np.array_equal(rows[2], [a[0], b[1], a[2], a[3], b[4]])


def test_chunked_sobol_on_ishigami_equals_unchunked_and_the_analytic_indices():
    from distributed import Client
    from SALib.test_functions import Ishigami

    from crmradar.sweeps.sensitivity import analyse, problem_for, sample, sobol_outputs

    problem = problem_for(["x1", "x2", "x3"], bounds=[[-np.pi, np.pi]] * 3)
    whole = Ishigami.evaluate(sample(problem, "sobol", 2048, seed=3))
    outputs = []
    for workers in (1, 2):
        with Client(processes=False, n_workers=workers, threads_per_worker=1, dashboard_address=":0") as client:
            outputs.append(sobol_outputs(client, Ishigami.evaluate, problem, 2048, 3, 100, {}))
    assert np.array_equal(outputs[0], whole) and np.array_equal(outputs[1], whole)
    table = analyse(problem, "sobol", None, outputs[1], seed=3).set_index("input")
    variance = 7.0**2 / 8 + 0.1 * np.pi**4 / 5 + 0.1**2 * np.pi**8 / 18 + 0.5
    assert table.at["x2", "S1"] == pytest.approx(7.0**2 / 8 / variance, abs=0.04)
    assert table.at["x3", "S1"] == pytest.approx(0.0, abs=0.04)
    assert table.at["x3", "ST"] == pytest.approx(0.1**2 * np.pi**8 * (1 / 18 - 1 / 50) / variance, abs=0.04)


def test_chunked_sobol_on_the_regional_model_is_identical_for_any_worker_count(inputs):
    from SALib.sample import sobol

    from crmradar.sweeps.cluster import dask_client
    from crmradar.sweeps.sensitivity import _model_task, input_groups, problem_for, regional_sensitivity

    scenarios, _ = inputs
    spec, weights = scenarios["targets"]
    results = []
    for workers in (1, 2):
        with dask_client(None, workers) as client:
            results.append(regional_sensitivity(client, spec, weights, "primary_demand", "lithium", YEAR, "sobol",
                                                base=8, seed=2, sobol_chunk=3))
    (first, info), (second, _) = results
    assert first.equals(second)
    assert info["evaluations"] == 8 * (info["groups"] + 2)
    groups = input_groups(spec, "lithium")
    problem = problem_for([f"u{i}" for i in range(len(groups))], groups)
    whole = _model_task(sobol.sample(problem, 8, calc_second_order=False, seed=2), spec, weights, YEAR,
                        spec.materials.index("lithium"), "primary_demand")
    assert info["output_mean"] == pytest.approx(float(np.mean(whole)), rel=1e-12)
    assert info["output_std"] == pytest.approx(float(np.std(whole)), rel=1e-12)
