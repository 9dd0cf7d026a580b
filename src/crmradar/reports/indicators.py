"""Key indicators of one data-package release, and what changed between two releases.

Each release (a data-package load) keeps these values so the web can list what changed and show trends:

- ``supply_risk`` and ``economic_importance``: the official EU assessment of the latest year in the package
  (``criticality_official``; dimensionless; EC 2023 study);
- ``top_country_share``: the share of the largest producing country per stage, world supply (``supply_shares``,
  fraction, detail = stage);
- ``crma_capacity_share``: EU capacity as a share of EU consumption per stage before any project
  (``scenarios.crma.crma_benchmark`` with an empty portfolio; fraction, detail = stage);
- ``active_export_measures``: export-control measures in force per material (``export_restrictions``; count);
- ``price``: the latest price per product and market basis (``material_prices``; USD/kg, detail = product and
  market);
- deployment per technology: the latest value per region and metric (``deployment_history``; the row's unit,
  detail = region).

:func:`indicator_diff` compares two such tables row by row: changed values with the change (new − old) and the
relative change ((new − old) / |old|), and indicators that appear or disappear.
"""

from __future__ import annotations

import pandas as pd

from crmradar.data.loader import KnowledgeBase

COLUMNS = ["subject_kind", "subject_id", "indicator", "detail", "value", "unit", "year", "source_id"]
KEY = ["subject_kind", "subject_id", "indicator", "detail"]
DIFF_COLUMNS = [*KEY, "change", "old", "new", "delta", "relative", "unit", "source_id"]


def _rows(frame: pd.DataFrame, kind: str, indicator: str, unit: str, detail: str | pd.Series = "",
          subject: str = "material_id", value: str = "value", year=None) -> pd.DataFrame:
    out = pd.DataFrame({
        "subject_kind": kind, "subject_id": frame[subject].astype(str), "indicator": indicator,
        "detail": detail if isinstance(detail, str) else detail.astype(str), "value": frame[value].astype(float),
        "unit": unit, "year": year if year is not None else frame.get("year"),
        "source_id": frame["source_id"].astype(str) if "source_id" in frame else ""})
    return out


def _risk(kb: KnowledgeBase) -> list[pd.DataFrame]:
    official = kb.criticality_official
    latest = official.loc[official["year"] == official["year"].max()]
    return [_rows(latest.dropna(subset=[column]), "material", column, "", value=column)
            for column in ("supply_risk", "economic_importance")]


def _top_shares(kb: KnowledgeBase) -> pd.DataFrame:
    shares = kb.supply_shares
    world = shares.loc[(shares["scope"] == "global_supply") & shares["country_iso3"].str.len().eq(3)
                       & ~shares["country_iso3"].isin(["ROW", "WLD"])].dropna(subset=["share"])
    top = world.sort_values("share", ascending=False).drop_duplicates(["material_id", "stage"])
    return _rows(top, "material", "top_country_share", "fraction", detail=top["stage"], value="share", year=pd.NA)


def _crma(kb: KnowledgeBase) -> pd.DataFrame:
    from crmradar.scenarios.crma import crma_benchmark
    from crmradar.scenarios.portfolio import Portfolio

    table = crma_benchmark(kb.crma_consumption_capacity, kb.crma_benchmarks, kb.supply_shares,
                           Portfolio(name="", file="").to_frame(), 2030).dropna(subset=["share_before"])
    table = table.assign(source_id="eu_crma_2024_1252")
    return _rows(table, "material", "crma_capacity_share", "fraction", detail=table["stage"],
                 value="share_before", year=pd.NA)


def _measures(kb: KnowledgeBase) -> pd.DataFrame:
    frame = kb.export_restrictions
    counts = (frame.loc[frame["status"] == "active"].groupby("material_id")["measure_id"].nunique()
              .reindex(sorted(set(frame["material_id"].dropna())), fill_value=0).rename("value").reset_index())
    counts["source_id"] = "export_restrictions"
    return _rows(counts, "material", "active_export_measures", "count", year=pd.NA)


