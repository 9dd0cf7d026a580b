"""Checks of the countries, supply_shares, end_uses and nace_sectors tables of the curated data package."""

from __future__ import annotations

import gettext
from pathlib import Path

import pandas as pd
import pycountry
import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data" / "package" / "data"
TOLERANCE = 0.02 + 1e-9  # float sums of whole percents land a hair off the bound

# Groups whose *published* rows do not sum to 1 +- 0.02 (see curation/supply_shares.md); value = published sum.
SUPPLY_PUBLISHED_SUM_EXCEPTIONS = {
    ("aggregates", "extraction", "eu_sourcing"): 0.93,
    ("aluminium", "extraction", "eu_sourcing"): 0.97,
    ("aluminium", "processing", "eu_sourcing"): 0.92,
    ("antimony", "processing", "eu_sourcing"): 0.93,
    ("baryte", "extraction", "eu_sourcing"): 0.97,
    ("bentonite", "extraction", "eu_sourcing"): 0.93,
    ("boron", "processing", "global_supply"): 0.953,
    ("cadmium", "processing", "eu_sourcing"): 0.95,
    ("chromium", "extraction", "eu_sourcing"): 0.09,
    ("chromium", "processing", "eu_sourcing"): 0.89,
    ("cobalt", "processing", "eu_sourcing"): 0.97,
    ("coking_coal", "extraction", "eu_sourcing"): 0.93,
    ("coking_coal", "processing", "eu_sourcing"): 0.95,
    ("copper", "extraction", "eu_sourcing"): 0.92,
    ("copper", "processing", "eu_sourcing"): 0.93,
    ("diatomite", "extraction", "eu_sourcing"): 0.96,
    ("feldspar", "extraction", "eu_sourcing"): 0.96,
    ("gallium", "processing", "eu_sourcing"): 0.96,
    ("gold", "extraction", "eu_sourcing"): 0.97,
    ("gypsum", "extraction", "eu_sourcing"): 0.95,
    ("helium", "processing", "eu_sourcing"): 0.96,
    ("hydrogen", "extraction", "eu_sourcing"): 0.95,
    ("hydrogen", "extraction", "global_supply"): 1.0205,
    ("hydrogen", "processing", "eu_sourcing"): 0.95,
    ("indium", "processing", "eu_sourcing"): 0.96,
    ("iron_ore", "extraction", "eu_sourcing"): 0.95,
    ("iron_ore", "processing", "eu_sourcing"): 0.90,
    ("kaolin_clay", "processing", "eu_sourcing"): 0.97,
    ("lead", "extraction", "eu_sourcing"): 0.91,
    ("lead", "processing", "eu_sourcing"): 0.94,
    ("limestone", "extraction", "eu_sourcing"): 0.91,
    ("manganese", "processing", "eu_sourcing"): 0.95,
    ("molybdenum", "extraction", "eu_sourcing"): 0.91,
    ("molybdenum", "processing", "eu_sourcing"): 0.90,
    ("natural_graphite", "extraction", "eu_sourcing"): 0.94,
    ("natural_rubber", "extraction", "eu_sourcing"): 0.97,
    ("natural_teak_wood", "extraction", "eu_sourcing"): 0.97,
    ("neon", "processing", "eu_sourcing"): 0.9401,
    ("nickel", "extraction", "eu_sourcing"): 0.95,
    ("nickel", "extraction", "global_supply"): 0.911,
    ("nickel", "processing", "eu_sourcing"): 0.89,
    ("nickel", "processing", "global_supply"): 0.958,
    ("perlite", "extraction", "eu_sourcing"): 0.95,
    ("phosphate_rock", "extraction", "eu_sourcing"): 0.96,
    ("roundwood", "extraction", "eu_sourcing"): 0.75,
    ("roundwood", "extraction", "global_supply"): 0.93,
    ("sapele_wood", "extraction", "eu_sourcing"): 0.40,
    ("scandium", "processing", "eu_sourcing"): 0.96,
    ("selenium", "processing", "eu_sourcing"): 0.95,
    ("silica_sand", "extraction", "eu_sourcing"): 0.96,
    ("silicon_metal", "processing", "eu_sourcing"): 0.96,
    ("silver", "extraction", "eu_sourcing"): 0.96,
    ("sulphur", "processing", "eu_sourcing"): 0.93,
    ("talc", "extraction", "eu_sourcing"): 0.95,
    ("tellurium", "processing", "eu_sourcing"): 0.96,
    ("tin", "extraction", "eu_sourcing"): 0.96,
    ("tin", "processing", "eu_sourcing"): 0.95,
    ("titanium", "extraction", "eu_sourcing"): 0.95,
    ("titanium", "processing", "eu_sourcing"): 0.93,
    ("titanium", "processing", "global_supply"): 0.92,
    ("titanium_metal", "processing", "eu_sourcing"): 0.95,
    ("tungsten", "extraction", "eu_sourcing"): 0.77,
    ("tungsten", "processing", "eu_sourcing"): 0.91,
    ("vanadium", "processing", "global_supply"): 0.887,
    ("zinc", "extraction", "eu_sourcing"): 0.93,
    ("zinc", "processing", "eu_sourcing"): 0.95,
}
# After adding the derived ROW remainders only over-full groups stay off 1 (a remainder cannot be negative).
SUPPLY_TOTAL_SUM_EXCEPTIONS = {("hydrogen", "extraction", "global_supply"): 1.0205}
END_USE_SUM_EXCEPTIONS = {"indium": 0.90, "manganese": 0.97}
KEY = ["material_id", "stage", "scope"]


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def supply() -> pd.DataFrame:
    frame = read("supply_shares")
    frame["share"] = frame["share"].astype(float)
    return frame


