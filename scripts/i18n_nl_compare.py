"""Dutch strings of the compare page, XLSX downloads and fact sheet (issue 13, remainder); merged into the web
catalogue by ``scripts/i18n_nl.py``."""

NL_COMPARE = {
    "Download (XLSX)": "Downloaden (XLSX)",
    "Compare": "Vergelijken",
    "Compare materials and scenarios": "Grondstoffen en scenario's vergelijken",
    "Put 2 to %(n)s materials side by side in one chart (regional demand, end of life, recoverable material or the "
    "EU's supply risk and economic importance), or one material in several scenarios. The numbers are the same as "
    "on the energy and material pages; the address bar keeps your choice, so you can share the link.":
        "Zet 2 tot %(n)s grondstoffen naast elkaar in één grafiek (regionale vraag, einde levensduur, terugwinbaar "
        "materiaal of het leveringsrisico en economisch belang volgens de EU), of één grondstof in meerdere "
        "scenario's. De getallen zijn dezelfde als op de pagina's energietransitie en grondstof; de adresbalk "
        "onthoudt uw keuze, zodat u de link kunt delen.",
    "Quantity": "Grootheid",
    "Scenarios": "Scenario's",
    "One scenario when you compare materials; two or three when you compare scenarios.":
        "Eén scenario als u grondstoffen vergelijkt; twee of drie als u scenario's vergelijkt.",
    "2 to %(n)s materials when you compare materials; one when you compare scenarios.":
        "2 tot %(n)s grondstoffen als u grondstoffen vergelijkt; één als u scenario's vergelijkt.",
    "materials (one scenario)": "grondstoffen (één scenario)",
    "scenarios (one material)": "scenario's (één grondstof)",
    "Choose materials or scenarios.": "Kies grondstoffen of scenario's.",
    "Choose a quantity from the list.": "Kies een grootheid uit de lijst.",
    "Supply risk and economic importance are the same in every scenario: compare materials instead.":
        "Leveringsrisico en economisch belang zijn in elk scenario gelijk: vergelijk daarvoor grondstoffen.",
    "Choose materials from the list.": "Kies grondstoffen uit de lijst.",
    "Tick at least 2 materials.": "Vink ten minste 2 grondstoffen aan.",
    "Tick at most 6 materials.": "Vink ten hoogste 6 grondstoffen aan.",
    "Tick exactly one material to compare scenarios.": "Vink precies één grondstof aan om scenario's te vergelijken.",
    "Choose scenarios from the list.": "Kies scenario's uit de lijst.",
    "Tick at least 2 scenarios.": "Vink ten minste 2 scenario's aan.",
    "Tick at most 6 scenarios.": "Vink ten hoogste 6 scenario's aan.",
    "Tick exactly one scenario to compare materials.": "Vink precies één scenario aan om grondstoffen te vergelijken.",
    "%(metric)s (t/yr): %(names)s, scenario %(scenario)s": "%(metric)s (t/jaar): %(names)s, scenario %(scenario)s",
    "%(metric)s: %(names)s": "%(metric)s: %(names)s",
    "%(metric)s (t/yr) of %(material)s: scenarios %(names)s": "%(metric)s (t/jaar) van %(material)s: scenario's "
                                                               "%(names)s",
    "Line chart with one line per material or scenario; the table below holds the values.":
        "Lijngrafiek met één lijn per grondstof of scenario; de tabel hieronder bevat de waarden.",
    "Official values of the EU criticality assessments per assessment year (dimensionless).":
        "Officiële waarden van de EU-kritikaliteitsbeoordelingen per beoordelingsjaar (dimensieloos).",
    "Median and 5–95 %% band of %(d)s Monte Carlo draws, tonnes per year; the same computation as the energy page.":
        "Mediaan en 5–95 %%-band van %(d)s Monte Carlo-trekkingen, ton per jaar; dezelfde berekening als op de "
        "pagina energietransitie.",
    "What does this mean? A higher supply risk means supply is concentrated in few, less stable countries; a "
    "higher economic importance means EU industry depends more on the material. Above 1 for SR and 2.8 for EI a "
    "material counts as critical.":
        "Wat betekent dit? Een hoger leveringsrisico betekent dat de aanvoer geconcentreerd is in weinig, minder "
        "stabiele landen; een hoger economisch belang dat de EU-industrie meer van de grondstof afhangt. Boven 1 "
        "voor SR en 2,8 voor EI geldt een grondstof als kritiek.",
    "What does this mean? Lines that rise steeply show materials (or scenarios) where the region's need grows "
    "fastest; the shaded bands show how uncertain that is. Compare tonnes only within one material's scale: a "
    "small line can still matter if supply is risky.":
        "Wat betekent dit? Steil stijgende lijnen tonen grondstoffen (of scenario's) waarvan de regionale behoefte "
        "het snelst groeit; de gekleurde banden tonen hoe onzeker dat is. Tonnen zeggen niet alles: een kleine lijn "
        "kan er toch toe doen als de aanvoer riskant is.",
    "No values for:": "Geen waarden voor:",
    "Values in the chart": "Waarden in de grafiek",
    "Value": "Waarde",
}
NL_COMPARE.update({  # printable fact sheet (templates/web/factsheet.html, views/factsheet.py)
    "Fact sheet %(n)s": "Factsheet %(n)s",
    "Back to the full material page": "Terug naar de volledige grondstofpagina",
    "This page is laid out for printing on one A4 page: use your browser's print function.":
        "Deze pagina is opgemaakt om op één A4 af te drukken: gebruik de afdrukfunctie van uw browser.",
    "The fact sheet is written in Dutch.": "De factsheet is in het Nederlands geschreven.",
    "The same fact sheet as a PDF or Word file": "Dezelfde factsheet als PDF of Word-bestand",
    "Printable fact sheet (one page)": "Afdrukbare factsheet (één pagina)",
})
NL_COMPARE.update({  # custom shock on the shocks page (templates/web/shock.html, views/shock_custom.py)
    "Replay a measure from the export-control register, or compare two side by side: EU and Dutch supply "
    "shortfall, the Zuid-Holland deployment at risk and the value added exposed, with 5–95 %% Monte Carlo "
    "intervals. Below the result you can also put together a shock of your own.":
        "Speel een maatregel uit het register van exportbeperkingen opnieuw af, of vergelijk er twee naast elkaar: "
        "het aanvoertekort in de EU en Nederland, de uitrol in Zuid-Holland die gevaar loopt en de blootgestelde "
        "toegevoegde waarde, met Monte Carlo-intervallen van 5–95 %%. Onder het resultaat kunt u ook een eigen "
        "schok samenstellen.",
    "Your own shock": "Uw eigen schok",
    "Which country stops how much of its exports of which materials, and when? The same checks and the same model "
    "as the command crmradar shock; the computation waits in the queue like the others.":
        "Welk land stopt hoeveel van zijn uitvoer van welke grondstoffen, en wanneer? Dezelfde controles en "
        "hetzelfde model als de opdracht crmradar shock; de berekening wacht net als de andere in de wachtrij.",
    "Country": "Land",
    "Materials (one or more)": "Grondstoffen (een of meer)",
    "Share of exports stopped (0–1)": "Deel van de uitvoer dat stopt (0–1)",
    "1 = a full ban; 0.5 = half.": "1 = een volledig verbod; 0,5 = de helft.",
    "From (year or year-month)": "Vanaf (jaar of jaar-maand)",
    "Until (optional)": "Tot en met (optioneel)",
    "Against": "Gericht tegen",
    "Compute": "Doorrekenen",
    "Choose a country from the list.": "Kies een land uit de lijst.",
    "Choose 1 to 6 materials from the list.": "Kies 1 tot 6 grondstoffen uit de lijst.",
    "Choose extraction or processing.": "Kies winning of verwerking.",
    "The share must be a number from 0 to 1, for example 0.5 (half of the exports).":
        "Het deel moet een getal van 0 tot en met 1 zijn, bijvoorbeeld 0,5 (de helft van de uitvoer).",
    "Give a year (2026) or year and month (2026-03) from %(first)s to %(last)s.":
        "Geef een jaar (2026) of jaar en maand (2026-03) van %(first)s tot en met %(last)s.",
    "Give a year or year and month that is not before the start.":
        "Geef een jaar of jaar en maand dat niet vóór het begin ligt.",
    "Choose all countries or the EU27.": "Kies alle landen of de EU27.",
    "Your shock: %(country)s stops %(share)s of its exports of %(materials)s (%(stage)s), %(period)s":
        "Uw schok: %(country)s stopt %(share)s van de uitvoer van %(materials)s (%(stage)s), %(period)s",
})
NL_COMPARE.update({  # lever strength ranges (templates/web/levers.html, views/lever_range.py)
    "The strength must be a number from %(low)s to %(high)s.": "De sterkte moet een getal van %(low)s tot en met "
                                                               "%(high)s zijn.",
    "The high end must be larger than the low end.": "De hoge sterkte moet groter zijn dan de lage.",
    "strength %(strength)s": "sterkte %(strength)s",
    "Change in primary demand for %(material)s, %(lever)s at strength %(low)s to %(high)s":
        "Verandering in de primaire vraag naar %(material)s, %(lever)s bij sterkte %(low)s tot %(high)s",
    "Line chart with one line per strength; the table below holds the values.":
        "Lijngrafiek met één lijn per sterkte; de tabel hieronder bevat de waarden.",
    "Change against the Policy targets scenario without the lever: median and 5–95 %% band of paired Monte Carlo "
    "runs, tonnes per year.": "Verschil met het scenario Beleidsdoelen zonder de maatregel: mediaan en 5–95 "
                             "%%-band van gepaarde Monte Carlo-runs, ton per jaar.",
    "What does this mean? The lines show how much the region's need for new (primary) material changes when the "
    "lever is applied weakly, halfway or strongly. Lines far apart mean that the effect depends strongly on how far "
    "the measure goes.": "Wat betekent dit? De lijnen tonen hoeveel de regionale behoefte aan nieuw (primair) "
                         "materiaal verandert als de maatregel zwak, half of sterk wordt toegepast. Liggen de lijnen "
                         "ver uit elkaar, dan hangt het effect sterk af van hoe ver de maatregel gaat.",
    "Change in primary demand per strength (t/yr)": "Verandering in de primaire vraag per sterkte (t/jaar)",
    "Explore a range of strengths": "Een bereik van sterktes verkennen",
    "How much does the effect depend on how far a measure goes? Choose a low and a high strength: the lever is "
    "computed at the low end, halfway and at the high end (three paired Monte Carlo runs in the queue).":
        "Hoeveel hangt het effect af van hoe ver een maatregel gaat? Kies een lage en een hoge sterkte: de "
        "maatregel wordt doorgerekend bij de lage, de middelste en de hoge sterkte (drie gepaarde Monte "
        "Carlo-runs in de wachtrij).",
    "Low strength": "Lage sterkte",
    "High strength": "Hoge sterkte",
})
NL_COMPARE.update({  # adjust a scenario (templates/web/scenario_edit.html, views/scenario_edit.py)
    "Adjust a scenario": "Scenario aanpassen",
    "Adjust a scenario yourself (an anchor point, the number of draws)":
        "Zelf een scenario aanpassen (een ankerpunt, het aantal trekkingen)",
    "Change one anchor point of a technology in a scenario (for example more electric cars in 2030) and the number "
    "of Monte Carlo draws, and compare the region's demand with the unchanged scenario. Your numbers are checked "
    "like a scenario file of the command crmradar demand; they are marked as your own estimate, not as a published "
    "figure.": "Verander één ankerpunt van een technologie in een scenario (bijvoorbeeld meer elektrische auto's "
               "in 2030) en het aantal Monte Carlo-trekkingen, en vergelijk de regionale vraag met het "
               "ongewijzigde scenario. Uw getallen worden gecontroleerd zoals een scenariobestand op de opdrachtregel "
               "van crmradar; ze worden gemarkeerd als uw eigen schatting, niet als gepubliceerd cijfer.",
    "Technology": "Technologie",
    "Value (%(u)s)": "Waarde (%(u)s)",
    "Low": "Laag",
    "High": "Hoog",
    "Draws (%(low)s–%(high)s)": "Trekkingen (%(low)s–%(high)s)",
    "Anchor points of %(t)s in this scenario": "Ankerpunten van %(t)s in dit scenario",
    "Between anchor points the model interpolates linearly; low and high set the Monte Carlo range. Choose a "
    "technology and press Compute to see its anchor points.":
        "Tussen de ankerpunten interpoleert het model lineair; laag en hoog bepalen de Monte Carlo-bandbreedte. "
        "Kies een technologie en druk op Doorrekenen om haar ankerpunten te zien.",
    "Choose a scenario from the list.": "Kies een scenario uit de lijst.",
    "Choose a technology of this scenario.": "Kies een technologie uit dit scenario.",
    "The number of draws must be a whole number from %(low)s to %(high)s.":
        "Het aantal trekkingen moet een geheel getal van %(low)s tot en met %(high)s zijn.",
    "The year must be a whole number from %(first)s to %(last)s.":
        "Het jaar moet een geheel getal van %(first)s tot en met %(last)s zijn.",
    "The value must be a number of at least 0 (at most 10^12) between low and high.":
        "De waarde moet een getal van ten minste 0 (hoogstens 10^12) tussen laag en hoog zijn.",
    "Low must be a number of at least 0 and not above the value.":
        "Laag moet een getal van ten minste 0 zijn en niet boven de waarde liggen.",
    "High must be a number not below the value (at most 10^12).":
        "Hoog moet een getal zijn dat niet onder de waarde ligt (hoogstens 10^12).",
    "%(scenario)s with your change": "%(scenario)s met uw aanpassing",
    "Demand for %(material)s in Zuid-Holland (t/yr): %(scenario)s with and without your change "
    "(%(technology)s %(year)s: %(value)s)": "Vraag naar %(material)s in Zuid-Holland (t/jaar): %(scenario)s met en "
                                           "zonder uw aanpassing (%(technology)s %(year)s: %(value)s)",
    "Line chart of demand with and without your change; the table below holds the values.":
        "Lijngrafiek van de vraag met en zonder uw aanpassing; de tabel hieronder bevat de waarden.",
    "Median and 5–95 %% band of %(d)s Monte Carlo draws each, the same seed for both, tonnes per year.":
        "Mediaan en 5–95 %%-band van elk %(d)s Monte Carlo-trekkingen, voor beide dezelfde startwaarde, ton per jaar.",
    "What does this mean? Where the two lines part, your change moves the region's need for the material; the bands "
    "show the uncertainty of each run. The change itself is your estimate, not a published figure.":
        "Wat betekent dit? Waar de twee lijnen uiteengaan, verschuift uw aanpassing de regionale behoefte aan de "
        "grondstof; de banden tonen de onzekerheid van elke berekening. De aanpassing zelf is uw schatting, geen "
        "gepubliceerd cijfer.",
    "Demand with and without your change (t/yr)": "Vraag met en zonder uw aanpassing (t/jaar)",
})
NL_COMPARE_PLURAL: dict[str, tuple[str, str]] = {}
