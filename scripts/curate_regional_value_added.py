"""Build ``regional_value_added.csv``: Zuid-Holland (NUTS 2024 NL36) and the Netherlands by NACE sector.

One-off curation script (not run by tests or CI). Inputs:

* the Eurostat extract ``nama_10r_3gva_nl36_extract.csv`` (raw-data notes §9): gross value added at basic
  prices, current prices, EUR million, for NL36, its NUTS-3 regions NL361-NL366 and NL, sectors B-E, C and
  TOTAL, 2019-2023 (``eurostat_nama_10r_3gva``), plus the national sections B, C, D, E of 2019 from
  ``nama_10_a64`` (``eurostat_nama_10_a64``);
* figures transcribed from CBS StatLine (``PUBLISHED_CBS`` below, CC BY 4.0) where Eurostat gives nothing;
* ``nace_sectors.csv`` of the package (EU27 value added per division, EC 2023 study) for the national
  division estimates (``quality = assumption``, see ``national_division_estimates``).

How the table is used: ``crmradar.region.value_added.division_value_added`` splits NL36's B-E and C into
the divisions of the EI formula — B, D, E from (B-E) - C with national section shares, divisions from
sections with national division shares, all from one year. Curation note:
``src/crmradar/data/curation/regional_value_added.md``.

Run: ``python scripts/curate_regional_value_added.py [path/to/eurostat_regional_gva]`` then
``python scripts/assemble_datapackage.py``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/crmradar/data/package/data/regional_value_added.csv"
NACE_SECTORS = ROOT / "src/crmradar/data/package/data/nace_sectors.csv"
DEFAULT_RAW = Path("/work/shared/data/raw/eurostat_regional_gva")
EXTRACT = "nama_10r_3gva_nl36_extract.csv"
FIELDS = ["region_code", "region_name", "nace_code", "year", "value_added_meur", "low", "high",
          "source_id", "quality", "note"]

NAMES = {
    "NL36": "Zuid-Holland", "NL361": "Agglomeratie 's-Gravenhage", "NL362": "Delft en Westland",
    "NL363": "Agglomeratie Leiden en Bollenstreek", "NL364": "Zuidoost-Zuid-Holland",
    "NL365": "Oost-Zuid-Holland", "NL366": "Groot-Rijnmond", "NL": "Nederland",
}
EUROSTAT_NACE = {"B-E": "B-E", "C": "C", "TOTAL": "A-U"}
EUROSTAT_REGIONS = tuple(NAMES)  # NLZ (Extra-Regio, the continental shelf) belongs to no province: left out
T3GVA = "Eurostat nama_10r_3gva (CP_MEUR, B1G at basic prices)"
TA64 = "Eurostat nama_10_a64 (CP_MEUR, B1G)"
T84419 = "StatLine 84419ENG (regional accounts, 1995-2021 edition)"
T84088 = "StatLine 84088NED (national accounts, edition 1995-2022, 2022 provisional)"

# CBS figures kept because Eurostat has no row with the same key (region, nace_code, year).
# (region, nace_code, year, EUR million, source_id, note)
PUBLISHED_CBS = [
    ("NL", "B", 2021, 6018, "cbs_84419eng", f"{T84419}, B Mining and quarrying, 2021*; vintage of the CBS "
     "regional accounts, so only its ratios to D and E of the same edition are used"),
    ("NL", "D", 2021, 9861, "cbs_84419eng", f"{T84419}, D Energy supply, 2021*"),
    ("NL", "E", 2021, 4993, "cbs_84419eng", f"{T84419}, E Water supply and waste management, 2021*"),
    ("NL", "B", 2022, 15630, "cbs_84088ned", f"{T84088}, B Delfstoffenwinning, 2022*"),
    ("NL", "B06", 2022, 14429, "cbs_84088ned", f"{T84088}, 06 Winning van aardolie en aardgas, 2022*"),
    ("NL", "B08", 2022, 678, "cbs_84088ned", f"{T84088}, 08 Delfstoffenwinning (geen olie en gas), 2022*; "
     "CBS 08 covers all mining other than oil and gas"),
    ("NL366", "C", 2015, 6049, "cbs_2018_industrie_regio",
     "CBS news 2018/31 'Belang industrie voor de regio': value added of manufacturing, COROP Groot-Rijnmond "
     "2015 = 6.049 billion euro (1995: 3.435); NUTS 2021 code NL33C, recoded NL366 in NUTS 2024 (same area)"),
]
# (region, nace_code, year, whole, parts, source_id, note): whole minus parts within one vintage.
RESIDUALS = [
    ("NL", "B09", 2022, "B", ("B06", "B08"), "cbs_84088ned",
     f"{T84088}: 09 Dienstverlening delfstoffenwinning = B − 06 − 08 (15,630 − 14,429 − 678), 2022*; "
     "CBS publishes 09 as a row but it was not legible in the retrieved page, so it is derived"),
]
#: Shares of B06 and B09 in Dutch mining (84088NED): 2021* (4,018 and 4,969 − 4,018 − 502 = 449 of 4,969)
#: and 2022* (14,429 and 523 of 15,630). 2021 is the central value (before the 2022 gas-price peak).
MINING_SHARES = {"B06": (4018 / 4969, 14429 / 15630), "B09": (449 / 4969, 523 / 15630)}
ESTIMATE_YEAR = 2019  # the year with national B, C, D, E in one edition (nama_10_a64 = nama_10r_3gva NL)
DIVISION_RANGE = (0.5, 2.0)  # factor range of a division estimated from the EU27 structure


def eurostat_rows(raw_dir: Path) -> list[dict[str, object]]:
    """Reported rows of the Eurostat extract: sources S1 (nama_10r_3gva) and S2 (nama_10_a64)."""
    rows = []
    with (raw_dir / EXTRACT).open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            geo, nace, year = record["geo"], record["nace_r2"], int(record["year"])
            value = float(record["gva_meur"])
            if record["source"] == "S1" and geo in EUROSTAT_REGIONS and nace in EUROSTAT_NACE:
                rows.append(_row(geo, EUROSTAT_NACE[nace], year, value, "eurostat_nama_10r_3gva", "reported",
                                 f"{T3GVA}, geo {geo}, nace_r2 {nace}, {year}"))
            elif record["source"] == "S2" and geo == "NL" and nace in ("B", "D", "E"):
                rows.append(_row(geo, nace, year, value, "eurostat_nama_10_a64", "reported",
                                 f"{TA64}, NL, {nace}, {year}; same edition as nama_10r_3gva NL {year} "
                                 "(B + D + E = (B-E) − C exactly)"))
    return rows


def national_division_estimates(nl_c: float, nl_b: float, year: int = ESTIMATE_YEAR) -> list[dict[str, object]]:
    """National division values for ``year`` (EUR million), ``quality = assumption``.

    Eurostat ``nama_10_a64`` divisions for the Netherlands were not found (see curation note), so:

    * C-divisions: ``VA_NL,d = VA_NL,C × VA_EU27,d / Σ VA_EU27,d'`` over the 16 manufacturing divisions of
      ``nace_sectors`` (EU27 structure of the EC 2023 study, Appendix 6). Treating those 16 as all of C
      overstates each division against mining (the unlisted C12-C16, C18, C31, C33 are left out); the
      range is × 0.5 to × 2 of the estimate;
    * B06, B09: ``VA_NL,B × share`` with the CBS 84088NED share of 2021 (range: the 2021 and 2022 shares).
    """
    eu = {}
    with NACE_SECTORS.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            if record["nace_code"].startswith("C"):
                eu[record["nace_code"]] = float(record["eu27_value_added_meur"])
    total = sum(eu.values())
    low_factor, high_factor = DIVISION_RANGE
    rows = []
    for code, value in sorted(eu.items()):
        estimate = nl_c * value / total
        rows.append(_row("NL", code, year, round(estimate, 1), "ec2023_crm_study", "assumption",
                         f"Estimate, not a Dutch figure: NL C {year} {nl_c:,.0f} (Eurostat) × EU27 {code} "
                         f"{value:,.0f} / EU27 sum of the 16 manufacturing divisions of the EC 2023 study "
                         f"{total:,.0f}. Eurostat nama_10_a64 divisions for NL were not found; the Dutch "
                         "share can differ from the EU27 share by a factor 2 either way (NL: larger C19/C20, "
                         "smaller C29), hence low/high = × 0.5 / × 2. Replace with nama_10_a64 or CBS 85867NED.",
                         low=round(estimate * low_factor, 1), high=round(estimate * high_factor, 1)))
    for code, (share_2021, share_2022) in MINING_SHARES.items():
        rows.append(_row("NL", code, year, round(nl_b * share_2021, 1), "cbs_84088ned", "assumption",
                         f"Estimate: NL B {year} {nl_b:,.0f} (Eurostat nama_10_a64) × share of {code} in B from "
                         f"CBS 84088NED 2021* ({share_2021:.3f}); range with the 2022* share ({share_2022:.3f}). "
                         f"No {year} division figure in the same edition was found.",
                         low=round(nl_b * min(share_2021, share_2022), 1),
                         high=round(nl_b * max(share_2021, share_2022), 1)))
    return rows


def build_rows(raw_dir: Path) -> list[dict[str, object]]:
    rows = eurostat_rows(raw_dir)
    rows += [_row(region, code, year, value, source, "reported", note)
             for region, code, year, value, source, note in PUBLISHED_CBS]
    lookup = {(row["region_code"], row["nace_code"], row["year"]): float(row["value_added_meur"]) for row in rows}
    for region, code, year, whole, parts, source, note in RESIDUALS:
        value = lookup[(region, whole, year)] - sum(lookup[(region, part, year)] for part in parts)
        rows.append(_row(region, code, year, value, source, "derived", note))
    rows += national_division_estimates(lookup[("NL", "C", ESTIMATE_YEAR)], lookup[("NL", "B", ESTIMATE_YEAR)])
    _check(rows)
    return sorted(rows, key=lambda row: (row["region_code"], int(row["year"]), str(row["nace_code"])))


def _check(rows: list[dict[str, object]]) -> None:
    keys = [(row["region_code"], row["nace_code"], row["year"]) for row in rows]
    if len(keys) != len(set(keys)):
        raise SystemExit("duplicate region_code/nace_code/year")
    value = {key: float(row["value_added_meur"]) for key, row in zip(keys, rows, strict=True)}
    for year in range(2019, 2024):
        for nace in ("B-E", "C", "A-U"):
            parts = sum(value[(f"NL36{n}", nace, year)] for n in range(1, 7))
            if abs(parts - value[("NL36", nace, year)]) > 0.5:
                raise SystemExit(f"NUTS-3 {nace} {year} add up to {parts}, NL36 has {value[('NL36', nace, year)]}")
    bde = sum(value[("NL", s, ESTIMATE_YEAR)] for s in ("B", "D", "E"))
    if abs(bde - (value[("NL", "B-E", ESTIMATE_YEAR)] - value[("NL", "C", ESTIMATE_YEAR)])) > 0.5:
        raise SystemExit(f"NL {ESTIMATE_YEAR}: B + D + E = {bde} differs from (B-E) − C")


def _row(region: str, code: str, year: int, value: float, source: str, quality: str, note: str,
         low: float | None = None, high: float | None = None) -> dict[str, object]:
    return {"region_code": region, "region_name": NAMES[region], "nace_code": code, "year": year,
            "value_added_meur": _number(value), "low": "" if low is None else _number(low),
            "high": "" if high is None else _number(high), "source_id": source, "quality": quality, "note": note}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def main() -> None:
    raw_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RAW
    rows = build_rows(raw_dir)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
