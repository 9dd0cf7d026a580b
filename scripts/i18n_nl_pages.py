"""Dutch translations of the web strings added for issue 13 (usability review); merged into i18n_nl.NL."""

from __future__ import annotations

NL_PAGES = {
    # CRMA page with the project pipeline (issue 12, item 2)
    "stage %(stage)s comes before financing": "fase %(stage)s komt vóór financiering",
    "no capacity published": "geen capaciteit gepubliceerd",
    "%(tonnes)s t/yr of %(what)s is gross input or not a strategic raw material: not counted":
        "%(tonnes)s t/jaar %(what)s is bruto invoer of geen strategische grondstof: niet meegeteld",
    "With the project pipeline (cited projects, stage financing or later)":
        "Met de projectenpijplijn (projecten met bron, fase financiering of later)",
    "The shares after the pipeline count the cited projects of the data package at stage financing or later with "
    "a capacity in tonnes of contained strategic raw material. Projects not counted, and why:":
        "De aandelen na de pijplijn tellen de projecten met bron uit het datapakket in de fase financiering of "
        "later die een capaciteit in ton strategische grondstof hebben. Niet meegetelde projecten, en waarom:",
    "How much each project moves its benchmark and the 65 %% cap":
        "Hoeveel elk project zijn benchmark en de 65 %%-grens verschuift",
    "Share added = capacity / EU consumption; gap closed = share added / (benchmark − current share); the largest "
    "third country's share with the project alone (processing stage for processing and recycling capacity).":
        "Aandeel erbij = capaciteit / EU-verbruik; deel van het tekort gedicht = aandeel erbij / (benchmark − "
        "huidig aandeel); het aandeel van het grootste derde land met alleen dit project (verwerkingsschakel voor "
        "verwerkings- en recyclingcapaciteit).",
    "No project in the pipeline has a published capacity in tonnes of contained strategic raw material yet, so "
    "the shares are those of current EU capacity.":
        "Nog geen project in de pijplijn heeft een gepubliceerde capaciteit in ton strategische grondstof; de "
        "aandelen zijn dus die van de huidige EU-capaciteit.",
    "Log in": "Inloggen",
    "Workspace": "Werkruimte",
    "Choose a lever from the list.": "Kies een hefboom uit de lijst.",
    "Choose a material from the list.": "Kies een grondstof uit de lijst.",
    "The strength must be a number, for example %(example)s.": "De sterkte moet een getal zijn, bijvoorbeeld %(example)s.",
    "The strength must lie between %(low)s and %(high)s.": "De sterkte moet tussen %(low)s en %(high)s liggen.",
    "Change in primary demand for %(material)s, %(lever)s at strength %(strength)s":
        "Verandering in de primaire vraag naar %(material)s: %(lever)s, sterkte %(strength)s",
    "Plausible range %(low)s to %(high)s; central %(central)s.":
        "Aannemelijk bereik %(low)s tot %(high)s; centrale waarde %(central)s.",
    "Correct the input above; no result is shown for an invalid choice.":
        "Verbeter de invoer hierboven; bij een ongeldige keuze tonen we geen resultaat.",
    "No result: correct the input.": "Geen resultaat: verbeter de invoer.",
    "Change against the baseline: median (P5 to P95)": "Verandering ten opzichte van het basispad: mediaan (P5 tot P95)",
    "all materials": "alle grondstoffen",
    "Change in supply-risk-weighted demand in %(year)s per lever (t/yr × SR)":
        "Verandering in de vraag gewogen met het leveringsrisico in %(year)s per hefboom (t/jaar × SR)",
    "What does this mean? The longer the bar, the more a lever lowers the demand for raw materials weighted by "
    "their supply risk; the two ends show the lever at the low and high end of its plausible range.":
        "Wat betekent dit? Hoe langer de balk, hoe meer een hefboom de vraag naar grondstoffen verlaagt, gewogen "
        "met hun leveringsrisico; de twee uiteinden tonen de hefboom aan de lage en de hoge kant van het "
        "aannemelijke bereik.",
}

