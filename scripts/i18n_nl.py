"""Fill the Dutch catalogue of the web interface and compile both catalogues.

Workflow: ``django-admin makemessages -l nl -l en`` (in src/crmradar/web) → add new strings to
``NL`` below (or edit the .po directly) → ``python scripts/i18n_nl.py``. English is the source
language, so its catalogue only needs compiling. Requires ``polib`` (a dev tool, not a dependency).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n_catalogue import fill_and_compile  # noqa: E402 - the one catalogue filler

LOCALE = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "web" / "locale"

NL = {
    "Risk table": "Risicotabel",
    "Official EU 2023 values; SR and EI are dimensionless, EOL-RIR is a fraction.": "Officiële EU-waarden 2023; SR en EI zijn dimensieloos, EOL-RIR is een fractie.",
    "Material": "Grondstof",
    "CRMA": "CRMA",
    "strategic": "strategisch",
    "critical": "kritiek",
    "Critical Raw Materials Radar": "Kritieke Grondstoffen Radar",
    "Skip to main content": "Direct naar de inhoud",
    "Province of Zuid-Holland": "Provincie Zuid-Holland",
    "Language": "Taal",
    "Main": "Hoofdmenu",
    "Overview": "Overzicht",
    "Materials": "Grondstoffen",
    "Sources": "Bronnen",
    "Methodology": "Methode",
    "Data download": "Data downloaden",
    "Open source under EUPL-1.2": "Open source onder EUPL-1.2",
    "Every number cites its source": "Elk getal noemt zijn bron",
    "The complete knowledge base as a Frictionless data package (CSV with table schemas, units and sources) or as "
    "Parquet files.": "De volledige kennisbank als Frictionless-datapakket (CSV met tabelschema's, eenheden en "
    "bronnen) of als Parquet-bestanden.",
    "Data package (zip with datapackage.json and CSV)": "Datapakket (zip met datapackage.json en CSV)",
    "Parquet files (zip)": "Parquet-bestanden (zip)",
    "Tables": "Tabellen",
    "Tables of the knowledge base": "Tabellen van de kennisbank",
    "Table": "Tabel",
    "Rows": "Rijen",
    "Description": "Beschrijving",
    "CRMA status": "Status in de CRMA",
    "not listed": "niet opgenomen",
    "Group": "Groep",
    "On this page": "Op deze pagina",
    "Supply risk and economic importance": "Leveringsrisico en economisch belang",
    "Producers": "Producenten",
    "Concentration and the 65 %% cap": "Concentratie en de 65 %%-grens",
    "EU sourcing": "Herkomst EU-aanvoer",
    "Export controls": "Exportbeperkingen",
    "End uses and sectors": "Toepassingen en sectoren",
    "Supply risk and economic importance (official EU assessments)": "Leveringsrisico en economisch belang (officiële EU-beoordelingen)",
    "Line chart of SR and EI per assessment year; the table below holds the same values.": "Lijngrafiek van SR en EI per beoordelingsjaar; de tabel hieronder bevat dezelfde waarden.",
    "SR and EI per assessment year": "SR en EI per beoordelingsjaar",
    "Not assessed individually; see its group.": "Niet afzonderlijk beoordeeld; zie de groep.",
    "Producers by stage (share of global supply)": "Producenten per ketenfase (aandeel in het wereldaanbod)",
    "Bar chart of the largest producing countries per stage; the table below holds the same values.": "Staafdiagram van de grootste producerende landen per fase; de tabel hieronder bevat dezelfde waarden.",
    "World map of producer shares; the table below holds the same values.": "Wereldkaart van de productieaandelen; de tabel hieronder bevat dezelfde waarden.",
    "Largest producers (fraction of global supply)": "Grootste producenten (fractie van het wereldaanbod)",
    "World production, USGS Mineral Commodity Summaries 2026": "Wereldproductie, USGS Mineral Commodity Summaries 2026",
    "Concentration (HHI) and the CRMA 65 %% check": "Concentratie (HHI) en de CRMA-toets van 65 %%",
    "The CRMA asks that by 2030 no single third country supplies more than 65 %% of EU consumption of a strategic "
    "raw material at any stage; the NZIA resilience criterion applies above 50 %%.": "De CRMA vraagt dat in 2030 geen enkel derde land meer dan 65 %% van het EU-verbruik van een strategische "
    "grondstof levert, in welke fase dan ook; het weerbaarheidscriterium van de NZIA geldt boven 50 %%.",
    "HHI (0–1), top-3 share and largest third-country share per stage": "HHI (0–1), aandeel top-3 en aandeel van het grootste derde land per fase",
    "Where the EU sources it": "Waar de EU het vandaan haalt",
    "EU sourcing shares (fraction)": "Aandelen in de EU-aanvoer (fractie)",
    "No EU sourcing data published.": "Geen gegevens over de EU-aanvoer gepubliceerd.",
    "Timeline of export-control measures; the table below holds the same values.": "Tijdlijn van exportbeperkingen; de tabel hieronder bevat dezelfde waarden.",
    "Export-control measures affecting this material or its group": "Exportbeperkingen voor deze grondstof of haar groep",
    "No export controls recorded.": "Geen exportbeperkingen geregistreerd.",
    "Sankey diagram from the material to its applications and NACE sectors; the table below holds the same values.": "Sankeydiagram van de grondstof naar toepassingen en NACE-sectoren; de tabel hieronder bevat dezelfde waarden.",
    "End-use shares (fraction) and EU value added of the sector": "Aandelen per toepassing (fractie) en toegevoegde waarde van de sector in de EU",
    "All materials of the EU 2023 assessment and the CRMA annexes. Choose a material for its profile.": "Alle grondstoffen uit de EU-beoordeling 2023 en de bijlagen van de CRMA. Kies een grondstof voor het profiel.",
    "EU criticality (supply risk and economic importance)": "EU-kritikaliteit (leveringsrisico en economisch belang)",
    "critical if": "kritiek als",
    "European Commission (2017), Methodology for establishing the EU list of critical raw materials, "
    "doi:10.2873/769526; Blengini et al. (2017), EUR 28654, doi:10.2760/73303. Official values are always shown "
    "next to recomputed and regional ones.": "Europese Commissie (2017), Methodology for establishing the EU list of critical raw materials, "
    "doi:10.2873/769526; Blengini e.a. (2017), EUR 28654, doi:10.2760/73303. Officiële waarden staan altijd "
    "naast herberekende en regionale waarden.",
    "Gemechu et al. (2015); Santillán-Saldivar et al. (2022); Koyamparambath et al. (2024). Instability g from WGI "
    "Political Stability, rescaled to 0–1.": "Gemechu e.a. (2015); Santillán-Saldivar e.a. (2022); Koyamparambath e.a. (2024). Instabiliteit g uit de "
    "WGI-indicator Political Stability, herschaald naar 0–1.",
    "Concentration and policy thresholds": "Concentratie en beleidsdrempels",
    "HHI of producer shares per stage (0–1), top-3 share, the largest single third-country share against the CRMA "
    "cap of 65 %% (Regulation (EU) 2024/1252, Art. 5(1)(b)) and the NZIA resilience trigger above 50 %% "
    "(Regulation (EU) 2024/1735).": "HHI van de productieaandelen per fase (0–1), aandeel top-3, het grootste aandeel van één derde land "
    "tegenover de CRMA-grens van 65 %% (Verordening (EU) 2024/1252, art. 5, lid 1, onder b) en de "
    "weerbaarheidsdrempel van 50 %% uit de NZIA (Verordening (EU) 2024/1735).",
    "Stock-flow model": "Voorraad-stroommodel",
    "Discretisation as in flodym 1.1.0 / ODYM (Pauliuk & Heeren 2020, J. Ind. Ecol. 24(3)); Monte Carlo over "
    "deployment, material intensities, lifetimes, collection and recycling rates.": "Discretisatie zoals in flodym 1.1.0 / ODYM (Pauliuk & Heeren 2020, J. Ind. Ecol. 24(3)); Monte Carlo over "
    "uitrol, materiaalintensiteiten, levensduren, inzamel- en recyclingpercentages.",
    "Not found": "Niet gevonden",
    "Which critical raw materials matter, and how risky are they?": "Welke kritieke grondstoffen doen ertoe, en hoe groot is het risico?",
    "Supply risk and economic importance of the raw materials assessed by the European Commission, with their "
    "status under the Critical Raw Materials Act.": "Leveringsrisico en economisch belang van de grondstoffen die de Europese Commissie beoordeelde, met hun "
    "status onder de Critical Raw Materials Act (CRMA).",
    "Data as checked on": "Gegevens gecontroleerd op",
    "Key messages": "Kernboodschappen",
    "Risk matrix: economic importance × supply risk (EU 2023)": "Risicomatrix: economisch belang × leveringsrisico (EU 2023)",
    "Bubble chart of economic importance (horizontal) against supply risk (vertical); the data table below holds "
    "the same values.": "Bellendiagram van economisch belang (horizontaal) tegen leveringsrisico (verticaal); de "
    "tabel hieronder bevat dezelfde waarden.",
    "Critical if EI ≥ 2.8 and SR ≥ 1.0 (dashed lines). Source: European Commission (2023), Study on the critical "
    "raw materials for the EU.": "Kritiek als EI ≥ 2,8 en SR ≥ 1,0 (stippellijnen). Bron: Europese Commissie "
    "(2023), Study on the critical raw materials for the EU.",
    "Data table of the chart": "Gegevenstabel bij de grafiek",
    "Every number in crm-radar cites one of these publications. Estimates are marked as assumptions, with a range "
    "and a reason.": "Elk getal in crm-radar verwijst naar een van deze publicaties. Schattingen zijn gemarkeerd als "
    "aanname, met bandbreedte en reden.",
    "Publisher": "Uitgever",
    "Title": "Titel",
    "Year": "Jaar",
    "Licence": "Licentie",
    "yes": "ja",
    "no": "nee",
    "The Critical Raw Materials Act lists %(critical)d critical and %(strategic)d strategic raw materials.": "De Critical Raw Materials Act noemt %(critical)d kritieke en %(strategic)d strategische grondstoffen.",
    "Highest supply risk in the EU 2023 assessment: %(names)s.": "Hoogste leveringsrisico in de EU-beoordeling van 2023: %(names)s.",
    "Strategic although below the criticality thresholds: %(names)s.": "Strategisch, hoewel onder de drempels voor kritikaliteit: %(names)s.",
    "Unknown table": "Onbekende tabel",
    "Unknown format": "Onbekend formaat",
    "Scenario %(s)s, %(d)s Monte Carlo draws, tonnes per year.": "Scenario %(s)s, %(d)s Monte Carlo-trekkingen, ton per jaar.",
    "Download all results (CSV)": "Alle resultaten downloaden (CSV)",
    "Demand, end-of-life content and recoverable material (t/yr): median [P5–P95]": "Vraag, materiaal aan het einde van de levensduur en terugwinbaar materiaal (t/jaar): mediaan [P5–P95]",
    "Quantity": "Grootheid",
    "Median": "Mediaan",
    "Assumptions of the model": "Aannames van het model",
    "The computation failed:": "De berekening is mislukt:",
    "Computing the Monte Carlo simulation…": "De Monte Carlo-simulatie wordt berekend…",
    "Energy transition": "Energietransitie",
    "CRMA benchmarks": "CRMA-benchmarks",
    "Procurement scan": "Inkoopscan",
    "CRMA benchmarks: EU capacity against the 2030 targets": "CRMA-benchmarks: EU-capaciteit tegenover de doelen voor 2030",
    "By 2030 EU capacity should cover at least 10 %% (extraction), 40 %% (processing) and 25 %% (recycling) of annual EU consumption of each strategic raw material, and no third country should supply more than 65 %% (Regulation (EU) 2024/1252, Art. 5). The example portfolio adds illustrative regional projects.": "In 2030 moet de EU-capaciteit minstens 10 %% (winning), 40 %% (verwerking) en 25 %% (recycling) van het jaarlijkse EU-verbruik van elke strategische grondstof dekken, en mag geen derde land meer dan 65 %% leveren (Verordening (EU) 2024/1252, art. 5). Het voorbeeldportfolio voegt illustratieve regionale projecten toe.",
    "Portfolio": "Portfolio",
    "Current EU capacity only": "Alleen de huidige EU-capaciteit",
    "With the example Zuid-Holland portfolio (illustrative)": "Met het voorbeeldportfolio Zuid-Holland (illustratief)",
    "Show": "Tonen",
    "Shares are fractions of EU consumption; the largest third-country share is at the EU-sourcing level.": "Aandelen zijn fracties van het EU-verbruik; het grootste aandeel van een derde land geldt voor de EU-aanvoer.",
    "Energy transition Zuid-Holland: raw materials in and out": "Energietransitie Zuid-Holland: grondstoffen erin en eruit",
    "How much of each critical raw material the region's solar panels, wind turbines, electric vehicles, batteries, electrolysers, heat pumps and electronics need each year, and how much returns at end of life. Median with the 5–95 %% Monte Carlo band.": "Hoeveel van elke kritieke grondstof de zonnepanelen, windturbines, elektrische voertuigen, batterijen, elektrolysers, warmtepompen en elektronica in de regio elk jaar nodig hebben, en hoeveel er aan het einde van de levensduur terugkomt. Mediaan met de Monte Carlo-band van 5–95 %%.",
    "Scenario": "Scenario",
    "Loading…": "Laden…",
    "Procurement scan: critical raw materials in what we buy": "Inkoopscan: kritieke grondstoffen in wat we kopen",
    "Upload a purchase list (CSV or XLSX with the columns cpv, description, quantity, unit and optionally value_eur and year). You get the critical raw material content, the supply risk, the NZIA flag and the tender clauses to use.": "Upload een inkooplijst (CSV of XLSX met de kolommen cpv, description, quantity, unit en eventueel value_eur en year). U krijgt de hoeveelheid kritieke grondstoffen, het leveringsrisico, de NZIA-vlag en de aanbestedingsclausules om te gebruiken.",
    "Download the illustrative example list": "De illustratieve voorbeeldlijst downloaden",
    "Purchase list (max. MB)": "Inkooplijst (max. MB)",
    "Scan": "Scannen",
    "Scan the example list": "De voorbeeldlijst scannen",
    "Result": "Resultaat",
    "Rows read / scanned / skipped": "Rijen gelezen / gescand / overgeslagen",
    "CRM content (kg, range)": "Kritieke grondstoffen (kg, bandbreedte)",
    "Top CRMs by risk-weighted content": "Belangrijkste grondstoffen naar risicogewogen hoeveelheid",
    "Lines with the NZIA resilience flag": "Regels met de NZIA-weerbaarheidsvlag",
    "Download the report (XLSX)": "Het rapport downloaden (XLSX)",
    "Critical raw materials in the purchases (kg), ranked by supply-risk-weighted content": "Kritieke grondstoffen in de inkoop (kg), gerangschikt naar risicogewogen hoeveelheid",
    "Recommended tender clauses": "Aanbevolen aanbestedingsclausules",
    "Problems found (row, column)": "Gevonden problemen (rij, kolom)",
    "row": "rij",
    "No demand for this material in the model": "Geen vraag naar deze grondstof in het model",
    "The computation is still running; try again in a moment.": "De berekening loopt nog; probeer het zo opnieuw.",
    "Choose a CSV or XLSX file first.": "Kies eerst een CSV- of XLSX-bestand.",
    "The file is larger than %(mb)s MB.": "Het bestand is groter dan %(mb)s MB.",
    "Only .csv and .xlsx files can be scanned.": "Alleen .csv- en .xlsx-bestanden kunnen worden gescand.",
    "Line chart of demand and recoverable end-of-life material with 5–95 %% bands; the table below holds the values.": "Lijngrafiek van vraag en terugwinbaar materiaal aan het einde van de levensduur met banden van 5–95 %%; de tabel hieronder bevat de waarden.",
    "Bar chart of median demand per technology in 2030, 2040 and 2050; the table below holds the values.": "Staafdiagram van de mediane vraag per technologie in 2030, 2040 en 2050; de tabel hieronder bevat de waarden.",
    "Bar chart of EU capacity shares per strategic raw material and stage against the benchmarks; the table below holds the values.": "Staafdiagram van de EU-capaciteitsaandelen per strategische grondstof en fase tegenover de benchmarks; de tabel hieronder bevat de waarden.",
    "Energy transition Zuid-Holland": "Energietransitie Zuid-Holland",
    "Report not found": "Rapport niet gevonden",
    "Unknown scenario": "Onbekend scenario",
    "Median [P5–P95] per shock; supply rows are the share of annual supply lost while the shock bites, the other rows totals over the shock's years.":
        'Mediaan [P5–P95] per schok; de aanvoerrijen geven het aandeel van de jaarlijkse aanvoer dat wegvalt zolang de schok duurt, de andere rijen totalen over de jaren van de schok.',
    'Item':
        'Onderdeel',
    'Unit':
        'Eenheid',
    'Section':
        'Deel',
    'Shocks':
        'Schokken',
    'Shock simulator':
        'Schoksimulator',
    'Shock simulator: what would an export ban do to Zuid-Holland?':
        'Schoksimulator: wat doet een exportverbod met Zuid-Holland?',
    'Replay a measure from the export-control register, or compare two side by side: EU and Dutch supply shortfall, the Zuid-Holland deployment at risk and the value added exposed, with 5–95 %% Monte Carlo intervals. Custom shocks: use the command crmradar shock.':
        'Speel een maatregel uit het register van exportbeperkingen opnieuw af, of vergelijk er twee naast elkaar: het aanvoertekort in de EU en Nederland, de uitrol in Zuid-Holland die gevaar loopt en de blootgestelde toegevoegde waarde, met Monte Carlo-intervallen van 5–95 %%. Eigen schokken: gebruik de opdracht crmradar shock.',
    'Measure A':
        'Maatregel A',
    'Measure B (optional)':
        'Maatregel B (optioneel)',
    'Assumptions of the shock':
        'Aannames van de schok',
    'Unknown measure':
        'Onbekende maatregel',
    'Change against the baseline: median [P5–P95]':
        'Verandering ten opzichte van de basis: mediaan [P5–P95]',
    'Indicator':
        'Indicator',
    'Baseline':
        'Basis',
    'Change':
        'Verandering',
    'Supply-risk-weighted demand in %(year)s, all materials: change per lever (median, %(draws)s draws) and at the ends of its range':
        'Leveringsrisicogewogen vraag in %(year)s, alle grondstoffen: verandering per hefboom (mediaan, %(draws)s trekkingen) en aan de uiteinden van de bandbreedte',
    'Rank':
        'Rang',
    'Lever':
        'Hefboom',
    'Low end':
        'Lage kant',
    'High end':
        'Hoge kant',
    "Year the median feedstock reaches a plant's minimum efficient scale (low, central, high scale), capacity and gap (t/yr)":
        'Jaar waarin de mediane aanvoer de minimale efficiënte schaal van een fabriek bereikt (lage, centrale, hoge schaal), capaciteit en tekort (t/jaar)',
    'Levers':
        'Hefbomen',
    'Recycling':
        'Recycling',
    'Policy levers':
        'Beleidshefbomen',
    'Policy levers: what helps most?':
        'Beleidshefbomen: wat helpt het meest?',
    'Choose a lever and its strength: the change against the baseline (scenario targets) in primary demand and supply-risk-weighted demand, with 5–95 %% Monte Carlo intervals from paired runs.':
        'Kies een hefboom en de sterkte: de verandering ten opzichte van de basis (scenario targets) in primaire vraag en leveringsrisicogewogen vraag, met Monte Carlo-intervallen van 5–95 %% uit gepaarde runs.',
    'Strength (0–1)':
        'Sterkte (0–1)',
    'Ranking of all levers (tornado)':
        'Rangorde van alle hefbomen (tornado)',
    'Recycling vs capacity':
        'Recycling tegenover capaciteit',
    'Urban mine vs recycling capacity':
        'Urban mine tegenover recyclingcapaciteit',
    'End-of-life batteries, PV modules, magnets and electronics from the Zuid-Holland energy transition, scaled to larger catchments by population, against the capacity of existing recycling plants. The table shows the year the median feedstock reaches the minimum efficient scale of a new plant.':
        'Afgedankte batterijen, zonnepanelen, magneten en elektronica uit de Zuid-Hollandse energietransitie, naar bevolking opgeschaald naar grotere verzorgingsgebieden, tegenover de capaciteit van bestaande recyclingfabrieken. De tabel toont het jaar waarin de mediane aanvoer de minimale efficiënte schaal van een nieuwe fabriek bereikt.',
    'Catchment':
        'Verzorgingsgebied',
    'Strength must be a number':
        'De sterkte moet een getal zijn',
    "Strength outside the lever's bounds":
        'Sterkte buiten de grenzen van de hefboom',
    'Line chart of the change in primary demand with its 5–95 %% interval; the table below holds the values.':
        'Lijngrafiek van de verandering in primaire vraag met het interval van 5–95 %%; de tabel hieronder bevat de waarden.',
    'Tornado chart of the change in supply-risk-weighted demand per lever at the low and high end of its range; the table below holds the values.':
        'Tornadodiagram van de verandering in leveringsrisicogewogen vraag per hefboom aan de lage en hoge kant van de bandbreedte; de tabel hieronder bevat de waarden.',
    'Line chart of end-of-life feedstock per stream with 5–95 %% bands against existing capacity; the table below holds the values.':
        'Lijngrafiek van de aanvoer aan het einde van de levensduur per stroom met banden van 5–95 %% tegenover de bestaande capaciteit; de tabel hieronder bevat de waarden.',
    'Unknown lever':
        'Onbekende hefboom',
    'Unknown catchment':
        'Onbekend verzorgingsgebied',
    'Zuid-Holland demand and end of life':
        'Vraag en einde levensduur in Zuid-Holland',
    'Risk views: official, recomputed, Zuid-Holland and import partners':
        'Risicobeelden: officieel, herberekend, Zuid-Holland en importpartners',
    'Official and recomputed SR/EI, Monte Carlo probability of being critical, Zuid-Holland economic importance and GeoPolRisk of Dutch and EU imports':
        'Officiële en herberekende SR/EI, Monte Carlo-kans op kritikaliteit, economisch belang voor Zuid-Holland en GeoPolRisk van de Nederlandse en EU-import',
    'Zuid-Holland demand and end of life (scenario targets)':
        'Vraag en einde levensduur in Zuid-Holland (scenario targets)',
    'Risk views':
        'Risicobeelden',
    'Zuid-Holland':
        'Zuid-Holland',
    'Download (CSV)':
        'Downloaden (CSV)',
    'In brief':
        'In het kort',
    'Critical raw materials and Zuid-Holland, in brief':
        'Kritieke grondstoffen en Zuid-Holland, in het kort',
    'Solar panels, wind turbines, electric cars, batteries and electronics need metals and minerals that Europe mostly imports. Some come almost entirely from one country. This site shows which raw materials matter for Zuid-Holland, how risky their supply is and what the province and its partners can do.':
        "Zonnepanelen, windturbines, elektrische auto's, batterijen en elektronica hebben metalen en mineralen nodig die Europa grotendeels invoert. Sommige komen bijna helemaal uit één land. Deze site laat zien welke grondstoffen belangrijk zijn voor Zuid-Holland, hoe riskant de aanvoer is en wat de provincie en haar partners kunnen doen.",
    'What we see':
        'Wat we zien',
    'The European Union calls %(c)s raw materials critical; %(s)s of them are strategic for the energy transition, defence and digital technology.':
        'De Europese Unie noemt %(c)s grondstoffen kritiek; %(s)s daarvan zijn strategisch voor de energietransitie, defensie en digitale technologie.',
    "For %(n)s of the %(total)s critical raw materials with published processing data, China refines more than half of the world's supply.":
        'Van %(n)s van de %(total)s kritieke grondstoffen met gepubliceerde gegevens over verwerking raffineert China meer dan de helft van het wereldaanbod.',
    'China has announced %(n)s export controls on raw materials since %(y)s; %(a)s measures in our register are in force today.':
        'China heeft sinds %(y)s %(n)s exportbeperkingen op grondstoffen aangekondigd; %(a)s maatregelen in ons register gelden nu.',
    'The energy transition in Zuid-Holland will need much more lithium, cobalt, nickel, graphite and rare earths each year; the old batteries and solar panels that come back later are a new source of raw materials for recycling in the Rotterdam port.':
        'De energietransitie in Zuid-Holland vraagt elk jaar veel meer lithium, kobalt, nikkel, grafiet en zeldzame aardmetalen; de oude batterijen en zonnepanelen die later terugkomen zijn een nieuwe bron van grondstoffen voor recycling in de Rotterdamse haven.',
    'What can be done':
        'Wat er kan',
    'Use less and use longer: fewer and longer-lasting products, repair and reuse.':
        'Minder gebruiken en langer gebruiken: minder en duurzamere producten, repareren en hergebruiken.',
    'Compare the levers':
        'Vergelijk de hefbomen',
    'Recover raw materials from end-of-life products in new recycling chains.':
        'Grondstoffen terugwinnen uit afgedankte producten in nieuwe recyclingketens.',
    'When is there enough for a plant?':
        'Wanneer is er genoeg voor een fabriek?',
    'Buy smarter: the province can ask for recycled content, take-back and repair in its tenders.':
        'Slimmer inkopen: de provincie kan in aanbestedingen vragen om gerecycled materiaal, terugname en reparatie.',
    'Prepare for supply shocks such as export bans.':
        'Voorbereid zijn op aanvoerschokken zoals exportverboden.',
    'Play out a shock':
        'Speel een schok na',
    'Scan a purchase list':
        'Scan een inkooplijst',
    'Every number on this site refers to one of %(n)s public sources; estimates are marked with a range and a reason.':
        'Elk getal op deze site verwijst naar een van %(n)s openbare bronnen; schattingen zijn gemarkeerd met een bandbreedte en een reden.',
    'Governance: mean of the six World Bank WGI indicators, data year %(year)s. Reproduction of the 2023 study from this data package: supply risk within 0.1 for %(sr_within)s of %(sr_scored)s materials, economic importance within 0.3 for %(ei_within)s of %(ei_scored)s. Every difference is explained in docs/validation.md of the source code.':
        'Bestuurskwaliteit: gemiddelde van de zes WGI-indicatoren van de Wereldbank, gegevensjaar %(year)s. Reproductie van de studie uit 2023 met dit datapakket: leveringsrisico binnen 0,1 voor %(sr_within)s van %(sr_scored)s grondstoffen, economisch belang binnen 0,3 voor %(ei_within)s van %(ei_scored)s. Elk verschil wordt verklaard in docs/validation.md van de broncode.',
}
NL_PLURAL = {"%(n)s source": ("%(n)s bron", "%(n)s bronnen"),
             "Applies to row %(rows)s.": ("Geldt voor regel %(rows)s.", "Geldt voor %(n)s regels: %(rows)s.")}
from i18n_nl_compare import NL_COMPARE, NL_COMPARE_PLURAL  # noqa: E402 - compare page, XLSX, custom runs
from i18n_nl_jobs import NL_JOBS, NL_JOBS_PLURAL  # noqa: E402 - task queue panels (issue 16)
from i18n_nl_pages import NL_PAGES, NL_PAGES_PLURAL  # noqa: E402 - issue 13 strings live in their own module

NL.update(NL_PAGES)
NL.update(NL_COMPARE)
NL_PLURAL.update(NL_COMPARE_PLURAL)
NL_PLURAL.update(NL_PAGES_PLURAL)
NL.update(NL_JOBS)
NL_PLURAL.update(NL_JOBS_PLURAL)
from i18n_nl_map import NL_MAP, NL_MAP_PLURAL  # noqa: E402 - map page (issue 12)

NL.update(NL_MAP)
NL_PLURAL.update(NL_MAP_PLURAL)
from i18n_nl_opportunities import NL_OPPORTUNITIES_WEB  # noqa: E402 - CRMA page: converted capacities (issue 12)

NL.update(NL_OPPORTUNITIES_WEB)

from i18n_nl_documents import NL_DOCUMENTS, NL_DOCUMENTS_PLURAL  # noqa: E402 - documents page (issue 15)

for _key, _text in NL_DOCUMENTS.items():  # existing translations win
    NL.setdefault(_key, _text)
NL_PLURAL.update(NL_DOCUMENTS_PLURAL)

from i18n_nl_search import NL_SEARCH, NL_SEARCH_PLURAL  # noqa: E402 - site search and page table (issue 13)

for _key, _text in NL_SEARCH.items():  # existing translations win
    NL.setdefault(_key, _text)
NL_PLURAL.update(NL_SEARCH_PLURAL)

from i18n_nl_methods import NL_METHODS  # noqa: E402 - methods page: levers, recycling, shocks, procurement

NL.update(NL_METHODS)


def main() -> int:
    return fill_and_compile(LOCALE, NL, NL_PLURAL)


if __name__ == "__main__":
    raise SystemExit(main())
