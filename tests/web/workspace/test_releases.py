"""Issue 15, item 3: every data-package load is a release with its key indicators; two hand-made releases
differ in exactly five values, and exactly the chains, action points and projects that depend on those materials
and technologies are touched (the public sees the published ones only)."""

from __future__ import annotations

import re
import uuid

import pandas as pd
import pytest

from crmradar.reports.indicators import COLUMNS


def _frame(rows):
    return pd.DataFrame([dict(zip(COLUMNS, r, strict=True)) for r in rows], columns=COLUMNS)


OLD = [("material", "gallium", "supply_risk", "", 3.9, "", 2023, "ec2023_crm_study"),
       ("material", "nickel", "economic_importance", "", 5.7, "", 2023, "ec2023_crm_study"),
       ("material", "lithium", "price", "lithium carbonate", 10.0, "USD/kg", 2025, "usgs_mcs2026"),
       ("material", "cobalt", "top_country_share", "processing", 0.70, "fraction", None, "usgs"),
       ("technology", "solar_pv", "installed_stock", "NL36", 5000.0, "MW", 2024, "cbs")]
NEW = [("material", "gallium", "supply_risk", "", 4.4, "", 2023, "ec2023_crm_study"),
       ("material", "lithium", "price", "lithium carbonate", 10.0, "USD/kg", 2025, "usgs_mcs2026"),
       ("material", "cobalt", "top_country_share", "processing", 0.74, "fraction", None, "usgs"),
       ("technology", "solar_pv", "installed_stock", "NL36", 6000.0, "MW", 2024, "cbs"),
       ("material", "tungsten", "supply_risk", "", 2.0, "", 2023, "ec2023_crm_study")]


def test_the_package_load_is_a_release_with_published_values(db):
    from crmradar.apps.releases.models import Release
    from crmradar.web.loading import current_load

    release = Release.objects.get(load=current_load())
    values = {(i.subject_id, i.indicator, i.detail): i.value for i in release.indicators.all()}
    # EC (2023) Study on the critical raw materials for the EU: gallium SR 3.9, EI 3.7; cobalt SR 2.8
    assert values[("gallium", "supply_risk", "")] == 3.9 and values[("gallium", "economic_importance", "")] == 3.7
    assert values[("cobalt", "supply_risk", "")] == 2.8
    assert 0 < values[("gallium", "top_country_share", "processing")] <= 1
    assert release.digest == current_load().package_hash[:12]


def test_indicator_diff_lists_exactly_the_changed_values():
    from crmradar.reports.indicators import indicator_diff

    diff = indicator_diff(_frame(OLD), _frame(NEW))
    got = [(r.subject_id, r.indicator, r.change, r.old, r.new) for r in diff.itertuples()]
    assert got == [("cobalt", "top_country_share", "changed", 0.70, 0.74),
                   ("gallium", "supply_risk", "changed", 3.9, 4.4),
                   ("nickel", "economic_importance", "removed", 5.7, None),
                   ("tungsten", "supply_risk", "added", None, 2.0),
                   ("solar_pv", "installed_stock", "changed", 5000.0, 6000.0)]
    rows = diff.set_index("subject_id")
    assert rows.loc["gallium", "delta"] == pytest.approx(0.5) and rows.loc["gallium", "relative"] == pytest.approx(
        0.5 / 3.9)
    assert rows.loc["solar_pv", "relative"] == pytest.approx(0.2) and pd.isna(rows.loc["tungsten", "delta"])


@pytest.fixture()
def releases(db):
    from crmradar.apps.releases.services import store
    from crmradar.web.models import PackageLoad

    tag = uuid.uuid4().hex
    old = PackageLoad.objects.create(package_hash=f"old{tag}"[:64], package_path="/nonexistent/old")
    new = PackageLoad.objects.create(package_hash=f"new{tag}"[:64], package_path="/nonexistent/new")
    return store(old, _frame(OLD)), store(new, _frame(NEW))


@pytest.fixture()
def workspace(items, users, orgs):
    from crmradar.apps.consultation import models, services
    from crmradar.apps.projects.models import Project

    analyst, province = users["analist"], orgs["Provincie Zuid-Holland"]

    def save(item, links=None):
        item.owner_organisation = item.owner_organisation or province
        return services.save_item(item, analyst, links)

    chips = save(models.ValueChain(code="chips", name="Chipketen", materials=["gallium"], published=True))
    solar = save(models.ValueChain(code="zon", name="Zonneketen", technologies=["solar_pv"]))  # not published
    magnets = save(models.ValueChain(code="magneet", name="Magneetketen", materials=["neodymium"], published=True))
    return {
        "chains": {"Chipketen": chips, "Zonneketen": solar, "Magneetketen": magnets, "Batterijketen": items["chain"]},
        "actions": {
            "Chips veiligstellen": save(models.ActionPoint(title="Chips veiligstellen", line=1, category="kennis",
                                                           published=True), {"chains": [chips]}),
            "Nikkel volgen": save(models.ActionPoint(title="Nikkel volgen", line=2, category="kennis",
                                                     materials=["nickel"], published=True)),
            "Batterijen": save(models.ActionPoint(title="Batterijen", line=2, category="kennis", published=True),
                               {"chains": [items["chain"]]}),
        },
        "projects": {
            "Galliumterugwinning": save(Project(code=f"ga-{uuid.uuid4().hex[:6]}", name="Galliumterugwinning",
                                                stage="idee", chain=chips, published=True)),
            "Kobaltraffinage": save(Project(code=f"co-{uuid.uuid4().hex[:6]}", name="Kobaltraffinage", stage="idee",
                                            capacities="processing:cobalt:100", published=True)),
            "Magneetfabriek": save(Project(code=f"nd-{uuid.uuid4().hex[:6]}", name="Magneetfabriek", stage="idee",
                                           chain=magnets, published=True)),
        },
    }