NL_PAGES.update({
    "%(m)s: demand, end of life and recoverable in Zuid-Holland (t/yr), scenario %(s)s":
        "%(m)s: vraag, einde levensduur en terugwinbaar in Zuid-Holland (t/jaar), scenario %(s)s",
    "What does this mean? The line is the median of the simulation, the shaded band the range in which 90 %% of the "
    "outcomes fall. Material that reaches end of life can only partly be recovered: the green line shows what "
    "today's collection and recycling rates would return.":
        "Wat betekent dit? De lijn is de mediaan van de simulatie, de gekleurde band het bereik waarin 90 %% van de "
        "uitkomsten valt. Materiaal aan het einde van de levensduur is maar deels terug te winnen: de groene lijn "
        "toont wat de huidige inzamel- en recyclingpercentages zouden opleveren.",
    "%(m)s: median demand per technology in 2030, 2040 and 2050 (t/yr)":
        "%(m)s: mediane vraag per technologie in 2030, 2040 en 2050 (t/jaar)",
    "Demand, end-of-life content and recoverable material (t/yr): median, P5 and P95":
        "Vraag, materiaal aan het einde van de levensduur en terugwinbaar materiaal (t/jaar): mediaan, P5 en P95",
    "Model years start in 1990, so that products installed before the scenario's first year leave use at the right "
    "time; before the first scenario year the installed base follows the region's recorded history, or grows "
    "linearly from zero over ten years where there is none.":
        "De modeljaren beginnen in 1990, zodat producten die vóór het eerste scenariojaar zijn geïnstalleerd op het "
        "juiste moment uit gebruik gaan; vóór het eerste scenariojaar volgt het opgestelde vermogen de geregistreerde "
        "historie van de regio, of groeit het lineair vanaf nul in tien jaar als die er niet is.",
    "Technology shares and material contents per product are interpolated linearly between their years and held "
    "constant outside them.":
        "Aandelen van technologieën en grondstofgehalten per product worden lineair geïnterpoleerd tussen hun jaren "
        "en daarbuiten constant gehouden.",
    "Lifetimes follow the product's year of installation; their low and high values set the uncertainty.":
        "De levensduur hangt af van het jaar van installatie; de lage en hoge waarde bepalen de onzekerheid.",
    "Collection and recycling rates: observed rates and estimates come first; legal targets are used, as if met "
    "from their year, only where nothing else is known. A material without a documented recovery route is not "
    "recycled (efficiency 0).":
        "Inzamel- en recyclingpercentages: gemeten waarden en schattingen gaan voor; wettelijke doelen gebruiken we "
        "(alsof ze vanaf hun jaar gehaald worden) alleen als er niets anders bekend is. Een grondstof zonder "
        "beschreven terugwinroute wordt niet gerecycled (rendement 0).",
    "No collection rate in the data, so 0 assumed for:": "Geen inzamelpercentage in de gegevens, dus 0 aangenomen voor:",
    "End-of-life feedstock per stream in %(c)s against existing recycling capacity (t/yr, logarithmic scale), "
    "scenario %(s)s":
        "Afgedankt materiaal per stroom in %(c)s tegenover de bestaande recyclingcapaciteit (t/jaar, logaritmische "
        "schaal), scenario %(s)s",
    "The vertical axis is logarithmic, so small streams such as magnets stay visible next to large ones; each step "
    "is ten times more. Dotted lines: capacity of existing plants.":
        "De verticale as is logaritmisch, zodat kleine stromen zoals magneten zichtbaar blijven naast grote; elke "
        "stap is tien keer zoveel. Stippellijnen: capaciteit van bestaande fabrieken.",
    "What does this mean? A new recycling plant pays off only above a minimum size. The table shows the year in "
    "which the median amount of end-of-life material in the catchment reaches that size; before then the material "
    "has to go to plants elsewhere.":
        "Wat betekent dit? Een nieuwe recyclingfabriek is pas rendabel boven een minimale omvang. De tabel toont het "
        "jaar waarin de mediane hoeveelheid afgedankt materiaal in het gebied die omvang bereikt; tot die tijd moet "
        "het materiaal naar fabrieken elders.",
    "When the feedstock in %(c)s reaches a plant's minimum efficient scale":
        "Wanneer het afgedankte materiaal in %(c)s de minimale omvang van een fabriek bereikt",
    "Stream": "Stroom", "Type of plant": "Soort fabriek", "Minimum scale (t/yr), range": "Minimale omvang (t/jaar), bereik",
    "Year reached (median)": "Jaar bereikt (mediaan)", "Year, P5 – P95": "Jaar, P5 – P95",
    "Existing capacity (t/yr)": "Bestaande capaciteit (t/jaar)", "Feedstock %(last)s (t/yr)": "Aanbod %(last)s (t/jaar)",
    "Gap %(last)s (t/yr)": "Tekort %(last)s (t/jaar)",
    "Value recovered %(last)s (USD million)": "Waarde teruggewonnen %(last)s (mln USD)",
    "All columns (JSON)": "Alle kolommen (JSON)",
    "Official EU 2023 values; SR and EI are dimensionless scores, EOL-RIR is the share of recycled input.":
        "Officiële EU-waarden 2023; SR en EI zijn scores zonder eenheid, EOL-RIR is het aandeel gerecyclede invoer.",
    "What does this mean? The supply rows give the share of annual supply lost while the shock bites; the other "
    "rows add up the shock's years. Each value is the median with, in brackets, the range in which 90 %% of the "
    "Monte Carlo outcomes fall (P5 to P95). Value added exposed is an exposure indicator, not a loss of GDP.":
        "Wat betekent dit? De aanvoerregels geven het deel van de jaarlijkse aanvoer dat wegvalt zolang de schok "
        "duurt; de andere regels tellen de jaren van de schok op. Elke waarde is de mediaan met tussen haakjes het "
        "bereik waarin 90 %% van de Monte Carlo-uitkomsten valt (P5 tot P95). Blootgestelde toegevoegde waarde is "
        "een maat voor blootstelling, geen verlies aan bbp.",
    "Effect of the chosen export controls: median (P5 to P95)":
        "Effect van de gekozen exportbeperkingen: mediaan (P5 tot P95)",
    "Share of exports cut per type of measure (triangular distribution: lowest, most likely, highest)":
        "Deel van de export dat wegvalt per soort maatregel (driehoeksverdeling: laagste, meest waarschijnlijke, "
        "hoogste waarde)",
    "Type of measure": "Soort maatregel", "Range": "Bereik", "Most likely": "Meest waarschijnlijk",
    "All assumptions with their sources are in the download of the API (JSON).":
        "Alle aannames met hun bronnen staan in de download van de API (JSON).",
    "Menu": "Menu", "Glossary": "Begrippen",
    "By 2030 EU capacity should cover at least 10 %% (extraction), 40 %% (processing) and 25 %% (recycling) of annual "
    "EU consumption of each strategic raw material, and no third country should supply more than 65 %% "
    "(Regulation (EU) 2024/1252, Art. 5).":
        "In 2030 moet de EU-capaciteit minstens 10 %% (winning), 40 %% (verwerking) en 25 %% (recycling) van het "
        "jaarlijkse EU-verbruik van elke strategische grondstof dekken, en mag geen derde land meer dan 65 %% "
        "leveren (Verordening (EU) 2024/1252, art. 5).",
    "Illustrative example.": "Illustratief voorbeeld.",
    "The shares after the portfolio include an example set of Zuid-Holland projects: one operating battery recycling "
    "plant in the Rotterdam port, with metal contents that are our rough estimates, and hypothetical refining, "
    "magnet recycling and gallium recovery projects. They show how regional projects would move the EU towards the "
    "benchmarks; they are not plans of the province. Choose “Current EU capacity only” for the situation without "
    "them.":
        "De aandelen na het portfolio bevatten een voorbeeldset van Zuid-Hollandse projecten: één bestaande "
        "batterijrecyclingfabriek in de Rotterdamse haven, met metaalgehalten die onze ruwe schatting zijn, en "
        "denkbeeldige projecten voor raffinage, magneetrecycling en terugwinning van gallium. Ze laten zien hoe "
        "regionale projecten de EU dichter bij de doelen brengen; het zijn geen plannen van de provincie. Kies "
        "„Alleen huidige EU-capaciteit” voor de situatie zonder deze projecten.",
    "EU capacity as a share of EU consumption per strategic raw material and stage, with the example portfolio, "
    "against the 2030 targets":
        "EU-capaciteit als aandeel van het EU-verbruik per strategische grondstof en fase, met het voorbeeldportfolio, "
        "tegenover de doelen voor 2030",
    "EU capacity as a share of EU consumption per strategic raw material and stage, against the 2030 targets":
        "EU-capaciteit als aandeel van het EU-verbruik per strategische grondstof en fase, tegenover de doelen "
        "voor 2030",
    "Dotted lines: the 2030 targets (10 %% extraction, 40 %% processing, 25 %% recycling).":
        "Stippellijnen: de doelen voor 2030 (10 %% winning, 40 %% verwerking, 25 %% recycling).",
    "What does this mean? A bar below the dotted line of its colour means that the EU does not yet have the "
    "capacity the CRMA asks for at that stage; the gap column in the table says how many percentage points are "
    "missing.":
        "Wat betekent dit? Een balk onder de stippellijn in dezelfde kleur betekent dat de EU in die fase nog niet "
        "de capaciteit heeft die de CRMA vraagt; de kolom tekort in de tabel zegt hoeveel procentpunten er "
        "ontbreken.",
})

