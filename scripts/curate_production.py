"""One-off build of ``data/production.csv`` from the USGS MCS 2026 transcription in /work/shared.

This documents how the curated table was made; it is NOT run by tests or CI (``/work/shared`` does not
exist there). Run it from the repository root::

    python scripts/curate_production.py [path/to/usgs_mcs2026_world_production_transcribed.csv]

What it does, per raw row (one country x commodity, with 2024 and 2025e columns):

* maps the USGS commodity slug to our ``material_id`` and records the production stage (``basis``);
* normalises the USGS unit text ("thousand metric tons, copper content") to a short unit of the enum;
* maps USGS country names to ISO3 (country_converter plus explicit USGS spellings); "Other
  countries"/"Other" -> ``ROW``, "World total (rounded)" -> ``WLD``;
* splits the USGS markers W (withheld) and NA into ``usgs_flag`` with an empty quantity, and ">"
  (lower bound) into ``usgs_flag``/``reserves_flag`` with the number kept;
* converts vanadium reserves from thousand tonnes to tonnes so they share the production unit;
* writes two rows (2024 reported, 2025 estimate) per raw row.

It then checks that the country rows add up to the USGS world total within rounding and prints the
relative gaps (the table's curation note quotes them).
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import country_converter as coco
import pandas as pd

RAW = Path("/work/shared/data/raw/usgs_mcs2026/usgs_mcs2026_world_production_transcribed.csv")
OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/production.csv"

# usgs slug -> (material_id, basis, unit as stated by USGS in short form)
COMMODITIES: dict[str, tuple[str, str, str]] = {
    "lithium": ("lithium", "mine", "t Li content"),
    "graphite": ("natural_graphite", "mine", "t"),
    "rare_earths": ("ree", "mine", "t REO"),
    "gallium": ("gallium", "primary_low_purity", "kg Ga content"),
    "cobalt": ("cobalt", "mine", "t Co content"),
    "nickel": ("nickel", "mine", "t Ni content"),
    "copper": ("copper", "refinery", "kt Cu content"),
    "manganese": ("manganese", "mine", "kt Mn content"),
    "tungsten": ("tungsten", "mine", "t W content"),
    "magnesium_metal": ("magnesium", "primary_metal", "kt"),
    "silicon": ("silicon_metal", "ferrosilicon_and_silicon_metal", "kt Si content"),
    "antimony": ("antimony", "mine", "t Sb content"),
    "bismuth": ("bismuth", "refinery", "t"),
    "vanadium": ("vanadium", "mine", "t V content"),
    "niobium": ("niobium", "mine", "t Nb content"),
    "titanium_sponge": ("titanium_metal", "sponge", "t"),
    "tantalum": ("tantalum", "mine", "t Ta content"),
    "boron": ("boron", "mixed_product", "kt"),
    "indium": ("indium", "refinery", "t"),
}

# USGS spellings that country_converter does not resolve unambiguously.
USGS_COUNTRY_ISO3 = {
    "Burma": "MMR",
    "Congo (Kinshasa)": "COD",
    "Korea, North": "PRK",
    "Korea, Republic of": "KOR",
    "Laos": "LAO",
    "Côte d'Ivoire": "CIV",
    "Turkey": "TUR",
    "Other countries": "ROW",
    "Other": "ROW",
    "World total (rounded)": "WLD",
}



def country_converter() -> coco.CountryConverter:
    """A converter whose table keeps Namibia's ISO2 'NA' (pandas 3 otherwise reads it as missing)."""
    table = pd.read_csv(coco.country_converter.COUNTRY_DATA_FILE, sep="\t", dtype=str, keep_default_na=False)
    return coco.CountryConverter(country_data=table.replace("", pd.NA))


CONVERTER = country_converter()

FIELDS = [
    "material_id", "usgs_commodity", "basis", "year", "country_iso3", "usgs_country", "product",
    "quantity", "unit", "is_estimate", "usgs_flag", "capacity", "reserves", "reserves_flag",
    "source_id", "quality", "low", "high", "note",
]


