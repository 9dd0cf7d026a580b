"""Build ``data/end_uses.csv`` and ``data/nace_sectors.csv`` from the EC 2023 CRM study, Appendix 6.

One-off curation script (not run by tests or CI). Input: the CSV transcription of Appendix 6
(``fact_MaterialUseShares.csv``, cp1252) in the directory given as the first argument.
Repairs of the transcription are listed in ``REPAIRS``/``DROPPED`` and in ``curation/end_uses.md``.

Run: ``python scripts/curate_end_uses.py /path/to/eu_crm_assessment``
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

from curate_supply_shares import JUNK_MATERIALS, MATERIAL_IDS

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data" / "package"
END_USE_FIELDS = [
    "material_id", "application", "share", "low", "high", "share_as_published", "nace_code", "nace_label",
    "sector_value_added_meur", "source_id", "quality", "note",
]
NACE_FIELDS = ["nace_code", "label_en", "label_nl", "eu27_value_added_meur", "source_id", "label_nl_source_id",
               "quality", "note"]
NACE = re.compile(r"^(?P<code>[A-U]\d{2}) - (?P<label>.+)$", re.S)

# SBI 2008 (Statistics Netherlands' national version of NACE Rev. 2) division names.
LABEL_NL = {
    "B06": "Winning van aardolie en aardgas",
    "B09": "Dienstverlening voor de delfstoffenwinning",
    "C10": "Vervaardiging van voedingsmiddelen",
    "C11": "Vervaardiging van dranken",
    "C17": "Vervaardiging van papier, karton en papier- en kartonwaren",
    "C19": "Vervaardiging van cokesovenproducten en aardolieverwerking",
    "C20": "Vervaardiging van chemische producten",
    "C21": "Vervaardiging van farmaceutische grondstoffen en producten",
    "C22": "Vervaardiging van producten van rubber en kunststof",
    "C23": "Vervaardiging van overige niet-metaalhoudende minerale producten",
    "C24": "Vervaardiging van metalen in primaire vorm",
    "C25": "Vervaardiging van producten van metaal (geen machines en apparaten)",
    "C26": "Vervaardiging van computers en van elektronische en optische apparatuur",
    "C27": "Vervaardiging van elektrische apparatuur",
    "C28": "Vervaardiging van overige machines en apparaten",
    "C29": "Vervaardiging van auto's, aanhangwagens en opleggers",
    "C30": "Vervaardiging van overige transportmiddelen",
    "C32": "Vervaardiging van overige goederen",
}
# (material, application, published NACE) rows dropped, with the reason.
DROPPED = {
    ("Magnesium", "Construction", 2): "exact duplicate of the previous row (second copy dropped; "
    "with it the material summed to 113 %)",
    ("Praseodymium", "Polishing powders", "C26"): "second 'Polishing powders' row (C26, 2 %) duplicates the "
    "C23 row; with both the material sums to 102 %, without it to 100 %",
}
# Materials whose NACE column is misaligned with the value added in the transcription: the value added is
# unique per division, so the division is taken from it.
NACE_FROM_VALUE_ADDED = {"Manganese"}


def read_raw(raw_dir: Path) -> list[dict[str, str]]:
    path = raw_dir / "fact_MaterialUseShares.csv"
    with path.open(encoding="cp1252", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if len(header) != 5:
            raise SystemExit(f"{path.name}:1: expected 5 columns, got {header}")
        rows = []
        for line, cells in enumerate(reader, start=2):
            material, application, share, sector, value_added = (c.strip() for c in cells)
            rows.append({"line": str(line), "material": material, "application": application, "share": share,
                         "sector": " ".join(sector.split()), "value_added": value_added})
    return rows


def parse_share(text: str, where: str) -> tuple[float, str, str, str, str]:
    if text == ">0%":
        return 0.0025, "0", "0.005", "derived", "published as >0 % (rounds to 0 % in a whole-percent table); " \
            "stored as the midpoint 0.25 %"
    match = re.match(r"^(\d+(?:\.\d+)?)%$", text)
    if not match:
        raise SystemExit(f"{where}: column Share: cannot read {text!r}")
    return float(match[1]) / 100, "", "", "reported", ""


def build(raw_dir: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    raw = read_raw(raw_dir)
    sectors: dict[str, str] = {}
    value_added: dict[str, Counter[str]] = {}
    for row in raw:
        if row["sector"]:
            match = NACE.match(row["sector"])
            if not match:
                raise SystemExit(f"fact_MaterialUseShares.csv:{row['line']}: column NACE sector: {row['sector']!r}")
            sectors[match["code"]] = match["label"]
            value_added.setdefault(match["code"], Counter())[row["value_added"]] += 1
    modal_va = {code: counts.most_common(1)[0][0] for code, counts in value_added.items()}
    code_by_va = {va: code for code, va in modal_va.items()}

    end_uses = []
    seen: Counter[tuple[str, str]] = Counter()
    for row in raw:
        where = f"fact_MaterialUseShares.csv:{row['line']}"
        if row["material"] in JUNK_MATERIALS:
            print(f"{where}: skipped junk row {row['material']!r}")
            continue
        if row["material"] not in MATERIAL_IDS:
            raise SystemExit(f"{where}: column Material: unknown material {row['material']!r}")
        code = NACE.match(row["sector"])["code"] if row["sector"] else ""
        seen[(row["material"], row["application"])] += 1
        for key in ((row["material"], row["application"], seen[(row["material"], row["application"])]),
                    (row["material"], row["application"], code)):
            if key in DROPPED:
                print(f"{where}: dropped {key}: {DROPPED[key]}")
                break
        else:
            share, low, high, quality, note = parse_share(row["share"], where)
            notes = [note] if note else []
            if row["material"] in NACE_FROM_VALUE_ADDED and code and row["value_added"] != modal_va[code]:
                fixed = code_by_va[row["value_added"]]
                notes.append(f"published NACE {code} did not match its value added {row['value_added']} "
                             f"(= {fixed}); NACE taken from the value added")
                code, quality = fixed, "derived"
            elif code and row["value_added"] != modal_va[code]:
                raise SystemExit(f"{where}: column VA: {row['value_added']} is not the value added of {code}")
            if not code:
                notes.append("no NACE sector given in the report (residual 'Other' use)")
            end_uses.append({
                "material_id": MATERIAL_IDS[row["material"]], "application": row["application"],
                "share": f"{share:.6g}", "low": low, "high": high, "share_as_published": row["share"],
                "nace_code": code, "nace_label": sectors.get(code, ""),
                "sector_value_added_meur": modal_va.get(code, ""), "source_id": "ec2023_crm_study",
                "quality": quality, "note": "; ".join(notes),
            })
    nace_rows = [
        {"nace_code": code, "label_en": sectors[code], "label_nl": LABEL_NL[code],
         "eu27_value_added_meur": modal_va[code], "source_id": "ec2023_crm_study",
         "label_nl_source_id": "cbs_sbi2008", "quality": "reported",
         "note": "value added at factor cost, EU27, as used in the EC 2023 study Appendix 6"}
        for code in sorted(sectors)
    ]
    return end_uses, nace_rows


def write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {path}")


def main(raw_dir: Path) -> None:
    end_uses, nace_rows = build(raw_dir)
    write(PACKAGE / "data" / "end_uses.csv", END_USE_FIELDS, end_uses)
    write(PACKAGE / "data" / "nace_sectors.csv", NACE_FIELDS, nace_rows)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
