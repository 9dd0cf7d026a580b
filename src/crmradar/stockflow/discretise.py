"""Discretisation of a lifetime distribution onto annual time steps.

Time steps are years ``t = 0 .. T-1``; step ``t`` covers the interval ``[t - 1/2, t + 1/2)``
and stocks are reported at its end, ``t + 1/2``. A cohort entering in step ``c`` is placed
at one point in that interval, chosen by ``inflow_timing``:

=========  ==================  ===================================
timing     entry time          age of cohort ``c`` at end of ``t``
=========  ==================  ===================================
"middle"   ``c``               ``t - c + 1/2``
"end"      ``c + 1/2``         ``t - c``
=========  ==================  ===================================

so the survival factor is ``sf(t, c) = S(t - c + offset)`` with offset 1/2 ("middle") or
0 ("end"), for ``t >= c`` and 0 otherwise. This is the point evaluation used by flodym
1.1.0's ``inflow_at="middle"/"end"`` with its default ``n_pts_per_interval=1`` (no
quadrature over the year) and by ODYM (Pauliuk & Heeren 2020).

The share of cohort ``c`` leaving in step ``t`` (the discrete outflow density) is

    pdf(c, c) = 1 - sf(c, c)                     (leaves in its first year)
    pdf(t, c) = sf(t - 1, c) - sf(t, c),   t > c

which makes ``stock[t] - stock[t-1] = inflow[t] - outflow[t]`` hold exactly.
"""

from __future__ import annotations

import numpy as np

from crmradar.stockflow.lifetimes import LifetimeDistribution

AGE_OFFSET: dict[str, float] = {"middle": 0.5, "end": 0.0}
"""Age [year] of a cohort at the end of its own inflow year, per inflow timing."""


def age_offset(inflow_timing: str) -> float:
    """Age [year] of a cohort at the end of its inflow year; ValueError for an unknown timing."""
    if not isinstance(inflow_timing, str) or inflow_timing not in AGE_OFFSET:
        raise ValueError(
            f"inflow_timing must be one of {sorted(AGE_OFFSET)}, got {inflow_timing!r}"
        )
    return AGE_OFFSET[inflow_timing]


def survival_by_age(
    lifetime: LifetimeDistribution,
    n_years: int,
    inflow_timing: str,
    parameters: dict[str, np.ndarray] | None = None,
) -> np.ndarray:
    """Survival factor by age in whole years, for lifetimes that do not vary by cohort.

    ``s[..., k] = S(k + offset)`` for ``k = 0 .. n_years-1`` [dimensionless].

    Parameters
    ----------
    lifetime : LifetimeDistribution
        The lifetime distribution.
    n_years : int
        Number of annual time steps ``T``.
    inflow_timing : {"middle", "end"}
        Where in its year a cohort enters the stock.
    parameters : dict of arrays, optional
        Parameter arrays with a trailing axis of length 1 to use instead of
        ``lifetime.parameters`` (the engine passes one chunk of series at a time).
    """
    ages = np.arange(n_years, dtype=float) + age_offset(inflow_timing)
    values = lifetime.parameters if parameters is None else parameters
    return lifetime.survival_function(ages, **values)


def outflow_share_by_age(survival: np.ndarray) -> np.ndarray:
    """Share of a cohort leaving at each age, from survival by age on the last axis.

    ``p[0] = 1 - s[0]``, ``p[k] = s[k-1] - s[k]`` [dimensionless].
    """
    share = np.empty_like(survival)
    share[..., 0] = 1.0 - survival[..., 0]
    np.subtract(survival[..., :-1], survival[..., 1:], out=share[..., 1:])
    return share


def lower_triangle(n_years: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year-by-cohort pairs with ``cohort <= year``, packed row by row.

    Returns ``(year, cohort, row_start)``: index arrays of length ``T (T + 1) / 2`` and the
    position where each year's row begins (``row_start[t] = t (t + 1) / 2``), so the entries of
    year ``t`` are ``row_start[t] .. row_start[t] + t`` and the diagonal is ``row_start[t] + t``.
    """
    year, cohort = np.tril_indices(n_years)
    steps = np.arange(n_years)
    return year, cohort, steps * (steps + 1) // 2


def survival_triangle(
    lifetime: LifetimeDistribution,
    n_years: int,
    inflow_timing: str,
    parameters: dict[str, np.ndarray] | None = None,
) -> np.ndarray:
    """Survival factors ``sf(t, c) = S_c(t - c + offset)`` for ``c <= t``, packed as in
    :func:`lower_triangle`; shape ``(..., T (T + 1) / 2)``, dimensionless.

    Used when lifetime parameters vary by cohort (trailing parameter axis of length ``T``);
    only the ``c <= t`` half of the year-by-cohort table is evaluated and stored.
    """
    year, cohort, _ = lower_triangle(n_years)
    ages = (year - cohort) + age_offset(inflow_timing)
    values = lifetime.parameters if parameters is None else parameters
    # prepare per cohort first, then spread over the (year, cohort) pairs
    by_pair = {
        name: value[..., cohort] if value.ndim and value.shape[-1] > 1 else value
        for name, value in lifetime.prepare(values).items()
    }
    return lifetime.evaluate(ages, **by_pair)


def outflow_share_triangle(survival: np.ndarray, n_years: int) -> np.ndarray:
    """Outflow shares ``pdf(t, c) = sf(t-1, c) - sf(t, c)`` with ``sf(c-1, c) := 1``, packed
    like :func:`survival_triangle` [dimensionless]."""
    year, cohort, row_start = lower_triangle(n_years)
    previous = np.ones_like(survival)  # the diagonal (c == t) keeps sf(t-1, t) = 1
    later = cohort < year
    previous[..., later] = survival[..., row_start[year[later] - 1] + cohort[later]]
    previous -= survival
    return previous
