"""HTTP details and failure modes found by the security and fault test of issue 17 (defects 4, 5, 9, 11, 12)."""

from __future__ import annotations

import json
import logging

import pytest


def test_shock_page_with_empty_parameter_is_not_a_500(client):
    assert client.get("/shocks/?a=").status_code == 200
    assert client.get("/shocks/?a=&b=").status_code == 200
    assert client.get("/shocks/?a=nonsense").status_code == 404


@pytest.mark.parametrize("year", ["-1", "9223372036854775808", "1e30", "1999", "2101"])
def test_crma_api_refuses_years_out_of_range(client, year):
    response = client.get("/api/v1/crma", {"year": year})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "year"]


def test_crma_api_accepts_a_sensible_year(client):
    assert client.get("/api/v1/crma", {"year": "2040", "portfolio": "none"}).status_code == 200


def test_strict_json_renderer_writes_null_for_nan_and_infinity():
    from crmradar.web.api_contract import StrictJSONRenderer, finite

    assert finite({"a": [float("nan"), 1.0, (float("inf"),)], "b": -float("inf")}) == {"a": [None, 1.0, [None]],
                                                                                        "b": None}
    text = StrictJSONRenderer().render(None, {"x": float("nan"), "y": [float("-inf"), 2.5]}, response_status=200)
    assert json.loads(text) == {"x": None, "y": [None, 2.5]} and "NaN" not in text and "Infinity" not in text


def test_api_refuses_huge_quantities_and_never_emits_non_standard_json(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = "cpv,description,quantity,unit\n30213100,Laptop,1e308,st\n09331200,PV,100,kWp\n"
    response = client.post("/api/v1/procurement/scan", {"file": SimpleUploadedFile("p.csv", csv.encode())})
    assert response.status_code == 200
    text = response.content.decode()
    assert "NaN" not in text and "Infinity" not in text
    payload = json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard JSON constant {c}"))
    assert payload["summary"]["rows_scanned"] == 1
    assert any("larger than" in issue["message"] for issue in payload["issues"])


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308"])
def test_lever_strength_must_be_a_finite_number_in_range(client, value):
    assert client.get("/api/v1/levers", {"lever": "ev_battery_lfp", "strength": value}).status_code == 422


def test_health_checks_database_and_package_uncached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "data_package": "ok"}}
    assert "no-store" in response["Cache-Control"]


def test_health_reports_a_missing_or_read_only_sqlite_file(tmp_path):
    import os

    from crmradar.web import hardening

    assert hardening.sqlite_problem(str(tmp_path / "gone.sqlite3")) == "database file gone.sqlite3 is missing"
    assert hardening.sqlite_problem(":memory:") is None
    read_only = tmp_path / "ro" / "db.sqlite3"
    read_only.parent.mkdir()
    read_only.write_bytes(b"")
    read_only.chmod(0o444)
    read_only.parent.chmod(0o555)
    try:
        if os.access(read_only, os.W_OK):
            pytest.skip("running as a user who can write read-only files (root)")
        assert hardening.sqlite_problem(str(read_only)) == "database file db.sqlite3 is read-only"
    finally:
        read_only.parent.chmod(0o755)


def test_health_answers_503_when_a_check_fails_and_is_never_cached(client, monkeypatch):
    from crmradar.web import hardening

    assert client.get("/healthz").status_code == 200
    monkeypatch.setattr(hardening, "database_check", lambda: "database file crmradar.sqlite3 is missing")
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["status"] == "error"
    assert response.json()["checks"]["database"] == "database file crmradar.sqlite3 is missing"


def test_database_failure_gives_a_clear_503_page_and_json(client):
    from django.db import OperationalError
    from django.test import RequestFactory

    from crmradar.web import hardening

    request = RequestFactory().get("/en/sources/")
    try:
        raise OperationalError("attempt to write a readonly database")
    except OperationalError:
        response = hardening.server_error(request)
    assert response.status_code == 503 and b"Tijdelijk niet beschikbaar" in response.content
    assert response["X-Content-Type-Options"] == "nosniff" and "Content-Security-Policy" in response
    api_request = RequestFactory().get("/api/v1/sources")
    try:
        raise OperationalError("database is locked")
    except OperationalError:
        api_response = hardening.server_error(api_request)
    assert api_response.status_code == 503 and json.loads(api_response.content)["detail"].startswith("database")


