"""Build ``trade_partner_codes.csv``: partner codes of UN Comtrade / BACI that are not ISO 3166-1 alpha-3.

Documents how the table was built; not run by tests or CI, reads nothing from /work/shared. Sources:
BACI country codes V202401b (``cepii_baci_country_codes``) and UN Comtrade partner areas
(``un_comtrade_partner_areas``), fragment ``curation/sources/trade_partner_codes.csv``. Curation note:
``src/crmradar/data/curation/trade_partner_codes.md``.

Run: ``python scripts/curate_trade_partner_codes.py`` then ``python scripts/assemble_datapackage.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/trade_partner_codes.csv"
FIELDS = ["code", "name", "kind", "iso3", "source_id", "quality", "note"]
BACI = "cepii_baci_country_codes"
COMTRADE = "un_comtrade_partner_areas"

# (code, name, kind, iso3, source_id, quality, note)
ROWS = [
    ("S19", "Other Asia, nes", "maps_to_country", "TWN", BACI, "derived",
     "BACI/UN Comtrade code 490. UN Comtrade records Taiwan's trade under 'Other Asia, nes', so partner S19 is "
     "read as Taiwan (TWN), as in the trade_flows curation."),
    ("XKX", "Kosovo", "maps_to_country", "XKX", COMTRADE, "reported",
     "Not in ISO 3166-1; the user-assigned code XKX is used by the World Bank (WGI has governance data for it) "
     "and by the European Commission."),
    ("R20", "Europe EFTA, nes", "area", "", BACI, "reported", "BACI code 697; EFTA members not specified."),
    ("ZA1", "Southern African Customs Union (...1999)", "area", "", BACI, "reported",
     "BACI code 711; customs union reported as one partner until 1999."),
    ("PUS", "US Misc. Pacific Isds", "area", "", BACI, "reported", "BACI code 849."),
    ("ANT", "Netherlands Antilles (...2010)", "former_state", "", BACI, "reported",
     "BACI code 530; dissolved 2010 (ISO 3166-3)."),
    ("CSK", "Czechoslovakia (...1992)", "former_state", "", BACI, "reported", "BACI code 200 (ISO 3166-3)."),
    ("DDR", "Dem. Rep. of Germany (...1990)", "former_state", "", BACI, "reported", "BACI code 278 (ISO 3166-3)."),
    ("SUN", "USSR (...1990)", "former_state", "", BACI, "reported", "BACI code 810 (ISO 3166-3)."),
    ("SCG", "Serbia and Montenegro (...2005)", "former_state", "", BACI, "reported", "BACI code 891 (ISO 3166-3)."),
    ("_X", "Area code, not a country (UN Comtrade)", "area", "", COMTRADE, "reported",
     "Reserved UN Comtrade area code named in issue 14 as found in real trade files; read as an area without "
     "governance data. Its exact Comtrade name was not verified here."),
    ("X1", "Area code, not a country (UN Comtrade)", "area", "", COMTRADE, "reported",
     "Reserved UN Comtrade area code named in issue 14; read as an area without governance data. Exact name "
     "not verified here."),
    ("E19", "Area code, not a country (UN Comtrade)", "area", "", COMTRADE, "reported",
     "Reserved UN Comtrade area code named in issue 14 (pattern of S19 'Other Asia, nes'); read as an area "
     "without governance data. Exact name not verified here."),
]


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows(ROWS)
    print(f"wrote {OUT}: {len(ROWS)} rows")


if __name__ == "__main__":
    main()
