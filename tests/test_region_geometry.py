"""Region boundaries shipped in the data package (issue 12, item 5): the file validates, cites its sources,
and Zuid-Holland's area matches the published CBS figure; geometry functions on hand-computed shapes."""

from __future__ import annotations

import json
import math

import pytest

from crmradar.data.schema import EMBEDDED_PACKAGE
from crmradar.region import geometry

# CBS StatLine 70072NED (Regionale kerncijfers): Zuid-Holland 3 307,86 km² in total, of which 607,79 km² water.
ZH_TOTAL_KM2, ZH_WATER_KM2 = 3307.86, 607.79
# Published areas of the catchment regions (Statbel: Belgium 30 689 km²; IT.NRW: Nordrhein-Westfalen 34 112 km²).
PUBLISHED_KM2 = {"BE": 30689, "DEA": 34112}


@pytest.fixture(scope="module")
def features():
    return geometry.features_by_id(geometry.load_boundaries(EMBEDDED_PACKAGE))


def test_file_is_small_valid_geojson_citing_package_sources(features):
    path = EMBEDDED_PACKAGE / geometry.BOUNDARIES_FILE
    assert path.stat().st_size < 40_000
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    ids = {f["properties"]["id"] for f in collection["features"]}
    assert ids == {"NL361", "NL362", "NL363", "NL364", "NL365", "NL366", "NL", "BE", "DEA", "GM0505", "GM0599"}
    sources = EMBEDDED_PACKAGE / "data" / "sources.csv"
    cited = {f["properties"]["source_id"] for f in collection["features"]}
    text = sources.read_text(encoding="utf-8")
    for source_id in cited:
        line = next(row for row in text.splitlines() if row.startswith(source_id + ","))
        assert "CC BY 4.0" in line or "EuroGeographics" in line, source_id
    for feature in collection["features"]:
        for polygon in geometry.polygons(feature["geometry"]):
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)


def test_zuid_holland_area_and_extent_match_the_published_figures(features):
    area = geometry.area_km2(features["NL36"]["geometry"])
    # The generalised CBS map covers land and inland water but not the coastal strip of sea, so its area lies
    # between the land area and the total area of the province.
    assert ZH_TOTAL_KM2 - ZH_WATER_KM2 < area < ZH_TOTAL_KM2
    assert area == pytest.approx(2967, abs=5)
    lon0, lat0, lon1, lat1 = geometry.bbox(features["NL36"]["geometry"])
    # Goeree (west, ~3.84° E) to the Lek near Gorinchem/Schoonhoven (east, ~5.03° E); Hoek van Holland–
    # Hellevoetsluis to Noordwijk/Lisse (north, ~52.33° N); The Hague (52.0956 N, 4.3164 E) lies inside.
    assert (lon0, lat0, lon1, lat1) == pytest.approx((3.84, 51.66, 5.03, 52.33), abs=0.02)
    assert geometry.contains(features["NL36"]["geometry"], 4.3164, 52.0956)
    assert geometry.contains(features["NL361"]["geometry"], 4.3164, 52.0956)
    assert not geometry.contains(features["NL36"]["geometry"], 4.90, 52.37)  # Amsterdam


def test_catchment_regions_match_published_areas_within_the_60m_generalisation(features):
    for region, published in PUBLISHED_KM2.items():
        assert geometry.area_km2(features[region]["geometry"]) == pytest.approx(published, rel=0.03), region
    assert geometry.contains(features["DEA"]["geometry"], 6.96, 50.94)  # Köln
    assert geometry.contains(features["BE"]["geometry"], 4.35, 50.85)  # Brussel


def test_area_centroid_contains_on_a_hand_computed_square():
    # 1° × 1° square at the equator: R² · Δλ · (sin φ1 − sin φ0) = 6371.0088² · (π/180) · sin(1°)
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    expected = geometry.EARTH_RADIUS_KM ** 2 * math.radians(1) * math.sin(math.radians(1))
    assert geometry.area_km2(square) == pytest.approx(expected, rel=1e-4)
    assert geometry.centroid(square) == pytest.approx((0.5, 0.5))
    holed = {"type": "Polygon", "coordinates": [square["coordinates"][0],
                                                [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75], [0.25, 0.25]]]}
    assert geometry.area_km2(holed) == pytest.approx(expected * 0.75, rel=1e-3)
    assert not geometry.contains(holed, 0.5, 0.5) and geometry.contains(holed, 0.1, 0.5)


def test_municipalities_lie_in_their_nuts3_region_and_interior_points_inside(features):
    for code in ("GM0505", "GM0599"):
        feature = features[code]
        parent = features[feature["properties"]["parent"]]["geometry"]
        lon0, lat0, lon1, lat1 = geometry.bbox(parent)
        x0, y0, x1, y1 = geometry.bbox(feature["geometry"])
        assert lon0 - 0.002 <= x0 and x1 <= lon1 + 0.002 and lat0 - 0.002 <= y0 and y1 <= lat1 + 0.002, code
        point = geometry.interior_point(feature["geometry"])
        assert geometry.contains(feature["geometry"], *point) and geometry.contains(parent, *point), code


def test_interior_point_of_a_crescent_is_inside_it():
    # a U shape whose centroid (in the notch) lies outside: the widest stretch on the centroid's parallel
    u_shape = {"type": "Polygon", "coordinates": [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3],
                                                   [0, 0]]]}
    cx, cy = geometry.centroid(u_shape)
    assert cx == pytest.approx(1.5) and not geometry.contains(u_shape, cx, cy)
    x, y = geometry.interior_point(u_shape)
    assert geometry.contains(u_shape, x, y) and y == pytest.approx(cy) and x in (pytest.approx(0.5), pytest.approx(2.5))


def test_douglas_peucker_drops_only_points_within_tolerance():
    line = [[0, 0], [1, 0.0004], [2, 0], [3, 1], [4, 0]]
    assert geometry.simplify_line(line, 0.001) == [[0, 0], [2, 0], [3, 1], [4, 0]]
    assert geometry.simplify_line(line, 0.0001) == line
    ring = [[0, 0], [1, 0.0001], [2, 0], [2, 2], [0, 2], [0, 0]]
    simplified = geometry.simplify_ring(ring, 0.001)
    assert simplified[0] == simplified[-1] and [1, 0.0001] not in simplified and len(simplified) == 5