def test_api_database_error_is_503_json_and_other_errors_500_json(client, monkeypatch):
    from django.db import OperationalError
    from django.test import Client

    from crmradar.web import services

    def broken():
        raise OperationalError("no such table: web_packageload")

    monkeypatch.setattr(services, "knowledge_base", broken)
    response = Client(raise_request_exception=False).get("/api/v1/sources?fresh=1")
    assert response.status_code == 503 and response["Content-Type"].startswith("application/json")

    def bug():
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "knowledge_base", bug)
    response = Client(raise_request_exception=False).get("/api/v1/sources?fresh=2")
    assert response.status_code == 500 and response.json() == {"detail": "internal server error"}


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "DELETE", "PATCH"])
def test_pages_refuse_other_methods(client, method):
    response = client.generic(method, "/en/materials/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/api/v1/sources", "/api/v1/materials", "/api/v1/material/gallium"])
def test_head_on_api_get_routes(client, path):
    head = client.head(path)
    get = client.get(path)
    assert head.status_code == 200 and head.content == b""
    assert int(head["Content-Length"]) == len(get.content)


def test_disallowed_host_is_a_quiet_400_with_security_headers(client, caplog):
    caplog.set_level(logging.INFO)
    responses = [client.get("/", HTTP_HOST="evil.example") for _ in range(5)]
    assert all(r.status_code == 400 for r in responses)
    assert responses[0]["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in responses[0] and responses[0]["X-Frame-Options"] == "DENY"
    assert not any(record.exc_info for record in caplog.records)
    assert len([r for r in caplog.records if "ALLOWED_HOSTS" in r.getMessage()]) <= 1


def test_openapi_declares_errors_and_enums(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "404" in paths["/api/v1/material/{material_id}"]["get"]["responses"]
    for path in ("/api/v1/crma", "/api/v1/demand", "/api/v1/geopolrisk", "/api/v1/levers", "/api/v1/shocks",
                 "/api/v1/recycling"):
        assert "422" in paths[path]["get"]["responses"], path

    def enum(path: str, name: str) -> list:
        parameter = next(p for p in paths[path]["get"]["parameters"] if p["name"] == name)
        text = json.dumps(parameter["schema"])
        refs = [schema["components"]["schemas"][r.split("/")[-1]] for r in _refs(parameter["schema"])]
        found = [*_enums(parameter["schema"]), *(e for r in refs for e in _enums(r))]
        assert found, (name, text)
        return found

    assert set(enum("/api/v1/demand", "scenario")) == {"trend", "targets", "high-electrification"}
    assert set(enum("/api/v1/geopolrisk", "economy")) == {"NLD", "EU27"}
    assert set(enum("/api/v1/crma", "portfolio")) == {"pipeline", "example", "none"}
    assert "financiering" in enum("/api/v1/crma", "min_stage")
    assert "cn_mofcom_2023_23" in enum("/api/v1/shocks", "measure")
    assert "ev_battery_lfp" in enum("/api/v1/levers", "lever")


def _enums(node) -> list:
    if isinstance(node, dict):
        return list(node.get("enum", [])) + [e for value in node.values() for e in _enums(value)]
    if isinstance(node, list):
        return [e for value in node for e in _enums(value)]
    return []


def _refs(node) -> list:
    if isinstance(node, dict):
        return ([node["$ref"]] if "$ref" in node else []) + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


@pytest.mark.parametrize("path", ["/en/procurement/", "/api/v1/procurement/scan"])
def test_oversized_request_bodies_are_refused_before_reading(client, path):
    from django.conf import settings

    limit = settings.CRMRADAR_MAX_REQUEST_BYTES
    body = b"x" * 16
    response = client.generic("POST", path, body, content_type="application/octet-stream",
                              CONTENT_LENGTH=str(300 * 2**20))
    assert response.status_code == 413 and str(limit) in response.content.decode()
    assert len(body) < limit


def test_page_whose_database_fails_answers_503_not_500(client, monkeypatch):
    from django.db import OperationalError
    from django.test import Client

    from crmradar.web import services

    def broken():
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(services, "knowledge_base", broken)
    response = Client(raise_request_exception=False).get("/en/sources/?db=broken")
    assert response.status_code == 503
    assert b"Temporarily unavailable" in response.content and response["Retry-After"] == "60"


@pytest.mark.parametrize(("error", "status"), [("PermissionDenied", 403), ("BadRequest", 400),
                                               ("SuspiciousOperation", 400)])
def test_api_keeps_djangos_client_errors_as_json(client, monkeypatch, error, status):
    from django.core import exceptions
    from django.test import Client

    from crmradar.web import services

    def refuse():
        raise getattr(exceptions, error)()

    monkeypatch.setattr(services, "knowledge_base", refuse)
    response = Client(raise_request_exception=False).get(f"/api/v1/sources?e={error}")
    assert response.status_code == status and response["Content-Type"].startswith("application/json")
