"""Documents assembled from the same report functions as the web and the command line: the material fact sheet
(``material_profile``, as ``crmradar material NAME --format json``), regional demand (``region.model.run`` +
``material_summary``, as ``crmradar demand --format json`` with the same default draws and seed), the official
risk table and the workspace state handed in as plain data by the caller (no Django here).

Every table names the source ids behind its numbers; each document ends with the full list of sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from crmradar.data.loader import KnowledgeBase
from crmradar.documents.model import Document, Section, Table
from crmradar.reports import document_charts, labels
from crmradar.reports.numbers import format_estimate, format_number, format_percent

DEMAND_DRAWS = 1000  # the default of crmradar demand
DEMAND_SEED = 20260616
DEMAND_SCENARIO = "targets"
HEADLINE_MATERIALS = ["lithium", "cobalt", "nickel", "natural_graphite", "neodymium", "praseodymium", "dysprosium",
                      "terbium", "silver", "gallium", "indium", "iridium", "platinum"]
YEARS = (2030, 2040, 2050)
DEMAND_SOURCE = "crmradar_region_estimate"
WORKSPACE_SOURCE = "werkruimte"

RISK_LABELS = {
    "official_supply_risk": "Leveringsrisico (SR), officieel EU 2023",
    "supply_risk": "SR, herberekend (EU-methode, dit datapakket)",
    "p_supply_risk": "Kans op SR ≥ 1 (Monte Carlo)",
    "official_economic_importance": "Economisch belang (EI), officieel EU 2023",
    "eu_economic_importance": "EI, herberekend (EU-methode)",
    "p_critical_eu": "Kans op kritiek in de EU (Monte Carlo)",
    "economic_importance_region": "EI Zuid-Holland (NL36)",
    "p_critical_region": "Kans op kritiek in Zuid-Holland (Monte Carlo)",
    "geopolrisk_nld": "GeoPolRisk, invoer Nederland",
    "geopolrisk_eu27": "GeoPolRisk, invoer EU27",
}
STAGES = {"extraction": "winning", "processing": "raffinage", "product": "product", "recycling": "recycling",
          "technology": "technologie"}
ACTION_LINES = {1: "Lijn 1 (beleidsinterventies)", 2: "Lijn 2 (regionaal overleg)"}


def material_name(kb: KnowledgeBase, material_id: str) -> str:
    row = kb.materials.loc[kb.materials["id"] == material_id].iloc[0]
    name = str(row["name_nl"])
    return name[:1].upper() + name[1:]


def _citations(kb: KnowledgeBase, source_ids) -> list[tuple[str, str]]:
    sources = kb.sources.set_index("id")
    out = []
    for source_id in sorted(set(source_ids)):
        if source_id == WORKSPACE_SOURCE:
            out.append((source_id, "registers van het regionaal overleg kritieke grondstoffen (crm-radar werkruimte: "
                                   "ketens, knelpunten, actiepunten, projecten), stand op de datum van dit document"))
            continue
        if source_id not in sources.index:
            out.append((source_id, "eigen schatting of afleiding van crm-radar (zie de methodenotities)"))
            continue
        row = sources.loc[source_id]
        year = "" if pd.isna(row["year"]) else f" ({int(row['year'])})"
        url = "" if pd.isna(row["url"]) else f" {row['url']}"
        out.append((source_id, f"{row['publisher']}{year}. {row['title']}.{url}"))
    return out


def _date(value) -> str:
    return "–" if value is None or pd.isna(value) else str(value)[:10]


def _block(blocks, key: str):
    return next(b for b in blocks if b.key == key)


def _fmt_risk(indicator: str, value) -> str:
    if indicator.startswith("p_"):
        return format_percent(value, "nl")
    if indicator.startswith("geopolrisk"):
        return format_number(value, "nl", significant=3)
    return format_number(value, "nl", decimals=1)


def material_fact_sheet(kb: KnowledgeBase, material_id: str, today: dt.date | None = None) -> Document:
    """One-page fact sheet (RMIS-style) from the blocks of ``crmradar material NAME``."""
    from crmradar.reports.material_profile import TOP_PRODUCERS, material_profile

    blocks = material_profile(kb, material_id)
    identity = _block(blocks, "identity").frame.iloc[0]
    name = material_name(kb, material_id)
    status = []
    if identity.get("crma_strategic"):
        status.append("strategisch (CRMA bijlage I)")
    if identity.get("crma_critical"):
        status.append("kritiek (CRMA bijlage II)")
    if identity.get("eu_critical_2023") and not status:
        status.append("kritiek volgens de EU-lijst 2023")
    symbol = f" ({identity['symbol']})" if isinstance(identity.get("symbol"), str) and identity["symbol"] else ""
    sections = []
    risk = _block(blocks, "risk")
    rows = [[RISK_LABELS.get(r.indicator, r.label), _fmt_risk(r.indicator, r.value)]
            for r in risk.frame.itertuples() if not pd.isna(r.value)]
    sections.append(Section("Risico", [
        "Leveringsrisico en economisch belang volgens de EU-methode; de drempel voor kritiek is SR ≥ 1 en EI ≥ 2,8."],
        tables=[Table(["Indicator", "Waarde"], rows, sources=risk.source_ids, numeric=[False, True])]))
    producers = _block(blocks, "producers")
    frame = producers.frame
    if not frame.empty:
        prod_rows = [[STAGES.get(r.stage, r.stage), r.country_nl, format_percent(r.share, "nl", decimals=1)]
                     for r in frame.itertuples()]
        sections.append(Section(f"Grootste producenten (top {TOP_PRODUCERS} per stap, wereld)", tables=[
            Table(["Stap", "Land", "Aandeel"], prod_rows, sources=producers.source_ids,
                  numeric=[False, False, True])]))
    concentration = _block(blocks, "concentration")
    if not concentration.frame.empty:
        scopes = {"global_supply": "wereld", "eu_sourcing": "EU-inkoop"}
        countries = kb.countries.set_index("iso3")
        conc_rows = [[scopes.get(r.scope, r.scope), STAGES.get(r.stage, r.stage),
                      format_number(r.hhi, "nl", decimals=2),
                      countries["name_nl"].get(r.largest_third_country, r.largest_third_country)
                      if isinstance(r.largest_third_country, str) else "–",
                      format_percent(r.largest_third_country_share, "nl", decimals=1),
                      "ja" if r.crma_cap_exceeded else "nee"] for r in concentration.frame.itertuples()]
        sections.append(Section("Concentratie", [
            "HHI van 0 (gespreid) tot 1 (één land). De CRMA wil dat de EU in 2030 voor elke stap niet meer dan "
            "65 % uit één derde land haalt."], tables=[Table(
                ["Bereik", "Stap", "HHI", "Grootste derde land", "Aandeel", "Boven 65 %"], conc_rows,
                sources=concentration.source_ids, numeric=[False, False, True, False, True, False])]))
    end_uses = _block(blocks, "end_uses")
    if not end_uses.frame.empty:
        sections.append(Section("Toepassingen in de EU", tables=[Table(
            ["Toepassing", "Aandeel"], [[labels.label("application", r.application), format_percent(r.share, "nl")]
                                        for r in end_uses.frame.itertuples()],
            sources=end_uses.source_ids, numeric=[False, True])]))
    measures = _block(blocks, "export_restrictions")
    if not measures.frame.empty:
        countries = kb.countries.set_index("iso3")
        active = measures.frame.loc[measures.frame["status"] == "active"]
        sections.append(Section("Exportbeperkingen van kracht", tables=[Table(
            ["Land", "Sinds", "Maatregel", "Stap"],
            [[countries["name_nl"].get(r.country_iso3, r.country_iso3), labels.date(r.date_in_force, "nl"),
              labels.label("measure_type", r.measure_type), STAGES.get(r.stage, r.stage)]
             for r in active.itertuples()], sources=measures.source_ids)]))
    all_sources = sorted({s for b in blocks for s in b.source_ids})
    today = today or dt.date.today()
    return Document(
        title=f"Grondstoffenprofiel: {name}{symbol}",
        subtitle=f"Status: {', '.join(status) or 'niet kritiek volgens de EU-lijst 2023'}. "
                 f"Gemaakt met crm-radar op {today:%d-%m-%Y} uit het ingebouwde datapakket.",
        sections=sections, sources=_citations(kb, all_sources),
        footer=f"crm-radar · grondstoffenprofiel {name} · {today:%d-%m-%Y}", compact=True)


@dataclass
class DemandFigures:
    summary: pd.DataFrame
    scenario: str = DEMAND_SCENARIO
    draws: int = DEMAND_DRAWS
    seed: int = DEMAND_SEED

    def value(self, material: str, metric: str, year: int, column: str = "p50") -> float:
        frame = self.summary
        row = frame.loc[(frame["material_id"] == material) & (frame["metric"] == metric) & (frame["year"] == year)]
        return float(row.iloc[0][column]) if not row.empty else float("nan")

    def estimate(self, material: str, metric: str, year: int) -> str:
        return format_estimate(self.value(material, metric, year), self.value(material, metric, year, "p5"),
                               self.value(material, metric, year, "p95"), "nl")


def regional_demand(kb: KnowledgeBase, scenario: str = DEMAND_SCENARIO, draws: int = DEMAND_DRAWS,
                    seed: int = DEMAND_SEED) -> DemandFigures:
    """Material demand and end-of-life percentiles of Zuid-Holland (as ``crmradar demand --format json``)."""
    from crmradar.region.build import build_spec
    from crmradar.region.model import run
    from crmradar.region.scenario import load_scenario
    from crmradar.region.summary import material_summary

    spec = build_spec(load_scenario(scenario, kb), kb)
    result = run(spec, draws=draws, seed=seed)
    return DemandFigures(material_summary(result), scenario, draws, seed)


def _top_country(kb: KnowledgeBase, material_id: str) -> tuple[str, float, str] | None:
    """Largest producing country of the processing (else extraction) stage, from the profile's producers block."""
    from crmradar.reports.material_profile import TOP_PRODUCERS, shares_block

    frame = shares_block(kb, material_id, "global_supply", "producers", TOP_PRODUCERS).frame
    for stage in ("processing", "extraction"):
        rows = frame.loc[frame["stage"] == stage]
        if not rows.empty:
            top = rows.sort_values("share", ascending=False).iloc[0]
            return str(top["country_nl"]), float(top["share"]), stage
    return None


