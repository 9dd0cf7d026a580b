"""Region boundaries of the data package (``region_boundaries.geojson``): area, bounding box, centroid,
point-in-region tests and line simplification, as pure functions on GeoJSON geometries (WGS84 lon/lat).

The package ships Zuid-Holland's six NUTS-3 regions (NL361–NL366, from the CBS/PDOK generalised COROP map
2024) and, for the recycling catchments, the Netherlands, Belgium (NUTS 0) and Nordrhein-Westfalen (DEA,
NUTS 1) from Eurostat GISCO NUTS 2024 at 1:60 million. ``NL36`` itself is the union of its six NUTS-3
regions. See ``docs/map.md`` and ``data/curation/region_boundaries.md``.

Formulas
--------
Area of a ring on a sphere of radius R = 6371.0088 km (mean Earth radius, IUGG), with λ, φ in radians
(Chamberlain & Duquette 2007, "Some algorithms for polygons on a sphere", JPL Publication 07-03)::

    A = |R² / 2 · Σ_i (λ_{i+1} − λ_i) · (2 + sin φ_i + sin φ_{i+1})|

Polygon area = outer ring − holes. Centroid: the area-weighted centroid of the rings in plane lon/lat
(adequate for regions a few hundred km across; the error is far below the map's pixel size); where it falls
outside the area, :func:`interior_point` gives a point inside. Point in
polygon: even–odd ray casting on the outer ring and holes. Simplification: Douglas–Peucker with a tolerance
in degrees.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

EARTH_RADIUS_KM = 6371.0088
BOUNDARIES_FILE = "data/region_boundaries.geojson"
#: The home region and the NUTS-3 regions it is made of.
HOME_REGION = "NL36"

Ring = list[list[float]]
Polygon = list[Ring]


def load_boundaries(package_dir: Path) -> dict:
    """The boundaries FeatureCollection of a package folder (falls back to the embedded package's file)."""
    from crmradar.data.schema import EMBEDDED_PACKAGE

    path = Path(package_dir) / BOUNDARIES_FILE
    if not path.is_file():
        path = EMBEDDED_PACKAGE / BOUNDARIES_FILE
    return json.loads(path.read_text(encoding="utf-8"))


def features_by_id(collection: dict) -> dict[str, dict]:
    """``{feature id: feature}``; the union feature ``NL36`` is added from its NUTS-3 children."""
    out = {f["properties"]["id"]: f for f in collection["features"]}
    children = [f for f in collection["features"] if f["properties"].get("parent") == HOME_REGION]
    if children and HOME_REGION not in out:
        out[HOME_REGION] = {"type": "Feature", "properties": {"id": HOME_REGION, "name": "Zuid-Holland", "level": 2},
                            "geometry": union(f["geometry"] for f in children)}
    return out


def polygons(geometry: dict) -> list[Polygon]:
    """The polygons of a Polygon or MultiPolygon geometry."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"not a polygon geometry: {geometry['type']}")


def union(geometries: Iterable[dict]) -> dict:
    """A MultiPolygon holding every polygon of ``geometries`` (no dissolving of shared edges)."""
    return {"type": "MultiPolygon", "coordinates": [p for g in geometries for p in polygons(g)]}


def ring_area_km2(ring: Sequence[Sequence[float]]) -> float:
    """Area (km²) enclosed by a closed lon/lat ring on the sphere (formula in the module docstring)."""
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(ring, ring[1:], strict=False):
        total += math.radians(lon2 - lon1) * (2 + math.sin(math.radians(lat1)) + math.sin(math.radians(lat2)))
    return abs(total * EARTH_RADIUS_KM ** 2 / 2)


def area_km2(geometry: dict) -> float:
    """Area (km²) of a Polygon or MultiPolygon: outer rings minus holes."""
    return sum(ring_area_km2(p[0]) - sum(ring_area_km2(h) for h in p[1:]) for p in polygons(geometry))


def bbox(geometry: dict) -> tuple[float, float, float, float]:
    """``(min lon, min lat, max lon, max lat)`` in degrees."""
    points = [pt for p in polygons(geometry) for ring in p for pt in ring]
    lons, lats = [pt[0] for pt in points], [pt[1] for pt in points]
    return min(lons), min(lats), max(lons), max(lats)


def _ring_centroid(ring: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """Signed planar area and centroid (lon, lat) of a ring (shoelace formula)."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    a /= 2
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return a, cx / (6 * a), cy / (6 * a)


def centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid ``(lon, lat)`` of a Polygon or MultiPolygon (holes subtract)."""
    total = sx = sy = 0.0
    for polygon in polygons(geometry):
        for i, ring in enumerate(polygon):
            a, x, y = _ring_centroid(ring)
            weight = abs(a) * (1 if i == 0 else -1)
            total += weight
            sx += weight * x
            sy += weight * y
    if total == 0:
        raise ValueError("geometry has no area")
    return sx / total, sy / total


def interior_point(geometry: dict) -> tuple[float, float]:
    """A point inside the geometry: its centroid when that lies inside, else the midpoint of the widest inside
    stretch of the parallel through the centroid (the idea of PostGIS ``ST_PointOnSurface``). A crescent-shaped
    area such as the municipality of Rotterdam with its port has its centroid outside itself."""
    lon, lat = centroid(geometry)
    if contains(geometry, lon, lat):
        return lon, lat
    crossings = sorted(
        x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
        for polygon in polygons(geometry) for ring in polygon
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False) if (y1 > lat) != (y2 > lat))
    stretches = [(b - a, (a + b) / 2) for a, b in zip(crossings[::2], crossings[1::2], strict=False)]
    if not stretches:
        raise ValueError("no interior point on the centroid's parallel")
    return max(stretches)[1], lat


def _in_ring(lon: float, lat: float, ring: Sequence[Sequence[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def contains(geometry: dict, lon: float, lat: float) -> bool:
    """True if the point lies inside the geometry (inside an outer ring and outside its holes)."""
    for polygon in polygons(geometry):
        if _in_ring(lon, lat, polygon[0]) and not any(_in_ring(lon, lat, hole) for hole in polygon[1:]):
            return True
    return False


def _distance_to_segment(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify_line(points: Sequence[Sequence[float]], tolerance: float) -> list[list[float]]:
    """Douglas–Peucker: drop vertices closer than ``tolerance`` (degrees) to the simplified line.

    The first and last points are always kept, so a closed ring stays closed.
    """
    if len(points) < 3:
        return [list(p) for p in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance_to_segment(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [list(p) for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: Sequence[Sequence[float]], tolerance: float) -> Ring:
    """A closed ring simplified with :func:`simplify_line`, split at its farthest vertex from the start so
    that a ring whose start and end coincide keeps at least four points."""
    if len(ring) <= 4:
        return [list(p) for p in ring]
    start = ring[0]
    far = max(range(len(ring)), key=lambda i: math.hypot(ring[i][0] - start[0], ring[i][1] - start[1]))
    head = simplify_line(ring[: far + 1], tolerance)
    tail = simplify_line(ring[far:], tolerance)
    return head + tail[1:]
