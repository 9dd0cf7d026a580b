"""Inflow-driven and stock-driven dynamic stock models on annual time steps.

Inflow-driven (Pauliuk & Heeren 2020, ODYM; Lauinger et al., flodym 1.1.0)::

    stock[t]   = sum_{c <= t} inflow[c] * sf(t, c)
    outflow[t] = sum_{c <= t} inflow[c] * pdf(t, c)

Stock-driven, solved forward in time::

    inflow[t]  = (stock[t] - sum_{c < t} inflow[c] * sf(t, c)) / sf(t, t)

with ``sf`` and ``pdf`` from :mod:`crmradar.stockflow.discretise`. Flows are per year
(any mass unit, e.g. t/yr) and stocks in the same mass unit; time is the last axis.

When the lifetime does not vary by cohort, ``sf(t, c) = s(t - c)`` and both sums are linear
convolutions, computed with real FFTs of length >= 2T - 1 (no wrap-around). When it does
vary by cohort, the ``c <= t`` half of the year-by-cohort table is evaluated per series. Leading axes (series, draws)
are flattened and processed in chunks to bound memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import fft

from crmradar.stockflow.discretise import (
    age_offset,
    lower_triangle,
    outflow_share_by_age,
    outflow_share_triangle,
    survival_by_age,
    survival_triangle,
)
from crmradar.stockflow.lifetimes import LifetimeDistribution

CHUNK_ELEMENTS = 1 << 20
"""Default number of array elements per chunk (8 MB): rows x T, or rows x T(T+1)/2 when the
lifetime varies by cohort."""

FFT_WORKERS = -1
"""Threads for scipy.fft (-1 = all cores); rows are transformed independently, so the result
does not depend on it."""


@dataclass(frozen=True)
class StockFlowResult:
    """Stock, inflow and outflow of a dynamic stock model, each of shape ``(..., T)``.

    ``inflow`` and ``outflow`` are mass per year, ``stock`` is mass at the end of each year
    (same mass unit as the input).
    """

    inflow: np.ndarray
    stock: np.ndarray
    outflow: np.ndarray
    lifetime: LifetimeDistribution
    inflow_timing: str

    def stock_change(self) -> np.ndarray:
        """``stock[t] - stock[t-1]`` with ``stock[-1] = 0`` [mass per year]."""
        return np.diff(self.stock, axis=-1, prepend=0.0)

    def mass_balance_error(self) -> float:
        """Largest ``|stock change - (inflow - outflow)|`` relative to the largest stock or flow."""
        residual = self.stock_change() - (self.inflow - self.outflow)
        scale = max(np.max(np.abs(self.stock), initial=0.0), np.max(np.abs(self.inflow), initial=0.0))
        return float(np.max(np.abs(residual), initial=0.0) / scale) if scale > 0 else 0.0


@dataclass(frozen=True)
class _Layout:
    lead_shape: tuple[int, ...]
    n_years: int
    flow: np.ndarray  # (rows, T)
    parameters: dict[str, np.ndarray]  # (rows or 1, 1 or T)
    cohort_varying: bool
    shared_parameters: bool  # parameters identical for all rows


def _validate_flow(values: Any, name: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be a numeric array, got {type(values).__name__}") from error
    if array.ndim == 0 or array.shape[-1] == 0:
        raise ValueError(f"{name} must have a time axis (last axis) of length >= 1, shape {array.shape}")
    if not np.all(np.isfinite(array)):
        bad = np.argwhere(~np.isfinite(array))[0]
        raise ValueError(f"{name} must be finite; first NaN/inf at index {tuple(int(i) for i in bad)}")
    return array


def _layout(flow: np.ndarray, name: str, lifetime: LifetimeDistribution) -> _Layout:
    if not isinstance(lifetime, LifetimeDistribution):
        raise TypeError(
            f"lifetime must be Weibull, Normal, LogNormal or Fixed, got {type(lifetime).__name__}"
        )
    n_years = flow.shape[-1]
    parameters = dict(lifetime.parameters)
    for key, value in parameters.items():
        cohorts = value.shape[-1] if value.ndim else 1
        if cohorts not in (1, n_years):
            raise ValueError(
                f"lifetime parameter '{key}' has shape {value.shape}: its last (cohort) axis must "
                f"have length 1 or {n_years} (years of {name}); give per-series values as shape (..., 1)"
            )
    try:
        lead_shape = np.broadcast_shapes(flow.shape[:-1], *(v.shape[:-1] for v in parameters.values()))
    except ValueError as error:
        shapes = {key: value.shape for key, value in parameters.items()}
        raise ValueError(
            f"lifetime parameter shapes {shapes} do not broadcast with {name} shape {flow.shape}"
        ) from error
    rows = int(np.prod(lead_shape, dtype=np.int64))
    # always a fresh array: results must not alias (and later change with) the caller's input
    flow_rows = np.array(np.broadcast_to(flow, lead_shape + (n_years,)), order="C").reshape(rows, n_years)
    cohort_varying = n_years > 1 and any(v.ndim and v.shape[-1] == n_years for v in parameters.values())
    shared = all(v.ndim <= 1 or all(size == 1 for size in v.shape[:-1]) for v in parameters.values())
    cohorts = n_years if cohort_varying else 1
    by_row: dict[str, np.ndarray] = {}
    for key, value in parameters.items():
        value = value.reshape((1,) * (value.ndim == 0) + value.shape)
        if shared:
            by_row[key] = np.broadcast_to(value.reshape(1, value.shape[-1]), (1, cohorts))
        else:
            full = np.broadcast_to(value, lead_shape + (value.shape[-1],))
            by_row[key] = np.broadcast_to(full.reshape(rows, value.shape[-1]), (rows, cohorts))
    return _Layout(lead_shape, n_years, flow_rows, by_row, cohort_varying, shared)


def _chunks(layout: _Layout, chunk_size: int | None) -> list[slice]:
    rows = layout.flow.shape[0]
    if chunk_size is None:
        n_years = layout.n_years
        per_row = n_years * (n_years + 1) // 2 if layout.cohort_varying else n_years
        chunk_size = max(1, CHUNK_ELEMENTS // per_row)
    if not isinstance(chunk_size, int | np.integer) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    return [slice(start, min(start + chunk_size, rows)) for start in range(0, rows, chunk_size)]


def _chunk_parameters(layout: _Layout, rows: slice) -> dict[str, np.ndarray]:
    if layout.shared_parameters:
        return layout.parameters
    return {key: value[rows] for key, value in layout.parameters.items()}


def _convolve(flow: np.ndarray, kernel: np.ndarray, n_years: int) -> np.ndarray:
    """``out[r, t] = sum_{k<=t} kernel[r, k] * flow[r, t-k]`` for ``t < T``, by real FFT.

    The transform length is >= 2T - 1 so the circular convolution has no wrap-around in the
    first T terms; ``kernel`` may be shared by all rows (shape (1, T)).
    """
    length = fft.next_fast_len(2 * n_years - 1, real=True)
    spectrum = fft.rfft(flow, length, axis=-1, workers=FFT_WORKERS)
    spectrum *= fft.rfft(kernel, length, axis=-1, workers=FFT_WORKERS)
    return fft.irfft(spectrum, length, axis=-1, workers=FFT_WORKERS)[..., :n_years]


def _outflow_from_balance(inflow: np.ndarray, stock: np.ndarray) -> np.ndarray:
    """``outflow[t] = inflow[t] - (stock[t] - stock[t-1])``.

    For a cohort-independent lifetime this *is* the outflow-share convolution: the spectrum of
    ``pdf = delta_0 + shift(s) - s`` is ``1 + (z - 1) S(z)``, so ``pdf * inflow`` equals
    ``inflow + shift(stock) - stock``; computing it this way saves two FFTs. The same identity
    holds cohort by cohort when the lifetime varies by cohort.
    """
    outflow = inflow - stock
    outflow[..., 1:] += stock[..., :-1]
    return outflow


def _sum_over_cohorts(shares: np.ndarray, flow: np.ndarray, n_years: int) -> np.ndarray:
    """``out[r, t] = sum_{c<=t} shares[r, (t, c)] * flow[r, c]`` for packed year-by-cohort shares."""
    _, cohort, row_start = lower_triangle(n_years)
    return np.add.reduceat(shares * flow[..., cohort], row_start, axis=-1)


def inflow_driven(
    inflow: Any,
    lifetime: LifetimeDistribution,
    inflow_timing: str = "middle",
    *,
    chunk_size: int | None = None,
) -> StockFlowResult:
    """Stock and outflow of a stock fed by ``inflow`` with the given lifetime distribution.

    Parameters
    ----------
    inflow : array_like, shape (..., T)
        Inflow per year [mass/yr], time on the last axis; finite.
    lifetime : Weibull, Normal, LogNormal or Fixed
        Lifetime [year]; parameters broadcast against ``inflow`` (last axis = cohort).
    inflow_timing : {"middle", "end"}
        Where in its year a cohort enters (see :mod:`crmradar.stockflow.discretise`).
    chunk_size : int, optional
        Number of series (flattened leading index) per chunk; default bounds each temporary
        array to about 8 MB.

    Returns
    -------
    StockFlowResult
        ``stock`` [mass] and ``outflow`` [mass/yr], shape = broadcast of ``inflow`` with the
        lifetime parameters.
    """
    age_offset(inflow_timing)  # rejects an unknown timing before any work
    flow = _validate_flow(inflow, "inflow")
    layout = _layout(flow, "inflow", lifetime)
    stock = np.empty_like(layout.flow)
    outflow = np.empty_like(layout.flow)
    shared_survival = None
    if not layout.cohort_varying and layout.shared_parameters:
        shared_survival = survival_by_age(lifetime, layout.n_years, inflow_timing, layout.parameters)
    for rows in _chunks(layout, chunk_size):
        inflow_rows = layout.flow[rows]
        if layout.cohort_varying:
            survival = survival_triangle(lifetime, layout.n_years, inflow_timing, _chunk_parameters(layout, rows))
            stock[rows] = _sum_over_cohorts(survival, inflow_rows, layout.n_years)
            outflow[rows] = _outflow_from_balance(inflow_rows, stock[rows])
            continue
        survival = shared_survival
        if survival is None:
            survival = survival_by_age(lifetime, layout.n_years, inflow_timing, _chunk_parameters(layout, rows))
        stock[rows] = _convolve(inflow_rows, survival, layout.n_years)
        outflow[rows] = _outflow_from_balance(inflow_rows, stock[rows])
    shape = layout.lead_shape + (layout.n_years,)
    return StockFlowResult(
        inflow=layout.flow.reshape(shape),
        stock=stock.reshape(shape),
        outflow=outflow.reshape(shape),
        lifetime=lifetime,
        inflow_timing=inflow_timing,
    )


def _check_first_year_survival(first: np.ndarray, inflow_timing: str) -> None:
    """The stock-driven solve divides by ``sf(t, t) = S_t(offset)``: it must be clearly > 0."""
    offset = age_offset(inflow_timing)
    smallest = float(np.min(first, initial=1.0))
    if smallest <= 0.0:
        raise ValueError(
            f"lifetime gives zero survival at the end of the inflow year (S({offset}) = 0, e.g. "
            f"Fixed years <= {offset}): a stock-driven model cannot be solved; use a longer lifetime"
        )
    if smallest < 1e-12:
        raise ValueError(
            f"lifetime keeps only {smallest:.3g} of a cohort to the end of its inflow year "
            f"(S({offset})): the stock-driven inflow would be ill-conditioned; check the lifetime"
        )


def _solve_inflow_by_age(stock: np.ndarray, survival: np.ndarray) -> np.ndarray:
    """Forward substitution for ``stock[t] = sum_{c<=t} inflow[c] * s[t-c]`` (rows x T)."""
    n_years = stock.shape[-1]
    inflow = np.empty_like(stock)
    # remaining[:, t] accumulates what earlier cohorts still hold at the end of year t
    remaining = np.zeros_like(stock)
    survival = np.broadcast_to(survival, stock.shape)
    for year in range(n_years):
        inflow[:, year] = (stock[:, year] - remaining[:, year]) / survival[:, 0]
        remaining[:, year + 1 :] += inflow[:, year, None] * survival[:, 1 : n_years - year]
    return inflow


def _solve_inflow_by_cohort(stock: np.ndarray, survival: np.ndarray) -> np.ndarray:
    """Forward substitution for ``stock[t] = sum_{c<=t} inflow[c] * sf(t, c)`` with ``sf``
    packed as in :func:`~crmradar.stockflow.discretise.lower_triangle` (rows x T)."""
    n_years = stock.shape[-1]
    _, _, row_start = lower_triangle(n_years)
    inflow = np.empty_like(stock)
    for year in range(n_years):
        start = row_start[year]
        earlier = np.einsum("rc,rc->r", survival[:, start : start + year], inflow[:, :year])
        inflow[:, year] = (stock[:, year] - earlier) / survival[:, start + year]
    return inflow


def stock_driven(
    stock: Any,
    lifetime: LifetimeDistribution,
    inflow_timing: str = "middle",
    *,
    chunk_size: int | None = None,
) -> StockFlowResult:
    """Inflow and outflow needed to follow a prescribed stock with the given lifetime.

    Solves ``stock[t] = sum_{c<=t} inflow[c] * sf(t, c)`` forward in time,
    ``inflow[t] = (stock[t] - sum_{c<t} inflow[c] * sf(t, c)) / sf(t, t)``, then
    ``outflow[t] = sum_{c<=t} inflow[c] * pdf(t, c)``. A falling stock can give negative inflow.

    Parameters
    ----------
    stock : array_like, shape (..., T)
        Stock at the end of each year [mass]; finite. The stock before year 0 is zero.
    lifetime : Weibull, Normal, LogNormal or Fixed
        Lifetime [year]; must have ``S(offset) > 0`` (see :func:`inflow_driven`).
    inflow_timing : {"middle", "end"}
        Where in its year a cohort enters.
    chunk_size : int, optional
        Number of series per chunk.

    Returns
    -------
    StockFlowResult
        ``inflow`` and ``outflow`` [mass/yr] and the given ``stock``.
    """
    age_offset(inflow_timing)  # rejects an unknown timing before any work
    flow = _validate_flow(stock, "stock")
    layout = _layout(flow, "stock", lifetime)
    inflow = np.empty_like(layout.flow)
    outflow = np.empty_like(layout.flow)
    for rows in _chunks(layout, chunk_size):
        stock_rows = layout.flow[rows]
        parameters = _chunk_parameters(layout, rows)
        if layout.cohort_varying:
            survival = survival_triangle(lifetime, layout.n_years, inflow_timing, parameters)
            survival = np.broadcast_to(survival, (stock_rows.shape[0], survival.shape[-1]))
            _, _, row_start = lower_triangle(layout.n_years)
            diagonal = survival[:, row_start + np.arange(layout.n_years)]
            _check_first_year_survival(diagonal, inflow_timing)
            inflow[rows] = _solve_inflow_by_cohort(stock_rows, survival)
            shares = outflow_share_triangle(survival, layout.n_years)
            outflow[rows] = _sum_over_cohorts(shares, inflow[rows], layout.n_years)
            continue
        survival = survival_by_age(lifetime, layout.n_years, inflow_timing, parameters)
        _check_first_year_survival(survival[..., 0], inflow_timing)
        inflow[rows] = _solve_inflow_by_age(stock_rows, survival)
        outflow[rows] = _convolve(inflow[rows], outflow_share_by_age(survival), layout.n_years)
    shape = layout.lead_shape + (layout.n_years,)
    return StockFlowResult(
        inflow=inflow.reshape(shape),
        stock=layout.flow.reshape(shape),
        outflow=outflow.reshape(shape),
        lifetime=lifetime,
        inflow_timing=inflow_timing,
    )
