"""Issue 12, remaining items: the business-case panel on a project's and a chain's page runs as a queued task
(never in the web request) and shows the same numbers as the command line; the page "Wat draagt de regio bij?"
shows per framework and per CRMA benchmark what covers it and what is not yet covered."""

from __future__ import annotations

import pytest


def _save(model, user, **fields):
    from crmradar.apps.consultation import services

    return services.save_item(model(**fields), user)


@pytest.fixture()
def plant(users, items):
    from crmradar.apps.projects.models import Project

    return _save(Project, users["analist"], code="bc-proef", name="Proef batterijrecycling", stage="in_bedrijf",
                 start_year=2024, capacities="recycling:li_ion_batteries:10000", chain=items["chain"],
                 published=True)


def test_business_case_panel_is_queued_then_shows_the_cli_numbers(client_for, plant, items):
    from crmradar import data
    from crmradar.apps.projects import business_case as panel
    from crmradar.region.build import build_spec
    from crmradar.region.scenario import load_scenario
    from crmradar.reports.numbers import format_number
    from crmradar.scenarios.business_case_project import run_case
    from crmradar.web.jobs import COMPUTATIONS
    from crmradar.web.models import CachedResult

    client = client_for("anoniem")
    detail = client.get(f"/werkruimte/projecten/{plant.pk}/").content.decode()
    url = f"/werkruimte/projecten/{plant.pk}/businesscase/"
    assert f'hx-get="{url}"' in detail
    first = client.get(url)
    assert first.status_code == 200 and b"hx-trigger=\"load delay:1s\"" in first.content  # progress panel polls
    job = CachedResult.objects.get(kind="business_case", parameters__catchment="zh",
                                   parameters__name="Proef batterijrecycling")
    assert job.status == "queued"  # the web request did not compute
    # What the worker process does (jobs.execute closes the connection inside this test's transaction, so the
    # registered computation is run and its result stored here directly).
    result = COMPUTATIONS["business_case"](job.parameters, lambda fraction: None)
    CachedResult.objects.filter(pk=job.pk).update(status="done", progress=1.0, result=result)
    page = client.get(url).content.decode()
    kb = data.load()
    loaded = load_scenario("targets", kb)
    _result, meta = run_case(kb, build_spec(loaded, kb), loaded.id, project="sk_tes_rotterdam",
                             draws=panel.DRAWS, seed=panel.SEED)
    # same plant (10,000 t/yr from 2024), draws and seed as the package's SK tes → the same bands
    for p in ("p5", "p50", "p95"):
        assert format_number(meta["npv_meur"][p], "nl") in page
    assert "Tornado" in page or "tornado" in page
    assert 'data-chart="figure"' in page and "U.S. Geological Survey, Mineral Commodity Summaries 2026" in page
    for label in ("investering (capex)", "disconteringsvoet", "prijs van lithium", "aanbod (p5 tot p95)"):
        assert label in page.lower()
    # the chain's panel sums the chain's visible projects: the same single plant here
    chain_panel = client.get(f"/werkruimte/ketens/{items['chain'].pk}/businesscase/")
    assert format_number(meta["npv_meur"]["p50"], "nl") in chain_panel.content.decode()
    assert client.get(url, {"catchment": "mars"}).status_code == 404


def test_business_case_panel_without_battery_capacity_queues_nothing(client_for, users):
    from crmradar.apps.projects.models import Project
    from crmradar.web.models import CachedResult

    electrolyser = _save(Project, users["analist"], code="h2-proef", name="Elektrolyser", stage="bouw",
                         start_year=2027, published=True)
    before = CachedResult.objects.count()
    page = client_for("lezer").get(f"/werkruimte/projecten/{electrolyser.pk}/businesscase/").content.decode()
    assert "Geen businesscase" in page and CachedResult.objects.count() == before


def test_hidden_project_panel_is_404_for_the_public(client_for, users):
    from crmradar.apps.projects.models import Project

    hidden = _save(Project, users["analist"], code="verborgen", name="Verborgen", stage="idee")
    assert client_for("anoniem").get(f"/werkruimte/projecten/{hidden.pk}/businesscase/").status_code == 404


def test_contribution_page_by_hand(client_for, users, items):
    from crmradar import data
    from crmradar.apps.consultation.models import ActionPoint
    from crmradar.apps.policy.models import PolicyFramework
    from crmradar.apps.projects.models import Project
    from crmradar.reports.numbers import format_percent

    analyst = users["analist"]
    refinery = _save(Project, analyst, code="co-proef", name="Kobaltraffinage Proef", stage="bouw", start_year=2028,
                     capacities="recycling:cobalt:500", published=True)
    _save(Project, analyst, code="bat-proef", name="Batterij Proef", stage="in_bedrijf", start_year=2025,
          capacities="recycling:li_ion_batteries:10000", published=True)
    _save(Project, analyst, code="idee-proef", name="Idee Proef", stage="idee", start_year=2028,
          capacities="recycling:nickel:900", published=True)  # before financiering: moves nothing
    action = _save(ActionPoint, analyst, title="Grafietketen verkennen", line=1, category="kennis",
                   materials=["natural_graphite"], owner_organisation=items["organisation"], published=True)
    crma = _save(PolicyFramework, analyst, code="crma-proef", name="CRMA proef", level="eu", published=True)
    crma.action_points.add(action)
    crma.projects.add(refinery)
    _save(PolicyFramework, analyst, code="npce-proef", name="NPCE proef", level="nationaal", published=True)

    page = client_for("anoniem").get("/werkruimte/bijdrage/").content.decode()
    kb = data.load()
    table = kb.crma_consumption_capacity.set_index(["crma_entry", "quantity"])
    entry = kb.crma_annex_entries.loc[kb.crma_annex_entries["material_ids"].str.split("|").apply(
        lambda ids: "cobalt" in ids) & (kb.crma_annex_entries["annex"] == "I"), "entry"].iloc[0]
    consumption = float(table.loc[(entry, "consumption"), "value"])
    share = 500 / consumption  # the project's share of EU cobalt consumption
    assert f"Kobaltraffinage Proef (+{format_percent(share, 'nl')}, 500 t/jaar)" in page
    assert "Idee Proef" not in page.split('id="crma"')[1]
    # gross battery input converted: 10,000 t × 0.5 × 10 % Co = 500 t (assumption, 200 to 900 t)
    batteries = f"Batterij Proef (+{format_percent(share, 'nl')}, 500 t/jaar; aanname, 200 tot 900)"
    assert batteries in page
    assert "Grafietketen verkennen" in page.split('id="crma"')[1]  # natural graphite rows name the action
    frameworks = page.split('id="crma"')[0]
    npce = frameworks.split("NPCE proef")[1]
    assert "nog niet gedekt" in npce.split("</li>")[0]
    crma_block = frameworks.split("CRMA proef")[1].split("</li>")[0]
    assert "Grafietketen verkennen" in crma_block and "Kobaltraffinage Proef" in crma_block
    assert "nog niet gedekt" not in crma_block
