"""Material page: imports via the Netherlands (re-exports, retained use with range, EU27 share) and the material
inside products, in Dutch by default and in English at /en/ (issue 14, items 2 and 4)."""

from __future__ import annotations

import re

from crmradar import data
from crmradar.methods.transit import transit_split
from crmradar.reports.numbers import format_number


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_lithium_page_shows_the_transit_split_in_dutch(client):
    kb = data.load(data.EMBEDDED_PACKAGE)
    members = set(kb.countries.loc[kb.countries["eu27"].fillna(False).astype(bool), "iso3"])
    split = transit_split(kb.trade_flows.loc[kb.trade_flows["material_id"] == "lithium"], "NLD", members)
    latest = split.loc[split["year"] == 2024].iloc[0]
    html = client.get("/material/lithium/").content.decode()
    text = _text(html)
    assert "Invoer via Nederland: wederuitvoer en wat blijft" in text
    for label in ("invoer (t)", "wederuitvoer (t)", "blijft in NL (t)", "blijft, laag (t)", "blijft, hoog (t)",
                  "deel EU27-invoer via NL"):
        assert label in text
    for value in (latest["gross_imports_t"], latest["re_exported_t"], latest["retained_t"]):
        assert format_number(value, "nl") in text
    assert 'href="#transit"' in html
    csv = client.get("/material/lithium/transit.csv")
    assert csv.status_code == 200 and "retained_t" in csv.content.decode()


def test_silver_page_shows_silver_in_pv_panels(client):
    text = _text(client.get("/material/silver/").content.decode())
    assert "In producten" in text and "zonnepanelen (HS 8541.43)" in text
    assert "op de markt" in text and "in producten (t)" in text
    assert format_number(121_363.1 * 0.2672 / 1000, "nl") in text  # 32,4 t of silver in 2021


def test_english_page(client):
    text = _text(client.get("/en/material/silver/").content.decode())
    assert "Imports via the Netherlands: re-exports and retained use" in text
    assert "PV modules (HS 8541.43)" in text and "Inside products" in text


def test_neodymium_page_lists_its_content_per_product(client):
    text = _text(client.get("/material/neodymium/").content.decode())
    assert "Gehalte van deze grondstof per t product" in text
    assert "permanente magneten (HS 8505.11)" in text and "elektromotoren (HS 8501)" in text
    assert format_number(223.9, "nl") in text  # kg Nd per t of NdFeB magnet: (30.75 % - 0.9 %) x 0.75
    assert "Nog geen geciteerde hoeveelheden" in text  # no Dutch magnet trade in the package
