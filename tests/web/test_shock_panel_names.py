"""The shocks page names sections, items and units through ``reports.shock_names`` (the same names as
``crmradar shock`` in Dutch mode)."""

from __future__ import annotations


def test_shock_panel_uses_the_shared_dutch_and_english_names(client):
    from crmradar.web.jobs import wait_for_jobs

    query = {"a": "cn_mofcom_2023_23"}
    assert client.get("/shocks/panel/", query).status_code == 200
    wait_for_jobs()
    html = " ".join(client.get("/shocks/panel/", query).content.decode().split())
    for text in ("Tekort in de aanvoer zolang de schok duurt", "gallium: tekort in de EU-aanvoer",
                 "Blootgestelde toegevoegde waarde in de EU (mln €)", "totaal (EU-totaal × aandeel Zuid-Holland"):
        assert text in html, text
    assert "EU supply shortfall" not in html and "zh_deployment" not in html
    english = " ".join(client.get("/en/shocks/panel/", query).content.decode().split())
    assert "Gallium: shortfall in EU supply" in english and "EU value added exposed (EUR million)" in english