NL_PAGES.update({
    "Glossary: what the terms and numbers mean": "Begrippen: wat de termen en getallen betekenen",
    "Plain-language explanations of the indicators on this site. The methodology page gives the formulas.":
        "Uitleg in gewone taal van de indicatoren op deze site. De pagina Methode geeft de formules.",
    "SR — supply risk": "SR — leveringsrisico",
    "A score of the European Commission for how likely it is that supply to the EU is disrupted. It is high when "
    "few countries produce the material, when those countries are poorly governed, when the EU imports most of it, "
    "and when there is little recycling or substitution. From 1.0 upwards the supply risk counts as high.":
        "Een score van de Europese Commissie voor de kans dat de aanvoer naar de EU verstoord raakt. De score is "
        "hoog als weinig landen de grondstof produceren, als die landen slecht bestuurd worden, als de EU het meeste "
        "invoert en als er weinig recycling of vervanging mogelijk is. Vanaf 1,0 geldt het leveringsrisico als hoog.",
    "EI — economic importance": "EI — economisch belang",
    "A score for how much the EU economy depends on the material: the value added of the industries that use it, "
    "corrected for the substitutes they have. From 2.8 upwards the economic importance counts as high.":
        "Een score voor hoe afhankelijk de EU-economie van de grondstof is: de toegevoegde waarde van de "
        "bedrijfstakken die haar gebruiken, gecorrigeerd voor de vervangers die zij hebben. Vanaf 2,8 geldt het "
        "economisch belang als hoog.",
    "Critical and strategic raw materials": "Kritieke en strategische grondstoffen",
    "A material is critical for the EU when both SR ≥ 1.0 and EI ≥ 2.8. The Critical Raw Materials Act (CRMA, 2024) "
    "lists the critical materials in Annex II and the strategic ones, needed for the energy transition, digital "
    "technology, space and defence, in Annex I.":
        "Een grondstof is kritiek voor de EU als zowel SR ≥ 1,0 als EI ≥ 2,8. De Critical Raw Materials Act (CRMA, "
        "2024) noemt de kritieke grondstoffen in bijlage II en de strategische, nodig voor de energietransitie, "
        "digitale technologie, ruimtevaart en defensie, in bijlage I.",
    "EOL-RIR — end-of-life recycling input rate": "EOL-RIR — aandeel gerecycled materiaal in de invoer",
    "The share of the material used in production that comes from recycled old products (0 %% to 100 %%). 0 %% "
    "means that everything is newly mined.":
        "Het deel van de grondstof in de productie dat uit gerecyclede oude producten komt (0 %% tot 100 %%). 0 %% "
        "betekent dat alles nieuw gewonnen is.",
    "HHI — concentration index": "HHI — concentratie-index",
    "The Herfindahl-Hirschman index: the sum of the squared market shares of the producing countries, from 0 (many "
    "small producers) to 1 (one country produces everything). Above 0.25 supply counts as highly concentrated.":
        "De Herfindahl-Hirschman-index: de som van de gekwadrateerde marktaandelen van de producerende landen, van "
        "0 (veel kleine producenten) tot 1 (één land produceert alles). Boven 0,25 geldt het aanbod als sterk "
        "geconcentreerd.",
    "CRMA 65 %% cap and NZIA 50 %% criterion": "CRMA-grens van 65 %% en NZIA-criterium van 50 %%",
    "The CRMA asks that by 2030 no single country outside the EU supplies more than 65 %% of a strategic raw "
    "material at any stage. The Net-Zero Industry Act (NZIA) gives extra weight in tenders to resilience when one "
    "country supplies more than 50 %%.":
        "De CRMA vraagt dat in 2030 geen enkel land buiten de EU meer dan 65 %% van een strategische grondstof levert, "
        "in welke fase dan ook. De Net-Zero Industry Act (NZIA) laat weerbaarheid zwaarder meewegen in "
        "aanbestedingen als één land meer dan 50 %% levert.",
    "GeoPolRisk — geopolitical supply risk of imports": "GeoPolRisk — geopolitiek risico van de invoer",
    "How risky the imports of one country or region (here the Netherlands and the EU27) are: the concentration of "
    "world production multiplied by the share of imports that comes from politically unstable countries. Higher "
    "means riskier. Expressed per kilogram as copper equivalents (kg Cu-eq), it can be added up over products.":
        "Hoe riskant de invoer van een land of regio (hier Nederland en de EU27) is: de concentratie van de "
        "wereldproductie vermenigvuldigd met het deel van de invoer dat uit politiek instabiele landen komt. Hoger "
        "is riskanter. Uitgedrukt per kilogram in koperequivalenten (kg Cu-eq) is het op te tellen over producten.",
    "Median, P5 and P95": "Mediaan, P5 en P95",
    "Many inputs are uncertain, so each calculation is repeated many times with different plausible values (Monte "
    "Carlo). The median (P50) is the middle result; 90 %% of the results lie between P5 and P95. A wide range means "
    "an uncertain outcome.":
        "Veel invoer is onzeker, daarom herhalen we elke berekening vele keren met verschillende aannemelijke waarden "
        "(Monte Carlo). De mediaan (P50) is de middelste uitkomst; 90 %% van de uitkomsten ligt tussen P5 en P95. "
        "Een breed bereik betekent een onzekere uitkomst.",
    "t/yr × SR — demand weighted by supply risk": "t/jaar × SR — vraag gewogen met het leveringsrisico",
    "Tonnes per year multiplied by the supply risk of each material and added up. A tonne of a risky material such "
    "as a rare earth counts more than a tonne of a low-risk material, so a lever that saves risky materials scores "
    "higher.":
        "Tonnen per jaar vermenigvuldigd met het leveringsrisico van elke grondstof en opgeteld. Een ton van een "
        "riskante grondstof zoals een zeldzaam aardmetaal telt zwaarder dan een ton van een grondstof met weinig "
        "risico, dus een hefboom die riskante grondstoffen bespaart scoort hoger.",
    "End of life and recoverable": "Einde levensduur en terugwinbaar",
    "End of life is the material in products that are taken out of use in a year; recoverable is the part of it "
    "that is expected to be collected and recycled with today's rates.":
        "Einde levensduur is de grondstof in producten die in een jaar uit gebruik gaan; terugwinbaar is het deel "
        "daarvan dat naar verwachting wordt ingezameld en gerecycled met de huidige percentages.",
    "Annex I": "bijlage I", "Annex II": "bijlage II", "Value": "Waarde",
    "What does this mean? SR (supply risk) and EI (economic importance) are the EU scores; a material is critical "
    "when SR ≥ 1 and EI ≥ 2.8. P(critical) is the chance that it stays critical when the inputs vary within their "
    "uncertainty.":
        "Wat betekent dit? SR (leveringsrisico) en EI (economisch belang) zijn de EU-scores; een grondstof is "
        "kritiek als SR ≥ 1 en EI ≥ 2,8. P(kritiek) is de kans dat ze kritiek blijft als de invoer binnen haar "
        "onzekerheid varieert.",
    "Largest producing countries per stage (share of global supply)":
        "Grootste producerende landen per ketenfase (aandeel in het wereldaanbod)",
    "Share of global supply per country: %(stage)s": "Aandeel in het wereldaanbod per land: %(stage)s",
    "Largest producers (share of global supply)": "Grootste producenten (aandeel in het wereldaanbod)",
    "World production in tonnes, USGS Mineral Commodity Summaries 2026":
        "Wereldproductie in tonnen, USGS Mineral Commodity Summaries 2026",
    "Why do these tonnages differ from the shares above? The shares are those of the EU 2023 study (an average of "
    "earlier years, sometimes for another stage or product), the tonnages are the latest USGS estimates for one "
    "year, so both the period and what is counted differ.":
        "Waarom wijken deze tonnages af van de aandelen hierboven? De aandelen komen uit de EU-studie van 2023 (een "
        "gemiddelde over eerdere jaren, soms voor een andere ketenfase of een ander product), de tonnages zijn de "
        "nieuwste schattingen van de USGS voor één jaar; zowel de periode als wat er geteld wordt verschilt.",
    "EU sourcing shares": "Aandelen in de EU-aanvoer",
    "Export-control measures over time (red: in force, yellow: suspended, grey: lifted)":
        "Exportbeperkingen in de tijd (rood: van kracht, geel: opgeschort, grijs: ingetrokken)",
    "From the material to its applications and sectors (share of EU use)":
        "Van de grondstof naar toepassingen en sectoren (aandeel in het EU-gebruik)",
    "End-use shares and EU value added of the sector (EUR million)":
        "Aandelen per toepassing en toegevoegde waarde van de sector in de EU (mln €)",
    "The EU 2023 study gives no breakdown of end uses for this material in our data package, so no shares are "
    "shown here.":
        "De EU-studie van 2023 geeft in ons datapakket geen verdeling over toepassingen voor deze grondstof, dus hier "
        "staan geen aandelen.",
    "In the Zuid-Holland model it is used in:": "In het model van Zuid-Holland wordt ze gebruikt in:",
    "See the regional demand below.": "Zie de regionale vraag hieronder.",
    "Page not found": "Pagina niet gevonden",
    "This address does not exist (any more) on this site.": "Dit adres bestaat (niet meer) op deze site.",
    "Did you mean:": "Bedoelde u:", "Go to the overview": "Naar het overzicht", "All materials": "Alle grondstoffen",
    "Economic importance (horizontal) against supply risk (vertical) of each raw material, EU 2023":
        "Economisch belang (horizontaal) tegenover leveringsrisico (verticaal) per grondstof, EU 2023",
    "Critical if EI ≥ 2.8 and SR ≥ 1.0 (dashed lines). Large markers with a thick edge: critical for Zuid-Holland. "
    "Labels are shown where they do not overlap; hover over a marker for its name. Source: European Commission "
    "(2023), Study on the critical raw materials for the EU.":
        "Kritiek als EI ≥ 2,8 en SR ≥ 1,0 (stippellijnen). Grote markeringen met een dikke rand: kritiek voor "
        "Zuid-Holland. Labels staan waar ze elkaar niet overlappen; wijs een markering aan voor de naam. Bron: "
        "Europese Commissie (2023), Study on the critical raw materials for the EU.",
    "What does this mean? Materials to the right of the vertical line matter a lot to the EU economy; materials "
    "above the horizontal line have a high supply risk. Materials in the upper right are critical.":
        "Wat betekent dit? Grondstoffen rechts van de verticale lijn zijn belangrijk voor de EU-economie; "
        "grondstoffen boven de horizontale lijn hebben een hoog leveringsrisico. Grondstoffen rechtsboven zijn "
        "kritiek.",
    "Purchase list (CSV or XLSX, at most %(max_mb)s MB)": "Inkooplijst (CSV of XLSX, hoogstens %(max_mb)s MB)",
    "to": "tot",
})

