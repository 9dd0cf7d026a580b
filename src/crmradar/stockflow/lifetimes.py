"""Product lifetime distributions for dynamic stock models.

Each class describes the probability that a unit put into use survives beyond a given
age (the survival function ``S(a) = P(lifetime > a)``, dimensionless, age ``a`` in years).

Parameters are numpy arrays that broadcast against the flow arrays the engine works on,
``(..., T)``: the leading axes are series / Monte-Carlo draws and the last axis is the
cohort (year of inflow) axis, of length 1 (same lifetime for every cohort) or ``T``
(lifetime varying by cohort). A per-draw parameter for 1000 draws is therefore given with
shape ``(1000, 1)``.

The parameterisations follow flodym 1.1.0 (Lauinger et al.), the successor of ODYM
(Pauliuk & Heeren 2020, J. Ind. Ecol. 24(3), 446-458):

* :class:`Weibull` -- ``S(a) = exp(-(a / scale) ** shape)``
* :class:`Normal` -- ``S(a) = 1 - Phi((a - mean) / std)``; the probability mass of
  negative lifetimes is not truncated, it leaves the stock in the year of inflow
* :class:`LogNormal` -- mean and standard deviation of the *lifetime itself*, converted to
  the log-space parameters ``mu = ln(mean**2 / sqrt(mean**2 + std**2))`` and
  ``sigma = sqrt(ln(1 + std**2 / mean**2))``; ``S(a) = 1 - Phi((ln a - mu) / sigma)``
* :class:`Fixed` -- ``S(a) = 1 if a < years else 0``
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
from scipy.special import gamma, ndtr

ArrayLike = Any


def _as_parameter(value: ArrayLike, name: str, owner: str) -> np.ndarray:
    try:
        array = np.array(value, dtype=float)  # own copy, so later edits by the caller cannot bypass checks
    except (TypeError, ValueError) as error:
        raise ValueError(f"{owner}: parameter '{name}' must be numeric, got {value!r}") from error
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{owner}: parameter '{name}' must be finite (found NaN or inf)")
    array.setflags(write=False)
    return array


class LifetimeDistribution(ABC):
    """Base class: holds validated parameter arrays and evaluates the survival function."""

    parameter_names: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **parameters: ArrayLike) -> None:
        owner = type(self).__name__
        self._parameters = {
            name: _as_parameter(parameters[name], name, owner) for name in self.parameter_names
        }
        self._validate(owner)
        try:
            np.broadcast_shapes(*(value.shape for value in self._parameters.values()))
        except ValueError as error:
            shapes = {name: value.shape for name, value in self._parameters.items()}
            raise ValueError(f"{owner}: parameter shapes {shapes} do not broadcast together") from error

    @abstractmethod
    def _validate(self, owner: str) -> None:
        """Raise ValueError naming the offending parameter."""

    @staticmethod
    def prepare(parameters: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Quantities :meth:`evaluate` needs (e.g. ``ln scale``), computed on the parameter arrays.

        The engine calls this once per cohort and series, before spreading the result over
        ages, so transcendental functions of the parameters are not repeated for every age.
        """
        return dict(parameters)

    @staticmethod
    @abstractmethod
    def evaluate(age: np.ndarray, **prepared: np.ndarray) -> np.ndarray:
        """Survival probability ``S(age)`` [dimensionless] from :meth:`prepare`'s output."""

    @classmethod
    def survival_function(cls, age: np.ndarray, **parameters: np.ndarray) -> np.ndarray:
        """Survival probability ``S(age)`` (dimensionless) for ``age`` in years."""
        return cls.evaluate(age, **cls.prepare(parameters))

    @property
    def parameters(self) -> Mapping[str, np.ndarray]:
        """Parameter arrays by name (read-only view of the validated inputs)."""
        return dict(self._parameters)

    def survival(self, age: ArrayLike) -> np.ndarray:
        """Survival probability at ``age`` [year], broadcast against the parameters."""
        return self.survival_function(np.asarray(age, dtype=float), **self._parameters)

    @abstractmethod
    def mean_lifetime(self) -> np.ndarray:
        """Expected lifetime [year] of the continuous distribution."""

    def __repr__(self) -> str:
        parts = ", ".join(
            f"{name}={value.item() if value.ndim == 0 else f'array{value.shape}'}"
            for name, value in self._parameters.items()
        )
        return f"{type(self).__name__}({parts})"


def _require_positive(parameters: Mapping[str, np.ndarray], name: str, owner: str) -> None:
    if np.any(parameters[name] <= 0):
        raise ValueError(f"{owner}: parameter '{name}' must be > 0 (min {parameters[name].min()})")


def _require_non_negative(parameters: Mapping[str, np.ndarray], name: str, owner: str) -> None:
    if np.any(parameters[name] < 0):
        raise ValueError(f"{owner}: parameter '{name}' must be >= 0 (min {parameters[name].min()})")


