"""Closed forms, mass balance, broadcasting and input checks of crmradar.stockflow."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from crmradar.stockflow import Fixed, LogNormal, Normal, Weibull, inflow_driven, stock_driven

TIMINGS = ["middle", "end"]
OFFSET = {"middle": 0.5, "end": 0.0}


# --- closed forms -----------------------------------------------------------------------


@pytest.mark.parametrize("timing", TIMINGS)
def test_fixed_integer_lifetime_shifts_inflow(timing):
    """Fixed L = 3: a cohort is in stock for its inflow year and the next two, out in year +3."""
    inflow = np.array([5.0, 1.0, 0.0, 2.0, 7.0, 3.0, 0.0, 0.0, 4.0, 1.0])
    result = inflow_driven(inflow, Fixed(3), timing)
    expected_outflow = np.concatenate([np.zeros(3), inflow[:-3]])
    np.testing.assert_allclose(result.outflow, expected_outflow, atol=1e-12)
    expected_stock = np.array([inflow[max(0, t - 2) : t + 1].sum() for t in range(inflow.size)])
    np.testing.assert_allclose(result.stock, expected_stock, atol=1e-12)


@pytest.mark.parametrize(("timing", "shift"), [("middle", 2), ("end", 3)])
def test_fixed_fractional_lifetime_follows_timing(timing, shift):
    """Fixed 2.5 yr: age at end of year k is k + 0.5 ("middle", gone at k = 2) or k ("end", gone at k = 3)."""
    inflow = np.zeros(8)
    inflow[1] = 10.0
    result = inflow_driven(inflow, Fixed(2.5), timing)
    expected = np.zeros(8)
    expected[1 + shift] = 10.0
    np.testing.assert_allclose(result.outflow, expected, atol=1e-12)


@pytest.mark.parametrize("timing", TIMINGS)
def test_exponential_lifetime_constant_inflow_geometric_series(timing):
    """Weibull shape 1 = exponential, tau = 4 yr: stock[t] = I q^o (1 - q^(t+1)) / (1 - q), q = e^(-1/tau)."""
    tau, level = 4.0, 3.0
    years = np.arange(30)
    result = inflow_driven(np.full(30, level), Weibull(1.0, tau), timing)
    q = math.exp(-1.0 / tau)
    expected = level * q ** OFFSET[timing] * (1.0 - q ** (years + 1)) / (1.0 - q)
    np.testing.assert_allclose(result.stock, expected, rtol=1e-12)


@pytest.mark.parametrize(
    "lifetime",
    [Weibull(2.0, 10.0), Weibull(1.3, 6.0), LogNormal(12.0, 5.0), Normal(15.0, 3.0), Fixed(9.0)],
    ids=repr,
)
def test_constant_inflow_stock_tends_to_inflow_times_mean_lifetime(lifetime):
    """Steady state with "middle" timing: stock = I sum_k S(k + 1/2) ~ I E[L] (midpoint rule)."""
    level = 2.0
    result = inflow_driven(np.full(300, level), lifetime, "middle")
    mean = float(lifetime.mean_lifetime())
    assert result.stock[-1] == pytest.approx(level * mean, rel=2e-3)
    assert result.outflow[-1] == pytest.approx(level, rel=1e-9)


def test_end_timing_steady_state_is_half_a_year_longer():
    """With "end" timing sum_k S(k) = E[L] + S(0)/2 + O(h^2) (trapezoid rule), S(0) = 1."""
    lifetime = Weibull(2.0, 10.0)
    result = inflow_driven(np.ones(300), lifetime, "end")
    assert result.stock[-1] == pytest.approx(float(lifetime.mean_lifetime()) + 0.5, rel=1e-3)


def test_survival_functions_match_scipy_distributions():
    ages = np.array([0.0, 0.5, 1.0, 3.7, 10.0, 55.0, 400.0])
    np.testing.assert_allclose(
        Weibull(2.4, 11.0).survival(ages), stats.weibull_min.sf(ages, 2.4, scale=11.0), rtol=1e-12, atol=1e-300
    )
    sigma = math.sqrt(math.log(1.0 + (4.0 / 10.0) ** 2))
    median = 10.0 / math.sqrt(1.0 + (4.0 / 10.0) ** 2)
    np.testing.assert_allclose(
        LogNormal(10.0, 4.0).survival(ages), stats.lognorm.sf(ages, sigma, scale=median), rtol=1e-12, atol=1e-300
    )
    np.testing.assert_allclose(Normal(8.0, 2.0).survival(ages), stats.norm.sf(ages, 8.0, 2.0), rtol=1e-12)
    np.testing.assert_array_equal(Fixed(3.7).survival(ages), [1, 1, 1, 0, 0, 0, 0])


def test_weibull_mean_lifetime_matches_scipy():
    lifetime = Weibull(np.array([0.8, 2.0, 3.5]), np.array([5.0, 10.0, 30.0]))
    expected = stats.weibull_min.mean(c=[0.8, 2.0, 3.5], scale=[5.0, 10.0, 30.0])
    np.testing.assert_allclose(lifetime.mean_lifetime(), expected, rtol=1e-12)


@pytest.mark.parametrize(("mean", "std"), [(10.0, 4.0), (25.0, 15.0), (3.0, 0.5)])
def test_lognormal_parameters_are_mean_and_std_of_lifetime(mean, std):
    """E[L] = int S(a) da and E[L^2] = 2 int a S(a) da must reproduce the given mean and std."""
    lifetime = LogNormal(mean, std)
    first, _ = integrate.quad(lambda a: float(lifetime.survival(a)), 0.0, np.inf, limit=200)
    second, _ = integrate.quad(lambda a: 2.0 * a * float(lifetime.survival(a)), 0.0, np.inf, limit=200)
    assert first == pytest.approx(mean, rel=1e-7)
    assert math.sqrt(second - first**2) == pytest.approx(std, rel=1e-6)


def test_normal_negative_lifetimes_leave_in_inflow_year():
    """Normal(1, 2), "end": S(0) = Phi(0.5), so 1 - Phi(0.5) of the inflow leaves at once."""
    result = inflow_driven(np.array([100.0, 0.0, 0.0]), Normal(1.0, 2.0), "end")
    assert result.outflow[0] == pytest.approx(100.0 * (1.0 - stats.norm.cdf(0.5)), rel=1e-12)
    assert result.stock[0] == pytest.approx(100.0 * stats.norm.cdf(0.5), rel=1e-12)


# --- mass balance and round trip --------------------------------------------------------


def _random_lifetime(rng: np.random.Generator, kind: str, shape: tuple[int, ...]):
    if kind == "weibull":
        return Weibull(rng.uniform(0.7, 4.0, shape), rng.uniform(1.0, 30.0, shape))
    if kind == "normal":
        mean = rng.uniform(2.0, 30.0, shape)
        return Normal(mean, mean * rng.uniform(0.05, 0.8, shape))
    if kind == "lognormal":
        mean = rng.uniform(1.0, 30.0, shape)
        return LogNormal(mean, mean * rng.uniform(0.05, 1.5, shape))
    return Fixed(rng.uniform(1.0, 20.0, shape))


@pytest.mark.parametrize("cohorts", [1, 40], ids=["constant", "by_cohort"])
@pytest.mark.parametrize("timing", TIMINGS)
@pytest.mark.parametrize("kind", ["weibull", "normal", "lognormal", "fixed"])
def test_mass_balance_and_stock_driven_round_trip(kind, timing, cohorts):
    rng = np.random.default_rng(11)
    inflow = rng.uniform(0.0, 1000.0, (3, 5, 40))
    lifetime = _random_lifetime(rng, kind, (3, 5, cohorts))
    forward = inflow_driven(inflow, lifetime, timing)
    change = np.diff(forward.stock, axis=-1, prepend=0.0)
    scale = np.max(np.abs(forward.stock))
    assert np.max(np.abs(change - (forward.inflow - forward.outflow))) <= 1e-9 * scale
    assert forward.mass_balance_error() <= 1e-9
    assert np.all(forward.stock >= -1e-9 * scale)
    backward = stock_driven(forward.stock, lifetime, timing)
    np.testing.assert_allclose(backward.inflow, inflow, rtol=0, atol=1e-8 * np.max(inflow))
    np.testing.assert_allclose(backward.outflow, forward.outflow, rtol=0, atol=1e-8 * np.max(inflow))
    assert backward.mass_balance_error() <= 1e-9


@settings(max_examples=25, deadline=None)
@given(
    inflow=st.lists(st.floats(0.0, 1e6), min_size=1, max_size=30),
    shape=st.floats(0.3, 8.0),
    scale=st.floats(0.2, 80.0),
    timing=st.sampled_from(TIMINGS),
)
def test_mass_balance_property(inflow, shape, scale, timing):
    result = inflow_driven(np.array(inflow), Weibull(shape, scale), timing)
    assert result.mass_balance_error() <= 1e-9
    # every unit that entered is either still in stock or has left
    assert result.stock[-1] + result.outflow.sum() == pytest.approx(sum(inflow), rel=1e-9, abs=1e-6)


# --- broadcasting, cohort variation, chunking -------------------------------------------


@pytest.mark.parametrize("timing", TIMINGS)
def test_parameters_broadcast_over_draws(timing):
    rng = np.random.default_rng(3)
    inflow = rng.uniform(0.0, 50.0, (4, 20))  # 4 series
    shapes = rng.uniform(1.0, 3.0, (6, 1, 1))  # 6 draws
    scales = rng.uniform(5.0, 15.0, (6, 4, 1))  # per draw and series
    result = inflow_driven(inflow, Weibull(shapes, scales), timing)
    assert result.stock.shape == (6, 4, 20)
    for draw in range(6):
        for series in range(4):
            single = inflow_driven(inflow[series], Weibull(shapes[draw, 0, 0], scales[draw, series, 0]), timing)
            np.testing.assert_allclose(result.stock[draw, series], single.stock, rtol=1e-12, atol=1e-12)
            np.testing.assert_allclose(result.outflow[draw, series], single.outflow, rtol=1e-12, atol=1e-12)
            np.testing.assert_array_equal(result.inflow[draw, series], inflow[series])


def _loop_reference(inflow: np.ndarray, lifetime_by_cohort: list, timing: str) -> tuple[np.ndarray, np.ndarray]:
    """Plain double loop over years and cohorts with one scalar lifetime per cohort."""
    n_years = inflow.size
    offset = OFFSET[timing]
    stock = np.zeros(n_years)
    outflow = np.zeros(n_years)
    for year in range(n_years):
        for cohort in range(year + 1):
            lifetime = lifetime_by_cohort[cohort]
            now = float(lifetime.survival(year - cohort + offset))
            before = 1.0 if year == cohort else float(lifetime.survival(year - cohort - 1 + offset))
            stock[year] += inflow[cohort] * now
            outflow[year] += inflow[cohort] * (before - now)
    return stock, outflow


@pytest.mark.parametrize("timing", TIMINGS)
def test_cohort_varying_parameters_match_loop_reference(timing):
    """Lifetime extension over time (newer cohorts last longer) vs a scalar double loop."""
    n_years = 15
    inflow = np.linspace(10.0, 40.0, n_years)
    means = np.linspace(5.0, 12.0, n_years)
    stds = 0.4 * means
    result = inflow_driven(inflow, LogNormal(means, stds), timing)
    stock, outflow = _loop_reference(inflow, [LogNormal(m, s) for m, s in zip(means, stds, strict=True)], timing)
    np.testing.assert_allclose(result.stock, stock, rtol=1e-12)
    np.testing.assert_allclose(result.outflow, outflow, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("timing", TIMINGS)
def test_long_series_fft_matches_direct_convolution(timing):
    """T = 400: the FFT path against numpy's direct convolution of inflow and survival by age."""
    rng = np.random.default_rng(21)
    inflow = rng.uniform(0.0, 1e4, 400)
    lifetime = LogNormal(35.0, 20.0)
    survival = lifetime.survival(np.arange(400) + OFFSET[timing])
    result = inflow_driven(inflow, lifetime, timing)
    direct_stock = np.convolve(inflow, survival)[:400]
    np.testing.assert_allclose(result.stock, direct_stock, rtol=1e-11)
    direct_outflow = np.convolve(inflow, -np.diff(survival, prepend=1.0))[:400]
    np.testing.assert_allclose(result.outflow, direct_outflow, rtol=0, atol=1e-10 * direct_outflow.max())


