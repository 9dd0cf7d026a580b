"""Pages, API and security headers through Django's test client, in Dutch and English."""

from __future__ import annotations

import re

import pytest

PAGES = ["/", "/materials/", "/material/gallium/", "/sources/", "/methods/", "/data/"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.IGNORECASE)


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_page_renders_without_inline_scripts(client, path, prefix):
    response = client.get(prefix + path)
    assert response.status_code == 200
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert "https://cdn" not in html and "//unpkg" not in html
    lang = "en" if prefix else "nl"
    assert f'<html lang="{lang}"' in html


def test_dutch_is_default_and_english_switch_works(client):
    dutch = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Kernboodschappen" in dutch and "Key messages" not in dutch
    assert "Key messages" in english
    assert "De Critical Raw Materials Act noemt 34 kritieke en 17 strategische grondstoffen." in dutch
    assert 'href="/en/"' in dutch and 'href="/"' in english


def test_material_profile_shows_china_gallium_processing_and_2023_control(client):
    html = client.get("/en/material/gallium/").content.decode()
    assert "cn_mofcom_2023_23" in html and "2023-08-01" in html
    assert "0.938" in html  # China's share of global gallium processing, EC 2023 Appendix 7
    assert "ec2023_crm_study" in html


def test_material_accepts_dutch_names_and_unknown_gives_suggestions(client):
    assert client.get("/material/kobalt/").status_code == 200
    response = client.get("/material/galium/")
    assert response.status_code == 404
    assert "gallium" in response.content.decode()


def test_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_api_materials_and_profile(client):
    rows = client.get("/api/v1/materials", {"strategic": "true"}).json()
    ids = {row["material_id"] for row in rows}
    assert {"lithium", "gallium", "cobalt"} <= ids and "arsenic" not in ids
    gallium = next(row for row in rows if row["material_id"] == "gallium")
    assert gallium["supply_risk"] == pytest.approx(3.9) and gallium["economic_importance"] == pytest.approx(3.7)
    profile = client.get("/api/v1/material/Ga").json()
    assert profile["material_id"] == "gallium"
    producers = next(b for b in profile["blocks"] if b["key"] == "producers")
    china = [r for r in producers["rows"] if r["country_iso3"] == "CHN" and r["stage"] == "processing"]
    assert china[0]["share"] == pytest.approx(0.938)


def test_api_validation_errors_are_422_with_field_paths(client):
    response = client.get("/api/v1/materials", {"critical": "maybe"})
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["query", "critical"]


def test_openapi_and_docs_are_local(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/materials" in spec["paths"] and "/api/v1/material/{material_id}" in spec["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "cdn" not in docs.lower()


def test_data_downloads(client):
    response = client.get("/data/download/csv/", {"table": "materials"})
    assert response.status_code == 200 and response.content.startswith(b"id,name_en,name_nl")
    assert client.get("/data/download/csv/", {"table": "nope"}).status_code == 404
    archive = b"".join(client.get("/data/download/datapackage/").streaming_content)
    assert archive[:2] == b"PK"


def test_loading_is_idempotent(django_db):
    from crmradar.web.loading import ensure_loaded
    from crmradar.web.models import Material, PackageLoad, TableRow

    load, created = ensure_loaded()
    assert created is False
    assert PackageLoad.objects.count() == 1
    assert Material.objects.filter(load=load, material_id="gallium").exists()
    assert TableRow.objects.filter(load=load, table="materials").count() == load.tables["materials"]


def test_every_ui_string_has_a_dutch_translation():
    polib = pytest.importorskip("polib")
    from crmradar.web import settings

    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in catalogue if not (e.msgstr or e.msgstr_plural)]
    assert untranslated == []
    assert catalogue.percent_translated() == 100


EXAMPLE_CSV = "cpv,description,quantity,unit\n30213100,Laptop,10,st\n09331200,Zonnepanelen,100,kWp\n"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_new_pages_render(client, prefix):
    for path in ("/energy/", "/crma/", "/procurement/", "/shocks/", "/recycling/", "/levers/", "/summary/"):
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        assert not INLINE_SCRIPT.search(response.content.decode())


