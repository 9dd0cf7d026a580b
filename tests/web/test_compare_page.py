"""Issue 13: the compare page puts 2–6 materials (or scenarios) in one chart; its series are the numbers of the
single-material pages (energy panel, material profile), the address bar keeps the choice, and invalid choices
get a field error."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from crmradar.reports import compare


def _json(html: str, block: str):
    match = re.search(rf'<script id="{block}" type="application/json">(.*?)</script>', html, re.S)
    assert match, block
    return json.loads(match.group(1))


def test_select_checks_counts_and_names_the_field():
    known = {"lithium", "cobalt", "nickel", "copper"}
    scenarios = ("trend", "targets")
    chosen = compare.select("materials", "demand", ["lithium", "cobalt", "lithium"], ["targets"], known, scenarios)
    assert chosen.items == ("lithium", "cobalt")
    cases = [(("materials", "demand", ["lithium"], ["targets"]), ("m", "too_few")),
             (("materials", "demand", ["lithium", "cobalt"], ["targets", "trend"]), ("s", "one")),
             (("materials", "demand", ["lithium", "unobtainium"], ["targets"]), ("m", "unknown")),
             (("scenarios", "supply_risk", ["lithium"], ["targets", "trend"]), ("metric", "history_per_material")),
             (("scenarios", "demand", ["lithium", "cobalt"], ["targets", "trend"]), ("m", "one")),
             (("materials", "volume", ["lithium", "cobalt"], ["targets"]), ("metric", "unknown"))]
    for arguments, expected in cases:
        with pytest.raises(compare.CompareError) as error:
            compare.select(*arguments, known, scenarios)
        assert (error.value.field, error.value.code) == expected, arguments
    many = ["lithium", "cobalt", "nickel", "copper", "a", "b", "c"]
    with pytest.raises(compare.CompareError) as error:
        compare.select("materials", "demand", many, ["targets"], known | set(many), scenarios)
    assert error.value.code == "too_many"
    # SR/EI need no scenario
    assert compare.select("materials", "supply_risk", ["lithium", "cobalt"], [], known, scenarios).scenarios == ()


def test_model_series_are_the_result_rows_unchanged():
    result = {"materials": [
        {"material_id": "lithium", "metric": "demand", "year": 2030, "p5": 1.0, "p50": 2.0, "p95": 3.0},
        {"material_id": "lithium", "metric": "end_of_life", "year": 2030, "p5": 9.0, "p50": 9.0, "p95": 9.0},
        {"material_id": "cobalt", "metric": "demand", "year": 2030, "p5": 4.0, "p50": 5.0, "p95": 6.0},
        {"material_id": "nickel", "metric": "demand", "year": 2030, "p5": 7.0, "p50": 8.0, "p95": 9.0}]}
    chosen = compare.Selection("materials", "demand", ("cobalt", "lithium"), ("targets",))
    rows = compare.model_series({"targets": result}, chosen, "nl")
    assert [(r["series"], r["p5"], r["p50"], r["p95"]) for r in rows] == [("Kobalt", 4.0, 5.0, 6.0),
                                                                           ("Lithium", 1.0, 2.0, 3.0)]
    by_scenario = compare.Selection("scenarios", "demand", ("lithium",), ("targets", "trend"))
    trend = {"materials": [dict(result["materials"][0], p50=20.0)]}
    rows = compare.model_series({"targets": result, "trend": trend}, by_scenario, "en")
    assert [(r["key"], r["p50"]) for r in rows] == [("targets", 2.0), ("trend", 20.0)]
    assert compare.missing_items(rows[:1], by_scenario) == ["trend"]


def test_sr_comparison_equals_the_material_pages(client):
    response = client.get("/compare/panel/", {"mode": "materials", "metric": "supply_risk",
                                              "m": ["gallium", "lithium"]})
    assert response.status_code == 200
    rows = _json(response.content.decode(), "compare-series")
    for material, name in (("gallium", "Gallium"), ("lithium", "Lithium")):
        history = _json(client.get(f"/material/{material}/").content.decode(), "history-data")
        expected = [(h["year"], h["supply_risk"]) for h in history if h["supply_risk"] is not None]
        assert [(r["year"], r["p50"]) for r in rows if r["series"] == name] == expected
    gallium_2023 = [r["p50"] for r in rows if r["series"] == "Gallium" and r["year"] == 2023]
    assert gallium_2023 == [pytest.approx(3.9)]  # EC 2023 study, gallium SR


def test_demand_comparison_equals_the_energy_panel_and_updates_the_address_bar(client):
    from crmradar.web.jobs import wait_for_jobs

    query = {"mode": "materials", "metric": "demand", "m": ["lithium", "cobalt"], "s": ["targets"]}
    first = client.get("/compare/panel/", query)
    assert first.status_code == 200
    wait_for_jobs()
    response = client.get("/compare/panel/", query, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="compare-form")
    html = response.content.decode()
    assert response["HX-Replace-Url"] == "/compare/?mode=materials&metric=demand&m=lithium&m=cobalt&s=targets"
    assert "Vraag in Zuid-Holland (t/jaar): lithium, kobalt, scenario" in html
    rows = _json(html, "compare-series")
    for material, name in (("lithium", "Lithium"), ("cobalt", "Kobalt")):
        energy = _json(client.get("/energy/panel/", {"scenario": "targets", "material": material}).content.decode(),
                       "energy-series")
        expected = [(r["year"], r["p5"], r["p50"], r["p95"]) for r in energy if r["metric"] == "demand"]
        got = [(r["year"], r["p5"], r["p50"], r["p95"]) for r in rows if r["series"] == name]
        assert got == expected and len(got) > 20
    lithium_2040 = [r for r in rows if r["series"] == "Lithium" and r["year"] == 2040][0]
    assert lithium_2040["p5"] <= lithium_2040["p50"] <= lithium_2040["p95"]


def test_compare_page_defaults_and_field_errors(client):
    page = client.get("/compare/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "compare/panel/?mode=materials&amp;metric=demand&amp;m=lithium&amp;m=cobalt&amp;m=nickel" in html
    bad = client.get("/compare/", {"mode": "materials", "metric": "demand", "m": ["lithium"], "s": ["targets"]})
    assert bad.status_code == 422 and "Vink ten minste 2 grondstoffen aan." in bad.content.decode()
    panel = client.get("/en/compare/panel/", {"mode": "scenarios", "metric": "demand", "m": ["lithium"],
                                               "s": ["targets"]})
    assert panel.status_code == 200 and "Tick at least 2 scenarios." in panel.content.decode()


def test_scenario_comparison_equals_the_energy_panel_per_scenario(client):
    from crmradar.web.jobs import wait_for_jobs

    query = {"mode": "scenarios", "metric": "end_of_life", "m": ["lithium"], "s": ["targets", "trend"]}
    assert 'role="status"' in client.get("/compare/panel/", query).content.decode()
    wait_for_jobs()
    html = client.get("/compare/panel/", query).content.decode()
    assert "Einde levensduur in Zuid-Holland (t/jaar) van lithium: scenario's Beleidsdoelen, Trend" in unescape(html)
    rows = _json(html, "compare-series")
    for scenario, name in (("targets", "Beleidsdoelen"), ("trend", "Trend")):
        energy = _json(client.get("/energy/panel/", {"scenario": scenario, "material": "lithium"}).content.decode(),
                       "energy-series")
        expected = [(r["year"], r["p50"]) for r in energy if r["metric"] == "end_of_life"]
        assert [(r["year"], r["p50"]) for r in rows if r["series"] == name] == expected
