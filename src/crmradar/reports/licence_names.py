"""Dutch wording of the licence and reuse notes in ``sources.csv`` (written in English in the data package).

Licence names themselves (CC BY 4.0, MIT, EUPL-1.2, …) stay as they are; only the explanations are translated.
A test checks that every licence note in the package has an entry here.
"""

from __future__ import annotations

LICENCES_NL: dict[str, str] = {
    "BSD-3-Clause": "BSD-3-Clause",
    "CBS open data (CC BY 4.0)": "open data van het CBS (CC BY 4.0)",
    "CC BY 3.0 (open access article)": "CC BY 3.0 (open-access-artikel)",
    "CC BY 3.0 IGO": "CC BY 3.0 IGO",
    "CC BY 4.0": "CC BY 4.0",
    "CC BY 4.0 (open access article and SI)": "CC BY 4.0 (open-access-artikel en bijlagen)",
    "CC BY-NC-SA 3.0 IGO": "CC BY-NC-SA 3.0 IGO",
    "Code list and descriptions used as facts for classification":
        "codelijst en omschrijvingen gebruikt als feiten voor de indeling",
    "Company information": "bedrijfsinformatie",
    "EUPL-1.2": "EUPL-1.2",
    "EUPL-1.2 (project data)": "EUPL-1.2 (gegevens van het project)",
    "Etalab Open Licence 2.0": "Etalab Open Licence 2.0",
    "Eurostat reuse policy (free reuse with attribution)":
        "hergebruikbeleid van Eurostat (vrij hergebruik met bronvermelding)",
    "Facts cited from press coverage; text not reproduced":
        "feiten uit berichtgeving in de pers; tekst niet overgenomen",
    "Facts cited; text not reproduced": "feiten geciteerd; tekst niet overgenomen",
    "GPL-3.0 (code; not copied) — bundled data keep their publishers' licences":
        "GPL-3.0 (code; niet overgenomen) — meegeleverde gegevens houden de licentie van hun uitgever",
    "GPL-3.0 (package; used only as a dependency of the curation scripts)":
        "GPL-3.0 (pakket; alleen gebruikt door de bewerkingsscripts)",
    "IEA terms of use; figures cited, not reproduced as a dataset":
        "gebruiksvoorwaarden van het IEA; cijfers geciteerd, niet als dataset overgenomen",
    "LGPL-2.1 (pycountry); code lists are facts": "LGPL-2.1 (pycountry); codelijsten zijn feiten",
    "MIT": "MIT",
    "Official government act; facts cited, text not reproduced":
        "officieel overheidsbesluit; feiten geciteerd, tekst niet overgenomen",
    "Official statistics; facts cited, text not reproduced":
        "officiële statistiek; feiten geciteerd, tekst niet overgenomen",
    "Press article; facts cited, text not reproduced": "persartikel; feiten geciteerd, tekst niet overgenomen",
    "Public domain (U.S. Government work)": "publiek domein (werk van de Amerikaanse overheid)",
    "Public information": "openbare informatie",
    "Public sector information": "overheidsinformatie",
    "Public sector information (reuse allowed)": "overheidsinformatie (hergebruik toegestaan)",
    "Publisher terms (figures cited only)": "voorwaarden van de uitgever (alleen cijfers geciteerd)",
    "Quoted figures (facts)": "geciteerde cijfers (feiten)",
    "TenneT public information": "openbare informatie van TenneT",
    "UN Comtrade terms of use (free reuse with attribution)":
        "gebruiksvoorwaarden van UN Comtrade (vrij hergebruik met bronvermelding)",
    "UNEP terms (reuse with attribution)": "voorwaarden van UNEP (hergebruik met bronvermelding)",
    "© EuroGeographics for the administrative boundaries; Eurostat reuse with attribution":
        "© EuroGeographics voor de bestuurlijke grenzen; hergebruik volgens Eurostat met bronvermelding",
    "© European Union, EUR-Lex reuse with attribution": "© Europese Unie, hergebruik via EUR-Lex met bronvermelding",
    "© European Union, reuse with attribution": "© Europese Unie, hergebruik met bronvermelding",
    "© European Union, reuse with attribution (Commission Decision 2011/833/EU)":
        "© Europese Unie, hergebruik met bronvermelding (Besluit 2011/833/EU van de Commissie)",
    "© LANUV NRW; figures cited": "© LANUV NRW; cijfers geciteerd",
    "© PIANOo; criteria cited, clause texts drafted by crm-radar":
        "© PIANOo; criteria geciteerd, clausuleteksten opgesteld door crm-radar",
}
