"""Issue 13: lever strength ranges on the web — low, middle and high strength of a user-chosen range, each checked
by the CLI's validator and computed as the page's usual paired lever run (same cached result as the
single-strength panel)."""

from __future__ import annotations

import json
import re

import pytest


def _json(html: str, block: str):
    match = re.search(rf'<script id="{block}" type="application/json">(.*?)</script>', html, re.S)
    assert match, block
    return json.loads(match.group(1))


@pytest.mark.parametrize(("query", "message"), [
    ({"low": "0,8", "high": "0,2"}, "De hoge sterkte moet groter zijn dan de lage."),
    ({"low": "-1", "high": "0,5"}, "De sterkte moet een getal van 0 tot en met 1 zijn."),
    ({"low": "0,1", "high": "veel"}, "De sterkte moet een getal van 0 tot en met 1 zijn."),
    ({"low": "0,1", "high": "0,5", "lever": "nope"}, "Kies een hefboom uit de lijst."),
])
def test_invalid_range_gives_a_field_error(client, query, message):
    base = {"lever": "ev_battery_lfp", "material": "cobalt"}
    html = client.get("/levers/range/", base | query).content.decode()
    assert message in html, html
    page = client.get("/levers/", base | query)
    assert message in page.content.decode()


def test_range_runs_three_strengths_with_the_single_strength_numbers(client):
    from crmradar.web.jobs import wait_for_jobs

    query = {"lever": "ev_battery_lfp", "material": "cobalt", "low": "0,2", "high": "0,6"}
    assert 'role="status"' in client.get("/levers/range/", query).content.decode()
    wait_for_jobs()
    response = client.get("/levers/range/", query, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="lever-range-form")
    html = response.content.decode()
    assert response["HX-Replace-Url"] == "/levers/?lever=ev_battery_lfp&material=cobalt&low=0%2C2&high=0%2C6"
    rows = _json(html, "lever-range-series")
    assert {r["strength"] for r in rows} == {0.2, 0.4, 0.6}
    assert "sterkte 0,4" in {r["series"] for r in rows}
    single = client.get("/levers/panel/", {"lever": "ev_battery_lfp", "strength": "0.4", "material": "cobalt"})
    wait_for_jobs()
    single = client.get("/levers/panel/", {"lever": "ev_battery_lfp", "strength": "0.4", "material": "cobalt"})
    series = [r for r in _json(single.content.decode(), "lever-series")]
    expected = {r["year"]: r["change_p50"] for r in series}
    got = {r["year"]: r["p50"] for r in rows if r["strength"] == 0.4}
    assert got == expected and len(got) > 20
    at_2050 = {r["strength"]: r["p50"] for r in rows if r["year"] == 2050}
    assert at_2050[0.6] < at_2050[0.4] < at_2050[0.2] < 0  # more LFP, less cobalt (NMC share moved to LFP)
