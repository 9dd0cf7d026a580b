"""Issue 13, defect 1: the Dutch levers page works; form values are locale-independent; invalid input gives
a field error (never a silent 404 or a stale result)."""

from __future__ import annotations

import re


def test_dutch_levers_page_writes_locale_independent_values(client):
    html = client.get("/levers/").content.decode()
    strength = re.search(r'<input[^>]*id="strength"[^>]*>', html).group(0)
    assert 'value="0.5"' in strength  # not "0,5", which a number field rejects
    panel = re.search(r'id="lever-panel"[^>]*hx-get="([^"]+)"', html).group(1)
    assert "strength=0.5&amp;" in panel and "0,5" not in panel
    assert "LFP in plaats van NMC/NCA in autoaccu&#x27;s" in html  # Dutch lever name, not the id
    assert ">ev_battery_lfp<" not in html and ">cobalt<" not in html


def test_panel_accepts_a_dutch_decimal_comma(client):
    from crmradar.web.jobs import wait_for_jobs

    params = {"lever": "ev_battery_lfp", "strength": "0,5", "material": "cobalt"}
    first = client.get("/levers/panel/", params).content.decode()
    assert "De sterkte moet" not in first and 'value="0,0"' not in first  # progress value unlocalized too
    wait_for_jobs()
    html = client.get("/levers/panel/", params).content.decode()
    assert 'data-strength="0.5"' in html and 'id="strength-error"' in html  # error slot cleared out of band


def test_invalid_strength_gives_a_dutch_field_error_with_status_200(client):
    response = client.get("/levers/panel/", {"lever": "ev_battery_lfp", "strength": "5", "material": "cobalt"})
    html = response.content.decode()
    assert response.status_code == 200  # HTMX swaps 2xx answers: the stale result is replaced
    assert "De sterkte moet tussen 0 en 1 liggen." in html
    assert 'id="strength-error"' in html and 'hx-swap-oob="true"' in html
    assert 'id="lever-effect"' not in html
    text = client.get("/en/levers/panel/", {"lever": "ev_battery_lfp", "strength": "abc"}).content.decode()
    assert "The strength must be a number, for example 0.5." in text


def test_unknown_lever_and_invalid_page_input_are_explained(client):
    response = client.get("/levers/panel/", {"lever": "nope"})
    assert response.status_code == 200 and "Kies een hefboom uit de lijst." in response.content.decode()
    page = client.get("/levers/", {"strength": "7"})
    assert page.status_code == 422
    html = page.content.decode()
    assert "De sterkte moet tussen 0 en 1 liggen." in html and 'aria-invalid="true"' in html
