"""Dutch strings of the business-case panel and the page "Wat draagt de regio bij?" (issue 12); merged into the
workspace catalogue by ``scripts/i18n_nl_workspace.py``."""

NL_OPPORTUNITIES = {
    "Business case": "Businesscase",
    "Loading…": "Laden…",
    "What does the region contribute?": "Wat draagt de regio bij?",
    "Per policy framework the action points and projects linked to it, and per CRMA benchmark the projects that "
    "add capacity and the action points that name the material. What no action point or project covers yet is "
    "marked “not yet covered”.":
        "Per beleidskader de gekoppelde actiepunten en projecten, en per CRMA-benchmark de projecten die capaciteit "
        "toevoegen en de actiepunten die de grondstof noemen. Wat nog door geen actiepunt of project wordt gedekt, "
        "staat als „nog niet gedekt”.",
    "not yet covered": "nog niet gedekt",
    "Policy frameworks": "Beleidskaders",
    "Action points": "Actiepunten",
    "Projects": "Projecten",
    "Stage": "Fase",
    "With the projects": "Met de projecten",
    "CRMA benchmarks per strategic raw material and stage": "CRMA-benchmarks per strategische grondstof en fase",
    "Projects at stage “%(min_stage)s” or later with a capacity in tonnes of contained material move %(p)s "
    "benchmarks; %(a)s more are named by an action point only; %(u)s are not yet covered. Shares of EU consumption "
    "in %(year)s; benchmarks 10 %% extraction, 40 %% processing, 25 %% recycling; no third country above 65 %%.":
        "Projecten in fase „%(min_stage)s” of later met een capaciteit in ton metaalinhoud verschuiven %(p)s "
        "benchmarks; nog %(a)s worden alleen door een actiepunt genoemd; %(u)s zijn nog niet gedekt. Aandelen van "
        "het EU-verbruik in %(year)s; benchmarks 10 %% winning, 40 %% verwerking, 25 %% recycling; geen derde land "
        "boven 65 %%.",
    "CRMA benchmarks": "CRMA-benchmarks",
    "CRMA benchmarks: EU share before and with the region's projects, what covers each":
        "CRMA-benchmarks: EU-aandeel nu en met de projecten uit de regio, en wat elke benchmark dekt",
    "Benchmark": "Benchmark",
    "EU share now": "EU-aandeel nu",
    "Largest third country (65 %% cap)": "Grootste derde land (grens 65 %%)",
    "above 65 %%": "boven 65 %%",
    "%(name)s (+%(share)s, %(tonnes)s t/yr)": "%(name)s (+%(share)s, %(tonnes)s t/jaar)",
    "%(name)s (+%(share)s, %(tonnes)s t/yr; assumption, %(low)s to %(high)s)":
        "%(name)s (+%(share)s, %(tonnes)s t/jaar; aanname, %(low)s tot %(high)s)",
    "investment (capex)": "investering (capex)",
    "operating cost per t": "bedrijfskosten per t",
    "feed cost per t": "invoerkosten per t",
    "payable share": "uitbetaald aandeel",
    "discount rate": "disconteringsvoet",
    "EUR per USD": "EUR per USD",
    "feedstock (P5 to P95)": "aanbod (P5 tot P95)",
    "price of %(material)s": "prijs van %(material)s",
    "No investment published for a plant in the region; our judgement for a 10,000 t/yr mechanical pre-treatment "
    "line, wide on purpose.":
        "Geen investering gepubliceerd voor een fabriek in de regio; ons oordeel voor een mechanische "
        "voorbehandelingslijn van 10.000 t/jaar, bewust ruim.",
    "Labour, energy, maintenance, residue disposal and logistics are not published; our judgement.":
        "Arbeid, energie, onderhoud, afvoer van reststoffen en logistiek zijn niet gepubliceerd; ons oordeel.",
    "Batteries may come with a gate fee or be bought, depending on chemistry and market; no published figure.":
        "Batterijen kunnen met een poorttarief binnenkomen of moeten worden gekocht, afhankelijk van chemie en "
        "markt; geen gepubliceerd cijfer.",
    "Black mass is sold at a share of its contained metal value; the terms are not published; our judgement.":
        "Black mass wordt verkocht voor een deel van de metaalwaarde die erin zit; de voorwaarden zijn niet "
        "gepubliceerd; ons oordeel.",
    "Real discount rate for an industrial project; our judgement.":
        "Reële disconteringsvoet voor een industrieel project; ons oordeel.",
    "Prices are in USD; the euro moved between about 1.02 and 1.18 USD in 2025; our rounded band.":
        "Prijzen zijn in USD; de euro bewoog in 2025 tussen ongeveer 1,02 en 1,18 USD; onze afgeronde bandbreedte.",
    "million EUR": "miljoen EUR",
    "EUR per t of feed": "EUR per ton invoer",
    "per year": "per jaar",
    "Net present value (EUR million)": "Netto contante waarde (miljoen EUR)",
    "Internal rate of return": "Intern rendement",
    "Payback time (years after start)": "Terugverdientijd (jaren na start)",
    "Year the feedstock reaches plant scale": "Jaar waarin het aanbod de fabrieksschaal haalt",
    "not by 2050": "niet vóór 2050",
    "What moves the net present value most (EUR million)": "Wat de netto contante waarde het meest verschuift "
                                                           "(miljoen EUR)",
    "Change in NPV (EUR million)": "Verandering NCW (miljoen EUR)",
    "input at the high end": "invoer aan de bovenkant",
    "input at the low end": "invoer aan de onderkant",
    "Feedstock from": "Aanbod uit",
    "No business case: no published recycling capacity of lithium-ion batteries with a start year. Add a capacity "
    "such as recycling:li_ion_batteries:10000 and a start year to the project.":
        "Geen businesscase: geen gepubliceerde recyclingcapaciteit voor lithium-ionbatterijen met een startjaar. "
        "Voeg een capaciteit zoals recycling:li_ion_batteries:10000 en een startjaar aan het project toe.",
    "%(name)s: %(capacity)s t/yr of spent batteries, from %(start)s, feedstock from %(catchment)s, %(life)s years of "
    "operation; %(draws)s Monte Carlo draws (P5, P50 and P95).":
        "%(name)s: %(capacity)s t/jaar afgedankte batterijen, vanaf %(start)s, aanbod uit %(catchment)s, %(life)s "
        "jaar in bedrijf; %(draws)s Monte-Carlotrekkingen (P5, P50 en P95).",
    "Business case: bands over the Monte Carlo draws": "Businesscase: bandbreedtes over de Monte-Carlotrekkingen",
    "Quantity": "Grootheid",
    "The internal rate of return is undefined in %(irr_undefined)s of the draws; the plant does not pay back within "
    "its lifetime in %(payback_never)s.":
        "Het interne rendement is niet bepaald in %(irr_undefined)s van de trekkingen; in %(payback_never)s verdient "
        "de fabriek zich binnen haar levensduur niet terug.",
    "Tornado chart: change in net present value with each input at the low and high end of its range; the table "
    "below holds the values.":
        "Tornadodiagram: verandering van de netto contante waarde met elke invoer aan de onder- en bovenkant van "
        "haar bandbreedte; de tabel eronder bevat de waarden.",
    "What does this mean? Each bar moves one input to the end of its range with everything else at its central "
    "value (net present value %(central)s million EUR on the median feedstock); the longer the bar, the more that "
    "input decides whether the plant pays.":
        "Wat betekent dit? Elke balk zet één invoer op de rand van haar bandbreedte en de rest op de centrale waarde "
        "(netto contante waarde %(central)s miljoen EUR bij het mediane aanbod); hoe langer de balk, hoe meer die "
        "invoer bepaalt of de fabriek rendabel is.",
    "Tornado: net present value (EUR million) with one input at each end of its range":
        "Tornado: netto contante waarde (miljoen EUR) met één invoer aan elke kant van haar bandbreedte",
    "Input": "Invoer",
    "Low end": "Onderkant",
    "NPV": "NCW",
    "High end": "Bovenkant",
    "Assumptions (none is published for a plant in the region)":
        "Aannames (geen enkele is gepubliceerd voor een fabriek in de regio)",
    "Assumptions of the business case with their range (triangular: low, most likely, high)":
        "Aannames van de businesscase met hun bandbreedte (driehoeksverdeling: laag, meest waarschijnlijk, hoog)",
    "Low": "Laag",
    "Most likely": "Meest waarschijnlijk",
    "High": "Hoog",
    "Unit": "Eenheid",
    "Reason": "Reden",
    "Prices per kg of contained metal (USD): lowest, 2025 and highest annual average of 2021-2025":
        "Prijzen per kg metaalinhoud (USD): laagste, 2025 en hoogste jaargemiddelde van 2021-2025",
    "Method: yearly margin = throughput × (metal content × price × payable share − operating and feed cost); net "
    "present value and internal rate of return over %(life)s years after an investment in the year before start; "
    "feedstock from the regional stock-flow model, scaled to the catchment by population. No taxes, subsidies or "
    "residual value.":
        "Methode: marge per jaar = doorzet × (metaalgehalte × prijs × uitbetaald aandeel − bedrijfs- en "
        "invoerkosten); netto contante waarde en intern rendement over %(life)s jaar na een investering in het jaar "
        "vóór de start; aanbod uit het regionale voorraad-stroommodel, naar het verzorgingsgebied geschaald met de "
        "bevolking. Geen belastingen, subsidies of restwaarde.",
    "Method and every assumption": "Methode en alle aannames",
    "Material": "Grondstof",
    "Source": "Bron",
}