def _active_measures(kb: KnowledgeBase) -> pd.DataFrame:
    frame = kb.export_restrictions
    return frame.loc[frame["status"] == "active"]


@dataclass
class WorkspaceState:
    """The consultation's registers as plain data (assembled by the caller from the workspace database)."""

    chains: list[dict] = field(default_factory=list)      # code, name, description, materials, technologies
    bottlenecks: list[dict] = field(default_factory=list)  # title, chain (code), category, severity, status, owner
    actions: list[dict] = field(default_factory=list)      # title, line, status, owner, due_date, chains (codes)
    projects: list[dict] = field(default_factory=list)     # name, chain, stage, crma_status, source


def public_summary(kb: KnowledgeBase, demand: DemandFigures, today: dt.date | None = None) -> Document:
    """Plain-Dutch public summary (B1): short sentences, every number with its source."""
    today = today or dt.date.today()
    materials = kb.materials
    # Entries of the CRMA annexes (one entry may cover several materials, e.g. the rare earths).
    critical = int(materials["crma_annex_ii_entry"].dropna().nunique())
    strategic = int(materials["crma_annex_i_entry"].dropna().nunique())
    measures = _active_measures(kb)
    china = measures.loc[measures["country_iso3"] == "CHN", "material_id"].nunique()
    gallium = _top_country(kb, "gallium")
    sources = {"eu_crma_2024_1252", "ec2023_crm_study", DEMAND_SOURCE}
    sources |= set(measures["source_id"].dropna())
    intro = [
        "Grondstoffen zijn de stoffen waar we dingen van maken. Denk aan metalen als lithium, kobalt en gallium. "
        "Zonder die stoffen zijn er geen batterijen, windmolens of zonnepanelen.",
        f"De Europese Unie noemt {critical} grondstoffen kritiek in de wet voor kritieke grondstoffen. "
        "Kritiek betekent: we hebben de stof hard nodig, en de aanvoer kan zomaar stoppen. "
        f"Van die lijst zijn er {strategic} ook strategisch. Die zijn nodig voor de overstap naar schone energie "
        "en voor defensie.",
    ]
    risk = [
        "Veel van deze stoffen komen uit één land. Dat is een risico. Als dat land stopt met leveren, staan "
        "fabrieken hier stil.",
    ]
    if gallium:
        country, share, _stage = gallium
        risk.append(f"Een voorbeeld is gallium. Dat zit in chips en in ledlampen. {country} maakt "
                    f"{format_percent(share, 'nl', decimals=1)} van al het gallium in de wereld.")
    risk.append(f"Landen kunnen de uitvoer ook beperken. Op dit moment gelden {measures['measure_id'].nunique()} "
                f"van zulke regels. China heeft regels voor {china} van de stoffen die wij volgen.")
    need = ["Zuid-Holland gaat over op schone energie. Daarvoor zijn veel windmolens, zonnepanelen, batterijen en "
            "elektrische auto's nodig. En dus ook meer grondstoffen."]
    for material in ("lithium", "neodymium"):
        need.append(f"{material_name(kb, material)}: in 2030 is naar schatting "
                    f"{demand.estimate(material, 'demand', 2030)} ton per jaar nodig. In 2050 is dat "
                    f"{demand.estimate(material, 'demand', 2050)} ton per jaar.")
    need.append("Het eerste getal is de beste schatting. Tussen haakjes staat de marge. De echte waarde ligt daar "
                "met 90 % kans binnen.")
    reuse = [f"Oude apparaten bevatten ook grondstoffen. In 2050 komt er naar schatting "
             f"{demand.estimate('lithium', 'end_of_life', 2050)} ton lithium per jaar vrij uit afgedankte "
             "producten. Dat kunnen we opnieuw gebruiken.",
             "Minder gebruiken, langer gebruiken en beter recyclen maakt ons minder afhankelijk."]
    act = ["De provincie werkt samen met het Havenbedrijf Rotterdam, de Gemeente Rotterdam, DCMR, TNO en "
           "InnovationQuarter. Samen zoeken ze naar oplossingen. Ze kijken per keten waar het knelt.",
           "Alle cijfers en bronnen staan open op de website van crm-radar."]
    return Document(
        title="Grondstoffen voor schone energie in Zuid-Holland",
        subtitle=f"Publieksversie · stand {today:%d-%m-%Y}",
        sections=[Section("Waar gaat het over?", intro), Section("Waarom is dat een risico?", risk),
                  Section("Hoeveel hebben we nodig?", need,
                          charts=[c for c in [document_charts.bands_chart(demand.summary, "lithium")] if c]),
                  Section("Wat kunnen we hergebruiken?", reuse),
                  Section("Wat doen we eraan?", act)],
        sources=_citations(kb, sources),
        footer=f"crm-radar · publieksversie · {today:%d-%m-%Y} · schattingen: scenario '{demand.scenario}', "
               f"{demand.draws} trekkingen")


