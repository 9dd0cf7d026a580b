"""Build ``regional_projects.csv``: the cited project pipeline in and around Zuid-Holland (issue 12, item 1).

Documents how the table was built; not run by tests or CI. Only projects with a source in the package are
listed (fragments ``curation/sources/scenarios_facilities.csv``, ``region.csv`` and ``projects.csv``);
figures are copied from those sources, nothing is estimated: an unpublished capacity, capex, job count or
site position stays empty. Curation note: ``src/crmradar/data/curation/regional_projects.md``.

Run: ``python scripts/curate_regional_projects.py`` then ``python scripts/assemble_datapackage.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/regional_projects.csv"
FIELDS = ["project_id", "name", "operator", "operator_kind", "chain", "country_iso3", "region", "municipality",
          "port_area", "latitude", "longitude", "stage", "start_year", "capacities", "capacity_note",
          "capex_low_meur", "capex_high_meur", "jobs", "funding", "crma_status", "crma_decision_date",
          "status_date", "source_id", "quality", "note"]
NA = "niet_van_toepassing"
ROWS = [
    ("sk_tes_rotterdam", "SK tes battery recycling Rotterdam", "SK tes", "recycler", "batteries", "NLD", "NL366",
     "Rotterdam", "Rotterdam port area (Elbeweg)", "", "", "in_bedrijf", 2024, "recycling:li_ion_batteries:10000",
     "Up to 10,000 t/yr gross input of spent Li batteries, EV batteries and production scrap, giving about 5,000 t/yr "
     "black mass (bestmag_2024_sk_tes); contained Li, Ni and Co not published. Doubling on the adjacent plot "
     "announced, not built.", "", "", "", "", NA, "", "2026-11-28", "por_2024_sk_tes", "reported",
     "Opened 10 September 2024 (Port of Rotterdam press release). NMC/NCA chemistries only, no LFP yet."),
    ("coolrec_dordrecht", "Coolrec Dordrecht WEEE recycling", "Coolrec (Renewi)", "recycler", "weee", "NLD", "",
     "Dordrecht", "Beneden-Merwede", "", "", "in_bedrijf", "", "",
     "Capacity not published in the source found.", "", "", "", "", NA, "", "2026-11-28", "nrc_2018_coolrec",
     "reported", "Existing plant (NRC 2018); status after 2018 not re-verified; start year not published."),
    ("holland_hydrogen_1", "Holland Hydrogen 1", "Shell Nederland", "bedrijf", "hydrogen", "NLD", "NL366",
     "Rotterdam", "Maasvlakte 2", "", "", "bouw", 2026, "",
     "200 MW electrolyser (10 x 20 MW alkaline): a user of nickel and other CRMs, no extraction, processing or "
     "recycling capacity.", "", "", "", "", NA, "", "2026-11-28", "shell_hh1", "reported",
     "FID July 2022; opening planned end 2026 (Shell Venster 2025)."),
    ("elygator", "ELYgator", "Air Liquide", "bedrijf", "hydrogen", "NLD", "NL366", "Rotterdam",
     "Maasvlakte conversion park", "", "", "bouw", 2027, "",
     "200 MW electrolyser (PEM and alkaline): a CRM user, no supply capacity.", 500, "", "", "", NA, "",
     "2026-11-28", "air_liquide_elygator", "reported",
     "FID July 2025, investment 'more than EUR 500 million' (capex_low = 500, no upper figure published); "
     "operation planned end 2027."),
    ("h2maasvlakte", "H2Maasvlakte (first phase)", "Uniper", "bedrijf", "hydrogen", "NLD", "NL366", "Rotterdam",
     "next to the Maasvlakte power station", "", "", "haalbaarheid", 2026, "",
     "100 MW first phase growing to 500 MW: a CRM user, no supply capacity.", "", "", "", "", NA, "",
     "2026-11-28", "uniper_h2maasvlakte", "reported",
     "Design phase announced March 2023; status uncertain, the 2026 start of the 2023 plan is not confirmed."),
    ("hycc_h2next", "H2Next (formerly H2-Fifty)", "HyCC", "bedrijf", "hydrogen", "NLD", "NL366", "Rotterdam",
     "Maasvlakte", "", "", "haalbaarheid", 2030, "",
     "About 250 MW electrolyser: a CRM user, no supply capacity.", "", "", "", "", NA, "", "2026-11-28",
     "hycc_h2next", "reported", "bp withdrew in 2025; FID expected 2028, operation 2030 (announced, not decided)."),
]


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows(ROWS)
    print(f"wrote {OUT}: {len(ROWS)} rows")


if __name__ == "__main__":
    main()
