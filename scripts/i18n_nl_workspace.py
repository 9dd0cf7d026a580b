"""Fill the Dutch catalogue of the workspace apps (accounts, consultation) and compile both catalogues.

Workflow: ``django-admin makemessages -l nl -l en --no-location`` (in src/crmradar/apps, with
``DJANGO_SETTINGS_MODULE=crmradar.web.settings``) → add new strings to ``NL`` below → ``python
scripts/i18n_nl_workspace.py``. English is the source language, so its catalogue only needs compiling. The
web interface has its own catalogue and script (scripts/i18n_nl.py). Requires ``polib`` (a dev tool, not a
dependency).
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "apps" / "locale"

NL = {
    # project pipeline (apps.projects)
    "Project pipeline": "Projectenpijplijn",
    "Idea": "Idee",
    "Feasibility": "Haalbaarheid",
    "Permitting": "Vergunning",
    "Construction": "Bouw",
    "Operating": "In bedrijf",
    "Stopped": "Gestopt",
    "Applied as CRMA strategic project": "Aangevraagd als strategisch CRMA-project",
    "Selected as CRMA strategic project": "Geselecteerd als strategisch CRMA-project",
    "Not applicable": "Niet van toepassing",
    "EU Innovation Fund": "EU-Innovatiefonds",
    "National Growth Fund": "Nationaal Groeifonds",
    "InnovationQuarter": "InnovationQuarter",
    "Invest-NL": "Invest-NL",
    "Private": "Privaat",
    "funding": "financiering",
    "Unknown funding source(s): %(ids)s": "Onbekende financieringsbron(nen): %(ids)s",
    "operator": "exploitant",
    "municipality": "gemeente",
    "port area": "havengebied",
    "latitude": "breedtegraad",
    "longitude": "lengtegraad",
    "stage": "fase",
    "start year": "startjaar",
    "capacities (stage:id:t/yr)": "capaciteiten (schakel:id:t/jaar)",
    "stage:id:tonnes per year joined with |; a material id counts as contained tonnes, a recycling-stream id as "
    "gross input, e.g. recycling:li_ion_batteries:10000":
        "schakel:id:ton per jaar, gescheiden door |; een grondstof-id telt als ton grondstof, een "
        "recyclingstroom-id als bruto invoer, bijv. recycling:li_ion_batteries:10000",
    "capex low (million EUR)": "investering laag (miljoen EUR)",
    "capex high (million EUR)": "investering hoog (miljoen EUR)",
    "opex low (million EUR per year)": "bedrijfskosten laag (miljoen EUR per jaar)",
    "opex high (million EUR per year)": "bedrijfskosten hoog (miljoen EUR per jaar)",
    "jobs": "banen",
    "CRMA strategic-project status": "status strategisch CRMA-project",
    "Commission decision date": "datum besluit Europese Commissie",
    "source": "bron",
    "project": "project",
    "projects": "projecten",
    "The high value is below the low value.": "De hoge waarde ligt onder de lage waarde.",
    "A Commission decision date belongs to a selected project only.":
        "Een besluitdatum van de Commissie hoort alleen bij een geselecteerd project.",
    "Give both latitude and longitude, or neither.": "Geef zowel breedte- als lengtegraad, of geen van beide.",
    "Feedstock against plant scale (recycling model, t/yr)": "Aanbod tegenover de schaal van een fabriek (recyclingmodel, t/jaar)",
    "Feedstock": "Aanbod",
    "Median feedstock reaches it": "Mediaan aanbod bereikt die schaal",
    "Feedstock %(year)s (median)": "Aanbod %(year)s (mediaan)",
    "Catchment": "Verzorgingsgebied",
    "Plant": "Fabriek",
    "No recycling streams linked.": "Geen recyclingstromen gekoppeld.",
    "The recycling model is still computing; reload this page in a minute.": "Het recyclingmodel is nog aan het rekenen; laad deze pagina over een minuut opnieuw.",
    "Recycling": "Recycling",
    "Delete this item? An analyst can undo this.": "Dit item verwijderen? Een analist kan dit ongedaan maken.",
    # accounts
    "Accounts": "Accounts",
    "role": "rol",
    "organisation": "organisatie",
    "account": "account",
    "accounts": "accounts",
    "API token": "API-token",
    "API tokens": "API-tokens",
    "Administrator": "Beheerder",
    "Analyst": "Analist",
    "Partner": "Partner",
    "Reader": "Lezer",
    "Too many attempts": "Te veel pogingen",
    "Too many failed login attempts": "Te veel mislukte pogingen om in te loggen",
    "Logging in with this account is blocked for 15 minutes. Try again later or reset your password.":
        "Inloggen met dit account is 15 minuten geblokkeerd. Probeer het later opnieuw of stel een nieuw wachtwoord in.",
    "Forgot your password?": "Wachtwoord vergeten?",
    "Log in": "Inloggen",
    "Log in to the workspace": "Inloggen op de werkruimte",
    "The workspace of the regional consultation is for its partners. The analysis pages are open to everyone.":
        "De werkruimte van het regionaal overleg is voor de partners van het overleg. De analysepagina's zijn voor iedereen open.",
    "E-mail address": "E-mailadres",
    "Password": "Wachtwoord",
    "Log in with your organisation's account": "Inloggen met het account van uw organisatie",
    "Reset password": "Nieuw wachtwoord instellen",
    "Enter your e-mail address; if it belongs to an account you receive a link to choose a new password.":
        "Vul uw e-mailadres in. Hoort het bij een account, dan krijgt u een link om een nieuw wachtwoord te kiezen.",
    "Send link": "Link versturen",
    "Password changed": "Wachtwoord gewijzigd",
    "Choose a new password": "Kies een nieuw wachtwoord",
    "Save": "Opslaan",
    "This link is no longer valid. Ask for a new one.": "Deze link werkt niet meer. Vraag een nieuwe link aan.",
    "Check your e-mail": "Kijk in uw e-mail",
    "If the address belongs to an account, a link to choose a new password is on its way.":
        "Hoort het adres bij een account, dan is er een link naar u onderweg om een nieuw wachtwoord te kiezen.",
    "Someone asked to reset the password of your crm-radar account. Choose a new password here:":
        "Iemand heeft gevraagd om een nieuw wachtwoord voor uw account bij crm-radar. Kies hier een nieuw wachtwoord:",
    "If you did not ask for this, ignore this e-mail.": "Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.",
    "Your crm-radar password": "Uw wachtwoord voor crm-radar",
    "My account": "Mijn account",
    "Role": "Rol",
    "Organisation": "Organisatie",
    "Log out": "Uitloggen",
    # agenda, dashboard
    "no owner": "geen eigenaar",
    "Agenda": "Agenda",
    "Open and overdue action points per owner": "Open en te late actiepunten per eigenaar",
    "Action point": "Actiepunt",
    "Line": "Lijn",
    "Due date": "Uiterste datum",
    "Status": "Status",
    "Regional consultation": "Regionaal overleg",
    # export controls, facility status, flows
    "licence requirement": "vergunningplicht",
    "technology export ban": "exportverbod op technologie",
    "ban for named countries": "verbod voor genoemde landen",
    "export ban": "exportverbod",
    "export quota": "exportquotum",
    "yes": "ja",
    "no": "nee",
    "in operation": "in bedrijf",
    "under construction": "in aanbouw",
    "planned": "gepland",
    "postponed": "uitgesteld",
    "demand": "vraag",
    "end-of-life outflow": "vrijkomend aan einde levensduur",
    # organisation kinds
    "Province": "Provincie",
    "Municipality": "Gemeente",
    "Port authority": "Havenbedrijf",
    "Environmental agency": "Omgevingsdienst",
    "Knowledge institute": "Kennisinstelling",
    "Regional development agency": "Regionale ontwikkelingsmaatschappij",
    "Company": "Bedrijf",
    "Start-up": "Start-up",
    "Scale-up": "Scale-up",
    "Recycler": "Recyclingbedrijf",
    "Other": "Overig",
    # bottleneck categories and statuses
    "Permits": "Vergunningen",
    "Space": "Ruimte",
    "Grid capacity": "Netcapaciteit",
    "Nitrogen": "Stikstof",
    "Financing": "Financiering",
    "Labour market": "Arbeidsmarkt",
    "Market": "Markt",
    "Regulation": "Regelgeving",
    "Open": "Open",
    "In progress": "In behandeling",
    "Resolved": "Opgelost",
    "Lapsed": "Vervallen",
    # action lines, categories, statuses
    "Line 1: policy interventions": "Lijn 1: beleidsinterventies",
    "Line 2: regional consultation": "Lijn 2: regionaal overleg",
    "Reduce demand": "Vraag verminderen",
    "Reuse": "Hergebruik",
    "CRM-free alternatives": "Alternatieven zonder kritieke grondstoffen",
    "Circular chains and recycling": "Circulaire ketens en recycling",
    "Start-ups and scale-ups": "Start-ups en scale-ups",
    "Targeted knowledge": "Gerichte kennis",
    "Procurement": "Inkoop",
    "Monitoring": "Monitoring",
    "Done": "Afgerond",
    # deep dives
    "Deep dive": "Verdieping",
    "Knowledge question": "Kennisvraag",
    "Value chain": "Waardeketen",
    "Product group": "Productgroep",
    "Product": "Product",
    "Raw material": "Grondstof",
    "Precondition": "Randvoorwaarde",
    "Planned": "Gepland",
    "Running": "Lopend",
    "no chain": "geen keten",
    "system": "systeem",
    # form fields and validation
    "materials": "grondstoffen",
    "technologies": "technologieën",
    "recycling streams": "recyclingstromen",
    "facilities": "installaties",
    "Only PDF, DOCX, XLSX, ODT or CSV files are accepted.": "Alleen bestanden in PDF, DOCX, XLSX, ODT of CSV zijn toegestaan.",
    "The file is larger than %(mb)s MB.": "Het bestand is groter dan %(mb)s MB.",
    "The file's content does not match its type.": "De inhoud van het bestand past niet bij het bestandstype.",
    "comment": "opmerking",
    "date": "datum",
    "progress": "voortgang",
    "decision": "besluit",
    "updates action point": "werkt actiepunt bij",
    "new status": "nieuwe status",
    "or create action point with title": "of maak een nieuw actiepunt met de titel",
    "action line": "lijn",
    "category": "categorie",
    "A new action point needs a line and a category.": "Een nieuw actiepunt heeft een lijn en een categorie nodig.",
    "Choose an existing action point or a new one, not both.": "Kies een bestaand actiepunt of maak een nieuw actiepunt, niet allebei.",
    # history
    "created": "aangemaakt",
    "changed": "gewijzigd",
    "removed permanently": "definitief verwijderd",
    "deleted": "verwijderd",
    "restored": "teruggezet",
    # model fields
    "owner organisation": "eigenaar (organisatie)",
    "published": "gepubliceerd",
    "created at": "aangemaakt op",
    "created by": "aangemaakt door",
    "updated at": "gewijzigd op",
    "updated by": "gewijzigd door",
    "deleted at": "verwijderd op",
    "deleted by": "verwijderd door",
    "name": "naam",
    "kind": "soort",
    "website": "website",
    "role in the consultation": "rol in het overleg",
    "organisations": "organisaties",
    "code": "code",
    "description": "beschrijving",
    "value chain": "waardeketen",
    "value chains": "waardeketens",
    "title": "titel",
    "severity (1–5)": "ernst (1–5)",
    "responsible authority": "verantwoordelijke overheid",
    "possible instrument": "mogelijk instrument",
    "status": "status",
    "evidence": "onderbouwing",
    "source of the evidence": "bron van de onderbouwing",
    "identified on": "gesignaleerd op",
    "resolved on": "opgelost op",
    "bottleneck": "knelpunt",
    "bottlenecks": "knelpunten",
    "location": "locatie",
    "participants": "deelnemers",
    "agenda (Markdown)": "agenda (Markdown)",
    "minutes (Markdown)": "verslag (Markdown)",
    "meeting": "bijeenkomst",
    "meetings": "bijeenkomsten",
    "owner (person)": "eigenaar (persoon)",
    "due date": "uiterste datum",
    "action point": "actiepunt",
    "action points": "actiepunten",
    "progress note": "voortgangsnotitie",
    "progress notes": "voortgangsnotities",
    "decisions": "besluiten",
    "scope": "afbakening",
    "subject": "onderwerp",
    "planned date": "geplande datum",
    "result (file)": "resultaat (bestand)",
    "file name": "bestandsnaam",
    "result (link)": "resultaat (link)",
    "deep dive or knowledge question": "verdieping of kennisvraag",
    "deep dives and knowledge questions": "verdiepingen en kennisvragen",
    "comments": "opmerkingen",
    # chain analysis
    "Analysis of this chain": "Analyse van deze keten",
    "Risk of the chain's materials (EU 2023)": "Risico van de grondstoffen in de keten (EU 2023)",
    "Risk": "Risico",
    "Material": "Grondstof",
    "Supply risk (SR)": "Leveringsrisico (SR)",
    "Economic importance (EI)": "Economisch belang (EI)",
    "Critical (CRMA)": "Kritiek (CRMA)",
    "Strategic (CRMA)": "Strategisch (CRMA)",
    "No materials linked.": "Geen grondstoffen gekoppeld.",
    "Export controls in force": "Geldende exportbeperkingen",
    "in force since": "geldt sinds",
    "None for these materials.": "Geen voor deze grondstoffen.",
    "Demand and end-of-life in Zuid-Holland (t/yr, median with 5–95 %% band)":
        "Vraag en einde levensduur in Zuid-Holland (t/jaar, mediaan met bandbreedte 5–95 %%)",
    "Demand": "Vraag",
    "Flow": "Stroom",
    "Year": "Jaar",
    "t/yr": "t/jaar",
    "The regional model has no demand for these materials.": "Het regionale model heeft geen vraag naar deze grondstoffen.",
    "The regional model is still computing; reload this page in a minute.":
        "Het regionale model is nog aan het rekenen. Laad deze pagina over een minuut opnieuw.",
    "Energy transition": "Energietransitie",
    "Recycling capacity against plant scale (t/yr input)": "Recyclingcapaciteit tegenover de schaal van een fabriek (invoer in t/jaar)",
    "Recycling capacity": "Recyclingcapaciteit",
    "Facility": "Installatie",
    "Stream": "Afvalstroom",
    "Country": "Land",
    "Capacity": "Capaciteit",
    "Minimum efficient scale": "Minimale efficiënte schaal",
    "No facilities linked.": "Geen installaties gekoppeld.",
    # forms, lists, pages
    "Please correct the fields marked below.": "Verbeter de velden die hieronder zijn gemarkeerd.",
    "Cancel": "Annuleren",
    "not published": "niet gepubliceerd",
    "Nothing found.": "Niets gevonden.",
    "Pages": "Pagina's",
    "previous": "vorige",
    "page %(n)s of %(total)s": "pagina %(n)s van %(total)s",
    "next": "volgende",
    "Workspace": "Werkruimte",
    "Dashboard": "Dashboard",
    "Deleted items": "Verwijderde items",
    "Regional consultation on critical raw materials": "Regionaal overleg over kritieke grondstoffen",
    "Next meeting": "Volgende bijeenkomst",
    "Agenda with open action points (DOCX)": "Agenda met open actiepunten (DOCX)",
    "No meeting planned.": "Geen bijeenkomst gepland.",
    "Owner": "Eigenaar",
    "Line 1 open": "Lijn 1 open",
    "Line 1 overdue": "Lijn 1 te laat",
    "Line 2 open": "Lijn 2 open",
    "Line 2 overdue": "Lijn 2 te laat",
    "No open action points.": "Geen open actiepunten.",
    "Open bottlenecks per value chain and category": "Open knelpunten per waardeketen en categorie",
    "Each cell gives the number of open bottlenecks; the colour shows the highest severity (1 light to 5 dark).":
        "Elke cel geeft het aantal open knelpunten. De kleur toont de hoogste ernst (1 licht tot 5 donker).",
    "No open bottlenecks.": "Geen open knelpunten.",
    "Recent changes": "Recente wijzigingen",
    "No changes yet.": "Nog geen wijzigingen.",
    "Download the full audit trail (CSV)": "Download het volledige wijzigingslogboek (CSV)",
    "Deleted items stay in the database with their history; an analyst can undo the delete.":
        "Verwijderde items blijven met hun geschiedenis in de database. Een analist kan het verwijderen ongedaan maken.",
    "Undo delete": "Verwijderen ongedaan maken",
    "Nothing has been deleted.": "Er is niets verwijderd.",
    "This item has been deleted.": "Dit item is verwijderd.",
    "Edit": "Wijzigen",
    "Delete": "Verwijderen",
    "Download the result": "Download het resultaat",
    "Minutes": "Verslag",
    "Decisions": "Besluiten",
    "No decisions recorded.": "Geen besluiten vastgelegd.",
    "Record decision": "Besluit vastleggen",
    "Progress": "Voortgang",
    "No progress notes yet.": "Nog geen voortgangsnotities.",
    "Add progress note": "Voortgangsnotitie toevoegen",
    "None.": "Geen.",
    "Comments": "Opmerkingen",
    "No comments yet.": "Nog geen opmerkingen.",
    "Add comment": "Opmerking toevoegen",
    "History": "Geschiedenis",
    "Download the history (CSV)": "Download de geschiedenis (CSV)",
    # %(name)s is the lowercase singular register name (knelpunt, actiepunt, bijeenkomst, ...): "Nieuw"/"Nieuwe"
    # depends on the noun, so the Dutch names the action instead.
    "New %(name)s": "Toevoegen: %(name)s",
    "Import": "Importeren",
    "Upload a CSV or XLSX file with the columns of the export. Rows with an id update that item; rows without one are added. If any row has a problem, nothing is changed.":
        "Upload een CSV- of XLSX-bestand met de kolommen van de export. Een rij met een id werkt dat item bij; een rij zonder id wordt toegevoegd. Heeft een rij een probleem, dan wordt er niets veranderd.",
    "Nothing was imported. Problems:": "Er is niets geïmporteerd. Problemen:",
    "%(n)s rows imported.": "%(n)s rijen geïmporteerd.",
    "File (CSV or XLSX)": "Bestand (CSV of XLSX)",
    "You see the published items. Partners log in to see and edit the whole workspace.":
        "U ziet de gepubliceerde items. Partners loggen in om de hele werkruimte te zien en te wijzigen.",
    "Search": "Zoeken",
    "all": "alle",
    "Filter": "Filteren",
    "Expected a list of identifiers.": "Geef een lijst met id's.",
    "Unknown identifier(s): %(ids)s": "Onbekende id('s): %(ids)s",
    "last changed": "laatst gewijzigd",
    "Choose a CSV or XLSX file.": "Kies een CSV- of XLSX-bestand.",
}
NL_PLURAL = {"%(n)s item": ("%(n)s item", "%(n)s items")}


def main() -> int:
    po = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags and entry.msgid not in NL and entry.msgid not in NL_PLURAL:
            # makemessages guesses a fuzzy translation from a similar msgid ("Plant" -> "Gepland"): never keep it.
            entry.msgstr = ""
            entry.msgstr_plural = {k: "" for k in entry.msgstr_plural}
        if entry.msgid_plural:
            if entry.msgid in NL_PLURAL:
                entry.msgstr_plural = dict(enumerate(NL_PLURAL[entry.msgid]))
        elif entry.msgid in NL:
            entry.msgstr = NL[entry.msgid]
        if entry.msgid not in NL and entry.msgid not in NL_PLURAL and not (entry.msgstr or entry.msgstr_plural.get(0)):
            missing.append(entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.metadata["Language"] = "nl"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.save()
    po.save_as_mofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.mo"))
    english = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    english.save_as_mofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.mo"))
    for msgid in missing:
        print(f"untranslated: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
