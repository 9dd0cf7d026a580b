"""Issue 13, "Beyond the anchors": the methods page explains levers, recycling, shocks and procurement with the
formulas the code implements, in Dutch and English, and each analysis page links to its section."""

from __future__ import annotations

import html as html_lib

import pytest

SECTIONS = {
    "m-levers": ("Beleidshefbomen: effect ten opzichte van het basispad", "Policy levers: effect against the baseline",
                 "effect[d, m, t]      = indicator(lever run, u_d) − indicator(baseline, u_d)"),
    "m-recycling": ("Recycling: afgedankt materiaal en de schaal van een fabriek",
                    "Recycling: end-of-life feedstock and plant scale",
                    "recoverable[d, k, m, t] = end_of_life[d, k, m, t] · collection[d, k, t] · "
                    "recycling_efficiency[d, k, m, t]"),
    "m-shocks": ("Schokken door exportbeperkingen", "Export-control shocks",
                 "loss[d, m, y]  = min(1, Σ_rows share_c · fraction · reach · (1 − rerouting) · exposed[y])"),
    "m-procurement": ("Inkoopscan: kritieke grondstoffen in wat we kopen",
                      "Procurement scan: critical raw materials in purchases",
                      "sr_weighted[i, m]   = content[i, m] · SR_m"),
}
PAGES = {"m-levers": "/levers/", "m-recycling": "/recycling/", "m-shocks": "/shocks/",
         "m-procurement": "/procurement/"}


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return html_lib.unescape(response.content.decode())


def test_methods_page_has_the_four_new_sections_in_dutch(client):
    page = _page(client, "/methods/")
    for anchor, (dutch, english, formula) in SECTIONS.items():
        assert f'id="{anchor}">{dutch}</h2>' in page, anchor
        assert english not in page
        assert formula in page, anchor
    assert "Hoe is dit berekend?" not in page
    # numbers read from the data package and the code, in Dutch format
    assert "(Nederland 4,67 keer, Nederland met België en Noordrijn-Westfalen 12,5 keer Zuid-Holland)" in page
    # percentages carry a no-break space before the sign
    assert "vergunningplicht 20\u00a0% tot 70\u00a0%, meest waarschijnlijk 40\u00a0%" in page


def test_methods_page_has_the_four_new_sections_in_english(client):
    page = _page(client, "/en/methods/")
    for anchor, (dutch, english, formula) in SECTIONS.items():
        assert f'id="{anchor}">{english}</h2>' in page, anchor
        assert dutch not in page
        assert formula in page, anchor
    assert "(the Netherlands 4.67 times, the Netherlands with Belgium and North Rhine-Westphalia 12.5 times" in page


@pytest.mark.parametrize("anchor", list(PAGES))
def test_analysis_pages_link_to_their_methods_section(client, anchor):
    dutch = _page(client, PAGES[anchor])
    assert f'<a class="utrecht-link" href="/methods/#{anchor}">Hoe is dit berekend?</a>' in dutch
    english = _page(client, "/en" + PAGES[anchor])
    assert f'<a class="utrecht-link" href="/en/methods/#{anchor}">How is this calculated?</a>' in english
