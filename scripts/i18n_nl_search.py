"""Dutch strings of the site search and the page table behind the menu (issue 13); merged by scripts/i18n_nl.py."""

NL_SEARCH = {
    "Search": "Zoeken",
    "Search the site": "Zoek op de site",
    "Search materials, pages, terms and sources": "Zoek grondstoffen, pagina's, begrippen en bronnen",
    "Pages": "Pagina's",
    "Find a source": "Zoek een bron",
    "Showing %%(shown)s of %%(total)s sources": "%%(shown)s van %%(total)s bronnen getoond",
    "Find a table": "Zoek een tabel",
    "Showing %%(shown)s of %%(total)s tables": "%%(shown)s van %%(total)s tabellen getoond",
    "Nothing found. Try another spelling, the English name or the chemical symbol, for example Co for cobalt.":
        "Niets gevonden. Probeer een andere spelling, de Engelse naam of het chemische symbool, bijvoorbeeld Co "
        "voor kobalt.",
    "Risk matrix of all materials: supply risk against economic importance, with the key messages for "
    "Zuid-Holland.":
        "Risicomatrix van alle grondstoffen: leveringsrisico tegen economisch belang, met de belangrijkste "
        "boodschappen voor Zuid-Holland.",
    "The situation in plain language, every number computed from the data.":
        "De situatie in gewone taal; elk getal is berekend uit de data.",
    "All materials with their EU scores, CRMA status and recycling rate.":
        "Alle grondstoffen met hun EU-scores, CRMA-status en recyclingpercentage.",
    "Material demand of solar panels, wind turbines, batteries, electrolysers and heat pumps in Zuid-Holland up "
    "to 2050, and what comes free at end of life.":
        "Grondstofvraag van zonnepanelen, windturbines, batterijen, elektrolysers en warmtepompen in "
        "Zuid-Holland tot 2050, en wat er vrijkomt als ze worden afgedankt.",
    "Several materials or scenarios in one chart.": "Meerdere grondstoffen of scenario's in één grafiek.",
    "Policy levers such as recycling, lifetime extension and substitution, and how much primary demand they save.":
        "Beleidshefbomen zoals recycling, langere levensduur en vervanging, en hoeveel nieuwe grondstof ze "
        "besparen.",
    "When end-of-life batteries and solar panels supply enough feedstock for a recycling plant, per catchment "
    "area.":
        "Wanneer afgedankte batterijen en zonnepanelen genoeg materiaal leveren voor een recyclingfabriek, per "
        "verzorgingsgebied.",
    "Projects and recycling plants in and around Zuid-Holland on a map.":
        "Projecten en recyclingbedrijven in en rond Zuid-Holland op een kaart.",
    "The EU targets for 2030 (10 % extraction, 40 % processing, 25 % recycling, at most 65 % from one country) "
    "and the region's projects.":
        "De EU-doelen voor 2030 (10 % winning, 40 % verwerking, 25 % recycling, hoogstens 65 % uit één land) en "
        "de projecten in de regio.",
    "Replay an export ban or a supply disruption and see the shortfall.":
        "Speel een exportverbod of een verstoring van de aanvoer na en zie het tekort.",
    "Which critical raw materials are in a purchase list, with tender clauses.":
        "Welke kritieke grondstoffen in een inkooplijst zitten, met clausules voor aanbestedingen.",
    "Council annex, public summary, fact sheets and chain deep dives as PDF and Word.":
        "Bijlage voor Provinciale Staten, publiekssamenvatting, factsheets en ketenverdiepingen als PDF en Word.",
    "Values that changed between two data releases and the workspace items they touch.":
        "Waarden die tussen twee datareleases zijn veranderd en de onderdelen van de werkruimte die ze raken.",
    "The regional consultation: partners, value chains, bottlenecks, action points, projects and meetings.":
        "Het regionale overleg: partners, waardeketens, knelpunten, actiepunten, projecten en overleggen.",
    "Every publication the numbers come from.": "Elke publicatie waar de getallen vandaan komen.",
    "Formulas and literature behind every calculation.": "Formules en literatuur achter elke berekening.",
    "What the terms and numbers mean, in plain language.": "Wat de begrippen en getallen betekenen, in gewone taal.",
    "The complete data package as CSV, Excel or Parquet.": "Het volledige datapakket als CSV, Excel of Parquet.",
    # glossary terms now live in crmradar.web.site_pages (Python msgids: a single %, not the templates' %%)
    "The share of the material used in production that comes from recycled old products (0 % to 100 %). 0 % "
    "means that everything is newly mined.":
        "Het deel van de grondstof in de productie dat uit gerecyclede oude producten komt (0 % tot 100 %). 0 % "
        "betekent dat alles nieuw gewonnen is.",
    "CRMA 65 % cap and NZIA 50 % criterion": "CRMA-grens van 65 % en NZIA-criterium van 50 %",
    "The CRMA asks that by 2030 no single country outside the EU supplies more than 65 % of a strategic raw "
    "material at any stage. The Net-Zero Industry Act (NZIA) gives extra weight in tenders to resilience when one "
    "country supplies more than 50 %.":
        "De CRMA vraagt dat in 2030 geen enkel land buiten de EU meer dan 65 % van een strategische grondstof "
        "levert, in welke fase dan ook. De Net-Zero Industry Act (NZIA) laat weerbaarheid zwaarder meewegen in "
        "aanbestedingen als één land meer dan 50 % levert.",
    "Many inputs are uncertain, so each calculation is repeated many times with different plausible values (Monte "
    "Carlo). The median (P50) is the middle result; 90 % of the results lie between P5 and P95. A wide range means "
    "an uncertain outcome.":
        "Veel invoer is onzeker, daarom herhalen we elke berekening vele keren met verschillende aannemelijke "
        "waarden (Monte Carlo). De mediaan (P50) is de middelste uitkomst; 90 % van de uitkomsten ligt tussen P5 "
        "en P95. Een breed bereik betekent een onzekere uitkomst.",
}
NL_SEARCH_PLURAL = {
    "%(n)s result for “%(query)s”": ("%(n)s resultaat voor “%(query)s”", "%(n)s resultaten voor “%(query)s”"),
}
