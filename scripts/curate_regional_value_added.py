"""Build ``regional_value_added.csv`` from figures transcribed from CBS StatLine (CC BY 4.0).

Documents how the table was built; it is not run by tests or CI and reads nothing from /work/shared.
Every figure below was read from the cited StatLine table (gross value added at basic prices,
current prices, EUR million; ``*`` = provisional). Procedure and open gaps:
``src/crmradar/data/curation/regional_value_added.md``.

Apportioning (used as soon as a region's section and the national divisions of the same year are
in ``PUBLISHED``)::

    VA_region,d = VA_region,S · VA_NL,d / VA_NL,S        (d a division of section S)

A division is only derived from national figures of one table vintage, because CBS revises the
national accounts between the June release (84088NED/85867NED) and the regional accounts
(84419/85925), so the section totals of two vintages differ.

Run: ``python scripts/curate_regional_value_added.py`` (rewrites the CSV, then run
``python scripts/assemble_datapackage.py``).
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/regional_value_added.csv"
FIELDS = ["region_code", "region_name", "nace_code", "year", "value_added_meur", "low", "high",
          "source_id", "quality", "note"]

ZH = ("NL33", "Zuid-Holland (PV)")
NL = ("NL", "Nederland")
RIJNMOND = ("NL33C", "Groot-Rijnmond (CR)")

T84419 = "StatLine 84419ENG (regional accounts, 1995-2021 edition)"
T85925 = "StatLine 85925ENG (regional accounts, from 2022)"
T84088 = "StatLine 84088NED (national accounts, edition 1995-2022, 2022 provisional)"

# (region, nace_code, year, EUR million, source_id, note)
PUBLISHED = [
    (ZH, "A-U", 2021, 161187, "cbs_84419eng", f"{T84419}, A-U All economic activities, 2021* (provisional)"),
    (ZH, "A-U", 2022, 182013, "cbs_85925eng", f"{T85925}, A-U All economic activities, 2022* (provisional)"),
    (NL, "A-U", 2021, 774497, "cbs_84419eng", f"{T84419}, A-U, The Netherlands, 2021*; same vintage as NL33 2021"),
    (NL, "B-E", 2021, 117435, "cbs_84419eng", f"{T84419}, B-E Industry (no construction), energy, 2021*"),
    (NL, "B", 2021, 6018, "cbs_84419eng", f"{T84419}, B Mining and quarrying, 2021*"),
    (NL, "C", 2021, 96563, "cbs_84419eng", f"{T84419}, C Manufacturing, 2021*"),
    (NL, "D", 2021, 9861, "cbs_84419eng", f"{T84419}, D Energy supply, 2021*"),
    (NL, "E", 2021, 4993, "cbs_84419eng", f"{T84419}, E Water supply and waste management, 2021*"),
    (NL, "A-U", 2022, 888174, "cbs_85925eng", f"{T85925}, A-U, The Netherlands, 2022*; same vintage as NL33 2022"),
    (NL, "B-E", 2022, 146301, "cbs_84088ned", f"{T84088}, B-E Nijverheid (geen bouw) en energie, 2022*; "
     "this vintage has A-U = 859,803 (not stored: the regional-accounts A-U 2022 is kept)"),
    (NL, "B", 2022, 15630, "cbs_84088ned", f"{T84088}, B Delfstoffenwinning, 2022*"),
    (NL, "B06", 2022, 14429, "cbs_84088ned", f"{T84088}, 06 Winning van aardolie en aardgas, 2022*"),
    (NL, "B08", 2022, 678, "cbs_84088ned", f"{T84088}, 08 Delfstoffenwinning (geen olie en gas), 2022*; "
     "CBS 08 covers all mining other than oil and gas"),
    (RIJNMOND, "C", 2015, 6049, "cbs_2018_industrie_regio",
     "CBS news 2018/31 'Belang industrie voor de regio': value added of manufacturing, COROP Groot-Rijnmond "
     "2015 = 6.049 billion euro (1995: 3.435); part of Zuid-Holland, so a lower bound for NL33 C in 2015. "
     "NUTS 2021 code NL33C = Groot-Rijnmond"),
]

# (region, nace_code, year, whole, parts): whole minus parts, e.g. 09 = B - 06 - 08 in one vintage.
RESIDUALS = [
    (NL, "B09", 2022, "B", ("B06", "B08"), "cbs_84088ned",
     f"{T84088}: 09 Dienstverlening delfstoffenwinning = B − 06 − 08 (15,630 − 14,429 − 678), 2022*; "
     "CBS publishes 09 as a row but it was not legible in the retrieved page, so it is derived"),
]


def apportion(region_section: float, national_divisions: dict[str, float], national_section: float) -> dict[str, float]:
    """Region's value added per division from its section total and national division shares (EUR million)."""
    if national_section <= 0:
        raise ValueError(f"national section total must be positive, got {national_section}")
    return {code: region_section * value / national_section for code, value in national_divisions.items()}


def build_rows() -> list[dict[str, object]]:
    rows = [
        {"region_code": region[0], "region_name": region[1], "nace_code": code, "year": year,
         "value_added_meur": value, "source_id": source, "quality": "reported", "note": note}
        for region, code, year, value, source, note in PUBLISHED
    ]
    lookup = {(row["region_code"], row["nace_code"], row["year"]): row["value_added_meur"] for row in rows}
    for region, code, year, whole, parts, source, note in RESIDUALS:
        value = lookup[(region[0], whole, year)] - sum(lookup[(region[0], part, year)] for part in parts)
        rows.append({"region_code": region[0], "region_name": region[1], "nace_code": code, "year": year,
                     "value_added_meur": value, "source_id": source, "quality": "derived", "note": note})
    _check_sections_add_up(lookup)
    return sorted(rows, key=lambda row: (row["region_code"], int(row["year"]), str(row["nace_code"])))


def _check_sections_add_up(lookup: dict[tuple, float]) -> None:
    # Published sections must add up to the published group (CBS rounds each figure to 1 million).
    parts = sum(lookup[("NL", code, 2021)] for code in ("B", "C", "D", "E"))
    if abs(parts - lookup[("NL", "B-E", 2021)]) > 2:
        raise SystemExit(f"NL 2021: B+C+D+E = {parts} but B-E = {lookup[('NL', 'B-E', 2021)]}")


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in build_rows():
            writer.writerow({field: row.get(field, "") for field in FIELDS})
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
