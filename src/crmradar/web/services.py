"""Data for pages and API alike, so both always show the same numbers (cached per package)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from crmradar import data as kb_data
from crmradar.reports.material_profile import material_profile
from crmradar.reports.risk_table import official_risk_table


def knowledge_base() -> kb_data.KnowledgeBase:
    return kb_data.load()


OVERVIEW_COLUMNS = {  # risk-table column ← risk-overview column (crmradar.reports.risk_overview)
    "supply_risk_recomputed": "supply_risk",
    "economic_importance_recomputed": "eu_economic_importance",
    "p_critical": "p_critical_eu",
    "economic_importance_region": "economic_importance_region",
    "p_critical_region": "p_critical_region",
    "geopolrisk_nld": "geopolrisk_nld",
}


def risk_table() -> pd.DataFrame:
    """Official table plus the recomputed, regional and probabilistic columns of the risk overview.

    The overview comes precomputed from the database (:mod:`crmradar.web.risk_cache`); while a task worker still
    computes it, those columns are empty (NaN, never invented) and the answer is not cached.
    """
    from crmradar.web.risk_cache import overview as stored_overview

    table = official_risk_table(knowledge_base())
    overview = stored_overview()
    if overview is None:
        extra = pd.DataFrame({column: pd.Series(dtype=float) for column in OVERVIEW_COLUMNS}
                             | {"zh_critical": pd.Series(dtype=object)})
    else:
        extra = pd.DataFrame({column: overview[source] for column, source in OVERVIEW_COLUMNS.items()})
        extra["zh_critical"] = (overview["critical_region"].astype(bool)
                                & overview["economic_importance_region"].notna())
    merged = table.merge(extra, left_on="material_id", right_index=True, how="left")
    return merged[[*table.columns, "supply_risk_recomputed", "economic_importance_recomputed", "p_critical",
                   "economic_importance_region", "p_critical_region", "zh_critical", "geopolrisk_nld"]]


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
def _profile(package_path: str, material_id: str, overview_key: str) -> list[dict]:
    from crmradar.web.risk_cache import overview

    blocks = material_profile(knowledge_base(), material_id, overview=overview())
    return [block.as_dict() | {"rows": records(block.frame)} for block in blocks]


def profile(material_id: str) -> list[dict]:
    """Profile blocks of one material; the risk block uses the stored risk overview (see :func:`risk_table`)."""
    from crmradar.web.risk_cache import overview

    if overview() is None:  # still being computed by a task worker: the risk block says so, nothing cached
        blocks = material_profile(knowledge_base(), material_id, overview=pd.DataFrame())
        return [block.as_dict() | {"rows": records(block.frame)} for block in blocks]
    return _profile(str(knowledge_base().path), material_id, "stored")


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