def _demand_table(kb: KnowledgeBase, demand: DemandFigures, materials: list[str]) -> Table:
    rows = []
    for material in materials:
        if demand.summary.loc[demand.summary["material_id"] == material].empty:
            continue
        rows.append([material_name(kb, material), *[demand.estimate(material, "demand", y) for y in YEARS],
                     demand.estimate(material, "end_of_life", 2050)])
    return Table(["Grondstof", *[f"Vraag {y}" for y in YEARS], "Vrijkomend 2050"], rows,
                 caption=f"Ton per jaar: mediaan (P5 tot P95), scenario '{demand.scenario}', {demand.draws} "
                         f"Monte-Carlotrekkingen, zaad {demand.seed}.",
                 sources=[DEMAND_SOURCE], numeric=[False, True, True, True, True])


def _risk_rows(kb: KnowledgeBase, materials: list[str]) -> Table:
    from crmradar.reports.risk_table import official_risk_table

    table = official_risk_table(kb).set_index("material_id")
    rows = []
    for material in materials:
        if material not in table.index:
            continue
        row = table.loc[material]
        top = _top_country(kb, material)
        why = (f"{top[0]} {format_percent(top[1], 'nl', decimals=1)} ({STAGES[top[2]]})" if top else "–")
        rows.append([material_name(kb, material), format_number(row["supply_risk"], "nl", decimals=1),
                     format_number(row["economic_importance"], "nl", decimals=1),
                     "strategisch" if row["crma_strategic"] else ("kritiek" if row["crma_critical"] else "–"), why])
    return Table(["Grondstof", "SR", "EI", "CRMA", "Grootste producent"], rows,
                 caption="SR en EI: officiële EU-beoordeling 2023 (kritiek bij SR ≥ 1 en EI ≥ 2,8).",
                 sources=["ec2023_crm_study", "eu_crma_2024_1252"], numeric=[False, True, True, False, False])


