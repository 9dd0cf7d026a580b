"""ASVS 3.4.x (issue 17, security.md): the session cookie is HttpOnly and SameSite=Lax, the CSRF cookie
SameSite=Strict, and logging in issues a new session id (no session fixation)."""

from __future__ import annotations

PASSWORD = "Correct-Horse-Battery-2026"


def test_login_sets_a_fresh_httponly_lax_session_and_a_strict_csrf_cookie(users):
    from django.test import Client

    client = Client(enforce_csrf_checks=False)
    form = client.get("/account/inloggen/")
    csrf = form.cookies["csrftoken"]
    assert csrf["samesite"] == "Strict"
    client.cookies["sessionid"] = "fixed-by-an-attacker"
    response = client.post("/account/inloggen/", {"username": "analist@example.nl", "password": PASSWORD})
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session.value != "fixed-by-an-attacker" and len(session.value) >= 32
    assert session["httponly"] is True and session["samesite"] == "Lax"
    assert session["max-age"] == 8 * 3600
    logout = client.post("/account/uitloggen/")
    assert logout.status_code in (200, 302)
    assert client.get("/werkruimte/").status_code in (302, 403)  # the old session no longer logs in
