"""Agreement of crmradar.stockflow with flodym 1.1.0 (independent implementation, MIT).

flodym builds the full year-by-cohort survival table with scipy.stats and sums over cohorts
(inflow-driven) or solves the triangular system row by row (stock-driven); we use FFT
convolution or our own cohort matrix, so agreement to 1e-9 checks the discretisation.
"""

from __future__ import annotations

import zlib

import numpy as np
import pytest

flodym = pytest.importorskip("flodym")

from crmradar.stockflow import Fixed, LogNormal, Normal, Weibull, inflow_driven, stock_driven  # noqa: E402

N_YEARS = 25
N_SERIES = 4
TOLERANCE = 1e-9


def relative_difference(ours: np.ndarray, reference: np.ndarray) -> float:
    """Largest |ours - reference| per series over the largest |reference| of that series."""
    scale = np.max(np.abs(reference), axis=-1, keepdims=True)
    return float(np.max(np.abs(ours - reference) / np.where(scale > 0, scale, 1.0)))


def _flodym_lifetime(kind: str, parameters: dict[str, np.ndarray], dims, timing: str):
    # our parameters are (series, cohort); flodym wants (time=cohort, series)
    transposed = {key: np.broadcast_to(value, (N_SERIES, N_YEARS)).T.copy() for key, value in parameters.items()}
    if kind == "weibull":
        return flodym.WeibullLifetime(
            dims=dims, inflow_at=timing,
            weibull_shape=transposed["shape"], weibull_scale=transposed["scale"],
        )
    if kind == "normal":
        return flodym.NormalLifetime(dims=dims, inflow_at=timing, mean=transposed["mean"], std=transposed["std"])
    if kind == "lognormal":
        return flodym.LogNormalLifetime(
            dims=dims, inflow_at=timing, mean=transposed["mean"], std=transposed["std"]
        )
    return flodym.FixedLifetime(dims=dims, inflow_at=timing, mean=transposed["years"])


def run_flodym(kind: str, parameters: dict, flow: np.ndarray, timing: str, driven: str) -> dict:
    dims = flodym.DimensionSet(
        dim_list=[
            flodym.Dimension(name="time", letter="t", items=list(range(2000, 2000 + N_YEARS))),
            flodym.Dimension(name="series", letter="s", items=list(range(N_SERIES))),
        ]
    )
    lifetime = _flodym_lifetime(kind, parameters, dims, timing)
    values = flodym.StockArray(dims=dims, values=flow.T.copy())
    if driven == "inflow":
        model = flodym.InflowDrivenDSM(dims=dims, lifetime_model=lifetime, inflow=values)
    else:
        model = flodym.StockDrivenDSM(dims=dims, lifetime_model=lifetime, stock=values)
    model.compute()
    return {name: getattr(model, name).values.T for name in ("inflow", "stock", "outflow")}


def random_parameters(kind: str, rng: np.random.Generator, cohort_varying: bool) -> dict[str, np.ndarray]:
    cohorts = N_YEARS if cohort_varying else 1
    size = (N_SERIES, cohorts)
    if kind == "weibull":
        return {"shape": rng.uniform(0.8, 4.0, size), "scale": rng.uniform(2.0, 15.0, size)}
    if kind in ("normal", "lognormal"):
        mean = rng.uniform(3.0, 15.0, size)
        return {"mean": mean, "std": mean * rng.uniform(0.1, 0.6, size)}
    # include fractional and sub-year lifetimes to exercise the a < L boundary
    years = rng.choice([0.3, 1.0, 2.5, 3.0, 7.0, 12.0], size)
    return {"years": years}


CLASSES = {"weibull": Weibull, "normal": Normal, "lognormal": LogNormal, "fixed": Fixed}


@pytest.mark.parametrize("cohort_varying", [False, True], ids=["constant", "by_cohort"])
@pytest.mark.parametrize("timing", ["middle", "end"])
@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_inflow_driven_matches_flodym(kind, timing, cohort_varying):
    rng = np.random.default_rng(zlib.crc32(f"{kind}-{timing}-{cohort_varying}".encode()))
    parameters = random_parameters(kind, rng, cohort_varying)
    inflow = rng.uniform(0.0, 100.0, (N_SERIES, N_YEARS))
    ours = inflow_driven(inflow, CLASSES[kind](**parameters), timing)
    reference = run_flodym(kind, parameters, inflow, timing, "inflow")
    assert relative_difference(ours.stock, reference["stock"]) <= TOLERANCE
    assert relative_difference(ours.outflow, reference["outflow"]) <= TOLERANCE


