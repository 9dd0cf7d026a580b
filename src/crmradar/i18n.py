"""Labels for the command-line interface in Dutch (default) and English.

The web interface uses Django's gettext catalogues; the CLI keeps its few labels here.
Language: ``--lang`` where a command offers it, else ``$CRMRADAR_LANG``, else Dutch.
"""

from __future__ import annotations

import os

LANGUAGES = ("nl", "en")

LABELS: dict[str, dict[str, str]] = {
    "material": {"nl": "Grondstof", "en": "Material"},
    "symbol": {"nl": "Symbool", "en": "Symbol"},
    "crma": {"nl": "CRMA", "en": "CRMA"},
    "strategic": {"nl": "strategisch", "en": "strategic"},
    "critical": {"nl": "kritiek", "en": "critical"},
    "sr": {"nl": "SR", "en": "SR"},
    "ei": {"nl": "EI", "en": "EI"},
    "eol_rir": {"nl": "EOL-RIR", "en": "EOL-RIR"},
    "import_reliance": {"nl": "Importafhankelijkheid", "en": "Import reliance"},
    "eu_critical_2023": {"nl": "Kritiek EU 2023", "en": "EU critical 2023"},
    "year": {"nl": "Jaar", "en": "Year"},
    "country": {"nl": "Land", "en": "Country"},
    "share": {"nl": "Aandeel", "en": "Share"},
    "stage": {"nl": "Fase", "en": "Stage"},
    "extraction": {"nl": "winning", "en": "extraction"},
    "processing": {"nl": "verwerking", "en": "processing"},
    "application": {"nl": "Toepassing", "en": "Application"},
    "sector": {"nl": "Sector (NACE)", "en": "Sector (NACE)"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "risk_table": {"nl": "Risicotabel kritieke grondstoffen", "en": "Critical raw materials risk table"},
    "history": {"nl": "Officiële SR/EI (EU-studies)", "en": "Official SR/EI (EU studies)"},
    "producers": {"nl": "Grootste producenten", "en": "Top producers"},
    "eu_sourcing": {"nl": "Herkomst EU-aanvoer", "en": "EU sourcing"},
    "end_uses": {"nl": "Toepassingen", "en": "End uses"},
    "export_restrictions": {"nl": "Exportbeperkingen", "en": "Export restrictions"},
    "concentration": {"nl": "Concentratie (HHI) en CRMA 65 %-toets", "en": "Concentration (HHI) and CRMA 65 % check"},
    "status": {"nl": "Status", "en": "Status"},
    "in_force": {"nl": "Van kracht", "en": "In force"},
    "measure": {"nl": "Maatregel", "en": "Measure"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
}


def language(requested: str | None = None) -> str:
    lang = (requested or os.environ.get("CRMRADAR_LANG") or "nl").lower()
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, got {lang!r}")
    return lang


def label(key: str, lang: str) -> str:
    return LABELS[key][lang]
