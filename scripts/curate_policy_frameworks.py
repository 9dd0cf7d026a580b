"""Build ``policy_frameworks.csv``: CRM policy frameworks with cited targets and milestones (issue 12, item 4).

Documents how the table was built; not run by tests or CI. Only dates and targets stated by the cited sources
(fragments ``curation/sources/policy.csv``, ``projects.csv`` and the CRMA row in ``core``/``region`` fragments);
a month or year stands where the source gives no day. Curation note:
``src/crmradar/data/curation/policy_frameworks.md``.

Run: ``python scripts/curate_policy_frameworks.py`` then ``python scripts/assemble_datapackage.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/policy_frameworks.csv"
FIELDS = ["framework_id", "name", "level", "adopted_on", "targets", "target_year", "milestones", "materials",
          "source_id", "note"]
ROWS = [
    ("crma", "Critical Raw Materials Act (Regulation (EU) 2024/1252)", "eu", "2024-04-11",
     "By 2030 EU capacity covers at least 10 % (extraction), 40 % (processing) and 25 % (recycling) of annual EU "
     "consumption of each strategic raw material; no single third country supplies more than 65 % at any "
     "relevant stage (Art. 5(1)).", 2030,
     "2024-04-11: Regulation adopted|2024-05: entry into force|2025-03-25: first 47 strategic projects in the EU "
     "selected (none in the Netherlands)|2025-06-04: 13 strategic projects in third countries selected|2030: "
     "benchmarks 10/40/25 % and the 65 % cap", "", "eu_crma_2024_1252",
     "Milestones of 2025 from ec_2025_strategic_projects_eu and ec_2025_strategic_projects_third; entry into force "
     "in May 2024 as the Commission's June 2025 release states."),
    ("resourceeu", "RESourceEU Action Plan", "eu", "2025-12-03",
     "Speed up the CRMA benchmarks: close to EUR 3 billion of EU financing for critical-raw-material projects over "
     "12 months; European Critical Raw Materials Centre; joint purchasing and stockpiling; export restrictions on "
     "permanent-magnet scrap.", "",
     "2025-12-03: Action Plan adopted|2026: European Critical Raw Materials Centre (early 2026)|2026: stockpiling "
     "pilot with member states (early 2026)|2026: export restrictions on permanent-magnet scrap and waste (early "
     "2026)", "neodymium|praseodymium|dysprosium|terbium", "ec_2025_resourceeu",
     "'Early 2026' is recorded as the year 2026. Materials: the magnet rare earths named for the scrap measure."),
    ("ngs", "Nationale Grondstoffenstrategie (NGS)", "nationaal", "2022-12-09",
     "Security of supply of critical raw materials for the Netherlands; the 2025 letter adds steps towards "
     "strategic stocks and processing (refining and recycling) capacity.", "",
     "2022-12-09: strategy sent to the House (Kamerstuk 32 852, nr. 224)|2023-12-22: progress report (nr. 291)|"
     "2025-12-09: letter on strategic stocks and processing of critical raw materials (nr. 395)", "",
     "nl_ngs_2022", ""),
    ("npce", "Nationaal Programma Circulaire Economie 2023–2030 (NPCE)", "nationaal", "2023-02-03",
     "A fully circular Dutch economy in 2050; measures along four strategies: less raw-material use, "
     "substitution, lifetime extension, high-quality processing.", 2050,
     "2023-02-03: programme sent to the House (Kamerstuk 32 852, nr. 225)|2030: end of the programme period|2050: "
     "fully circular economy", "", "nl_npce_2023", ""),
    ("zh_kritieke_grondstoffen", "Beleidsverkenning Kritieke grondstoffen Zuid-Holland (GS 16 juni 2026)",
     "provinciaal", "2026-06-16",
     "Regional resilience and autonomy (less import dependence through recovery, or making critical raw materials "
     "unnecessary); a position in future value chains (jobs, prosperity); a circular Zuid-Holland contributing to "
     "the NGS (2022) and the NPCE 2023-2030. Two lines: policy interventions, and a regional consultation on "
     "critical raw materials as the start of a regional strategy.", "",
     "2026-05-18: first meeting of the regional consultation on critical raw materials|2026-06-16: policy "
     "exploration adopted by Gedeputeerde Staten and sent to Provinciale Staten|2026-06: long-term agenda (Q2 "
     "2026; dated to the quarter's last month)|2026: national critical-raw-materials roadmaps (mid-2026, as the "
     "exploration states)|2026-12: strategy Circulair Zuid-Holland (end of 2026)|2027: revision of the provincial "
     "environmental policy (from 2027)", "",
     "pzh_2026_beleidsverkenning_kritieke_grondstoffen",
     "No public copy of the decision or Statenbrief was found (2026-12-03); cited as described in the project's "
     "domain brief. Date precision as the decision gives it: Q2 2026 is stored as month 2026-06 (end of the "
     "quarter), end of 2026 as 2026-12, 'from 2027' and 'mid-2026' as the year."),
]


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows(ROWS)
    print(f"wrote {OUT}: {len(ROWS)} rows")


if __name__ == "__main__":
    main()
