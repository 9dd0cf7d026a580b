"""One-off build of ``data/governance.csv`` from the WGI extracts in /work/shared.

Documents how the curated table was made; NOT run by tests or CI. Run from the repository root::

    python scripts/curate_governance.py

Inputs (see curation/governance.md for their origin):

* ``wgi_political_stability_PV_1996_2024_geopolrisk.csv``: WGI Political Stability and Absence of
  Violence/Terrorism (PV) estimate, standard error and number of sources per ISO3 and year.
* ``wgi_mean6_2022_normalised_pytradeshifts.csv``: mean of the six WGI estimates for 2022, rescaled to
  [0, 1]; converted back with mean6 = 5 x - 2.5 and mapped from World Bank names to ISO3.
* ``scripts/inputs/wgi_six_indicators_2016_2021.csv`` (in this repository): the six WGI estimates
  (CC, GE, PV, RQ, RL, VA) per economy for 2016-2021 from the WGI 2024 update, as stored in GitHub
  ``OHI-Science/ohiprep_v2025`` ``globalprep/prs_res_wgi/v2025/raw/worldbank_wgi_from_web_2025.csv``;
  their mean becomes ``mean6`` for those years (an economy with any indicator missing gets no row).

Every row gets ``scaled_0_10`` from :func:`crmradar.methods.governance_scaling.wgi_to_eu_scale`, so the
stored column and the library function cannot drift apart.
"""

from __future__ import annotations

import csv
from pathlib import Path

import country_converter as coco
import pandas as pd
import pycountry

from crmradar.methods.governance_scaling import wgi_to_eu_scale

RAW = Path("/work/shared/data/raw/wgi")
PV_FILE = RAW / "wgi_political_stability_PV_1996_2024_geopolrisk.csv"
MEAN6_FILE = RAW / "wgi_mean6_2022_normalised_pytradeshifts.csv"
SIX_FILE = Path(__file__).resolve().parent / "inputs" / "wgi_six_indicators_2016_2021.csv"
SIX_COLUMNS = ["CC.EST", "GE.EST", "PV.EST", "RQ.EST", "RL.EST", "VA.EST"]
OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/governance.csv"

# The revised WGI methodology applies from data year 2023 in this extract (see governance.md).
FIRST_REVISED_YEAR = 2023

# World Bank spellings that country_converter maps wrongly or not at all; Kosovo uses the
# user-assigned code XKX that the World Bank also uses.
WB_NAME_ISO3 = {"Kosovo": "XKX", "Channel Islands": "", "Netherlands Antilles (former)": "ANT"}

FIELDS = [
    "country_iso3", "year", "indicator", "estimate", "standard_error", "n_sources", "edition",
    "method_series", "scaled_0_10", "source_id", "quality", "note",
]


def country_converter() -> coco.CountryConverter:
    """A converter whose table keeps Namibia's ISO2 'NA' (pandas 3 otherwise reads it as missing)."""
    table = pd.read_csv(coco.country_converter.COUNTRY_DATA_FILE, sep="\t", dtype=str, keep_default_na=False)
    return coco.CountryConverter(country_data=table.replace("", pd.NA))


def valid_iso3() -> set[str]:
    return {country.alpha_3 for country in pycountry.countries} | {"XKX"}


