"""Dutch translations of the methods-page sections on levers, recycling, shocks and procurement (issue 13, "Beyond
the anchors") and of the "How is this calculated?" link on those four pages; merged into i18n_nl.NL."""

from __future__ import annotations

NL_METHODS = {
    "How is this calculated?": "Hoe is dit berekend?",
    # levers
    "Policy levers: effect against the baseline": "Beleidshefbomen: effect ten opzichte van het basispad",
    "A lever changes only the inputs of the regional stock-flow model (deployment, lifetimes, the mix of "
    "technologies, material content, collection and recycling rates); the model itself stays the same. The "
    "baseline (the Policy targets scenario) and the run with the lever use the same random numbers u in every "
    "Monte Carlo draw d (common random numbers). The difference per draw is therefore the effect of the lever and "
    "not chance; the page shows the median and the 5–95 %% interval of that difference. A negative change means "
    "less demand.":
        "Een hefboom verandert alleen de invoer van het regionale voorraad-stroommodel (uitrol, levensduur, de mix "
        "van technieken, materiaalgehalte, inzameling en recycling); het model zelf blijft gelijk. Het basispad "
        "(scenario Beleidsdoelen) en de berekening met de hefboom gebruiken in elke Monte Carlo-trekking d dezelfde "
        "toevalsgetallen u (gemeenschappelijke toevalsgetallen). Het verschil per trekking is dus het effect van de "
        "hefboom en geen toeval; de pagina toont de mediaan en het interval van 5–95 %% van dat verschil. Een "
        "negatieve verandering betekent minder vraag.",
    "Assumptions: recovered material replaces new (primary) material one for one in the region; strength, start "
    "year and ramp of each lever are a policy choice or our estimate, always with a low and a high value; the "
    "supply-risk weight SR is the official EU score of 2023. The ranking applies each lever on its own at its "
    "central strength in 2050; the tornado shows the effect at the low and the high end of its range.":
        "Aannames: teruggewonnen materiaal vervangt nieuw (primair) materiaal één op één in de regio; de sterkte, "
        "het startjaar en de aanloop van elke hefboom zijn een beleidskeuze of onze schatting, altijd met een lage "
        "en een hoge waarde; het gewicht voor het leveringsrisico SR is de officiële EU-score van 2023. De "
        "rangschikking zet elke hefboom los op zijn centrale sterkte in 2050; het tornadodiagram toont het effect "
        "bij de lage en de hoge kant van de bandbreedte.",
    "Definitions, strengths and ranges: docs/levers.md. Sources of strengths: Degen et al. (2023), Nature Energy 8 "
    "(LFP battery chemistry); Carrara et al. (2023), JRC, doi:10.2760/386650 (wind generators without rare "
    "earths); Directive 2012/19/EU (WEEE collection); Regulation (EU) 2023/1542 (battery recycling). Model: "
    "Pauliuk & Heeren (2020).":
        "Definities, sterktes en bandbreedtes: docs/levers.md. Bronnen van de sterktes: Degen et al. (2023), Nature "
        "Energy 8 (LFP-batterijen); Carrara et al. (2023), JRC, doi:10.2760/386650 (windgeneratoren zonder "
        "zeldzame aardmetalen); Richtlijn 2012/19/EU (inzameling van afgedankte elektrische apparaten); "
        "Verordening (EU) 2023/1542 (recycling van batterijen). Model: Pauliuk & Heeren (2020).",
    # recycling
    "Recycling: end-of-life feedstock and plant scale": "Recycling: afgedankt materiaal en de schaal van een fabriek",
    "Inputs: the end-of-life flows of each Monte Carlo draw from the regional stock-flow model with its collection "
    "and recycling rates; product masses (battery mass per kWh, module mass per MW, the rare-earth share of a "
    "magnet) drawn from a triangular range; the capacity of the plants in the register (existing plants; a plant "
    "without a published capacity counts as 0) and the population of each catchment.":
        "Invoer: de stromen afgedankte producten in elke Monte Carlo-trekking van het regionale "
        "voorraad-stroommodel, met de inzamel- en recyclingpercentages van dat model; productmassa's (massa van een "
        "batterij per kWh, van een zonnepaneel per MW, het aandeel zeldzame aardmetalen in een magneet), getrokken "
        "uit een driehoeksverdeling; de capaciteit van de fabrieken in het register (bestaande fabrieken; een "
        "fabriek zonder gepubliceerde capaciteit telt als 0) en het aantal inwoners van elk verzorgingsgebied.",
    "Assumptions: a larger catchment supplies as much per inhabitant as Zuid-Holland (the Netherlands %(nl)s times, "
    "the Netherlands with Belgium and North Rhine-Westphalia %(wide)s times Zuid-Holland); the minimum efficient "
    "scale of a plant is our estimate from operating and planned plants, with a low and a high value; recovered "
    "material counts in the stream of its product (rare earths of vehicles and wind turbines as magnets, the other "
    "materials of vehicles as batteries).":
        "Aannames: een groter verzorgingsgebied levert per inwoner evenveel als Zuid-Holland (Nederland %(nl)s keer, "
        "Nederland met België en Noordrijn-Westfalen %(wide)s keer Zuid-Holland); de minimale schaal waarop een "
        "fabriek rendabel is, is onze schatting op basis van bestaande en geplande fabrieken, met een lage en een "
        "hoge waarde; teruggewonnen materiaal telt mee in de stroom van het product (zeldzame aardmetalen uit "
        "voertuigen en windturbines als magneten, de andere materialen uit voertuigen als batterijen).",
    "Formulas and results: docs/recycling.md. Plant scale: SK tes Rotterdam (Port of Rotterdam 2024), Li-Cycle "
    "(Rho Motion 2023), ROSI Saint-Honoré (2023), Heraeus Remloy (2024). Stock-flow model: Pauliuk & Heeren "
    "(2020).":
        "Formules en uitkomsten: docs/recycling.md. Schaal van een fabriek: SK tes Rotterdam (Havenbedrijf "
        "Rotterdam 2024), Li-Cycle (Rho Motion 2023), ROSI Saint-Honoré (2023), Heraeus Remloy (2024). "
        "Voorraad-stroommodel: Pauliuk & Heeren (2020).",
    # shocks
    "Export-control shocks": "Schokken door exportbeperkingen",
    "Inputs: the measure from the export-control register (or your own shock), the share of EU supply from the "
    "restricting country (for the Netherlands the Dutch import share where trade data exist, otherwise "
    "the EU share), the Zuid-Holland stock-flow model and the EU end uses and sector value added. A technology can "
    "only be built as far as its scarcest material allows (no substitution between its inputs).":
        "Invoer: de maatregel uit het register van exportbeperkingen (of uw eigen schok), het aandeel van de "
        "EU-aanvoer uit het land dat de export beperkt (voor Nederland het Nederlandse importaandeel als "
        "er handelsgegevens zijn, anders het aandeel van de EU), het voorraad-stroommodel van Zuid-Holland en de "
        "toepassingen en toegevoegde waarde per sector in de EU. Van een techniek kan maar zoveel worden gebouwd "
        "als de grondstof met het grootste tekort toelaat (de ene grondstof kan de andere niet vervangen).",
    "Assumptions, each a triangular range drawn anew in every Monte Carlo draw: the share of exports a measure "
    "stops (licence requirement %(l_lo)s to %(l_hi)s, most likely %(l_mode)s; export ban %(b_lo)s to %(b_hi)s; "
    "quota %(q_lo)s to %(q_hi)s), the share rerouted via other suppliers (%(r_lo)s to %(r_hi)s, most likely "
    "%(r_mode)s) and the loss of an importer that is not targeted (%(s_lo)s to %(s_hi)s). A stockpile of S months "
    "covers the first S months of the shock; substitution is the share of the missing material that users "
    "replace. Both are 0 on this website; the command crmradar shock can set them. Value added at risk is an "
    "exposure, not a loss of GDP.":
        "Aannames, elk een driehoeksverdeling die in elke Monte Carlo-trekking opnieuw wordt getrokken: het deel "
        "van de export dat een maatregel stopt (vergunningplicht %(l_lo)s tot %(l_hi)s, meest waarschijnlijk "
        "%(l_mode)s; exportverbod %(b_lo)s tot %(b_hi)s; quotum %(q_lo)s tot %(q_hi)s), het deel dat via andere "
        "leveranciers alsnog binnenkomt (%(r_lo)s tot %(r_hi)s, meest waarschijnlijk %(r_mode)s) en het verlies "
        "van een importeur die niet het doelwit is (%(s_lo)s tot %(s_hi)s). Een voorraad van S maanden dekt de "
        "eerste S maanden van de schok; substitutie is het deel van de ontbrekende grondstof dat gebruikers "
        "vervangen. Op deze website zijn beide 0; het commando crmradar shock kan ze instellen. De toegevoegde "
        "waarde in gevaar is een maat voor blootstelling, geen verlies aan bbp.",
    "EU sourcing shares: European Commission (2023), CRM study, Appendix 7; Dutch imports: CEPII BACI; licence "
    "requirement: Chinese customs data (GAC) on gallium and germanium exports, 2023; end uses and sector value "
    "added: the EU 2023 assessment; regional value added: Eurostat. Details: docs/shock.md.":
        "Herkomst van de EU-aanvoer: Europese Commissie (2023), CRM-studie, bijlage 7; Nederlandse import: CEPII "
        "BACI; vergunningplicht: Chinese douanecijfers (GAC) over de export van gallium en germanium, 2023; "
        "toepassingen en toegevoegde waarde per sector: de EU-beoordeling van 2023; regionale toegevoegde waarde: "
        "Eurostat. Details: docs/shock.md.",
    # procurement
    "Procurement scan: critical raw materials in purchases": "Inkoopscan: kritieke grondstoffen in wat we kopen",
    "Inputs: your purchase list (CPV code, quantity q, unit), the product archetypes with a bill of materials c in "
    "kg per piece, kW, kWp, kWh or km (low, central and high), the official EU supply risk of 2023, the CRMA lists "
    "and the shares of the largest producing countries. Units are converted to the basis of the archetype (MWp to "
    "kWp); pieces become kWp or kWh only where the archetype gives a capacity per piece. A general CPV code uses "
    "the average of the archetypes below it, and its range spans all of them.":
        "Invoer: uw inkooplijst (CPV-code, aantal q, eenheid), de standaardproducten met een materiaallijst c in kg "
        "per stuk, kW, kWp, kWh of km (laag, midden en hoog), het officiële leveringsrisico van de EU uit 2023, de "
        "lijsten van de CRMA en de aandelen van de grootste producerende landen. Eenheden worden omgerekend naar "
        "de basis van het standaardproduct (MWp naar kWp); stuks worden alleen kWp of kWh als het standaardproduct "
        "een vermogen per stuk geeft. Een algemene CPV-code krijgt het gemiddelde van de standaardproducten "
        "eronder, en de bandbreedte omvat ze allemaal.",
    "Assumptions: the bills describe typical products, not the models you bought, and most are our estimates with "
    "a range. The low and high totals add up all lows and all highs: a cautious envelope, not a confidence "
    "interval. A line that cannot be mapped is listed with the reason and adds nothing. Each recommended clause "
    "names the line and the material or flag that triggered it.":
        "Aannames: de materiaallijsten beschrijven gangbare producten, niet de modellen die u kocht, en de meeste "
        "zijn onze schattingen met een bandbreedte. De lage en hoge totalen tellen alle lage en alle hoge waarden "
        "op: een voorzichtige boven- en ondergrens, geen betrouwbaarheidsinterval. Een regel zonder passend "
        "standaardproduct staat in de lijst met de reden en telt niet mee. Elke aanbevolen clausule noemt de regel "
        "en de grondstof of het signaal waardoor hij werd gekozen.",
    "Bills of materials after Buchert et al. (2012) for ICT, IEA (2021) and the per-kWh medians of S&N (2022) for "
    "vehicles, PV_ICE for solar panels; NZIA: Regulation (EU) 2024/1735, Art. 25; Batteries Regulation (EU) "
    "2023/1542, Art. 8; CRMA: Regulation (EU) 2024/1252, Art. 28. Details: docs/procurement.md.":
        "Materiaallijsten naar Buchert et al. (2012) voor ICT, IEA (2021) en de medianen per kWh van S&N (2022) "
        "voor voertuigen, PV_ICE voor zonnepanelen; NZIA: Verordening (EU) 2024/1735, art. 25; "
        "Batterijverordening (EU) 2023/1542, art. 8; CRMA: Verordening (EU) 2024/1252, art. 28. Details: "
        "docs/procurement.md.",
}
