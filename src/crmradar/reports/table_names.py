"""Dutch descriptions of the data package's tables for the data page (English: the package's own text)."""

from __future__ import annotations

TABLES_NL: dict[str, str] = {
    "catchment_population": "Inwoners van Zuid-Holland en van de grotere verzorgingsgebieden voor recycling"
                            " (NL, BE, NRW).",
    "countries": "Landen (ISO 3166-1) met Nederlandse namen, EU-lidmaatschap en EU-handelsakkoorden.",
    "cpv_codes": "De CPV-codes (inkoopvocabulaire) die de inkoopscan kent.",
    "criticality_inputs": "Invoer per grondstof en ketenfase voor de EU-methode voor kritikaliteit (2017), zoals in de "
                          "studie van 2023.",
    "criticality_official": "Officieel leveringsrisico en economisch belang per grondstof en beoordelingsjaar "
                            "(EU-studies 2011–2023).",
    "crma_annex_entries": "De bijlagen van de CRMA: 17 strategische (bijlage I) en 34 kritieke"
                          " grondstoffen (bijlage II).",
    "crma_benchmarks": "De CRMA-doelen voor 2030: EU-capaciteit voor winning, verwerking en recycling en de grens van "
                       "65 % per derde land.",
    "crma_consumption_capacity": "Per strategische grondstof het jaarlijkse EU-verbruik en de huidige EU-capaciteit.",
    "deployment_history": "Geïnstalleerd vermogen, aantallen en registraties per technologie in Zuid-Holland.",
    "end_uses": "Toepassingen per grondstof in de EU, met sector (NACE) en de toegevoegde waarde van die sector.",
    "export_restrictions": "Register van exportbeperkingen (vergunningplicht, verboden, quota) van"
                           " producerende landen.",
    "governance": "Bestuursindicatoren van de Wereldbank (WGI) per land en jaar.",
    "hs_material_map": "Koppeling van handelscodes (HS) aan grondstoffen voor de handelsstromen.",
    "lifetimes": "Levensduur van producten per technologie en bouwjaar (verdeling en parameters).",
    "material_intensities": "Kilogram grondstof per eenheid technologie (MW, kWh, stuk), met bandbreedte.",
    "material_prices": "Prijzen van kritieke grondstoffen met basis, periode en bron.",
    "materials": "Alle grondstoffen uit de EU-studie van 2023 en de CRMA-bijlagen, met Nederlandse namen.",
    "nace_sectors": "Bedrijfstakken (NACE/SBI) met Nederlandse namen en toegevoegde waarde in de EU.",
    "nuts_correspondence": "Regiocodes: Zuid-Holland is NL36 sinds NUTS 2024 (eerder NL33).",
    "plant_scale": "Minimale omvang waarboven een recyclingfabriek rendabel is (t/jaar invoer), met bandbreedte.",
    "product_archetype_contents": "Grondstoffen per typisch product voor de inkoopscan, met bandbreedte.",
    "product_archetypes": "Eén typisch product per CPV-code dat een provincie inkoopt.",
    "product_masses": "Omrekening van eenheden einde levensduur (kWh batterij, MW zonnepanelen) naar tonnen.",
    "production": "Productie, capaciteit en reserves per land (USGS Mineral Commodity Summaries).",
    "recovery_rates": "Inzamelpercentages per product en recyclingrendement per grondstof: gemeten, wettelijk doel "
                      "of schatting.",
    "recycling_facilities": "Register van recyclingfabrieken voor batterijen, zonnepanelen, magneten en e-waste.",
    "regional_crm_users": "Elektrolyseprojecten in de Rotterdamse haven met capaciteit, status en startjaar.",
    "regional_projects": "Bestaande projecten met bron: batterijrecycling van SK tes in de Rotterdamse haven, de "
                         "e-wasteverwerker Coolrec in Dordrecht en de elektrolyseprojecten op de Maasvlakte.",
    "regional_value_added": "Regionale toegevoegde waarde per bedrijfstak voor het regionale economisch belang.",
    "sources": "Alle geciteerde publicaties; elke andere tabel verwijst ernaar.",
    "supply_shares": "Aandelen van landen in het wereldaanbod en in de EU-aanvoer per grondstof en ketenfase.",
    "technologies": "Technologieën van de energietransitie in Zuid-Holland en hun onderdelen.",
    "technology_shares": "Aandelen van celtypen, generatortypen, batterijchemieën en motortypen"
                         " in nieuwe installaties.",
    "tender_clauses": "Bepalingen voor aanbestedingen die het grondstoffenrisico verkleinen, in het"
                      " Nederlands en Engels.",
    "trade_flows": "Invoer van de EU27 en uitvoer van Nederland per grondstof, 2019–2024.",
    "trade_partner_codes": "Handelspartnercodes naast ISO-landcodes en hoe ze worden gelezen.",
    "policy_frameworks": "Beleidskaders met hun doelen en mijlpalen: CRMA, RESourceEU, de Nationale "
                         "Grondstoffenstrategie, het Nationaal Programma Circulaire Economie en de beleidsverkenning "
                         "kritieke grondstoffen van de provincie (2026), in het Engels en het Nederlands.",
    "product_crm_contents": "Gehalte aan kritieke grondstoffen per ton product (per MW voor windturbines), afgeleid "
                            "uit geciteerde cijfers, met formule per regel.",
    "product_trade": "Alleen geciteerde hoeveelheden: zonnepanelen op de Nederlandse markt 1990–2021 (CBS/UNU); "
                     "eigen handelsgegevens per HS-code leest crmradar transit --products-file.",
    "region_boundaries": "Vereenvoudigde grenzen van de zes COROP-gebieden van Zuid-Holland (CBS/PDOK 2024) en van "
                         "de verzorgingsgebieden voor recycling (Eurostat GISCO NUTS 2024).",
}


def description(name: str, english: str, lang: str) -> tuple[str, bool]:
    """The table's description in the page language and whether it is the package's English text (a table
    added to the package after this list falls back to English, marked as such on the page)."""
    if lang == "nl" and name in TABLES_NL:
        return TABLES_NL[name], False
    return english, True
