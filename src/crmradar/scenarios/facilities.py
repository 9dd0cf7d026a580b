"""Recycling and processing capacity from the ``recycling_facilities`` register, by catchment and stream.

The regional end-of-life model produces feedstock per stream (``li_ion_batteries``, ``pv_modules``,
``permanent_magnets``, ``weee``, …); this module gives the matching installed capacity within a catchment,
so the two can be compared per stream and year. Catchments nest::

    zh          Zuid-Holland only
    nl          zh + rest of the Netherlands
    nl-be-nrw   nl + Belgium + North Rhine-Westphalia
    de          nl-be-nrw + rest of Germany
    all         every row, including context plants elsewhere
"""

from __future__ import annotations

import pandas as pd

CATCHMENTS: dict[str, frozenset[str]] = {
    "zh": frozenset({"zh"}),
    "nl": frozenset({"zh", "nl"}),
    "nl-be-nrw": frozenset({"zh", "nl", "be", "nrw"}),
    "de": frozenset({"zh", "nl", "be", "nrw", "de-other"}),
    "all": frozenset({"zh", "nl", "be", "nrw", "de-other", "other"}),
}
#: Statuses whose capacity exists today; pass more (e.g. under_construction) to look ahead.
OPERATING = ("existing",)


def facilities_in_catchment(facilities: pd.DataFrame, catchment: str) -> pd.DataFrame:
    """Rows of ``facilities`` whose ``catchment`` tag lies in the named catchment (see module docstring)."""
    if catchment not in CATCHMENTS:
        raise ValueError(f"unknown catchment {catchment!r} (allowed: {', '.join(CATCHMENTS)})")
    return facilities.loc[facilities["catchment"].isin(CATCHMENTS[catchment])].reset_index(drop=True)


def capacity_by_stream(
    facilities: pd.DataFrame,
    catchment: str = "nl-be-nrw",
    statuses: tuple[str, ...] = OPERATING,
    measure: str = "input",
) -> pd.DataFrame:
    """Installed capacity (t/yr) per ``input_stream`` in a catchment.

    Only rows with the given ``statuses`` and ``capacity_measure`` count. Returns ``input_stream,
    capacity_t_per_year, capacity_high_t_per_year, n_facilities, n_without_capacity``: the sum of the
    published capacities, the sum using each row's ``high`` where given (announced expansions), the
    number of rows and the number of rows whose capacity is not published (not counted in the sums).
    """
    rows = facilities_in_catchment(facilities, catchment)
    rows = rows.loc[rows["status"].isin(statuses) & (rows["capacity_measure"] == measure)]
    high = rows["high"].fillna(rows["capacity_t_per_year"])
    grouped = rows.assign(capacity_high=high, unknown=rows["capacity_t_per_year"].isna()).groupby(
        "input_stream", as_index=False, sort=True)
    out = grouped.agg(
        capacity_t_per_year=("capacity_t_per_year", "sum"),
        capacity_high_t_per_year=("capacity_high", "sum"),
        n_facilities=("facility_id", "size"),
        n_without_capacity=("unknown", "sum"),
    )
    return out.astype({"n_facilities": int, "n_without_capacity": int})
