"""The authorisation matrix, generated from the URL configuration and the API: every route must carry an
access rule, and every workspace route is called as every role (anonymous included) for read and write with
the outcome its rule and the object rules give. A new route without a rule, or without example arguments
here, fails."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ("anoniem", "lezer", "partner", "analist", "beheerder")
# Public routes that start a Monte Carlo computation in the background: their rule is checked, not called
# per role (the outcome cannot depend on the role: public views have no guard).
COMPUTING = {"energy_panel", "energy_download", "lever_panel", "lever_rank_panel", "recycling_panel",
             "shock_panel", "compare_panel", "custom_shock_panel", "lever_range_panel",
             "scenario_edit_panel"}


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            space = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), space)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), namespace + (entry.name or ""), entry.callback


def routes():
    return [(p, n, cb) for p, n, cb in _walk(get_resolver().url_patterns)
            if not n.startswith("admin:") and not p.startswith("api/v1/")]


def test_every_page_route_has_an_access_rule(django_db):
    from crmradar.web.access import RULES

    missing = [name or pattern for pattern, name, callback in routes()
               if getattr(callback, "access_rule", None) not in RULES]
    assert missing == []
    assert len(routes()) >= 45


def test_admin_site_admits_staff_roles_only(client_for):
    expected = {"anoniem": 302, "lezer": 302, "partner": 302, "analist": 200, "beheerder": 200}
    for role, status in expected.items():
        assert client_for(role).get("/beheer/").status_code == status, role


def _example_url(name: str, items) -> list[tuple[str, str]]:
    """(label, url) examples per route; unpublished and published items where the item matters."""
    from django.urls import reverse

    hidden, public = items["hidden"].pk, items["public"].pk
    examples = {
        "consultation:list": [("list", ["knelpunten"])],
        "consultation:detail": [("hidden", ["knelpunten", hidden]),
                                ("public", ["knelpunten", public])],
        "consultation:create": [("form", ["knelpunten"])],
        "consultation:edit": [("hidden", ["knelpunten", hidden]),
                              ("own", ["knelpunten", items["own"].pk])],
        "consultation:import": [("form", ["knelpunten"])],
        "consultation:export": [("csv", ["knelpunten", "csv"])],
        "consultation:history_export": [("hidden", ["knelpunten", hidden])],
        "consultation:agenda_export": [("meeting", [items["meeting"].pk])],
        "consultation:deepdive_result": [("no file", [items["deep"].pk])],
        "signals:detail": [("missing", [987654])],
        "sweep_run": [("page", [])],  # analysts start lever sweeps (issue 16)
        "releases:changes": [("page", [])],
        "documents": [("page", [])],
        "document_panel": [("published chain", ["keten", "batterijen", "pdf"]),
                           ("missing chain", ["keten", "bestaat-niet", "pdf"])],
        "document_download": [("annex", ["staten", "-", "pdf"])],
        "projects:business_case": [("missing", [987654])],
        "projects:chain_business_case": [("chain", [items["chain"].pk])],
    }
    simple = {"consultation:dashboard", "consultation:deleted", "consultation:audit_export", "accounts:login",
              "accounts:profile", "accounts:password_reset", "accounts:password_reset_done",
              "accounts:password_reset_complete", "signals:list", "signals:create", "signals:import",
              "signals:settings", "policy:contribution"}
    if name in simple or name == "map":
        return [("page", reverse(name))]
    return [(label, reverse(name, args=args)) for label, args in examples.get(name, [])]


# Expected GET status per route (and example) for each role; 302 = sent to the login page.
GET_EXPECTED = {
    ("consultation:list", "list"): dict.fromkeys(ROLES, 200),
    ("consultation:detail", "hidden"): {"anoniem": 404, "lezer": 200, "partner": 200, "analist": 200,
                                        "beheerder": 200},
    ("consultation:detail", "public"): dict.fromkeys(ROLES, 200),
    ("consultation:create", "form"): {"anoniem": 302, "lezer": 403, "partner": 200, "analist": 200,
                                      "beheerder": 200},
    ("consultation:edit", "hidden"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 200,
                                      "beheerder": 200},
    ("consultation:edit", "own"): {"anoniem": 302, "lezer": 403, "partner": 200, "analist": 200, "beheerder": 200},
    ("consultation:import", "form"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 200,
                                      "beheerder": 200},
    ("consultation:deleted", "page"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 200,
                                       "beheerder": 200},
    ("consultation:deepdive_result", "no file"): {"anoniem": 404, "lezer": 404, "partner": 404, "analist": 404,
                                                  "beheerder": 404},
    ("accounts:login", "page"): {"anoniem": 200, "lezer": 302, "partner": 302, "analist": 302, "beheerder": 302},
    ("signals:list", "page"): dict.fromkeys(ROLES, 200),
    ("signals:detail", "missing"): dict.fromkeys(ROLES, 404),
    ("signals:create", "page"): {"anoniem": 302, "lezer": 403, "partner": 200, "analist": 200, "beheerder": 200},
    ("signals:import", "page"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 200, "beheerder": 200},
    ("signals:settings", "page"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 200, "beheerder": 200},
    # business case of a missing project; of a published chain without battery capacity (nothing is queued)
    ("projects:business_case", "missing"): dict.fromkeys(ROLES, 404),
    ("projects:chain_business_case", "chain"): dict.fromkeys(ROLES, 200),
    ("policy:contribution", "page"): dict.fromkeys(ROLES, 200),
}
MEMBER_ONLY = {"anoniem": 302, "lezer": 200, "partner": 200, "analist": 200, "beheerder": 200}
GET_EXPECTED[("sweep_run", "page")] = {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 200,
                                     "beheerder": 200}
GET_EXPECTED[("releases:changes", "page")] = dict.fromkeys(ROLES, 200)  # touched items follow the object rules
# documents (issue 15): everyone; the annex and chain documents of non-members hold published items only
GET_EXPECTED[("documents", "page")] = dict.fromkeys(ROLES, 200)
GET_EXPECTED[("document_panel", "published chain")] = dict.fromkeys(ROLES, 200)
GET_EXPECTED[("document_panel", "missing chain")] = dict.fromkeys(ROLES, 404)
GET_EXPECTED[("document_download", "annex")] = dict.fromkeys(ROLES, 202)  # queued, made by a worker
# the map /kaart/ (rule item): every role sees it; unpublished workspace projects on it only for members
GET_EXPECTED[("map", "page")] = dict.fromkeys(ROLES, 200)
for key in [("consultation:dashboard", "page"), ("consultation:audit_export", "page"),
            ("consultation:export", "csv"), ("consultation:history_export", "hidden"),
            ("consultation:agenda_export", "meeting"), ("accounts:profile", "page")]:
    GET_EXPECTED[key] = MEMBER_ONLY
for key in [("accounts:password_reset", "page"), ("accounts:password_reset_done", "page"),
            ("accounts:password_reset_complete", "page")]:
    GET_EXPECTED[key] = dict.fromkeys(ROLES, 200)
POST_ONLY = {"consultation:delete", "consultation:restore", "consultation:comment", "consultation:progress_add",
             "consultation:decision_add", "accounts:logout", "accounts:password_reset_confirm",
             "signals:feeds_read", "signals:notifications_read"}


def test_every_workspace_route_is_in_the_matrix(items):
    named = {name for _p, name, _cb in routes()
             if name.startswith(("consultation:", "accounts:", "signals:", "projects:", "policy:"))}
    covered = {name for name, _label in GET_EXPECTED} | POST_ONLY
    assert named - covered == set()


@pytest.mark.parametrize("role", ROLES)
def test_get_matrix(client_for, items, role):
    client = client_for(role)
    failures = []
    for (name, label), expected in GET_EXPECTED.items():
        for example, url in _example_url(name, items):
            if example != label:
                continue
            status = client.get(url).status_code
            if status != expected[role]:
                failures.append(f"{name} [{label}] as {role}: {status} != {expected[role]}")
    assert failures == []


@pytest.mark.parametrize("role", ROLES)
def test_public_analysis_pages_answer_every_role(client_for, role):
    client = client_for(role)
    for path in ("/", "/materials/", "/material/gallium/", "/crma/", "/sources/", "/methods/", "/data/",
                 "/summary/", "/procurement/", "/levers/", "/energy/", "/recycling/", "/shocks/", "/compare/",
                 "/material/gallium/factsheet/", "/scenario/", "/search/?q=kobalt"):
        assert client.get(path).status_code == 200, (path, role)
    public = [name for _p, name, cb in routes() if cb.access_rule == "public" and name not in COMPUTING]
    assert "overview" in public and "material" in public


POST_EXPECTED = {
    # (route, target) → status per role: 302 = done (or sent to login for anonymous), 403 refused, 404 hidden
    ("consultation:delete", "own"): {"anoniem": 302, "lezer": 403, "partner": 302, "analist": 302,
                                     "beheerder": 302},
    ("consultation:delete", "hidden"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 302,
                                        "beheerder": 302},
    ("consultation:comment", "public"): {"anoniem": 302, "lezer": 403, "partner": 302, "analist": 302,
                                         "beheerder": 302},
    ("consultation:restore", "hidden"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 302,
                                         "beheerder": 302},
    ("consultation:progress_add", "action"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 302,
                                              "beheerder": 302},
    ("consultation:decision_add", "meeting"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 302,
                                               "beheerder": 302},
    ("signals:feeds_read", "none"): {"anoniem": 302, "lezer": 403, "partner": 403, "analist": 302, "beheerder": 302},
    ("signals:notifications_read", "none"): dict.fromkeys(ROLES, 302),
}


@pytest.mark.parametrize("role", ROLES)
def test_post_matrix(client_for, items, role):
    from django.urls import reverse

    from crmradar.apps.consultation.models import Bottleneck

    client = client_for(role)
    failures = []
    for (name, target), expected in POST_EXPECTED.items():
        if name == "consultation:progress_add":
            url = reverse(name, args=[items["action"].pk])
        elif name == "consultation:decision_add":
            url = reverse(name, args=[items["meeting"].pk])
        elif name.startswith("signals:"):
            url = reverse(name)
        else:
            url = reverse(name, args=["knelpunten", items[target].pk])
        if name == "consultation:restore":
            Bottleneck.all_objects.filter(pk=items[target].pk).update(deleted_at="2026-12-01T00:00:00Z")
        response = client.post(url, {"text": "Tekst van de test"})
        status = response.status_code
        if role == "anoniem" and status == 302:
            assert "/account/inloggen/" in response["Location"]
        if status != expected[role]:
            failures.append(f"{name} [{target}] as {role}: {status} != {expected[role]}")
        Bottleneck.all_objects.filter(pk__in=[items["own"].pk, items["hidden"].pk]).update(deleted_at=None)
    assert failures == []


def _operations():
    from crmradar.web.api import api

    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                yield prefix + path, operation


def test_every_api_operation_has_an_access_rule(django_db):
    from crmradar.web.access import RULES

    operations = list(_operations())
    assert len(operations) >= 40  # 13 analysis operations + 5 per register × 6 registers
    missing = [(path, op.methods) for path, op in operations if getattr(op.view_func, "access_rule", None)
               not in RULES]
    assert missing == []


def _api(client, method: str, url: str, token: str | None = None, body: dict | None = None):
    import json

    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    kwargs = {"data": json.dumps(body), "content_type": "application/json"} if body is not None else {}
    return getattr(client, method)(url, **kwargs, **headers)


@pytest.mark.parametrize("role", ROLES)
def test_api_matrix(client, users, items, role):
    from crmradar.apps.accounts.services import issue_token

    token = issue_token(users[role].email) if role != "anoniem" else None
    base = "/api/v1/workspace/knelpunten/"
    hidden, public, own = items["hidden"].pk, items["public"].pk, items["own"].pk
    member = role != "anoniem"
    expected = [
        ("get", base, None, 200),
        ("get", f"{base}{hidden}", None, 200 if member else 404),
        ("get", f"{base}{public}", None, 200),
        ("post", base, {"title": "Nieuw via API", "category": "ruimte", "severity": 2},
         {"anoniem": 401, "lezer": 403}.get(role, 201)),
        ("patch", f"{base}{own}", {"severity": 5}, {"anoniem": 404, "lezer": 403}.get(role, 200)),
        ("patch", f"{base}{hidden}", {"severity": 5}, {"anoniem": 404, "lezer": 403, "partner": 403}.get(role, 200)),
        ("patch", f"{base}{public}", {"severity": 1}, {"anoniem": 401, "lezer": 403, "partner": 403}.get(role, 200)),
        ("delete", f"{base}{public}", None, {"anoniem": 401, "lezer": 403, "partner": 403}.get(role, 204)),
    ]
    failures = []
    for method, url, body, status in expected:
        response = _api(client, method, url, token, body)
        if response.status_code != status:
            failures.append(f"{method} {url} as {role}: {response.status_code} != {status} {response.content[:200]}")
    assert failures == []
    listing = _api(client, "get", base, token).json()
    titles = {r["title"] for r in listing["results"]}
    assert ("Intern knelpunt" in titles) is member


def test_api_rejects_a_bad_token_and_a_session_write_without_csrf(client, users, items, client_for):
    response = _api(client, "get", "/api/v1/workspace/knelpunten/", "not-a-token")
    assert response.status_code == 401
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["analist"], backend="django.contrib.auth.backends.ModelBackend")
    response = _api(strict, "post", "/api/v1/workspace/knelpunten/", None,
                    {"title": "x", "category": "ruimte", "severity": 1})
    assert response.status_code == 403


def test_api_partner_creations_belong_to_the_partner_organisation(client, users, items, orgs):
    from crmradar.apps.accounts.services import issue_token

    token = issue_token(users["partner"].email)
    body = {"title": "Van partner", "category": "ruimte", "severity": 2,
            "owner_organisation": orgs["Provincie Zuid-Holland"].pk}
    created = _api(client, "post", "/api/v1/workspace/knelpunten/", token, body).json()
    assert created["owner_organisation"] == orgs["DCMR Milieudienst Rijnmond"].pk


def test_api_validation_names_the_field(client, users, items):
    from crmradar.apps.accounts.services import issue_token

    token = issue_token(users["analist"].email)
    response = _api(client, "post", "/api/v1/workspace/knelpunten/", token,
                    {"title": "Fout", "category": "geen-categorie", "severity": 9})
    assert response.status_code == 422
    fields = {entry["loc"][-1] for entry in response.json()["detail"]}
    assert {"category", "severity"} <= fields
    response = _api(client, "post", "/api/v1/workspace/ketens/", token,
                    {"code": "x", "name": "X", "materials": ["unobtainium"]})
    assert response.status_code == 422 and "unobtainium" in response.content.decode()
