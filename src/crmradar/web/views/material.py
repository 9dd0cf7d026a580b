"""Material profile page: every block of crmradar.reports.material_profile with names instead of ids."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.data.lookup import UnknownMaterialError, resolve_material
from crmradar.i18n import column_label
from crmradar.reports import labels
from crmradar.web import services
from crmradar.web.templatetags.crmradar_tags import page_lang

# the columns each block shows on the page (the CSV download keeps every column)
COLUMNS = {
    "history": ["year", "supply_risk", "economic_importance", "is_critical", "eol_rir", "import_reliance"],
    "producers": ["stage", "country", "share"],
    "eu_sourcing": ["stage", "country", "share"],
    "production": ["year", "country", "quantity", "unit", "basis", "is_estimate"],
    "concentration": ["scope", "stage", "hhi", "top3_share", "largest_third_country", "largest_third_country_share",
                      "crma_cap_exceeded", "nzia_resilience_trigger"],
    "export_restrictions": ["measure", "date_in_force", "date_end", "material_id", "stage", "target_countries",
                            "status"],
    "end_uses": ["application", "share", "nace", "sector_value_added_meur"],
    "transit": ["year", "gross_imports_t", "re_exported_t", "retained_t", "retained_low_t", "retained_high_t",
                "share_of_eu27_extra_imports"],
    "transit_products": ["product_id", "year", "flow", "quantity", "unit", "content", "content_unit", "contained_t",
                         "contained_low_t", "contained_high_t"],
    "product_contents": ["product_id", "content", "content_low", "content_high", "content_unit"],
}


def _presented(key: str, rows: list[dict], lang: str) -> list[dict]:
    """Rows with display names added next to the ids (the ids stay for the charts' keys and downloads)."""
    out = []
    for row in rows:
        extra: dict = {}
        if "country_iso3" in row:
            extra["country"] = row.get("country_nl" if lang == "nl" else "country_en") or labels.label(
                "country", row["country_iso3"], lang)
        if "stage" in row:
            extra["stage_name"] = labels.label("stage", row["stage"], lang)
        if key == "production":
            extra["unit"] = labels.unit(row.get("unit"), lang)
        if key == "export_restrictions":
            extra["measure"] = labels.measure(row["country_iso3"], row["date_in_force"], row["measure_type"],
                                              [row["material_id"]], lang)
            extra["status_name"] = labels.label("status", row["status"], lang)
            extra["date_in_force"] = labels.date(row["date_in_force"], lang)
            extra["date_end"] = labels.date(row.get("date_end"), lang)
            extra["start"], extra["end"] = row["date_in_force"], row.get("date_end")
        if key == "end_uses":
            extra["nace"] = labels.label("nace", row.get("nace_code"), lang) if row.get("nace_code") else "–"
            extra["application"] = labels.label("application", row.get("application"), lang)
        out.append(row | extra)
    return out


def _source_titles(kb, used: set[str]) -> dict[str, str]:
    frame = kb.sources.loc[kb.sources["id"].isin(used)]
    return {r.id: f"{r.publisher} ({int(r.year)})" if r.year == r.year else str(r.publisher)
            for r in frame.itertuples(index=False)}


def material(request, material_id: str):
    kb = services.knowledge_base()
    lang = page_lang()
    try:
        resolved = resolve_material(kb.materials, material_id)
    except UnknownMaterialError as error:
        message = _("There is no material “%(name)s” in the knowledge base.") % {"name": material_id}
        suggestions = []
        for name in error.suggestions:
            try:
                found = resolve_material(kb.materials, name)
            except UnknownMaterialError:
                continue
            suggestions.append({"id": found, "name": labels.label("material", found, lang)})
        return render(request, "web/not_found.html", {"message": message, "suggestions": suggestions}, status=404)
    blocks = {}
    for block in services.profile(resolved):
        blocks[block["key"]] = block | {"rows": _presented(block["key"], block["rows"], lang)}
    identity = blocks["identity"]["rows"][0]
    blocks["risk"]["rows"] = [
        row | {"indicator_name": column_label({"supply_risk": "supply_risk_recomputed"}.get(row["indicator"],
                                                                                           row["indicator"]), lang)}
        for row in blocks["risk"]["rows"]
    ]
    used = {sid for block in blocks.values() for sid in block["sources"]}
    titles = _source_titles(kb, used)
    for block in blocks.values():
        block["source_links"] = [{"id": s, "title": titles.get(s, s)} for s in block["sources"]]
    sources = services.records(kb.sources.loc[kb.sources["id"].isin(used)])
    notes = blocks["risk"].get("notes") or {}
    region_note = notes.get("region_estimate_nl") if lang == "nl" else notes.get("region")
    method_key = "method_nl" if lang == "nl" else "method"
    transit_notes = {key: (blocks[key].get("notes") or {}).get(method_key, "")
                     for key in ("transit", "transit_products") if key in blocks}
    technologies = sorted(set(kb.material_intensities.loc[kb.material_intensities["material_id"] == resolved,
                                                          "technology_id"]))
    stages = list(dict.fromkeys(r["stage"] for r in blocks["producers"]["rows"]))
    return render(request, "web/material.html", {
        "scenario_name": labels.label("scenario", "targets", lang),
        "map_stages": [{"id": s, "name": labels.label("stage", s, lang)} for s in stages],
        "material": identity, "name": labels.label("material", resolved, lang),
        "group_name": labels.label("material", identity["group_id"], lang) if identity.get("group_id") else "",
        "blocks": blocks, "sources": sources, "columns": COLUMNS, "region_note": region_note,
        "transit_notes": transit_notes,
        "in_model": resolved in set(kb.material_intensities["material_id"]),
        "technologies": [labels.label("technology", t, lang) for t in technologies][:12],
    })
