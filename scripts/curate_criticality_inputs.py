"""Build ``criticality_inputs.csv`` (EU 2023 CRM assessment: IR, EOL-RIR, SI_SR, SI_EI, SR per stage).

One-off curation script; it documents how the table was built and is not run by tests or CI.

Inputs
------
1. The summary results table of the *Study on the critical raw materials for the EU 2023 – Final
   report* (SR, EI, stage of the reported SR, concentration basis GS/EU per stage, SR per stage,
   SI_EI, SI_SR, import reliance per stage, EoL-RIR), as transcribed from the report PDF in
   ``meyerdata/CritMAT:input_data/seeds/eureport_results.csv`` (commit 0bd89778). Pass its path as
   the first argument. Percentages there become fractions here.
2. Optional cross-check (second argument): ``eolrir_2023_and_hs_map_geopolrisk.csv`` with the EoL-RIR
   and the SCRREEN2 factsheet URL per commodity; only the URLs (facts) are carried over into ``note``
   and the EoL-RIR values are compared, never copied.
3. Optional (third argument): Annex 4 SR/EI 2023 (``dimension_CRMsOverTime.csv``) to flag materials
   whose transcribed SR/EI differ from the report's annex.

Usage: python scripts/curate_criticality_inputs.py eureport_results.csv [eolrir.csv] [annex4.csv]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/criticality_inputs.csv"
YEAR = 2023
SOURCE = "ec2023_crm_study"
TRANSCRIPTION = "transcribed from the 2023 final report summary table via meyerdata/CritMAT eureport_results.csv"

MATERIAL_IDS = {
    "Aggregates": "aggregates", "Aluminium": "aluminium", "Antimony": "antimony", "Arsenic": "arsenic",
    "Baryte": "baryte", "Bentonite": "bentonite", "Beryllium": "beryllium", "Bismuth": "bismuth",
    "Boron": "boron", "Cadmium": "cadmium", "Chromium": "chromium", "Cobalt": "cobalt",
    "Coking coal": "coking_coal", "Copper": "copper", "Diatomite": "diatomite", "Feldspar": "feldspar",
    "Fluorspar": "fluorspar", "Gallium": "gallium", "Germanium": "germanium", "Gold": "gold",
    "Gypsum": "gypsum", "Hafnium": "hafnium", "Helium": "helium", "HREE": "hree",
    "Dysprosium": "dysprosium", "Erbium": "erbium", "Europium": "europium", "Gadolinium": "gadolinium",
    "Holmium": "holmium", "Lutetium": "lutetium", "Terbium": "terbium", "Thulium": "thulium",
    "Ytterbium": "ytterbium", "Yttrium": "yttrium", "Hydrogen": "hydrogen", "Indium": "indium",
    "Iron ore": "iron_ore", "Kaolin": "kaolin_clay", "Krypton": "krypton", "Lead": "lead",
    # The transcription calls limestone "Lime"; the report's Annex 4 row is "Limestone" (same SR/EI).
    "Lime": "limestone", "Lithium": "lithium", "LREE": "lree", "Cerium": "cerium",
    "Lanthanum": "lanthanum", "Neodymium": "neodymium", "Praseodymium": "praseodymium",
    "Samarium": "samarium", "Magnesite": "magnesite", "Magnesium": "magnesium",
    "Manganese": "manganese", "Molybdenum": "molybdenum", "Natural cork": "natural_cork",
    "Natural graphite": "natural_graphite", "Natural Rubber": "natural_rubber",
    "Natural Teak wood": "natural_teak_wood", "Neon": "neon", "Nickel": "nickel", "Niobium": "niobium",
    "Perlite": "perlite", "PGM": "pgm", "Iridium": "iridium", "Palladium": "palladium",
    "Platinum": "platinum", "Rhodium": "rhodium", "Ruthenium": "ruthenium",
    "Phosphate rock": "phosphate_rock", "Phosphorus": "phosphorus", "Potash": "potash",
    "Rhenium": "rhenium", "Roundwood": "roundwood", "Sapele wood": "sapele_wood",
    "Scandium": "scandium", "Selenium": "selenium", "Silica Sand": "silica_sand",
    "Silicon metal": "silicon_metal", "Silver": "silver", "Strontium": "strontium", "Sulfur": "sulphur",
    "Talc, Steatite & Pyrophyllite": "talc", "Tantalum": "tantalum", "Tellurium": "tellurium",
    "Tin": "tin", "Titanium": "titanium", "Titanium metal": "titanium_metal", "Tungsten": "tungsten",
    "Vanadium": "vanadium", "Xenon": "xenon", "Zinc": "zinc", "Zirconium": "zirconium",
}
BASIS = {"GS+EU": "gs_and_eus", "GSonly": "gs_only", "EUonly": "eus_only", "EU": "eus_only"}
STAGES = {"E": "extraction", "P": "processing"}
# Rows where the PDF extraction shifted cells: the concentration-basis column holds the SR, or the SR is
# missing. Each repair is stated in the row note; values taken from the official SR are "derived".
SHIFTED_SR = {"coking_coal", "diatomite", "magnesite", "natural_cork", "strontium"}

FIELDS = [
    "material_id", "year", "stage", "parameter", "value", "unit", "low", "high",
    "concentration_basis", "is_reported_stage", "source_id", "quality", "note",
]

EOLRIR_SHEETS = {
    "Aluminium": "aluminium", "Antimony": "antimony", "Arsenic": "arsenic", "Baryte": "baryte",
    "Bentonite": "bentonite", "Beryllium (conc.)": "beryllium", "Bismuth": "bismuth",
    "Boron Minerals": "boron", "Cadmium": "cadmium", "Chromium (Cr2O3)": "chromium", "Cobalt": "cobalt",
    "Coking Coal": "coking_coal", "Copper": "copper", "Diatomite": "diatomite", "Feldspar": "feldspar",
    "Fluorspar": "fluorspar", "Germanium": "germanium", "Gold": "gold", "Graphite": "natural_graphite",
    "Gypsum and Anhydrite": "gypsum", "Indium": "indium", "Iron (Fe)": "iron_ore",
    "Kaolin (China-Clay)": "kaolin_clay", "Lead": "lead", "Lithium (Li2O)": "lithium",
    "Magnesite": "magnesite", "Manganese": "manganese", "Molybdenum": "molybdenum", "Nickel": "nickel",
    "Niobium (Nb2O5)": "niobium", "Palladium": "palladium", "Phosphate Rock (P2O5)": "phosphate_rock",
    "Platinum": "platinum", "Rhodium": "rhodium", "Selenium": "selenium", "Silver": "silver",
    "Sulfur (elementar & industrial)": "sulphur", "Tantalum (Ta2O5)": "tantalum",
    "Tellurium": "tellurium", "Tin": "tin", "Tungsten (W)": "tungsten", "Vanadium (V)": "vanadium",
    "Zinc": "zinc", "Zircon": "zirconium",
}


def _number(text: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    if text.endswith("%"):
        return float(text[:-1]) / 100.0
    return float(text)


def _fraction(text: str) -> float | None:
    value = _number(text)
    return None if value is None else round(value / 100.0, 4)


def _factsheets(path: Path | None) -> tuple[dict[str, str], dict[str, float]]:
    urls: dict[str, str] = {}
    values: dict[str, float] = {}
    if path is None:
        return urls, values
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            material_id = EOLRIR_SHEETS.get(row["Sheet_name"])
            reference = row.get("Reference", "")
            if material_id and reference.startswith("https://scrreen.eu"):
                urls[material_id] = reference
            if material_id and row.get("EoL-RIR (2023)"):
                values[material_id] = float(row["EoL-RIR (2023)"])
    return urls, values


def build(results: Path, eolrir: Path | None) -> tuple[list[dict[str, object]], list[str]]:
    urls, eol_check = _factsheets(eolrir)
    rows: list[dict[str, object]] = []
    problems: list[str] = []
    seen: set[str] = set()
    with results.open(encoding="utf-8") as handle:
        for raw in csv.DictReader(handle):
            material_id = MATERIAL_IDS[raw["material_name"]]
            if material_id in seen:  # the transcription lists tungsten twice with identical values
                continue
            seen.add(material_id)
            factsheet = f"; factsheet {urls[material_id]}" if material_id in urls else ""
            base_note = TRANSCRIPTION + factsheet
            reported_stage = raw["eu_used_stage"].strip().lower()
            stages = [STAGES[s] for s in raw["eu_stages"].split("+")]

            def add(stage: str, parameter: str, value: float | None, unit: str, note: str = "",
                    quality: str = "reported", basis: str = "", reported: str = "",
                    material_id: str = material_id, base_note: str = base_note) -> None:
                if value is None:
                    return
                rows.append({
                    "material_id": material_id, "year": YEAR, "stage": stage, "parameter": parameter,
                    "value": round(value, 4), "unit": unit, "low": "", "high": "",
                    "concentration_basis": basis, "is_reported_stage": reported, "source_id": SOURCE,
                    "quality": quality, "note": (note + "; " if note else "") + base_note,
                })

            # The material-level SR/EI of the summary table also cover single REEs and PGMs, which
            # Annex 4 (table criticality_official) lists only as groups.
            add("all", "supply_risk", _number(raw["supply_risk"]), "dimensionless")
            add("all", "economic_importance", _number(raw["economic_importance"]), "dimensionless")
            add("all", "si_ei", _number(raw["si_ei"]), "dimensionless")
            add("all", "si_sr", _number(raw["si_sr"]), "dimensionless")
            eol = _fraction(raw["end_of_life"])
            add("all", "eol_rir", eol, "fraction")
            if eol is not None and material_id in eol_check and abs(eol_check[material_id] - eol) > 1e-9:
                problems.append(f"{material_id}: EoL-RIR {eol} here vs {eol_check[material_id]} in factsheet list")
            for stage in stages:
                key = "primary" if stage == "extraction" else "refined"
                ir = _fraction(raw[f"import_reliance_{key}"])
                add(stage, "import_reliance", ir, "fraction")
                basis_text = raw[f"eu_used_supply_{key}"].strip()
                sr_text = raw[f"supply_risk_{key}"].strip()
                note = ""
                quality = "reported"
                basis = BASIS.get(basis_text, "")
                if material_id in SHIFTED_SR and stage == "extraction":
                    # PDF cells shifted right: the SR sits in the next column, the basis is in this one
                    # or was lost.
                    sr_text = raw["eu_used_supply_refined"].strip()
                    basis = BASIS.get(basis_text, "")
                    note = "cells shifted in the transcription; SR read from the neighbouring column"
                if material_id == "coking_coal" and stage == "processing":
                    sr_text, basis = raw["supply_risk_refined"].strip(), ""
                    note = "cells shifted in the transcription; concentration basis not recoverable"
                if material_id == "lree" and stage == "extraction":
                    note = "transcribed as '281%'; read as SR 2.81"
                    quality = "derived"
                sr = _number(sr_text)
                if material_id == "praseodymium" and stage == "processing" and sr is None:
                    sr = _number(raw["supply_risk"])
                    quality = "derived"
                    note = "stage SR missing in the transcription; equals the official SR (processing stage)"
                reported = "true" if stage == reported_stage else "false"
                add(stage, "supply_risk_stage", sr, "dimensionless", note, quality, basis, reported)
    return rows, problems


def main(argv: list[str]) -> None:
    results = Path(argv[1])
    eolrir = Path(argv[2]) if len(argv) > 2 else None
    rows, problems = build(results, eolrir)
    rows.sort(key=lambda r: (r["material_id"], r["stage"], r["parameter"]))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {OUT}")
    for problem in problems:
        print("check:", problem)


if __name__ == "__main__":
    main(sys.argv)