def country_iso3(name: str) -> tuple[str, str]:
    """ISO3 and the product (boron only: 'Argentina, crude ore' -> ('ARG', 'crude ore'))."""
    if name in USGS_COUNTRY_ISO3:
        return USGS_COUNTRY_ISO3[name], ""
    head, _, product = name.partition(", ")
    iso = CONVERTER.convert(head, to="ISO3", not_found="")
    if not iso or isinstance(iso, list):
        raise SystemExit(f"{RAW}: no ISO3 code for USGS country {name!r}")
    return iso, product


def split_marker(cell: str) -> tuple[str, str]:
    """'W' -> ('', 'W'); 'NA' -> ('', 'NA'); '>85000000' -> ('85000000', '>'); '123' -> ('123', '')."""
    cell = cell.strip()
    if cell in ("W", "NA"):
        return "", cell
    if cell.startswith(">"):
        return cell[1:], ">"
    return cell, ""


def build(raw_path: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    with raw_path.open(encoding="utf-8", newline="") as handle:
        for line, raw in enumerate(csv.DictReader(handle), start=2):
            if raw["commodity"] not in COMMODITIES:
                raise SystemExit(f"{raw_path}:{line}: unknown commodity {raw['commodity']!r}")
            material_id, basis, unit = COMMODITIES[raw["commodity"]]
            iso, product = country_iso3(raw["country"])
            reserves, reserves_flag = split_marker(raw["reserves"])
            # The transcriber's "reserves thousand t" remark is replaced by our own conversion note.
            notes = [n for n in raw["note"].split("; ") if n and n != "reserves thousand t"]
            if raw["commodity"] == "vanadium" and reserves:
                # USGS gives vanadium reserves in thousand tonnes; store tonnes like production.
                reserves = str(int(float(reserves) * 1000))
                notes.append("reserves converted from thousand t (as published) to t")
            if raw["commodity"] == "copper":
                notes.append("refinery production; reserves are mine reserves")
            if raw["commodity"] == "silicon":
                notes.append("ferrosilicon and silicon metal combined, Si content")
            if raw["commodity"] == "boron":
                notes.append("gross weight of the product named in `product`; not additive across countries")
            for year, column in ((2024, "prod_2024"), (2025, "prod_2025e")):
                quantity, flag = split_marker(raw[column])
                rows.append(
                    {
                        "material_id": material_id,
                        "usgs_commodity": raw["commodity"],
                        "basis": basis,
                        "year": str(year),
                        "country_iso3": iso,
                        "usgs_country": raw["country"],
                        "product": product,
                        "quantity": quantity,
                        "unit": unit,
                        "is_estimate": "true" if year == 2025 else "false",
                        "usgs_flag": flag,
                        "capacity": raw["capacity"],
                        "reserves": reserves,
                        "reserves_flag": reserves_flag,
                        "source_id": "usgs_mcs2026",
                        "quality": "derived" if "converted" in " ".join(notes) else "reported",
                        "note": "; ".join(notes),
                    }
                )
    return rows


def world_total_gaps(rows: list[dict[str, str]]) -> list[tuple[str, str, float, float]]:
    """(commodity, year, sum of countries, world total) for every commodity with a world row."""
    totals: dict[tuple[str, str], float] = {}
    sums: dict[tuple[str, str], float] = {}
    for row in rows:
        if not row["quantity"]:
            continue
        key = (row["usgs_commodity"], row["year"])
        if row["country_iso3"] == "WLD":
            totals[key] = float(row["quantity"])
        else:
            sums[key] = sums.get(key, 0.0) + float(row["quantity"])
    return [(c, y, sums[(c, y)], w) for (c, y), w in sorted(totals.items())]


def main() -> None:
    raw_path = Path(sys.argv[1]) if len(sys.argv) > 1 else RAW
    rows = build(raw_path)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")
    for commodity, year, total, world in world_total_gaps(rows):
        gap = (total - world) / world
        print(f"{commodity:16s} {year}  sum={total:>12,.0f}  world={world:>12,.0f}  gap={gap:+.2%}"
              + ("  <-- check" if not math.isclose(total, world, rel_tol=0.03) else ""))


if __name__ == "__main__":
    main()
