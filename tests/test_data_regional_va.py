"""regional_value_added: Eurostat figures add up, derived and estimated rows follow from their inputs.

Hand checks (EUR million):
- nama_10r_3gva 2019, C: NL361 845 + NL362 886 + NL363 2,108 + NL364 2,181 + NL365 930 + NL366 6,660
  = 13,610 = NL36 C.
- nama_10_a64 NL 2019: B 5,927 + D 9,129 + E 4,225 = 19,281 = (B-E) 105,749 − C 86,468 (nama_10r_3gva).
- 84088NED, Netherlands 2022*: 09 = B − 06 − 08 = 15,630 − 14,429 − 678 = 523.
- Zuid-Holland share of Dutch value added 2023 = 194,009 / 944,801 = 0.2053.
"""

from __future__ import annotations

import pandas as pd
import pytest

from crmradar.region.value_added import division_value_added


@pytest.fixture(scope="module")
def table(kb) -> pd.DataFrame:
    return kb["regional_value_added"]


def _value(table: pd.DataFrame, region: str, nace: str, year: int) -> float:
    rows = table.loc[(table["region_code"] == region) & (table["nace_code"] == nace) & (table["year"] == year)]
    assert len(rows) == 1, f"expected one row for {region} {nace} {year}, got {len(rows)}"
    return float(rows["value_added_meur"].iloc[0])


def test_nuts3_regions_add_up_to_zuid_holland(table):
    parts = [_value(table, f"NL36{n}", "C", 2019) for n in range(1, 7)]
    assert parts == [845, 886, 2108, 2181, 930, 6660]
    assert sum(parts) == _value(table, "NL36", "C", 2019) == 13610
    for year in range(2019, 2024):
        for nace in ("B-E", "C", "A-U"):
            assert sum(_value(table, f"NL36{n}", nace, year) for n in range(1, 7)) == _value(table, "NL36", nace, year)


def test_national_sections_2019_close_the_group(table):
    bde = sum(_value(table, "NL", code, 2019) for code in ("B", "D", "E"))
    assert bde == 19281 == _value(table, "NL", "B-E", 2019) - _value(table, "NL", "C", 2019)


def test_mining_support_is_the_residual_of_section_b(table):
    residual = _value(table, "NL", "B", 2022) - _value(table, "NL", "B06", 2022) - _value(table, "NL", "B08", 2022)
    assert _value(table, "NL", "B09", 2022) == residual == 523


def test_zuid_holland_share_of_national_value_added(table):
    assert _value(table, "NL36", "A-U", 2023) / _value(table, "NL", "A-U", 2023) == pytest.approx(0.20534, abs=1e-5)
    # Groot-Rijnmond manufacturing (2015, CBS) is part of Zuid-Holland: below the province's whole economy.
    assert _value(table, "NL366", "C", 2015) < _value(table, "NL36", "A-U", 2019)


def test_eurostat_is_cited_and_no_nuts2021_code_is_left(table):
    rows = table.loc[table["region_code"].str.startswith("NL36")]
    assert set(rows["source_id"]) == {"eurostat_nama_10r_3gva", "cbs_2018_industrie_regio"}
    assert not table["region_code"].str.startswith("NL33").any()


def test_national_division_estimates_are_flagged_and_add_up_to_c(table):
    divisions = table.loc[(table["region_code"] == "NL") & (table["year"] == 2019)
                          & table["nace_code"].str.fullmatch(r"C\d{2}")]
    assert len(divisions) == 16 and set(divisions["quality"]) == {"assumption"}
    assert divisions["value_added_meur"].sum() == pytest.approx(86468, abs=1)
    # C28 = 86,468 × EU27 C28 204,200 / EU27 sum of the 16 divisions 1,567,236 = 11,266.2
    assert _value(table, "NL", "C28", 2019) == pytest.approx(86468 * 204200 / 1567236, abs=0.05)
    assert (divisions["low"] < divisions["value_added_meur"]).all()
    assert (divisions["high"] > divisions["value_added_meur"]).all()


def test_provenance_and_assumption_ranges(table, kb):
    assert set(table["source_id"]) <= set(kb["sources"]["id"])
    assert set(table["quality"]) <= {"reported", "derived", "assumption"}
    assumptions = table.loc[table["quality"] == "assumption"]
    assert assumptions[["low", "high"]].notna().all().all()
    assert assumptions["note"].str.contains("Estimate").all()
    derived = table.loc[table["quality"] == "derived"]
    assert derived["note"].str.contains("=").all(), "derived rows must state their formula"


def test_divisions_of_a_region_come_with_their_section(table):
    divisions = table.loc[table["nace_code"].str.fullmatch(r"[A-U]\d{2}")]
    for (region, year), group in divisions.groupby(["region_code", "year"]):
        sections = set(table.loc[(table["region_code"] == region) & (table["year"] == year), "nace_code"])
        missing = {code[0] for code in group["nace_code"]} - sections
        assert not missing, f"{region} {year}: divisions without section rows {sorted(missing)}"


def test_zuid_holland_divisions_come_from_the_latest_complete_year(table):
    # 2020-2023 have no national divisions, so the default is 2019 (never a newer year with gaps).
    result = division_value_added(table, "NL36")
    assert result.attrs["year"] == 2019
    assert set(result["basis"]) == {"apportioned"}
    assert {"B06", "B09", "C20", "C28"} <= set(result.index)
