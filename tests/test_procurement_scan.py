"""Procurement scan core on a small hand-made knowledge base: every number below is computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmradar.procurement.knowledge import ProcurementKnowledge, _group_fallback
from crmradar.procurement.mapping import WrongUnitError, resolve
from crmradar.procurement.parse import PurchaseFileError, PurchaseLine, parse_rows
from crmradar.procurement.scan import scan

ARCHETYPE_COLUMNS = [
    "cpv", "archetype_id", "name_en", "basis_unit", "unit_mass_kg", "low", "high",
    "capacity_per_unit", "capacity_low", "capacity_high", "covers_descendants", "tags", "nzia_technology",
    "nzia_third_country", "nzia_share", "nzia_source_id",
]  # fmt: skip


def make_knowledge() -> ProcurementKnowledge:
    nan = np.nan
    archetypes = pd.DataFrame(
        [
            ("30213100", "laptop", "Laptop", "unit", 2.0, 1.0, 3.0, nan, nan, nan, True,
             "ict|refurbish|repairable|battery_small", "", "", nan, ""),
            ("30213300", "desktop", "Desktop", "unit", 6.0, 4.0, 8.0, nan, nan, nan, True, "ict", "", "", nan, ""),
            ("09331200", "pv", "PV module", "kWp", 50.0, 45.0, 55.0, 0.4, 0.35, 0.5, True,
             "pv|net_zero", "solar_pv", "CHN", 0.8, "iea"),
            ("32250000", "phone", "Phone", "unit", 0.2, 0.1, 0.3, nan, nan, nan, True, "ict", "", "", nan, ""),
            ("34144900", "ev", "EV", "unit", 1800.0, 1500.0, 2000.0, nan, nan, nan, False,
             "battery|magnet", "", "", nan, ""),
        ],
        columns=ARCHETYPE_COLUMNS,
    ).set_index("cpv")  # fmt: skip
    contents = pd.DataFrame(
        [
            ("30213100", "cobalt", 0.03, 0.01, 0.05),
            ("30213100", "gold", 0.0002, 0.0001, 0.0003),
            ("30213100", "aluminium", 0.2, 0.1, 0.3),
            ("30213300", "aluminium", 0.5, 0.1, 1.5),
            ("09331200", "silver", 0.01, 0.008, 0.012),
            ("09331200", "silicon_metal", 1.6, 1.4, 2.0),
            ("32250000", "cobalt", 0.008, 0.004, 0.012),
            ("34144900", "cobalt", 13.3, 0.0, 15.0),
            ("34144900", "neodymium", 0.32, 0.0, 0.5),
        ],
        columns=["cpv", "material_id", "content", "low", "high"],
    )
    cpv_codes = pd.DataFrame(
        [
            ("30213100", 6, "Portable computers"),
            ("30213000", 5, "Personal computers"),
            ("34110000", 1, "Passenger cars"),
        ],
        columns=["code", "check_digit", "label_en"],
    ).set_index("code")
    materials = pd.DataFrame(
        [
            # id, eu_critical, crma_critical, crma_strategic, SR, third country, share, stage, gpr_cf
            ("cobalt", True, True, True, 2.8, "COD", 0.63, "extraction", 20.0),
            ("gold", False, False, False, 0.4, "CHN", 0.11, "extraction", 4000.0),
            ("aluminium", True, True, True, 1.1, "CHN", 0.556, "processing", 0.3),
            ("silver", False, False, False, 0.8, "MEX", 0.24, "extraction", 0.4),
            ("silicon_metal", True, True, True, 1.3, "CHN", 0.757, "processing", np.nan),
            ("neodymium", True, True, True, 4.5, "CHN", 0.85, "processing", 4.9),
        ],
        columns=[
            "material_id", "eu_critical_2023", "crma_critical", "crma_strategic", "supply_risk",
            "largest_third_country", "largest_third_country_share", "largest_stage", "gpr_cf",
        ],
    ).set_index("material_id")  # fmt: skip
    materials["name_en"] = materials.index
    materials["name_nl"] = materials.index
    materials["sr_basis"] = materials.index
    materials["gpr_basis"] = materials.index
    materials["nzia_material_flag"] = materials["largest_third_country_share"] > 0.5
    clauses = pd.DataFrame(
        {
            "clause_id": [
                "refurbished_reuse", "take_back_recycling", "repair_spare_parts", "recycled_content_batteries",
                "battery_chemistry_lfp", "supply_chain_transparency", "nzia_resilience", "rare_earth_free_or_recovery",
            ]
        }
    )  # fmt: skip
    for column in ("title_nl", "title_en", "basis", "text_nl", "text_en"):
        clauses[column] = column
    return ProcurementKnowledge(archetypes, contents, cpv_codes, materials, clauses.set_index("clause_id"))


def line(row, cpv, quantity, unit="stuks", dimension="piece", factor=1.0, check=None):
    return PurchaseLine(row, cpv, check, f"line {row}", quantity, unit, dimension, factor)


@pytest.fixture(scope="module")
def knowledge():
    return make_knowledge()


@pytest.fixture(scope="module")
def two_lines(knowledge):
    # 10 laptops, and 250 PV modules counted in pieces (0.4 kWp each: 100 kWp, range 87.5–125 kWp)
    return scan([line(2, "30213100", 10), line(3, "09331200", 250)], knowledge)


def test_hand_computed_line_content(two_lines):
    bill = two_lines.line_materials.set_index(["row", "material_id"])
    assert bill.loc[(2, "cobalt"), ["content_kg", "low_kg", "high_kg"]].tolist() == pytest.approx([0.3, 0.1, 0.5])
    assert bill.loc[(2, "gold"), "content_kg"] == pytest.approx(0.002)
    assert bill.loc[(2, "aluminium"), ["content_kg", "low_kg", "high_kg"]].tolist() == pytest.approx([2.0, 1.0, 3.0])
    # PV: 100 kWp × 0.01 = 1.0 kg silver; low 87.5 × 0.008 = 0.7; high 125 × 0.012 = 1.5
    assert bill.loc[(3, "silver"), ["content_kg", "low_kg", "high_kg"]].tolist() == pytest.approx([1.0, 0.7, 1.5])
    assert bill.loc[(3, "silicon_metal"), ["content_kg", "low_kg", "high_kg"]].tolist() == pytest.approx(
        [160.0, 122.5, 250.0]
    )


def test_hand_computed_line_indicators(two_lines):
    lines = two_lines.lines.set_index("row")
    laptop, pv = lines.loc[2], lines.loc[3]
    assert laptop["crm_kg"] == pytest.approx(2.3)  # cobalt + aluminium (gold is not EU-critical)
    assert (laptop["crm_low_kg"], laptop["crm_high_kg"]) == pytest.approx((1.1, 3.5))
    assert laptop["sr_weighted_kg"] == pytest.approx(0.3 * 2.8 + 0.002 * 0.4 + 2.0 * 1.1)
    assert laptop["crma_strategic_share"] == pytest.approx(2.3 / 2.302)
    assert laptop["gpr_exposure_kg_cu_eq"] == pytest.approx(0.3 * 20 + 0.002 * 4000 + 2.0 * 0.3)
    assert (laptop["mass_kg"], laptop["mass_low_kg"], laptop["mass_high_kg"]) == pytest.approx((20, 10, 30))
    assert not laptop["nzia_technology_flag"]
    assert laptop["nzia_material_flags"] == "cobalt:COD;aluminium:CHN"
    assert pv["sr_weighted_kg"] == pytest.approx(1.0 * 0.8 + 160 * 1.3)
    assert pv["gpr_exposure_kg_cu_eq"] == pytest.approx(0.4)  # silicon metal has no factor ...
    assert pv["gpr_not_covered"] == "silicon_metal"  # ... and is reported, not counted as zero silently
    assert pv["nzia_technology_flag"] and "CHN" in pv["nzia_technology_reason"]
    assert (pv["mass_kg"], pv["mass_low_kg"], pv["mass_high_kg"]) == pytest.approx((5000, 87.5 * 45, 125 * 55))


def test_totals_and_ranking(two_lines):
    totals = two_lines.materials.set_index("material_id")
    assert list(two_lines.materials["material_id"]) == ["silicon_metal", "aluminium", "cobalt", "silver", "gold"]
    assert totals.loc["silicon_metal", "sr_weighted_kg"] == pytest.approx(208.0)
    assert two_lines.summary["crm_kg"] == pytest.approx(2.3 + 160)
    total_mass = 2.302 + 161.0
    assert two_lines.summary["crma_strategic_share"] == pytest.approx((2.3 + 160) / total_mass)
    assert two_lines.summary["rows_scanned"] == 2 and two_lines.summary["rows_skipped_invalid"] == 0


def test_clauses_fire_for_the_right_reasons(two_lines):
    by_row = two_lines.lines.set_index("row")["clauses"].str.split(";")
    assert by_row[2] == [
        "refurbished_reuse", "take_back_recycling", "repair_spare_parts", "recycled_content_batteries",
        "supply_chain_transparency",
    ]  # fmt: skip
    assert by_row[3] == ["take_back_recycling", "supply_chain_transparency", "nzia_resilience"]
    reasons = two_lines.clauses.set_index("clause_id")["reasons"]
    assert "cobalt COD 63% extraction" in reasons["supply_chain_transparency"]
    assert "battery contains cobalt" in reasons["recycled_content_batteries"]


def test_battery_and_magnet_clauses(knowledge):
    result = scan([line(2, "34144900", 2)], knowledge)
    clauses = result.lines.loc[0, "clauses"].split(";")
    assert {"battery_chemistry_lfp", "recycled_content_batteries", "rare_earth_free_or_recovery"} <= set(clauses)
    assert "refurbished_reuse" not in clauses


def test_parent_code_uses_children_mix(knowledge):
    mapping = resolve(knowledge, "30213000", "piece")
    assert mapping.kind == "children_mix" and mapping.archetypes == ("30213100", "30213300")
    bill = scan([line(2, "30213000", 2)], knowledge).line_materials.set_index("material_id")
    # equal-weight mean of laptop (0.2) and desktop (0.5) aluminium; envelope of their ranges
    assert bill.loc["aluminium", ["content_kg", "low_kg", "high_kg"]].tolist() == pytest.approx([0.7, 0.2, 3.0])
    # cobalt only in the laptop: mean of 0.03 and 0, low 0 (desktop has none), high 0.05
    assert bill.loc["cobalt", ["content_kg", "low_kg", "high_kg"]].tolist() == pytest.approx([0.03, 0.0, 0.1])
    # the division code mixes every archetype below it (PV modules are in division 09, not 30)
    assert resolve(knowledge, "30000000", "piece").archetypes == ("30213100", "30213300")


def test_children_mix_respects_units(knowledge):
    assert resolve(knowledge, "09000000", "power").archetypes == ("09331200",)
    with pytest.raises(WrongUnitError, match="counted in kWp"):
        resolve(knowledge, "09000000", "energy")


def test_descendant_uses_covering_ancestor_only(knowledge):
    assert resolve(knowledge, "32252000", "piece").kind == "ancestor"
    assert resolve(knowledge, "32252000", "piece").archetypes == ("32250000",)
    # electric vehicles do not cover electric buses: unmapped, with a suggestion
    mapping = resolve(knowledge, "34144910", "piece")
    assert mapping.kind == "unmapped" and "34144900 EV" in mapping.message


def test_unmapped_general_code_gets_suggestion(knowledge):
    result = scan([line(5, "34110000", 3)], knowledge)
    issue = result.issues.iloc[0]
    assert (issue["row"], issue["column"], issue["severity"]) == (5, "cpv", "unmapped")
    assert "Passenger cars" in issue["message"] and "34144900" in issue["message"]
    assert result.summary["rows_unmapped"] == 1 and result.summary["rows_scanned"] == 0


def test_wrong_unit_and_check_digit_are_row_errors(knowledge):
    lines = [
        line(2, "30213100", 1, unit="kWh", dimension="energy"),
        line(3, "30213100", 1, check=5),
        line(4, "30213100", 1, check=6),
    ]
    result = scan(lines, knowledge)
    issues = result.issues.set_index("row")
    assert issues.loc[2, "column"] == "unit" and "counted in pieces" in issues.loc[2, "message"]
    assert issues.loc[3, "column"] == "cpv" and "30213100-6" in issues.loc[3, "message"]
    assert list(result.lines["row"]) == [4]
    assert result.summary["rows_skipped_invalid"] == 2


def test_power_in_kw_counts_as_kwp_and_megawatts_convert(knowledge):
    result = scan([line(2, "09331200", 0.1, unit="MWp", dimension="power", factor=1000.0)], knowledge)
    bill = result.line_materials.set_index("material_id")
    assert bill.loc["silver", "content_kg"] == pytest.approx(100 * 0.01)
    assert bill.loc["silver", "low_kg"] == pytest.approx(100 * 0.008)  # no piece conversion: no capacity range


def test_empty_scan_has_well_formed_tables(knowledge):
    result = scan([], knowledge)
    assert result.lines.empty and result.materials.empty and result.clauses.empty
    assert result.summary["crm_kg"] == 0 and result.summary["top_materials_by_sr_weighted"] == []


def test_group_fallback_follows_group_chain():
    values = pd.Series({"lree": 3.7, "ree": 4.0, "copper": 0.1})
    groups = pd.Series({"neodymium": "lree", "lree": "ree", "ree": "", "copper": "", "iridium": "pgm", "pgm": ""})
    filled, basis = _group_fallback(values, groups)
    assert filled["neodymium"] == 3.7 and basis["neodymium"] == "lree"
    assert filled["copper"] == 0.1 and basis["copper"] == "copper"
    assert math.isnan(filled["iridium"]) and basis["iridium"] == ""


CELLS = st.one_of(
    st.none(),
    st.sampled_from(
        ["30213100-6", "30213100-5", "30213000", "09331200", "32252000", "34110000", "34144910", "9331200"]
    ),
    st.sampled_from(["stuks", "kWp", "MWp", "kWh", "km", "liter", ""]),
    st.floats(min_value=-1e6, max_value=1e6),
    st.text(max_size=8),
)


@settings(max_examples=200, deadline=None)
@given(body=st.lists(st.lists(CELLS, min_size=4, max_size=4), min_size=1, max_size=6))
def test_fuzz_parse_and_scan_account_for_every_row(body):
    knowledge = make_knowledge()
    rows = [(number, cells) for number, cells in enumerate(body, start=2)]
    try:
        parsed = parse_rows(["cpv", "description", "quantity", "unit"], rows)
    except PurchaseFileError:
        return
    result = scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    summary = result.summary
    assert summary["rows_scanned"] + summary["rows_skipped_invalid"] + summary["rows_unmapped"] == parsed.rows_read
    assert (result.line_materials["content_kg"] >= 0).all()
    assert (result.materials["low_kg"] <= result.materials["content_kg"] + 1e-9).all()
