"""Shipped procurement tables: coverage, consistency with other tables and published reference values."""

from __future__ import annotations

import pandas as pd
import pytest

from crmradar import data
from crmradar.procurement import cpv as cpvlib
from crmradar.procurement.clauses import recommend
from crmradar.procurement.mapping import resolve


@pytest.fixture(scope="module")
def kb():
    return data.load(data.EMBEDDED_PACKAGE)


@pytest.fixture(scope="module")
def knowledge():
    from crmradar.commands.procure import _knowledge

    return _knowledge()


def test_at_least_40_archetypes_over_all_product_groups(kb):
    archetypes = kb.product_archetypes
    assert len(archetypes) >= 40
    assert set(archetypes["category"]) == {"ict", "vehicles", "energy", "infrastructure", "office"}
    contents = kb.product_archetype_contents
    assert set(contents["cpv"]) == set(archetypes["cpv"])  # every archetype has a bill


def test_every_archetype_and_parent_code_is_a_listed_cpv_code(kb):
    codes = set(kb.cpv_codes["code"])
    for code in kb.product_archetypes["cpv"]:
        assert code in codes
        assert cpvlib.parse_cpv(code)[0] == code


@pytest.mark.parametrize(
    ("code", "check", "label"),
    [
        # Commission Regulation (EC) No 213/2008 (CPV 2008), as quoted in the issue and the domain notes
        ("30213100", 6, "Portable computers"),
        ("09331200", 0, "Solar photovoltaic modules"),
        ("34144900", 7, "Electric vehicles"),
        ("31440000", 2, "Batteries"),
        ("31121340", 5, "Wind farm"),
    ],
)
def test_published_cpv_check_digits(kb, code, check, label):
    row = kb.cpv_codes.set_index("code").loc[code]
    assert (row["check_digit"], row["label_en"]) == (check, label)


def test_bill_ranges_and_quality(kb):
    contents = kb.product_archetype_contents
    assert (contents["low"] <= contents["content"]).all() and (contents["content"] <= contents["high"]).all()
    assumptions = contents[contents["quality"] == "assumption"]
    assert assumptions["low"].notna().all() and (assumptions["note"].str.len() > 10).all()


def test_ev_bill_matches_iea_2021(kb):
    bill = kb.product_archetype_contents.set_index(["cpv", "material_id"])["content"]
    # IEA (2021) The Role of Critical Minerals in Clean Energy Transitions: minerals in an electric car, kg
    published = {"copper": 53.2, "lithium": 8.9, "nickel": 39.9, "manganese": 24.5, "cobalt": 13.3, "zinc": 0.1}
    for material, value in published.items():
        assert bill[("34144900", material)] == value
    rare_earths = sum(bill[("34144900", m)] for m in ("neodymium", "praseodymium", "dysprosium", "terbium"))
    assert rare_earths == pytest.approx(0.48, abs=0.03)  # IEA: 0.5 kg rare earths


def test_pv_module_bill_agrees_with_material_intensities(kb):
    bill = kb.product_archetype_contents.set_index(["cpv", "material_id"])["content"]
    intensities = kb.material_intensities
    pv = intensities[(intensities["technology_id"] == "pv_csi") & (intensities["year"] == 2025)]
    for material in ("silver", "silicon_metal", "aluminium", "copper"):
        per_mw = pv.loc[pv["material_id"] == material, "value"].item()
        assert bill[("09331200", material)] == pytest.approx(per_mw / 1000, rel=0.01)
    # PV_ICE EU baseline 2025: 2.543 g/m² silver at 22.5 % efficiency → 11.3 g/kWp
    assert bill[("09331200", "silver")] == pytest.approx(2.543 / 0.225 / 1000, rel=0.01)


def test_nzia_technology_shares_are_cited_and_above_threshold(kb):
    cited = kb.product_archetypes.dropna(subset=["nzia_share"])
    assert set(cited["nzia_technology"]) == {"solar_pv", "battery"}
    assert (cited["nzia_third_country"] == "CHN").all() and (cited["nzia_share"] > 0.5).all()
    assert cited["nzia_source_id"].isin(kb.sources["id"]).all()