@pytest.mark.parametrize("cohort_varying", [False, True], ids=["constant", "by_cohort"])
@pytest.mark.parametrize("timing", ["middle", "end"])
@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_stock_driven_matches_flodym(kind, timing, cohort_varying):
    rng = np.random.default_rng(zlib.crc32(f"stock-{kind}-{timing}-{cohort_varying}".encode()))
    parameters = random_parameters(kind, rng, cohort_varying)
    if kind == "fixed":
        # a stock-driven model needs survival > 0 in the inflow year
        parameters["years"] = np.maximum(parameters["years"], 1.0)
    # a growing stock with noise, including a dip (negative inflow is allowed)
    years = np.arange(N_YEARS)
    stock = 50.0 + 10.0 * years + rng.uniform(0.0, 5.0, (N_SERIES, N_YEARS))
    stock[:, 15] -= 40.0
    ours = stock_driven(stock, CLASSES[kind](**parameters), timing)
    reference = run_flodym(kind, parameters, stock, timing, "stock")
    assert relative_difference(ours.inflow, reference["inflow"]) <= TOLERANCE
    assert relative_difference(ours.outflow, reference["outflow"]) <= TOLERANCE
    np.testing.assert_array_equal(ours.stock, stock)


def test_elementwise_agreement_where_values_are_not_tiny():
    """Beyond the per-series scale: each sizeable entry agrees to 1e-9 relative."""
    rng = np.random.default_rng(7)
    parameters = {"shape": rng.uniform(1.5, 3.0, (N_SERIES, 1)), "scale": rng.uniform(5.0, 10.0, (N_SERIES, 1))}
    inflow = rng.uniform(10.0, 100.0, (N_SERIES, N_YEARS))
    ours = inflow_driven(inflow, Weibull(**parameters), "middle")
    reference = run_flodym("weibull", parameters, inflow, "middle", "inflow")
    sizeable = np.abs(reference["outflow"]) > 1e-3
    np.testing.assert_allclose(ours.outflow[sizeable], reference["outflow"][sizeable], rtol=1e-9)
    np.testing.assert_allclose(ours.stock, reference["stock"], rtol=1e-9)


@pytest.mark.parametrize("timing", ["middle", "end"])
def test_series_by_draw_weibull_matches_flodym_three_dimensional(timing):
    """The benchmark layout in small: inflow and Weibull parameters per series and draw."""
    rng = np.random.default_rng(42)
    n_series, n_draws, n_years = 3, 5, 30
    inflow = rng.uniform(0.0, 100.0, (n_series, n_draws, n_years))
    shape = rng.uniform(1.5, 3.5, (n_series, n_draws, 1))
    scale = rng.uniform(5.0, 40.0, (n_series, n_draws, 1))
    ours = inflow_driven(inflow, Weibull(shape, scale), timing, chunk_size=4)
    dims = flodym.DimensionSet(
        dim_list=[
            flodym.Dimension(name="time", letter="t", items=list(range(n_years))),
            flodym.Dimension(name="series", letter="s", items=list(range(n_series))),
            flodym.Dimension(name="draw", letter="d", items=list(range(n_draws))),
        ]
    )
    lifetime = flodym.WeibullLifetime(
        dims=dims, inflow_at=timing, weibull_shape=shape[..., 0], weibull_scale=scale[..., 0]
    )
    model = flodym.InflowDrivenDSM(
        dims=dims, lifetime_model=lifetime, inflow=flodym.StockArray(dims=dims, values=np.moveaxis(inflow, -1, 0))
    )
    model.compute()
    assert relative_difference(ours.stock, np.moveaxis(model.stock.values, 0, -1)) <= TOLERANCE
    assert relative_difference(ours.outflow, np.moveaxis(model.outflow.values, 0, -1)) <= TOLERANCE