def test_procurement_upload_scans_and_offers_a_report(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("purchases.csv", EXAMPLE_CSV.encode(), content_type="text/csv")
    response = client.post("/en/procurement/", {"purchases": upload})
    html = response.content.decode()
    assert response.status_code == 200 and "Download the report (XLSX)" in html
    token = re.search(r"/procurement/report/([0-9a-f]{32})\.xlsx", html).group(1)
    report = client.get(f"/en/procurement/report/{token}.xlsx")
    assert report.status_code == 200 and b"".join(report.streaming_content)[:2] == b"PK"
    assert client.get("/en/procurement/report/../../secret_key").status_code == 404


def test_procurement_upload_rejects_other_files(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("purchases.txt", b"hello", content_type="text/plain")
    assert client.post("/procurement/", {"purchases": upload}).status_code == 422


def test_procurement_api_scan(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("purchases.csv", EXAMPLE_CSV.encode(), content_type="text/csv")
    payload = client.post("/api/v1/procurement/scan", {"file": upload}).json()
    assert payload["summary"]["rows_scanned"] == 2
    silver = [m for m in payload["materials"] if m["material_id"] == "silver"]
    assert silver and silver[0]["content_kg"] > 0
    bad = client.post("/api/v1/procurement/scan", {"file": SimpleUploadedFile("x.pdf", b"%PDF")})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "file"]


def test_api_crma_and_risk_overview(client):
    rows = client.get("/api/v1/crma", {"portfolio": "none"}).json()
    aluminium = [r for r in rows if r["material_id"] == "aluminium" and r["stage"] == "processing"][0]
    assert aluminium["benchmark"] == pytest.approx(0.40)
    assert client.get("/api/v1/crma", {"portfolio": "bogus"}).status_code == 422
    assert client.get("/api/v1/crma", {"portfolio": "none", "view": "projects"}).status_code == 422
    overview = {r["material_id"]: r for r in client.get("/api/v1/risk/overview").json()}
    assert overview["gallium"]["official_supply_risk"] == pytest.approx(3.9)
    assert 0.0 <= overview["gallium"]["p_critical_eu"] <= 1.0


def test_api_demand_is_accepted_then_computed(client):
    response = client.get("/api/v1/demand", {"scenario": "trend"})
    assert response.status_code in (200, 202)
    assert client.get("/api/v1/demand", {"scenario": "nope"}).status_code == 422


def test_shock_page_and_api(client):
    assert client.get("/en/shocks/").status_code == 200
    assert client.get("/en/shocks/", {"a": "nope"}).status_code == 404
    response = client.get("/api/v1/shocks", {"measure": ["cn_mofcom_2023_23"]})
    assert response.status_code in (200, 202)
    assert client.get("/api/v1/shocks", {"measure": ["nope"]}).status_code == 422


def test_recycling_panel_computes_then_shows_the_scale_years(client):
    from crmradar.web.jobs import wait_for_jobs

    first = client.get("/en/recycling/panel/", {"scenario": "trend", "catchment": "zh"})
    assert first.status_code == 200
    wait_for_jobs()
    done = client.get("/en/recycling/panel/", {"scenario": "trend", "catchment": "nl"}).content.decode()
    assert "li_ion_batteries" in done and "pv_modules" in done
    assert client.get("/en/recycling/", {"catchment": "mars"}).status_code == 404
    assert client.get("/api/v1/recycling", {"scenario": "trend"}).json()["status"] == "done"


def test_lever_panel_runs_paired_monte_carlo(client):
    from crmradar.web.jobs import wait_for_jobs

    params = {"lever": "ev_battery_lfp", "strength": "0.5", "material": "cobalt"}
    assert client.get("/en/levers/panel/", params).status_code == 200
    wait_for_jobs()
    html = client.get("/en/levers/panel/", params).content.decode()
    assert 'id="lever-effect"' in html and "Cobalt" in html
    invalid = client.get("/en/levers/panel/", {"lever": "ev_battery_lfp", "strength": "7"})
    assert invalid.status_code == 200 and "The strength must lie between 0 and 1." in invalid.content.decode()
    payload = client.get("/api/v1/levers", {"lever": "ev_battery_lfp", "strength": 0.5}).json()
    assert payload["status"] == "done"
    cobalt_2050 = [r for r in payload["result"]["rows"] if r["material_id"] == "cobalt" and r["year"] == 2050
                   and r["indicator"] == "primary_demand"][0]
    assert cobalt_2050["change_p50"] < 0  # LFP has no cobalt: moving NMC share to LFP lowers cobalt demand
    assert client.get("/api/v1/levers", {"lever": "nope"}).status_code == 422


def test_every_profile_block_downloads_as_csv(client):
    html = client.get("/en/material/gallium/").content.decode()
    links = set(re.findall(r'href="(/en/material/gallium/[a-z_]+\.csv)"', html))
    assert {"/en/material/gallium/producers.csv", "/en/material/gallium/history.csv",
            "/en/material/gallium/export_restrictions.csv", "/en/material/gallium/end_uses.csv"} <= links
    body = client.get("/en/material/gallium/producers.csv").content.decode()
    assert body.startswith("stage,country_iso3") and "CHN" in body
    assert client.get("/en/material/gallium/nonsense.csv").status_code == 404


def test_plain_language_summary_numbers_come_from_the_data(client, kb):
    from crmradar.web.views.pages import summary_facts

    facts = summary_facts()
    assert (facts["critical"], facts["strategic"]) == (34, 17)
    gallium = kb.supply_shares.query("material_id == 'gallium' and scope == 'global_supply' and stage == 'processing'")
    assert gallium.sort_values("share").iloc[-1]["country_iso3"] == "CHN"  # one of the China-led materials
    assert 0 < facts["china_count"] <= facts["processing_count"]
    html = client.get("/summary/").content.decode()
    assert f"{facts['china_count']} van de {facts['processing_count']}" in html


def test_stale_running_job_is_started_again(django_db):
    from datetime import timedelta

    from django.utils import timezone

    from crmradar.web import jobs
    from crmradar.web.models import CachedResult

    jobs.register("echo")(lambda parameters, progress: {"echo": parameters["value"]})
    first = jobs.submit("echo", {"value": 1}, "hash", background=False)
    assert first.status == "done" and first.result == {"echo": 1}
    CachedResult.objects.filter(pk=first.pk).update(status="running", result=None, heartbeat_at=timezone.now(),
                                                    attempts=1)
    assert jobs.submit("echo", {"value": 1}, "hash", background=False).status == "running"  # heartbeat fresh
    CachedResult.objects.filter(pk=first.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=1))
    assert jobs.submit("echo", {"value": 1}, "hash", background=False).status == "queued"  # queued again
    jobs.wait_for_jobs()
    again = CachedResult.objects.get(pk=first.pk)
    assert again.status == "done" and again.result == {"echo": 1} and again.attempts == 2


def test_methods_page_states_the_reproduction_of_the_2023_study(client):
    """The counts are those of docs/validation.md (computed from the package, not typed in the template)."""
    from crmradar import data
    from crmradar.reports.reproduction import reproduction_counts

    counts = reproduction_counts(data.load())
    assert counts["sr_scored"] == 86 and counts["ei_scored"] == 59 and counts["governance_year"] == 2020
    dutch = client.get("/methods/").content.decode()
    assert (f"leveringsrisico binnen 0,1 voor {counts['sr_within']} van 86 grondstoffen, economisch belang binnen "
            f"0,3 voor {counts['ei_within']} van 59") in dutch
    english = client.get("/en/methods/").content.decode()
    assert f"supply risk within 0.1 for {counts['sr_within']} of 86 materials" in english
    assert "data year 2020" in english