NL_PAGES.update({
    "What does this mean? Each clause below can be copied into a tender; replace the values in square brackets. "
    "Under it: why the scan recommends it and for which lines of your list.":
        "Wat betekent dit? Elke bepaling hieronder kunt u overnemen in een aanbesteding; vervang de waarden tussen "
        "vierkante haken. Eronder staat waarom de scan haar aanbeveelt en voor welke regels van uw lijst.",
    "Why:": "Waarom:", "Legal basis:": "Grondslag:",
    "The example list deliberately contains a note column and one line with a CPV code the scan does not know, to "
    "show how such problems are reported.":
        "De voorbeeldlijst bevat met opzet een kolom met opmerkingen en één regel met een CPV-code die de scan niet "
        "kent, om te laten zien hoe zulke problemen worden gemeld.",
    "Those %(c)s entries of the EU list cover %(m)s separate materials, because groups such as the rare earths and "
    "the platinum-group metals count as one entry.":
        "Die %(c)s vermeldingen op de EU-lijst omvatten %(m)s afzonderlijke grondstoffen, omdat groepen zoals de "
        "zeldzame aardmetalen en de platinametalen als één vermelding tellen.",
    "Of these %(m)s materials, %(total)s have published data on processing (refining); for %(n)s of the %(total)s, "
    "China refines more than half of the world's supply.":
        "Van deze %(m)s grondstoffen hebben er %(total)s gepubliceerde gegevens over verwerking (raffinage); bij "
        "%(n)s van de %(total)s raffineert China meer dan de helft van het wereldaanbod.",
    "There is no material “%(name)s” in the knowledge base.": "Er is geen grondstof „%(name)s” in de kennisbank.",
    "ICT and office products that contain critical raw materials":
        "ICT- en kantoorproducten die kritieke grondstoffen bevatten",
    "products that contain strategic raw materials of the CRMA": "producten met strategische grondstoffen van de CRMA",
    "repairable product types: a longer life spreads their critical raw materials over more years":
        "repareerbare producttypen: een langere levensduur spreidt hun kritieke grondstoffen over meer jaren",
    "batteries with metals that have recycled-content targets (Batteries Regulation, Art. 8)":
        "batterijen met metalen waarvoor doelen voor gerecycled gehalte gelden (Batterijverordening, art. 8)",
    "batteries with cathode metals that an LFP battery avoids":
        "batterijen met kathodemetalen die een LFP-batterij niet nodig heeft",
    "critical raw materials of which one country outside the EU supplies more than 50 %":
        "kritieke grondstoffen waarvan één land buiten de EU meer dan 50 % levert",
    "net-zero technologies to which the resilience criterion of the NZIA applies":
        "nettonultechnologieën waarvoor het weerbaarheidscriterium van de NZIA geldt",
    "products with rare earths in permanent magnets": "producten met zeldzame aardmetalen in permanente magneten",
    "column “%(0)s” is not used by the scan (that is fine for notes)":
        "kolom „%(0)s” wordt niet gebruikt door de scan (geen probleem voor opmerkingen)",
    "no product type is known for CPV code %(0)s; this line is not scanned":
        "voor CPV-code %(0)s is geen producttype bekend; deze regel is niet gescand",
    "the quantity is 0, so the line adds nothing": "de hoeveelheid is 0, dus de regel telt niet mee",
    "the description is a spreadsheet formula; kept as text": "de omschrijving is een spreadsheetformule; als tekst bewaard",
    "The file is empty.": "Het bestand is leeg.", "The file is too large.": "Het bestand is te groot.",
    "The file cannot be read as an Excel (.xlsx) file.": "Het bestand is niet te lezen als Excel-bestand (.xlsx).",
    "The file is not a text CSV file.": "Het bestand is geen CSV-tekstbestand.",
    "The worksheet “%(0)s” is empty.": "Het werkblad „%(0)s” is leeg.",
    "The file has more than %(0)s rows.": "Het bestand heeft meer dan %(0)s regels.",
    "The file cannot be scanned: %(detail)s": "Het bestand kan niet worden gescand: %(detail)s",
    "%(year)s or earlier": "%(year)s of eerder", "not before %(year)s": "niet vóór %(year)s",
    "Supply shortfall while the shock bites": "Tekort in de aanvoer zolang de schok duurt",
    "Zuid-Holland raw-material demand not met": "Grondstofvraag van Zuid-Holland die niet gedekt wordt",
    "Zuid-Holland deployment at risk": "Uitrol in Zuid-Holland die gevaar loopt",
    "EU value added exposed (EUR million)": "Blootgestelde toegevoegde waarde in de EU (mln €)",
    "Zuid-Holland value added exposed (EUR million)": "Blootgestelde toegevoegde waarde in Zuid-Holland (mln €)",
    "shortfall in EU supply": "tekort in de EU-aanvoer", "shortfall in Dutch supply": "tekort in de Nederlandse aanvoer",
    "months without stockpile cover": "maanden zonder dekking uit voorraden",
    "Zuid-Holland demand not met": "vraag van Zuid-Holland niet gedekt",
    "months": "maanden", "EUR million": "mln €", "vehicles": "voertuigen", "units": "stuks", "persons": "personen",
    "total (EU total × share of Zuid-Holland, an assumption)": "totaal (EU-totaal × aandeel Zuid-Holland, een aanname)",
    "total": "totaal",
})

