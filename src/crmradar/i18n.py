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
    "source_id": {"nl": "Id", "en": "Id"},
    "publisher": {"nl": "Uitgever", "en": "Publisher"},
    "title": {"nl": "Titel", "en": "Title"},
    "licence": {"nl": "Licentie", "en": "Licence"},
    "risk_table": {"nl": "Risicotabel kritieke grondstoffen", "en": "Critical raw materials risk table"},
    "history": {"nl": "Officiële SR/EI (EU-studies)", "en": "Official SR/EI (EU studies)"},
    "producers": {"nl": "Grootste producenten", "en": "Top producers"},
    "eu_sourcing": {"nl": "Herkomst EU-aanvoer", "en": "EU sourcing"},
    "end_uses": {"nl": "Toepassingen", "en": "End uses"},
    "export_restrictions": {"nl": "Exportbeperkingen", "en": "Export restrictions"},
    "transit": {"nl": "Invoer via Nederland: wederuitvoer en wat blijft (t)",
                "en": "Imports via the Netherlands: re-exports and retained use (t)"},
    "transit_products": {"nl": "In producten op de Nederlandse markt (t)",
                         "en": "Inside products on the Dutch market (t)"},
    "product_contents": {"nl": "Gehalte per t product (per MW windturbine)",
                         "en": "Content per t of product (per MW of wind set)"},
    "concentration": {"nl": "Concentratie (HHI) en CRMA 65 %-toets", "en": "Concentration (HHI) and CRMA 65 % check"},
    "status": {"nl": "Status", "en": "Status"},
    "in_force": {"nl": "Van kracht", "en": "In force"},
    "measure": {"nl": "Maatregel", "en": "Measure"},
    "yes": {"nl": "ja", "en": "yes"},
    "risk": {
        "nl": "Risico: officieel, herberekend, Zuid-Holland, GeoPolRisk",
        "en": "Risk: official, recomputed, Zuid-Holland, GeoPolRisk",
    },
    "no": {"nl": "nee", "en": "no"},
}


COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "year": ("jaar", "year"),
    "supply_risk": ("SR", "SR"),
    "economic_importance": ("EI", "EI"),
    "is_critical": ("kritiek", "critical"),
    "eol_rir": ("EOL-RIR", "EOL-RIR"),
    "import_reliance": ("importafh.", "import reliance"),
    "stage": ("fase", "stage"),
    "scope": ("reikwijdte", "scope"),
    "country_iso3": ("ISO3", "ISO3"),
    "country_nl": ("land", "country"),
    "country_en": ("land", "country"),
    "share": ("aandeel", "share"),
    "trade_parameter_t": ("t", "t"),
    "quantity": ("hoeveelheid", "quantity"),
    "unit": ("eenheid", "unit"),
    "basis": ("basis", "basis"),
    "is_estimate": ("schatting", "estimate"),
    "application": ("toepassing", "application"),
    "nace_code": ("NACE", "NACE"),
    "nace_label": ("sector", "sector"),
    "sector_value_added_meur": ("toegev. waarde EU (mln €)", "EU value added (EUR m)"),
    "hhi": ("HHI", "HHI"),
    "top3_share": ("top-3", "top 3"),
    "largest_third_country": ("grootste derde land", "largest third country"),
    "largest_third_country_share": ("aandeel", "share"),
    "crma_cap_exceeded": ("> 65 % (CRMA)", "> 65 % (CRMA)"),
    "nzia_resilience_trigger": ("> 50 % (NZIA)", "> 50 % (NZIA)"),
    "measure_id": ("maatregel", "measure"),
    "indicator": ("indicator", "indicator"),
    "official_supply_risk": ("SR, officieel EU 2023", "SR, official EU 2023"),
    "supply_risk_recomputed": ("SR, herberekend", "SR, recomputed"),
    "p_supply_risk": ("P(SR ≥ 1), Monte Carlo", "P(SR ≥ 1), Monte Carlo"),
    "official_economic_importance": ("EI, officieel EU 2023", "EI, official EU 2023"),
    "eu_economic_importance": ("EI, herberekend (EU)", "EI, recomputed (EU)"),
    "p_critical_eu": ("P(kritiek) EU, Monte Carlo", "P(critical) EU, Monte Carlo"),
    "economic_importance_region": ("EI Zuid-Holland (NL36)", "EI Zuid-Holland (NL36)"),
    "p_critical_region": ("P(kritiek) Zuid-Holland", "P(critical) Zuid-Holland"),
    "geopolrisk_nld": ("GeoPolRisk, import Nederland", "GeoPolRisk, imports of the Netherlands"),
    "geopolrisk_eu27": ("GeoPolRisk, import EU27", "GeoPolRisk, imports of the EU27"),
    "demand": ("vraag", "demand"),
    "crma_entry": ("bijlage I", "Annex I"),
    "rank": ("rang", "rank"),
    "content_kg": ("inhoud (kg)", "content (kg)"),
    "low_kg": ("laag (kg)", "low (kg)"),
    "high_kg": ("hoog (kg)", "high (kg)"),
    "sr_weighted_kg": ("SR-gewogen (kg)", "SR-weighted (kg)"),
    "crma_strategic": ("strategisch", "strategic"),
    "nzia_material_flag": ("NZIA > 50 %", "NZIA > 50 %"),
    "gpr_exposure_kg_cu_eq": ("GeoPolRisk (kg Cu-eq)", "GeoPolRisk (kg Cu-eq)"),
    "share_before": ("aandeel nu", "share now"),
    "share_after": ("aandeel na portfolio", "share after portfolio"),
    "benchmark": ("benchmark", "benchmark"),
    "gap_after": ("tekort na portfolio", "gap after portfolio"),
    "third_country_share_before": ("derde land nu", "third country now"),
    "third_country_share_after": ("derde land na", "third country after"),
    "name": ("naam", "name"),
    "capacity_t_per_year": ("capaciteit (t/jaar)", "capacity (t/yr)"),
    "share_added": ("aandeel erbij", "share added"),
    "share_added_low": ("aandeel erbij laag", "share added low"),
    "share_added_high": ("aandeel erbij hoog", "share added high"),
    "gap_closed": ("deel van het tekort gedicht", "share of the gap closed"),
    "cap_stage": ("schakel voor de 65 %-grens", "stage of the 65 % cap"),
    "pipeline_stage": ("projectfase", "project stage"),
    "cap_exceeded_before": ("boven 65 % nu", "above 65 % now"),
    "cap_exceeded_after": ("boven 65 % na", "above 65 % after"),
    "primary_demand": ("primaire vraag", "primary demand"),
    "in_use_stock": ("voorraad in gebruik", "in-use stock"),
    "end_of_life": ("einde levensduur", "end of life"),
    "recoverable": ("terugwinbaar", "recoverable"),
    "secondary_share": ("aandeel secundair", "secondary share"),
    "label": ("omschrijving", "description"),
    "value": ("waarde", "value"),
    "material_id": ("grondstof", "material"),
    "date_in_force": ("van kracht", "in force"),
    "date_end": ("einde", "end"),
    "measure_type": ("type", "type"),
    "target_countries": ("doellanden", "target countries"),
    "status": ("status", "status"),
    # command-line tables (crma, levers, procure, demand, recycling, geopolrisk, risk)
    "material": ("grondstof", "material"),
    "name_nl": ("naam", "name"),
    "consumption_t": ("verbruik EU (t/jaar)", "EU consumption (t/yr)"),
    "added_t": ("erbij (t/jaar)", "added (t/yr)"),
    "capacity_gap_t_after": ("capaciteitstekort (t/jaar)", "capacity gap (t/yr)"),
    "gap_before": ("tekort nu", "gap now"),
    "meets_benchmark_before": ("haalt benchmark nu", "meets benchmark now"),
    "meets_benchmark_after": ("haalt benchmark na", "meets benchmark after"),
    "levers": ("maatregelen", "levers"),
    "lever": ("maatregel", "lever"),
    "kind": ("soort", "kind"),
    "strength": ("sterkte", "strength"),
    "baseline_p50": ("basis (mediaan)", "baseline (median)"),
    "with_levers_p50": ("met maatregel (mediaan)", "with levers (median)"),
    "change_p5": ("verschil P5", "change P5"),
    "change_p50": ("verschil P50", "change P50"),
    "change_p95": ("verschil P95", "change P95"),
    "change_mean": ("verschil gemiddeld", "change mean"),
    "relative_change_p50": ("relatief verschil", "relative change"),
    "tornado_low_p50": ("verschil bij laag", "change at low"),
    "tornado_high_p50": ("verschil bij hoog", "change at high"),
    "metric": ("grootheid", "quantity"),
    "p5": ("P5", "P5"),
    "p50": ("P50", "P50"),
    "p95": ("P95", "P95"),
    "mean": ("gemiddeld", "mean"),
    "supply_risk_p50": ("SR (mediaan)", "SR (median)"),
    "economy": ("economie", "economy"),
    "import_risk": ("importrisico", "import risk"),
    "score": ("score", "score"),
    "cf_kg_cu_eq": ("karakterisatiefactor (kg Cu-eq/kg)", "characterisation factor (kg Cu-eq/kg)"),
    "price_usd_per_kg": ("prijs (USD/kg)", "price (USD/kg)"),
    "catchment": ("verzorgingsgebied", "catchment"),
    "title_nl": ("titel", "title"),
    "clause_id": ("clausule", "clause"),
    "lines": ("regels", "lines"),
    "rows": ("rijen", "rows"),
    "gross_imports_t": ("invoer (t)", "imports (t)"),
    "re_exported_t": ("wederuitvoer (t)", "re-exported (t)"),
    "retained_t": ("blijft in NL (t)", "retained (t)"),
    "retained_low_t": ("blijft, laag (t)", "retained, low (t)"),
    "retained_high_t": ("blijft, hoog (t)", "retained, high (t)"),
    "retained_share": ("deel dat blijft", "share retained"),
    "share_of_eu27_extra_imports": ("deel EU27-invoer via NL", "share of EU27 imports via NL"),
    "product_id": ("product", "product"),
    "flow": ("stroom", "flow"),
    "content": ("gehalte", "content"),
    "content_unit": ("eenheid gehalte", "content unit"),
    "content_low": ("gehalte laag", "content low"),
    "content_high": ("gehalte hoog", "content high"),
    "contained_t": ("in producten (t)", "contained (t)"),
    "contained_low_t": ("laag (t)", "low (t)"),
    "contained_high_t": ("hoog (t)", "high (t)"),
}


def column_label(column: str, lang: str) -> str:
    """Display name of a data column; unknown columns keep their name."""
    names = COLUMN_LABELS.get(column)
    if names is None:
        return column
    return names[0] if lang == "nl" else names[1]


class UnsupportedLanguageError(ValueError):
    """A requested language the CLI has no labels for (the message names the choices)."""


def normalise_language(value: str) -> str | None:
    """Language part of a locale name (``nl_NL``, ``nl-NL``, ``en_GB.UTF-8``, ``EN``), or None if unsupported."""
    part = value.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return part if part in LANGUAGES else None


def language(requested: str | None = None) -> str:
    """``requested`` (``--lang``), else ``$CRMRADAR_LANG``, else Dutch; locale names count by their language part."""
    source = "--lang" if requested else "CRMRADAR_LANG"
    value = requested or os.environ.get("CRMRADAR_LANG") or "nl"
    lang = normalise_language(value)
    if lang is None:
        raise UnsupportedLanguageError(
            f"{source}={value!r} is not supported; use nl (Nederlands, default) or en (English); "
            "locale names such as nl_NL or en_GB also work"
        )
    return lang


def label(key: str, lang: str) -> str:
    return LABELS[key][lang]
