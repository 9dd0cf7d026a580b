"""GeoPolRisk method: hand-computed cases, group semantics, edge cases, and an independent
loop-based implementation of the formulas (methods.md §2, geopolrisk-py 2.0.1 conventions)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from crmradar.methods.geopolrisk import (
    COPPER_REFERENCE_SCORE_PRICE,
    RESULT_COLUMNS,
    geopolrisk,
    herfindahl_index,
)


def frame(columns: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns.split(","))


PRODUCTION = frame(
    "material,year,country,quantity_t",
    [("x", 2020, "CHN", 60.0), ("x", 2020, "AUS", 30.0), ("x", 2020, "NLD", 10.0)],
)
TRADE = frame(
    "material,year,importer,exporter,quantity_t,value_kusd",
    [
        ("x", 2020, "NLD", "CHN", 20.0, 200.0),
        ("x", 2020, "NLD", "DEU", 20.0, 300.0),
        ("x", 2020, "DEU", "CHN", 50.0, 500.0),
    ],
)
GOVERNANCE = frame("country,year,instability", [("CHN", 2020, 0.6), ("DEU", 2020, 0.2)])
GROUPS = frame("group,country", [("EU", "NLD"), ("EU", "DEU")])


def row(result: pd.DataFrame, economy: str, material: str = "x", year: int = 2020) -> pd.Series:
    selected = result[(result.economy == economy) & (result.material == material) & (result.year == year)]
    assert len(selected) == 1
    return selected.iloc[0]


def test_hand_computed_single_country():
    result = geopolrisk(PRODUCTION, TRADE, GOVERNANCE, economies=["NLD"])
    assert list(result.columns) == list(RESULT_COLUMNS)
    nld = row(result, "NLD")
    # hhi = (60² + 30² + 10²) / 100² = 4600 / 10000
    assert nld.hhi == pytest.approx(0.46)
    # import_risk = (0.6·20 + 0.2·20) / (p 10 + F 40) = 16 / 50
    assert nld.import_risk == pytest.approx(0.32)
    assert nld.score == pytest.approx(0.46 * 0.32)
    # price = (200 + 300) kUSD / 40 t = 12.5 USD/kg
    assert nld.price_usd_per_kg == pytest.approx(12.5)
    assert nld.cf_kg_cu_eq == pytest.approx(0.1472 * 12.5 / 0.409412948)
    assert COPPER_REFERENCE_SCORE_PRICE == 0.409412948


def test_group_counts_intra_imports_with_zero_instability_and_sums_production():
    production = pd.concat(
        [PRODUCTION, frame("material,year,country,quantity_t", [("x", 2020, "DEU", 5.0)])], ignore_index=True
    )
    result = geopolrisk(production, TRADE, GOVERNANCE, groups=GROUPS, economies=["EU", "NLD", "DEU"])
    eu = row(result, "EU")
    # F = 20 + 20 + 50 = 90 (NLD←DEU stays in F with g = 0); numerator = 0.6·20 + 0·20 + 0.6·50 = 42
    # p = NLD 10 + DEU 5 = 15
    assert eu.import_risk == pytest.approx(42 / 105)
    assert eu.price_usd_per_kg == pytest.approx(1000 / 90)
    # hhi over all producers: (60² + 30² + 10² + 5²) / 105²
    assert eu.hhi == pytest.approx(4625 / 105**2)
    # outside the group the same NLD←DEU flow keeps DEU's instability 0.2
    assert row(result, "NLD").import_risk == pytest.approx((0.6 * 20 + 0.2 * 20) / (10 + 40))
    assert row(result, "DEU").import_risk == pytest.approx(0.6 * 50 / (5 + 50))


def test_missing_governance_gets_one_half():
    trade = frame(
        "material,year,importer,exporter,quantity_t,value_kusd",
        [("x", 2020, "NLD", "BRA", 10.0, 50.0), ("x", 2020, "NLD", "CHN", 30.0, 90.0)],
    )
    nld = row(geopolrisk(PRODUCTION, trade, GOVERNANCE, economies=["NLD"]), "NLD")
    assert nld.import_risk == pytest.approx((0.5 * 10 + 0.6 * 30) / (10 + 40))


def test_governance_of_another_year_does_not_leak():
    governance = frame("country,year,instability", [("CHN", 2019, 0.9)])
    nld = row(geopolrisk(PRODUCTION, TRADE, governance, economies=["NLD"]), "NLD")
    assert nld.import_risk == pytest.approx((0.5 * 20 + 0.5 * 20) / 50)


def test_zero_imports_gives_zero_risk_and_no_price():
    result = geopolrisk(PRODUCTION, TRADE, GOVERNANCE, economies=["FRA", "NLD"])
    fra = row(result, "FRA")
    assert fra.import_risk == 0.0
    assert fra.score == 0.0
    assert math.isnan(fra.price_usd_per_kg)
    assert math.isnan(fra.cf_kg_cu_eq)


def test_imports_without_quantity_count_zero_tonnes_but_keep_value():
    trade = frame(
        "material,year,importer,exporter,quantity_t,value_kusd",
        [("x", 2020, "NLD", "CHN", 10.0, 100.0), ("x", 2020, "NLD", "DEU", np.nan, 40.0)],
    )
    nld = row(geopolrisk(PRODUCTION, trade, GOVERNANCE, economies=["NLD"]), "NLD")
    assert nld.import_risk == pytest.approx(0.6 * 10 / (10 + 10))
    assert nld.price_usd_per_kg == pytest.approx(140 / 10)


def test_single_producer_has_hhi_one():
    production = frame("material,year,country,quantity_t", [("y", 2021, "CHN", 123.0)])
    assert herfindahl_index(production).hhi.tolist() == [1.0]
    equal = frame("material,year,country,quantity_t", [("y", 2021, c, 7.0) for c in ("CHN", "AUS", "CHL", "ARG")])
    assert herfindahl_index(equal).hhi.tolist() == [pytest.approx(0.25)]


def test_material_without_production_has_missing_hhi_and_uses_fallback():
    trade = TRADE.assign(material="z")
    result = geopolrisk(PRODUCTION, trade, GOVERNANCE, economies=["NLD"])
    assert math.isnan(row(result, "NLD", "z").hhi)
    assert math.isnan(row(result, "NLD", "z").score)
    fallback = frame("material,year,hhi", [("z", 2020, 0.3), ("x", 2020, 0.99)])
    both = pd.concat([TRADE, trade], ignore_index=True)
    result = geopolrisk(PRODUCTION, both, GOVERNANCE, economies=["NLD"], hhi=fallback)
    assert row(result, "NLD", "z").hhi == pytest.approx(0.3)
    assert row(result, "NLD", "x").hhi == pytest.approx(0.46)  # production wins over the fallback


def test_default_economies_are_importers_and_groups():
    result = geopolrisk(PRODUCTION, TRADE, GOVERNANCE, groups=GROUPS)
    assert sorted(result.economy.unique()) == ["DEU", "EU", "NLD"]


def test_missing_column_is_named():
    with pytest.raises(ValueError, match="trade: missing column.*value_kusd"):
        geopolrisk(PRODUCTION, TRADE.drop(columns="value_kusd"), GOVERNANCE)


def reference_geopolrisk(production, trade, governance, groups, economies):
    """Plain-Python loops over every material, year and economy: the formulas written out."""
    members = {e: set(groups.loc[groups.group == e, "country"]) or {e} for e in economies}
    g = {(c, y): v for c, y, v in governance.itertuples(index=False)}
    out = {}
    for material, year in set(zip(trade.material, trade.year, strict=True)):
        q = production[(production.material == material) & (production.year == year)]
        total = q.quantity_t.sum()
        hhi = (q.quantity_t**2).sum() / total**2 if total > 0 else float("nan")
        for economy in economies:
            num = imports = value = 0.0
            for flow in trade[(trade.material == material) & (trade.year == year)].itertuples():
                if flow.importer not in members[economy]:
                    continue
                weight = 0.0 if flow.exporter in members[economy] else g.get((flow.exporter, year), 0.5)
                num += weight * flow.quantity_t
                imports += flow.quantity_t
                value += flow.value_kusd
            p = q[q.country.isin(members[economy])].quantity_t.sum()
            risk = num / (p + imports) if p + imports > 0 else 0.0
            price = value / imports if imports > 0 else float("nan")
            out[(material, year, economy)] = (hhi, risk, hhi * risk, price, hhi * risk * price / 0.409412948)
    return out


def test_matches_independent_loop_implementation_on_random_data():
    rng = np.random.default_rng(20240601)
    countries = ["NLD", "DEU", "FRA", "BEL", "CHN", "USA", "BRA", "ZAF", "AUS", "IND"]
    materials = ["a", "b", "c", "d"]
    years = [2020, 2021, 2022]
    production = frame(
        "material,year,country,quantity_t",
        [
            (m, y, c, float(rng.integers(1, 1000)))
            for m in materials
            for y in years
            for c in countries
            if rng.random() < 0.5
        ],
    )
    trade = frame(
        "material,year,importer,exporter,quantity_t,value_kusd",
        [
            (m, y, i, e, float(rng.uniform(0, 500)), float(rng.uniform(0, 5000)))
            for m in materials
            for y in years
            for i in countries
            for e in countries
            if i != e and rng.random() < 0.3
        ],
    )
    governance = frame(
        "country,year,instability",
        [(c, y, float(rng.uniform())) for c in countries[:-2] for y in years],  # ZAF, AUS... partly missing
    )
    groups = frame("group,country", [("EU", c) for c in ("NLD", "DEU", "FRA", "BEL")])
    economies = ["EU", "NLD", "CHN", "IND"]
    result = geopolrisk(production, trade, governance, groups=groups, economies=economies)
    expected = reference_geopolrisk(production, trade, governance, groups, economies)
    assert len(result) == len(expected)
    for r in result.itertuples(index=False):
        want = expected[(r.material, r.year, r.economy)]
        got = (r.hhi, r.import_risk, r.score, r.price_usd_per_kg, r.cf_kg_cu_eq)
        np.testing.assert_allclose(got, want, rtol=1e-12, equal_nan=True)