def _action_table(state: WorkspaceState) -> Table:
    counts: dict = {}
    for action in state.actions:
        key = (action.get("owner") or "geen eigenaar", action["line"])
        entry = counts.setdefault(key, {"open": 0, "done": 0, "overdue": 0})
        if action["status"] in ("afgerond", "vervallen", "done", "cancelled"):
            entry["done"] += 1
        else:
            entry["open"] += 1
            if action.get("overdue"):
                entry["overdue"] += 1
    rows = [[owner, ACTION_LINES.get(line, str(line)), str(v["open"]), str(v["overdue"]), str(v["done"])]
            for (owner, line), v in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][0]))]
    return Table(["Eigenaar", "Actielijn", "Open", "Waarvan te laat", "Afgerond of vervallen"], rows,
                 sources=[WORKSPACE_SOURCE], numeric=[False, False, True, True, True])


def _bottleneck_sections(state: WorkspaceState, chains: list[dict]) -> list[Section]:
    sections = []
    for chain in chains:
        items = [b for b in state.bottlenecks if b.get("chain") == chain["code"]]
        rows = [[b["title"], b["category"], str(b["severity"]), b["status"], b.get("owner") or "–"] for b in items]
        paragraphs = [] if rows else ["Geen knelpunten vastgelegd."]
        tables = [Table(["Knelpunt", "Categorie", "Ernst (1–5)", "Status", "Eigenaar"], rows,
                        sources=[WORKSPACE_SOURCE], numeric=[False, False, True, False, False])] if rows else []
        sections.append(Section(f"Knelpunten: {chain['name']}", paragraphs, tables))
    return sections


