"""Sodium-ion cell intensities (``batt_sib`` rows of material_intensities).

The nickel and manganese rows are recomputed from the inputs quoted in their notes with an independent
molar-mass calculation (IUPAC 2021 standard atomic weights); the other checks pin the cell chemistry that makes
sodium-ion different from Li-ion: aluminium instead of copper on the anode, hard carbon instead of graphite,
no lithium or cobalt, and a cathode richer in manganese than NMC811.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from crmradar.data.schema import EMBEDDED_PACKAGE

DATA = EMBEDDED_PACKAGE / "data"
LI_ION = ("batt_nmc111", "batt_nmc622", "batt_nmc811", "batt_nca", "batt_lfp")
# IUPAC 2021 conventional atomic weights, g/mol
ATOMIC_WEIGHT = {"Na": 22.98977, "Ni": 58.6934, "Fe": 55.845, "Mn": 54.93804, "O": 15.999}


@pytest.fixture(scope="module")
def intensities() -> pd.DataFrame:
    frame = pd.read_csv(DATA / "material_intensities.csv", keep_default_na=False)
    for column in ("value", "low", "high"):
        frame[column] = pd.to_numeric(frame[column].replace("", None))
    return frame


@pytest.fixture(scope="module")
def sib(intensities: pd.DataFrame) -> pd.DataFrame:
    return intensities[intensities["technology_id"] == "batt_sib"]


def value(frame: pd.DataFrame, tech: str, material: str, year: int) -> float:
    row = frame[(frame["technology_id"] == tech) & (frame["material_id"] == material) & (frame["year"] == year)]
    assert len(row) == 1, (tech, material, year)
    return float(row["value"].iloc[0])


def test_sodium_ion_rows_cover_the_cell_metals_for_three_years(sib):
    assert set(sib["material_id"]) == {"aluminium", "copper", "manganese", "nickel"}
    for material, rows in sib.groupby("material_id"):
        assert sorted(rows["year"]) == [2020, 2030, 2050], material
    assert (sib["unit"] == "kg/kWh").all()
    assert (sib["quality"] == "assumption").all()
    assert ((sib["low"] <= sib["value"]) & (sib["value"] <= sib["high"])).all()
    # no lithium, no cobalt in Co-free layered oxides, hard carbon instead of graphite
    assert not set(sib["material_id"]) & {"lithium", "cobalt", "natural_graphite"}


def test_sodium_ion_sources_are_in_the_sources_table(sib):
    sources = set(pd.read_csv(DATA / "sources.csv")["id"])
    assert set(sib["source_id"]) == {"peters_2016_sib_lca"}
    assert {"peters_2016_sib_lca", "zhang_2024_sib_lca"} <= sources


@pytest.mark.parametrize(("material", "symbol"), [("nickel", "Ni"), ("manganese", "Mn")])
def test_cathode_metals_recomputed_from_nfm_stoichiometry(sib, material, symbol):
    # NaNi1/3Fe1/3Mn1/3O2: 111.48 g/mol, Ni 17.55 %, Mn 16.43 % by mass
    molar_mass = ATOMIC_WEIGHT["Na"] + (ATOMIC_WEIGHT["Ni"] + ATOMIC_WEIGHT["Fe"] + ATOMIC_WEIGHT["Mn"]) / 3 + (
        2 * ATOMIC_WEIGHT["O"])
    assert molar_mass == pytest.approx(111.48, abs=0.01)
    fraction = ATOMIC_WEIGHT[symbol] / 3 / molar_mass
    for row in sib[sib["material_id"] == material].itertuples():
        cam, cam_low, cam_high = map(float, re.match(r"([\d.]+) \(([\d.]+)-([\d.]+)\) kg cathode", row.note).groups())
        quoted_fraction = float(re.search(r"mass fraction ([\d.]+)", row.note).group(1))
        share = float(re.search(r"layered-oxide share ([\d.]+)", row.note).group(1))
        assert quoted_fraction == pytest.approx(fraction, abs=5e-5)
        # stored rounded to 2 decimals
        assert row.value == pytest.approx(cam * fraction * share, abs=0.0051), row.year
        assert row.low == 0.0  # polyanion and Prussian-white cathodes carry no Ni or Mn
        high_fraction = 0.25 if symbol == "Mn" else fraction
        assert row.high == pytest.approx(cam_high * high_fraction, abs=0.0051), row.year
        assert cam_low < cam < cam_high


def test_cathode_active_mass_matches_peters_cell_over_zhang_specific_energy(sib):
    # 0.38-0.42 kg active material of the 0.464 kg cathode per kg cell (Peters 2016) over 0.157 kWh/kg (2020)
    # and 0.200 kWh/kg (2050, premise after Zhang 2024)
    cams = {row.year: float(row.note.split(" ")[0]) for row in sib[sib["material_id"] == "nickel"].itertuples()}
    assert 0.38 / 0.157 <= cams[2020] <= 0.42 / 0.157
    assert 0.38 / 0.200 <= cams[2050] <= 0.42 / 0.200
    assert cams[2020] > cams[2030] > cams[2050]


def test_sodium_ion_chemistry_against_li_ion_rows(intensities):
    for li_ion in LI_ION:
        # aluminium anode current collector: far less copper, more aluminium than any Li-ion cell
        assert value(intensities, "batt_sib", "copper", 2020) < value(intensities, li_ion, "copper", 2020) / 5
        assert value(intensities, "batt_sib", "aluminium", 2020) > value(intensities, li_ion, "aluminium", 2020)
    # NFM has a third of its transition metal as Mn, NMC811 a tenth; nickel stays below the high-Ni chemistries
    assert value(intensities, "batt_sib", "manganese", 2020) > value(intensities, "batt_nmc811", "manganese", 2015)
    assert value(intensities, "batt_sib", "nickel", 2020) < value(intensities, "batt_nmc811", "nickel", 2015)
    assert value(intensities, "batt_sib", "nickel", 2020) < value(intensities, "batt_nca", "nickel", 2015)
