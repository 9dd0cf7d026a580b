"""Build ``nuts_correspondence.csv``: NUTS 2021 -> NUTS 2024 codes of the Dutch regions crm-radar uses.

Documents how the table was built; it is not run by tests or CI and reads nothing from /work/shared.
Source: Eurostat NUTS 2024 classification and its NUTS 2021 - NUTS 2024 correspondence table
(``eurostat_nuts2024``, fragment ``curation/sources/nuts_regional_va.csv``). Curation note:
``src/crmradar/data/curation/nuts_correspondence.md``.

Run: ``python scripts/curate_nuts_correspondence.py`` then ``python scripts/assemble_datapackage.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/nuts_correspondence.csv"
FIELDS = ["nuts2021_code", "nuts2021_name", "nuts2024_code", "nuts2024_name", "level", "change", "alias",
          "source_id", "quality", "note"]
SOURCE = "eurostat_nuts2024"
VIJFHEERENLANDEN = ("the municipality Vijfheerenlanden (2019 merger of Leerdam and Zederik, formerly "
                    "Zuid-Holland, with Vianen) lies in the province of Utrecht")

# (2021 code, 2021 name, 2024 code, 2024 name, level, change, alias, note)
ROWS = [
    ("NL33", "Zuid-Holland", "NL36", "Zuid-Holland", 2, "boundary_change", True,
     f"Province of Zuid-Holland; NUTS 2024 follows the current provincial boundary ({VIJFHEERENLANDEN}). "
     "crm-radar computes with NL36 data when NL33 is given."),
    ("NL31", "Utrecht", "NL35", "Utrecht", 2, "boundary_change", False,
     f"Province of Utrecht; gains the former Zuid-Holland part of Vijfheerenlanden ({VIJFHEERENLANDEN})."),
    ("NL310", "Utrecht", "NL350", "Utrecht", 3, "boundary_change", False, "See NL31 -> NL35."),
    ("NL332", "Agglomeratie 's-Gravenhage", "NL361", "Agglomeratie 's-Gravenhage", 3, "recoded", True, ""),
    ("NL333", "Delft en Westland", "NL362", "Delft en Westland", 3, "recoded", True, ""),
    ("NL337", "Agglomeratie Leiden en Bollenstreek", "NL363", "Agglomeratie Leiden en Bollenstreek", 3,
     "recoded", True, ""),
    ("NL33A", "Zuidoost-Zuid-Holland", "NL364", "Zuidoost-Zuid-Holland", 3, "boundary_change", True,
     f"Loses the former Zuid-Holland part of Vijfheerenlanden to Utrecht ({VIJFHEERENLANDEN})."),
    ("NL33B", "Oost-Zuid-Holland", "NL365", "Oost-Zuid-Holland", 3, "recoded", True, ""),
    ("NL33C", "Groot-Rijnmond", "NL366", "Groot-Rijnmond", 3, "recoded", True,
     "COROP region Groot-Rijnmond (Rotterdam, port and industrial complex)."),
]


def build_rows() -> list[dict[str, object]]:
    rows = []
    for old, old_name, new, new_name, level, change, alias, note in ROWS:
        rows.append({"nuts2021_code": old, "nuts2021_name": old_name, "nuts2024_code": new,
                     "nuts2024_name": new_name, "level": level, "change": change,
                     "alias": "true" if alias else "false", "source_id": SOURCE, "quality": "reported",
                     "note": note})
    return rows


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(build_rows())
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
