"""Dutch strings of the releases app (issue 15: "Wat is er veranderd", release trends on the dashboard);
merged into the workspace catalogue by scripts/i18n_nl_workspace.py."""

NL_RELEASES = {
    "Data releases": "Datareleases",
    "data release": "datarelease",
    "data releases": "datareleases",
    "version": "versie",
    "recorded at": "vastgelegd op",
    "What has changed": "Wat is er veranderd",
    "Every load of a data package is a release with a date and a fingerprint (hash). The key indicators of each "
    "release are kept: supply risk and economic importance, the share of the largest producer and the EU capacity "
    "per stage, export controls in force, prices and deployment. This page lists the values that differ between "
    "two releases and the workspace items they touch.":
        "Elke keer dat een datapakket wordt geladen, ontstaat een release met een datum en een vingerafdruk (hash). "
        "Van elke release bewaren we de kerncijfers: leveringsrisico en economisch belang, het aandeel van de "
        "grootste producent en de EU-capaciteit per stap, exportbeperkingen van kracht, prijzen en de uitrol van "
        "technologieën. Deze pagina toont de waarden die tussen twee releases verschillen en de onderdelen van de "
        "werkruimte die ze raken.",
    "There is only one release so far; the differences appear here once a newer data package has been loaded "
    "(crmradar data update).":
        "Er is nog maar één release; de verschillen verschijnen hier zodra een nieuwer datapakket is geladen "
        "(crmradar data update).",
    "From release": "Van release",
    "To release": "Naar release",
    "Compare": "Vergelijken",
    "Changed key indicators between the two releases: old and new value, change and relative change, and the "
    "value chains that use the material or technology":
        "Gewijzigde kerncijfers tussen de twee releases: oude en nieuwe waarde, verandering en relatieve "
        "verandering, en de ketens die de grondstof of technologie gebruiken",
    "Material or technology": "Grondstof of technologie",
    "Indicator": "Kerncijfer",
    "Old": "Oud",
    "New": "Nieuw",
    "Change": "Verandering",
    "Relative": "Relatief",
    "Touches chains": "Raakt ketens",
    "new in this release": "nieuw in deze release",
    "no longer in this release": "niet meer in deze release",
    "No key indicator differs between these releases.": "Geen kerncijfer verschilt tussen deze releases.",
    "Workspace items touched": "Geraakte onderdelen van de werkruimte",
    "Through the materials and technologies of the value chains: chains that list a changed material or "
    "technology, action points linked to those chains or naming the material, and projects on those chains or "
    "with a capacity in the material.":
        "Via de grondstoffen en technologieën van de ketens: ketens met een gewijzigde grondstof of technologie, "
        "actiepunten die aan zo'n keten hangen of de grondstof noemen, en projecten in die ketens of met een "
        "capaciteit voor de grondstof.",
    "Value chains": "Ketens",
    "Action points": "Actiepunten",
    "Projects": "Projecten",
    "No value chain, action point or project you can see depends on the changed values.":
        "Geen keten, actiepunt of project dat u kunt zien hangt af van de gewijzigde waarden.",
    "Trend across releases": "Verloop over de releases",
    "Supply risk (SR) per data release of the materials of the value chains":
        "Leveringsrisico (SR) per datarelease van de grondstoffen van de ketens",
    "Line chart of the supply risk per data release for the materials of the value chains.":
        "Lijngrafiek van het leveringsrisico per datarelease voor de grondstoffen van de ketens.",
    "as contained in each release of the data package.": "zoals opgenomen in elke release van het datapakket.",
    "percentage points": "procentpunt",
    "Unknown data release": "Onbekende datarelease",
    "Source:": "Bron:",
    "European Commission": "Europese Commissie",
}
NL_RELEASES_PLURAL = {
    "%(n)s changed value": ("%(n)s gewijzigde waarde", "%(n)s gewijzigde waarden"),
    "%(n)s release of the data package.": ("%(n)s release van het datapakket.", "%(n)s releases van het datapakket."),
}