NL_PAGES.update({
    "Critical if EI ≥ 2.8 and SR ≥ 1.0 (dashed lines). Large markers with a thick edge: critical for Zuid-Holland. "
    "Labels are shown where they do not overlap; hover over a marker for its name.":
        "Kritiek als EI ≥ 2,8 en SR ≥ 1,0 (stippellijnen). Grote markeringen met een dikke rand: kritiek voor "
        "Zuid-Holland. Labels staan waar ze elkaar niet overlappen; wijs een markering aan voor de naam.",
    "Source:": "Bron:", "European Commission": "Europese Commissie",
    "Upload a purchase list (CSV or XLSX) with the columns": "Upload een inkooplijst (CSV of XLSX) met de kolommen",
    "and optionally": "en eventueel",
    "You get the critical raw material content, the supply risk, the NZIA flag and the tender clauses to use.":
        "U krijgt de hoeveelheid kritieke grondstoffen, het leveringsrisico, de NZIA-vlag en de "
        "aanbestedingsclausules om te gebruiken.",
})

NL_PAGES.update({
    "Zuid-Holland demand and end of life (scenario %(s)s)": "Vraag en einde levensduur in Zuid-Holland (scenario %(s)s)",
})

NL_PAGES.update({
    "Choose a lever and its strength: the change against the baseline (the Policy targets scenario) in primary demand "
    "and supply-risk-weighted demand, with 5–95 %% Monte Carlo intervals from paired runs.":
        "Kies een hefboom en de sterkte: de verandering ten opzichte van het basispad (scenario Beleidsdoelen) in de "
        "primaire vraag en in de vraag gewogen met het leveringsrisico, met Monte Carlo-intervallen van 5–95 %% uit "
        "gepaarde runs.",
})
NL_PAGES["What can be done"] = "Wat er te doen is"