#: Web catalogue (templates/web/crma.html, views/analysis.py); merged by ``scripts/i18n_nl.py``.
NL_OPPORTUNITIES_WEB = {
    "Capacities converted from gross input (assumption, see docs/crma.md):":
        "Capaciteiten omgerekend uit bruto invoer (aanname, zie docs/crma.md):",
    "%(name)s: %(material)s %(tonnes)s t/yr (range %(low)s to %(high)s) = gross battery input × black-mass yield × "
    "metal content; an assumption, and an upper bound because the black mass is refined elsewhere":
        "%(name)s: %(material)s %(tonnes)s t/jaar (bandbreedte %(low)s tot %(high)s) = bruto invoer batterijen × "
        "opbrengst black mass × metaalgehalte; een aanname, en een bovengrens omdat de black mass elders wordt "
        "geraffineerd",
}
NL_OPPORTUNITIES_WEB.update({  # methods page, section m-bc
    "Business case of a recycling plant": "Businesscase van een recyclingfabriek",
    "Feedstock from the regional stock-flow model scaled to the catchment by population; metal content after the "
    "package's recovery rates; prices from USGS Mineral Commodity Summaries 2026 with the lowest and highest annual "
    "average of 2021-2025 as range; investment, operating cost, feed cost, payable share, discount rate and exchange "
    "rate are marked assumptions with a range. Monte Carlo (triangular distributions) gives P5, P50 and P95; the "
    "tornado moves one input to each end of its range. Every assumption with its range and reason: "
    "docs/business-case.md and the panel on a project's page.":
        "Aanbod uit het regionale voorraad-stroommodel, naar het verzorgingsgebied geschaald met de bevolking; "
        "metaalgehalte na de terugwinpercentages van het datapakket; prijzen uit de USGS Mineral Commodity "
        "Summaries 2026 met het laagste en hoogste jaargemiddelde van 2021-2025 als bandbreedte; investering, "
        "bedrijfskosten, kosten van de invoer, uitbetaald aandeel, disconteringsvoet en wisselkoers zijn "
        "gemarkeerde aannames met een bandbreedte. Monte Carlo (driehoeksverdelingen) geeft P5, P50 en P95; de "
        "tornado zet één invoer op elk uiteinde van haar bandbreedte. Elke aanname met bandbreedte en reden: "
        "docs/business-case.md en het paneel op de pagina van een project.",
})
