"""Build ``policy_frameworks.csv``: CRM policy frameworks with cited targets and milestones (issue 12, item 4).

Documents how the table was built; not run by tests or CI. Only dates and targets stated by the cited sources
(fragments ``curation/sources/policy.csv``, ``projects.csv`` and the CRMA row in ``core``/``region`` fragments);
a month or year stands where the source gives no day. Curation note:
``src/crmradar/data/curation/policy_frameworks.md``.

Dutch columns (``name_nl``, ``targets_nl``, ``milestones_nl``) are translations of the English text in ``DUTCH``,
no new facts; the Dutch milestones carry the same dates in the same order (checked when the table is written).

Run: ``python scripts/curate_policy_frameworks.py`` then ``python scripts/assemble_datapackage.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data/policy_frameworks.csv"
#: The columns of ``ROWS`` (English text as the sources are cited), in the order of the tuples.
ROW_FIELDS = ["framework_id", "name", "level", "adopted_on", "targets", "target_year", "milestones", "materials",
              "source_id", "note"]
#: The written table: each Dutch column follows its English one.
FIELDS = ["framework_id", "name", "name_nl", "level", "adopted_on", "targets", "targets_nl", "target_year",
          "milestones", "milestones_nl", "materials", "source_id", "note"]
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


#: Dutch name, targets and milestones per framework: translations of the English columns above (same milestone
#: dates, same order), shown on the Dutch pages of the workspace.
DUTCH = {
    "crma": (
        "Verordening kritieke grondstoffen (Critical Raw Materials Act, Verordening (EU) 2024/1252)",
        "Uiterlijk in 2030 dekt capaciteit in de EU ten minste 10 % (winning), 40 % (verwerking) en 25 % (recycling) "
        "van het jaarlijkse EU-verbruik van elke strategische grondstof; geen enkel derde land levert meer dan 65 % "
        "in enige relevante fase (art. 5, lid 1).",
        "2024-04-11: Verordening vastgesteld|2024-05: inwerkingtreding|2025-03-25: eerste 47 strategische projecten "
        "in de EU geselecteerd (geen in Nederland)|2025-06-04: 13 strategische projecten in derde landen "
        "geselecteerd|2030: benchmarks 10/40/25 % en het plafond van 65 %"),
    "resourceeu": (
        "Actieplan RESourceEU",
        "Het halen van de CRMA-benchmarks versnellen: bijna 3 miljard euro aan EU-financiering voor projecten voor "
        "kritieke grondstoffen over 12 maanden; een Europees centrum voor kritieke grondstoffen; gezamenlijke inkoop "
        "en voorraadvorming; exportbeperkingen op schroot van permanente magneten.",
        "2025-12-03: Actieplan vastgesteld|2026: Europees centrum voor kritieke grondstoffen (begin 2026)|2026: "
        "proef met voorraadvorming met de lidstaten (begin 2026)|2026: exportbeperkingen op schroot en afval van "
        "permanente magneten (begin 2026)"),
    "ngs": (
        "Nationale Grondstoffenstrategie (NGS)",
        "Leveringszekerheid van kritieke grondstoffen voor Nederland; de brief van 2025 voegt stappen toe naar "
        "strategische voorraden en capaciteit voor verwerking (raffinage en recycling).",
        "2022-12-09: strategie aan de Kamer gestuurd (Kamerstuk 32 852, nr. 224)|2023-12-22: voortgangsrapportage "
        "(nr. 291)|2025-12-09: brief over strategische voorraden en verwerking van kritieke grondstoffen (nr. 395)"),
    "npce": (
        "Nationaal Programma Circulaire Economie 2023–2030 (NPCE)",
        "Een volledig circulaire Nederlandse economie in 2050; maatregelen langs vier strategieën: minder "
        "grondstoffengebruik, vervanging, levensduurverlenging, hoogwaardige verwerking.",
        "2023-02-03: programma aan de Kamer gestuurd (Kamerstuk 32 852, nr. 225)|2030: einde van de "
        "programmaperiode|2050: volledig circulaire economie"),
    "zh_kritieke_grondstoffen": (
        "Beleidsverkenning Kritieke grondstoffen Zuid-Holland (GS 16 juni 2026)",
        "Regionale weerbaarheid en autonomie (minder importafhankelijkheid door terugwinning, of door kritieke "
        "grondstoffen overbodig te maken); een positie in toekomstige waardeketens (banen, welvaart); een circulair "
        "Zuid-Holland dat bijdraagt aan de NGS (2022) en het NPCE 2023-2030. Twee lijnen: beleidsinterventies, en een "
        "regionaal overleg over kritieke grondstoffen als start van een regionale strategie.",
        "2026-05-18: eerste bijeenkomst van het regionale overleg over kritieke grondstoffen|2026-06-16: "
        "beleidsverkenning vastgesteld door Gedeputeerde Staten en aan Provinciale Staten gestuurd|2026-06: "
        "langetermijnagenda (tweede kwartaal 2026; gedateerd op de laatste maand van het kwartaal)|2026: nationale "
        "roadmaps voor kritieke grondstoffen (medio 2026, zoals de verkenning vermeldt)|2026-12: strategie Circulair "
        "Zuid-Holland (eind 2026)|2027: herziening van het provinciale omgevingsbeleid (vanaf 2027)"),
}


def _dates(milestones: str) -> list[str]:
    return [part.split(":", 1)[0].strip() for part in milestones.split("|") if part.strip()]


def rows() -> list[dict]:
    """``ROWS`` with the Dutch columns of ``DUTCH``; refuses a framework without Dutch text or with other dates."""
    out = []
    for values in ROWS:
        row = dict(zip(ROW_FIELDS, values, strict=True))
        name_nl, targets_nl, milestones_nl = DUTCH[row["framework_id"]]
        if _dates(milestones_nl) != _dates(row["milestones"]):
            raise SystemExit(f"{row['framework_id']}: the Dutch milestones must have the English dates in order")
        if bool(targets_nl) != bool(row["targets"]):
            raise SystemExit(f"{row['framework_id']}: targets and targets_nl must both be given or both be empty")
        out.append({**row, "name_nl": name_nl, "targets_nl": targets_nl, "milestones_nl": milestones_nl})
    extra = set(DUTCH) - {row["framework_id"] for row in out}
    if extra:
        raise SystemExit(f"DUTCH has frameworks that are not in ROWS: {sorted(extra)}")
    return out


def main() -> None:
    table = rows()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    print(f"wrote {OUT}: {len(table)} rows")


if __name__ == "__main__":
    main()
