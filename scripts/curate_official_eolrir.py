"""Fill the empty 2023 EoL-RIR cells of ``criticality_official`` from the EC 2023 summary results table.

One-off curation step (not run by tests or CI; reads only the package). Run it **after**
``scripts/curate_materials.py`` (which takes EoL-RIR only from the SCRREEN2 factsheet list and so leaves 28
materials of 2023 empty, among them gallium and magnesium) and ``scripts/curate_criticality_extra.py``.

The EoL-RIR of every assessed material is in the study's summary results table, already in the package as
``criticality_inputs`` (``parameter = eol_rir``, ``stage = all``, source ``ec2023_crm_study``). Where both
tables have a value they agree for every material (checked here), so the summary table fills the gaps.
Audit 2026-12-02 (issue 14): gallium 0.0 and magnesium 0.13 were missing.

Run: ``python scripts/curate_official_eolrir.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data" / "package" / "data"
OFFICIAL = DATA / "criticality_official.csv"
INPUTS = DATA / "criticality_inputs.csv"
YEAR = "2023"
NOTE = "EoL-RIR from the 2023 final report summary results table (criticality_inputs), not in the factsheet list."


def summary_eolrir() -> dict[str, str]:
    with INPUTS.open(encoding="utf-8", newline="") as handle:
        return {row["material_id"]: row["value"] for row in csv.DictReader(handle)
                if row["year"] == YEAR and row["parameter"] == "eol_rir" and row["stage"] == "all"}


def main() -> None:
    summary = summary_eolrir()
    with OFFICIAL.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    filled = []
    for row in rows:
        if row["year"] != YEAR or row["material_id"] not in summary:
            continue
        if row["eol_rir"]:
            if abs(float(row["eol_rir"]) - float(summary[row["material_id"]])) > 1e-9:
                raise SystemExit(f"{row['material_id']}: factsheet {row['eol_rir']} vs summary {summary[row['material_id']]}")
            continue
        row["eol_rir"] = summary[row["material_id"]]
        if NOTE not in row["note"]:
            row["note"] = f"{row['note']} {NOTE}".strip()
        filled.append(row["material_id"])
    with OFFICIAL.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"filled {len(filled)}: {', '.join(filled)}")


if __name__ == "__main__":
    main()
