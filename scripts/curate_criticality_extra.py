"""Add the per-element 2023 SR/EI rows and the 2023 import reliance to ``criticality_official``.

One-off curation script (not run by tests or CI). Run it **after** ``scripts/curate_materials.py``, which
rebuilds ``criticality_official.csv`` from Annex 4 of the EC 2023 CRM study and so drops what this script adds.

What it does
------------
Annex 4 of the *Study on the critical raw materials for the EU 2023 – Final report* (doi:10.2873/725585) lists
the rare earths and platinum-group metals only as the groups HREE, LREE and PGM. The report's summary results
table (one row per assessed material: SR, EI, stage of the reported SR, SR per stage, SI, import reliance per
stage, EoL-RIR) also carries the 15 single REEs and the 5 single PGMs. That table was transcribed from the report
PDF in ``meyerdata/CritMAT`` (MIT), file ``input_data/seeds/eureport_results.csv`` at commit
``0bd897788ddd82bc58752e5460c53b924cbc63bc``; only the EC figures are used here.

1. For the 20 group members it adds a 2023 row (SR, EI, EoL-RIR, import reliance, ``is_critical`` because the
   2023 list names their group, source ``ec2023_crm_study``). Rows for these members are replaced, never
   duplicated, so the script can be rerun.
2. For every 2023 row it fills ``import_reliance`` with the import reliance at the supply-chain stage whose SR
   the report retains (the stage in ``eu_used_stage``), as a fraction; the stage is named in ``note``. Where the
   transcription has no IR for that stage the cell stays empty.
3. It checks the transcription against the independent Annex 4 transcription already in the table (SR/EI of the
   70 shared candidates) and against the EoL-RIR already curated from the factsheet list, and prints every
   difference. Existing SR/EI values are never overwritten.

Usage: ``python scripts/curate_criticality_extra.py /path/to/eureport_results.csv``
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data" / "package" / "data"
OFFICIAL = DATA / "criticality_official.csv"
YEAR = 2023
TRANSCRIPTION = (
    "2023 final report summary results table, transcribed in meyerdata/CritMAT "
    "input_data/seeds/eureport_results.csv @0bd89778"
)
FACTSHEETS = {
    "hree": "https://scrreen.eu/wp-content/uploads/2023/08/SCRREEN2_factsheets_REE-EUROSTAT.pdf",
    "lree": "https://scrreen.eu/wp-content/uploads/2023/08/SCRREEN2_factsheets_REE-EUROSTAT.pdf",
    "pgm": "https://scrreen.eu/wp-content/uploads/2023/08/SCRREEN2_factsheets_PGM.pdf",
}
GROUP_NAMES = {"hree": "Heavy Rare Earth Elements", "lree": "Light Rare Earth Elements", "pgm": "Platinum Group Metals"}
MEMBERS = {
    "Dysprosium": ("dysprosium", "hree"), "Erbium": ("erbium", "hree"), "Europium": ("europium", "hree"),
    "Gadolinium": ("gadolinium", "hree"), "Holmium": ("holmium", "hree"), "Lutetium": ("lutetium", "hree"),
    "Terbium": ("terbium", "hree"), "Thulium": ("thulium", "hree"), "Ytterbium": ("ytterbium", "hree"),
    "Yttrium": ("yttrium", "hree"), "Cerium": ("cerium", "lree"), "Lanthanum": ("lanthanum", "lree"),
    "Neodymium": ("neodymium", "lree"), "Praseodymium": ("praseodymium", "lree"), "Samarium": ("samarium", "lree"),
    "Iridium": ("iridium", "pgm"), "Palladium": ("palladium", "pgm"), "Platinum": ("platinum", "pgm"),
    "Rhodium": ("rhodium", "pgm"), "Ruthenium": ("ruthenium", "pgm"),
}  # fmt: skip
# Transcription names of the 70 candidates that Annex 4 also lists (ids as in the materials table).
CANDIDATES = {
    "Aggregates": "aggregates", "Aluminium": "aluminium", "Antimony": "antimony", "Arsenic": "arsenic",
    "Baryte": "baryte", "Bentonite": "bentonite", "Beryllium": "beryllium", "Bismuth": "bismuth",
    "Boron": "boron", "Cadmium": "cadmium", "Chromium": "chromium", "Cobalt": "cobalt",
    "Coking coal": "coking_coal", "Copper": "copper", "Diatomite": "diatomite", "Feldspar": "feldspar",
    "Fluorspar": "fluorspar", "Gallium": "gallium", "Germanium": "germanium", "Gold": "gold",
    "Gypsum": "gypsum", "Hafnium": "hafnium", "Helium": "helium", "HREE": "hree", "Hydrogen": "hydrogen",
    "Indium": "indium", "Iron ore": "iron_ore", "Kaolin": "kaolin_clay", "Krypton": "krypton", "Lead": "lead",
    # The transcription calls limestone "Lime"; Annex 4 has the same SR/EI under "Limestone".
    "Lime": "limestone", "Lithium": "lithium", "LREE": "lree", "Magnesite": "magnesite",
    "Magnesium": "magnesium", "Manganese": "manganese", "Molybdenum": "molybdenum",
    "Natural cork": "natural_cork", "Natural graphite": "natural_graphite", "Natural Rubber": "natural_rubber",
    "Natural Teak wood": "natural_teak_wood", "Neon": "neon", "Nickel": "nickel", "Niobium": "niobium",
    "Perlite": "perlite", "PGM": "pgm", "Phosphate rock": "phosphate_rock", "Phosphorus": "phosphorus",
    "Potash": "potash", "Rhenium": "rhenium", "Roundwood": "roundwood", "Sapele wood": "sapele_wood",
    "Scandium": "scandium", "Selenium": "selenium", "Silica Sand": "silica_sand",
    "Silicon metal": "silicon_metal", "Silver": "silver", "Strontium": "strontium", "Sulfur": "sulphur",
    "Talc, Steatite & Pyrophyllite": "talc", "Tantalum": "tantalum", "Tellurium": "tellurium", "Tin": "tin",
    "Titanium": "titanium", "Titanium metal": "titanium_metal", "Tungsten": "tungsten",
    "Vanadium": "vanadium", "Xenon": "xenon", "Zinc": "zinc", "Zirconium": "zirconium",
}  # fmt: skip
IR_COLUMN = {"extraction": "import_reliance_primary", "processing": "import_reliance_refined"}
IR_NOTE = "Import reliance at the"
MISMATCH_NOTE = "The summary results table gives"
ROW_NOTES = {
    "platinum": "SR 2.13 is printed with two decimals in the transcription (its processing-stage SR is 2.1).",
}


def _percent_to_fraction(text: str) -> str:
    text = text.strip()
    return "" if not text else repr(round(float(text) / 100.0, 4))


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


def _base_note(note: str) -> str:
    """Note without what an earlier run of this script appended (keeps reruns idempotent)."""
    cuts = [note.find(mark) for mark in (IR_NOTE, MISMATCH_NOTE) if mark in note]
    return note[: min(cuts)].strip() if cuts else note


def read_results(path: Path) -> dict[str, dict[str, str]]:
    """Transcribed summary table keyed by material id (the duplicated tungsten row collapses)."""
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line, raw in enumerate(csv.DictReader(handle), start=2):
            name = raw["material_name"]
            material_id = CANDIDATES.get(name) or MEMBERS.get(name, ("", ""))[0]
            if not material_id:
                sys.exit(f"{path}:{line}: material_name {name!r} has no material id")
            if material_id in rows and rows[material_id] != raw:
                sys.exit(f"{path}:{line}: {name!r} listed twice with different values")
            rows[material_id] = raw
    return rows


def reported_stage_ir(raw: dict[str, str]) -> tuple[str, str]:
    """Import reliance (fraction, as text) at the stage whose SR the report retains, and that stage."""
    stage = raw["eu_used_stage"].strip().lower()
    return _percent_to_fraction(raw[IR_COLUMN[stage]]), stage


def build(results: dict[str, dict[str, str]], rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[str]]:
    members = {material_id: group for material_id, group in MEMBERS.values()}
    kept = [r for r in rows if not (r["year"] == str(YEAR) and r["material_id"] in members)]
    problems: list[str] = []
    template = next(r for r in kept if r["year"] == str(YEAR))
    for material_id, group in members.items():
        raw = results[material_id]
        kept.append(
            {
                **{key: "" for key in template},
                "material_id": material_id,
                "year": str(YEAR),
                "supply_risk": raw["supply_risk"].strip(),
                "economic_importance": raw["economic_importance"].strip(),
                "eol_rir": _percent_to_fraction(raw["end_of_life"]),
                "is_critical": "true",
                "list_source_id": template["list_source_id"],
                "source_id": "ec2023_crm_study",
                "quality": "reported",
                "note": _join(
                    f"SR, EI, EoL-RIR and import reliance from the {TRANSCRIPTION};",
                    f"Annex 4 lists only the group {group.upper()}.",
                    f"On the 2023 list through the group '{GROUP_NAMES[group]}'.",
                    ROW_NOTES.get(material_id, ""),
                    f"EoL-RIR as in SCRREEN2 factsheet {FACTSHEETS[group]}",
                ),
            }
        )
    for row in kept:
        if row["year"] != str(YEAR):
            continue
        raw = results.get(row["material_id"])
        if raw is None:
            problems.append(f"{row['material_id']}: no row in the summary table")
            continue
        ir, stage = reported_stage_ir(raw)
        row["import_reliance"] = ir
        row["note"] = _base_note(row["note"])
        source = "" if row["material_id"] in members else f" from the {TRANSCRIPTION}"
        if ir:
            row["note"] = _join(row["note"], f"{IR_NOTE} {stage} stage (stage of the reported SR){source}.")
        pair = (float(raw["supply_risk"]), float(raw["economic_importance"]))
        if pair != (float(row["supply_risk"]), float(row["economic_importance"])):
            row["note"] = _join(row["note"], f"{MISMATCH_NOTE} SR {pair[0]} / EI {pair[1]}; the Annex 4 value is kept.")
            problems.append(
                f"{row['material_id']}: Annex 4 SR/EI {row['supply_risk']}/{row['economic_importance']}"
                f" vs summary table {pair[0]}/{pair[1]} (Annex 4 kept)"
            )
        if row["eol_rir"] and abs(float(row["eol_rir"]) - float(raw["end_of_life"]) / 100.0) > 1e-9:
            problems.append(f"{row['material_id']}: EoL-RIR {row['eol_rir']} vs summary table {raw['end_of_life']} %")
    kept.sort(key=lambda r: (int(r["year"]), r["material_id"]))
    return kept, problems


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit(__doc__)
    results = read_results(Path(argv[1]))
    with OFFICIAL.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    rows, problems = build(results, rows)
    tmp = OFFICIAL.with_suffix(".csv.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(OFFICIAL)  # whole file or nothing
    print(f"{len(rows)} rows -> {OFFICIAL}")
    for problem in problems:
        print("check:", problem)


if __name__ == "__main__":
    main(sys.argv)
