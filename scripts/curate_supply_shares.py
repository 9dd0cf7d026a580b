"""Build ``data/supply_shares.csv`` from the EC 2023 CRM study, Appendix 7 (global supply and EU sourcing).

One-off curation script (not run by tests or CI). Input: the CSV transcription of Appendix 7
(``fact_GlobalSupplyShares_t.csv`` and ``fact_EUSupplyShares_t.csv``, cp1252) whose directory is given as the
first argument. Every country name is mapped with country_converter and then checked against a hand-made
override list; unmapped names stop the script. See ``curation/supply_shares.md``.

Run: ``python scripts/curate_supply_shares.py /path/to/eu_crm_assessment``
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from curate_countries import load_country_converter

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data" / "package"
TARGET = PACKAGE / "data" / "supply_shares.csv"
FIELDS = [
    "material_id", "stage", "scope", "country_iso3", "share", "low", "high", "share_as_published",
    "trade_parameter_t", "source_id", "quality", "note",
]
INPUTS = {"global_supply": "fact_GlobalSupplyShares_t.csv", "eu_sourcing": "fact_EUSupplyShares_t.csv"}
STAGES = {"E": "extraction", "P": "processing"}

MATERIAL_IDS = {
    "Aggregates": "aggregates", "Aluminium": "aluminium", "Antimony": "antimony", "Arsenic": "arsenic",
    "Barytes": "baryte", "Bentonite": "bentonite", "Beryllium": "beryllium", "Bismuth": "bismuth",
    "Borate": "boron", "Cadmium": "cadmium", "Cerium": "cerium", "Chromium": "chromium", "Cobalt": "cobalt",
    "Coking coal": "coking_coal", "Copper": "copper", "Diatomite": "diatomite", "Dysprosium": "dysprosium",
    "Erbium": "erbium", "Europium": "europium", "Feldspar": "feldspar", "Fluorspar": "fluorspar",
    "Gadolinium": "gadolinium", "Gallium": "gallium", "Germanium": "germanium", "Gold": "gold",
    "Gypsum": "gypsum", "Hafnium": "hafnium", "Heavy Rare earths Elements": "hree", "Helium": "helium",
    "Holmium": "holmium", "Hydrogen": "hydrogen", "Indium": "indium", "Iridium": "iridium",
    "Iron ore": "iron_ore", "Kaolin": "kaolin_clay", "Krypton": "krypton", "Lanthanum": "lanthanum",
    "Lead": "lead", "Limestone": "limestone", "Lithium": "lithium", "Lutetium": "lutetium",
    "Magnesite": "magnesite", "Magnesium": "magnesium", "Manganese": "manganese", "Molybdenum": "molybdenum",
    "Natural Graphite": "natural_graphite", "Natural cork": "natural_cork", "Natural rubber": "natural_rubber",
    "Natural Rubber": "natural_rubber", "Natural teak wood": "natural_teak_wood", "Neodymium": "neodymium",
    "Neon": "neon", "Nickel": "nickel", "Niobium": "niobium", "Palladium": "palladium", "Perlite": "perlite",
    "Phosphate Rock": "phosphate_rock", "Phosphorous": "phosphorus", "Platinum": "platinum", "Potash": "potash",
    "Praseodymium": "praseodymium", "Rhenium": "rhenium", "Rhodium": "rhodium", "Roundwood": "roundwood",
    "Ruthenium": "ruthenium", "Samarium": "samarium", "Sapele wood": "sapele_wood", "Scandium": "scandium",
    "Selenium": "selenium", "Silica sand": "silica_sand", "Silicon metal": "silicon_metal", "Silver": "silver",
    "Strontium": "strontium", "Sulphur": "sulphur", "Talc": "talc", "Tantalum": "tantalum",
    "Tellurium": "tellurium", "Terbium": "terbium", "Thulium": "thulium", "Tin": "tin",
    "Titanium": "titanium", "Titanium ores": "titanium", "Titanium metal": "titanium_metal",
    "Tungsten": "tungsten", "Vanadium": "vanadium", "Xenon": "xenon", "Ytterbium": "ytterbium",
    "Yttrium": "yttrium", "Zinc": "zinc", "Zirconium": "zirconium",
}
# Fragments produced by naive line splitting of the transcription (multi-line quoted cells) or repeated
# headers; they are not materials. None occurs when the files are read with a real CSV parser.
JUNK_MATERIALS = {"wood", "Natural Teak", "vehicles", "Material"}

# Names country_converter misses or that we pin after checking by hand (typos in the transcription included).
COUNTRY_OVERRIDES = {
    "Congo, D.R.": "COD", "Congo": "COG", "Turkyie": "TUR", "Türkiye": "TUR", "Brasilia": "BRA",
    "Brasil": "BRA", "Brazil": "BRA", "Libanon": "LBN", "Surinam": "SUR", "Korea, South": "KOR",
    "South Korea": "KOR", "Korea, North": "PRK", "Russia": "RUS", "Taiwan": "TWN", "Hong Kong": "HKG",
    "Kosovo": "XKX", "Laos": "LAO", "Cape Verde": "CPV", "Niger": "NER", "Guinea": "GIN",
    "Equatorial Guinea": "GNQ", "Papua New Guinea": "PNG", "Sudan": "SDN", "Dominican Republic": "DOM",
    "Iran": "IRN", "Syria": "SYR", "Vietnam": "VNM", "Moldova": "MDA", "Bolivia": "BOL", "Venezuela": "VEN",
    "Tanzania": "TZA", "French Guiana": "GUF",
}
PERCENT = re.compile(r"^(?P<value>\d+(?:\.\d+)?)%?$")
BELOW_DETECTION = "<0.1%"
# A remainder below half a percentage point is rounding in the published table, not an unlisted supplier.
REMAINDER_THRESHOLD = 0.005


#: Audit (2026-12-02, issue 14): groups whose transcribed EU sourcing contradicts the study's own import
#: reliance. Flagged, not changed: the report's Appendix 7 is needed to correct them.
AUDIT_FLAGS = {
    ("germanium", "processing", "eu_sourcing"): (
        "SUSPECT (audit 2026-12-02): EU sourcing repeats the global processing shares (CHN 0.83 here, 0.831 "
        "global) although the study's import reliance is 0.42, so at least ~58 % of EU supply should be EU "
        "production; the published SR 1.8 (IR 0.42, EOL-RIR 0.02, SI_SR 0.94, basis gs_and_eus) implies "
        "HHI_EUs = 1.44 instead of the 3.90 these shares give. Check EC 2023 Appendix 7."
    ),
    ("rhenium", "processing", "eu_sourcing"): (
        "SUSPECT (audit 2026-12-02): 100 % from Poland (an EU member) contradicts the study's import reliance "
        "0.92 (at most ~8 % of EU supply can be EU production). The published SR 0.5 uses global supply only "
        "(basis gs_only), so this row does not enter the SR; it would change EU-sourcing views only. Check EC "
        "2023 Appendix 7."
    ),
}


def map_countries(names: set[str]) -> dict[str, str]:
    converter = load_country_converter()
    mapping = {}
    for name in sorted(names):
        guess = converter.convert(name, to="ISO3", not_found=None)
        if name in COUNTRY_OVERRIDES:
            mapping[name] = COUNTRY_OVERRIDES[name]
        elif isinstance(guess, str) and len(guess) == 3:
            mapping[name] = guess
        else:
            raise SystemExit(f"country {name!r}: not mapped by country_converter and no override")
    return mapping


def parse_share(text: str, where: str) -> tuple[float, str, str, str, str]:
    """Return share (fraction), low, high, quality and note for a published share string."""
    if text == BELOW_DETECTION:
        return 0.0005, "0", "0.001", "derived", "published as <0.1 %; stored as the midpoint 0.05 %"
    match = PERCENT.match(text)
    if not match:
        raise SystemExit(f"{where}: column Share: cannot read {text!r}")
    note = "" if text.endswith("%") else f"published as {text!r} without % sign; read as percent"
    return float(match["value"]) / 100, "", "", "reported", note


def read_rows(raw_dir: Path, scope: str, countries: dict[str, str]) -> list[dict[str, str]]:
    rows = []
    path = raw_dir / INPUTS[scope]
    with path.open(encoding="cp1252", newline="") as handle:
        for line, raw in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name}:{line}"
            if raw["Material"] in JUNK_MATERIALS:
                print(f"{where}: skipped junk row {raw['Material']!r}")
                continue
            if raw["Material"] not in MATERIAL_IDS:
                raise SystemExit(f"{where}: column Material: unknown material {raw['Material']!r}")
            share, low, high, quality, note = parse_share(raw["Share"].strip(), where)
            rows.append(
                {
                    "material_id": MATERIAL_IDS[raw["Material"]],
                    "stage": STAGES[raw["Stage"]],
                    "scope": scope,
                    "country_iso3": countries[raw["Country"]],
                    "share": f"{share:.6g}",
                    "low": low,
                    "high": high,
                    "share_as_published": raw["Share"],
                    "trade_parameter_t": f"{float(raw['t']):.2g}",
                    "source_id": "ec2023_crm_study",
                    "quality": quality,
                    "note": note,
                }
            )
    return rows


def remainder_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One ROW row per group whose listed shares leave more than rounding unexplained."""
    totals: dict[tuple[str, str, str], float] = {}
    for row in rows:
        key = (row["material_id"], row["stage"], row["scope"])
        totals[key] = totals.get(key, 0.0) + float(row["share"])
    extra = []
    for (material, stage, scope), total in sorted(totals.items()):
        remainder = 1.0 - total
        if remainder <= REMAINDER_THRESHOLD:
            continue
        why = (
            "the EU sourcing table lists only suppliers with >= 1 %"
            if scope == "eu_sourcing"
            else "the published global table does not add up to 100 %"
        )
        suspect = " SUSPECT: remainder too large to be small suppliers; the transcription may miss rows" \
            if remainder > 0.1 else ""
        extra.append(
            {
                "material_id": material, "stage": stage, "scope": scope, "country_iso3": "ROW",
                "share": f"{remainder:.6g}", "low": "", "high": "", "share_as_published": "",
                "trade_parameter_t": "", "source_id": "ec2023_crm_study", "quality": "derived",
                "note": f"remainder 1 - sum of listed shares ({total:.4f}); {why}.{suspect}",
            }
        )
    return extra


def main(raw_dir: Path) -> None:
    names = set()
    for filename in INPUTS.values():
        with (raw_dir / filename).open(encoding="cp1252", newline="") as handle:
            names |= {row["Country"] for row in csv.DictReader(handle)}
    countries = map_countries(names)
    rows = []
    for scope in INPUTS:
        rows += read_rows(raw_dir, scope, countries)
    seen: dict[tuple[str, str, str, str], dict[str, str]] = {}
    for row in rows:
        key = (row["material_id"], row["stage"], row["scope"], row["country_iso3"])
        if key in seen:
            raise SystemExit(f"duplicate key {key}: {seen[key]['share_as_published']} and {row['share_as_published']}")
        seen[key] = row
    rows += remainder_rows(rows)
    for row in rows:
        flag = AUDIT_FLAGS.get((row["material_id"], row["stage"], row["scope"]))
        if flag:
            row["note"] = (row["note"] + " " if row["note"] else "") + flag
    rows.sort(key=lambda r: (r["material_id"], r["stage"], r["scope"], r["country_iso3"]))
    with TARGET.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {TARGET}")
    for name, code in sorted(countries.items()):
        print(f"  {name!r} -> {code}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