def test_cohort_axis_with_identical_values_equals_fft_path():
    rng = np.random.default_rng(5)
    inflow = rng.uniform(0.0, 10.0, (3, 30))
    constant = inflow_driven(inflow, Weibull(2.2, 8.0))
    by_cohort = inflow_driven(inflow, Weibull(np.full(30, 2.2), np.full((3, 30), 8.0)))
    np.testing.assert_allclose(by_cohort.stock, constant.stock, rtol=1e-12)
    np.testing.assert_allclose(by_cohort.outflow, constant.outflow, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("cohorts", [1, 12])
def test_chunking_does_not_change_results(cohorts):
    rng = np.random.default_rng(9)
    inflow = rng.uniform(0.0, 10.0, (7, 12))
    lifetime = Weibull(rng.uniform(1.0, 3.0, (7, cohorts)), rng.uniform(2.0, 9.0, (7, cohorts)))
    whole = inflow_driven(inflow, lifetime)
    pieces = inflow_driven(inflow, lifetime, chunk_size=2)
    np.testing.assert_allclose(pieces.stock, whole.stock, rtol=1e-12)
    np.testing.assert_allclose(pieces.outflow, whole.outflow, rtol=1e-12, atol=1e-12)
    solved = stock_driven(whole.stock, lifetime, chunk_size=3)
    np.testing.assert_allclose(solved.inflow, inflow, rtol=1e-9, atol=1e-9)


# --- invalid input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("factory", "parameter"),
    [
        (lambda: Normal(10.0, -1.0), "std"),
        (lambda: Normal(10.0, 0.0), "std"),
        (lambda: Normal(-2.0, 1.0), "mean"),
        (lambda: LogNormal(10.0, -3.0), "std"),
        (lambda: LogNormal(0.0, 3.0), "mean"),
        (lambda: Weibull(0.0, 5.0), "shape"),
        (lambda: Weibull(2.0, np.array([5.0, -1.0])), "scale"),
        (lambda: Weibull(np.nan, 5.0), "shape"),
        (lambda: Fixed(-1.0), "years"),
        (lambda: Fixed("ten"), "years"),
        (lambda: Weibull(np.ones(3), np.ones(4)), "do not broadcast"),
    ],
)
def test_invalid_lifetime_parameters_name_the_parameter(factory, parameter):
    with pytest.raises(ValueError, match=parameter):
        factory()


