"""Supply-concentration indicators per material and supply-chain stage.

All functions take a long DataFrame with columns ``material_id, stage, country_iso3, share`` where
``share`` is the fraction (0–1) of world (or EU sourcing) supply at that stage, and return one row per
``material_id, stage``. Rows with aggregate codes (``WLD`` world total, ``ROW`` rest of world) are
left out of the concentration measures: an aggregate is not a single supplier.

Indicators
----------
* ``hhi`` — Herfindahl–Hirschman index of the shares, ``Σ_c s_c²`` (0–1). Shares are used as given,
  so an incomplete list (shares summing to less than 1) gives a lower bound.
* ``top3_share`` — sum of the three largest country shares.
* ``largest_third_country`` / ``largest_third_country_share`` — the largest single supplier outside
  the EU27 and its share.
* ``crma_cap_exceeded`` — ``largest_third_country_share > 0.65``. Regulation (EU) 2024/1252 (Critical
  Raw Materials Act), Art. 5(1)(b): by 2030 the Union's annual consumption of each strategic raw
  material at any relevant stage of processing should rely on several third countries, none
  providing more than 65 %.
* ``nzia_resilience_trigger`` — ``largest_third_country_share > 0.50``. Regulation (EU) 2024/1735
  (Net-Zero Industry Act): the resilience criterion in public procurement (Art. 25) and renewable
  energy auctions (Art. 26; specified by Implementing Regulation (EU) 2025/1176) applies where a
  single third country supplies more than 50 % of a net-zero technology or its main specific
  components (the list of which is set by implementing act under Art. 29(2)). Applied here to
  material shares as a screening signal, not as the legal test, which concerns technologies.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

#: CRMA Art. 5(1)(b) benchmark: at most 65 % of consumption from a single third country.
CRMA_SINGLE_COUNTRY_CAP = 0.65

#: NZIA resilience criterion threshold: more than 50 % from a single third country.
NZIA_SINGLE_COUNTRY_THRESHOLD = 0.50

#: Codes that are aggregates, not countries.
AGGREGATE_CODES = frozenset({"WLD", "ROW", "EU27"})

#: EU member states since 1 February 2020 (ISO 3166-1 alpha-3).
EU27 = frozenset(
    {
        "AUT",
        "BEL",
        "BGR",
        "HRV",
        "CYP",
        "CZE",
        "DNK",
        "EST",
        "FIN",
        "FRA",
        "DEU",
        "GRC",
        "HUN",
        "IRL",
        "ITA",
        "LVA",
        "LTU",
        "LUX",
        "MLT",
        "NLD",
        "POL",
        "PRT",
        "ROU",
        "SVK",
        "SVN",
        "ESP",
        "SWE",
    }
)

SHARE_COLUMNS = ("material_id", "stage", "country_iso3", "share")
_KEY = ["material_id", "stage"]


def _country_shares(shares: pd.DataFrame) -> pd.DataFrame:
    missing = [column for column in SHARE_COLUMNS if column not in shares.columns]
    if missing:
        raise ValueError(f"shares: missing column(s) {', '.join(missing)}")
    frame = shares.loc[~shares["country_iso3"].isin(AGGREGATE_CODES), list(SHARE_COLUMNS)].copy()
    frame["share"] = frame["share"].astype(float)
    bad = frame["share"].lt(0) | frame["share"].gt(1) | frame["share"].isna()
    if bad.any():
        row = frame.index[bad.to_numpy()][0]
        raise ValueError(f"shares: row {row}, column share: {shares.loc[row, 'share']!r} is not a fraction in 0..1")
    return frame


def herfindahl_from_shares(shares: pd.DataFrame) -> pd.DataFrame:
    """HHI ``Σ_c s_c²`` per material and stage (dimensionless, 0–1); columns ``material_id, stage,
    hhi``."""
    frame = _country_shares(shares)
    return frame.assign(hhi=frame["share"] ** 2).groupby(_KEY, as_index=False, sort=True)["hhi"].sum()


def top_n_share(shares: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """Sum of the ``n`` largest country shares per material and stage; column ``top{n}_share``."""
    frame = _country_shares(shares).sort_values([*_KEY, "share"], ascending=[True, True, False])
    top = frame.groupby(_KEY, sort=True).head(n)
    return top.groupby(_KEY, as_index=False, sort=True)["share"].sum().rename(columns={"share": f"top{n}_share"})


def largest_third_country(shares: pd.DataFrame, eu_members: Iterable[str] = EU27) -> pd.DataFrame:
    """Largest single supplier outside ``eu_members`` per material and stage.

    Returns columns ``material_id, stage, largest_third_country, largest_third_country_share``; a
    material-stage supplied only by EU members gets no country and share 0.
    """
    frame = _country_shares(shares)
    keys = frame[_KEY].drop_duplicates()
    third = frame[~frame["country_iso3"].isin(frozenset(eu_members))]
    # Ties are broken by country code so the result does not depend on row order.
    best = (
        third.sort_values([*_KEY, "share", "country_iso3"], ascending=[True, True, False, True])
        .drop_duplicates(_KEY)
        .rename(columns={"country_iso3": "largest_third_country", "share": "largest_third_country_share"})
    )
    out = keys.merge(best, on=_KEY, how="left")
    out["largest_third_country_share"] = out["largest_third_country_share"].fillna(0.0)
    return out.sort_values(_KEY, ignore_index=True)


def concentration_indicators(
    shares: pd.DataFrame,
    eu_members: Iterable[str] = EU27,
    crma_cap: float = CRMA_SINGLE_COUNTRY_CAP,
    nzia_threshold: float = NZIA_SINGLE_COUNTRY_THRESHOLD,
) -> pd.DataFrame:
    """All concentration indicators per material and stage (see module docstring).

    Returns columns ``material_id, stage, hhi, top3_share, largest_third_country,
    largest_third_country_share, crma_cap_exceeded, nzia_resilience_trigger, share_total``
    (``share_total`` is the sum of the listed country shares, to spot incomplete lists).
    """
    frame = _country_shares(shares)
    totals = frame.groupby(_KEY, as_index=False, sort=True)["share"].sum().rename(columns={"share": "share_total"})
    out = (
        herfindahl_from_shares(frame)
        .merge(top_n_share(frame, 3), on=_KEY)
        .merge(largest_third_country(frame, eu_members), on=_KEY)
        .merge(totals, on=_KEY)
    )
    largest = out["largest_third_country_share"].to_numpy()
    out["crma_cap_exceeded"] = np.greater(largest, crma_cap)
    out["nzia_resilience_trigger"] = np.greater(largest, nzia_threshold)
    columns = [
        *_KEY,
        "hhi",
        "top3_share",
        "largest_third_country",
        "largest_third_country_share",
        "crma_cap_exceeded",
        "nzia_resilience_trigger",
        "share_total",
    ]
    return out[columns].sort_values(_KEY, ignore_index=True)
