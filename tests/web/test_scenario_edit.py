"""Issue 13: adjust a scenario on the web (one anchor, the number of draws) — checked by the scenario-file
validator, computed by the task queue next to the unchanged scenario, the user's number marked as such."""

from __future__ import annotations

import json
import re

import pytest

from crmradar.region.scenario import ScenarioError
from crmradar.region.scenario_edit import AnchorEdit, apply_edits, load_edited, problem_field, shipped_data


def _json(html: str, block: str):
    match = re.search(rf'<script id="{block}" type="application/json">(.*?)</script>', html, re.S)
    assert match, block
    return json.loads(match.group(1))


def test_edit_replaces_or_inserts_an_anchor_and_marks_it(kb):
    data = shipped_data("targets")
    original = next(a for a in data["technologies"]["bev_car"]["trajectory"] if a["year"] == 2030)
    edited = apply_edits(data, [AnchorEdit("bev_car", 2030, 1.0, 0.5, 2.0), AnchorEdit("bev_car", 2033, 7, 6, 8)])
    trajectory = edited["technologies"]["bev_car"]["trajectory"]
    anchor = next(a for a in trajectory if a["year"] == 2030)
    assert (anchor["value"], anchor["low"], anchor["high"]) == (1.0, 0.5, 2.0)
    assert anchor["source"] == "crmradar_region_estimate" and "set by the user" in anchor["note"]
    assert f"was {original['value']:g}" in anchor["note"]
    years = [a["year"] for a in trajectory]
    assert years == sorted(years) and 2033 in years
    assert data["technologies"]["bev_car"]["trajectory"][0] is not trajectory[0]  # the shipped data is untouched
    with pytest.raises(ScenarioError) as error:
        load_edited("targets", [AnchorEdit("bev_car", 2030, 5, 6, 7)], kb)
    assert [problem_field(p) for p in error.value.problems] == ["low"]


@pytest.mark.parametrize(("change", "message"), [
    ({"low": "999999999"}, "Laag moet een getal van ten minste 0 zijn en niet boven de waarde liggen."),
    ({"value": "-3", "low": "-4"}, "De waarde moet een getal van ten minste 0"),
    ({"year": "2070"}, "Het jaar moet een geheel getal van 2020 tot en met 2050 zijn."),
    ({"draws": "100000"}, "Het aantal trekkingen moet een geheel getal van 50 tot en met 2000 zijn."),
    ({"technology": "warp_drive"}, "Kies een technologie uit dit scenario."),
])
def test_invalid_edit_gives_a_dutch_field_error(client, change, message):
    query = {"scenario": "targets", "technology": "bev_car", "year": "2030", "value": "300000", "low": "250000",
             "high": "350000", "draws": "100", "material": "lithium"} | change
    assert message in client.get("/scenario/panel/", query).content.decode()
    page = client.get("/scenario/", query)
    assert page.status_code == 422 and message in page.content.decode()


def test_page_prefills_the_scenario_anchor(client):
    data = shipped_data("targets")
    anchor = next(a for a in data["technologies"]["bev_car"]["trajectory"] if a["year"] == 2030)
    html = client.get("/scenario/").content.decode()
    assert f'name="value" value="{anchor["value"]:g}"' in html
    assert "Waarde (voertuigen)" in html and "vehicles" not in html
    assert 'href="/scenario/"' in client.get("/energy/").content.decode()


def test_edit_runs_next_to_the_unchanged_scenario(client):
    from crmradar.web.jobs import wait_for_jobs

    data = shipped_data("targets")
    anchor = next(a for a in data["technologies"]["bev_car"]["trajectory"] if a["year"] == 2030)
    query = {"scenario": "targets", "technology": "bev_car", "year": "2030", "value": f"{2 * anchor['value']:g}",
             "low": f"{2 * anchor['low']:g}", "high": f"{2 * anchor['high']:g}", "draws": "60", "material": "lithium"}
    assert 'role="status"' in client.get("/scenario/panel/", query).content.decode()
    wait_for_jobs()
    response = client.get("/scenario/panel/", query, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="scenario-edit-form")
    assert response["HX-Replace-Url"].startswith("/scenario/?scenario=targets&technology=bev_car&year=2030")
    rows = _json(response.content.decode(), "scenario-edit-series")
    base = {r["year"]: r["p50"] for r in rows if r["key"] == "base"}
    edited = {r["year"]: r["p50"] for r in rows if r["key"] == "edited"}
    assert set(base) == set(edited) and len(base) > 20
    assert edited[2020] == pytest.approx(base[2020])  # same seed and draws: identical before the change bites
    assert edited[2030] > base[2030]  # twice as many electric cars in 2030: more lithium
    from crmradar.web.models import CachedResult

    plain = CachedResult.objects.get(kind="demand", parameters__draws=60).result
    assert {r["year"]: r["p50"] for r in plain["materials"] if r["material_id"] == "lithium"
            and r["metric"] == "demand"} == base  # the unchanged run is the energy page's demand job
