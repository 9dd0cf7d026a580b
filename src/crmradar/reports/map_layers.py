"""What the map shows: the project pipeline and the recycling facilities as points with a stage, and the
recycling catchments as sets of shipped regions (``crmradar.region.geometry``).

Coordinates. A point uses the site coordinates of its row when the row has them (``latitude``/``longitude``
of ``regional_projects`` or of a workspace project). Otherwise it is placed at the centre point
(:func:`crmradar.region.geometry.interior_point`: the centroid, or a point inside when the centroid falls
outside) of the smallest shipped area that holds the site — the municipality when its boundary is shipped
(``GM…`` features, matched on the ``municipality`` name), else the NUTS-3 region (``region`` column), else
for a facility the region of its catchment tag (``zh`` → NL36, ``nl`` → NL, ``be`` → BE, ``nrw`` → DEA); a
facility that is also a shipped project takes the project's point. Such points are marked ``assumption``
with the area used. No site coordinate is invented. Facilities tagged ``de-other`` or
``other`` lie outside the mapped catchments and are listed, not drawn.

Facility status → map stage: existing → ``in_bedrijf``, under_construction → ``bouw``, planned →
``haalbaarheid`` (announced, no investment decision), postponed → ``gestopt`` (no active plan).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from crmradar.region import geometry
from crmradar.scenarios.facilities import CATCHMENTS, capacity_by_stream

#: Pipeline stages in order, with the map colour of each (distinct hues, dark enough on white).
STAGES: dict[str, str] = {
    "idee": "#6a3d9a", "haalbaarheid": "#1f78b4", "vergunning": "#8c564b", "financiering": "#d95f02",
    "bouw": "#c51b7d", "in_bedrijf": "#1b7837", "gestopt": "#636363",
}
FACILITY_STAGE = {"existing": "in_bedrijf", "under_construction": "bouw", "planned": "haalbaarheid",
                  "postponed": "gestopt"}
#: Facility catchment tag → shipped region that holds the site.
TAG_REGION = {"zh": "NL36", "nl": "NL", "be": "BE", "nrw": "DEA"}
#: The recycling model's catchments (``scenarios.recycling.CATCHMENT_REGIONS``) as shipped regions.
CATCHMENT_REGIONS = {"zh": ("NL36",), "nl": ("NL",), "nl-be-nrw": ("NL", "BE", "DEA")}
MAPPED_CATCHMENTS = tuple(CATCHMENT_REGIONS)


def facility_stage(status: str) -> str:
    """The map stage of a facility status (:data:`FACILITY_STAGE`); an unknown status counts as haalbaarheid."""
    return FACILITY_STAGE.get(status, "haalbaarheid")


@dataclass(frozen=True)
class MapPoint:
    """One point: ``kind`` is project (package), workspace (register) or facility."""

    key: str
    name: str
    kind: str
    stage: str
    lon: float
    lat: float
    region: str
    basis: str            # "reported" (site coordinates of the row) or "assumption" (region centroid)
    basis_region: str     # the region whose centroid was used, empty for reported coordinates
    stream: str = ""
    capacity_t_per_year: float | None = None
    source_id: str = ""
    municipality: str = ""


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value == ""


def _centroid(features: dict[str, dict], region: str) -> tuple[float, float]:
    return geometry.interior_point(features[region]["geometry"])


def municipalities(features: dict[str, dict]) -> dict[str, str]:
    """Shipped municipality boundaries: lower-case name → feature id (``GM0599``)."""
    return {f["properties"]["name"].lower(): key for key, f in features.items()
            if f["properties"].get("level") == "gemeente"}


def region_of(features: dict[str, dict], lon: float, lat: float, candidates: tuple[str, ...]) -> str:
    """The first of ``candidates`` whose geometry holds the point, or empty."""
    return next((r for r in candidates if r in features and geometry.contains(features[r]["geometry"], lon, lat)), "")


NUTS3 = ("NL361", "NL362", "NL363", "NL364", "NL365", "NL366")


def project_points(projects: pd.DataFrame, features: dict[str, dict]) -> list[MapPoint]:
    """Points of the package's ``regional_projects`` rows."""
    out = []
    towns = municipalities(features)
    for row in projects.itertuples(index=False):
        region = "" if _blank(row.region) else str(row.region)
        town = "" if _blank(row.municipality) else towns.get(str(row.municipality).lower(), "")
        if not _blank(row.latitude) and not _blank(row.longitude):
            lon, lat, basis, basis_region = float(row.longitude), float(row.latitude), "reported", ""
            region = region or region_of(features, lon, lat, NUTS3)
        else:
            basis_region = town or (region if region in features else geometry.HOME_REGION)
            lon, lat = _centroid(features, basis_region)
            basis = "assumption"
            region = region or (features[town]["properties"]["parent"] if town else "")
        out.append(MapPoint(key=row.project_id, name=row.name, kind="project", stage=row.stage, lon=lon, lat=lat,
                            region=region or geometry.HOME_REGION, basis=basis, basis_region=basis_region,
                            source_id=row.source_id, municipality="" if _blank(row.municipality) else row.municipality))
    return out