LEVER_INDICATOR = "sr_weighted_demand"
LEVERS_SHOWN = 8


def lever_section(ranking: pd.DataFrame | None) -> Section:
    """The levers ranked by their effect on the supply-risk-weighted primary demand of all materials in 2050,
    from the rows of ``crmradar levers rank --format json`` (``data``)."""
    heading = "3. Hefbomen"
    if ranking is None or ranking.empty:
        return Section(heading, [
            "De rangschikking van de hefbomen is niet meegenomen. Maak die met crmradar levers rank --format json "
            "> rang.json en geef het bestand mee met --levers rang.json."])
    rows = ranking.loc[(ranking["indicator"] == LEVER_INDICATOR) & (ranking["material_id"] == "total")]
    rows = rows.sort_values("rank").head(LEVERS_SHOWN)
    if rows.empty:
        return Section(heading, ["De rangschikking bevat geen totaal voor de risicogewogen vraag."])
    year = int(rows["year"].iloc[0])
    table = Table(["Rang", "Hefboom", "Sterkte", "Effect (mediaan, P5 tot P95)", "Relatief"],
                  [[str(int(r.rank)), labels.label("lever", r.lever), format_number(r.strength, "nl"),
                    format_estimate(r.change_p50, r.change_p5, r.change_p95, "nl"),
                    format_percent(r.relative_change_p50, "nl", decimals=1)] for r in rows.itertuples()],
                  caption=f"Verandering van de primaire vraag naar alle grondstoffen in {year}, gewogen met het "
                          "leveringsrisico (t/jaar × SR, EU 2023); negatief is minder risico.",
                  sources=["crmradar_region_estimate", "ec2023_crm_study"], numeric=[True, False, True, True, True])
    chart = document_charts.lever_chart(ranking, LEVER_INDICATOR, LEVERS_SHOWN)
    return Section(heading, ["Hefbomen gerangschikt naar hun effect op de risicogewogen vraag van de "
                             "energietransitie (crmradar levers rank)."], tables=[table],
                   charts=[chart] if chart else [])


