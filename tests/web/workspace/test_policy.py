"""Policy alignment register (issue 12, item 4, partial): cited frameworks, milestones, links to action points
and projects, what no action point covers, pages, API and exchange."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture()
def kb():
    from crmradar import data
    from crmradar.data.loader import active_package_dir

    return data.load(active_package_dir())


@pytest.fixture()
def loaded(users, kb):
    from crmradar.apps.policy.alignment import load_package_frameworks

    return load_package_frameworks(kb, users["analist"])


def test_every_shipped_framework_cites_a_source_and_has_valid_milestones(kb):
    from crmradar.apps.policy.milestones import parse

    table = kb["policy_frameworks"]
    assert {"crma", "resourceeu", "ngs", "npce"} <= set(table["framework_id"])
    assert set(table["source_id"]) <= set(kb["sources"]["id"])
    for text in table["milestones"]:
        found, problems = parse(text)
        assert found and problems == []
    # the Dutch columns translate the English ones: a Dutch name for every framework, Dutch targets where there are
    # English ones, and the same milestone dates in the same order
    assert table["name_nl"].notna().all()
    assert (table["targets"].notna() == table["targets_nl"].notna()).all()
    for english, dutch in zip(table["milestones"], table["milestones_nl"], strict=True):
        found, problems = parse(dutch)
        assert problems == [] and [(m.date, m.precision) for m in found] == [
            (m.date, m.precision) for m in parse(english)[0]]


def test_provincial_decision_milestones_with_their_precision(users, loaded):
    from crmradar.apps.policy import dashboard
    from crmradar.apps.policy.alignment import timeline
    from crmradar.apps.policy.models import PolicyFramework

    province = PolicyFramework.objects.get(code="zh-kritieke-grondstoffen")
    assert province.level == "provinciaal" and "pzh_2026_beleidsverkenning_kritieke_grondstoffen" in province.source
    rows = {r["text"].split(" (")[0]: r for r in timeline([province], today=dt.date(2026, 12, 3), language="en")}
    agenda, strategy, revision = (rows["long-term agenda"], rows["strategy Circulair Zuid-Holland"],
                                  rows["revision of the provincial environmental policy"])
    # Q2 2026 is month 2026-06: over after 30 June; end of 2026 is month 2026-12: not over on 3 December
    assert (agenda["date"], agenda["precision"], agenda["past"]) == (dt.date(2026, 6, 1), "month", True)
    assert (strategy["date"], strategy["precision"], strategy["past"]) == (dt.date(2026, 12, 1), "month", False)
    assert (revision["date"], revision["precision"], revision["past"]) == (dt.date(2027, 1, 1), "year", False)
    block = dashboard.for_user(users["lezer"], today=dt.date(2026, 12, 3))
    labels = [(m["label"], m["text"]) for m in block["upcoming"]]  # a Dutch page: the Dutch milestones
    assert ("12-2026", "strategie Circulair Zuid-Holland (eind 2026)") in labels
    assert ("2027", "herziening van het provinciale omgevingsbeleid (vanaf 2027)") in labels


def test_milestone_parsing_and_refusal():
    from django.core.exceptions import ValidationError

    from crmradar.apps.policy.milestones import parse, validate

    found, problems = parse("2025-03-25: selected|2026: centre|2024-05: in force")
    assert [(m.date, m.precision) for m in found] == [(dt.date(2025, 3, 25), "day"), (dt.date(2026, 1, 1), "year"),
                                                      (dt.date(2024, 5, 1), "month")]
    assert problems == []
    for bad in ("2025-13-01: no month", "someday: later", "2025-02-30: no day"):
        with pytest.raises(ValidationError):
            validate(bad)


def test_load_timeline_and_uncovered(users, items, loaded, kb):
    from crmradar.apps.consultation import services
    from crmradar.apps.policy.alignment import load_package_frameworks, timeline, uncovered
    from crmradar.apps.policy.models import PolicyFramework

    assert loaded == {"created": len(kb["policy_frameworks"]), "updated": 0, "deleted_kept": 0}
    crma = PolicyFramework.objects.get(code="crma")
    assert crma.source.startswith("Datapakket policy_frameworks · eu_crma_2024_1252:") and crma.published
    frameworks = list(PolicyFramework.objects.all())
    rows = timeline(frameworks, today=dt.date(2026, 6, 1), language="en")
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    def past(code, start):
        return next(r["past"] for r in rows if r["code"] == code and r["text"].startswith(start))

    assert past("crma", "Regulation adopted") is True
    assert past("resourceeu", "European Critical Raw") is False  # 'early 2026' counts until the year's end
    assert len(uncovered(frameworks)) == len(frameworks)
    crma.action_points.add(items["action"])
    assert crma not in uncovered(frameworks)
    services.soft_delete(items["action"], users["analist"])
    assert crma in uncovered(frameworks)  # a deleted action point covers nothing
    assert load_package_frameworks(kb, users["analist"])["updated"] == len(kb["policy_frameworks"])


def test_pages_api_and_exchange(client, client_for, users, items, loaded):
    from crmradar.apps.accounts.services import issue_token
    from crmradar.apps.consultation.importexport import WorkspaceImportError, export_bytes, import_files
    from crmradar.apps.consultation.registers import REGISTERS
    from crmradar.apps.policy.models import PolicyFramework

    assert "RESourceEU" in client_for("anoniem").get("/werkruimte/kaders/").content.decode()
    crma = PolicyFramework.objects.get(code="crma")
    assert "2024/1252" in client_for("anoniem").get(f"/werkruimte/kaders/{crma.pk}/").content.decode()
    assert client_for("lezer").get("/werkruimte/kaders/nieuw/").status_code == 403
    token = issue_token(users["analist"].email)
    listing = client.get("/api/v1/workspace/kaders/?level=nationaal", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert {r["code"] for r in listing["results"]} == {"ngs", "npce"}
    crma.action_points.add(items["action"])
    register = REGISTERS["kaders"]
    before = export_bytes(register, "csv")
    PolicyFramework.all_objects.all().delete()
    assert import_files({"kaders.csv": before}, users["analist"]) == {"kaders": 5}
    assert export_bytes(register, "csv") == before
    broken = before.decode("utf-8-sig").replace("2025-12-03: Action Plan adopted", "3 december: adopted")
    with pytest.raises(WorkspaceImportError) as error:
        import_files({"kaders.csv": broken.encode()}, users["analist"])
    assert {p.column for p in error.value.problems} == {"milestones"}
    assert export_bytes(register, "csv") == before


def test_dashboard_shows_the_milestone_timeline_and_what_is_not_covered(users, items, loaded, client_for):
    from crmradar.apps.policy import dashboard
    from crmradar.apps.policy.models import PolicyFramework

    block = dashboard.for_user(users["lezer"], today=dt.date(2026, 6, 1))
    assert block["frameworks"] == 5
    assert [m["label"] for m in block["upcoming"]][:1] == ["2026"]  # early 2026 counts until the year's end
    assert all(not m["past"] for m in block["upcoming"]) and all(m["past"] for m in block["passed"])
    PolicyFramework.objects.get(code="ngs").action_points.add(items["action"])
    page = client_for("lezer").get("/werkruimte/").content.decode()
    assert "Beleidsmijlpalen" in page and "Kaders die nog door geen actiepunt zijn gedekt" in page
    section = page.split('id="policy-milestones"')[1].split("</section>")[0]
    assert "Nationaal Programma Circulaire Economie" in section and "Nationale Grondstoffenstrategie (NGS)</a>" \
        not in section


CRMA_TARGET_NL = "van het jaarlijkse EU-verbruik van elke strategische grondstof"
CRMA_TARGET_EN = "of annual EU consumption of each strategic raw material"


def test_dutch_pages_show_the_dutch_texts_and_english_pages_the_english(users, loaded, client_for):
    from django.utils import translation

    from crmradar.apps.policy import dashboard
    from crmradar.apps.policy.models import PolicyFramework

    crma = PolicyFramework.objects.get(code="crma")
    reader = client_for("lezer")
    dutch, english = (reader.get(f"{prefix}/werkruimte/bijdrage/").content.decode() for prefix in ("", "/en"))
    assert CRMA_TARGET_NL in dutch and CRMA_TARGET_EN not in dutch
    assert "Verordening kritieke grondstoffen" in dutch and "Actieplan RESourceEU" in dutch
    assert CRMA_TARGET_EN in english and CRMA_TARGET_NL not in english and "RESourceEU Action Plan" in english
    # the register: list, detail (title, targets, milestones) and the dashboard's milestone timeline
    assert "Actieplan RESourceEU" in reader.get("/werkruimte/kaders/").content.decode()
    assert "RESourceEU Action Plan" in reader.get("/en/werkruimte/kaders/").content.decode()
    detail_nl = reader.get(f"/werkruimte/kaders/{crma.pk}/").content.decode()
    detail_en = reader.get(f"/en/werkruimte/kaders/{crma.pk}/").content.decode()
    assert CRMA_TARGET_NL in detail_nl and "2024-05: inwerkingtreding" in detail_nl and CRMA_TARGET_EN not in detail_nl
    assert CRMA_TARGET_EN in detail_en and "2024-05: entry into force" in detail_en and CRMA_TARGET_NL not in detail_en
    board_nl = reader.get("/werkruimte/").content.decode().split('id="policy-milestones"')[1].split("</section>")[0]
    board_en = reader.get("/en/werkruimte/").content.decode().split('id="policy-milestones"')[1].split("</section>")[0]
    assert "Actieplan RESourceEU</a>" in board_nl and "RESourceEU Action Plan</a>" in board_en  # not yet covered
    with translation.override("en"):
        upcoming = dashboard.for_user(users["lezer"], today=dt.date(2026, 12, 3))["upcoming"]
    assert ("Beleidsverkenning Kritieke grondstoffen Zuid-Holland (GS 16 juni 2026)",
            "revision of the provincial environmental policy (from 2027)") in [(m["framework"], m["text"])
                                                                            for m in upcoming]


def test_a_framework_without_dutch_text_falls_back_to_english_and_history_keeps_each_field(users, loaded):
    from django.utils import translation

    from crmradar.apps.consultation import history, services
    from crmradar.apps.policy.models import PolicyFramework

    crma = PolicyFramework.objects.get(code="crma")
    assert crma.in_language("targets", "nl").startswith("Uiterlijk in 2030")
    crma.targets_nl = ""
    crma.name = "CRMA (edited)"
    services.save_item(crma, users["analist"])
    assert crma.in_language("targets", "nl") == crma.targets and crma.in_language("name", "nl") != "CRMA (edited)"
    with translation.override("nl"):  # as on a Dutch page: each stored field as it changed, not the page's text
        changes = {c["field"]: (c["old"], c["new"]) for c in history.entries(crma)[0]["changes"]}
    assert changes["Naam"] == ("Critical Raw Materials Act (Regulation (EU) 2024/1252)", "CRMA (edited)")
    assert changes["Doelen (Nederlands)"][1] == "—"
