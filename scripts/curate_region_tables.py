"""Build ``technologies.csv`` and ``deployment_history.csv`` for the Zuid-Holland model.

One-off curation script (documents how the tables were built; not run by tests or CI). Figures are
typed from the publications cited in ``src/crmradar/data/curation/sources/region.csv``; the only raw
file read is the CBS/UNU e-waste put-on-market table (IT and telecom, UNU-KEYs 0301–0309).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

RAW = Path("/work/shared/data/raw")
DATA = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data"
EST = "crmradar_region_estimate"

TECH_FIELDS = ["id", "name_en", "name_nl", "kind", "parent", "unit", "mix", "size", "low", "high",
               "source_id", "quality", "note"]
# id, name_en, name_nl, kind, parent, unit, mix, source, note
TECHNOLOGIES = [
    ("population", "Population", "Bevolking", "driver", "", "persons", "", "cbs_population",
     "Driver of per-capita items (ICT and consumer electronics)."),
    ("solar_pv", "Solar PV (all segments)", "Zon-PV (alle segmenten)", "family", "", "MW", "", "cbs_84783ned",
     "Carries the cell-technology mix of the three PV segments; CBS reports installed capacity for the total."),
    ("solar_pv_residential", "Solar PV on homes", "Zon-PV op woningen", "technology", "solar_pv", "MW", "solar_pv",
     "cbs_85005ned", "MW peak (DC) of modules on dwellings."),
    ("solar_pv_commercial", "Solar PV on commercial and public roofs", "Zon-PV op bedrijfsdaken", "technology",
     "solar_pv", "MW", "solar_pv", "cbs_85005ned", "MW peak of rooftop systems of companies and institutions."),
    ("solar_pv_ground", "Ground-mounted and floating solar PV", "Zonneparken op land en water", "technology",
     "solar_pv", "MW", "solar_pv", "cbs_85005ned", "MW peak of solar parks."),
    ("pv_csi", "Crystalline silicon PV modules", "Kristallijn-silicium panelen", "sub_technology", "solar_pv",
     "MW", "", "carrara_2020_jrc", ""),
    ("pv_cdte", "Cadmium telluride thin-film PV", "CdTe-dunnefilmpanelen", "sub_technology", "solar_pv", "MW", "",
     "carrara_2020_jrc", ""),
    ("pv_cigs", "CIGS thin-film PV", "CIGS-dunnefilmpanelen", "sub_technology", "solar_pv", "MW", "",
     "carrara_2020_jrc", ""),
    ("pv_asi", "Amorphous silicon thin-film PV", "Amorf-silicium dunnefilm", "sub_technology", "solar_pv", "MW", "",
     "carrara_2020_jrc", "Kept for completeness (germanium); market share about zero."),
    ("wind_onshore", "Onshore wind", "Wind op land", "technology", "", "MW", "wind_onshore", "rvo_monitor_wind_2018",
     ""),
    ("wind_offshore", "Offshore wind landing in Zuid-Holland (Maasvlakte)", "Wind op zee met aanlanding Maasvlakte",
     "technology", "", "MW", "wind_offshore", "tennet_net_op_zee_hkz",
     "Wind farms whose TenneT connection lands at Maasvlakte: Hollandse Kust (zuid) Alpha/Beta, IJmuiden Ver Beta "
     "and Gamma. IJmuiden Ver Alpha lands in Zeeland and is excluded."),
    *[(f"{site}_{gen}", f"{label} wind turbine, {name}", f"Windturbine {label_nl}, {name}", "sub_technology",
       site, "MW", "", "carrara_2020_jrc", note)
      for site, label, label_nl in (("wind_onshore", "Onshore", "op land"), ("wind_offshore", "Offshore", "op zee"))
      for gen, name, note in (
          ("dd_pmsg", "direct-drive permanent-magnet generator", "NdFeB magnets (Nd, Pr, Dy, Tb, B)."),
          ("ms_pmsg", "medium-speed geared permanent-magnet generator", ""),
          ("hs_pmsg", "high-speed geared permanent-magnet generator", ""),
          ("dd_eesg", "direct-drive electrically excited synchronous generator", "No permanent magnets."),
          ("dfig", "geared doubly-fed induction generator", "No permanent magnets (JRC 'AG' class)."))],
    *[(f"bev_{v}", f"Battery-electric {name}", f"Elektrische {name_nl}", "technology", "", "vehicles", "", src, "")
      for v, name, name_nl, src in (("car", "passenger car", "personenauto", "cbs_rvo_ev_provinces"),
                                    ("van", "van", "bestelauto", EST), ("bus", "bus", "bus", EST),
                                    ("truck", "truck", "vrachtauto", EST))],
    ("battery_cell", "Battery cell chemistries", "Batterijcelchemieën", "family", "", "kWh", "",
     "schlichenmaier_naegler_2022", "Parent of all chemistries, shared by the traction and stationary mixes."),
    ("traction_battery", "Traction battery (chemistry mix)", "Tractiebatterij (chemiemix)", "family", "battery_cell",
     "kWh", "", "degen_2023_battery_shares", "Chemistry mix of vehicle batteries."),
    ("stationary_battery", "Stationary battery (chemistry mix)", "Stationaire batterij (chemiemix)", "family",
     "battery_cell", "kWh", "", "premise_stationary_shares", "Chemistry mix of home and grid batteries."),
    ("traction_motor", "Traction motor (motor-type mix)", "Tractiemotor (motortypemix)", "family", "", "MW", "",
     EST, "Share of permanent-magnet vs rare-earth-free motors."),
    *[(f"batt_{c}", f"{name} battery cells", f"{name}-batterijcellen", "sub_technology", "battery_cell", "kWh",
       "", src, note)
      for c, name, src, note in (
          ("nmc111", "NMC111", "schlichenmaier_naegler_2022", ""),
          ("nmc622", "NMC622 (incl. NMC532)", "schlichenmaier_naegler_2022", "NMC532 shares are mapped here."),
          ("nmc811", "NMC811 (incl. NMC9.5.5 / Si-anode)", "schlichenmaier_naegler_2022",
           "NMC900 and NMC900-Si shares are mapped here (Ni-rich proxy)."),
          ("nca", "NCA", "schlichenmaier_naegler_2022", ""),
          ("lfp", "LFP", "schlichenmaier_naegler_2022", ""),
          ("sib", "Sodium-ion", "degen_2023_battery_shares", "No Li, Co, Ni or graphite by design."),
          ("post_li", "Solid-state / Li-S / Li-air", "degen_2023_battery_shares", "ASSB, LSB and LAB shares."),
          ("lead_acid", "Lead-acid", "premise_stationary_shares", "Stationary only."),
          ("vrfb", "Vanadium redox flow", "premise_stationary_shares", "Stationary only."),
          ("nas", "Sodium-sulphur", "premise_stationary_shares", "Stationary only."))],
    ("motor_pmsm", "Permanent-magnet synchronous traction motor", "Permanentmagneetmotor", "sub_technology",
     "traction_motor", "MW", "", "schlichenmaier_naegler_2022", ""),
    ("motor_ree_free", "Rare-earth-free traction motor (induction / EESM)", "Motor zonder zeldzame aarden",
     "sub_technology", "traction_motor", "MW", "", EST, ""),
    ("home_battery", "Home battery", "Thuisbatterij", "technology", "", "kWh", "stationary_battery", EST, ""),
    ("grid_battery", "Grid-scale battery", "Netbatterij", "technology", "", "kWh", "stationary_battery", EST, ""),
    ("electrolyser", "Electrolysers in the Rotterdam port", "Elektrolysers in de Rotterdamse haven", "technology",
     "", "MW", "electrolyser", "shell_hh1", "MW electrical input."),
    ("el_alkaline", "Alkaline electrolyser", "Alkalische elektrolyser", "sub_technology", "electrolyser", "MW", "",
     "schlichenmaier_naegler_2022", ""),
    ("el_pem", "PEM electrolyser", "PEM-elektrolyser", "sub_technology", "electrolyser", "MW", "",
     "schlichenmaier_naegler_2022", "Iridium and platinum catalysts."),
    ("el_soec", "Solid-oxide electrolyser", "Vaste-oxide-elektrolyser", "sub_technology", "electrolyser", "MW", "",
     "schlichenmaier_naegler_2022", "Yttrium-stabilised zirconia, lanthanum, cerium."),
    ("heat_pump", "Heat pump in dwellings", "Warmtepomp in woningen", "technology", "", "units", "", "cbs_heat_pumps",
     "Intensities per unit (6–10 kW air-water). The CBS stock also counts reversible air-air units (2021: 636k "
     "of 940k heat pumps in dwellings, air-water 206k, ground 98k, CBS Hernieuwbare energie 2021), so demand "
     "from heat pumps is an upper estimate (audit 2026-12-02)."),
    ("ict_electronics", "ICT and consumer electronics (WEEE IT and telecom)", "ICT en consumentenelektronica",
     "technology", "", "kg", "", "unu_cbs_ewaste_pom",
     "Deployment = kg put on market per capita × population; UNU-KEYs 0301–0309."),
]
# Components: id, parent, unit, mix, size, low, high, reason.
COMPONENTS = [
    ("bev_car_battery", "bev_car", "kWh", "traction_battery", 60, 40, 85, "average usable pack of new BEV cars 2020s"),
    ("bev_van_battery", "bev_van", "kWh", "traction_battery", 70, 40, 110, "small to large e-vans"),
    ("bev_bus_battery", "bev_bus", "kWh", "traction_battery", 400, 250, 600, "12 m city bus, depot charging"),
    ("bev_truck_battery", "bev_truck", "kWh", "traction_battery", 500, 300, 900, "distribution to long-haul trucks"),
    ("bev_car_motor", "bev_car", "MW", "traction_motor", 0.15, 0.08, 0.25, "rated motor power 80–250 kW"),
    ("bev_van_motor", "bev_van", "MW", "traction_motor", 0.12, 0.08, 0.2, "rated motor power 80–200 kW"),
    ("bev_bus_motor", "bev_bus", "MW", "traction_motor", 0.25, 0.16, 0.4, "rated motor power 160–400 kW"),
    ("bev_truck_motor", "bev_truck", "MW", "traction_motor", 0.4, 0.25, 0.6, "rated motor power 250–600 kW"),
]


def technologies() -> list[dict]:
    rows = [dict(zip(TECH_FIELDS, (i, en, nl, kind, parent, unit, mix, "", "", "", src,
                                   "reported" if src != EST else "assumption", note), strict=True))
            for i, en, nl, kind, parent, unit, mix, src, note in TECHNOLOGIES]
    for row in rows:  # a named category we define ourselves is a definition, not a number: no range needed
        if row["quality"] == "assumption":
            row["quality"] = "derived"
            row["note"] = (row["note"] + " Category defined by us for the model.").strip()
    for i, parent, unit, mix, size, low, high, why in COMPONENTS:
        kind = "battery" if "battery" in i else "motor"
        rows.append(dict(zip(TECH_FIELDS, (
            i, f"{kind.title()} of {parent.replace('bev_', 'battery-electric ')}",
            f"{'Batterij' if kind == 'battery' else 'Motor'} van {parent.replace('bev_', 'elektrische ')}",
            "component", parent, unit, mix, size, low, high, EST, "assumption",
            f"Size per vehicle: {why}; no Zuid-Holland fleet average published."), strict=True)))
    return rows


DEPLOY_FIELDS = ["technology_id", "region", "year", "metric", "value", "unit", "low", "high", "source_id",
                 "quality", "note"]
ZH_PV_SHARE_2019 = 793_551 / 7_225_864  # CBS 84783NED, 2019 definitive: Zuid-Holland / Nederland
NL_PV_KW = {2021: 14_822_880, 2022: 19_599_808, 2023: 23_943_429}  # CBS 85005NED
NL_HEAT_PUMPS = {2020: 618_785, 2021: 939_401, 2023: 1_886_505}  # CBS 82380NED/85523NED, dwellings
ZH_POP_SHARE = {2020: 3_707_964 / 17_407_585, 2021: 3_726_000 / 17_475_415, 2023: 3_811_760 / 17_811_291}
NL_POPULATION = {2005: 16_305_526, 2010: 16_574_989, 2015: 16_900_726}  # CBS 37296ned, 1 January


def d(tech, region, year, metric, value, unit, low, high, source, quality, note) -> dict:
    def fmt(x):
        return "" if x is None else f"{x:.6g}" if isinstance(x, float) else str(x)

    return dict(zip(DEPLOY_FIELDS, (tech, region, year, metric, fmt(value), unit, fmt(low), fmt(high), source,
                                    quality, note), strict=True))


def ict_put_on_market() -> list[dict]:
    pom = pd.read_csv(RAW / "ewaste_cbs_unu/UNU_countries.csv", dtype={"UNU_Key": str})
    it = pom[(pom.Country == "NLD") & pom.UNU_Key.str.startswith("03")].groupby("Year").POM_kg.sum()
    return [d("ict_electronics", "NL", year, "put_on_market_per_capita", it[year] / people, "kg/capita", None, None,
              "unu_cbs_ewaste_pom", "derived",
              f"Sum of UNU-KEYs 0301–0309 put on market in NLD ({it[year] / 1e6:.1f} kt) / population {people:,} "
              "(CBS 37296ned, 1 January). Zuid-Holland assumed equal per capita.")
            for year, people in NL_POPULATION.items()]


def deployment() -> list[dict]:
    rows = [
        *[d("population", "NL36", y, "population", v, "persons", None, None, "cbs_population", "reported",
            "1 January" if y != 2023 else "1 April 2023 (latest figure retrieved)")
          for y, v in ((2010, 3_505_611), (2013, 3_563_935), (2015, 3_588_522), (2016, 3_622_303),
                       (2020, 3_707_964), (2023, 3_811_760))],
        d("solar_pv", "NL36", 2019, "installed_stock", 793.551, "MW", None, None, "cbs_84783ned", "reported",
          "143,018 installations; definitive figures."),
        d("solar_pv", "NL", 2019, "installed_stock", 7225.864, "MW", None, None, "cbs_84783ned", "reported", ""),
        *[d("solar_pv", "NL", y, "installed_stock", kw / 1000, "MW", None, None, "cbs_85005ned", "reported",
            "provisional" if y > 2021 else "") for y, kw in NL_PV_KW.items()],
        *[d("solar_pv", "NL36", y, "installed_stock", kw / 1000 * ZH_PV_SHARE_2019, "MW",
            0.85 * kw / 1000 * ZH_PV_SHARE_2019, 1.15 * kw / 1000 * ZH_PV_SHARE_2019, "cbs_85005ned", "assumption",
            f"Zuid-Holland province rows of 85005NED not retrieved: Nederland total × 2019 Zuid-Holland share "
            f"{ZH_PV_SHARE_2019:.4f} (84783NED); ±15 % for shifts in regional shares. Replace with the CBS row. "
            "Looked for again 2026-12-02 (audit): the stored 85005NED views end before the province rows.")
          for y, kw in NL_PV_KW.items()],
        d("solar_pv", "NL36_RES_RDH", 2021, "installed_stock", 699.104, "MW", None, None, "cbs_85005ned", "reported",
          "RES region Rotterdam/Den Haag (about two thirds of Zuid-Holland's population)."),
        d("solar_pv", "NL36_RES_RDH", 2022, "installed_stock", 1046.134, "MW", None, None, "cbs_85005ned",
          "reported", "Provisional (**)."),
        *[d("solar_pv", "NL36", y, "installed_stock", v, "MW", lo, hi, EST, "assumption",
            "Back-extrapolation for cohorts before 2019: Dutch PV stock of the year (CBS national series, "
            "from memory) × 11 % Zuid-Holland share; replace with 84783NED province rows 2012–2018.")
          for y, v, lo, hi in ((2012, 40.0, 25.0, 60.0), (2015, 165.0, 120.0, 220.0), (2018, 500.0, 420.0, 600.0))],
        d("wind_onshore", "NL36", 2017, "installed_stock", 350.0, "MW", None, None, "rvo_monitor_wind_2018",
          "reported", "About 350 MW in 153 turbines (provincial wind map, May 2018)."),
        d("wind_onshore", "NL36", 2018, "installed_stock", 378.6, "MW", None, None, "rvo_monitor_wind_2018",
          "reported", "Monitor Wind op Land 2018; provincial task 735.5 MW."),
        d("wind_onshore", "NL36", 2023, "installed_stock", 735.5, "MW", 600.0, 800.0, "rvo_monitor_wind_2018",
          "assumption", "RVO expected the 735.5 MW task to be reached in 2023; later monitors not retrieved. Looked "
          "for again 2026-12-02 (audit): the stored 70960ned views stop at Utrecht, before the Zuid-Holland row."),
        *[d("wind_onshore", "NL", y, "installed_stock", v, "MW", None, None, "cbs_hernieuwbare_energie_2023",
            "reported", "provisional (**)" if y >= 2022 else "")
          for y, v in ((2018, 3436.0), (2019, 3527.0), (2020, 4188.0), (2021, 5214.0), (2022, 6185.0),
                       (2023, 6812.0))],
        *[d("wind_offshore", "NL", y, "installed_stock", v, "MW", None, None, "cbs_hernieuwbare_energie_2023",
            "reported", "All Dutch offshore wind, not only Maasvlakte landings." + (" Provisional (**)." if y >= 2022
                                                                                    else ""))
          for y, v in ((2020, 2460.0), (2022, 2570.0), (2023, 3978.0))],
        d("wind_offshore", "NL36", 2021, "connection_capacity", 700.0, "MW", None, None, "tennet_net_op_zee_hkz",
          "reported", "Hollandse Kust (zuid) Alpha, 220 kV export cables to Maasvlakte."),
        d("wind_offshore", "NL36", 2022, "connection_capacity", 1400.0, "MW", None, None, "tennet_net_op_zee_hkz",
          "reported", "Plus Hollandse Kust (zuid) Beta."),
        d("wind_offshore", "NL36", 2022, "annual_additions", 110.0, "MW", 0.0, 110.0, "cbs_hernieuwbare_energie_2023",
          "assumption", "At most the 110 MW CBS counts as added in the whole Netherlands by 2022 (2,570 − 2,460 MW, "
          "the package's NL rows); Hollandse Kust (zuid) gave first power in Aug 2022 but CBS counts it when "
          "commissioned. Audit 2026-12-02: was 759 MW (1,529 MW split evenly over 2022–2023), inconsistent with CBS."),
        d("wind_offshore", "NL36", 2023, "annual_additions", 1419.0, "MW", 1408.0, 1529.0, "vattenfall_hkz",
          "assumption", "Remainder of 139 × 11 MW = 1,529 MW after the 2022 value (1,529 − 110); CBS adds 1,408 MW "
          "for the whole Netherlands in 2023 (3,978 − 2,570), hence the range. Audit 2026-12-02: was 770 MW."),
        d("wind_offshore", "NL36", 2023, "installed_stock", 1529.0, "MW", None, None, "vattenfall_hkz", "derived",
          "139 turbines × 11 MW (Vattenfall: 'about 1.5 GW')."),
        d("bev_car", "NL36", 2023, "installed_stock", 97_515, "vehicles", None, None, "cbs_rvo_ev_provinces",
          "reported", "1 January 2024, lease/company cars allocated to the end user's province."),
        d("bev_car", "NL", 2023, "installed_stock", 442_818, "vehicles", None, None, "cbs_rvo_ev_provinces",
          "reported", "1 January 2024 (4.9 % of 9,035,431 cars)."),
        d("bev_car", "NL36", 2020, "installed_stock", 60_600, "vehicles", 45_000, 75_000, "cbs_rvo_ev_provinces",
          "assumption", "RVO (Nov 2021): end-user allocation put Zuid-Holland about 23,188 (62 %) above the "
                        "registration-based count, i.e. about 60,600 at 1 January 2021 if 23,188 is the difference."),
        d("bev_van", "NL36", 2023, "installed_stock", 6_000, "vehicles", 3_000, 10_000, EST, "assumption",
          "No provincial e-van count retrieved; about 20 % of a national e-van fleet of roughly 30,000."),
        d("bev_bus", "NL36", 2023, "installed_stock", 600, "vehicles", 400, 900, EST, "assumption",
          "Zero-emission city and regional buses of RET, HTM, EBS, Arriva and Qbuzz; not counted in our sources."),
        d("bev_truck", "NL36", 2023, "installed_stock", 300, "vehicles", 100, 800, EST, "assumption",
          "Early market; no provincial count retrieved."),
        d("home_battery", "NL36", 2023, "installed_stock", 30_000, "kWh", 10_000, 80_000, EST, "assumption",
          "Net metering (salderingsregeling, until 2027) kept home batteries rare; no count retrieved."),
        d("grid_battery", "NL36", 2023, "installed_stock", 100_000, "kWh", 30_000, 300_000, EST, "assumption",
          "A few grid/industrial batteries; no provincial register retrieved."),
        d("electrolyser", "NL36", 2023, "installed_stock", 0.0, "MW", 0.0, 10.0, EST, "assumption",
          "Only pilot electrolysers before Holland Hydrogen 1 (200 MW, opening planned end 2026)."),
        *[d("heat_pump", "NL", y, "installed_stock", v, "units", None, None, "cbs_heat_pumps", "reported",
            "Dwellings, in use at year end.") for y, v in NL_HEAT_PUMPS.items()],
        *[d("heat_pump", "NL36", y, "installed_stock", round(0.8 * v * ZH_POP_SHARE[y]), "units",
            round(0.6 * v * ZH_POP_SHARE[y]), round(v * ZH_POP_SHARE[y]), "cbs_heat_pumps", "assumption",
            f"Nederland × Zuid-Holland population share {ZH_POP_SHARE[y]:.3f} × 0.8 (Randstad provinces lag in heat "
            "pump uptake, ISDE statistics); range 0.6–1.0 × population share. National populations 2020/2021/2023 "
            "and Zuid-Holland 2021 (3.726 M) are CBS figures typed from memory; re-check.")
          for y, v in NL_HEAT_PUMPS.items()],
        *ict_put_on_market(),
    ]
    return rows


def write(name: str, fields: list[str], rows: list[dict]) -> None:
    with (DATA / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        # no ';' in notes: frictionless sniffs the delimiter from the first lines and would pick it
        writer.writerows({**r, "note": r["note"].replace("; ", ", ")} for r in rows)
    print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    write("technologies", TECH_FIELDS, technologies())
    write("deployment_history", DEPLOY_FIELDS, deployment())
