"""Build ``recycling_facilities`` and ``plant_scale`` (facility register and minimum efficient scale).

One-off curation script (documents how the tables were built; not run by tests or CI). It reads no raw
file: every figure was typed from the publication named in its ``source_id`` (see
``curation/sources/scenarios_facilities.csv``). Run from the repository root:
``python scripts/curate_recycling_facilities.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data"


def fmt(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.6g}"


def write(name: str, fields: list[str], rows: list[dict]) -> None:
    with (DATA / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: fmt(v) if isinstance(v, (int, float)) else (v or "") for key, v in row.items()})


# --------------------------------------------------------------------------------------------------
# recycling_facilities
FACILITY_FIELDS = ["facility_id", "input_stream", "name", "operator", "plant_type", "capacity_t_per_year", "low",
                   "high", "capacity_measure", "capacity_basis", "output_material_ids", "outputs", "country_iso3",
                   "location", "catchment", "status", "status_date", "source_id", "quality", "note"]
BATTERY_METALS = "lithium|nickel|cobalt|manganese|copper|aluminium|natural_graphite"
FACILITIES = [
    dict(facility_id="sk_tes_rotterdam", input_stream="li_ion_batteries", name="SK tes battery recycling Rotterdam",
         operator="SK tes", plant_type="battery_pretreatment", capacity_t_per_year=10000, high=20000,
         capacity_measure="input", capacity_basis="spent Li batteries, EV batteries and production scrap, gross weight",
         output_material_ids="lithium|nickel|cobalt", outputs="black mass (Li, Co, Ni)", country_iso3="NLD",
         location="Rotterdam port area (Elbeweg)", catchment="zh", status="existing", status_date="2024-09-10",
         source_id="por_2024_sk_tes", quality="reported",
         note="Opened 10 Sep 2024; high = announced doubling on the adjacent plot (not yet built). About 5,000 "
              "t/yr black mass from 10,000 t/yr input; NMC/NCA only, no LFP yet (bestmag_2024_sk_tes)."),
    dict(facility_id="coolrec_dordrecht", input_stream="weee", name="Coolrec Dordrecht WEEE recycling",
         operator="Coolrec (Renewi)", plant_type="weee_preprocessing", capacity_measure="input",
         capacity_basis="waste electrical and electronic equipment (fridges, screens, small appliances)",
         output_material_ids="copper|aluminium", outputs="ferrous and non-ferrous metals, plastics",
         country_iso3="NLD", location="Dordrecht (Beneden-Merwede)", catchment="zh", status="existing",
         status_date="2018-02-03", source_id="nrc_2018_coolrec", quality="reported",
         note="Capacity not published in the sources found; left empty rather than estimated. Current status "
              "after 2018 not re-verified."),
    dict(facility_id="coolrec_waalwijk", input_stream="weee", name="Coolrec Waalwijk plastics separation",
         operator="Coolrec (Renewi)", plant_type="weee_preprocessing", capacity_t_per_year=6000,
         capacity_measure="input", capacity_basis="mixed WEEE plastics, electrostatic separator line only",
         outputs="ABS and HIPS flakes (no CRM output)", country_iso3="NLD", location="Waalwijk (North Brabant)",
         catchment="nl", status="existing", status_date="2021-06", source_id="coolrec_2021_waalwijk",
         quality="reported", note="One line of the site; total site capacity not published."),
    dict(facility_id="umicore_hoboken_battery", input_stream="li_ion_batteries",
         name="Umicore Hoboken battery recycling", operator="Umicore", plant_type="battery_refining",
         capacity_t_per_year=7000, capacity_measure="input",
         capacity_basis="Li-ion batteries and battery production scrap, gross weight",
         output_material_ids="cobalt|nickel|copper|lithium",
         outputs="Co, Ni, Cu (battery grade); Li recovery from 2022",
         country_iso3="BEL", location="Hoboken (Antwerp)", catchment="be", status="existing",
         status_date="2022-02-14", source_id="umicore_2022_battery_recycling", quality="reported",
         note="Ultra-high-temperature smelting plus hydrometallurgy; operating since 2011."),
    dict(facility_id="umicore_hoboken_pmr", input_stream="complex_metal_scrap",
         name="Umicore Hoboken precious metals refinery", operator="Umicore", plant_type="metals_smelting",
         capacity_t_per_year=500000, low=350000, capacity_measure="input",
         capacity_basis="complex residues, by-products and e-scrap (circuit boards, catalysts), gross weight",
         output_material_ids="gold|silver|platinum|palladium|rhodium|iridium|ruthenium|indium|selenium|tellurium"
                             "|copper|nickel|lead",
         outputs="17 precious and specialty metals", country_iso3="BEL", location="Hoboken (Antwerp)",
         catchment="be", status="existing", status_date="2020-12", source_id="umicore_hoboken_pmr",
         quality="reported", note="low = capacity before the 40 % expansion; 20–30 % of feed is end-of-life "
                                  "material such as circuit boards (De Tijd, Dec 2020)."),
    dict(facility_id="umicore_europe_battery_plant", input_stream="li_ion_batteries",
         name="Umicore European battery recycling plant", operator="Umicore", plant_type="battery_refining",
         capacity_t_per_year=150000, capacity_measure="input", capacity_basis="battery infeed material",
         output_material_ids="nickel|cobalt|manganese|lithium", outputs="Ni, Co, Mn, Li",
         location="Europe, site not announced", catchment="other", status="postponed", status_date="2025-04-10",
         source_id="umicore_2025_capital_plans", quality="reported",
         note="Announced 2022 for 2026; postponed to no earlier than 2032. Country not announced, so no ISO3."),
    dict(facility_id="aurubis_luenen", input_stream="complex_metal_scrap", name="Aurubis Lünen recycling centre",
         operator="Aurubis", plant_type="metals_smelting", capacity_t_per_year=400000, capacity_measure="input",
         capacity_basis="recycling raw materials incl. copper scrap, slimes, residues and WEEE, gross weight",
         output_material_ids="copper|zinc|lead|tin|nickel|gold|silver",
         outputs="about 200,000 t/yr copper cathodes; Zn, Pb-Sn, Ni sulphate, precious metals",
         country_iso3="DEU", location="Lünen (North Rhine-Westphalia)", catchment="nrw", status="existing",
         status_date="2022", source_id="aurubis_luenen", quality="reported",
         note="'About 400,000 t per year'; Kayser Recycling System (KRS) smelter."),
    dict(facility_id="cylib_dormagen", input_stream="li_ion_batteries", name="cylib Dormagen battery recycling",
         operator="cylib", plant_type="battery_refining", capacity_t_per_year=30000, capacity_measure="input",
         capacity_basis="end-of-life batteries, gross weight", output_material_ids=BATTERY_METALS,
         outputs="Li, graphite, Ni, Co, Mn, Al, Cu", country_iso3="DEU",
         location="Dormagen (Chempark, North Rhine-Westphalia)", catchment="nrw", status="under_construction",
         status_date="2024-09-09", source_id="cylib_2024_dormagen", quality="reported",
         note="Groundbreaking 9 Sep 2024; operation planned for 2026 (not verified)."),
    dict(facility_id="basf_schwarzheide_black_mass", input_stream="li_ion_batteries",
         name="BASF Schwarzheide black mass plant", operator="BASF", plant_type="battery_pretreatment",
         capacity_t_per_year=15000, capacity_measure="input",
         capacity_basis="end-of-life Li-ion batteries and production scrap, gross weight",
         output_material_ids="lithium|nickel|cobalt|manganese", outputs="black mass (Li, Ni, Co, Mn)",
         country_iso3="DEU", location="Schwarzheide (Brandenburg)", catchment="de-other", status="existing",
         status_date="2025-06", source_id="basf_2025_black_mass", quality="reported",
         note="Commercial operation from June 2025; prototype metal refinery on site (capacity not published)."),
    dict(facility_id="licycle_magdeburg", input_stream="li_ion_batteries", name="Li-Cycle Magdeburg spoke",
         operator="Glencore Battery Recycling (formerly Li-Cycle)", plant_type="battery_pretreatment",
         capacity_t_per_year=10000, high=30000, capacity_measure="input",
         capacity_basis="Li-ion battery material incl. full EV packs, gross weight",
         output_material_ids="lithium|nickel|cobalt", outputs="black mass", country_iso3="DEU",
         location="Magdeburg (Saxony-Anhalt)", catchment="de-other", status="existing", status_date="2023-08-01",
         source_id="licycle_2023_magdeburg", quality="reported",
         note="value = first 10,000 t/yr line (Aug 2023); high = two lines plus ancillary capacity as planned. "
              "Owner Glencore since 8 Aug 2025 after creditor protection (glencore_2025_licycle); present "
              "throughput not verified."),
    dict(facility_id="duesenfeld_wendeburg", input_stream="li_ion_batteries", name="Duesenfeld Wendeburg",
         operator="Duesenfeld", plant_type="battery_pretreatment", capacity_t_per_year=3000,
         capacity_measure="input", capacity_basis="batteries, gross weight ('about 3,000 t')",
         output_material_ids=BATTERY_METALS, outputs="black mass, electrolyte, Cu, Al, separator foils",
         country_iso3="DEU", location="Wendeburg (Lower Saxony)", catchment="de-other", status="existing",
         status_date="2022-06", source_id="duesenfeld_2022_wendeburg", quality="reported", note=""),
    dict(facility_id="tozero_gendorf", input_stream="black_mass", name="tozero Gendorf demonstration plant",
         operator="tozero", plant_type="battery_refining", capacity_t_per_year=1500, capacity_measure="input",
         capacity_basis="battery scrap / black mass", output_material_ids="lithium|natural_graphite|nickel|cobalt",
         outputs="lithium carbonate, graphite, Ni-Co intermediate", country_iso3="DEU",
         location="Burgkirchen an der Alz (Chemiepark Gendorf, Bavaria)", catchment="de-other",
         status="under_construction", status_date="2025-07-23", source_id="tozero_2025_gendorf", quality="reported",
         note="Capacity from an undated secondary report (see source note); commissioning was planned for 2025."),
    dict(facility_id="glencore_portovesme_hub", input_stream="black_mass", name="Portovesme battery recycling hub",
         operator="Glencore (with Li-Cycle until 2025)", plant_type="battery_refining", capacity_t_per_year=50000,
         low=50000, high=70000, capacity_measure="input", capacity_basis="black mass",
         output_material_ids="nickel|cobalt|lithium", outputs="battery-grade Ni, Co, Li products",
         country_iso3="ITA", location="Portovesme (Sardinia)", catchment="other", status="planned",
         status_date="2023-08-01", source_id="rhomotion_2023_licycle", quality="reported",
         note="value = lower end of the published 50,000–70,000 t/yr; feasibility stage; CRMA strategic project."),
    dict(facility_id="hydrovolt_fredrikstad", input_stream="li_ion_batteries", name="Hydrovolt Fredrikstad",
         operator="Hydrovolt (Hydro and Northvolt JV)", plant_type="battery_pretreatment", capacity_t_per_year=12000,
         capacity_measure="input", capacity_basis="EV battery packs, gross weight",
         output_material_ids="aluminium|copper|lithium|nickel|cobalt|manganese",
         outputs="black mass, aluminium, copper, plastics", country_iso3="NOR", location="Fredrikstad",
         catchment="other", status="existing", status_date="2022-05", source_id="hydrovolt_2022_operations",
         quality="reported",
         note="Context plant outside the EU. Ownership after Northvolt's 2025 bankruptcy not verified."),
    dict(facility_id="stena_halmstad", input_stream="li_ion_batteries", name="Stena Recycling Halmstad",
         operator="Stena Recycling", plant_type="battery_pretreatment", capacity_t_per_year=10000,
         capacity_measure="input", capacity_basis="Li-ion batteries incl. LFP and LCO, gross weight",
         output_material_ids="lithium|nickel|cobalt|copper|aluminium", outputs="black mass, copper, aluminium",
         country_iso3="SWE", location="Halmstad", catchment="other", status="existing", status_date="2023",
         source_id="stena_2021_halmstad", quality="reported",
         note="Initial capacity; first phase planned for Q1 2023, opening reported later (date not captured)."),
    dict(facility_id="solarcycle_odessa", input_stream="pv_modules", name="SOLARCYCLE Odessa",
         operator="SOLARCYCLE", plant_type="pv_module_recycling", capacity_measure="input",
         capacity_basis="PV panels (published in panels, not tonnes)",
         output_material_ids="silver|silicon_metal|copper|aluminium", outputs="glass, Al, Cu, Si, Ag",
         country_iso3="USA", location="Odessa, Texas", catchment="other", status="existing",
         status_date="2025-04-21", source_id="solarcycle_2025_impact", quality="reported",
         note="Context plant. Capacity in tonnes not published: 480,406 panels recycled in 2024."),
    dict(facility_id="heraeus_bitterfeld", input_stream="permanent_magnets", name="Heraeus Remloy Bitterfeld",
         operator="Heraeus Remloy", plant_type="magnet_recycling", capacity_t_per_year=600, high=1200,
         capacity_measure="output", capacity_basis="recycled rare-earth magnet powders (output)",
         output_material_ids="neodymium|praseodymium|dysprosium", outputs="nanocrystalline NdFeB powders",
         country_iso3="DEU", location="Bitterfeld-Wolfen (Saxony-Anhalt)", catchment="de-other", status="existing",
         status_date="2024-05-14", source_id="heraeus_2024_bitterfeld", quality="reported",
         note="high = announced medium-term expansion."),
    dict(facility_id="hypromag_gmbh", input_stream="permanent_magnets", name="HyProMag GmbH magnet recycling",
         operator="HyProMag GmbH (Maginito/Mkango)", plant_type="magnet_recycling", capacity_t_per_year=100,
         capacity_measure="output", capacity_basis="recycled NdFeB magnets, alloy pellets and powders (minimum)",
         output_material_ids="neodymium|praseodymium|dysprosium", outputs="sintered NdFeB magnets, alloy powders",
         country_iso3="DEU", location="Northern Black Forest (Pforzheim area, Baden-Württemberg)",
         catchment="de-other", status="planned", status_date="2022-11", source_id="mkango_2022_hypromag_gmbh",
         quality="reported", note="Commissioning was planned for 2024; status in 2026 not verified."),
    dict(facility_id="caremag_lacq", input_stream="permanent_magnets", name="Caremag Lacq (magnet feed)",
         operator="Carester (Caremag)", plant_type="magnet_recycling", capacity_t_per_year=2000,
         capacity_measure="input", capacity_basis="permanent magnets (production scrap and end-of-life)",
         output_material_ids="neodymium|praseodymium|dysprosium|terbium",
         outputs="pure Nd, Pr, Dy, Tb oxides", country_iso3="FRA", location="Lacq", catchment="other",
         status="under_construction", status_date="2025-03-17", source_id="carester_2025_caremag",
         quality="reported", note="Start-up planned end 2026. Context plant (outside the NL-BE-NRW catchment)."),
    dict(facility_id="caremag_lacq", input_stream="rare_earth_concentrate", name="Caremag Lacq (mining concentrates)",
         operator="Carester (Caremag)", plant_type="rare_earth_separation", capacity_t_per_year=5000,
         capacity_measure="input", capacity_basis="rare-earth mining concentrates",
         output_material_ids="neodymium|praseodymium|dysprosium|terbium", outputs="pure Nd, Pr, Dy, Tb oxides",
         country_iso3="FRA", location="Lacq", catchment="other", status="under_construction",
         status_date="2025-03-17", source_id="carester_2025_caremag", quality="reported",
         note="Concentrates fill the plant in the first years; output about 600 t Dy+Tb and 800 t Nd+Pr oxides."),
    dict(facility_id="solvay_la_rochelle", input_stream="rare_earth_concentrate", name="Solvay La Rochelle",
         operator="Solvay", plant_type="rare_earth_separation", capacity_t_per_year=4000, capacity_measure="output",
         capacity_basis="rare-earth products in 2024, mainly catalysts (output)",
         output_material_ids="neodymium|praseodymium|cerium|lanthanum", outputs="separated rare-earth oxides",
         country_iso3="FRA", location="La Rochelle", catchment="other", status="existing", status_date="2025-04-09",
         source_id="solvay_2025_la_rochelle", quality="reported",
         note="Magnet rare-earth line inaugurated 9 Apr 2025; target about 4,500 t/yr for magnets by 2030. Takes "
              "recycled feed from partners."),
    dict(facility_id="rosi_saint_honore", input_stream="pv_modules", name="ROSI Saint-Honoré", operator="ROSI",
         plant_type="pv_module_recycling", capacity_t_per_year=3000, high=10000, capacity_measure="input",
         capacity_basis="end-of-life PV panels and PV production waste", output_material_ids=
         "silicon_metal|silver|copper|aluminium", outputs="high-purity Si, Ag, Cu, Al, glass", country_iso3="FRA",
         location="Saint-Honoré (Isère)", catchment="other", status="existing", status_date="2023-06-20",
         source_id="rosi_2023_saint_honore", quality="reported",
         note="value = about 3,000 t/yr treated (Présences Grenoble, 2025); high = planned 10,000 t/yr."),
    dict(facility_id="rosi_germany", input_stream="pv_modules", name="ROSI Germany", operator="ROSI",
         plant_type="pv_module_recycling", capacity_t_per_year=30000, capacity_measure="input",
         capacity_basis="PV panels ('up to')", output_material_ids="silicon_metal|silver|copper|aluminium",
         outputs="Si, Ag, Cu, Al, glass", country_iso3="DEU", location="site not published", catchment="de-other",
         status="planned", status_date="2024", source_id="rosi_expansion_plans", quality="reported",
         note="Site not published, so the catchment tag de-other is provisional."),
    dict(facility_id="rosi_spain", input_stream="pv_modules", name="ROSI Spain", operator="ROSI",
         plant_type="pv_module_recycling", capacity_t_per_year=10000, capacity_measure="input",
         capacity_basis="PV panels ('up to')", output_material_ids="silicon_metal|silver|copper|aluminium",
         outputs="Si, Ag, Cu, Al, glass", country_iso3="ESP", location="site not published", catchment="other",
         status="planned", status_date="2024", source_id="rosi_expansion_plans", quality="reported", note=""),
    dict(facility_id="veolia_rousset", input_stream="pv_modules", name="Veolia Rousset PV recycling",
         operator="Veolia (Triade Electronique)", plant_type="pv_module_recycling", capacity_t_per_year=1800,
         high=4000, capacity_measure="input", capacity_basis="crystalline-silicon PV panels, gross weight",
         output_material_ids="aluminium|copper|silicon_metal", outputs="glass cullet, Al frames, Cu, Si, plastics",
         country_iso3="FRA", location="Rousset (Bouches-du-Rhône)", catchment="other", status="existing",
         status_date="2018", source_id="veolia_2018_rousset", quality="reported",
         note="value = first-year throughput; high = contracted ramp-up. Context plant."),
]

# --------------------------------------------------------------------------------------------------
# plant_scale: no techno-economic minimum efficient scale was found in this session, so every row is an
# assumption whose range spans the single-site capacities of commercial plants in the register above.
SCALE_FIELDS = ["plant_type", "input_stream", "min_efficient_scale_t_per_year", "low", "high", "basis", "source_id",
                "quality", "note"]
PLANT_SCALE = [
    dict(plant_type="battery_pretreatment", input_stream="li_ion_batteries", min_efficient_scale_t_per_year=10000,
         low=3000, high=30000, basis="single-site capacity of operating EU/EEA black-mass plants",
         source_id="por_2024_sk_tes", quality="assumption",
         note="Assumption: no published minimum efficient scale found. Commercial plants run 3,000 (Duesenfeld) to "
              "15,000 t/yr (BASF) per site, 10,000 t/yr per line (SK tes, Li-Cycle); cylib plans 30,000 t/yr."),
    dict(plant_type="battery_refining", input_stream="black_mass", min_efficient_scale_t_per_year=50000,
         low=20000, high=70000, basis="planned commercial hydrometallurgical hubs",
         source_id="rhomotion_2023_licycle", quality="assumption",
         note="Assumption: commercial black-mass refining hubs are planned at 50,000–70,000 t/yr (Portovesme); "
              "Umicore's postponed integrated plant was 150,000 t/yr infeed; demonstration plants (tozero 1,500 "
              "t/yr) are below commercial scale. Low end is our judgement for a stand-alone refinery."),
    dict(plant_type="pv_module_recycling", input_stream="pv_modules", min_efficient_scale_t_per_year=10000,
         low=3000, high=30000, basis="dedicated PV recycling lines in France and planned ROSI sites",
         source_id="rosi_2023_saint_honore", quality="assumption",
         note="Assumption: dedicated lines treat 1,800–4,000 t/yr (Veolia Rousset, ROSI today); ROSI plans "
              "10,000 t/yr in France and up to 30,000 t/yr in Germany for high-value Si/Ag recovery."),
    dict(plant_type="magnet_recycling", input_stream="permanent_magnets", min_efficient_scale_t_per_year=600,
         low=100, high=2000, basis="short-loop and long-loop magnet recycling plants",
         source_id="heraeus_2024_bitterfeld", quality="assumption",
         note="Assumption: short-loop plants start at 100 t/yr (HyProMag) to 600–1,200 t/yr (Heraeus); the "
              "long-loop Caremag plant (separation to oxides) is sized for 2,000 t/yr of magnets."),
    dict(plant_type="metals_smelting", input_stream="complex_metal_scrap", min_efficient_scale_t_per_year=400000,
         low=350000, high=500000, basis="integrated copper/precious-metal smelters taking e-scrap",
         source_id="aurubis_luenen", quality="assumption",
         note="Assumption: the two end-processors in the catchment (Aurubis Lünen about 400,000 t/yr, Umicore "
              "Hoboken 350,000–500,000 t/yr) show the world scale of such smelters; a regional plant would feed "
              "them rather than compete."),
]


def main() -> None:
    write("recycling_facilities", FACILITY_FIELDS,
          sorted(FACILITIES, key=lambda r: (r["facility_id"], r["input_stream"])))
    write("plant_scale", SCALE_FIELDS, PLANT_SCALE)


if __name__ == "__main__":
    main()