def council_annex(kb: KnowledgeBase, demand: DemandFigures, state: WorkspaceState,
                  today: dt.date | None = None, lever_ranking: pd.DataFrame | None = None) -> Document:
    """Annex to a letter to the Provincial Council (Provinciale Staten)."""
    today = today or dt.date.today()
    measures = _active_measures(kb)
    materials = [m for m in HEADLINE_MATERIALS if m in set(demand.summary["material_id"])]
    sections = [
        Section("1. Kritieke grondstoffen voor de regio en waarom", [
            "De tabel toont de grondstoffen die de energietransitie van Zuid-Holland het meest vraagt, met hun "
            "leveringsrisico (SR) en economisch belang (EI) uit de EU-beoordeling van 2023 en het land met het "
            "grootste aandeel in de wereldproductie.",
            f"Er gelden {measures['measure_id'].nunique()} exportbeperkingen op grondstoffen uit het datapakket, "
            f"waarvan {measures.loc[measures['country_iso3'] == 'CHN', 'measure_id'].nunique()} van China."],
            tables=[_risk_rows(kb, materials)], charts=[document_charts.risk_chart(kb)]),
        Section("2. Vraag van de energietransitie en vrijkomend materiaal", [
            "Jaarlijkse vraag naar de grondstof in nieuwe installaties (wind, zon, batterijen, elektrische "
            "voertuigen, elektrolysers, warmtepompen, netten) in Zuid-Holland, en wat in 2050 vrijkomt aan het "
            "einde van de levensduur. De banden geven de onzekerheid in aantallen, materiaalintensiteit en "
            "levensduur."], tables=[_demand_table(kb, demand, materials)],
            charts=[c for c in (document_charts.bands_chart(demand.summary, m) for m in ("lithium", "neodymium"))
                    if c]),
        lever_section(lever_ranking),
        Section("4. Stand van de actielijnen", [
            "Actiepunten van het regionaal overleg per eigenaar en lijn, uit de werkruimte op de datum van dit "
            "document."] if state.actions else ["Er zijn nog geen actiepunten vastgelegd in de werkruimte."],
            tables=[_action_table(state)] if state.actions else []),
    ]
    sections += _bottleneck_sections(state, state.chains) if state.chains else [
        Section("Knelpunten per keten", ["Er zijn nog geen ketens vastgelegd in de werkruimte."])]
    sections.append(Section("CRMA-doelen en de projectenpijplijn", [
        "Aandeel van de EU-capaciteit in het EU-verbruik per strategische grondstof en stap na de geciteerde "
        "projecten in de fase financiering of later, tegen de doelen van de CRMA voor 2030."],
        charts=[document_charts.crma_chart(kb)]))
    if state.projects:
        sections.append(Section("Projecten", tables=[Table(
            ["Project", "Keten", "Fase", "CRMA-status", "Bron"],
            [[p["name"], p.get("chain") or "–", p.get("stage") or "–", p.get("crma_status") or "–",
              p.get("source") or "–"] for p in state.projects])]))
    sources = {"ec2023_crm_study", "eu_crma_2024_1252", DEMAND_SOURCE, WORKSPACE_SOURCE}
    sources |= set(measures["source_id"].dropna())
    return Document(
        title="Bijlage: kritieke grondstoffen in Zuid-Holland",
        subtitle=f"Bijlage bij de brief aan Provinciale Staten · stand {today:%d-%m-%Y} · gemaakt met crm-radar",
        sections=sections, sources=_citations(kb, sources),
        footer=f"crm-radar · bijlage Provinciale Staten · {today:%d-%m-%Y}")