@pytest.fixture(scope="module")
def countries() -> pd.DataFrame:
    return read("countries")


@pytest.fixture(scope="module")
def end_uses() -> pd.DataFrame:
    frame = read("end_uses")
    frame["share"] = frame["share"].astype(float)
    return frame


def off_sums(sums: pd.Series) -> dict:
    return {key: round(value, 4) for key, value in sums.items() if abs(value - 1) > TOLERANCE}


def test_published_supply_shares_sum_to_one_except_documented_groups(supply):
    published = supply[supply.country_iso3 != "ROW"]
    sums = published.groupby(KEY).share.sum()
    assert off_sums(sums) == pytest.approx(SUPPLY_PUBLISHED_SUM_EXCEPTIONS, abs=1e-3)


def test_supply_shares_with_remainder_sum_to_one(supply):
    sums = supply.groupby(KEY).share.sum()
    assert off_sums(sums) == pytest.approx(SUPPLY_TOTAL_SUM_EXCEPTIONS, abs=1e-3)


def test_row_remainder_is_the_mass_balance_of_listed_shares(supply):
    listed = supply[supply.country_iso3 != "ROW"].groupby(KEY).share.sum()
    remainder = supply[supply.country_iso3 == "ROW"].set_index(KEY).share
    expected = 1 - listed.loc[remainder.index]
    assert remainder.to_numpy() == pytest.approx(expected.to_numpy(), abs=1e-6)
    assert set(supply.loc[supply.country_iso3 == "ROW", "quality"]) == {"derived"}
    # Groups without a ROW row leave at most rounding (0.5 percentage point) unexplained.
    without = listed.drop(remainder.index)
    assert (1 - without).max() <= 0.005 + 1e-9


def test_supply_shares_primary_key_unique_and_shares_are_fractions(supply):
    assert not supply.duplicated(KEY + ["country_iso3"]).any()
    assert supply.share.between(0, 1).all()
    assert set(supply.stage) == {"extraction", "processing"}
    assert set(supply.scope) == {"global_supply", "eu_sourcing"}


def test_below_detection_shares_are_ranges(supply):
    below = supply[supply.share_as_published == "<0.1%"]
    assert len(below) == 514
    assert (below.share == 0.0005).all()
    assert (below.low == "0").all() and (below.high == "0.001").all()
    assert set(below.quality) == {"derived"}


@pytest.mark.parametrize(
    ("material", "stage", "scope", "country", "published"),
    [
        # EC 2023 study Appendix 7, global supply (values as printed in the appendix table).
        ("gallium", "processing", "global_supply", "CHN", "93.8%"),
        ("cobalt", "extraction", "global_supply", "COD", "62.8%"),
        ("natural_graphite", "extraction", "global_supply", "CHN", "66.7%"),
        ("cobalt", "extraction", "global_supply", "TUR", "0.1%"),
        # Also quoted from the Commission's CRMA communication material (see curation/supply_shares.md).
        ("magnesium", "processing", "eu_sourcing", "CHN", "97%"),
        ("cobalt", "processing", "global_supply", "CHN", "59.6%"),
        ("platinum", "processing", "global_supply", "ZAF", "70.8%"),
        ("dysprosium", "processing", "global_supply", "CHN", "100.0%"),
        ("silicon_metal", "processing", "eu_sourcing", "DEU", "6"),
    ],
)
def test_reference_supply_shares_as_published(supply, material, stage, scope, country, published):
    row = supply[
        (supply.material_id == material) & (supply.stage == stage) & (supply.scope == scope)
        & (supply.country_iso3 == country)
    ]
    assert len(row) == 1
    assert row.share_as_published.item() == published
    assert row.share.item() == pytest.approx(float(published.rstrip("%")) / 100)
    assert row.quality.item() == "reported"


