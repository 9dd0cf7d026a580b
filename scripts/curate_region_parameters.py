"""Build ``technology_shares.csv``, ``lifetimes.csv`` and ``recovery_rates.csv`` for the Zuid-Holland model.

One-off curation script (documents how the tables were built; not run by tests or CI). Raw inputs:
premise 2.5.5 battery chemistry share scenarios and NREL PV_ICE EU module baselines (T50/T90, EOL
collection, material recycling yields). Everything else is typed from the sources in
``curation/sources/region.csv`` or is a flagged estimate.

PV_ICE gives module reliability as T50/T90 (years at which 50 % / 90 % of modules have failed). For a
Weibull CDF ``F(t) = 1 − exp(−(t/λ)^k)``: ``(T50/λ)^k = ln 2`` and ``(T90/λ)^k = ln 10``, so
``k = ln(ln 10 / ln 2) / ln(T90/T50)`` and ``λ = T50 / (ln 2)^(1/k)``; mean = ``λ Γ(1 + 1/k)``.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

import pandas as pd

RAW = Path("/work/shared/data/raw")
DATA = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data"
EST = "crmradar_region_estimate"
SHARE_FIELDS = ["technology_id", "sub_technology_id", "scenario", "year", "value", "low", "high", "source_id",
                "quality", "note"]
MOBILE_MAP = {"NCA": "batt_nca", "NMC111": "batt_nmc111", "NMC532": "batt_nmc622", "NMC622": "batt_nmc622",
              "NMC811": "batt_nmc811", "NMC900": "batt_nmc811", "NMC900-Si": "batt_nmc811", "LFP": "batt_lfp",
              "SIB": "batt_sib", "ASSB (polymer)": "batt_post_li", "ASSB (oxidic)": "batt_post_li",
              "ASSB (sulfidic)": "batt_post_li", "LSB": "batt_post_li", "LAB": "batt_post_li"}
MOBILE_SCENARIOS = {"MIX": "baseline", "LFP": "lfp", "NCX": "ncx", "PLIB": "plib"}
STATIONARY_MAP = {"NMC111": "batt_nmc111", "NMC622": "batt_nmc622", "NMC811": "batt_nmc811", "LFP": "batt_lfp",
                  "LEAD-ACID": "batt_lead_acid", "VRFB": "batt_vrfb", "NAS": "batt_nas"}
# Our estimated mixes: technology -> {year: {sub: (value, low, high)}}; basis named in the note.
ESTIMATED_MIXES = {
    "solar_pv": ("carrara_2023_jrc", "c-Si dominates rooftop and park PV in NW Europe (about 95 % of the world "
                 "market); CdTe is mostly US utility scale", {
        2020: {"pv_csi": (0.98, 0.95, 1.0), "pv_cdte": (0.01, 0.0, 0.03), "pv_cigs": (0.01, 0.0, 0.02),
               "pv_asi": (0.0, 0.0, 0.005)},
        2030: {"pv_csi": (0.97, 0.93, 1.0), "pv_cdte": (0.02, 0.0, 0.05), "pv_cigs": (0.01, 0.0, 0.02),
               "pv_asi": (0.0, 0.0, 0.005)},
        2050: {"pv_csi": (0.95, 0.85, 1.0), "pv_cdte": (0.03, 0.0, 0.08), "pv_cigs": (0.02, 0.0, 0.05),
               "pv_asi": (0.0, 0.0, 0.005)}}),
    "wind_onshore": ("carrara_2020_jrc", "EU onshore market: DFIG and EESG (Enercon, strong in NL) lead, PMSG gains; "
                     "JRC scenario ranges", {
        2020: {"wind_onshore_dd_pmsg": (0.10, 0.05, 0.2), "wind_onshore_ms_pmsg": (0.10, 0.05, 0.2),
               "wind_onshore_hs_pmsg": (0.15, 0.05, 0.25), "wind_onshore_dd_eesg": (0.20, 0.1, 0.35),
               "wind_onshore_dfig": (0.45, 0.3, 0.6)},
        2030: {"wind_onshore_dd_pmsg": (0.15, 0.05, 0.25), "wind_onshore_ms_pmsg": (0.20, 0.1, 0.3),
               "wind_onshore_hs_pmsg": (0.20, 0.1, 0.3), "wind_onshore_dd_eesg": (0.15, 0.05, 0.3),
               "wind_onshore_dfig": (0.30, 0.15, 0.45)},
        2050: {"wind_onshore_dd_pmsg": (0.15, 0.05, 0.3), "wind_onshore_ms_pmsg": (0.25, 0.1, 0.4),
               "wind_onshore_hs_pmsg": (0.25, 0.1, 0.4), "wind_onshore_dd_eesg": (0.15, 0.05, 0.3),
               "wind_onshore_dfig": (0.20, 0.05, 0.35)}}),
    "wind_offshore": ("carrara_2020_jrc", "offshore is almost all PMSG: Siemens Gamesa direct drive (Hollandse Kust "
                      "Zuid: SG 11.0-200 DD) and Vestas medium speed", {
        2020: {"wind_offshore_dd_pmsg": (0.75, 0.6, 1.0), "wind_offshore_ms_pmsg": (0.25, 0.0, 0.4),
               "wind_offshore_hs_pmsg": (0.0, 0.0, 0.05), "wind_offshore_dd_eesg": (0.0, 0.0, 0.05),
               "wind_offshore_dfig": (0.0, 0.0, 0.05)},
        2030: {"wind_offshore_dd_pmsg": (0.60, 0.4, 0.8), "wind_offshore_ms_pmsg": (0.40, 0.2, 0.6),
               "wind_offshore_hs_pmsg": (0.0, 0.0, 0.1), "wind_offshore_dd_eesg": (0.0, 0.0, 0.1),
               "wind_offshore_dfig": (0.0, 0.0, 0.05)},
        2050: {"wind_offshore_dd_pmsg": (0.50, 0.3, 0.7), "wind_offshore_ms_pmsg": (0.40, 0.2, 0.6),
               "wind_offshore_hs_pmsg": (0.0, 0.0, 0.1), "wind_offshore_dd_eesg": (0.10, 0.0, 0.3),
               "wind_offshore_dfig": (0.0, 0.0, 0.05)}}),
    "traction_motor": (EST, "most BEV use PMSM; some makers use induction or EESM motors", {
        2020: {"motor_pmsm": (0.85, 0.75, 0.95), "motor_ree_free": (0.15, 0.05, 0.25)},
        2030: {"motor_pmsm": (0.80, 0.6, 0.95), "motor_ree_free": (0.20, 0.05, 0.4)},
        2050: {"motor_pmsm": (0.75, 0.5, 0.95), "motor_ree_free": (0.25, 0.05, 0.5)}}),
    "electrolyser": ("carrara_2023_jrc", "Rotterdam projects: Holland Hydrogen 1 alkaline 200 MW, ELYgator PEM + "
                     "alkaline 200 MW; SOEC emerging", {
        2025: {"el_alkaline": (0.60, 0.4, 0.8), "el_pem": (0.40, 0.2, 0.6), "el_soec": (0.0, 0.0, 0.05)},
        2030: {"el_alkaline": (0.55, 0.3, 0.75), "el_pem": (0.40, 0.2, 0.6), "el_soec": (0.05, 0.0, 0.15)},
        2050: {"el_alkaline": (0.45, 0.2, 0.7), "el_pem": (0.40, 0.2, 0.6), "el_soec": (0.15, 0.0, 0.35)}}),
}


def fmt(x) -> str:
    return "" if x is None else f"{float(x):.6g}"


def premise_shares(path: Path, tech: str, mapping: dict, scenarios: dict, years: set[str], source: str,
                   quality: str) -> list[dict]:
    raw = pd.read_csv(path)
    rows = []
    for (scenario, year), group in raw[raw.year.astype(str).isin(years)].groupby(["scenario", "year"]):
        shares: dict[str, float] = defaultdict(float)
        for chem, value in zip(group.chemistry, group.value, strict=True):
            shares[mapping[chem]] += float(value)
        total = sum(shares.values())
        for sub, value in sorted(shares.items()):
            note = (f"premise scenario '{scenario}', chemistries {', '.join(c for c in mapping if mapping[c] == sub)}"
                    f" summed; renormalised from a year total of {total:.4f}.")
            share = value / total
            low, high = (None, None) if quality != "assumption" else (max(0.0, share - 0.1), min(1.0, share + 0.1))
            if quality == "assumption":
                note += " Range ±0.10 (premise gives no uncertainty)."
            # 10 significant digits keep each year's renormalised shares summing to 1 within 1e-9
            rows.append(dict(zip(SHARE_FIELDS, (tech, sub, scenarios[scenario], int(year), f"{share:.10g}", fmt(low),
                                                fmt(high), source, "derived" if quality != "assumption"
                                                else "assumption", note), strict=True)))
    return rows


def estimated_shares() -> list[dict]:
    rows = []
    for tech, (source, why, years) in ESTIMATED_MIXES.items():
        for year, subs in years.items():
            for sub, (value, low, high) in subs.items():
                rows.append(dict(zip(SHARE_FIELDS, (tech, sub, "baseline", year, fmt(value), fmt(low), fmt(high),
                                                    source, "assumption", f"Our estimate: {why}."), strict=True)))
    return rows


def shares() -> list[dict]:
    base = RAW / "material_intensity_premise"
    return (premise_shares(base / "battery_chemistry_shares_mobile_scenarios.csv", "traction_battery",
                           MOBILE_MAP, MOBILE_SCENARIOS, {"2015", "2021", "2025", "2030", "2035", "2040"},
                           "degen_2023_battery_shares", "derived")
            + premise_shares(base / "battery_chemistry_shares_stationary_scenarios.csv", "stationary_battery",
                             STATIONARY_MAP, {"cont": "baseline", "tc": "tc"}, {"2020", "2025", "2030", "2040",
                                                                               "2050"},
                             "premise_stationary_shares", "assumption")
            + estimated_shares())


LIFE_FIELDS = ["technology_id", "cohort_from", "distribution", "shape", "scale", "mean", "std", "value", "low",
               "high", "source_id", "quality", "note"]


def weibull_from_t50_t90(t50: float, t90: float) -> tuple[float, float]:
    """Weibull (shape k, scale λ in years) whose CDF reaches 0.5 at T50 and 0.9 at T90."""
    shape = math.log(math.log(10) / math.log(2)) / math.log(t90 / t50)
    return shape, t50 / math.log(2) ** (1 / shape)


def life(tech, cohort, dist, shape=None, scale=None, mean=None, std=None, low=None, high=None, source=EST,
         quality="assumption", note="") -> dict:
    value = scale * math.gamma(1 + 1 / shape) if dist == "Weibull" else mean
    return dict(zip(LIFE_FIELDS, (tech, cohort, dist, fmt(shape), fmt(scale), fmt(mean), fmt(std), fmt(value),
                                  fmt(low), fmt(high), source, quality, note), strict=True))


def weibull_with_mean(mean: float, shape: float) -> float:
    return mean / math.gamma(1 + 1 / shape)


def lifetimes() -> list[dict]:
    modules = pd.read_csv(RAW / "pv_ice_nrel/EU_Nagle2024_baseline_modules_mass_EU_baseline.csv",
                          encoding="utf-8-sig", skiprows=[1])
    rows, previous = [], None
    for year, t50, t90 in zip(modules.year, modules.mod_reliability_t50, modules.mod_reliability_t90, strict=True):
        if (t50, t90) != previous:
            shape, scale = weibull_from_t50_t90(float(t50), float(t90))
            rows.append(life("solar_pv", int(year), "Weibull", shape, scale, source="nagle_2024_pv_ice_eu",
                             quality="derived", note=f"PV_ICE EU baseline T50 = {t50} y, T90 = {t90} y converted to "
                                                     "Weibull (see script docstring)."))
            previous = (t50, t90)
    k = 3.5
    rows += [
        life("wind_onshore", 1990, "Weibull", k, weibull_with_mean(25, k), low=20, high=30,
             note="Mean 25 y (premise technology lifetimes; JRC Carrara 2020 uses 20–25 y); shape 3.5 assumed."),
        life("wind_offshore", 1990, "Weibull", k, weibull_with_mean(25, k), low=20, high=30,
             note="Mean 25 y as onshore; offshore permits allow 30–40 y life extension."),
        life("bev_car", 2000, "Weibull", 3.0, weibull_with_mean(15, 3.0), low=12, high=18,
             note="Vehicle and battery leave together; Dutch cars reach about 15–18 y; many used EVs are exported "
                  "(export counts as outflow from Zuid-Holland)."),
        life("bev_van", 2000, "Weibull", 3.0, weibull_with_mean(12, 3.0), low=10, high=15,
             note="Commercial vans have shorter service lives than cars."),
        life("bev_bus", 2000, "Normal", mean=12, std=2, low=10, high=15,
             note="Concession periods of 10–15 y; battery may be replaced once."),
        life("bev_truck", 2000, "Normal", mean=10, std=2.5, low=8, high=14, note="Early market; no data."),
        life("home_battery", 2000, "Normal", mean=12, std=3, low=10, high=15,
             note="Warranties of 10 y / 6,000 cycles."),
        life("grid_battery", 2000, "Normal", mean=15, std=3, low=12, high=20,
             note="Augmentation and repowering after 10–20 y."),
        life("electrolyser", 2000, "Normal", mean=12, std=3, low=8, high=20,
             note="Stack life 60,000–90,000 operating hours at 4,000–8,000 h/y; the plant lasts about 30 y "
                  "(premise) but the CRM-bearing stacks are replaced."),
        life("heat_pump", 2000, "Weibull", 3.0, weibull_with_mean(18, 3.0), low=15, high=22,
             note="Outdoor units of air-water heat pumps, 15–20 y."),
        life("ict_electronics", 1990, "Weibull", 2.0, weibull_with_mean(6, 2.0), low=4, high=9,
             note="Mix of phones (about 4–5 y) and PCs/monitors (8–10 y) incl. storage time; Forti et al. (2018) "
                  "per-key Weibull parameters not available offline."),
    ]
    return rows


REC_FIELDS = ["technology_id", "material_id", "stage", "basis", "year", "value", "low", "high", "source_id",
              "quality", "note"]
BATTERY_TARGETS = {2027: {"cobalt": 0.90, "copper": 0.90, "nickel": 0.90, "lead": 0.90, "lithium": 0.50},
                   2031: {"cobalt": 0.95, "copper": 0.95, "nickel": 0.95, "lead": 0.95, "lithium": 0.80}}
# UNEP (2011) end-of-life recycling-rate classes: (low, high) bounds. The report names 18 elements above 50 %
# and 34 below 1 %; elements in neither list (here Mo, Ir, Ru) get the wide 1–50 % band.
UNEP_CLASSES = {">50": (0.5, 0.95), "1-50": (0.01, 0.5), "<1": (0.0, 0.01)}
UNEP_RATES = {  # element -> class, from the UNEP/IRP (2011) periodic-table figure
    "copper": ">50", "aluminium": ">50", "nickel": ">50", "cobalt": ">50", "silver": ">50", "gold": ">50",
    "palladium": ">50", "platinum": ">50", "tin": ">50", "lead": ">50", "chromium": ">50", "manganese": ">50",
    "niobium": ">50", "zinc": ">50", "molybdenum": "1-50", "iridium": "1-50", "ruthenium": "1-50",
    "tantalum": "<1", "gallium": "<1", "indium": "<1", "germanium": "<1", "tellurium": "<1", "lithium": "<1",
    "neodymium": "<1", "praseodymium": "<1", "dysprosium": "<1", "terbium": "<1", "lanthanum": "<1",
    "cerium": "<1", "yttrium": "<1", "vanadium": "<1", "selenium": "<1", "boron": "<1", "zirconium": "<1",
}
UNEP_PRODUCTS = {  # which model items the observed class applies to
    "wind_onshore": ["copper", "aluminium", "nickel", "chromium", "manganese", "molybdenum", "zinc", "neodymium",
                     "praseodymium", "dysprosium", "terbium", "boron"],
    "wind_offshore": ["copper", "aluminium", "nickel", "chromium", "manganese", "molybdenum", "zinc", "neodymium",
                      "praseodymium", "dysprosium", "terbium", "boron"],
    "ict_electronics": ["copper", "aluminium", "cobalt", "silver", "gold", "palladium", "tin", "tantalum", "gallium",
                        "indium", "neodymium"],
    "electrolyser": ["nickel", "platinum", "iridium", "zirconium", "cobalt", "yttrium", "lanthanum", "cerium"],
    "traction_motor": ["copper", "neodymium", "praseodymium", "dysprosium", "terbium"],
    "heat_pump": ["copper", "aluminium", "neodymium"],
}
PV_ICE_MATERIALS = {"silver": "EU_Nagle2024_baseline_material_mass_silver_EU.csv",
                    "silicon_metal": "EU_Nagle2024_baseline_material_mass_silicon_EU.csv",
                    "copper": "EU_Nagle2024_baseline_material_mass_copper_EU.csv",
                    "aluminium": "baseline_material_mass_aluminium_frames.csv"}


def rec(tech, mat, stage, basis, year, value, low=None, high=None, source=EST, quality="assumption", note="") -> dict:
    return dict(zip(REC_FIELDS, (tech, mat, stage, basis, year, fmt(value), fmt(low), fmt(high), source, quality,
                                 note), strict=True))


def recovery_rates() -> list[dict]:
    rows = []
    for tech in ("traction_battery", "stationary_battery"):
        for year, targets in BATTERY_TARGETS.items():
            rows += [rec(tech, mat, "recycling_efficiency", "legal_target", year, value,
                         source="eu_batteries_reg_2023_1542", quality="reported",
                         note=f"Annex XII Part C: recovery of materials from waste batteries by 31 December {year}.")
                     for mat, value in targets.items()]
        rows.append(rec(tech, "", "collection", "estimate", 2023, 0.9, 0.7, 0.98,
                        note="Producers must take back all EV and industrial batteries (Reg. 2023/1542 Art. 61-62) "
                             "but no numeric target; losses through vehicle export and informal channels."))
    rows += [
        rec("ict_electronics", "", "collection", "legal_target", 2019, 0.65, source="eu_weee_2012_19",
            quality="reported", note="65 % of average EEE put on market in the three preceding years."),
        rec("ict_electronics", "", "collection", "observed", 2021, 0.5, 0.4, 0.6, source="nl_weee_register",
            note="NL WEEE register reports about half of EEE put on market collected; exact figure not retrieved."),
        rec("solar_pv", "", "collection", "legal_target", 2019, 0.65, source="eu_weee_2012_19", quality="reported",
            note="PV panels are WEEE (category 4); same collection rate as all WEEE."),
        rec("heat_pump", "", "collection", "estimate", 2023, 0.8, 0.6, 0.95,
            note="Installer-removed equipment with refrigerant obligations; WEEE category 1."),
        *[rec(t, "", "collection", "estimate", 2023, 0.95, 0.85, 1.0,
              note="Large installations are dismantled by contractors; blades and foundations aside, metals are sold.")
          for t in ("wind_onshore", "wind_offshore", "electrolyser")],
    ]
    modules = pd.read_csv(RAW / "pv_ice_nrel/EU_Nagle2024_baseline_modules_mass_EU_baseline.csv",
                          encoding="utf-8-sig", skiprows=[1]).set_index("year")
    for year in (2015, 2025, 2030):
        rows.append(rec("solar_pv", "", "collection", "estimate", year, modules.mod_EOL_collection_eff[year] / 100,
                        source="nagle_2024_pv_ice_eu", quality="reported",
                        note="PV_ICE EU baseline mod_EOL_collection_eff."))
    for mat, name in PV_ICE_MATERIALS.items():
        table = pd.read_csv(RAW / "pv_ice_nrel" / name, encoding="utf-8-sig", skiprows=[1]).set_index("year")
        share, yield_ = table.mat_PG4_Recycling_target[2025] / 100, table.mat_Recycling_yield[2025] / 100
        rows.append(rec("solar_pv", mat, "recycling_efficiency", "estimate", 2025, share * yield_,
                        source="nagle_2024_pv_ice_eu" if name.startswith("EU_") else "nrel_pv_ice", quality="derived",
                        note=f"PV_ICE baseline: {share:.0%} of the material routed to recycling × {yield_:.0%} "
                             "recycling yield (silver and copper are not recovered by today's glass-frame recycling)."))
    for tech, materials in UNEP_PRODUCTS.items():
        for mat in materials:
            low, high = UNEP_CLASSES[UNEP_RATES[mat]]
            rows.append(rec(tech, mat, "recycling_efficiency", "observed", 2010, (low + high) / 2, low, high,
                            source="unep_irp_2011", quality="derived",
                            note=f"UNEP (2011) EOL-RR class {UNEP_RATES[mat]} %; value = class midpoint. The EOL-RR "
                                 "includes collection losses, so it is a lower bound on process efficiency."))
    return rows


def write(name: str, fields: list[str], rows: list[dict]) -> None:
    with (DATA / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        # no ';' in notes: frictionless sniffs the delimiter from the first lines and would pick it
        writer.writerows({**r, "note": r["note"].replace("; ", ", ")} for r in rows)
    print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    write("technology_shares", SHARE_FIELDS, shares())
    write("lifetimes", LIFE_FIELDS, lifetimes())
    write("recovery_rates", REC_FIELDS, recovery_rates())
