"""Dutch strings of the map page /kaart/ (issue 12, item 5); merged into the catalogue by ``scripts/i18n_nl.py``."""

NL_MAP = {
    "Map": "Kaart",
    "Unknown stream": "Onbekende stroom",
    "%(coords)s (assumption: centre point of %(area)s)": "%(coords)s (aanname: middelpunt van %(area)s)",
    "municipality %(name)s": "gemeente %(name)s",
    "NUTS-3 region %(name)s": "NUTS-3-regio %(name)s",
    "municipality": "gemeente",
    "project (package)": "project (pakket)",
    "project (workspace)": "project (werkruimte)",
    "recycling plant": "recyclingbedrijf",
    "NUTS-3 region": "NUTS-3-regio",
    "Projects and recycling plants in Zuid-Holland": "Projecten en recyclingbedrijven in Zuid-Holland",
    "Map of the six NUTS-3 regions of Zuid-Holland with %(n)s points coloured by stage; the table below lists "
    "every point.": "Kaart van de zes NUTS-3-regio's van Zuid-Holland met %(n)s punten, gekleurd naar fase; de "
    "tabel eronder noemt elk punt.",
    "Recycling catchments and plants": "Verzorgingsgebieden en recyclingbedrijven",
    "The three nested catchments of the recycling model (Zuid-Holland; the Netherlands; the Netherlands, Belgium "
    "and North Rhine-Westphalia) with %(n)s recycling plants.": "De drie geneste verzorgingsgebieden van het "
    "recyclingmodel (Zuid-Holland; Nederland; Nederland, België en Noordrijn-Westfalen) met %(n)s "
    "recyclingbedrijven.",
    "All streams": "Alle stromen",
    "Map of projects, recycling plants and catchments": "Kaart van projecten, recyclingbedrijven en "
    "verzorgingsgebieden",
    "The project pipeline and the recycling plants of Zuid-Holland, coloured by stage, and the catchments of the "
    "recycling model per stream. Boundaries: CBS/PDOK generalised COROP map 2024 (the NUTS-3 regions "
    "NL361–NL366) and Eurostat GISCO NUTS 2024 at 1:60 million; no map tiles.": "De projectpijplijn en de "
    "recyclingbedrijven van Zuid-Holland, gekleurd naar fase, en de verzorgingsgebieden van het recyclingmodel "
    "per stroom. Grenzen: gegeneraliseerde COROP-kaart 2024 van CBS/PDOK (de NUTS-3-regio's NL361–NL366) en "
    "Eurostat GISCO NUTS 2024 op schaal 1:60 miljoen; geen kaarttegels.",
    "Legend": "Legenda",
    "project (package, cited source)": "project (pakket, met bron)",
    "project (workspace register)": "project (register in de werkruimte)",
    "catchment": "verzorgingsgebied",
    "Without published site coordinates a point stands at the centre point of its municipality (dotted outline) "
    "or else of its region, marked as an assumption in the tables; points on the same spot are fanned out around "
    "it.": "Zonder gepubliceerde locatiecoördinaten staat een punt op het middelpunt van zijn gemeente (gestippelde "
    "grens) of anders van zijn regio, in de tabellen als aanname gemarkeerd; punten op dezelfde plek staan in een "
    "waaier eromheen.",
    "Zuid-Holland: projects and recycling plants": "Zuid-Holland: projecten en recyclingbedrijven",
    "Points on the Zuid-Holland map": "Punten op de kaart van Zuid-Holland",
    "Kind": "Soort",
    "Name": "Naam",
    "Source": "Bron",
    "Stage": "Fase",
    "Place": "Plaats",
    "Latitude; longitude": "Breedtegraad; lengtegraad",
    "Workspace projects without coordinates (not on the map):": "Projecten uit de werkruimte zonder coördinaten "
    "(niet op de kaart):",
    "Recycling catchments per stream": "Verzorgingsgebieden per stroom",
    "The recycling model scales Zuid-Holland's end-of-life feedstock to three nested catchments by population and "
    "compares it with the input capacity of the plants in each. The map shows the catchments and the plants of "
    "the chosen stream; the table gives their number and published capacity (existing and under construction).":
        "Het recyclingmodel schaalt het afgedankte materiaal van Zuid-Holland naar bevolking op naar drie geneste "
        "verzorgingsgebieden en vergelijkt het met de invoercapaciteit van de bedrijven daarin. De kaart toont de "
        "verzorgingsgebieden en de bedrijven van de gekozen stroom; de tabel geeft hun aantal en gepubliceerde "
        "capaciteit (bestaand en in aanbouw).",
    "Stream": "Stroom",
    "Plants and capacity per catchment": "Bedrijven en capaciteit per verzorgingsgebied",
    "Plants and published input capacity per catchment (t/yr)": "Bedrijven en gepubliceerde invoercapaciteit per "
    "verzorgingsgebied (t/jaar)",
    "Plants on the catchment map": "Bedrijven op de kaart van de verzorgingsgebieden",
    "Capacity": "Capaciteit",
    "Plants outside these catchments (listed, not drawn):": "Bedrijven buiten deze verzorgingsgebieden (genoemd, "
    "niet getekend):",
}
NL_MAP_PLURAL = {
    "%(n)s plant": ("%(n)s bedrijf", "%(n)s bedrijven"),
    "%(u)s without published capacity": ("%(u)s zonder gepubliceerde capaciteit",
                                         "%(u)s zonder gepubliceerde capaciteit"),
}
