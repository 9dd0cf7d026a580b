"""Dutch translations of the web strings added for issue 13 (usability review); merged into i18n_nl.NL."""

from __future__ import annotations

NL_PAGES = {
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
