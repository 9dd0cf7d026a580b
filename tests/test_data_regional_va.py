"""regional_value_added: published CBS figures add up, derived rows follow from their parts, provenance holds.

Hand checks (EUR million, CBS StatLine):
- 84419ENG, Netherlands 2021*: B 6,018 + C 96,563 + D 9,861 + E 4,993 = 117,435 = B-E (published).
- 84088NED, Netherlands 2022*: 09 = B − 06 − 08 = 15,630 − 14,429 − 678 = 523.
- Zuid-Holland share of Dutch value added 2021* = 161,187 / 774,497 = 0.2081 (same vintage).
"""

from __future__ import annotations

import pandas as pd
import pytest

from crmradar.region import economic_importance as rei
from crmradar.region.value_added import division_value_added


@pytest.fixture(scope="module")
def table(kb) -> pd.DataFrame:
    return kb["regional_value_added"]


def _value(table: pd.DataFrame, region: str, nace: str, year: int) -> float:
    rows = table.loc[(table["region_code"] == region) & (table["nace_code"] == nace) & (table["year"] == year)]
    assert len(rows) == 1, f"expected one row for {region} {nace} {year}, got {len(rows)}"
    return float(rows["value_added_meur"].iloc[0])


def test_published_sections_add_up_to_their_group(table):
    parts = sum(_value(table, "NL", code, 2021) for code in ("B", "C", "D", "E"))
    assert parts == _value(table, "NL", "B-E", 2021) == 117435


def test_mining_support_is_the_residual_of_section_b(table):
    residual = _value(table, "NL", "B", 2022) - _value(table, "NL", "B06", 2022) - _value(table, "NL", "B08", 2022)
    assert _value(table, "NL", "B09", 2022) == residual == 523
    assert table.loc[table["nace_code"] == "B09", "quality"].eq("derived").all()


def test_zuid_holland_share_of_national_value_added(table):
    share = _value(table, "NL33", "A-U", 2021) / _value(table, "NL", "A-U", 2021)
    assert share == pytest.approx(161187 / 774497)
    # Groot-Rijnmond manufacturing (2015) is part of Zuid-Holland: it cannot exceed the province's whole economy.
    assert _value(table, "NL33C", "C", 2015) < _value(table, "NL33", "A-U", 2021)


def test_provenance_and_assumption_ranges(table, kb):
    assert set(table["source_id"]) <= set(kb["sources"]["id"])
    assert set(table["quality"]) <= {"reported", "derived", "assumption"}
    assumptions = table.loc[table["quality"] == "assumption"]
    assert assumptions[["low", "high"]].notna().all().all()
    derived = table.loc[table["quality"] == "derived"]
    assert derived["note"].str.contains("=").all(), "derived rows must state their formula"


def test_divisions_of_a_region_come_with_their_section(table):
    # A division apportioned to a region needs the region's own section total in the same year.
    divisions = table.loc[table["nace_code"].str.fullmatch(r"[A-U]\d{2}")]
    for (region, year), group in divisions.groupby(["region_code", "year"]):
        sections = set(table.loc[(table["region_code"] == region) & (table["year"] == year), "nace_code"])
        missing = {code[0] for code in group["nace_code"]} - sections
        assert not missing, f"{region} {year}: divisions without section rows {sorted(missing)}"


def test_region_without_divisions_is_reported_not_zero(table):
    # Zuid-Holland has only totals so far: the EI reader must refuse rather than compute with zeros.
    if table.loc[table["region_code"] == "NL33", "nace_code"].str.fullmatch(r"[A-U]\d{2}").any():
        pytest.skip("NL33 divisions present")
    with pytest.raises(rei.RegionalDataError, match="NL33"):
        division_value_added(table, "NL33")
