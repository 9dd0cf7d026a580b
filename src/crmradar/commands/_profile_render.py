"""Rich rendering of a material profile (blocks from :mod:`crmradar.reports.material_profile`)."""

from __future__ import annotations

from rich.panel import Panel

from crmradar.commands._common import OutputFormat, console, emit
from crmradar.data import KnowledgeBase
from crmradar.i18n import column_label, label
from crmradar.reports import labels

EXPORT_COLUMNS = ("measure_id", "country_iso3", "material_id", "date_in_force", "date_end", "stage", "measure_type",
                  "target_countries", "status")

TITLES = {
    "risk": "risk",
    "history": "history",
    "producers": "producers",
    "production": "producers",
    "eu_sourcing": "eu_sourcing",
    "end_uses": "end_uses",
    "export_restrictions": "export_restrictions",
    "concentration": "concentration",
    "transit": "transit",
    "transit_products": "transit_products",
    "product_contents": "product_contents",
}


def _identity_panel(block, lang: str) -> Panel:
    row = block.frame.iloc[0]
    name = row["name_nl"] if lang == "nl" else row["name_en"]
    lines = [f"[bold]{name}[/] ({row['id']}{', ' + row['symbol'] if isinstance(row['symbol'], str) else ''})"]
    if isinstance(row.get("group_id"), str):
        lines.append(f"groep/group: {row['group_id']}")
    status = []
    if row.get("crma_strategic"):
        status.append(f"{label('strategic', lang)} — Annex I: “{row.get('crma_annex_i_scope') or ''}”")
    if row.get("crma_critical"):
        status.append(f"{label('critical', lang)} — Annex II: “{row.get('crma_annex_ii_scope') or ''}”")
    lines.append("CRMA: " + ("; ".join(status) if status else label("no", lang)))
    lines.append(f"[dim]{label('sources', lang)}: {', '.join(block.source_ids)}[/]")
    return Panel("\n".join(lines), expand=False)


def render_profile(kb: KnowledgeBase, blocks: list, lang: str) -> None:
    console.print(_identity_panel(blocks[0], lang))
    for block in blocks[1:]:
        if block.frame.empty:
            continue
        frame = block.frame.copy()
        if "country_nl" in frame:
            frame = frame.drop(columns=["country_en" if lang == "nl" else "country_nl"])
        if block.key == "export_restrictions":
            frame = frame[[c for c in EXPORT_COLUMNS if c in frame]]
        for column, kind in (("product_id", "product"), ("flow", "flow")):
            if column in frame:
                frame[column] = [labels.label(kind, value, lang) for value in frame[column]]
        frame = frame.rename(columns={c: column_label(c, lang) for c in frame.columns})
        title = label(TITLES.get(block.key, "sources"), lang) if block.key in TITLES else block.key
        if block.key == "production":
            title += " (USGS)"
        emit(frame, OutputFormat.table, title=title)
        note = "; ".join(f"{k}: {v}" for k, v in block.notes.items())
        console.print(
            f"[dim]{label('sources', lang)}: {', '.join(block.source_ids)}{'  — ' + note if note else ''}[/]"
        )
    used = sorted({sid for block in blocks for sid in block.source_ids})
    sources = kb.sources.loc[kb.sources["id"].isin(used)]
    console.print(f"\n[bold]{label('sources', lang)}[/]")
    for row in sources.itertuples(index=False):
        console.print(f"  [{row.id}] {row.publisher} ({row.year}). {row.title}. {row.url}", highlight=False)
