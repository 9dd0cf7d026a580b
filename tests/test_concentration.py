"""Concentration indicators: hand-computed HHI/top-3, CRMA 65 % and NZIA 50 % flags, EU27 handling."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from crmradar.methods.concentration import (
    EU27,
    concentration_indicators,
    herfindahl_from_shares,
    largest_third_country,
    top_n_share,
)


def shares(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["material_id", "stage", "country_iso3", "share"])


SHARES = shares(
    [
        ("gallium", "processing", "CHN", 0.98),
        ("gallium", "processing", "JPN", 0.01),
        ("gallium", "processing", "KOR", 0.01),
        ("cobalt", "extraction", "COD", 0.63),
        ("cobalt", "extraction", "RUS", 0.04),
        ("cobalt", "extraction", "AUS", 0.04),
        ("cobalt", "extraction", "FIN", 0.01),
        ("cobalt", "extraction", "ROW", 0.28),
        ("hafnium", "processing", "FRA", 0.49),
        ("hafnium", "processing", "USA", 0.51),
        ("kaolin_clay", "extraction", "DEU", 0.7),
        ("kaolin_clay", "extraction", "CZE", 0.3),
    ]
)


def test_official_eu_member_list():
    assert len(EU27) == 27 and {"NLD", "DEU", "HRV"} <= EU27 and "GBR" not in EU27


def test_hhi_hand_computed_and_aggregates_left_out():
    hhi = herfindahl_from_shares(SHARES).set_index(["material_id", "stage"])["hhi"]
    assert hhi["gallium", "processing"] == pytest.approx(0.98**2 + 2 * 0.01**2)
    # ROW (0.28) is not one supplier, so it does not enter the sum
    assert hhi["cobalt", "extraction"] == pytest.approx(0.63**2 + 2 * 0.04**2 + 0.01**2)
    assert hhi["kaolin_clay", "extraction"] == pytest.approx(0.58)


def test_single_supplier_hhi_is_one():
    assert herfindahl_from_shares(shares([("m", "extraction", "CHN", 1.0)])).hhi.tolist() == [1.0]


def test_top3_share():
    top = top_n_share(SHARES).set_index(["material_id", "stage"])["top3_share"]
    assert top["cobalt", "extraction"] == pytest.approx(0.63 + 0.04 + 0.04)
    assert top["gallium", "processing"] == pytest.approx(1.0)
    assert top["hafnium", "processing"] == pytest.approx(1.0)


def test_largest_third_country_skips_eu_members():
    largest = largest_third_country(SHARES).set_index(["material_id", "stage"])
    assert largest.loc[("hafnium", "processing"), "largest_third_country"] == "USA"
    assert largest.loc[("hafnium", "processing"), "largest_third_country_share"] == pytest.approx(0.51)
    kaolin = largest.loc[("kaolin_clay", "extraction")]
    assert pd.isna(kaolin["largest_third_country"]) and kaolin["largest_third_country_share"] == 0.0


def test_crma_and_nzia_flags():
    out = concentration_indicators(SHARES).set_index(["material_id", "stage"])
    assert bool(out.loc[("gallium", "processing"), "crma_cap_exceeded"]) is True
    assert bool(out.loc[("gallium", "processing"), "nzia_resilience_trigger"]) is True
    # 63 % from DR Congo: above the NZIA 50 % trigger but under the CRMA 65 % cap
    assert bool(out.loc[("cobalt", "extraction"), "crma_cap_exceeded"]) is False
    assert bool(out.loc[("cobalt", "extraction"), "nzia_resilience_trigger"]) is True
    # 51 % USA triggers NZIA; an EU-only supply triggers nothing
    assert bool(out.loc[("hafnium", "processing"), "nzia_resilience_trigger"]) is True
    assert not out.loc[("kaolin_clay", "extraction"), ["crma_cap_exceeded", "nzia_resilience_trigger"]].any()
    assert out.loc[("cobalt", "extraction"), "share_total"] == pytest.approx(0.72)


def test_thresholds_are_strict_inequalities():
    exact = shares([("a", "processing", "CHN", 0.65), ("b", "processing", "CHN", 0.50)])
    out = concentration_indicators(exact).set_index("material_id")
    assert bool(out.loc["a", "crma_cap_exceeded"]) is False and bool(out.loc["a", "nzia_resilience_trigger"]) is True
    assert bool(out.loc["b", "nzia_resilience_trigger"]) is False


def test_custom_membership_set_changes_third_country():
    out = largest_third_country(SHARES, eu_members=EU27 | {"USA"}).set_index(["material_id", "stage"])
    assert pd.isna(out.loc[("hafnium", "processing"), "largest_third_country"])


def test_share_outside_zero_one_is_rejected():
    with pytest.raises(ValueError, match="column share"):
        herfindahl_from_shares(shares([("m", "extraction", "CHN", 12.3)]))


def test_vectorised_result_matches_per_group_loop():
    rng = np.random.default_rng(7)
    countries = ["CHN", "USA", "NLD", "DEU", "BRA", "ZAF", "AUS", "IDN"]
    rows = []
    for material in [f"m{i}" for i in range(30)]:
        for stage in ("extraction", "processing"):
            picked = rng.choice(countries, size=rng.integers(1, len(countries)), replace=False)
            weights = rng.dirichlet(np.ones(len(picked)))
            rows += [(material, stage, c, float(w)) for c, w in zip(picked, weights, strict=True)]
    frame = shares(rows)
    out = concentration_indicators(frame).set_index(["material_id", "stage"])
    for (material, stage), group in frame.groupby(["material_id", "stage"]):
        values = sorted(group.share, reverse=True)
        third = group[~group.country_iso3.isin(EU27)].share
        assert out.loc[(material, stage), "hhi"] == pytest.approx(sum(v * v for v in values))
        assert out.loc[(material, stage), "top3_share"] == pytest.approx(sum(values[:3]))
        assert out.loc[(material, stage), "largest_third_country_share"] == pytest.approx(
            third.max() if len(third) else 0.0
        )
