"""Economic importance (EI) of raw materials for a NUTS-2 region, e.g. Zuid-Holland (NL36).

The EU formula (EC 2017 guidelines, doi:10.2873/769526; Blengini et al. 2017, EUR 28654) with the
region's own value added per NACE Rev. 2 division::

    EI_region = sum_s A_s · Q_s,region / Q_max,region · 10 · SI_EI

``A_s`` (end-use shares per sector) and ``SI_EI`` stay the EU values: they describe how the
material is used, which does not change at the regional border. ``Q_max,region`` is the value added
of the region's largest manufacturing division (C10–C33), mirroring the EU choice of the largest
manufacturing division (C28 in the 2023 study), so the 2.8 threshold keeps its meaning "relevant
to a large part of this economy's industry". The supply risk stays the EU supply-side value.

A region is just rows of data: ``region_code, nace_code, year, value_added_meur`` (the package
table ``regional_value_added`` or a user CSV read with :func:`read_value_added_csv`; divisions are
taken, or apportioned from sections, by :func:`crmradar.region.value_added.division_value_added`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from crmradar.methods.criticality import EI_THRESHOLD, economic_importance_contributions

REQUIRED_COLUMNS = ("region_code", "nace_code", "year", "value_added_meur")
MANUFACTURING = tuple(f"C{division}" for division in range(10, 34))


class RegionalDataError(ValueError):
    """Bad or missing regional value-added data; the message names the file, row and column."""


def read_value_added_csv(path: str | Path) -> pd.DataFrame:
    """Read a user's regional value-added CSV and check it (nothing is stored or changed).

    Required columns: ``region_code`` (NUTS code), ``nace_code`` (division ``C20``, section ``C`` or
    group ``B-E``; sections are split into divisions by :mod:`crmradar.region.value_added`), ``year`` (integer),
    ``value_added_meur`` (EUR million, ≥ 0). Other columns are kept. Errors name file, row (line in
    the file, header = 1) and column.
    """
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError as error:
        raise RegionalDataError(f"{path}: file not found") from error
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise RegionalDataError(f"{path}: not a readable UTF-8 CSV ({error})") from error
    missing = [column for column in REQUIRED_COLUMNS if column not in frame.columns]
    if missing:
        raise RegionalDataError(f"{path}, row 1: missing column(s) {missing}; header is {list(frame.columns)}")
    problems: list[str] = []
    nace_ok = frame["nace_code"].str.fullmatch(r"[A-U]\d{2}|[A-U]|[A-U]-[A-U]")
    year = pd.to_numeric(frame["year"], errors="coerce")
    value = pd.to_numeric(frame["value_added_meur"], errors="coerce")
    for row in frame.index:
        line = int(row) + 2
        if not frame.at[row, "region_code"].strip():
            problems.append(f"{path}, row {line}, column 'region_code': empty")
        if not nace_ok[row]:
            problems.append(f"{path}, row {line}, column 'nace_code': {frame.at[row, 'nace_code']!r} is not "
                            "a NACE division, section or group like 'C20', 'C' or 'B-E'")
        if pd.isna(year[row]) or year[row] != int(year[row]):
            problems.append(f"{path}, row {line}, column 'year': {frame.at[row, 'year']!r} is not a year")
        if pd.isna(value[row]) or value[row] < 0:
            problems.append(
                f"{path}, row {line}, column 'value_added_meur': {frame.at[row, 'value_added_meur']!r} "
                "is not a non-negative number (EUR million)"
            )
    duplicated = frame.duplicated(["region_code", "nace_code", "year"], keep="first")
    for row in frame.index[duplicated]:
        problems.append(f"{path}, row {int(row) + 2}: duplicate region_code/nace_code/year")
    if problems:
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise RegionalDataError("\n".join(problems[:20]) + more)
    return frame.assign(year=year.astype(int), value_added_meur=value.astype(float))


def largest_manufacturing_value_added(value_added: pd.Series) -> float:
    """``Q_max``: value added of the largest manufacturing division (C10–C33) in EUR million."""
    manufacturing = value_added.reindex([code for code in value_added.index if code in MANUFACTURING])
    if manufacturing.dropna().empty:
        raise RegionalDataError("no manufacturing division (C10–C33) in the value-added data: Q_max undefined")
    return float(manufacturing.max())


def regional_economic_importance(
    end_uses: pd.DataFrame,
    value_added: pd.Series,
    si_ei: pd.Series,
    q_max: float | None = None,
    top_sectors: int = 3,
) -> pd.DataFrame:
    """EI per material for a region, with the sectors that drive it.

    Parameters
    ----------
    end_uses : material_id, nace_code, share (fraction of the material's EU end use).
    value_added : the region's value added per NACE division, EUR million.
    si_ei : EU substitution index for EI per material (dimensionless).
    q_max : scaling constant in EUR million; default the region's largest manufacturing division.
    top_sectors : how many contributing sectors to name per material.

    Returns
    -------
    Indexed by material_id: ``economic_importance`` (NaN where a needed sector has no regional
    value added), ``ei_above_threshold``, ``missing_sectors`` (comma-separated NACE codes without
    data), ``driving_sectors`` (e.g. ``"C20 62%, C19 30%"``: share of the material's regional EI).
    """
    q_max = largest_manufacturing_value_added(value_added) if q_max is None else float(q_max)
    if np.isnan(q_max):
        # No regional data at all: contributions are NaN, and the formula's Q_max check must not fire.
        contributions = economic_importance_contributions(end_uses, value_added, si_ei, 1.0)
        contributions["contribution"] = np.nan
    else:
        contributions = economic_importance_contributions(end_uses, value_added, si_ei, q_max)
    grouped = contributions.groupby("material_id")
    ei = grouped["contribution"].sum(min_count=1)
    missing = contributions.loc[contributions["value_added_meur"].isna()].groupby("material_id")["nace_code"]
    missing_text = missing.agg(lambda codes: ",".join(sorted(codes)))
    ei[ei.index.isin(missing_text.index)] = np.nan
    frame = pd.DataFrame({"economic_importance": ei})
    frame["ei_above_threshold"] = frame["economic_importance"] >= EI_THRESHOLD
    frame["missing_sectors"] = missing_text.reindex(frame.index).fillna("")
    frame["driving_sectors"] = _driving_sectors(contributions, top_sectors).reindex(frame.index).fillna("")
    frame.attrs["q_max_meur"] = q_max
    return frame


def _driving_sectors(contributions: pd.DataFrame, top: int) -> pd.Series:
    known = contributions.dropna(subset=["contribution"])
    known = known.loc[known["contribution"] > 0]
    if known.empty:
        return pd.Series(dtype=object)
    total = known.groupby("material_id")["contribution"].transform("sum")
    known = known.assign(fraction=known["contribution"] / total)
    ranked = known.sort_values(["material_id", "fraction"], ascending=[True, False])
    top_rows = ranked.groupby("material_id").head(top)
    labels = top_rows["nace_code"] + " " + top_rows["fraction"].map(lambda fraction: f"{fraction:.0%}")
    return labels.groupby(top_rows["material_id"]).agg(", ".join)
