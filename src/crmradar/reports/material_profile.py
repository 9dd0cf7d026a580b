"""A material profile: every block the CLI (``crmradar material``) and the web profile page show.

Each block is a table plus the ids of the sources behind it, so no number appears without its origin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from crmradar.data import KnowledgeBase
from crmradar.methods.concentration import concentration_indicators
from crmradar.region.criticality_assessment import GOVERNANCE_SOURCE, GOVERNANCE_YEAR

TOP_PRODUCERS = 5


@dataclass
class Block:
    """One section of a profile: a table, its unit notes and the sources behind it."""

    key: str
    frame: pd.DataFrame
    source_ids: list[str]
    notes: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        records = self.frame.astype(object).where(self.frame.notna(), None).to_dict(orient="records")
        return {"key": self.key, "rows": records, "sources": self.source_ids, "notes": self.notes}


def _sources(frame: pd.DataFrame, *columns: str) -> list[str]:
    ids: set[str] = set()
    for column in columns or ("source_id",):
        if column in frame:
            ids.update(str(v) for v in frame[column].dropna() if str(v))
    return sorted(ids)


def related_material_ids(kb: KnowledgeBase, material_id: str) -> list[str]:
    """The material, its group (e.g. hree for dysprosium) and its members (e.g. dysprosium for hree)."""
    materials = kb.materials
    row = materials.loc[materials["id"] == material_id].iloc[0]
    related = [material_id]
    if isinstance(row["group_id"], str) and row["group_id"]:
        related.append(row["group_id"])
    related.extend(materials.loc[materials["group_id"] == material_id, "id"].tolist())
    return related


def identity_block(kb: KnowledgeBase, material_id: str) -> Block:
    row = kb.materials.loc[kb.materials["id"] == material_id]
    columns = [
        c
        for c in (
            "id",
            "name_en",
            "name_nl",
            "symbol",
            "kind",
            "group_id",
            "eu_critical_2023",
            "crma_strategic",
            "crma_critical",
            "crma_annex_i_scope",
            "crma_annex_ii_scope",
        )
        if c in row
    ]
    return Block("identity", row[columns].reset_index(drop=True), _sources(row))


def history_block(kb: KnowledgeBase, material_id: str) -> Block:
    official = kb.criticality_official
    rows = official.loc[official["material_id"] == material_id].sort_values("year")
    columns = [
        c
        for c in ("year", "supply_risk", "economic_importance", "is_critical", "eol_rir", "import_reliance")
        if c in rows
    ]
    return Block("history", rows[columns].reset_index(drop=True), _sources(rows))


def shares_block(kb: KnowledgeBase, material_id: str, scope: str, key: str, top: int | None) -> Block:
    shares = kb.supply_shares
    rows = shares.loc[(shares["material_id"] == material_id) & (shares["scope"] == scope)]
    countries = kb.countries.set_index("iso3")
    rows = rows.assign(
        country_en=rows["country_iso3"].map(countries["name_en"]),
        country_nl=rows["country_iso3"].map(countries["name_nl"]),
    ).sort_values(["stage", "share"], ascending=[True, False])
    if top is not None:
        rows = rows.groupby("stage", sort=True).head(top)
    columns = ["stage", "country_iso3", "country_en", "country_nl", "share", "trade_parameter_t"]
    return Block(key, rows[columns].reset_index(drop=True), _sources(rows), {"share": "fraction 0–1"})


def concentration_block(kb: KnowledgeBase, material_id: str) -> Block:
    """HHI, top-3 share and the largest third-country share vs the CRMA 65 % cap, per scope and stage."""
    shares = kb.supply_shares
    rows = shares.loc[shares["material_id"] == material_id]
    eu27 = set(kb.countries.loc[kb.countries["eu27"].fillna(False).astype(bool), "iso3"])
    parts = []
    for scope, group in rows.groupby("scope", sort=True):
        if group.empty:
            continue
        indicators = concentration_indicators(group[["material_id", "stage", "country_iso3", "share"]], eu27)
        parts.append(indicators.assign(scope=scope))
    if not parts:
        return Block("concentration", pd.DataFrame(), [])
    frame = pd.concat(parts, ignore_index=True)
    columns = ["scope", "stage", "hhi", "top3_share", "largest_third_country", "largest_third_country_share",
               "crma_cap_exceeded", "nzia_resilience_trigger"]
    return Block(
        "concentration",
        frame[columns],
        sorted({*_sources(rows), "eu_crma_2024_1252"}),
        {"hhi": "Σ share² (0–1)", "crma_cap_exceeded": "largest third-country share > 0.65 (CRMA Art. 5(1)(b))"},
    )


RISK_ROWS = (
    ("official_supply_risk", "SR, official EU 2023", "ec2023_crm_study"),
    ("supply_risk", "SR, recomputed (EU method, this package)", "ec2017_crm_methodology"),
    ("p_supply_risk", "P(SR ≥ 1), Monte Carlo", "ec2017_crm_methodology"),
    ("official_economic_importance", "EI, official EU 2023", "ec2023_crm_study"),
    ("eu_economic_importance", "EI, recomputed (EU method, this package)", "ec2017_crm_methodology"),
    ("p_critical_eu", "P(critical) EU, Monte Carlo", "ec2017_crm_methodology"),
    ("economic_importance_region", "EI Zuid-Holland (NL36)", "eurostat_nama_10r_3gva"),
    ("p_critical_region", "P(critical) Zuid-Holland, Monte Carlo", "eurostat_nama_10r_3gva"),
    ("geopolrisk_nld", "GeoPolRisk score, imports of the Netherlands", "cepii_baci"),
    ("geopolrisk_eu27", "GeoPolRisk score, imports of the EU27", "cepii_baci"),
)


def risk_block(kb: KnowledgeBase, material_id: str, overview: pd.DataFrame | None = None) -> Block:
    """Official, recomputed and regional SR/EI, P(critical) and GeoPolRisk for NL and the EU.

    ``overview``: a precomputed :func:`~crmradar.reports.risk_overview.risk_overview` (the web's, from its
    database); ``None`` computes it here; an empty frame means it is still being computed (no rows, a note).
    """
    from crmradar.reports.risk_overview import material_risk, risk_overview

    if overview is not None and overview.empty:
        return Block("risk", pd.DataFrame(columns=["indicator", "label", "value"]), [], {"pending": "computing"})
    overview = risk_overview(kb) if overview is None else overview
    values = material_risk(kb, material_id, overview=overview)
    rows = [
        {"indicator": key, "label": text, "value": values.get(key)}
        for key, text, _source in RISK_ROWS
        if key in values
    ]
    notes = {"draws": str(overview.attrs.get("draws")), "seed": str(overview.attrs.get("seed"))}
    if overview.attrs.get("region_note"):
        notes["region"] = str(overview.attrs["region_note"])
    if overview.attrs.get("estimate_note_nl"):
        notes["region_estimate_nl"] = str(overview.attrs["estimate_note_nl"])
    if overview.attrs.get("apportioned_divisions"):
        notes["region_estimate"] = "divisions apportioned from section totals with national shares: " + "; ".join(
            overview.attrs["apportioned_divisions"].values()
        )
    if pd.notna(values.get("geopolrisk_year")):
        notes["geopolrisk_year"] = str(values["geopolrisk_year"])
    known = set(kb.sources["id"])
    sources = {s for key, _t, s in RISK_ROWS if pd.notna(values.get(key)) and s in known}
    if pd.notna(values.get("supply_risk")) and GOVERNANCE_SOURCE in known:
        sources.add(GOVERNANCE_SOURCE)
        notes["governance"] = f"WGI mean of six indicators, data year {GOVERNANCE_YEAR}"
    sources = sorted(sources)
    return Block("risk", pd.DataFrame(rows, columns=["indicator", "label", "value"]), sources, notes)


def end_use_block(kb: KnowledgeBase, material_id: str) -> Block:
    uses = kb.end_uses
    rows = uses.loc[uses["material_id"] == material_id].sort_values("share", ascending=False)
    columns = [c for c in ("application", "share", "nace_code", "nace_label", "sector_value_added_meur") if c in rows]
    return Block(
        "end_uses",
        rows[columns].reset_index(drop=True),
        _sources(rows),
        {"share": "fraction 0–1", "sector_value_added_meur": "EUR million (EU27)"},
    )


def production_block(kb: KnowledgeBase, material_id: str) -> Block:
    production = kb.production
    rows = production.loc[(production["material_id"] == material_id) & (production["country_iso3"] != "WLD")]
    if rows.empty:
        return Block("production", rows, [])
    latest = rows.loc[rows["year"] == rows["year"].max()].sort_values("quantity", ascending=False)
    latest = latest.head(TOP_PRODUCERS)
    columns = [c for c in ("year", "country_iso3", "quantity", "unit", "basis", "is_estimate") if c in latest]
    return Block("production", latest[columns].reset_index(drop=True), _sources(latest))


def export_restrictions_block(kb: KnowledgeBase, material_id: str) -> Block:
    measures = kb.export_restrictions
    related = related_material_ids(kb, material_id)
    rows = measures.loc[measures["material_id"].isin(related)].sort_values("date_in_force")
    columns = [
        c
        for c in (
            "measure_id",
            "country_iso3",
            "announcement",
            "material_id",
            "date_in_force",
            "date_end",
            "stage",
            "measure_type",
            "target_countries",
            "status",
            "product_scope",
        )
        if c in rows
    ]
    frame = rows[columns].reset_index(drop=True)
    for column in ("date_in_force", "date_end"):
        if column in frame:
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    return Block("export_restrictions", frame, _sources(rows, "source_id", "status_source_id"))


def material_profile(kb: KnowledgeBase, material_id: str, overview: pd.DataFrame | None = None) -> list[Block]:
    """All profile blocks for ``material_id`` in display order (``overview``: see :func:`risk_block`)."""
    from crmradar.reports.transit import product_contents_block, transit_block, transit_products_block
    return [
        identity_block(kb, material_id),
        risk_block(kb, material_id, overview),
        history_block(kb, material_id),
        shares_block(kb, material_id, "global_supply", "producers", TOP_PRODUCERS),
        production_block(kb, material_id),
        concentration_block(kb, material_id),
        shares_block(kb, material_id, "eu_sourcing", "eu_sourcing", None),
        end_use_block(kb, material_id),
        export_restrictions_block(kb, material_id),
        transit_block(kb, material_id),
        transit_products_block(kb, material_id),
        product_contents_block(kb, material_id),
    ]


def source_table(kb: KnowledgeBase, source_ids: list[str]) -> pd.DataFrame:
    sources = kb.sources
    return sources.loc[sources["id"].isin(source_ids)].reset_index(drop=True)
