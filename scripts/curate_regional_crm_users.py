"""Build ``regional_crm_users.csv``: cited CRM-using plants and projects in Zuid-Holland (issue 14, item 5).

Documents how the table was built; not run by tests or CI, reads nothing from /work/shared. Only plants with a
source already in the package are listed (electrolysers in the Rotterdam port: ``shell_hh1``,
``air_liquide_elygator``, ``uniper_h2maasvlakte``, fragment ``curation/sources/region.csv``). Curation note:
``src/crmradar/data/curation/regional_crm_users.md``.

Run: ``python scripts/curate_regional_crm_users.py`` then ``python scripts/assemble_datapackage.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/regional_crm_users.csv"
FIELDS = ["user_id", "name", "operator", "region", "location", "activity", "technology_id", "capacity", "low", "high",
          "status", "start_year", "status_date", "source_id", "quality", "note"]
ROWS = [
    ("holland_hydrogen_1", "Holland Hydrogen 1", "Shell Nederland", "NL366", "Maasvlakte 2, Rotterdam", "electrolyser",
     "el_alkaline", 200, "", "", "final_investment_decision", 2026, "2026-11-28", "shell_hh1", "reported",
     "10 x 20 MW alkaline modules; FID July 2022, opening planned end 2026 (Shell Venster 2025)."),
    ("elygator", "ELYgator", "Air Liquide", "NL366", "Maasvlakte conversion park, Rotterdam", "electrolyser",
     "electrolyser", 200, "", "", "final_investment_decision", 2027, "2026-11-28", "air_liquide_elygator", "reported",
     "PEM and alkaline on one site, split not published: CRM content is given as the range all-PEM to all-alkaline. "
     "FID July 2025, operation planned end 2027."),
    ("h2maasvlakte", "H2Maasvlakte (first phase)", "Uniper", "NL366", "next to the Maasvlakte power station",
     "electrolyser", "electrolyser", 100, 0, 500, "uncertain", 2026, "2026-11-28", "uniper_h2maasvlakte", "reported",
     "100 MW first phase growing to 500 MW (plan 2023); design phase announced March 2023, status uncertain; "
     "technology not published: CRM content as the range all-PEM to all-alkaline."),
]


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows(ROWS)
    print(f"wrote {OUT}: {len(ROWS)} rows")


if __name__ == "__main__":
    main()
