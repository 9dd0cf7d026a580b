"""Issue 13 regressions through Django's test client: names instead of ids, Dutch text, numbers, content."""

from __future__ import annotations

import re

import pytest

SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
TAG = re.compile(r"<[^>]+>")


def visible(html: str) -> str:
    """The page's text as a reader sees it (no scripts, JSON blocks or attributes)."""
    return " ".join(TAG.sub(" ", SCRIPT.sub(" ", html)).split())


def test_unknown_addresses_get_our_dutch_or_english_404(client):
    dutch = client.get("/bestaat-niet/")
    assert dutch.status_code == 404
    assert "Pagina niet gevonden" in dutch.content.decode() and 'lang="nl"' in dutch.content.decode()
    english = client.get("/en/does-not-exist/")
    assert english.status_code == 404 and "Page not found" in english.content.decode()
    material = client.get("/material/unobtainium/").content.decode()
    assert "Er is geen grondstof „unobtainium” in de kennisbank." in material and "unknown material" not in material


def test_favicon_ico_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"


def test_material_page_shows_names_not_ids_in_dutch(client):
    text = visible(client.get("/material/gallium/").content.decode())
    assert "bijlage I" in text and "Annex I" not in text
    for raw in ("processing", "eu_sourcing", "global_supply", "cn_mofcom_2023_23", "licence_requirement",
                "ec2023_crm_study", "True", "False", "NaT", "['A-U']"):
        assert raw not in text, raw
    assert "China, aug. 2023: vergunningplicht — gallium" in text
    assert "94 %" in text  # China's share of gallium processing, 0.938 (EC 2023)
    assert "Europese Commissie" in text or "European Commission" in text  # source by publisher, not by id


def test_lithium_map_per_stage_and_end_uses_explained(client):
    html = client.get("/material/lithium/").content.decode()
    assert 'data-stage="extraction"' in html and 'data-stage="processing"' in html
    assert "Aandeel in het wereldaanbod per land: winning" in html
    assert "geen verdeling over toepassingen" in html
    assert "Waarom wijken deze tonnages af" in html


def test_risk_table_numbers_are_dutch(client):
    text = visible(client.get("/materials/").content.decode())
    assert "3,9" in text  # gallium SR, EU 2023
    assert "Hoogste leveringsrisico" in visible(client.get("/").content.decode())


def test_summary_explains_34_entries_and_the_materials_behind_them(client):
    from crmradar.web.views.pages import summary_facts

    facts = summary_facts()
    text = visible(client.get("/summary/").content.decode())
    materials = facts["critical_materials"]
    assert f"Die 34 vermeldingen op de EU-lijst omvatten {materials} afzonderlijke grondstoffen" in text
    assert f"bij {facts['china_count']} van de {facts['processing_count']} raffineert China" in text


def test_crma_page_shows_the_pipeline_by_default_and_the_example_only_when_asked(client):
    text = visible(client.get("/crma/").content.decode())
    assert "Illustratief voorbeeld." not in text
    assert "Niet meegetelde projecten, en waarom:" in text
    assert "H2Next (formerly H2-Fifty): fase haalbaarheid komt vóór financiering" in text
    # SK tes's gross battery input counts as contained metal, marked as an assumption with its range (issue 12)
    assert ("SK tes battery recycling Rotterdam: kobalt 500 t/jaar (bandbreedte 200 tot 900) = bruto invoer "
            "batterijen") in text
    assert "Nog geen project in de pijplijn heeft een gepubliceerde capaciteit" not in text
    assert "Illustratief voorbeeld." in visible(client.get("/crma/", {"portfolio": "example"}).content.decode())
    assert "Illustratief voorbeeld." not in visible(client.get("/crma/", {"portfolio": "none"}).content.decode())
    english = visible(client.get("/en/crma/").content.decode())
    assert "Projects not counted, and why:" in english and "no capacity published" in english


def test_data_page_and_sources_page_are_dutch(client):
    text = visible(client.get("/data/").content.decode())
    assert "Register van exportbeperkingen" in text and "Register of export restrictions" not in text
    sources = client.get("/sources/").content.decode()
    assert 'id="source-ec2023_crm_study"' in sources and ">ec2023_crm_study<" not in sources


def test_shock_page_lists_measures_by_name(client):
    html = client.get("/shocks/").content.decode()
    assert "China, aug. 2023: vergunningplicht — gallium en germanium (van kracht)" in html
    assert ">cn_mofcom_2023_23" not in html


def test_procurement_upload_label_and_example_scan_in_dutch(client):
    html = client.get("/procurement/").content.decode()
    assert "Inkooplijst (CSV of XLSX, hoogstens 2 MB)" in html
    result = visible(client.post("/procurement/", {"example": "1"}).content.decode())
    assert "De aanbestedende dienst accepteert gereviseerde apparatuur" in result  # the clause text itself
    assert "Geldt voor 8 regels: 2–9." in result  # reasons grouped, rows as ranges
    assert "row 2 (30213100)" not in result
    assert "De voorbeeldlijst bevat met opzet" in result


@pytest.mark.parametrize("name", ["purchases.xlsx"])
def test_procurement_file_error_is_dutch(client, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(name, b"not a zip", content_type="application/octet-stream")
    response = client.post("/procurement/", {"purchases": upload})
    assert response.status_code == 422
    assert "Het bestand is niet te lezen als Excel-bestand (.xlsx)." in response.content.decode()


def test_glossary_explains_the_indicators(client):
    text = visible(client.get("/glossary/").content.decode())
    for term in ("SR — leveringsrisico", "EI — economisch belang", "EOL-RIR", "HHI", "GeoPolRisk", "P5 en P95",
                 "t/jaar × SR"):
        assert term in text


def test_web_downloads_offer_the_dutch_excel_variant(client):
    body = client.get("/material/gallium/producers.csv", {"excel": "nl"}).content.decode("utf-8")
    assert body.startswith("\ufeffstage;country_iso3") and "CHN;China;China;0,938" in body
    table = client.get("/data/download/csv/", {"table": "materials", "excel": "nl"}).content.decode("utf-8")
    assert table.startswith("\ufeffid;name_en;name_nl")


def test_panel_answers_to_the_form_update_the_address_bar(client):
    """Permalinks: HTMX requests from the page's form get the page's own URL back (HX-Replace-Url)."""
    params = {"lever": "ev_battery_lfp", "strength": "0.8", "material": "nickel"}
    response = client.get("/levers/panel/", params, HTTP_HX_TRIGGER="levers-form")
    assert response["HX-Replace-Url"] == "/levers/?lever=ev_battery_lfp&strength=0.8&material=nickel"
    english = client.get("/en/shocks/panel/", {"a": "cn_mofcom_2023_23"}, HTTP_HX_TRIGGER="shock-form")
    assert english["HX-Replace-Url"] == "/en/shocks/?a=cn_mofcom_2023_23"
    loaded = client.get("/energy/panel/", {"scenario": "targets", "material": "lithium"})  # e.g. the material page
    assert "HX-Replace-Url" not in loaded and "HX-Trigger" in loaded["Vary"]


def test_end_uses_have_dutch_names(client):
    text = visible(client.get("/material/gallium/").content.decode())
    assert "geïntegreerde schakelingen" in text and "Integrated circuits" not in text
    assert "Integrated circuits" in visible(client.get("/en/material/gallium/").content.decode())
