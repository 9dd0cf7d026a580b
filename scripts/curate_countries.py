"""Build ``data/countries.csv``: ISO 3166-1 countries with Dutch names, EU27 and trade-agreement flags.

One-off curation script (not run by tests or CI). It reads only installed packages:
pycountry (ISO codes, iso-codes Dutch translations) and country_converter (EU27, UN region, continent).
The EU trade-agreement flag combines the EC 2023 CRM study (t = 0.8, Appendix 7) with the EC list of
preferential trade agreements in force; see ``curation/countries.md``.

Run: ``python scripts/curate_countries.py``
"""

from __future__ import annotations

import csv
import gettext
from pathlib import Path

import country_converter as coco
import pandas as pd
import pycountry

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data" / "package"
TARGET = PACKAGE / "data" / "countries.csv"
FIELDS = [
    "iso3", "iso2", "numeric", "name_en", "name_nl", "is_aggregate", "eu27", "eu_trade_agreement",
    "un_region", "continent", "source_id", "region_source_id", "trade_agreement_source_id", "quality", "note",
]

# EU preferential trade agreements applied (in force or provisionally applied), by type, as listed on the
# EC DG TRADE "Negotiations and agreements" overview (accessed 2026-11-28). Partnership and Cooperation
# Agreements without tariff preferences (e.g. Armenia CEPA, Azerbaijan PCA), investment-only deals (Angola
# SIFA) and concluded-but-not-applied agreements (Mercosur, Indonesia, India, Australia) are excluded.
TRADE_AGREEMENTS: dict[str, tuple[str, ...]] = {
    "customs union": ("TUR", "AND", "SMR", "MCO"),
    "EEA": ("ISL", "LIE", "NOR"),
    "EU-Switzerland FTA 1972": ("CHE",),
    "EU-Faroe Islands agreement": ("FRO",),
    "Stabilisation and Association Agreement": ("ALB", "BIH", "MKD", "MNE", "SRB", "XKX"),
    "Euro-Mediterranean Association Agreement": ("DZA", "EGY", "ISR", "JOR", "LBN", "MAR", "TUN", "PSE"),
    "Association Agreement with DCFTA": ("GEO", "MDA", "UKR"),
    "EU-UK Trade and Cooperation Agreement": ("GBR",),
    "EU-Mexico Global Agreement": ("MEX",),
    "EU-Chile Association/Advanced Framework Agreement": ("CHL",),
    "EU-Colombia/Peru/Ecuador trade agreement": ("COL", "PER", "ECU"),
    "EU-Central America Association Agreement": ("CRI", "GTM", "HND", "NIC", "PAN", "SLV"),
    "EU-CARIFORUM EPA": (
        "ATG", "BHS", "BRB", "BLZ", "DMA", "DOM", "GRD", "GUY", "JAM", "KNA", "LCA", "VCT", "SUR", "TTO",
    ),
    "EU-Canada CETA": ("CAN",),
    "EU-Korea FTA": ("KOR",),
    "EU-Japan EPA": ("JPN",),
    "EU-Singapore FTA": ("SGP",),
    "EU-Vietnam FTA": ("VNM",),
    "EU-New Zealand FTA": ("NZL",),
    "EPA Central Africa": ("CMR",),
    "EPA West Africa (stepping stone)": ("CIV", "GHA"),
    "EPA Eastern and Southern Africa": ("MDG", "MUS", "SYC", "ZWE", "COM"),
    "EU-Kenya EPA": ("KEN",),
    "EPA SADC": ("BWA", "LSO", "MOZ", "NAM", "SWZ", "ZAF"),
    "EPA Pacific": ("PNG", "FJI", "WSM", "SLB"),
}

AGGREGATES = [
    ("WLD", "World", "Wereld", "world total"),
    ("ROW", "Rest of world", "Rest van de wereld", "'other countries' remainder of a published table"),
    ("EU27", "European Union (27)", "Europese Unie (27)", "EU-27 as a group (from 2020-02-01)"),
]


def load_country_converter() -> coco.CountryConverter:
    """country_converter 1.3 reads Namibia's ISO2 'NA' as missing under pandas 3; load its table ourselves."""
    table = Path(coco.__file__).parent / "country_data.tsv"
    data = pd.read_csv(table, sep="\t", dtype=str, keep_default_na=False, na_values=[""])
    return coco.CountryConverter(country_data=data)


def trade_agreement_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for agreement, codes in TRADE_AGREEMENTS.items():
        for code in codes:
            if code in lookup:
                raise ValueError(f"{code} listed under two agreements: {lookup[code]!r} and {agreement!r}")
            lookup[code] = agreement
    return lookup


def build_rows() -> list[dict[str, str]]:
    converter = load_country_converter()
    classes = converter.data.set_index("ISO3")
    dutch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    agreements = trade_agreement_lookup()
    countries = [(c.alpha_3, c.alpha_2, c.numeric, c.name) for c in pycountry.countries]
    # Kosovo has no ISO 3166-1 code; XKX is the user-assigned code used by the EU and country_converter.
    countries.append(("XKX", "XK", "", "Kosovo"))
    unknown = set(agreements) - {code for code, *_ in countries}
    if unknown:
        raise ValueError(f"trade-agreement codes not in ISO 3166-1: {sorted(unknown)}")

    rows = []
    for iso3, iso2, numeric, name_en in sorted(countries):
        cls = classes.loc[iso3] if iso3 in classes.index else None
        eu27 = cls is not None and cls["EU27"] == "EU27"
        if eu27:
            flag, basis = True, "EU member state: t = 0.8 in EC 2023 study Appendix 7"
        elif iso3 in agreements:
            flag, basis = True, f"EC list of agreements in force: {agreements[iso3]}"
        else:
            flag, basis = False, "no EU preferential trade agreement applied (EC list, 2026-11-28)"
        name_nl = dutch.gettext(name_en) if iso3 != "XKX" else "Kosovo"
        rows.append(
            {
                "iso3": iso3,
                "iso2": iso2,
                "numeric": numeric,
                "name_en": name_en,
                "name_nl": name_nl,
                "is_aggregate": "false",
                "eu27": str(eu27).lower(),
                "eu_trade_agreement": str(flag).lower(),
                "un_region": "" if cls is None or pd.isna(cls["UNregion"]) else cls["UNregion"],
                "continent": "" if cls is None or pd.isna(cls["continent"]) else cls["continent"],
                "source_id": "iso_3166" if iso3 != "XKX" else "coco_country_data",
                "region_source_id": "coco_country_data",
                "trade_agreement_source_id": "ec2023_crm_study" if eu27 else "ec_trade_agreements",
                "quality": "derived",
                "note": f"eu_trade_agreement: {basis}"
                + ("; XKX is a user-assigned code (not ISO 3166-1)" if iso3 == "XKX" else ""),
            }
        )
    for code, name_en, name_nl, meaning in AGGREGATES:
        rows.append(
            {
                "iso3": code, "iso2": "", "numeric": "", "name_en": name_en, "name_nl": name_nl,
                "is_aggregate": "true", "eu27": "false", "eu_trade_agreement": "false",
                "un_region": "", "continent": "", "source_id": "ec2023_crm_study",
                "region_source_id": "", "trade_agreement_source_id": "", "quality": "reported",
                "note": f"special code: {meaning}",
            }
        )
    return rows


def main() -> None:
    rows = build_rows()
    with TARGET.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {TARGET}")


if __name__ == "__main__":
    main()
