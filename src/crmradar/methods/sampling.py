"""Sampling helpers shared by the Monte Carlo models.

Uncertain inputs are given as (low, mode, high) and sampled from the triangular distribution, the
usual choice when a source gives a minimum, a central value and a maximum (e.g. material intensities
from literature compilations). Sampling takes pre-drawn uniform numbers so that a baseline run and a
policy-lever run can share the same random numbers (common random numbers), and so a chunk of draws
gives exactly the values it would have in a single run.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Triangular:
    """Triangular distribution with arrays ``low ≤ mode ≤ high`` (any broadcastable shape)."""

    low: np.ndarray
    mode: np.ndarray
    high: np.ndarray

    @classmethod
    def fixed(cls, value: np.ndarray) -> Triangular:
        value = np.asarray(value, dtype=float)
        return cls(value, value, value)

    @classmethod
    def of(cls, low, mode, high) -> Triangular:
        low, mode, high = (np.asarray(x, dtype=float) for x in (low, mode, high))
        if np.any(low > mode) or np.any(mode > high):
            raise ValueError("triangular distribution needs low ≤ mode ≤ high")
        return cls(low, mode, high)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Inverse CDF at quantiles ``u`` ∈ [0, 1], broadcast against the parameters.

        F(c) = (c − a)/(b − a); x = a + √(u (b − a)(c − a)) for u < F(c), else b − √((1 − u)(b − a)(b − c)).
        A degenerate distribution (a = b) returns a.
        """
        a, c, b = self.low, self.mode, self.high
        width = b - a
        with np.errstate(invalid="ignore", divide="ignore"):
            split = np.where(width > 0, (c - a) / np.where(width > 0, width, 1.0), 0.5)
            lower = a + np.sqrt(np.clip(u * width * (c - a), 0.0, None))
            upper = b - np.sqrt(np.clip((1.0 - u) * width * (b - c), 0.0, None))
        return np.where(u < split, lower, upper)

    @property
    def mean(self) -> np.ndarray:
        return (self.low + self.mode + self.high) / 3.0


def uniform_block(seed: int, draws: int, columns: int) -> np.ndarray:
    """Uniform(0, 1) numbers of shape (draws, columns) from a seeded PCG64 generator."""
    return np.random.default_rng(seed).random((draws, columns))