def test_exactly_the_dependent_items_are_touched(releases, workspace, users):
    from django.contrib.auth.models import AnonymousUser

    from crmradar.apps.releases.services import changes
    from crmradar.apps.releases.touched import touched_items
    from crmradar.reports.indicators import subjects

    materials, technologies = subjects(changes(*releases))
    assert materials == {"cobalt", "gallium", "nickel", "tungsten"} and technologies == {"solar_pv"}
    member = touched_items(materials, technologies, users["analist"])
    assert {c.name for c in member.chains} == {"Chipketen", "Zonneketen"}
    assert {a.title for a in member.actions} == {"Chips veiligstellen", "Nikkel volgen"}
    assert {p.name for p in member.projects} == {"Galliumterugwinning", "Kobaltraffinage"}
    assert member.by_subject == {"gallium": ["Chipketen"], "solar_pv": ["Zonneketen"]}
    public = touched_items(materials, technologies, AnonymousUser())
    assert {c.name for c in public.chains} == {"Chipketen"}  # the solar chain is not published
    assert {a.title for a in public.actions} == {"Chips veiligstellen", "Nikkel volgen"}


def test_changes_page_lists_the_values_and_touched_items(releases, workspace, client_for):
    old, new = releases
    url = f"/veranderd/?van={old.pk}&naar={new.pk}"
    page = client_for("anoniem").get(url)
    assert page.status_code == 200
    html = page.content.decode().replace("\xa0", " ")
    body = html.split('id="changes-table"')[1].split("</table>")[0]
    assert body.count('<tr class="utrecht-table__row">') - 1 == 5  # header row + five changes
    assert "5 gewijzigde waarden" in html
    gallium = re.search(r"Gallium</a>.*?</tr>", body, re.S).group(0)
    for text in ("3,9", "4,4", "+0,5", "+12,8 %", "Chipketen"):
        assert text in gallium, text
    cobalt = re.search(r"Kobalt</a>.*?</tr>", body, re.S).group(0)
    assert "70,0 %" in cobalt and "74,0 %" in cobalt and "+4,0 procentpunt" in cobalt
    assert "Zonneketen" not in html and "Galliumterugwinning" in html and "Magneetfabriek" not in html
    member = client_for("analist").get(url).content.decode()
    assert "Zonneketen" in member
    assert client_for("anoniem").get("/veranderd/?van=987654321").status_code == 404


def test_dashboard_shows_the_trend_across_releases(releases, workspace, client_for):
    html = client_for("analist").get("/werkruimte/").content.decode()
    match = re.search(r'<script id="release-trend-figure" type="application/json">(.*?)</script>', html, re.S)
    import json

    figure = json.loads(match.group(1))
    gallium = next(t for t in figure["data"] if t["name"] == "Gallium")
    assert gallium["y"][-2:] == [3.9, 4.4]
    assert figure["data"][0]["name"] == "Gallium"  # the material whose SR moved comes first
    assert "Leveringsrisico (SR) per datarelease" in html


def _package(folder, csv_text: str):
    import json

    (folder / "data").mkdir(parents=True)
    (folder / "data" / "criticality_official.csv").write_text(csv_text, encoding="utf-8")
    (folder / "datapackage.json").write_text(json.dumps({"name": folder.name, "resources": [
        {"name": "criticality_official", "path": "data/criticality_official.csv",
         "schema": {"primaryKey": ["material_id", "year"], "fields": []}}]}))
    return folder


def test_cli_diff_lists_the_touched_workspace_items(workspace, tmp_path):
    import json

    from typer.testing import CliRunner

    from crmradar.cli import app

    old = _package(tmp_path / "v1", "material_id,year,supply_risk\ngallium,2023,3.9\ncobalt,2023,2.8\n")
    new = _package(tmp_path / "v2", "material_id,year,supply_risk\ngallium,2023,4.4\ncobalt,2023,2.8\n"
                                    "nickel,2023,0.5\n")
    result = CliRunner().invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    touched = json.loads(result.output)["metadata"]["touched"]
    assert touched["materials"] == ["gallium", "nickel"] and touched["technologies"] == []
    assert touched["chains"] == ["Chipketen"]  # the solar and magnet chains depend on nothing that changed
    assert touched["actions"] == ["Chips veiligstellen", "Nikkel volgen"]
    assert touched["projects"] == ["Galliumterugwinning"]
    table = CliRunner().invoke(app, ["diff", str(old), str(new)])
    assert "ketens: Chipketen" in table.output and "projecten: Galliumterugwinning" in table.output


def test_older_loads_are_recorded_later_but_never_from_other_files(db):
    from crmradar.apps.releases import services
    from crmradar.apps.releases.models import Release
    from crmradar.web.loading import current_load
    from crmradar.web.models import PackageLoad

    current = current_load()
    Release.objects.filter(load=current).delete()  # as a load made before releases were kept
    changed = PackageLoad.objects.create(package_hash=uuid.uuid4().hex, package_path=current.package_path)
    Release.objects.filter(load=changed).delete()  # its folder now holds other files than it was made from
    services._TRIED.discard(changed.pk)
    releases = services.ensure_recorded()
    assert current.pk in {r.pk for r in releases} and changed.pk not in {r.pk for r in releases}
    assert Release.objects.get(load=current).indicators.get(subject_id="gallium", indicator="supply_risk").value == 3.9
