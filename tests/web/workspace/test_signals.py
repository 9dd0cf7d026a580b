"""Early-warning signals: feeds (RSS, Atom, JSON from fixture files), matching materials → technologies →
chains → organisations, notifications in the workspace and by e-mail (locmem), thresholds, import, API and
the access rules of the signal pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FEEDS = Path(__file__).parent / "signal_feeds"


@pytest.fixture()
def region(users, orgs):
    """Chains and items that do and do not depend on gallium, with one user per affected organisation."""
    from crmradar.apps.accounts.services import add_user
    from crmradar.apps.consultation import models, services

    analyst = users["analist"]
    port, tno, dcmr = orgs["Havenbedrijf Rotterdam"], orgs["TNO"], orgs["DCMR Milieudienst Rijnmond"]
    iq, city = orgs["InnovationQuarter"], orgs["Gemeente Rotterdam"]
    solar = services.save_item(models.ValueChain(code="zon-ga", name="Zonnepanelen CIGS", materials=["gallium"],
                                                 owner_organisation=port), analyst)
    ict = services.save_item(models.ValueChain(code="ict", name="Elektronica", technologies=["ict_electronics"],
                                               owner_organisation=tno), analyst)
    batteries = services.save_item(models.ValueChain(code="accu", name="Batterijen", materials=["lithium"],
                                                     owner_organisation=city), analyst)
    services.save_item(models.Bottleneck(title="Vergunning", category="vergunningen", severity=3, chain=solar,
                                         owner_organisation=dcmr), analyst)
    services.save_item(models.Bottleneck(title="Ruimte accu", category="ruimte", severity=3, chain=batteries,
                                         owner_organisation=orgs["Provincie Zuid-Holland"]), analyst)
    services.save_item(models.ActionPoint(title="Galliumstudie", line=2, category="kennis", materials=["gallium"],
                                          owner_organisation=iq), analyst)
    extra = {
        "port": add_user("haven@example.nl", "Havenbedrijf Rotterdam", "partner", "Correct-Horse-Battery-2026"),
        "iq": add_user("iq@example.nl", "InnovationQuarter", "lezer", "Correct-Horse-Battery-2026"),
        "city": add_user("stad@example.nl", "Gemeente Rotterdam", "partner", "Correct-Horse-Battery-2026"),
    }
    return {"solar": solar, "ict": ict, "batteries": batteries, "users": extra}


def test_feed_parser_reads_rss_atom_and_json():
    from crmradar.apps.signals.feeds import parse_feed

    rss = parse_feed(str(FEEDS / "gallium.rss"))
    assert [i.guid for i in rss] == ["fixture-gallium-2023-07-03", "fixture-lithium-plant"]
    assert rss[0].kind == "exportcontrole" and rss[0].date.isoformat() == "2023-07-03"
    assert rss[0].summary.startswith("Exporters need a licence")  # HTML removed
    assert rss[1].kind == "fabriek"
    atom = parse_feed(f"file://{FEEDS / 'prices.atom'}")
    assert [(i.kind, i.price_change, i.link) for i in atom] == [
        ("prijsbeweging", 12.0, "https://example.org/cobalt"),
        ("prijsbeweging", -3.5, "https://example.org/cobalt-down")]
    js = parse_feed(str(FEEDS / "policy.json"))
    assert js[0].kind == "beleid" and js[0].materials == ["neodymium", "dysprosium"]
    assert js[1].kind == "sanctie" and js[1].date.isoformat() == "2026-10-02"


def test_feed_errors_are_one_line(tmp_path):
    from crmradar.apps.signals.feeds import FeedError, parse_feed

    bad = tmp_path / "bad.xml"
    bad.write_text("<rss><channel><item>")
    with pytest.raises(FeedError, match="not well-formed"):
        parse_feed(str(bad))
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss/>')
    with pytest.raises(FeedError, match="entity"):
        parse_feed(str(bomb))
    with pytest.raises(FeedError):
        parse_feed(str(tmp_path / "missing.rss"))


def test_materials_are_found_by_english_and_dutch_names():
    from crmradar.apps.signals.matching import materials_in_text, technologies_using

    assert materials_in_text("Export licences for gallium metal") == ["gallium"]
    assert materials_in_text("Prijs van kobalt stijgt") == ["cobalt"]
    assert materials_in_text("a gallery of photographs") == []
    technologies = technologies_using(["gallium"])
    assert "ict_electronics" in technologies and "pv_cigs" in technologies


def test_gallium_feed_item_reaches_the_gallium_chains_and_owners_only(region, orgs, users):
    from django.core import mail

    from crmradar.apps.signals import services
    from crmradar.apps.signals.models import Feed, Notification, Signal

    mail.outbox = []
    feed = Feed.objects.create(name="Fixture", url=str(FEEDS / "gallium.rss"), default_kind="beleid")
    made = services.read_feed(feed)
    assert len(made) == 2
    gallium = Signal.objects.get(guid="fixture-gallium-2023-07-03")
    assert gallium.materials == ["gallium"] and gallium.kind == "exportcontrole" and gallium.origin == "feed"
    assert {c.code for c in gallium.chains.all()} == {"zon-ga", "ict"}
    assert {o.name for o in gallium.organisations.all()} == {
        "Havenbedrijf Rotterdam", "TNO", "DCMR Milieudienst Rijnmond", "InnovationQuarter"}
    gallium_mail = [m for m in mail.outbox if "gallium" in m.subject]
    assert sorted(a for m in gallium_mail for a in m.to) == [
        "haven@example.nl", "iq@example.nl", "lezer@example.nl", "partner@example.nl"]
    assert all("Zonnepanelen CIGS" in m.body for m in gallium_mail)
    assert set(Notification.objects.filter(signal=gallium).values_list("user__email", flat=True)) == {
        "haven@example.nl", "iq@example.nl", "lezer@example.nl", "partner@example.nl"}
    lithium = Signal.objects.get(guid="fixture-lithium-plant")
    assert {c.code for c in lithium.chains.all()} == {"accu"}
    assert {o.name for o in lithium.organisations.all()} == {"Gemeente Rotterdam", "Provincie Zuid-Holland"}
    # Reading again adds nothing and sends nothing.
    before = len(mail.outbox)
    assert services.read_feed(feed) == []
    assert len(mail.outbox) == before
    created = gallium.history.last()
    assert created.history_user is None and created.history_type == "+"


def test_price_threshold_decides_the_alert(region, users):
    from django.core import mail

    from crmradar.apps.signals import services
    from crmradar.apps.signals.models import Feed, Signal

    services.set_threshold(users["analist"], "cobalt", 10)
    mail.outbox = []
    services.read_feed(Feed.objects.create(name="Prijzen", url=str(FEEDS / "prices.atom")))
    up, down = Signal.objects.get(guid="urn:fixture:cobalt-12"), Signal.objects.get(guid="urn:fixture:cobalt-3")
    assert up.alerting and not down.alerting
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.set_threshold(users["partner"], "cobalt", 1)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.set_threshold(users["analist"], "unobtainium", 5)
    assert services.set_threshold(users["analist"], "cobalt", None) is None


def test_signal_by_hand_keeps_history_and_partner_ownership(region, users, orgs):
    from crmradar.apps.signals import services
    from crmradar.apps.signals.models import Signal

    signal = services.record(Signal(kind="sanctie", title="Sanctie tegen een galliumleverancier"), users["partner"])
    assert signal.materials == ["gallium"]
    assert signal.owner_organisation == orgs["DCMR Milieudienst Rijnmond"]
    assert signal.history.first().history_user == users["partner"]


def test_import_csv_checks_every_row_then_records(region, users, tmp_path):
    from crmradar.apps.signals.importexport import ImportProblemsError, import_signals
    from crmradar.apps.signals.models import Signal

    bad = tmp_path / "signalen.csv"
    bad.write_text("kind,title,date,materials\nbeleid,Goed,2026-01-01,gallium\nfout,,2026-13-01,unobtainium\n",
                   encoding="utf-8")
    with pytest.raises(ImportProblemsError) as error:
        import_signals(bad, users["analist"])
    text = "\n".join(error.value.problems)
    for fragment in ("row 3, column kind", "row 3, column title", "row 3, column date", "unobtainium"):
        assert fragment in text
    assert not Signal.objects.filter(title="Goed").exists()
    good = tmp_path / "signalen.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["kind", "title", "materials", "price_change_percent", "published"])
    book.active.append(["prijsbeweging", "Lithiumprijs", "lithium", "-18", "ja"])
    book.save(good)
    (made,) = import_signals(good, users["analist"])
    assert made.origin == "import" and made.price_change_percent == -18 and made.published
    assert {c.code for c in made.chains.all()} == {"accu"}


def test_dashboard_and_list_show_signals_and_unread_notifications(region, users, client_for):
    from crmradar.apps.signals import services
    from crmradar.apps.signals.models import Feed

    services.read_feed(Feed.objects.create(name="Fixture", url=str(FEEDS / "gallium.rss")))
    page = client_for("partner").get("/werkruimte/").content.decode()
    assert "China requires export licences for gallium" in page and "Zonnepanelen CIGS" in page
    listing = client_for("partner").get("/werkruimte/signalen/").content.decode()
    assert "Mark as read" in listing or "Markeer als gelezen" in listing
    client = client_for("partner")
    assert client.post("/werkruimte/signalen/meldingen-gelezen/").status_code == 302
    from crmradar.apps.signals.models import Notification

    assert not Notification.objects.filter(user=users["partner"], read_at__isnull=True).exists()
    # The public sees no unpublished signal.
    assert "gallium" not in client_for("anoniem").get("/werkruimte/signalen/").content.decode()


def test_signal_api(client, region, users):
    from crmradar.apps.accounts.services import issue_token

    def call(method, url, role=None, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(users[role].email)}"} if role else {}
        kwargs = {"data": json.dumps(body), "content_type": "application/json"} if body is not None else {}
        return getattr(client, method)(url, **kwargs, **headers)

    body = {"kind": "exportcontrole", "title": "Exportvergunning voor gallium", "published": True}
    assert call("post", "/api/v1/signals/", None, body).status_code == 401
    assert call("post", "/api/v1/signals/", "lezer", body).status_code == 403
    created = call("post", "/api/v1/signals/", "analist", body)
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["materials"] == ["gallium"] and data["chains"] == sorted([region["solar"].pk, region["ict"].pk])
    public = call("get", f"/api/v1/signals/{data['id']}").json()
    assert public["organisations"] == [] and public["chains"] == []  # the chains are unpublished
    assert call("get", "/api/v1/signals/?material=gallium", "lezer").json()["count"] == 1
    assert call("put", "/api/v1/signals/drempels/lithium", "partner", {"percent": 5}).status_code == 403
    assert call("put", "/api/v1/signals/drempels/lithium", "analist", {"percent": 5}).json() == {
        "material": "lithium", "percent": 5.0}
    assert call("put", "/api/v1/signals/drempels/nope", "analist", {"percent": 5}).status_code == 422
    assert call("get", "/api/v1/signals/drempels/", "lezer").json() == [{"material": "lithium", "percent": 5.0}]
    assert call("get", "/api/v1/signals/drempels/").status_code == 401
    assert call("post", "/api/v1/signals/", "analist", {"kind": "x", "title": "y"}).status_code == 422