@pytest.mark.parametrize("function", [inflow_driven, stock_driven])
def test_non_finite_flow_is_rejected_with_position(function):
    values = np.ones((2, 6))
    values[1, 4] = np.nan
    name = "inflow" if function is inflow_driven else "stock"
    with pytest.raises(ValueError, match=rf"{name} must be finite.*\(1, 4\)"):
        function(values, Weibull(2.0, 5.0))


@pytest.mark.parametrize("timing", ["start", "Middle", "", None])
def test_bad_timing_is_rejected(timing):
    with pytest.raises(ValueError, match="inflow_timing"):
        inflow_driven(np.ones(5), Weibull(2.0, 5.0), timing)
    with pytest.raises(ValueError, match="inflow_timing"):
        stock_driven(np.ones(5), Weibull(2.0, 5.0), timing)


def test_cohort_axis_of_wrong_length_names_parameter():
    with pytest.raises(ValueError, match="'scale'.*cohort"):
        inflow_driven(np.ones((2, 10)), Weibull(2.0, np.ones(7)))


def test_parameters_not_broadcasting_with_inflow():
    with pytest.raises(ValueError, match="do not broadcast with inflow"):
        inflow_driven(np.ones((3, 10)), Weibull(2.0, np.ones((4, 1))))


def test_bad_flow_and_lifetime_types():
    with pytest.raises(ValueError, match="inflow must have a time axis"):
        inflow_driven(5.0, Weibull(2.0, 5.0))
    with pytest.raises(ValueError, match="stock must be a numeric array"):
        stock_driven(["a", "b"], Weibull(2.0, 5.0))
    with pytest.raises(TypeError, match="lifetime"):
        inflow_driven(np.ones(4), 10.0)
    with pytest.raises(ValueError, match="chunk_size"):
        inflow_driven(np.ones((2, 4)), Weibull(2.0, 5.0), chunk_size=0)


