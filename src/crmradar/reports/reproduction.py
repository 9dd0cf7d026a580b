"""How well the package reproduces the official EU 2023 criticality results (headline of docs/validation.md).

Counts materials whose recomputed SR is within ±0.1 and EI within ±0.3 of the published values, the
tolerances of the validation; the per-material table and the explanation of every miss are made by
``scripts/validate_criticality.py``.
"""

from __future__ import annotations

from functools import lru_cache

from crmradar import data as kb_data
from crmradar.data import KnowledgeBase
from crmradar.region.criticality_assessment import GOVERNANCE_SOURCE, GOVERNANCE_YEAR, recompute_eu

SR_TOLERANCE = 0.1
EI_TOLERANCE = 0.3


def reproduction_counts(kb: KnowledgeBase) -> dict[str, int | str]:
    """``sr_within``/``sr_scored``, ``ei_within``/``ei_scored`` and the WGI year and source used.

    Materials without complete inputs are not scored (they are listed in docs/validation.md).
    """
    return dict(_counts(str(kb.path)))


@lru_cache(maxsize=2)
def _counts(package: str) -> tuple[tuple[str, int | str], ...]:
    result = recompute_eu(kb_data.load(package))
    sr = result.dropna(subset=["supply_risk", "official_supply_risk"])
    ei = result.dropna(subset=["economic_importance", "official_economic_importance"])
    counts = {
        "sr_within": int((sr["delta_supply_risk"].abs() <= SR_TOLERANCE + 1e-9).sum()),
        "sr_scored": len(sr),
        "ei_within": int((ei["delta_economic_importance"].abs() <= EI_TOLERANCE + 1e-9).sum()),
        "ei_scored": len(ei),
        "governance_year": GOVERNANCE_YEAR,
        "governance_source": GOVERNANCE_SOURCE,
    }
    return tuple(counts.items())
