"""Issue 17: what schemathesis found against a live server, each as a regression test (failed before the fix)."""

from __future__ import annotations


def test_huge_page_and_id_numbers_are_422_not_a_database_error(client):
    for path in ("/api/v1/workspace/verdiepingen/?page=42734346604108989857792",
                 "/api/v1/signals/?page=10000000000000000000000",
                 "/api/v1/workspace/kaders/99999999999999999999999", "/api/v1/signals/99999999999999999999999"):
        response = client.get(path)
        assert response.status_code == 422, (path, response.status_code, response.content[:200])
        assert response["Content-Type"].startswith("application/json")


def test_out_of_range_numbers_reaching_the_database_are_422(client, monkeypatch):
    from crmradar.apps.consultation import api as workspace_api

    def overflow(*args, **kwargs):
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr(workspace_api, "filtered", overflow)
    response = client.get("/api/v1/workspace/knelpunten/")
    assert response.status_code == 422 and response.json() == {"detail": "a number in the request is out of range"}


def test_unauthenticated_create_with_null_links_is_401_not_500(client):
    response = client.post("/api/v1/workspace/acties/", '{"meetings": null, "materials": ["x"], "published": null}',
                           content_type="application/json")
    assert response.status_code == 401


def test_each_register_list_declares_its_own_page_schema_and_error_answers(client):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    listing = schema["paths"]["/api/v1/workspace/organisaties/"]["get"]["responses"]
    ref = listing["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/OrganisationPage")
    assert components["OrganisationPage"]["properties"]["results"]["items"]["$ref"].endswith("/OrganisationOut")
    assert {"401", "403", "422"} <= set(listing)
    read = schema["paths"]["/api/v1/workspace/knelpunten/{item_id}"]["get"]["responses"]
    assert {"200", "401", "403", "404", "422"} <= set(read)
    assert "429" in schema["paths"]["/api/v1/levers"]["get"]["responses"]
