"""Accounts: Argon2 hashes, login throttling, password reset by e-mail, tokens, OIDC only when configured, the
OpenAPI schema documents the workspace, and every workspace label has a Dutch translation."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from web.workspace.conftest import PASSWORD


def test_passwords_are_hashed_with_argon2(users):
    assert users["analist"].password.startswith("argon2")


def test_login_is_throttled_after_five_failures(users):
    from django.test import Client

    client = Client()
    for _attempt in range(5):
        response = client.post("/account/inloggen/", {"username": "lezer@example.nl", "password": "fout"})
        assert response.status_code in (200, 429)
    response = client.post("/account/inloggen/", {"username": "lezer@example.nl", "password": PASSWORD})
    assert response.status_code == 429 and "15" in response.content.decode()
    other = Client().post("/account/inloggen/", {"username": "analist@example.nl", "password": PASSWORD})
    assert other.status_code == 302 and other["Location"] == "/werkruimte/"


def test_password_reset_sends_a_working_link(users):
    import re

    from django.core import mail
    from django.test import Client, override_settings

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        client = Client()
        response = client.post("/account/wachtwoord-vergeten/", {"email": "partner@example.nl"})
        assert response.status_code == 302
        (message,) = mail.outbox
        assert message.to == ["partner@example.nl"]
        link = re.search(r"http://testserver(/account/wachtwoord-vergeten/\S+/)", message.body).group(1)
        form = client.get(link, follow=True)
        assert form.status_code == 200
        new = "Nieuw-Wachtwoord-Partner-2026"
        done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
        assert done.status_code == 302
    users["partner"].refresh_from_db()
    assert users["partner"].check_password(new)


def test_disabled_user_loses_token_and_login(users, client):
    from crmradar.apps.accounts.services import disable_user, issue_token

    token = issue_token("partner@example.nl")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get("/api/v1/workspace/knelpunten/", **headers).status_code == 200
    disable_user("partner@example.nl")
    assert client.get("/api/v1/workspace/knelpunten/", **headers).status_code == 401


def test_tokens_are_stored_hashed(users):
    from crmradar.apps.accounts.models import ApiToken
    from crmradar.apps.accounts.services import issue_token

    token = issue_token("lezer@example.nl")
    stored = ApiToken.objects.get(user=users["lezer"])
    assert token not in (stored.token_hash, stored.prefix + "x") and len(stored.token_hash) == 64


@pytest.mark.parametrize("configured", [False, True])
def test_oidc_backend_only_when_configured(tmp_path, configured):
    env = dict(os.environ, CRMRADAR_HOME=str(tmp_path), DJANGO_SETTINGS_MODULE="crmradar.web.settings")
    env.pop("CRMRADAR_OIDC_CLIENT_ID", None)
    if configured:
        env["CRMRADAR_OIDC_CLIENT_ID"] = "crm-radar"
    code = ("import django; django.setup(); from django.conf import settings; from django.urls import resolve, "
            "reverse, NoReverseMatch\n"
            "print('RoleMappingOIDCBackend' in ' '.join(settings.AUTHENTICATION_BACKENDS), "
            "'mozilla_django_oidc' in settings.INSTALLED_APPS)\n"
            "try:\n    url = reverse('accounts:oidc_start'); print(url, resolve(url).func.access_rule)\n"
            "except NoReverseMatch:\n    print('none', 'none')")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    words = out.split()
    assert words[:2] == [str(configured), str(configured)]
    assert words[2:] == (["/account/oidc/start/", "public"] if configured else ["none", "none"])


def test_openapi_documents_the_workspace(client):
    schema = client.get("/api/v1/openapi.json").json()
    for register in ("organisaties", "ketens", "knelpunten", "acties", "overleggen", "verdiepingen"):
        path = f"/api/v1/workspace/{register}/"
        assert {"get", "post"} <= set(schema["paths"][path])
        assert {"get", "patch", "delete"} <= set(schema["paths"][path + "{item_id}"])
    assert "BottleneckIn" in schema["components"]["schemas"]


def test_every_workspace_label_has_a_dutch_translation():
    polib = pytest.importorskip("polib")
    from crmradar.web import settings

    catalogue = polib.pofile(str(settings.BASE_DIR.parent / "apps" / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in catalogue if not e.obsolete and not (e.msgstr or e.msgstr_plural)] == []
    assert len(catalogue) > 200


def test_workspace_pages_are_dutch_by_default(client_for, items):
    html = client_for("analist").get("/werkruimte/").content.decode()
    assert "Open knelpunten per waardeketen en categorie" in html
    assert "Open bottlenecks" not in html
    english = client_for("analist").get("/en/werkruimte/").content.decode()
    assert "Open bottlenecks per value chain and category" in english