class Weibull(LifetimeDistribution):
    """Weibull lifetime, ``S(a) = exp(-(a / scale) ** shape)``.

    Parameters
    ----------
    shape : array_like
        Weibull shape ``k`` [dimensionless], > 0.
    scale : array_like
        Weibull scale ``lambda`` [year], > 0; mean lifetime is ``scale * Gamma(1 + 1/shape)``.
    """

    parameter_names = ("shape", "scale")

    def __init__(self, shape: ArrayLike, scale: ArrayLike) -> None:
        super().__init__(shape=shape, scale=scale)

    def _validate(self, owner: str) -> None:
        _require_positive(self._parameters, "shape", owner)
        _require_positive(self._parameters, "scale", owner)

    @staticmethod
    def prepare(parameters: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        return {"shape": parameters["shape"], "log_scale": np.log(parameters["scale"])}

    @staticmethod
    def evaluate(age: np.ndarray, shape: np.ndarray, log_scale: np.ndarray) -> np.ndarray:
        # (a / scale) ** shape as exp(shape * (ln a - ln scale)): the logs are taken on the small
        # age and parameter arrays, and two exp calls on the full grid are ~3x faster than pow
        with np.errstate(divide="ignore"):
            log_age = np.log(np.maximum(age, 0.0))
        hazard = np.multiply(log_age - log_scale, shape)  # ln of the cumulative hazard
        np.exp(hazard, out=hazard)
        np.negative(hazard, out=hazard)
        return np.exp(hazard, out=hazard)

    def mean_lifetime(self) -> np.ndarray:
        return self._parameters["scale"] * gamma(1.0 + 1.0 / self._parameters["shape"])


class Normal(LifetimeDistribution):
    """Normally distributed lifetime, ``S(a) = 1 - Phi((a - mean) / std)``.

    The distribution is not truncated at zero: the share ``Phi(-mean / std)`` of negative
    lifetimes leaves the stock in the year of inflow (as in ODYM / flodym), so keep
    ``std`` well below ``mean`` or use :class:`LogNormal`.

    Parameters
    ----------
    mean : array_like
        Mean lifetime [year], >= 0.
    std : array_like
        Standard deviation of the lifetime [year], > 0.
    """

    parameter_names = ("mean", "std")

    def __init__(self, mean: ArrayLike, std: ArrayLike) -> None:
        super().__init__(mean=mean, std=std)

    def _validate(self, owner: str) -> None:
        _require_non_negative(self._parameters, "mean", owner)
        _require_positive(self._parameters, "std", owner)

    @staticmethod
    def evaluate(age: np.ndarray, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
        return ndtr((mean - age) / std)

    def mean_lifetime(self) -> np.ndarray:
        return self._parameters["mean"]


class LogNormal(LifetimeDistribution):
    """Log-normal lifetime given by the mean and standard deviation of the lifetime itself.

    ``sigma = sqrt(ln(1 + std**2 / mean**2))``, ``mu = ln(mean**2 / sqrt(mean**2 + std**2))``
    and ``S(a) = 1 - Phi((ln a - mu) / sigma)`` (``S(0) = 1``).

    Parameters
    ----------
    mean : array_like
        Mean lifetime [year], > 0.
    std : array_like
        Standard deviation of the lifetime [year], > 0.
    """

    parameter_names = ("mean", "std")

    def __init__(self, mean: ArrayLike, std: ArrayLike) -> None:
        super().__init__(mean=mean, std=std)

    def _validate(self, owner: str) -> None:
        _require_positive(self._parameters, "mean", owner)
        _require_positive(self._parameters, "std", owner)

    @staticmethod
    def prepare(parameters: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        mean_square = parameters["mean"] * parameters["mean"]
        std_square = parameters["std"] * parameters["std"]
        return {
            "log_median": np.log(mean_square / np.sqrt(mean_square + std_square)),
            "sigma": np.sqrt(np.log1p(std_square / mean_square)),
        }

    @staticmethod
    def evaluate(age: np.ndarray, log_median: np.ndarray, sigma: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore"):
            log_age = np.log(np.maximum(age, 0.0))
        return ndtr((log_median - log_age) / sigma)

    def mean_lifetime(self) -> np.ndarray:
        return self._parameters["mean"]


class Fixed(LifetimeDistribution):
    """Every unit leaves at exactly ``years`` of age: ``S(a) = 1 if a < years else 0``.

    Parameters
    ----------
    years : array_like
        Lifetime [year], >= 0.
    """

    parameter_names = ("years",)

    def __init__(self, years: ArrayLike) -> None:
        super().__init__(years=years)

    def _validate(self, owner: str) -> None:
        _require_non_negative(self._parameters, "years", owner)

    @staticmethod
    def evaluate(age: np.ndarray, years: np.ndarray) -> np.ndarray:
        return (age < years).astype(float)

    def mean_lifetime(self) -> np.ndarray:
        return self._parameters["years"]