# strings of the job queue (progress panel)
NL_PAGES.update({
    "The computation was cancelled. Reload the page to start it again.":
        "De berekening is geannuleerd. Laad de pagina opnieuw om haar opnieuw te starten.",
    "Your computation is next in the queue.": "Uw berekening is de volgende in de wachtrij.",
    "Cancel computation": "Berekening annuleren",
    "You already have the maximum number of computations waiting. This panel tries again in a few seconds.":
        "U heeft al het maximale aantal wachtende berekeningen. Dit paneel probeert het over een paar seconden "
        "opnieuw.",
})
NL_PAGES_PLURAL = {
    "%(counter)s computation ahead of you in the queue.": (
        "Er staat nog %(counter)s berekening vóór u in de wachtrij.",
        "Er staan nog %(counter)s berekeningen vóór u in de wachtrij."),
}
NL_PAGES["in English"] = "in het Engels"
NL_PAGES.update({"CSV for Dutch Excel": "CSV voor Nederlandse Excel", "Excel NL": "Excel NL"})
NL_PAGES.update({"Find a material": "Zoek een grondstof",
                 "Showing %%(shown)s of %%(total)s materials": "%%(shown)s van de %%(total)s grondstoffen getoond"})

# material page: imports via the Netherlands and CRM inside products (issue 14, items 2 and 4)
NL_PAGES.update({
    "Imports via the Netherlands": "Invoer via Nederland",
    "Imports via the Netherlands: re-exports and retained use": "Invoer via Nederland: wederuitvoer en wat blijft",
    "Much of what the Netherlands imports only passes through Rotterdam. The table splits the Dutch imports of this "
    "material (ores, oxides and metals) into what is exported again and what stays, with a range: at least the net "
    "imports stay, at most all imports.":
        "Veel van wat Nederland invoert gaat alleen door de Rotterdamse haven. De tabel splitst de Nederlandse invoer "
        "van deze grondstof (ertsen, oxiden en metalen) in wat weer wordt uitgevoerd en wat blijft, met een "
        "bandbreedte: minstens de netto-invoer blijft, hoogstens de hele invoer.",
    "Dutch imports, re-exports and retained use per year (t) and the share of the EU27's imports from outside the EU "
    "that enters via the Netherlands":
        "Nederlandse invoer, wederuitvoer en wat blijft per jaar (t) en het deel van de EU27-invoer van buiten de EU "
        "dat via Nederland binnenkomt",
    "No trade data for this material in the data package (no HS codes mapped to it).":
        "Geen handelsgegevens voor deze grondstof in het datapakket (er zijn geen HS-codes aan gekoppeld).",
    "Inside products": "In producten",
    "Content of this material per t of product (per MW for wind turbines), with its range":
        "Gehalte van deze grondstof per t product (per MW voor windturbines), met bandbreedte",
    "Material contained in products on the Dutch market (t): quantity of product × content":
        "Grondstof in producten op de Nederlandse markt (t): hoeveelheid product × gehalte",
    "No cited quantities of products containing this material yet: Dutch imports and exports of batteries, magnets, "
    "PV, wind turbines and motors per HS code are not in the data package.":
        "Nog geen geciteerde hoeveelheden van producten met deze grondstof: de Nederlandse in- en uitvoer van accu's, "
        "magneten, zonnepanelen, windturbines en motoren per HS-code zit nog niet in het datapakket.",
})
