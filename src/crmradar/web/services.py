"""Data for pages and API alike, so both always show the same numbers (cached per package)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from crmradar import data as kb_data
from crmradar.reports.material_profile import material_profile
from crmradar.reports.risk_table import official_risk_table


def knowledge_base() -> kb_data.KnowledgeBase:
    return kb_data.load()


@lru_cache(maxsize=4)
def _risk_table(package_path: str) -> pd.DataFrame:
    """Official table plus the recomputed, regional and probabilistic columns of the risk overview."""
    from crmradar.reports.risk_overview import risk_overview

    kb = knowledge_base()
    table = official_risk_table(kb)
    overview = risk_overview(kb)
    extra = pd.DataFrame(
        {
            "supply_risk_recomputed": overview["supply_risk"],
            "economic_importance_recomputed": overview["eu_economic_importance"],
            "p_critical": overview["p_critical_eu"],
            "economic_importance_region": overview["economic_importance_region"],
            "p_critical_region": overview["p_critical_region"],
            "zh_critical": overview["critical_region"].astype(bool) & overview["economic_importance_region"].notna(),
            "geopolrisk_nld": overview["geopolrisk_nld"],
        }
    )
    return table.merge(extra, left_on="material_id", right_index=True, how="left")


def risk_table() -> pd.DataFrame:
    return _risk_table(str(knowledge_base().path))


def records(frame: pd.DataFrame) -> list[dict]:
    """JSON-safe records: NaN/NA → None, timestamps → ISO dates, numpy scalars → Python."""
    clean = frame.astype(object).where(frame.notna(), None)
    out = []
    for record in clean.to_dict(orient="records"):
        for key, value in record.items():
            if hasattr(value, "isoformat"):
                record[key] = value.isoformat()[:10]
            elif hasattr(value, "item"):
                record[key] = value.item()
        out.append(record)
    return out


@lru_cache(maxsize=256)
def _profile(package_path: str, material_id: str) -> list[dict]:
    blocks = material_profile(knowledge_base(), material_id)
    return [block.as_dict() | {"rows": records(block.frame)} for block in blocks]


def profile(material_id: str) -> list[dict]:
    return _profile(str(knowledge_base().path), material_id)


def data_date() -> str:
    """Most recent 'accessed' date among the sources: the date the data were last checked."""
    accessed = knowledge_base().sources["accessed"].dropna()
    return str(max(accessed))[:10] if len(accessed) else ""


_HASHES: dict[str, str] = {}


def cached_package_hash(package_path: str, compute) -> str:
    """The data package's content hash, computed once per process."""
    if package_path not in _HASHES:
        _HASHES[package_path] = compute(knowledge_base())
    return _HASHES[package_path]
