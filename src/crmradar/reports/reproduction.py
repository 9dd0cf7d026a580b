"""How well the package reproduces the official EU 2023 criticality results (headline of docs/validation.md).

Counts materials whose recomputed SR is within ±0.1 and EI within ±0.3 of the published values, the
tolerances of the validation; the per-material table and the explanation of every miss are made by
``scripts/validate_criticality.py``.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from crmradar import data as kb_data
from crmradar.data import KnowledgeBase
from crmradar.region.criticality_assessment import GOVERNANCE_SOURCE, GOVERNANCE_YEAR, recompute_eu

SR_TOLERANCE = 0.1
EI_TOLERANCE = 0.3


def within_tolerance(result: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Per scored material (both values present in :func:`recompute_eu` output): is the recomputed SR within
    ±0.1 and the recomputed EI within ±0.3 of the published value? Two boolean Series."""
    sr = result.dropna(subset=["supply_risk", "official_supply_risk"])["delta_supply_risk"]
    ei = result.dropna(subset=["economic_importance", "official_economic_importance"])["delta_economic_importance"]
    return sr.abs() <= SR_TOLERANCE + 1e-9, ei.abs() <= EI_TOLERANCE + 1e-9


def reproduction_counts(kb: KnowledgeBase) -> dict[str, int | str]:
    """``sr_within``/``sr_scored``, ``ei_within``/``ei_scored`` and the WGI year and source used.

    Materials without complete inputs are not scored (they are listed in docs/validation.md).
    """
    return dict(_counts(str(kb.path)))


@lru_cache(maxsize=2)
def _counts(package: str) -> tuple[tuple[str, int | str], ...]:
    sr_ok, ei_ok = within_tolerance(recompute_eu(kb_data.load(package)))
    counts = {
        "sr_within": int(sr_ok.sum()),
        "sr_scored": len(sr_ok),
        "ei_within": int(ei_ok.sum()),
        "ei_scored": len(ei_ok),
        "governance_year": GOVERNANCE_YEAR,
        "governance_source": GOVERNANCE_SOURCE,
    }
    return tuple(counts.items())
