"""Build ``material_intensities.csv`` for the Zuid-Holland energy-transition model.

One-off curation script (documents how the table was built; not run by tests or CI). It reads the
raw reference files under ``/work/shared/data/raw`` and writes our own table:

* Schlichenmaier & Naegler (2022) SI 2 as transcribed in premise 2.5.5 — the extended summary
  ``metals_db.xlsx`` (median/min/max per intensity class and year) and, for materials that table lacks,
  the per-technology summary rows of ``SI_2_Material_requirements.xlsx``;
* NREL PV_ICE baselines: mat_massperm2 (g/m²) and module efficiency η (%) give
  ``kg/MW = (g/m²) / (η/100 · 1000 W/m²) · 10⁶ W/MW / 1000 g/kg = (g/m²) / (η/100) / 1000 · 1000``,
  i.e. ``kg/MW = g_per_m2 / eta_fraction``;
* a short list of our own estimates (quality=assumption, with range and reason).
* sodium-ion cells (batt_sib): Ni/Mn from the NFM stoichiometry times the cathode active mass per kWh of the
  Peters et al. 2016 cell over the Zhang et al. 2024 specific energy, Al and Cu from the Al/Al current collectors.

Run: ``python scripts/curate_region_intensities.py`` then ``python scripts/assemble_datapackage.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

RAW = Path("/work/shared/data/raw")
PREMISE = RAW / "material_intensity_premise"
PV_ICE = RAW / "pv_ice_nrel"
OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/material_intensities.csv"
FIELDS = ["technology_id", "material_id", "year", "value", "unit", "low", "high", "source_id", "quality", "note"]
SN = "schlichenmaier_naegler_2022"

# premise/JRC intensity class -> our sub-technology ids (HTS-DD superconducting turbines and fuel cells
# are not part of the Zuid-Holland technology set; LCO is a consumer-electronics chemistry).
CLASS_MAP = {
    "W-on SG-PM-DD": ["wind_onshore_dd_pmsg"],
    "W-on SG-PM-MS": ["wind_onshore_ms_pmsg"],
    "W_on_SG_PM_HS": ["wind_onshore_hs_pmsg"],
    "W-on SG-E-DD": ["wind_onshore_dd_eesg"],
    "W-on AG": ["wind_onshore_dfig"],
    "W-off SG-PM-DD": ["wind_offshore_dd_pmsg"],
    "W-off SG-PM-MS": ["wind_offshore_ms_pmsg"],
    "W_off_SG_PM_HS": ["wind_offshore_hs_pmsg"],
    "W-off SG-E-DD": ["wind_offshore_dd_eesg"],
    "W-off AG": ["wind_offshore_dfig"],
    "battery_NMC111": ["batt_nmc111"],
    "battery_NMC622": ["batt_nmc622"],
    "battery_NMC811": ["batt_nmc811"],
    "battery_NCA": ["batt_nca"],
    "battery_LFP": ["batt_lfp"],
    "Redox-Flow": ["batt_vrfb"],
    "NaS": ["batt_nas"],
    "PEMEL": ["el_pem"],
    "AEL": ["el_alkaline"],
    "HTEL_SOEL-Yttrium": ["el_soec"],
    "pv_c_Si": ["pv_csi"],
    "pv_CdTe": ["pv_cdte"],
    "pv_CIGS": ["pv_cigs"],
    "pv_a_Si": ["pv_asi"],
    "ELECTRO_MOTOR": ["motor_pmsm"],
}
# SI 2 sheet -> sub-technologies; used only for (material, year) pairs metals_db lacks.
SHEET_MAP = {
    "Wind-DDPM": ["wind_onshore_dd_pmsg", "wind_offshore_dd_pmsg"],
    "c-Si": ["pv_csi"],
    "CdTe": ["pv_cdte"],
    "CIGS": ["pv_cigs"],
    "a-Si": ["pv_asi"],
    "PEMEL": ["el_pem"],
    "AEL": ["el_alkaline"],
    "HTEL - Yttrium": ["el_soec"],
}
# Element names as printed in the workbooks -> materials ids. Potassium (KOH electrolyte) has no
# material id (potash is the fertiliser mineral) and brass is an alloy: both are left out.
MATERIAL_MAP = {
    "Sulfur": "sulphur",
    "Graphite": "natural_graphite",
    "Titanium": "titanium_metal",
    "Praseodimium": "praseodymium",
}
SKIP_MATERIALS = {"Potassium", "Brass"}
EU_MODULES = "EU_Nagle2024_baseline_modules_mass_EU_baseline.csv"
PV_ICE_FILES = {  # material id -> (material baseline file, module baseline file); all for c-Si
    "silver": ("EU_Nagle2024_baseline_material_mass_silver_EU.csv", EU_MODULES),
    "silicon_metal": ("EU_Nagle2024_baseline_material_mass_silicon_EU.csv", EU_MODULES),
    "copper": ("EU_Nagle2024_baseline_material_mass_copper_EU.csv", EU_MODULES),
    "aluminium": ("baseline_material_mass_aluminium_frames.csv", "baseline_modules_mass_World.csv"),
}
PV_ICE_YEARS = (2015, 2020, 2025, 2030, 2040, 2050)


def material_id(name: str) -> str | None:
    if name in SKIP_MATERIALS:
        return None
    return MATERIAL_MAP.get(name, name.strip().lower())


def row(tech, mat, year, value, unit, low, high, source, quality, note) -> dict:
    def fmt(x):
        return "" if x is None else f"{float(x):.6g}"

    return {"technology_id": tech, "material_id": mat, "year": int(year), "value": fmt(value), "unit": unit,
            "low": fmt(low), "high": fmt(high), "source_id": source, "quality": quality, "note": note}


def ordered(value: float, low: float, high: float) -> tuple[float, float, str]:
    """Published min/max occasionally exclude the median (rounding in the source): widen and say so."""
    note = ""
    if low > value or high < value:
        note = f"published range {low:g}–{high:g} excludes the median; widened to include it. "
        low, high = min(low, value), max(high, value)
    return low, high, note


def from_metals_db() -> list[dict]:
    table = pd.read_excel(PREMISE / "metals_db.xlsx").dropna(subset=["median"])
    rows = []
    for rec in table.itertuples(index=False):
        mat = material_id(rec.metal)
        for tech in CLASS_MAP.get(rec.origin_var, []):
            if mat is None:
                continue
            low, high, widened = ordered(rec.median, rec.min, rec.max)
            note = (f"{widened}S&N 2022 class '{rec.origin_var}' (JRC nomenclature), median of studies; "
                    f"mean {rec.mean:.4g}.")
            rows.append(row(tech, mat, rec.year, rec.median, rec.unit, low, high, SN,
                            "derived" if widened else "reported", note))
    return rows


def from_si_sheets(have: set[tuple[str, str, int]]) -> list[dict]:
    sheets = pd.read_excel(PREMISE / "SI_2_Material_requirements.xlsx", sheet_name=list(SHEET_MAP), header=None)
    rows = []
    for sheet, frame in sheets.items():
        body = frame.iloc[3:, :7].dropna(subset=[0, 2, 4])
        for name, unit, year, _mean, median, low, high in body.itertuples(index=False):
            mat = material_id(str(name))
            if mat is None:
                continue
            for tech in SHEET_MAP[sheet]:
                if (tech, mat, int(year)) in have:
                    continue
                low_, high_, widened = ordered(float(median), float(low), float(high))
                note = f"{widened}S&N 2022 SI 2 sheet '{sheet}', median of studies."
                if mat == "natural_graphite":
                    note += " Graphite in alkaline electrolysers is probably synthetic; kept under natural_graphite."
                rows.append(row(tech, mat, year, median, unit, low_, high_, SN,
                                "derived" if widened else "reported", note))
    return rows


def read_pv_ice(name: str) -> pd.DataFrame:
    frame = pd.read_csv(PV_ICE / name, encoding="utf-8-sig", skiprows=[1])
    return frame.set_index("year")


def from_pv_ice() -> list[dict]:
    rows = []
    for mat, (material_file, module_file) in PV_ICE_FILES.items():
        grams = read_pv_ice(material_file)["mat_massperm2"]
        efficiency = read_pv_ice(module_file)["mod_eff"] / 100.0
        source = "nagle_2024_pv_ice_eu" if material_file.startswith("EU_") else "nrel_pv_ice"
        for year in PV_ICE_YEARS:
            kg_per_mw = grams[year] / efficiency[year]
            note = (f"PV_ICE {material_file}: {grams[year]:.6g} g/m² at module efficiency "
                    f"{100 * efficiency[year]:.6g} %; kg/MW = (g/m²)/η.")
            rows.append(row("pv_csi", mat, year, kg_per_mw, "kg/MW", None, None, source, "derived", note))
    return rows


# Our own estimates: (technology, material, year, value, unit, low, high, reason).
ASSUMPTIONS = [
    *[(t, "natural_graphite", 2020, 0.4, "kg/kWh", 0.2, 1.2,
       "anode graphite about 1.0 (0.8–1.3) kg/kWh of cell capacity, natural flake share taken as 40 % (20–100 %); "
       "premise/S&N give no graphite per kWh")
      for t in ("batt_nmc111", "batt_nmc622", "batt_nmc811", "batt_nca", "batt_lfp", "batt_post_li")],
    *[(t, "copper", 2020, 0.5, "kg/kWh", 0.3, 0.9,
       "anode current collector and cell tabs; typical 0.3–0.9 kg/kWh in cell inventories, not in our sources")
      for t in ("batt_nmc111", "batt_nmc622", "batt_nmc811", "batt_nca", "batt_lfp", "batt_post_li")],
    *[(t, "aluminium", 2020, 0.5, "kg/kWh", 0.3, 1.0,
       "cathode current collector, cell casing and pack housing; not in our sources")
      for t in ("batt_nmc111", "batt_nmc622", "batt_nmc811", "batt_nca", "batt_lfp", "batt_post_li")],
    ("batt_post_li", "lithium", 2020, 0.2, "kg/kWh", 0.1, 0.41,
     "solid-state/Li-S/Li-air cells use lithium metal anodes; range spans the S&N 2022 LiO2 (0.15) and "
     "LiS8 (0.41) medians"),
    ("batt_nmc811", "lithium", 2050, 0.1, "kg/kWh", 0.08, 0.12,
     "S&N 2022 has NMC811 Li only for 2015 (0.113); held about constant with modest thrifting"),
    ("batt_lead_acid", "lead", 2020, 18.0, "kg/kWh", 12.0, 25.0,
     "lead-acid about 30–40 Wh/kg with 60 % lead by mass; not in our sources"),
    ("wind_onshore_ms_pmsg", "praseodymium", 2020, 7.7, "kg/MW", 3.0, 12.0,
     "Pr/Nd mass ratio 0.19 of the S&N 2022 DDPM medians (35/183) applied to the MS-PMSG Nd median 40"),
    ("wind_onshore_hs_pmsg", "praseodymium", 2020, 6.2, "kg/MW", 2.0, 10.0,
     "Pr/Nd ratio 0.19 (S&N 2022 DDPM) applied to the HS-PMSG Nd median 32.4"),
    ("wind_offshore_ms_pmsg", "praseodymium", 2020, 7.7, "kg/MW", 3.0, 12.0,
     "Pr/Nd ratio 0.19 (S&N 2022 DDPM) applied to the MS-PMSG Nd median 40"),
    ("wind_offshore_hs_pmsg", "praseodymium", 2020, 4.2, "kg/MW", 2.0, 10.0,
     "Pr/Nd ratio 0.19 (S&N 2022 DDPM) applied to the offshore HS-PMSG Nd median 22"),
    ("wind_onshore_ms_pmsg", "terbium", 2020, 1.3, "kg/MW", 0.1, 2.5,
     "Tb/Nd ratio 0.033 of the S&N 2022 DDPM medians (6.08/183) applied to the MS-PMSG Nd median"),
    ("wind_offshore_ms_pmsg", "terbium", 2020, 1.3, "kg/MW", 0.1, 2.5,
     "Tb/Nd ratio 0.033 (S&N 2022 DDPM) applied to the MS-PMSG Nd median"),
    ("wind_onshore_hs_pmsg", "terbium", 2020, 1.1, "kg/MW", 0.1, 2.0,
     "Tb/Nd ratio 0.033 (S&N 2022 DDPM) applied to the HS-PMSG Nd median"),
    ("wind_offshore_hs_pmsg", "terbium", 2020, 0.7, "kg/MW", 0.1, 2.0,
     "Tb/Nd ratio 0.033 (S&N 2022 DDPM) applied to the offshore HS-PMSG Nd median"),
    *[(t, "copper", 2020, 3000.0, "kg/MW", 1500.0, 5000.0,
       "nacelle, tower cabling and converter for geared or EESG turbines; S&N 2022 gives Cu only for DDPM "
       "(median 3850, 1484–10000 kg/MW)")
      for t in ("wind_onshore_ms_pmsg", "wind_onshore_hs_pmsg", "wind_onshore_dfig", "wind_onshore_dd_eesg",
                "wind_offshore_ms_pmsg", "wind_offshore_hs_pmsg", "wind_offshore_dfig", "wind_offshore_dd_eesg")],
    ("motor_pmsm", "copper", 2020, 100.0, "kg/MW", 50.0, 200.0,
     "stator windings of a traction motor, about 10–20 kg per 100–150 kW motor; not in our sources"),
    ("motor_ree_free", "copper", 2020, 150.0, "kg/MW", 80.0, 250.0,
     "induction/EESM motors carry more copper (rotor cage or rotor winding) than PMSM"),
    ("heat_pump", "copper", 2020, 15.0, "kg/unit", 8.0, 30.0,
     "air-water heat pump 6–10 kW: compressor motor, heat exchangers, piping; no per-unit inventory in our sources"),
    ("heat_pump", "aluminium", 2020, 20.0, "kg/unit", 10.0, 40.0,
     "fin heat exchangers and casing of a 6–10 kW unit; no per-unit inventory in our sources"),
    ("heat_pump", "neodymium", 2020, 0.05, "kg/unit", 0.0, 0.15,
     "NdFeB rotor of inverter (BLDC) compressors; many units use ferrite magnets"),
    ("ict_electronics", "gold", 2015, 0.00013, "kg/kg", 0.00007, 0.00027,
     "half the mobile-phone content (24 mg per 90 g phone, Hagelüken & Buchert 2008); PCs, printers and "
     "monitors have a lower circuit-board share"),
    ("ict_electronics", "silver", 2015, 0.0014, "kg/kg", 0.0007, 0.0028,
     "half the mobile-phone content (250 mg per 90 g phone, Hagelüken & Buchert 2008)"),
    ("ict_electronics", "palladium", 2015, 0.00005, "kg/kg", 0.000025, 0.0001,
     "half the mobile-phone content (9 mg per 90 g phone, Hagelüken & Buchert 2008)"),
    ("ict_electronics", "copper", 2015, 0.08, "kg/kg", 0.05, 0.2,
     "mobile phone 9 g per 90 g (0.1 kg/kg, Hagelüken & Buchert 2008); cables and PSUs of PCs raise it"),
    ("ict_electronics", "cobalt", 2015, 0.01, "kg/kg", 0.003, 0.03,
     "Li-ion batteries of phones/laptops: 3.5 g Co per phone battery (Hagelüken & Buchert 2008), lower for PCs"),
    ("ict_electronics", "tantalum", 2015, 0.00005, "kg/kg", 0.00001, 0.0002,
     "tantalum capacitors on circuit boards; no composition data in our sources"),
    ("ict_electronics", "tin", 2015, 0.005, "kg/kg", 0.002, 0.01,
     "lead-free solder on circuit boards; no composition data in our sources"),
    ("ict_electronics", "gallium", 2015, 0.000002, "kg/kg", 0.0000005, 0.00001,
     "GaAs/GaN chips and LEDs; no composition data in our sources"),
    ("ict_electronics", "indium", 2015, 0.000005, "kg/kg", 0.000001, 0.00002,
     "ITO in flat-panel displays; no composition data in our sources"),
    ("ict_electronics", "neodymium", 2015, 0.0005, "kg/kg", 0.0001, 0.002,
     "NdFeB in hard-disk drives, speakers and vibration motors; no composition data in our sources"),
    ("ict_electronics", "aluminium", 2015, 0.05, "kg/kg", 0.02, 0.15,
     "housings and heat sinks; no composition data in our sources"),
]


def from_assumptions() -> list[dict]:
    return [row(t, m, y, v, u, lo, hi, "schlichenmaier_naegler_2022" if "S&N" in why
                else "hageluken_buchert_2008" if "Hagelüken" in why else "crmradar_region_estimate",
                "assumption", why)
            for t, m, y, v, u, lo, hi, why in ASSUMPTIONS] + sodium_ion_rows()


# Sodium-ion cells (batt_sib), per kWh of cell capacity like the Li-ion rows (Al also covers the pack housing).
# Cathode active material (CAM) per kWh: the Peters et al. 2016 cell inventory has 0.464 kg cathode electrode per
# kg cell, about 0.38-0.42 kg of it CAM, divided by the cell specific energy of Zhang et al. 2024 (0.157, 0.12-0.18
# kWh/kg in 2020, 0.200, 0.15-0.23 in 2050 as carried by premise) gives 2.5 (2.1-3.5) kg CAM/kWh in 2020 and
# 2.0 (1.7-2.8) in 2050, 2030 interpolated on the specific energy. Metal content follows from the stoichiometry
# of the commercial layered oxide NaNi1/3Fe1/3Mn1/3O2 (NFM). Polyanion (NFPP) and Prussian-white cathodes carry
# no Ni or Mn, so the central case takes half the market as layered oxide and the low end none.
ATOMIC_MASS = {"Na": 22.990, "Ni": 58.693, "Fe": 55.845, "Mn": 54.938, "O": 15.999}
NFM_MOLAR_MASS = ATOMIC_MASS["Na"] + (ATOMIC_MASS["Ni"] + ATOMIC_MASS["Fe"] + ATOMIC_MASS["Mn"]) / 3 + 2 * ATOMIC_MASS["O"]
LAYERED_OXIDE_SHARE = 0.5
MN_RICH_FRACTION = 0.25  # Mn about half the transition-metal sites (Mn-rich layered oxides): high end for Mn
SIB_CAM = {2020: (2.5, 2.1, 3.5), 2030: (2.3, 1.9, 3.2), 2050: (2.0, 1.7, 2.8)}
SIB_AL = {2020: (0.8, 0.5, 1.5), 2030: (0.75, 0.45, 1.4), 2050: (0.65, 0.4, 1.2)}
SIB_SOURCE = "peters_2016_sib_lca"


def sodium_ion_rows() -> list[dict]:
    rows = []
    for year, (cam, cam_low, cam_high) in SIB_CAM.items():
        for metal, mat in (("Ni", "nickel"), ("Mn", "manganese")):
            fraction = ATOMIC_MASS[metal] / 3 / NFM_MOLAR_MASS
            high = cam_high * (MN_RICH_FRACTION if metal == "Mn" else fraction)
            note = (f"{cam:g} ({cam_low:g}-{cam_high:g}) kg cathode active material per kWh (Peters 2016 cell "
                    f"composition over Zhang 2024 cell specific energy) x {metal} mass fraction {fraction:.4f} of "
                    f"NaNi1/3Fe1/3Mn1/3O2 x layered-oxide share {LAYERED_OXIDE_SHARE:g} (0-1, polyanion and "
                    "Prussian-white cathodes carry none)"
                    + (f", high end Mn-rich layered oxide at {MN_RICH_FRACTION:g} Mn" if metal == "Mn" else ""))
            rows.append(row("batt_sib", mat, year, round(cam * fraction * LAYERED_OXIDE_SHARE, 2), "kg/kWh",
                            0.0, round(high, 2), SIB_SOURCE, "assumption", note))
        al, al_low, al_high = SIB_AL[year]
        rows.append(row("batt_sib", "aluminium", year, al, "kg/kWh", al_low, al_high, SIB_SOURCE, "assumption",
                        "aluminium current collectors on both electrodes (hard carbon on Al in the Peters 2016 "
                        "inventory) plus casing and pack housing, above the 0.5 kg/kWh of Li-ion cells because the "
                        "anode foil is Al and the cell stores less energy per kg, falls with specific energy"))
        rows.append(row("batt_sib", "copper", year, 0.05, "kg/kWh", 0.02, 0.25, SIB_SOURCE, "assumption",
                        "no copper current collector (Al on both sides), copper only in busbars and connectors, "
                        "high end for Cu-Fe-Mn layered oxide cathodes (about 0.15 kg Cu/kWh) plus busbars"))
    return rows


def from_ev_motor_sheet() -> list[dict]:
    """Magnet elements of PMSM traction motors from the SI 2 'EV' sheet (kg per kg of motor).

    The sheet has no motor mass; we convert with the specific mass implied by the two S&N tables:
    ``kg motor/MW = Nd kg/MW (metals_db ELECTRO_MOTOR, 2020 median) / Nd kg/kg motor (EV sheet median)``.
    """
    frame = pd.read_excel(PREMISE / "SI_2_Material_requirements.xlsx", sheet_name="EV", header=None)
    body = frame.iloc[3:, :7].dropna(subset=[0, 2, 4])
    body = body[body[2] == 2020].set_index(0)
    metals = pd.read_excel(PREMISE / "metals_db.xlsx")
    nd_per_mw = metals[(metals.origin_var == "ELECTRO_MOTOR") & (metals.metal == "Neodymium")
                       & (metals.year == 2020)]["median"].iloc[0]
    motor_kg_per_mw = nd_per_mw / float(body.loc["Neodymium", 4])
    rows = []
    for name in ("Praseodymium", "Terbium", "Boron"):
        median, low, high = (float(body.loc[name, c]) * motor_kg_per_mw for c in (4, 5, 6))
        note = (f"S&N 2022 SI 2 sheet 'EV' {float(body.loc[name, 4]):.3g} kg/kg motor × {motor_kg_per_mw:.0f} kg "
                "motor/MW (ratio of the ELECTRO_MOTOR Nd median in kg/MW to the EV-sheet Nd median in kg/kg).")
        rows.append(row("motor_pmsm", material_id(name), 2020, median, "kg/MW", low, high, SN, "derived", note))
    return rows


def main() -> None:
    rows = from_metals_db()
    rows += from_pv_ice_filtered(rows)
    have = {(r["technology_id"], r["material_id"], r["year"]) for r in rows}
    rows += from_si_sheets(have)
    rows += from_ev_motor_sheet()
    have = {(r["technology_id"], r["material_id"], r["year"]) for r in rows}
    rows += [r for r in from_assumptions() if (r["technology_id"], r["material_id"], r["year"]) not in have]
    audit_corrections(rows)
    rows.sort(key=lambda r: (r["technology_id"], r["material_id"], r["year"]))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        # no ';' in notes: frictionless sniffs the delimiter from the first lines and would pick it
        writer.writerows({**r, "note": r["note"].replace("; ", ", ")} for r in rows)
    print(f"{len(rows)} rows, {len({r['material_id'] for r in rows})} materials -> {OUT}")


#: Audit 2026-12-02: the heat-pump stock (CBS, dwellings) counts air-air units, these contents are per air-water unit.
HEAT_PUMP_FLAG = (" MISMATCH (audit 2026-12-02): the stock this multiplies (CBS heat pumps in dwellings) counts "
                  "reversible air-air units too, 636k of 940k in 2021 (air-water 206k, ground 98k), while this "
                  "content is for a 6-10 kW air-water unit, so heat-pump demand is an upper estimate. No per-unit "
                  "inventory of air-air units is in our sources.")


def audit_corrections(rows: list[dict]) -> None:
    """Data-audit corrections of 2026-12-02 (issue 14), applied in place; before/after in the curation note.

    * PEM iridium 2050: the series mixed two compilations (metals_db 2015/2025/2035, 0.05 kg/MW in 2035; SI 2
      sheet 'PEMEL' 2020/2050, median 0.195 in 2050), a fourfold rise after 2035 without cause. 2050 is held at
      the 2035 value of the same series; the SI 2 2050 spread (0.05-0.34) stays as the range.
    * Dy in onshore high- and medium-speed PM generators, 2020: the source medians (5.4 kg/MW) rest on another
      study set than 2015, 2030 and the offshore class of the same generator (HS 2.0, MS 3.0). Dy per MW
      depends on the generator, not the site: the offshore median of the same type and year is used, the
      source range is kept.
    * LFP nickel: flagged (LiFePO4 cathodes contain no nickel; the source gives no reason for 0.0645 kg/kWh).
    """
    by_key = {(r["technology_id"], r["material_id"], int(r["year"])): r for r in rows}
    ir_2035, ir_2050 = by_key[("el_pem", "iridium", 2035)], by_key[("el_pem", "iridium", 2050)]
    ir_2050.update(value=ir_2035["value"], low=ir_2035["value"], quality="assumption",
                   note=f"Held at the 2035 value of the same S&N 2022 series (metals_db 'PEMEL'). Audit 2026-12-02: "
                        f"was {ir_2050['value']} kg/MW, the SI 2 sheet 'PEMEL' 2050 median of another compilation "
                        f"(range {ir_2050['low']}-{ir_2050['high']} kept), which made iridium rise fourfold after 2035.")
    for kind in ("hs", "ms"):
        onshore = by_key[(f"wind_onshore_{kind}_pmsg", "dysprosium", 2020)]
        offshore = by_key[(f"wind_offshore_{kind}_pmsg", "dysprosium", 2020)]
        onshore.update(value=offshore["value"], quality="assumption",
                       note=f"Offshore median of the same generator type and year (S&N 2022 metals_db), Dy per MW "
                            f"depends on the generator, not the site. Audit 2026-12-02: was {onshore['value']} kg/MW "
                            f"(source median of another study set, between 2015 {by_key[(onshore['technology_id'], 'dysprosium', 2015)]['value']} "
                            f"and 2030 {by_key[(onshore['technology_id'], 'dysprosium', 2030)]['value']}), source range kept.")
    for material in ("copper", "aluminium", "neodymium"):
        by_key[("heat_pump", material, 2020)]["note"] += HEAT_PUMP_FLAG
    lfp = by_key[("batt_lfp", "nickel", 2015)]
    lfp["note"] += (" SUSPECT (audit 2026-12-02): LiFePO4/graphite cells have no nickel in their active materials, "
                    "and the compilation gives no reason for this value (cell hardware such as nickel-plated cans and "
                    "tabs, or a mislabelled row). Kept as published, range 0.009-0.12, until a cell inventory is found.")


def from_pv_ice_filtered(existing: list[dict]) -> list[dict]:
    """PV_ICE replaces the S&N silver trajectory for c-Si (EU baseline, consistent with module efficiency)."""
    pv = from_pv_ice()
    replaced = {(r["technology_id"], r["material_id"]) for r in pv}
    existing[:] = [r for r in existing if (r["technology_id"], r["material_id"]) not in replaced]
    return pv


if __name__ == "__main__":
    main()
