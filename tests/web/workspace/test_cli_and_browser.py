"""``crmradar user`` and ``crmradar workspace`` commands, and the workspace in Debian Chromium: a partner adds a
bottleneck to a chain, an analyst closes it, the public sees it only once published; axe-core on the pages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from web.workspace.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
RUN = uuid.uuid4().hex[:8]
PARTNER, ANALYST = f"partner-{RUN}@dcmr.example", f"analist-{RUN}@pzh.example"
TITLE = f"Vergunning black-mass-installatie {RUN}"
AXE = Path(__file__).resolve().parents[2] / "assets" / "axe.min.js"


def _cli(home: Path, *args: str, stdin: str = "", shared_database: bool = False) -> subprocess.CompletedProcess:
    """Run the CLI in its own home; its own SQLite database unless it must share the server's database."""
    env = dict(os.environ, CRMRADAR_HOME=str(home))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if not shared_database:
        env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "crmradar.cli", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def cli_home(tmp_path_factory):
    return tmp_path_factory.mktemp("cli-home")


def test_user_add_token_list_disable(cli_home):
    added = _cli(cli_home, "user", "add", "tno@example.nl", "--organisation", "TNO", "--role", "partner",
                 "--password-stdin", stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    token = _cli(cli_home, "user", "token", "tno@example.nl")
    assert token.returncode == 0 and len(token.stdout.strip()) >= 40
    listing = _cli(cli_home, "user", "list")
    assert "tno@example.nl" in listing.stdout and "partner" in listing.stdout
    bad = _cli(cli_home, "user", "add", "x@example.nl", "--organisation", "Onbekend BV", "--role", "partner",
               "--password-stdin", stdin=PASSWORD + "\n")
    assert bad.returncode == 2 and "organisation" in bad.stderr and "Traceback" not in bad.stderr
    weak = _cli(cli_home, "user", "add", "y@example.nl", "--organisation", "TNO", "--role", "partner",
                "--password-stdin", stdin="kort\n")
    assert weak.returncode == 2 and "password" in weak.stderr
    assert _cli(cli_home, "user", "disable", "tno@example.nl").returncode == 0
    assert "nee" in _cli(cli_home, "user", "list").stdout


def test_workspace_demo_export_import(cli_home, tmp_path):
    demo = _cli(cli_home, "workspace", "demo")
    assert demo.returncode == 0, demo.stderr
    out = tmp_path / "export"
    assert _cli(cli_home, "workspace", "export", str(out)).returncode == 0
    text = (out / "knelpunten.csv").read_text(encoding="utf-8-sig")
    assert text.count("Voorbeeld:") == 3
    assert all("oorbeeld" in line for line in text.splitlines()[1:])
    again = _cli(cli_home, "workspace", "import", str(out))
    assert again.returncode == 0, again.stderr
    (out / "knelpunten.csv").write_text(text + "999,Fout,,,geen-categorie,2,,,open,,,2026-13-01,,,false\n",
                                        encoding="utf-8")
    refused = _cli(cli_home, "workspace", "import", str(out))
    assert refused.returncode == 2
    assert "knelpunten.csv, row 5, column category" in refused.stdout
    assert "knelpunten.csv, row 5, column resolved_on" in refused.stdout or "identified_on" in refused.stdout




@pytest.fixture(scope="module")
def workspace_server(server):
    from web.conftest import SERVER_HOMES

    home = SERVER_HOMES[-1]
    # With DATABASE_URL the server uses a database that outlives the test run: users get names of their own.
    for email, org, role in ((PARTNER, "DCMR Milieudienst Rijnmond", "partner"),
                             (ANALYST, "Provincie Zuid-Holland", "analist")):
        result = _cli(home, "user", "add", email, "--organisation", org, "--role", role, "--password-stdin",
                      stdin=PASSWORD + "\n", shared_database=True)
        assert result.returncode == 0, result.stderr
    result = _cli(home, "workspace", "import", str(_chain_dir(home)), shared_database=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return server


def _chain_dir(home: Path) -> Path:
    folder = home / "seed"
    folder.mkdir(exist_ok=True)
    row = f"batterijen-{RUN},Batterijketen {RUN},lithium|cobalt,Provincie Zuid-Holland,true\n"
    (folder / "ketens.csv").write_text("code,name,materials,owner_organisation,published\n" + row)
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=["--no-sandbox", "--disable-gpu",
                                                    "--disable-background-networking"])
        yield instance
        instance.close()


def _login(browser, url: str, email: str, width: int = 1366):
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)  # axe is injected
    page = context.new_page()
    page.goto(url + "/account/inloggen/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("form.stacked-form button[type=submit]")
    page.wait_for_url("**/werkruimte/")
    return context, page


def _axe_serious(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")
def test_partner_adds_analyst_closes_public_sees_after_publishing(browser, workspace_server):
    url = workspace_server
    anonymous = browser.new_context().new_page()
    anonymous.goto(url + "/werkruimte/")
    assert "/account/inloggen/" in anonymous.url  # the workspace is behind a login

    partner_context, page = _login(browser, url, PARTNER)
    assert _axe_serious(page) == []
    page.goto(url + "/werkruimte/knelpunten/nieuw/")
    page.fill("#id_title", TITLE)
    page.select_option("#id_chain", label=f"Batterijketen {RUN}")
    page.select_option("#id_category", value="vergunningen")
    page.fill("#id_severity", "9")  # out of range: the field error shows in place
    page.click("form.stacked-form button[type=submit]")
    page.wait_for_selector(".form-field--invalid #id_severity")
    assert _axe_serious(page) == []
    page.fill("#id_severity", "4")
    page.click("form.stacked-form button[type=submit]")
    page.wait_for_url(re.compile(r"/werkruimte/knelpunten/\d+/$"))
    detail = page.url
    assert TITLE in page.locator("h1").inner_text()
    assert _axe_serious(page) == []
    partner_context.close()

    anonymous.goto(detail)
    assert anonymous.locator("h1").inner_text() != TITLE  # 404 page

    analyst_context, page = _login(browser, url, ANALYST)
    page.goto(detail.rstrip("/") + "/bewerken/")
    page.select_option("#id_status", value="opgelost")
    page.check("#id_published")
    page.click("form.stacked-form button[type=submit]")
    page.wait_for_url(detail)
    history = page.locator("#history + p + ol").inner_text()
    assert ANALYST in history and PARTNER in history
    page.goto(url + "/werkruimte/")
    assert _axe_serious(page) == []
    analyst_context.close()

    anonymous.goto(detail)
    assert TITLE in anonymous.locator("h1").inner_text()
    api = json.loads(anonymous.goto(url + f"/api/v1/workspace/knelpunten/?q={RUN}").text())
    assert [r["status"] for r in api["results"] if r["title"] == TITLE] == ["opgelost"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")
def test_workspace_pages_fit_a_phone(browser, workspace_server):
    context, page = _login(browser, workspace_server, ANALYST, width=390)
    for path in ("/werkruimte/", "/werkruimte/knelpunten/", "/werkruimte/ketens/", "/werkruimte/acties/nieuw/"):
        page.goto(workspace_server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path
    context.close()