def _prices(kb: KnowledgeBase) -> pd.DataFrame:
    prices = kb.material_prices.dropna(subset=["price_per_kg"]).copy()
    prices["detail"] = prices["product"].astype(str) + " · " + prices["market_basis"].astype(str)
    latest = prices.sort_values(["year", "period"]).drop_duplicates(["material_id", "detail"], keep="last")
    return _rows(latest, "material", "price", "USD/kg", detail=latest["detail"], value="price_per_kg")


def _deployment(kb: KnowledgeBase) -> pd.DataFrame:
    frame = kb.deployment_history.dropna(subset=["value"])
    frame = frame.loc[frame["technology_id"] != "population"]
    latest = frame.sort_values("year").drop_duplicates(["technology_id", "region", "metric"], keep="last")
    out = pd.DataFrame({"subject_kind": "technology", "subject_id": latest["technology_id"].astype(str),
                        "indicator": latest["metric"].astype(str), "detail": latest["region"].astype(str),
                        "value": latest["value"].astype(float), "unit": latest["unit"].astype(str),
                        "year": latest["year"], "source_id": latest["source_id"].astype(str)})
    return out


def key_indicators(kb: KnowledgeBase) -> pd.DataFrame:
    """All key indicators of ``kb``, one row per subject, indicator and detail (columns :data:`COLUMNS`)."""
    parts = [*_risk(kb), _top_shares(kb), _crma(kb), _measures(kb), _prices(kb), _deployment(kb)]
    frame = pd.concat(parts, ignore_index=True)[COLUMNS]
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    frame["detail"] = frame["detail"].fillna("").astype(str)
    return frame.drop_duplicates(KEY, keep="last").sort_values(KEY, ignore_index=True)


def _same(a, b, tolerance: float = 1e-9) -> bool:
    if pd.isna(a) and pd.isna(b):
        return True
    if pd.isna(a) or pd.isna(b):
        return False
    return abs(float(a) - float(b)) <= tolerance * max(1.0, abs(float(a)))


def indicator_diff(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Every indicator whose value differs between ``old`` and ``new`` (tables of :func:`key_indicators`), with
    ``change`` = ``changed`` | ``added`` | ``removed``, ``delta`` = new − old and ``relative`` = delta / |old|
    (empty when old is 0 or missing). Columns :data:`DIFF_COLUMNS`, ordered by subject and indicator."""
    merged = old[[*KEY, "value", "unit", "source_id"]].merge(
        new[[*KEY, "value", "unit", "source_id"]], on=KEY, how="outer", suffixes=("_old", "_new"), indicator="presence")
    rows = []
    for row in merged.itertuples(index=False):
        a, b = row.value_old, row.value_new
        if row.presence == "both":
            if _same(a, b):
                continue
            change = "changed"
        else:
            change = "added" if row.presence == "right_only" else "removed"
        delta = float(b) - float(a) if change == "changed" and not pd.isna(a) and not pd.isna(b) else None
        relative = delta / abs(float(a)) if delta is not None and float(a) != 0 else None
        unit = row.unit_new if isinstance(row.unit_new, str) else row.unit_old
        source = row.source_id_new if isinstance(row.source_id_new, str) else row.source_id_old
        rows.append({"subject_kind": row.subject_kind, "subject_id": row.subject_id, "indicator": row.indicator,
                     "detail": row.detail, "change": change, "old": None if pd.isna(a) else float(a),
                     "new": None if pd.isna(b) else float(b), "delta": delta, "relative": relative,
                     "unit": unit, "source_id": source})
    frame = pd.DataFrame(rows, columns=DIFF_COLUMNS).sort_values(KEY, ignore_index=True)
    for column in ("old", "new", "delta", "relative"):  # missing stays None (not NaN) for the pages and JSON
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def subjects(changes: pd.DataFrame) -> tuple[set[str], set[str]]:
    """(materials, technologies) named by a diff of :func:`indicator_diff`."""
    materials = set(changes.loc[changes["subject_kind"] == "material", "subject_id"])
    technologies = set(changes.loc[changes["subject_kind"] == "technology", "subject_id"])
    return materials, technologies


def subjects_in_keys(keys, materials: set[str], technologies: set[str]) -> tuple[set[str], set[str]]:
    """Material and technology ids among the parts of package-diff row keys (``a | b | c``, as
    ``crmradar.data.diff`` writes them)."""
    parts = {p.strip() for key in keys for p in str(key).split("|")}
    return parts & materials, parts & technologies