@pytest.mark.parametrize(("lifetime", "timing"), [(Fixed(0.0), "end"), (Fixed(0.5), "middle")])
def test_stock_driven_rejects_zero_first_year_survival(lifetime, timing):
    with pytest.raises(ValueError, match="zero survival"):
        stock_driven(np.ones(5), lifetime, timing)


def test_stock_driven_rejects_vanishing_first_year_survival():
    """Normal(0.1, 0.05), "middle": S(0.5) ~ 1e-15, the forward solve would blow up."""
    with pytest.raises(ValueError, match="ill-conditioned"):
        stock_driven(np.ones(5), Normal(0.1, 0.05), "middle")


def test_inputs_are_not_modified():
    inflow = np.arange(10.0)
    scale = np.full(10, 4.0)
    inflow_driven(inflow, Weibull(2.0, scale))
    stock_driven(inflow + 1.0, Weibull(2.0, scale))
    np.testing.assert_array_equal(inflow, np.arange(10.0))
    np.testing.assert_array_equal(scale, np.full(10, 4.0))


def test_results_do_not_alias_inputs():
    stock = np.linspace(1.0, 10.0, 10)
    scale = np.full(10, 4.0)
    lifetime = Weibull(2.0, scale)
    result = stock_driven(stock, lifetime)
    stock[:] = -1.0
    scale[:] = -1.0  # cannot sneak an invalid value into a validated lifetime
    assert result.stock[0] == 1.0
    assert np.all(lifetime.parameters["scale"] == 4.0)