def fmt(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if value == value else ""


def drop_duplicate_economies(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[tuple[str, int], str]]:
    """Resolve economies listed twice under one ISO3 (the bundle has two 'Guyana'/GUY rows).

    Where the two estimates differ, keep the one with more underlying sources: the other has the
    source count typical of a small territory (probably French Guiana, which the WGI also cover).
    Where they are identical, keep one and say that its identity is unverified.
    """
    notes: dict[tuple[str, int], str] = {}
    keep = []
    for (iso3, year), group in frame.groupby(["iso3", "year"], sort=False):
        if len(group) == 1:
            keep.append(group.index[0])
            continue
        if group["pv_estimate"].nunique() == 1:
            notes[(iso3, year)] = (
                "source lists this economy twice with the same value; may belong to a territory "
                "sharing the code (French Guiana?) - unverified"
            )
        else:
            notes[(iso3, year)] = (
                f"source lists {iso3} twice; kept the estimate with more sources, dropped "
                + ", ".join(f"{v:.4f}" for v in group.sort_values("pv_numsrc")["pv_estimate"].iloc[:-1])
            )
        keep.append(group.sort_values("pv_numsrc").index[-1])
    print(f"PV: resolved duplicate ISO3/year pairs: {sorted(notes)}")
    return frame.loc[sorted(keep)], notes


def pv_rows(known: set[str]) -> list[dict[str, str]]:
    frame = pd.read_csv(PV_FILE, dtype={"iso3": str}, keep_default_na=False, na_values=[""])
    rows = []
    skipped = sorted(set(frame.loc[~frame["iso3"].isin(known), "iso3"]))
    print(f"PV: dropping codes that are not ISO 3166-1 (no longer assigned): {skipped}")
    frame = frame[frame["iso3"].isin(known) & frame["pv_estimate"].notna()]
    frame, duplicate_notes = drop_duplicate_economies(frame)
    for record in frame.itertuples(index=False):
        revised = record.year >= FIRST_REVISED_YEAR
        rows.append(
            {
                "country_iso3": record.iso3,
                "year": str(record.year),
                "indicator": "pv",
                "estimate": fmt(record.pv_estimate, 6),
                "standard_error": fmt(record.pv_stderr, 6),
                "n_sources": "" if pd.isna(record.pv_numsrc) else str(int(record.pv_numsrc)),
                "edition": "wgi_2025_update" if revised else "wgi_2023_update",
                "method_series": "revised" if revised else "original",
                "scaled_0_10": fmt(wgi_to_eu_scale(record.pv_estimate), 6),
                "source_id": "wb_wgi_2025" if revised else "wb_wgi_2023",
                "quality": "reported",
                "note": "; ".join(
                    filter(
                        None,
                        [
                            "revised WGI methodology: not comparable with years up to 2022" if revised else "",
                            duplicate_notes.get((record.iso3, record.year), ""),
                        ],
                    )
                ),
            }
        )
    return rows


def mean6_row(iso3: str, year: int, estimate: float, edition: str, source_id: str, note: str) -> dict[str, str]:
    """One ``mean6`` row (original methodology, derived from published estimates; no standard error)."""
    return {
        "country_iso3": iso3,
        "year": str(year),
        "indicator": "mean6",
        "estimate": fmt(estimate, 6),
        "standard_error": "",
        "n_sources": "",
        "edition": edition,
        "method_series": "original",
        "scaled_0_10": fmt(wgi_to_eu_scale(estimate), 6),
        "source_id": source_id,
        "quality": "derived",
        "note": note,
    }


def mean6_rows(known: set[str]) -> list[dict[str, str]]:
    frame = pd.read_csv(MEAN6_FILE, keep_default_na=False, na_values=[""])
    converter = country_converter()
    rows = []
    for name, normalised in zip(frame["Country/Territory"], frame["2022"], strict=True):
        iso = WB_NAME_ISO3.get(name)
        if iso is None:
            iso = converter.convert(name, to="ISO3", not_found="")
        if not iso or isinstance(iso, list) or iso not in known or pd.isna(normalised):
            print(f"mean6: skipped {name!r} -> {iso!r} (value {normalised})")
            continue
        estimate = 5.0 * normalised - 2.5
        note = (f"mean of the six WGI estimates; back-transformed from the [0, 1] rescaling ({normalised:.6f}) "
                f"as 5x - 2.5; World Bank name '{name}'")
        rows.append(mean6_row(iso, 2022, estimate, "wgi_2023_update", "wb_wgi_2023", note))
    duplicated = pd.Series([r["country_iso3"] for r in rows]).duplicated()
    if duplicated.any():
        raise SystemExit(f"{MEAN6_FILE}: two names map to the same ISO3: {list(pd.Series(rows)[duplicated])}")
    return rows


def six_indicator_mean_rows(known: set[str]) -> list[dict[str, str]]:
    """mean6 for 2016-2021 from the six estimates of the WGI 2024 update (the 2022 row stays the 2023 update's)."""
    frame = pd.read_csv(SIX_FILE, dtype={"iso3c": str, "year": int}, keep_default_na=False, na_values=["NA"])
    rows = []
    for iso3, year, values in zip(frame["iso3c"], frame["year"], frame[SIX_COLUMNS].to_numpy(), strict=True):
        values = [float(value) for value in values]
        if iso3 not in known or any(pd.isna(value) for value in values):
            continue
        estimate = sum(values) / len(values)
        parts = ", ".join(f"{column[:2]} {value:.4f}" for column, value in zip(SIX_COLUMNS, values, strict=True))
        rows.append(mean6_row(iso3, year, estimate, "wgi_2024_update", "wb_wgi_2024",
                              f"mean of the six WGI estimates ({parts})"))
    return rows


def main() -> None:
    known = valid_iso3()
    rows = pv_rows(known) + mean6_rows(known) + six_indicator_mean_rows(known)
    rows.sort(key=lambda r: (r["indicator"], r["country_iso3"], int(r["year"])))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