def test_clause_library_covers_every_rule(kb):
    clauses = kb.tender_clauses.set_index("clause_id")
    rule_ids = {
        "refurbished_reuse", "take_back_recycling", "repair_spare_parts", "recycled_content_batteries",
        "battery_chemistry_lfp", "supply_chain_transparency", "nzia_resilience", "rare_earth_free_or_recovery",
    }  # fmt: skip
    assert set(clauses.index) == rule_ids
    for column in ("text_nl", "text_en", "basis"):
        assert (clauses[column].str.len() > 40).all()
    assert "Art. 25" in clauses.loc["nzia_resilience", "basis"]
    assert "Art. 8" in clauses.loc["recycled_content_batteries", "basis"]


def test_every_archetype_scans_in_its_own_unit(kb, knowledge):
    dimension = {"unit": "piece", "kW": "power", "kWp": "power", "kWh": "energy", "km": "length"}
    for row in kb.product_archetypes.itertuples():
        assert resolve(knowledge, row.cpv, dimension[row.basis_unit]).kind == "direct"


def test_shipped_general_codes_resolve(knowledge):
    assert resolve(knowledge, "30213000", "piece").archetypes == ("30213100", "30213200", "30213300")
    assert resolve(knowledge, "31430000", "energy").archetypes == ("31431000", "31432000", "31434000")
    assert resolve(knowledge, "32252000", "piece").archetypes == ("32250000",)
    assert resolve(knowledge, "31170000", "piece").kind == "unmapped"  # no transformer archetype below 31170000


def test_knowledge_uses_official_2023_supply_risk(kb, knowledge):
    official = kb.criticality_official
    sr_2023 = official[official["year"] == 2023].set_index("material_id")["supply_risk"]
    for material in ("cobalt", "lithium", "gallium", "natural_graphite"):
        assert knowledge.materials.loc[material, "supply_risk"] == sr_2023[material]
    # EC 2023 CRM study: supply risk of cobalt 2.8 (published value)
    assert knowledge.materials.loc["cobalt", "supply_risk"] == pytest.approx(2.8)


def test_material_level_nzia_flag_uses_concentration_threshold(knowledge):
    materials = knowledge.materials
    flagged = materials["largest_third_country_share"] > 0.5
    assert (materials["nzia_material_flag"] == flagged.fillna(False)).all()
    assert materials.loc["natural_graphite", "largest_third_country"] == "CHN"
    assert materials.loc["cobalt", "largest_third_country"] == "COD"


def test_rare_earths_take_the_ree_geopolrisk_factor(knowledge):
    materials = knowledge.materials
    assert materials.loc["neodymium", "gpr_basis"] == "ree"
    assert materials.loc["neodymium", "gpr_cf"] == materials.loc["ree", "gpr_cf"]


def test_shipped_two_line_scan_equals_independent_computation(kb, knowledge):
    from crmradar.procurement.parse import PurchaseLine
    from crmradar.procurement.scan import scan

    lines = [
        PurchaseLine(2, "30213100", 6, "laptops", 10, "stuks", "piece", 1.0),
        PurchaseLine(3, "09331200", 0, "pv", 100, "kWp", "power", 1.0),
    ]
    result = scan(lines, knowledge)
    contents = kb.product_archetype_contents
    expected = (
        pd.concat(
            [
                contents[contents["cpv"] == "30213100"].assign(kg=lambda f: 10 * f["content"]),
                contents[contents["cpv"] == "09331200"].assign(kg=lambda f: 100 * f["content"]),
            ]
        )
        .groupby("material_id")["kg"]
        .sum()
    )
    totals = result.materials.set_index("material_id")["content_kg"]
    pd.testing.assert_series_equal(totals.sort_index(), expected.sort_index(), check_names=False)


def test_recommend_rules_directly():
    bill = pd.DataFrame(
        {
            "material_id": ["lead"],
            "content_kg": [18.0],
            "sr_weighted_kg": [1.8],
            "eu_critical_2023": [False],
            "crma_strategic": [False],
            "nzia_material_flag": [False],
            "largest_third_country": ["CHN"],
            "largest_third_country_share": [0.4],
            "largest_stage": ["processing"],
        }
    )
    assert recommend(bill, {"battery"}, "") == [("recycled_content_batteries", "battery contains lead (Art. 8 metals)")]
    assert recommend(bill, set(), "") == []
