"""The map page /kaart/ (issue 12, item 5): every point lies inside its region, points without site
coordinates are placed at a region centroid and marked as an assumption, workspace projects with coordinates
appear for those who may read them, the per-catchment capacities equal the recycling model's facility sums."""

from __future__ import annotations

import re

import pytest

from crmradar.data.schema import EMBEDDED_PACKAGE
from crmradar.region import geometry
from crmradar.reports import map_layers


@pytest.fixture(scope="module")
def features():
    return geometry.features_by_id(geometry.load_boundaries(EMBEDDED_PACKAGE))


@pytest.fixture(scope="module")
def kb():
    from crmradar import data

    return data.load(EMBEDDED_PACKAGE)


def test_every_shipped_project_lies_in_zuid_holland_its_nuts3_region_and_municipality(kb, features):
    points = map_layers.project_points(kb.regional_projects, features)
    assert len(points) == len(kb.regional_projects) >= 6
    for point in points:
        assert geometry.contains(features["NL36"]["geometry"], point.lon, point.lat), point.key
        assert geometry.contains(features[point.region]["geometry"], point.lon, point.lat), point.key
        # no shipped row has published site coordinates yet: every point is a marked assumption at the
        # centre point of its municipality (Rotterdam, Dordrecht: boundaries shipped)
        assert point.basis == "assumption" and point.basis_region.startswith("GM"), point.key
        assert geometry.contains(features[point.basis_region]["geometry"], point.lon, point.lat), point.key
    sk = next(p for p in points if p.key == "sk_tes_rotterdam")
    assert sk.region == "NL366" and sk.basis_region == "GM0599"
    # Rotterdam's centroid lies outside the municipality (the port makes it crescent-shaped), so the point is
    # the midpoint of the widest inside stretch of the centroid's parallel
    assert not geometry.contains(features["GM0599"]["geometry"], *geometry.centroid(features["GM0599"]["geometry"]))
    assert (sk.lon, sk.lat) == pytest.approx((4.491, 51.926), abs=0.002)
    coolrec = next(p for p in points if p.key == "coolrec_dordrecht")
    assert coolrec.region == "NL364" and coolrec.basis_region == "GM0505"
    assert (coolrec.lon, coolrec.lat) == pytest.approx(geometry.centroid(features["GM0505"]["geometry"]))


def test_every_drawn_facility_lies_in_its_catchment_region(kb, features):
    projects = {p.key: p for p in map_layers.project_points(kb.regional_projects, features)}
    drawn, outside = map_layers.facility_points(kb.recycling_facilities, features, projects)
    assert len(drawn) + len(outside) == len(kb.recycling_facilities)
    assert set(outside["catchment"]) <= {"de-other", "other"}
    for point in drawn:
        assert geometry.contains(features[point.region]["geometry"], point.lon, point.lat), point.key
        tags = {"NL36": "zh", "NL": "nl", "BE": "be", "DEA": "nrw"}
        catchments = [c for c, members in map_layers.CATCHMENT_REGIONS.items()
                      if point.region in members or (point.region == "NL36" and "NL" in members)]
        assert catchments and tags[point.region]
    umicore = next(p for p in drawn if p.key == "umicore_hoboken_battery:li_ion_batteries")
    assert umicore.region == "BE" and umicore.stage == "in_bedrijf"
    cylib = next(p for p in drawn if p.key.startswith("cylib_dormagen"))
    assert cylib.region == "DEA" and cylib.stage == "bouw"
    sk = next(p for p in drawn if p.key.startswith("sk_tes_rotterdam"))
    assert (sk.lon, sk.lat) == (projects["sk_tes_rotterdam"].lon, projects["sk_tes_rotterdam"].lat)


def test_catchment_capacity_sums_the_published_input_capacity(kb):
    rows = {r["catchment"]: r for r in map_layers.catchment_capacity(kb.recycling_facilities, "li_ion_batteries")}
    # by hand from recycling_facilities: SK tes 10,000 (zh); + Umicore Hoboken 7,000 (be) and cylib 30,000
    # under construction (nrw); existing and under construction count, planned/postponed do not
    assert rows["zh"]["capacity_t_per_year"] == 10_000 and rows["zh"]["n_facilities"] == 1
    assert rows["nl"]["capacity_t_per_year"] == 10_000
    assert rows["nl-be-nrw"]["capacity_t_per_year"] == 47_000 and rows["nl-be-nrw"]["n_facilities"] == 3


def test_workspace_points_use_given_coordinates_or_a_shipped_municipality(features):
    rows = [{"code": "a", "name": "A", "stage": "idee", "latitude": 51.95, "longitude": 4.14, "municipality": ""},
            {"code": "b", "name": "B", "stage": "bouw", "latitude": None, "longitude": None, "municipality": "Delft"},
            {"code": "c", "name": "C", "stage": "bouw", "latitude": None, "longitude": None,
             "municipality": "Dordrecht"}]
    drawn, missing = map_layers.workspace_points(rows, features)
    assert [p.key for p in drawn] == ["a", "c"] and drawn[0].region == "NL366" and drawn[0].basis == "reported"
    assert drawn[1].basis == "assumption" and drawn[1].basis_region == "GM0505" and drawn[1].region == "NL364"
    assert [r["code"] for r in missing] == ["b"]


def _points_in(html: str, ident: str) -> int:
    svg = re.search(rf'<svg class="map"[^>]*aria-labelledby="{ident}-title[^"]*".*?</svg>', html, re.S).group(0)
    return len(re.findall(r'class="pt"', svg))


def test_map_page_in_dutch_and_english_with_workspace_project(client_for, users):
    from crmradar.apps.consultation import services
    from crmradar.apps.projects.models import Project

    services.save_item(Project(code="kaarttest", name="Kaarttest waterstof", stage="vergunning", latitude=51.92,
                               longitude=4.48, municipality="Rotterdam", published=False), users["analist"])
    html = client_for("lezer").get("/kaart/").content.decode()
    assert "Kaart van projecten, recyclingbedrijven en verzorgingsgebieden" in html
    assert "Kaarttest waterstof" in html and "Vergunning" in html
    assert _points_in(html, "map-zh") == 6 + 1
    assert "aanname: middelpunt van gemeente Rotterdam" in html
    public = client_for("anoniem").get("/kaart/").content.decode()
    assert "Kaarttest waterstof" not in public and _points_in(public, "map-zh") == 6
    english = client_for("anoniem").get("/en/kaart/?stroom=li_ion_batteries").content.decode()
    assert "Recycling catchments per stream" in english
    assert _points_in(english, "map-catchments") == 3  # SK tes, Umicore Hoboken, cylib Dormagen
    assert "47,000" in english
    assert client_for("anoniem").get("/kaart/?stroom=onbekend").status_code == 404


def test_plants_outside_the_catchments_are_listed_with_dutch_country_and_stage(client_for):
    html = client_for("anoniem").get("/kaart/").content.decode()
    listed = html.split("Bedrijven buiten deze verzorgingsgebieden")[1].split("</p>")[0]
    assert "ROSI Germany (Duitsland, " in listed and "ROSI Spain (Spanje, " in listed
    assert "site not published" not in html and "(planned)" not in html
    english = client_for("anoniem").get("/en/kaart/").content.decode()
    assert "ROSI Germany (Germany, " in english
