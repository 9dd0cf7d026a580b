"""The map (/kaart/): project pipeline and recycling facilities of Zuid-Holland coloured by stage, and the
recycling catchments per stream. Server-rendered SVG (``crmradar.reports.map_svg``), no tiles or scripts;
the tables below the maps are the text alternative."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.apps.projects.choices import Stage
from crmradar.data.loader import active_package_dir
from crmradar.region import geometry
from crmradar.reports import labels, map_layers, map_svg, numbers
from crmradar.scenarios.recycling import STREAMS
from crmradar.web.services import knowledge_base
from crmradar.web.templatetags.crmradar_tags import page_lang

ALL = "alle"
REGION_STYLE = {"NL36": "c1", "NL": "c2", "BE": "c3", "DEA": "c3"}


def _workspace_rows(request) -> list[dict]:
    from crmradar.apps.consultation.services import visible
    from crmradar.apps.projects.models import Project

    fields = ("code", "name", "stage", "latitude", "longitude", "municipality")
    return list(visible(Project, request.user).values(*fields))


def _area_name(features: dict, key: str) -> str:
    props = features[key]["properties"]
    if props.get("level") == "gemeente":
        return _("municipality %(name)s") % {"name": props["name"]}
    if props.get("level") == 3:
        return _("NUTS-3 region %(name)s") % {"name": props["name"]}
    return props.get("name", key)


def _fmt_coord(point: map_layers.MapPoint, features: dict, lang: str) -> str:
    lat, lon = (numbers.format_number(v, lang, decimals=4, grouping=False) for v in (point.lat, point.lon))
    text = f"{lat}; {lon}"
    if point.basis == "assumption":
        return _("%(coords)s (assumption: centre point of %(area)s)") % {
            "coords": text, "area": _area_name(features, point.basis_region)}
    return text


def _row(point: map_layers.MapPoint, features: dict, stage_names: dict, sources: dict, lang: str) -> dict:
    kind = {"project": _("project (package)"), "workspace": _("project (workspace)"),
            "facility": _("recycling plant")}[point.kind]
    region = features.get(point.region, {}).get("properties", {}).get("name", point.region)
    capacity = (f"{numbers.format_number(point.capacity_t_per_year, lang)} {labels.label('unit', 't/yr', lang)}"
                if point.capacity_t_per_year is not None else "–")
    return {"name": point.name, "kind": kind, "stage": stage_names.get(point.stage, point.stage),
            "place": point.municipality or "–", "region": region, "coords": _fmt_coord(point, features, lang),
            "stream": labels.label("input_stream", point.stream, lang) if point.stream else "–",
            "capacity": capacity, "source_id": point.source_id, "source": sources.get(point.source_id, "")}


def _tooltip(point: map_layers.MapPoint, stage_names: dict, lang: str) -> str:
    text = f"{point.name} — {stage_names.get(point.stage, point.stage)}"
    if point.stream:
        text += f" — {labels.label('input_stream', point.stream, lang)}"
    return text


def kaart(request):
    stream = request.GET.get("stroom", ALL)
    if stream != ALL and stream not in STREAMS:
        raise Http404(_("Unknown stream"))
    lang = page_lang()
    kb = knowledge_base()
    features = geometry.features_by_id(geometry.load_boundaries(active_package_dir()))
    stage_names = {value: str(name) for value, name in Stage.choices}
    sources = {row.id: f"{row.publisher} ({row.year})" for row in kb.sources.itertuples(index=False)}

    projects = map_layers.project_points(kb.regional_projects, features)
    workspace, unplaced = map_layers.workspace_points(_workspace_rows(request), features)
    facilities, outside = map_layers.facility_points(kb.recycling_facilities, features, {p.key: p for p in projects})
    project_keys = {p.key for p in projects}
    zh_facilities = [f for f in facilities if f.region == "NL36" and f.key.split(":")[0] not in project_keys]
    zh_points = [*projects, *workspace, *zh_facilities]
    shown = [f for f in facilities if stream == ALL or f.stream == stream]

    nuts3 = [features[c] for c in map_layers.NUTS3]
    towns = [features[c] for c in map_layers.municipalities(features).values()]
    zh_svg = map_svg.render(
        [map_svg.Layer(nuts3, "nuts3", _("NUTS-3 region")), map_svg.Layer(towns, "gm", _("municipality"))],
        zh_points,
        [_tooltip(p, stage_names, lang) for p in zh_points], box=geometry.bbox(features["NL36"]["geometry"]),
        title=_("Projects and recycling plants in Zuid-Holland"), ident="map-zh",
        description=_("Map of the six NUTS-3 regions of Zuid-Holland with %(n)s points coloured by stage; "
                      "the table below lists every point.") % {"n": len(zh_points)})
    outer = [features[r] for r in ("NL", "BE", "DEA")]
    box = geometry.bbox(geometry.union(f["geometry"] for f in outer))
    catchment_svg = map_svg.render(
        [map_svg.Layer([features["BE"], features["DEA"]], "c3", labels.label("catchment", "nl-be-nrw", lang)),
         map_svg.Layer([features["NL"]], "c2", labels.label("catchment", "nl", lang)),
         map_svg.Layer(nuts3, "c1", labels.label("catchment", "zh", lang))],
        shown, [_tooltip(p, stage_names, lang) for p in shown], box=box, ident="map-catchments",
        title=_("Recycling catchments and plants"),
        description=_("The three nested catchments of the recycling model (Zuid-Holland; the Netherlands; "
                      "the Netherlands, Belgium and North Rhine-Westphalia) with %(n)s recycling plants.")
        % {"n": len(shown)})

    streams = [stream] if stream != ALL else list(STREAMS)
    capacity_rows = []
    for s in streams:
        cells = map_layers.catchment_capacity(kb.recycling_facilities, s)
        capacity_rows.append({"stream": labels.label("input_stream", s, lang), "cells": [
            {"n": c["n_facilities"], "capacity": numbers.format_number(c["capacity_t_per_year"], lang),
             "unknown": c["n_without_capacity"]} for c in cells]})
    return render(request, "web/map.html", {
        "zh_svg": zh_svg, "catchment_svg": catchment_svg, "stream": stream,
        "streams": [{"id": ALL, "name": _("All streams")}] + [
            {"id": s, "name": labels.label("input_stream", s, lang)} for s in STREAMS],
        "stages": [{"id": s, "name": stage_names[s], "colour": c} for s, c in map_layers.STAGES.items()],
        "catchments": [{"id": c, "name": labels.label("catchment", c, lang),
                        "css": REGION_STYLE[map_layers.CATCHMENT_REGIONS[c][-1]]}
                       for c in map_layers.MAPPED_CATCHMENTS],
        "zh_rows": [_row(p, features, stage_names, sources, lang) for p in zh_points],
        "catchment_rows": [_row(p, features, stage_names, sources, lang) for p in shown],
        "capacity_rows": capacity_rows,
        "unplaced": unplaced,
        # the data's free-text location is English: show the country and the stage by their Dutch/English names
        "outside": [{"name": r.name, "stream": labels.label("input_stream", r.input_stream, lang),
                     "place": ", ".join((labels.label("country", r.country_iso3, lang),
                                         stage_names[map_layers.facility_stage(r.status)]))}
                    for r in outside.itertuples(index=False) if stream == ALL or r.input_stream == stream],
    })