def chain_document(kb: KnowledgeBase, demand: DemandFigures, state: WorkspaceState, code: str,
                   today: dt.date | None = None) -> Document:
    """Deep-dive document for one value chain of the workspace."""
    today = today or dt.date.today()
    chain = next(c for c in state.chains if c["code"] == code)
    materials = list(chain.get("materials") or [])
    measures = _active_measures(kb)
    measures = measures.loc[measures["material_id"].isin(materials)]
    countries = kb.countries.set_index("iso3")
    sections = [Section("Keten", [chain.get("description") or "Geen beschrijving vastgelegd.",
                                  "Grondstoffen: " + (", ".join(material_name(kb, m) for m in materials) or "–"),
                                  "Technologieën: " + (labels.join_names("technology", chain.get("technologies") or [])
                                                       or "–")])]
    if materials:
        sections.append(Section("Risico van de grondstoffen", tables=[_risk_rows(kb, materials)]))
        with_demand = [m for m in materials if m in set(demand.summary["material_id"])]
        if with_demand:
            sections.append(Section("Regionale vraag en vrijkomend materiaal",
                                    tables=[_demand_table(kb, demand, with_demand)],
                                    charts=[document_charts.bands_chart(demand.summary, with_demand[0])]))
        sections.append(Section("Exportbeperkingen van kracht", [] if not measures.empty else ["Geen."], tables=[
            Table(["Grondstof", "Land", "Sinds", "Maatregel"],
                  [[material_name(kb, r.material_id), countries["name_nl"].get(r.country_iso3, r.country_iso3),
                    _date(r.date_in_force), labels.label("measure_type", r.measure_type)]
                   for r in measures.itertuples()], sources=sorted(set(measures["source_id"].dropna())))]
            if not measures.empty else []))
    sections += _bottleneck_sections(state, [chain])
    actions = [a for a in state.actions if code in (a.get("chains") or [])]
    sections.append(Section("Actiepunten", [] if actions else ["Geen actiepunten gekoppeld."], tables=[Table(
        ["Actiepunt", "Lijn", "Status", "Eigenaar", "Deadline"],
        [[a["title"], str(a["line"]), a.get("status_label") or a["status"], a.get("owner") or "–",
          a.get("due_date") or "–"]
         for a in actions], sources=[WORKSPACE_SOURCE])] if actions else []))
    sources = {"ec2023_crm_study", "eu_crma_2024_1252", DEMAND_SOURCE, WORKSPACE_SOURCE}
    sources |= set(measures["source_id"].dropna())
    return Document(title=f"Ketenverdieping: {chain['name']}",
                    subtitle=f"Stand {today:%d-%m-%Y} · gemaakt met crm-radar uit het datapakket en de werkruimte",
                    sections=sections, sources=_citations(kb, sources),
                    footer=f"crm-radar · keten {chain['code']} · {today:%d-%m-%Y}")
