"""A region's value added per NACE division, apportioned from sections where only sections are published.

Regional accounts (CBS 85925, Eurostat ``nama_10r_3gva``) publish value added per NACE *section*
(B, C, D, E) for a NUTS-2 region, while the EI formula needs *divisions* (C20, C28, …). Where a region
has a section but none of its divisions, each division of that section gets the national share:

    VA_region,d = VA_region,S × VA_nation,d / VA_nation,S        (d a division of section S)

with all three figures from the same year. Divisions obtained this way are estimates
(``basis = "apportioned"``): inside a section they copy the national structure, so the region's own
specialisation within manufacturing (e.g. refining in Rijnmond) is only captured by divisions the region
publishes itself, which are always used as reported.

Eurostat ``nama_10r_3gva`` gives a region only ``B-E`` and ``C``. Where a region has the group B-E and
section C but none of B, D, E, those sections are first estimated with national section shares::

    VA_region,S = (VA_region,B-E − VA_region,C) × VA_nation,S / (VA_nation,B + VA_nation,D + VA_nation,E)

for S in B, D, E (same year). A section derived this way is split into divisions only where the nation has
divisions of it (B → B06, B09); D and E are not used by the EI formula.

Without ``year`` the latest year in which every given section can be split is used (e.g. 2019 for NL36,
the year with national divisions), so a newer regional total never silently drops divisions.

Rows: ``region_code, nace_code, year, value_added_meur`` (EUR million). The nation is the NUTS-0 code,
the first two characters of the NUTS-2 code (``NL36`` → ``NL``).
"""

from __future__ import annotations

import pandas as pd

from crmradar.region.economic_importance import RegionalDataError

DIVISION_PATTERN = r"[A-U]\d{2}"
SECTION_PATTERN = r"[A-U]"
GROUP_SECTIONS = {"B-E": ("B", "C", "D", "E")}


def national_code_of(region_code: str) -> str:
    """NUTS-0 code of a NUTS region (``NL36`` → ``NL``)."""
    return region_code[:2]


def division_value_added(
    table: pd.DataFrame, region_code: str, year: int | None = None, national_code: str | None = None
) -> pd.DataFrame:
    """Value added per NACE division of one region and year, reported or apportioned from sections.

    Parameters
    ----------
    table : rows ``region_code, nace_code, year, value_added_meur`` (EUR million) for the region and,
        for apportioning, its nation.
    region_code : NUTS code of the region, e.g. ``NL36``.
    year : year to use; default the latest year in which every section of the region can be split.
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
    pattern = f"{DIVISION_PATTERN}|{SECTION_PATTERN}|" + "|".join(GROUP_SECTIONS)
    usable = rows.loc[rows["nace_code"].astype(str).str.fullmatch(pattern)]
    if usable.loc[usable["nace_code"].astype(str).str.fullmatch(f"{DIVISION_PATTERN}|{SECTION_PATTERN}")].empty:
        raise RegionalDataError(
            f"region {region_code!r} has no value added per NACE division (e.g. C20) or section (e.g. C); "
            f"rows found only for {sorted(set(rows['nace_code'].astype(str)))}"
        )
    if year is not None:
        return _divisions_of_year(table, usable, region_code, national_code, int(year))
    errors: list[RegionalDataError] = []
    for candidate in sorted(set(usable["year"].astype(int)), reverse=True):
        try:
            return _divisions_of_year(table, usable, region_code, national_code, candidate)
        except RegionalDataError as error:
            errors.append(error)
    raise errors[0]


def _divisions_of_year(
    table: pd.DataFrame, usable: pd.DataFrame, region_code: str, national_code: str, chosen: int
) -> pd.DataFrame:
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
    for section, (region_total, how) in _sections_from_group(table, values, region_code, national_code,
                                                            chosen).items():
        if divisions.index.str.startswith(section).any() or not _has_national_divisions(
            table, section, national_code, chosen
        ):
            continue
        split = _apportion(table, section, region_total, region_code, national_code, chosen)
        split["note"] = how + "; " + split["note"]
        result = pd.concat([result, split])
    if result.empty:
        raise RegionalDataError(f"region {region_code!r} has no value added per NACE division for {chosen}")
    result.index.name = "nace_code"
    result.attrs["year"] = chosen
    return result


def _sections_from_group(
    table: pd.DataFrame, values: pd.Series, region_code: str, national_code: str, year: int
) -> dict[str, tuple[float, str]]:
    """Sections B, D, E of a region that gives only B-E and C, from national section shares (EUR million)."""
    found: dict[str, tuple[float, str]] = {}
    for group, members in GROUP_SECTIONS.items():
        known = [member for member in members if member in values.index]
        if group not in values.index or known != ["C"]:
            continue
        rest = [member for member in members if member != "C"]
        nation = _national_values(table, national_code, year)
        missing = [member for member in rest if member not in nation.index]
        if missing:
            continue  # cannot split: the divisions of B stay missing and the EI names them
        residual = float(values[group]) - float(values["C"])
        if residual < 0:
            raise RegionalDataError(f"region {region_code!r} {year}: C ({values['C']:,.0f}) exceeds {group} "
                                    f"({values[group]:,.0f})")
        national_rest = float(nation[rest].sum())
        for member in rest:
            share = float(nation[member]) / national_rest if national_rest > 0 else 0.0
            found[member] = (
                residual * share,
                f"estimate: {region_code} {member} = ({region_code} {group} {values[group]:,.0f} − {region_code} C "
                f"{values['C']:,.0f}) × {national_code} {member} {nation[member]:,.0f} / {national_code} "
                f"{'+'.join(rest)} {national_rest:,.0f} = {residual * share:,.1f} ({year})",
            )
    return found


def _national_values(table: pd.DataFrame, national_code: str, year: int) -> pd.Series:
    nation = table.loc[(table["region_code"] == national_code) & (table["year"].astype(int) == year)]
    return nation.set_index(nation["nace_code"].astype(str))["value_added_meur"].astype(float)


def _has_national_divisions(table: pd.DataFrame, section: str, national_code: str, year: int) -> bool:
    values = _national_values(table, national_code, year)
    return bool((values.index.str.fullmatch(DIVISION_PATTERN) & values.index.str.startswith(section)).any())


def _apportion(
    table: pd.DataFrame, section: str, region_total: float, region_code: str, national_code: str, year: int
) -> pd.DataFrame:
    values = _national_values(table, national_code, year)
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


def estimate_sentence_nl(
    region_code: str, year: int | None, apportioned: list[str], assumed_national: list[str]
) -> str:
    """One Dutch sentence saying what the regional EI estimates (empty when nothing is estimated).

    ``apportioned``: the region's divisions split from section totals; ``assumed_national``: the nation's
    rows of that year that are themselves assumptions (``quality = assumption``).
    """
    if not apportioned:
        return ""
    divisions = len(apportioned)
    text = (
        f"Geschat: de EI van {region_code} gebruikt de toegevoegde waarde van {year} per sectie; "
        f"{divisions} bedrijfstakken zijn daaruit verdeeld met landelijke aandelen (B, D en E eerst uit B-E min C)"
    )
    assumed = [code for code in assumed_national if code in apportioned]
    if assumed:
        text += (
            f", en {len(assumed)} van die landelijke waarden zijn zelf een aanname (industrie naar de EU-27-"
            "structuur, mijnbouw naar CBS-aandelen), zodat de industrie-EI vrijwel de EU-verhouding volgt"
        )
    return text + "."
