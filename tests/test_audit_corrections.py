"""Regression tests for the data-audit corrections of 2026-12-02 (issue 14, item 7): one per datum."""

from __future__ import annotations

import pandas as pd
import pytest


def _one(frame: pd.DataFrame, **keys) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, value in keys.items():
        mask &= frame[column] == value
    rows = frame.loc[mask]
    assert len(rows) == 1, keys
    return rows.iloc[0]


def test_offshore_wind_additions_follow_cbs_counting(kb):
    history = kb["deployment_history"]
    nl = history.loc[(history["technology_id"] == "wind_offshore") & (history["region"] == "NL")]
    stock = nl.set_index("year")["value"]
    added_2022 = _one(history, technology_id="wind_offshore", region="NL36", year=2022, metric="annual_additions")
    added_2023 = _one(history, technology_id="wind_offshore", region="NL36", year=2023, metric="annual_additions")
    assert stock[2022] - stock[2020] == 110  # CBS: 110 MW offshore added in the whole Netherlands in 2022
    assert added_2022["value"] <= stock[2022] - stock[2020]  # was 759 MW
    assert added_2022["value"] + added_2023["value"] == 1529  # Hollandse Kust (zuid): 139 × 11 MW
    assert added_2023["low"] == stock[2023] - stock[2022] == 1408


@pytest.mark.parametrize(
    ("material", "implied"), [("germanium", "HHI_EUs = 1.44"), ("rhenium", "import reliance 0.92")]
)
def test_eu_sourcing_contradicting_import_reliance_is_flagged(kb, material, implied):
    shares = kb["supply_shares"]
    rows = shares.loc[(shares["material_id"] == material) & (shares["stage"] == "processing")
                      & (shares["scope"] == "eu_sourcing")]
    assert not rows.empty and rows["note"].str.contains("SUSPECT").all()
    assert rows["note"].str.contains(implied, regex=False).all()


def test_pem_iridium_does_not_rise_after_2035(kb):
    ir = kb["material_intensities"]
    series = ir.loc[(ir["technology_id"] == "el_pem") & (ir["material_id"] == "iridium")].set_index("year")
    assert series.loc[2050, "value"] == series.loc[2035, "value"] == 0.05  # was 0.195 (fourfold rise)
    assert series.loc[2050, "high"] == pytest.approx(0.339988)
    assert series.loc[2050, "quality"] == "assumption"


@pytest.mark.parametrize("kind", ["hs", "ms"])
def test_dysprosium_in_pm_generators_does_not_depend_on_the_site(kb, kind):
    ir = kb["material_intensities"]
    onshore = _one(ir, technology_id=f"wind_onshore_{kind}_pmsg", material_id="dysprosium", year=2020)
    offshore = _one(ir, technology_id=f"wind_offshore_{kind}_pmsg", material_id="dysprosium", year=2020)
    assert onshore["value"] == offshore["value"] == {"hs": 2.0, "ms": 3.0}[kind]  # both were 5.4
    series = ir.loc[(ir["technology_id"] == f"wind_onshore_{kind}_pmsg") & (ir["material_id"] == "dysprosium")]
    values = series.set_index("year")["value"]
    assert values[2020] <= values[2015]  # no jump 2.6 -> 5.4 -> 1.1 any more


def test_lfp_nickel_and_heat_pump_contents_are_flagged(kb):
    ir = kb["material_intensities"]
    assert "SUSPECT" in _one(ir, technology_id="batt_lfp", material_id="nickel", year=2015)["note"]
    heat = ir.loc[ir["technology_id"] == "heat_pump"]
    assert heat["note"].str.contains("MISMATCH").all() and heat["note"].str.contains("636k").all()
    tech = _one(kb["technologies"], id="heat_pump")
    assert "air-air" in tech["note"]


def test_battery_recovery_targets_cite_annex_xii_part_c(kb):
    rates = kb["recovery_rates"]
    legal = rates.loc[rates["source_id"] == "eu_batteries_reg_2023_1542"]
    assert len(legal) == 20
    assert legal["note"].str.contains("Annex XII Part C").all()
    assert not rates["note"].fillna("").str.contains("Part B").any()


def test_eol_rir_2023_is_complete_for_gallium_and_magnesium(kb):
    official = kb["criticality_official"]
    row = official.loc[official["year"] == 2023].set_index("material_id")
    assert row.loc["gallium", "eol_rir"] == 0.0 and row.loc["magnesium", "eol_rir"] == pytest.approx(0.13)
    inputs = kb["criticality_inputs"]
    summary = inputs.loc[(inputs["year"] == 2023) & (inputs["parameter"] == "eol_rir")].set_index("material_id")
    shared = row["eol_rir"].dropna().index.intersection(summary.index)
    assert len(shared) >= 80
    assert (row.loc[shared, "eol_rir"] - summary.loc[shared, "value"]).abs().max() < 1e-9


def test_zuid_holland_pv_and_onshore_wind_stay_ranged_assumptions(kb):
    history = kb["deployment_history"]
    for technology, years in (("solar_pv", (2021, 2022, 2023)), ("wind_onshore", (2023,))):
        for year in years:
            row = _one(history, technology_id=technology, region="NL36", year=year, metric="installed_stock")
            assert row["quality"] == "assumption" and row["low"] < row["value"] < row["high"]
            assert "Looked for again 2026-12-02" in row["note"]
