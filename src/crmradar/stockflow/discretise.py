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


def survival_matrix(
    lifetime: LifetimeDistribution,
    n_years: int,
    inflow_timing: str,
    parameters: dict[str, np.ndarray] | None = None,
) -> np.ndarray:
    """Year-by-cohort survival factors ``sf[..., t, c] = S_c(t - c + offset)`` for ``t >= c``.

    Used when lifetime parameters vary by cohort (trailing parameter axis of length ``T``);
    entries with ``t < c`` are 0. Shape ``(..., T, T)``, dimensionless.
    """
    offset = age_offset(inflow_timing)
    years = np.arange(n_years, dtype=float)
    ages = years[:, None] - years[None, :] + offset
    values = lifetime.parameters if parameters is None else parameters
    # parameters carry the cohort on their last axis; insert the year axis before it
    by_cohort = {name: value[..., None, :] for name, value in values.items()}
    matrix = lifetime.survival_function(ages, **by_cohort)
    return np.where(ages >= offset, matrix, 0.0)


def outflow_share_matrix(survival: np.ndarray) -> np.ndarray:
    """Year-by-cohort outflow shares from a survival matrix ``(..., T, T)``.

    ``pdf[t, c] = sf[t-1, c] - sf[t, c]`` with ``sf[c-1, c] := 1`` [dimensionless].
    """
    previous = np.zeros_like(survival)
    previous[..., 1:, :] = survival[..., :-1, :]
    n_years = survival.shape[-1]
    diagonal = np.arange(n_years)
    previous[..., diagonal, diagonal] = 1.0
    previous -= survival
    return previous
