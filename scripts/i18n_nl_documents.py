"""Dutch strings of the documents page (issue 15: the four documents as PDF or Word from the task queue); merged
into the web catalogue by scripts/i18n_nl.py (existing translations win)."""

NL_DOCUMENTS = {
    "Documents": "Documenten",
    "What has changed": "Wat is er veranderd",
    "The documents of crm-radar, made from the current data package and the workspace with the same numbers as "
    "the pages and the command line, as PDF or as an editable Word file. Making a document takes from a few "
    "seconds to about a minute; this page shows its place in the queue and its progress.":
        "De documenten van crm-radar, gemaakt uit het actuele datapakket en de werkruimte met dezelfde getallen als "
        "de pagina's en de opdrachtregel, als PDF of als bewerkbaar Word-bestand. Een document maken duurt een paar "
        "seconden tot ongeveer een minuut; deze pagina toont de plaats in de wachtrij en de voortgang.",
    "You are not logged in: the annex and the chain document contain published workspace items only.":
        "U bent niet ingelogd: de bijlage en het ketendocument bevatten alleen gepubliceerde onderdelen van de "
        "werkruimte.",
    "Value chain": "Keten",
    "Choose": "Kiezen",
    "Public summary": "Publieksversie",
    "Plain-language summary for residents (language level B1), one to two pages.":
        "Samenvatting in gewone taal voor inwoners (taalniveau B1), één tot twee pagina's.",
    "Fact sheet of a material": "Grondstoffenprofiel",
    "One page per material: risk, producers, concentration, applications, export controls.":
        "Eén pagina per grondstof: risico, producenten, concentratie, toepassingen, exportbeperkingen.",
    "Annex for the Provincial Council": "Bijlage voor Provinciale Staten",
    "Critical materials and why, demand with bands, levers, action lines, bottlenecks per chain, projects and the "
    "CRMA benchmarks.":
        "Kritieke grondstoffen en waarom, vraag met onzekerheidsbanden, hefbomen, actielijnen, knelpunten per "
        "keten, projecten en de CRMA-doelen.",
    "Deep dive into a value chain": "Ketenverdieping",
    "Materials, risk, demand, export controls, bottlenecks and action points of one value chain.":
        "Grondstoffen, risico, vraag, exportbeperkingen, knelpunten en actiepunten van één keten.",
    "Make PDF": "PDF maken",
    "Make Word file": "Word-bestand maken",
    "Unknown document": "Onbekend document",
    "Unknown value chain": "Onbekende keten",
    "Download the PDF (%(kb)s kB)": "PDF downloaden (%(kb)s kB)",
    "Download the Word file (%(kb)s kB)": "Word-bestand downloaden (%(kb)s kB)",
    "The file is being made; try again in a moment.": "Het bestand wordt gemaakt; probeer het zo dadelijk opnieuw.",
    "There is no material “%(name)s” in the knowledge base.": "Er is geen grondstof „%(name)s” in de kennisbank.",
}
NL_DOCUMENTS_PLURAL: dict[str, tuple[str, str]] = {}
