"""Display names of data identifiers in Dutch and English (stages, measures, levers, technologies, …).

Identifiers stay in URLs, API fields and downloads; every page shows these names instead. Names that the data
package or the lever file already carry (materials, countries, technologies, scenarios, levers, NACE sectors)
are read from there; the small fixed vocabularies are listed here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

Pair = tuple[str, str]  # (Dutch, English)

FIXED: dict[str, dict[str, Pair]] = {
    "stage": {
        "extraction": ("winning", "extraction"), "processing": ("verwerking", "processing"),
        "recycling": ("recycling", "recycling"), "product": ("product", "product"),
        "technology": ("technologie", "technology"),
    },
    "scope": {"eu_sourcing": ("EU-aanvoer", "EU sourcing"), "global_supply": ("wereldaanbod", "global supply")},
    "measure_type": {
        "ban_named_countries": ("verbod voor genoemde landen", "ban for named countries"),
        "export_ban": ("exportverbod", "export ban"),
        "licence_requirement": ("vergunningplicht", "licence requirement"),
        "quota": ("quotum", "quota"), "technology_ban": ("verbod op technologie-export", "technology export ban"),
    },
    "status": {"active": ("van kracht", "in force"), "lifted": ("ingetrokken", "lifted"),
               "suspended": ("opgeschort", "suspended")},
    "target_countries": {"all": ("alle landen", "all countries"), "USA": ("Verenigde Staten", "United States")},
    "metric": {
        "demand": ("vraag", "demand"), "end_of_life": ("einde levensduur", "end of life"),
        "recoverable": ("terugwinbaar", "recoverable"), "in_use_stock": ("voorraad in gebruik", "in-use stock"),
        "primary_demand": ("primaire vraag", "primary demand"),
        "secondary_share": ("aandeel secundair materiaal", "secondary share"),
        "sr_weighted_demand": ("vraag × leveringsrisico", "demand × supply risk"),
    },
    "unit": {
        "t/yr": ("t/jaar", "t/yr"), "t": ("t", "t"),
        "fraction of demand": ("fractie van de vraag", "fraction of demand"),
        "t/yr × supply risk (EC 2023)": ("t/jaar × SR (EU 2023)", "t/yr × SR (EU 2023)"),
        "fraction": ("fractie", "fraction"), "fraction of supply": ("fractie van het aanbod", "fraction of supply"),
        "EUR million": ("mln €", "EUR m"), "MEUR": ("mln €", "EUR m"),
    },
    "catchment": {
        "zh": ("Zuid-Holland", "Zuid-Holland"), "nl": ("Nederland", "the Netherlands"),
        "nl-be-nrw": ("Nederland, België en Noordrijn-Westfalen", "Netherlands, Belgium and North Rhine-Westphalia"),
    },
    "basis": {
        "mine": ("mijnproductie", "mine production"), "refinery": ("raffinage", "refinery"),
        "primary_metal": ("primair metaal", "primary metal"), "primary_low_purity": ("primair, lage zuiverheid",
                                                                                  "primary, low purity"),
        "mixed_product": ("gemengd product", "mixed product"), "sponge": ("spons", "sponge"),
        "ferrosilicon_and_silicon_metal": ("ferrosilicium en siliciummetaal", "ferrosilicon and silicon metal"),
    },
    "indicator": {  # key indicators kept per data-package release (crmradar.reports.indicators)
        "supply_risk": ("leveringsrisico (SR)", "supply risk (SR)"),
        "economic_importance": ("economisch belang (EI)", "economic importance (EI)"),
        "top_country_share": ("aandeel grootste producent", "share of the largest producer"),
        "crma_capacity_share": ("EU-capaciteit als aandeel van het EU-verbruik", "EU capacity as share of EU use"),
        "active_export_measures": ("exportbeperkingen van kracht", "export controls in force"),
        "price": ("prijs", "price"), "installed_stock": ("opgesteld vermogen of aantal", "installed stock"),
        "annual_additions": ("jaarlijkse bijplaatsing", "annual additions"),
        "connection_capacity": ("aansluitcapaciteit", "connection capacity"),
        "put_on_market_per_capita": ("op de markt gebracht per inwoner", "put on the market per capita"),
    },
    "region": {"NL36": ("Zuid-Holland", "Zuid-Holland"), "NL": ("Nederland", "the Netherlands"),
               "NL36_RES_RDH": ("RES-regio Rotterdam-Den Haag", "RES region Rotterdam-The Hague")},
    "input_stream": {
        "li_ion_batteries": ("lithium-ionbatterijen", "lithium-ion batteries"),
        "black_mass": ("black mass (batterijpoeder)", "black mass"),
        "permanent_magnets": ("permanente magneten", "permanent magnets"),
        "complex_metal_scrap": ("complex metaalschroot (e-waste)", "complex metal scrap (e-waste)"),
        "pv_modules": ("zonnepanelen", "PV modules"),
        "weee": ("e-waste (AEEA)", "e-waste (WEEE)"),
    },
    "plant_type": {
        "battery_pretreatment": ("voorbehandeling van batterijen", "battery pre-treatment"),
        "battery_refining": ("raffinage van black mass", "black-mass refining"),
        "magnet_recycling": ("recycling van magneten", "magnet recycling"),
        "metals_smelting": ("metaalsmelterij", "metals smelting"),
        "pv_module_recycling": ("recycling van zonnepanelen", "PV module recycling"),
    },
    "product": {
        "li_ion_battery": ("lithium-ionaccu's (HS 8507.60)", "lithium-ion batteries (HS 8507.60)"),
        "permanent_magnet": ("permanente magneten (HS 8505.11)", "permanent magnets (HS 8505.11)"),
        "pv_module": ("zonnepanelen (HS 8541.43)", "PV modules (HS 8541.43)"),
        "pv_cell": ("zonnecellen (HS 8541.42)", "PV cells (HS 8541.42)"),
        "wind_generating_set": ("windturbines (HS 8502.31)", "wind generating sets (HS 8502.31)"),
        "electric_motor": ("elektromotoren (HS 8501)", "electric motors (HS 8501)"),
        "fcc_catalyst": ("FCC-katalysatoren (HS 3815)", "FCC catalysts (HS 3815)"),
    },
    "flow": {"import": ("invoer", "imports"), "export": ("uitvoer", "exports"),
             "put_on_market": ("op de markt", "put on market")},
    "portfolio": {"example": ("voorbeeldportfolio Zuid-Holland (illustratief)",
                              "example Zuid-Holland portfolio (illustrative)"),
                  "none": ("alleen huidige EU-capaciteit", "current EU capacity only")},
}


def _lang(lang: str | None) -> int:
    return 1 if (lang or "nl").lower().startswith("en") else 0


@lru_cache(maxsize=1)
def _lever_names() -> dict[str, Pair]:
    path = Path(__file__).resolve().parents[1] / "scenarios" / "levers.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, Pair] = {}
    for section in ("levers", "packages"):
        for key, block in (document.get(section) or {}).items():
            out[key] = (block.get("name_nl") or block["name_en"], block["name_en"])
    return out


@lru_cache(maxsize=1)
def _scenario_names() -> dict[str, Pair]:
    folder = Path(__file__).resolve().parents[1] / "region" / "scenarios"
    out: dict[str, Pair] = {}
    for path in sorted(folder.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[path.stem] = (document.get("name_nl") or document["name_en"], document["name_en"])
    return out


def _from_table(frame, key: str, nl: str = "name_nl", en: str = "name_en") -> dict[str, Pair]:
    rows = frame[[key, nl, en]].astype(object).where(frame[[key, nl, en]].notna(), None)
    return {str(k): (n or e or str(k), e or n or str(k)) for k, n, e in rows.itertuples(index=False)}


@lru_cache(maxsize=4)
def _package_names(package_path: str) -> dict[str, dict[str, Pair]]:
    from crmradar import data

    kb = data.load()
    return {
        "material": _from_table(kb.materials, "id"),
        "country": _from_table(kb.countries, "iso3"),
        "technology": _from_table(kb.technologies, "id"),
        "nace": _from_table(kb.nace_sectors, "nace_code", "label_nl", "label_en"),
    }


def _table(kind: str) -> dict[str, Pair]:
    if kind in FIXED:
        return FIXED[kind]
    if kind == "application":  # end uses as published in English by the EC 2023 study
        from crmradar.reports.end_use_names import END_USES_NL

        return {en: (nl, en) for en, nl in END_USES_NL.items()}
    if kind == "licence":  # reuse notes of sources.csv, written in English
        from crmradar.reports.licence_names import LICENCES_NL

        return {en: (nl, en) for en, nl in LICENCES_NL.items()}
    if kind == "lever":
        return _lever_names()
    if kind == "scenario":
        return _scenario_names()
    from crmradar import data

    return _package_names(str(data.load().path)).get(kind, {})


def label(kind: str, identifier, lang: str | None = "nl") -> str:
    """Display name of ``identifier`` of the given kind; an unknown identifier is returned unchanged."""
    if identifier is None:
        return "–"
    names = _table(kind).get(str(identifier))
    return names[_lang(lang)] if names else str(identifier)


def known(kind: str, identifier) -> bool:
    return str(identifier) in _table(kind)


def labels(kind: str, lang: str | None = "nl") -> dict[str, str]:
    """Every identifier of a kind with its display name."""
    index = _lang(lang)
    return {key: names[index] for key, names in _table(kind).items()}


def join_names(kind: str, identifiers, lang: str | None = "nl") -> str:
    """Display names joined with commas and a final "en"/"and": "gallium, germanium en grafiet"."""
    names = [label(kind, i, lang) for i in identifiers]
    if len(names) <= 1:
        return "".join(names)
    word = " and " if _lang(lang) else " en "
    return ", ".join(names[:-1]) + word + names[-1]


COLUMNS: dict[str, Pair] = {
    "country": ("land", "country"), "measure": ("maatregel", "measure"), "nace": ("sector (NACE)", "sector (NACE)"),
    "application": ("toepassing", "application"), "technology": ("technologie", "technology"),
    "lever": ("hefboom", "lever"), "catchment": ("verzorgingsgebied", "catchment"),
    "entry": ("bijlage I, punt", "Annex I, entry"),
}


def column(name: str, lang: str | None = "nl") -> str | None:
    """Column names this module adds for the web tables (None: ask crmradar.i18n)."""
    names = COLUMNS.get(name)
    return names[_lang(lang)] if names else None


def unit(text, lang: str | None = "nl") -> str:
    """A unit string in the page language: ``t Li content`` → ``t Li-inhoud``."""
    if text is None:
        return "–"
    fixed = FIXED["unit"].get(str(text))
    if fixed:
        return fixed[_lang(lang)]
    if _lang(lang) == 0:
        words = str(text).split(" ")
        if len(words) == 3 and words[2] == "content":
            return f"{words[0]} {words[1]}-inhoud"
        if str(text).endswith(" REO"):
            return str(text)[:-4] + " zeldzame-aardoxiden (REO)"
    return str(text)


MONTHS_NL = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month(date_text, lang: str | None = "nl") -> str:
    """``2023-08-01`` → ``aug. 2023`` / ``Aug 2023``."""
    text = str(date_text or "")[:7]
    if len(text) != 7 or not text[:4].isdigit() or not text[5:7].isdigit():
        return "–"  # missing dates (None, NaT) included
    names = MONTHS_EN if _lang(lang) else MONTHS_NL
    return f"{names[int(text[5:7]) - 1]} {text[:4]}"


def date(date_text, lang: str | None = "nl") -> str:
    """``2023-08-01`` → ``1 aug. 2023`` / ``1 Aug 2023``; empty → en dash."""
    text = str(date_text or "")[:10]
    if len(text) != 10 or not text[:4].isdigit():
        return "–"
    return f"{int(text[8:10])} {month(text, lang)}"


def measure(country_iso3: str, date_in_force, measure_type: str, material_ids, lang: str | None = "nl") -> str:
    """A readable name for an export-control measure: ``China, aug. 2023: vergunningplicht — gallium en germanium``."""
    when = month(date_in_force, lang)
    where = label("country", country_iso3, lang) + ("" if when == "–" else f", {when}")
    return (f"{where}: {label('measure_type', measure_type, lang)} — "
            f"{join_names('material', sorted(set(material_ids)), lang)}")
