"""A region's value added per NACE division, apportioned from sections where only sections are published.

Regional accounts (CBS 85925, Eurostat ``nama_10r_3gva``) publish value added per NACE *section*
(B, C, D, E) for a NUTS-2 region, while the EI formula needs *divisions* (C20, C28, …). Where a region
has a section but none of its divisions, each division of that section gets the national share:

    VA_region,d = VA_region,S × VA_nation,d / VA_nation,S        (d a division of section S)

with all three figures from the same year. Divisions obtained this way are estimates
(``basis = "apportioned"``): inside a section they copy the national structure, so the region's own
specialisation within manufacturing (e.g. refining in Rijnmond) is only captured by divisions the region
publishes itself, which are always used as reported.

Rows: ``region_code, nace_code, year, value_added_meur`` (EUR million). The nation is the NUTS-0 code,
the first two characters of the NUTS-2 code (``NL33`` → ``NL``).
"""

from __future__ import annotations

import pandas as pd

from crmradar.region.economic_importance import RegionalDataError

DIVISION_PATTERN = r"[A-U]\d{2}"
SECTION_PATTERN = r"[A-U]"


def national_code_of(region_code: str) -> str:
    """NUTS-0 code of a NUTS region (``NL33`` → ``NL``)."""
    return region_code[:2]


def division_value_added(
    table: pd.DataFrame, region_code: str, year: int | None = None, national_code: str | None = None
) -> pd.DataFrame:
    """Value added per NACE division of one region and year, reported or apportioned from sections.

    Parameters
    ----------
    table : rows ``region_code, nace_code, year, value_added_meur`` (EUR million) for the region and,
        for apportioning, its nation.
    region_code : NUTS code of the region, e.g. ``NL33``.
    year : year to use; default the latest year in which the region has divisions or sections.
    national_code : code of the national rows; default the NUTS-0 prefix of ``region_code``.

    Returns
    -------
    DataFrame indexed by ``nace_code`` with ``value_added_meur``, ``basis`` (``reported`` or
    ``apportioned``) and ``note`` (formula and inputs of an apportioned value). ``attrs["year"]`` holds
    the year used.

    Raises
    ------
    RegionalDataError naming what is missing (region, year, section, national rows).
    """
    national_code = national_code_of(region_code) if national_code is None else national_code
    table = table.reset_index(drop=True)
    duplicated = table.duplicated(["region_code", "nace_code", "year"])
    if duplicated.any():
        first = table.loc[duplicated].iloc[0]
        raise RegionalDataError(
            f"value added listed twice: region_code {first['region_code']!r}, nace_code {first['nace_code']!r}, "
            f"year {first['year']}"
        )
    rows = table.loc[table["region_code"] == region_code]
    if rows.empty:
        known = sorted(table["region_code"].astype(str).unique())
        raise RegionalDataError(f"no value-added rows for region {region_code!r}; available: {known}")
    usable = rows.loc[rows["nace_code"].astype(str).str.fullmatch(f"{DIVISION_PATTERN}|{SECTION_PATTERN}")]
    if usable.empty:
        raise RegionalDataError(
            f"region {region_code!r} has no value added per NACE division (e.g. C20) or section (e.g. C); "
            f"rows found only for {sorted(set(rows['nace_code'].astype(str)))}"
        )
    chosen = int(usable["year"].max()) if year is None else int(year)
    usable = usable.loc[usable["year"].astype(int) == chosen]
    if usable.empty:
        raise RegionalDataError(f"region {region_code!r} has no value added per division or section for {chosen}")
    values = usable.set_index(usable["nace_code"].astype(str))["value_added_meur"].astype(float)
    divisions = values.loc[values.index.str.fullmatch(DIVISION_PATTERN)]
    result = pd.DataFrame({"value_added_meur": divisions, "basis": "reported", "note": ""})
    sections = values.loc[values.index.str.fullmatch(SECTION_PATTERN)]
    for section, region_total in sections.items():
        if divisions.index.str.startswith(section).any():
            continue  # the region publishes divisions of this section itself: never mix in estimates
        result = pd.concat(
            [result, _apportion(table, section, region_total, region_code, national_code, chosen)]
        )
    if result.empty:
        raise RegionalDataError(f"region {region_code!r} has no value added per NACE division for {chosen}")
    result.index.name = "nace_code"
    result.attrs["year"] = chosen
    return result


def _apportion(
    table: pd.DataFrame, section: str, region_total: float, region_code: str, national_code: str, year: int
) -> pd.DataFrame:
    nation = table.loc[(table["region_code"] == national_code) & (table["year"].astype(int) == year)]
    values = nation.set_index(nation["nace_code"].astype(str))["value_added_meur"].astype(float)
    if section not in values.index:
        raise RegionalDataError(
            f"region {region_code!r} {year}: section {section} can only be split into divisions with the "
            f"national total of section {section} for {year} (region_code {national_code!r}, nace_code {section!r})"
        )
    national_total = float(values[section])
    if national_total <= 0:
        raise RegionalDataError(f"{national_code} {year}: section {section} value added must be positive")
    parts = values.loc[values.index.str.fullmatch(DIVISION_PATTERN) & values.index.str.startswith(section)]
    if parts.empty:
        raise RegionalDataError(
            f"region {region_code!r} {year}: section {section} needs national values per division "
            f"(e.g. {section}20) for {year} under region_code {national_code!r}"
        )
    if parts.sum() > national_total * 1.001:
        raise RegionalDataError(
            f"{national_code} {year}: divisions of section {section} add up to {parts.sum():,.0f}, more than "
            f"the section total {national_total:,.0f}"
        )
    share = parts / national_total
    notes = [
        f"estimate: {region_code} {section} {region_total:,.0f} × {national_code} {code} {value:,.0f} / "
        f"{national_code} {section} {national_total:,.0f} ({year})"
        for code, value in parts.items()
    ]
    return pd.DataFrame(
        {"value_added_meur": region_total * share, "basis": "apportioned", "note": notes}, index=parts.index
    )


def value_added_template(
    region_code: str, divisions: list[str], national_code: str | None = None
) -> pd.DataFrame:
    """Rows an analyst fills in to give a region its EI: the region's sections and the nation's sections
    and divisions (value_added_meur and year left empty). Feed the filled file to ``crmradar risk
    --value-added``."""
    national_code = national_code_of(region_code) if national_code is None else national_code
    sections = sorted({code[0] for code in divisions})
    rows = [(region_code, section, "regional accounts, section total") for section in sections]
    rows += [(national_code, section, "national accounts, section total") for section in sections]
    rows += [(national_code, code, "national accounts, division") for code in sorted(divisions)]
    frame = pd.DataFrame(rows, columns=["region_code", "nace_code", "what"])
    frame.insert(2, "year", "")
    frame.insert(3, "value_added_meur", "")
    return frame