def test_china_is_the_largest_gallium_processor(supply):
    gallium = supply[(supply.material_id == "gallium") & (supply.stage == "processing")
                     & (supply.scope == "global_supply")]
    assert gallium.sort_values("share").country_iso3.iloc[-1] == "CHN"


def test_supply_countries_exist_in_countries_table(supply, countries):
    known = set(countries.iso3)
    assert set(supply.country_iso3) <= known
    aggregates = set(countries.loc[countries.is_aggregate == "true", "iso3"])
    assert set(supply.country_iso3) & aggregates == {"ROW"}


def test_trade_parameter_agrees_with_country_flag(supply, countries):
    # t = 0.8 is only given to EU members / trade-agreement partners in the methodology.
    at_point_eight = set(supply.loc[supply.trade_parameter_t == "0.8", "country_iso3"])
    flagged = set(countries.loc[countries.eu_trade_agreement == "true", "iso3"])
    assert at_point_eight <= flagged
    assert set(supply.loc[supply.country_iso3 != "ROW", "trade_parameter_t"].astype(float)) <= {
        0.8, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5,
    }


def test_countries_cover_iso_3166_with_dutch_names(countries):
    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    table = countries.set_index("iso3")
    for country in pycountry.countries:
        row = table.loc[country.alpha_3]
        assert row.iso2 == country.alpha_2 and row.numeric == country.numeric
        if row.name_en == country.name:  # a later iso-codes release may rename; compare like with like
            assert row.name_nl == dutch.gettext(country.name)
    assert len(countries) == len(pycountry.countries) + 1 + 3  # + XKX + WLD, ROW, EU27
    assert table.loc["DEU", "name_nl"] == "Duitsland"
    assert table.loc["USA", "name_nl"] == "Verenigde Staten"
    assert table.loc["COD", "name_nl"].startswith("Congo, Democratische")
    assert set(countries.loc[countries.is_aggregate == "true", "iso3"]) == {"WLD", "ROW", "EU27"}


def test_eu27_membership(countries):
    members = set(countries.loc[countries.eu27 == "true", "iso3"])
    assert len(members) == 27
    assert {"NLD", "DEU", "HRV", "CYP"} <= members
    assert not {"GBR", "NOR", "CHE", "TUR"} & members
    agreement = countries.set_index("iso3").eu_trade_agreement
    assert (agreement[list(members)] == "true").all()
    assert agreement["CHN"] == "false" and agreement["USA"] == "false"
    assert agreement["CHL"] == "true" and agreement["KOR"] == "true"


def test_end_use_shares_sum_to_one_except_documented(end_uses):
    sums = end_uses.groupby("material_id").share.sum()
    assert off_sums(sums) == pytest.approx(END_USE_SUM_EXCEPTIONS, abs=1e-6)
    assert not end_uses.duplicated(["material_id", "application"]).any()


def test_end_use_nace_codes_and_value_added_match_sectors(end_uses):
    sectors = read("nace_sectors").set_index("nace_code")
    coded = end_uses[end_uses.nace_code != ""]
    assert set(coded.nace_code) <= set(sectors.index)
    expected = sectors.loc[coded.nace_code, "eu27_value_added_meur"].to_numpy()
    assert (coded.sector_value_added_meur.to_numpy() == expected).all()
    # Published EU27 value added of two divisions (EC 2023 study Appendix 6), in EUR million.
    assert sectors.loc["C26", "eu27_value_added_meur"] == "77000"
    assert sectors.loc["C29", "eu27_value_added_meur"] == "194448"
    assert (end_uses.loc[end_uses.nace_code == "", "sector_value_added_meur"] == "").all()


def test_every_source_id_exists():
    sources = set(read("sources").id)
    for table, columns in {
        "countries": ["source_id", "region_source_id", "trade_agreement_source_id"],
        "supply_shares": ["source_id"],
        "end_uses": ["source_id"],
        "nace_sectors": ["source_id", "label_nl_source_id"],
    }.items():
        frame = read(table)
        for column in columns:
            used = set(frame[column]) - {""}
            assert used <= sources, f"{table}.{column}: unknown {sorted(used - sources)}"
