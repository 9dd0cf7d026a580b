"""Build ``recycling_facilities``, ``plant_scale``, ``material_prices`` and ``crma_consumption_capacity``.

One-off curation script (documents how the tables were built; not run by tests or CI). It reads no raw
file: every figure below was typed from the publication named in its ``source_id`` (see
``curation/sources/scenarios_facilities.csv`` and the existing ``usgs_mcs2026`` / ``ec2023_crm_study``
entries) and every derivation is done here so it can be re-checked. The CRMA stage shares are derived
from our own ``criticality_inputs`` table (EC 2023 import reliance and EoL-RIR).

Run from the repository root: ``python scripts/curate_scenarios_facilities.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data"

# Unit conversions for prices (exact definitions).
KG_PER_LB = 0.45359237
KG_PER_TROY_OZ = 0.0311034768
KG_MN_PER_MTU = 10.0  # one metric ton unit = 1 % of a tonne = 10 kg of contained metal


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
    dict(facility_id="rosi_germany", input_stream="pv_modules", name="ROSI Germany (planned)", operator="ROSI",
         plant_type="pv_module_recycling", capacity_t_per_year=30000, capacity_measure="input",
         capacity_basis="PV panels ('up to')", output_material_ids="silicon_metal|silver|copper|aluminium",
         outputs="Si, Ag, Cu, Al, glass", country_iso3="DEU", location="site not published", catchment="de-other",
         status="planned", status_date="2024", source_id="rosi_expansion_plans", quality="reported",
         note="Site not published, so the catchment tag de-other is provisional."),
    dict(facility_id="rosi_spain", input_stream="pv_modules", name="ROSI Spain (planned)", operator="ROSI",
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

# --------------------------------------------------------------------------------------------------
# material_prices: USGS MCS 2026 salient statistics (2025 estimates) unless noted.
PRICE_FIELDS = ["material_id", "product", "market_basis", "year", "period", "price_per_kg", "currency", "low",
                "high", "price_as_published", "unit_as_published", "source_id", "quality", "note"]
PER_KG = {"USD/kg": 1.0, "USD/t": 1e-3, "USD/lb": 1 / KG_PER_LB, "US cents/lb": 0.01 / KG_PER_LB,
          "USD/troy oz": 1 / KG_PER_TROY_OZ, "USD/mtu Mn": 1 / KG_MN_PER_MTU}
USGS_NOTE = ("MCS 2026 salient statistics, 2025 estimate; numbers read from the parsed chapter in GitHub "
             "pranava0x0/usgs-mineral-commodity-summaries (data/audit/<commodity>/audit.md)")
PRICES = [
    ("lithium", "lithium carbonate, battery grade (per kg of carbonate, LCE)", "spot and long-term contract "
     "assessments, Benchmark Mineral Intelligence", 9000, "USD/t"),
    ("cobalt", "cobalt cathode", "LME cash, annual average", 15, "USD/lb"),
    ("cobalt", "cobalt cathode", "U.S. spot, S&P Global Platts Metals Week, annual average", 21, "USD/lb"),
    ("nickel", "nickel, primary", "LME cash, annual average", 15000, "USD/t"),
    ("copper", "copper grade A cathode", "LME cash, annual average", 440, "US cents/lb"),
    ("manganese", "metallurgical manganese ore, 44 % Mn (per kg contained Mn)", "CIF China, CRU Group, annual "
     "average", 4.50, "USD/mtu Mn"),
    ("natural_graphite", "natural flake graphite", "average unit value of U.S. imports", 1000, "USD/t"),
    ("neodymium", "neodymium-praseodymium (NdPr) oxide, 99 % min", "FOB China, Argus Non-Ferrous Markets, annual "
     "average", 69, "USD/kg"),
    ("neodymium", "neodymium oxide, 99.5 % min", "FOB China, Argus Non-Ferrous Markets, annual average", 73, "USD/kg"),
    ("praseodymium", "praseodymium oxide, 99.99 % min", "FOB China, Argus Non-Ferrous Markets, annual average", 74,
     "USD/kg"),
    ("silver", "silver bullion", "Engelhard industrial bullion, S&P Global Platts, annual average", 38,
     "USD/troy oz"),
    ("gallium", "gallium metal", "average customs value of U.S. imports (HTS 8112.92.1000)", 580, "USD/kg"),
    ("germanium", "germanium metal, 99.999 % min", "average European price, Argus Non-Ferrous Markets", 4100,
     "USD/kg"),
    ("indium", "indium, 99.99 % min", "Rotterdam, duties unpaid, Argus Non-Ferrous Markets, annual average", 380,
     "USD/kg"),
    ("iridium", "iridium", "Engelhard unfabricated metal, annual average", 4400, "USD/troy oz"),
    ("platinum", "platinum", "Engelhard unfabricated metal, annual average", 1200, "USD/troy oz"),
    ("palladium", "palladium", "Engelhard unfabricated metal, annual average", 1100, "USD/troy oz"),
    ("rhodium", "rhodium", "Engelhard unfabricated metal, annual average", 5800, "USD/troy oz"),
    ("ruthenium", "ruthenium", "Engelhard unfabricated metal, annual average", 690, "USD/troy oz"),
    ("aluminium", "aluminium ingot", "average U.S. market (spot), S&P Global Platts Metals Week", 180,
     "US cents/lb"),
    ("silicon_metal", "silicon metal, metallurgical grade", "S&P Global Platts Metals Week, annual average", 130,
     "US cents/lb"),
    ("tellurium", "tellurium, 99.99 % min", "in warehouse Rotterdam, Argus Non-Ferrous Markets, annual average", 150,
     "USD/kg"),
]
PRICE_NOTES = {
    "aluminium": "U.S. market price includes the Midwest premium and 2025 U.S. tariffs; not an LME price.",
    "natural_graphite": "Price row read from the parsed salient table (flake import unit value); check the PDF.",
    "silicon_metal": "2025 value is the January–October mean per the chapter footnote for Platts import prices.",
    "manganese": "1 metric ton unit (mtu) = 10 kg contained Mn.",
    "lithium": "Price per kg of lithium carbonate (LCE), not per kg of contained Li (Li = 18.8 % of Li2CO3).",
}


def price_rows() -> list[dict]:
    rows = []
    for material, product, basis, published, unit in PRICES:
        rows.append(dict(material_id=material, product=product, market_basis=basis, year=2025,
                         period="2025 annual average (USGS estimate)", price_per_kg=round(published * PER_KG[unit], 4),
                         currency="USD", price_as_published=published, unit_as_published=unit,
                         source_id="usgs_mcs2026", quality="reported" if unit == "USD/kg" else "derived",
                         note="; ".join(filter(None, [PRICE_NOTES.get(material, ""), USGS_NOTE]))
                         + ("" if unit == "USD/kg" else f"; converted from {unit}")))
    rows += [
        dict(material_id="dysprosium", product="dysprosium oxide", market_basis="volume-weighted average of about "
             "96 % of global consumption (mainly China-priced)", year=2025, period="2025", price_per_kg=224,
             currency="USD", price_as_published=224, unit_as_published="USD/kg", source_id="adamas_2026_ree_prices",
             quality="reported", note="Adamas Intelligence research; ex-China ask prices were far higher (see "
                                      "Argus Europe row)."),
        dict(material_id="dysprosium", product="dysprosium oxide, 99.5 %", market_basis="Europe, Argus monthly "
             "assessment after China's April 2025 export controls", year=2025, period="2025-05-06",
             price_per_kg=850, low=700, high=1000, currency="USD", price_as_published=None,
             unit_as_published="USD/kg", source_id="argus_2025_dy_tb_europe", quality="derived",
             note="Published as a range USD 700–1,000/kg; price_per_kg is its midpoint. Thin market."),
        dict(material_id="terbium", product="terbium oxide, 99.99 %", market_basis="Europe, Argus assessment before "
             "China's April 2025 export controls", year=2025, period="2025-04 (early April)", price_per_kg=965,
             low=930, high=1000, currency="USD", price_as_published=None, unit_as_published="USD/kg",
             source_id="argus_2025_dy_tb_europe", quality="derived",
             note="Published as a range USD 930–1,000/kg; price_per_kg is its midpoint."),
        dict(material_id="terbium", product="terbium oxide, 99.99 %", market_basis="Europe, Argus assessment after "
             "China's April 2025 export controls", year=2025, period="2025-05", price_per_kg=3000, low=2000,
             high=4000, currency="USD", price_as_published=None, unit_as_published="USD/kg",
             source_id="argus_2025_dy_tb_europe", quality="derived",
             note="Published as a range USD 2,000–4,000/kg; price_per_kg is its midpoint. Few actual transactions."),
    ]
    return rows


# --------------------------------------------------------------------------------------------------
# crma_consumption_capacity
CRMA_FIELDS = ["crma_entry", "material_id", "quantity", "value", "unit", "reference_period", "low", "high", "basis",
               "source_id", "quality", "note"]
# Annex I Section 1 entry -> material whose EC 2023 indicators represent it.
ENTRY_MATERIAL = {"a": "aluminium", "b": "bismuth", "c": "boron", "d": "cobalt", "e": "copper", "f": "gallium",
                  "g": "germanium", "h": "lithium", "i": "magnesium", "j": "manganese", "k": "natural_graphite",
                  "l": "nickel", "m": "pgm", "n": "neodymium", "o": "silicon_metal", "p": "titanium_metal",
                  "q": "tungsten"}
KUL = "kuleuven_2022_metals_clean_energy"
KUL_NOTE = ("Derived: today's use = 2050 clean-energy need / (stated increase relative to today's use) in "
            "KU Leuven (2022); 'Europe' as in the study (EU-focused); includes secondary metal.")
CONSUMPTION = [
    # entry, value, low, high, unit basis, source, quality, note
    ("a", 4.5e6 / 0.33, 4.5e6 / 0.33, 4.5e6 / 0.30, "t Al", KUL, "derived",
     KUL_NOTE + " 4.5 Mt = +33 % (list) or 30 % (summary) of today's use, hence the range."),
    ("d", 60000 / 3.30, None, None, "t Co", KUL, "derived", KUL_NOTE + " 60 kt = 330 % of today's use."),
    ("e", 1.5e6 / 0.35, None, None, "t Cu", KUL, "derived", KUL_NOTE + " 1.5 Mt = 35 % of today's use."),
    ("f", 42.5, 40, 45, "t Ga", "reuters_2023_gallium_eu_demand", "derived",
     "Midpoint of the EU annual demand of 40–45 t quoted by Mytilineos (2023)."),
    ("h", 4300, 4300, 22900, "t Li", KUL, "assumption",
     "Assumption: KU Leuven's 0.8 Mt lithium in 2050 = 35 times today gives 22.9 kt; the report does not say "
     "whether this is Li content or lithium carbonate equivalent. As LCE it is 22.9/5.323 = 4.3 kt Li, which "
     "fits an EU import reliance of 81–100 %; value = 4.3 kt Li, high = 22.9 kt if the figure were Li content."),
    ("k", 100000, None, None, "t C (natural graphite)", "ecga_graphite", "derived",
     "EU imports of about 100,000 t/yr of natural graphite taken as consumption because EU import reliance at "
     "extraction is 0.99 (EC 2023)."),
    ("l", 400000 / 1.00, None, None, "t Ni", KUL, "derived", KUL_NOTE + " 0.4 Mt = 100 % of today's use."),
    ("n", 15000, 5000, 15000, "t REO (Nd, Pr, Dy, Tb)", "solvay_2025_la_rochelle", "assumption",
     "Assumption: Solvay's target of 4,500 t/yr = 30 % of the European magnet rare-earth market by 2030 implies "
     "about 15,000 t/yr in 2030; today's use is lower (most magnets are imported finished), so low = 5,000 t is "
     "our judgement. Entry covers Nd, Pr, Tb, Dy, Gd, Sm, Ce for magnets."),
    ("o", 200000 / 0.45, None, None, "t Si", KUL, "derived", KUL_NOTE + " 0.2 Mt = 45 % of today's use."),
]


def sig3(value: float | None) -> float | None:
    """Round a derived tonnage to three significant figures (the inputs carry no more)."""
    return None if value is None else float(f"{value:.3g}")


def crma_rows(criticality_inputs: Path) -> list[dict]:
    with criticality_inputs.open(encoding="utf-8") as handle:
        inputs = [r for r in csv.DictReader(handle) if r["year"] == "2023"]
    rows = []
    for entry, material in ENTRY_MATERIAL.items():
        for stage in ("extraction", "processing"):
            match = [r for r in inputs if r["material_id"] == material and r["stage"] == stage
                     and r["parameter"] == "import_reliance"]
            if match:
                ir = float(match[0]["value"])
                rows.append(dict(crma_entry=entry, material_id=material, quantity=f"{stage}_share",
                                 value=round(1 - ir, 4), unit="fraction", reference_period="2016-2020 average",
                                 basis=f"1 - EU import reliance at the {stage} stage (IR = {ir:g})",
                                 source_id="ec2023_crm_study", quality="derived",
                                 note="Domestic production / apparent consumption used as a proxy for capacity."))
        eol = [r for r in inputs if r["material_id"] == material and r["parameter"] == "eol_rir"]
        if eol:
            rows.append(dict(crma_entry=entry, material_id=material, quantity="recycling_share",
                             value=float(eol[0]["value"]), unit="fraction", reference_period="2016-2020 average",
                             basis="end-of-life recycling input rate (EoL-RIR)", source_id="ec2023_crm_study",
                             quality="derived", note="Realised old-scrap input, a lower bound of recycling capacity."))
    for entry, value, low, high, unit_basis, source, quality, note in CONSUMPTION:
        rows.append(dict(crma_entry=entry, material_id=ENTRY_MATERIAL[entry], quantity="consumption",
                         value=sig3(value), unit="t", reference_period="2030" if entry == "n" else "circa 2020",
                         low=sig3(low), high=sig3(high),
                         basis=f"EU annual consumption, {unit_basis}", source_id=source, quality=quality, note=note))
    order = {"consumption": 0, "extraction_share": 1, "processing_share": 2, "recycling_share": 3}
    return sorted(rows, key=lambda r: (r["crma_entry"], order[r["quantity"]]))


def main() -> None:
    write("recycling_facilities", FACILITY_FIELDS,
          sorted(FACILITIES, key=lambda r: (r["facility_id"], r["input_stream"])))
    write("plant_scale", SCALE_FIELDS, PLANT_SCALE)
    write("material_prices", PRICE_FIELDS, sorted(price_rows(), key=lambda r: (r["material_id"], r["product"],
                                                                               r["market_basis"])))
    write("crma_consumption_capacity", CRMA_FIELDS, crma_rows(DATA / "criticality_inputs.csv"))


if __name__ == "__main__":
    main()