def workspace_points(rows: list[dict], features: dict[str, dict]) -> tuple[list[MapPoint], list[dict]]:
    """Points of workspace projects, and the rows that cannot be placed (not drawn).

    ``rows``: dicts with code, name, stage, latitude, longitude, municipality (plain values, no Django). A row
    without coordinates whose municipality boundary is shipped stands at that municipality's centre point
    (``assumption``); other rows without coordinates are returned as not placed.
    """
    drawn, missing = [], []
    towns = municipalities(features)
    for row in rows:
        if _blank(row.get("latitude")) or _blank(row.get("longitude")):
            town = towns.get(str(row.get("municipality") or "").lower())
            if town is None:
                missing.append(row)
                continue
            lon, lat = _centroid(features, town)
            drawn.append(MapPoint(key=row["code"], name=row["name"], kind="workspace", stage=row["stage"], lon=lon,
                                  lat=lat, region=features[town]["properties"]["parent"], basis="assumption",
                                  basis_region=town, municipality=row.get("municipality") or ""))
            continue
        lon, lat = float(row["longitude"]), float(row["latitude"])
        region = region_of(features, lon, lat, (*NUTS3, "NL", "BE", "DEA"))
        drawn.append(MapPoint(key=row["code"], name=row["name"], kind="workspace", stage=row["stage"], lon=lon,
                              lat=lat, region=region, basis="reported", basis_region="",
                              municipality=row.get("municipality") or ""))
    return drawn, missing


def facility_points(facilities: pd.DataFrame, features: dict[str, dict],
                    projects: dict[str, MapPoint]) -> tuple[list[MapPoint], pd.DataFrame]:
    """Points of the facilities in the mapped catchments, and the rows outside them (not drawn).

    A facility that is also a shipped project (same id in ``projects``) stands at that project's point.
    """
    inside = facilities["catchment"].isin(TAG_REGION)
    out = []
    for row in facilities.loc[inside].itertuples(index=False):
        project = projects.get(row.facility_id)
        if project is not None:
            lon, lat, basis, basis_region = project.lon, project.lat, project.basis, project.basis_region
        else:
            basis, basis_region = "assumption", TAG_REGION[row.catchment]
            lon, lat = _centroid(features, basis_region)
        capacity = None if _blank(row.capacity_t_per_year) else float(row.capacity_t_per_year)
        out.append(MapPoint(key=f"{row.facility_id}:{row.input_stream}", name=row.name, kind="facility",
                            stage=facility_stage(row.status), lon=lon, lat=lat,
                            region=TAG_REGION[row.catchment], basis=basis, basis_region=basis_region,
                            stream=row.input_stream, capacity_t_per_year=capacity, source_id=row.source_id,
                            municipality=str(row.location)))
    return out, facilities.loc[~inside].reset_index(drop=True)


def catchment_capacity(facilities: pd.DataFrame, stream: str,
                       statuses: tuple[str, ...] = ("existing", "under_construction")) -> list[dict]:
    """Per mapped catchment: facilities and summed published input capacity (t/yr) for one stream.

    Uses :func:`crmradar.scenarios.facilities.capacity_by_stream` (input capacities only), so the figures
    equal the recycling page's capacity side.
    """
    rows = []
    for catchment in MAPPED_CATCHMENTS:
        table = capacity_by_stream(facilities, catchment, statuses, "input")
        match = table.loc[table["input_stream"] == stream]
        rows.append({
            "catchment": catchment, "regions": CATCHMENT_REGIONS[catchment],
            "n_facilities": int(match["n_facilities"].sum()) if len(match) else 0,
            "capacity_t_per_year": float(match["capacity_t_per_year"].sum()) if len(match) else 0.0,
            "n_without_capacity": int(match["n_without_capacity"].sum()) if len(match) else 0,
            "tags": sorted(CATCHMENTS[catchment]),
        })
    return rows
