"""Project pipeline (issue 12, item 1): model checks, the shipped cited projects, pages, API, import/export,
rights, and the pipeline as CRMA calculator input."""

from __future__ import annotations

import json

import pytest


@pytest.fixture()
def kb():
    from crmradar import data
    from crmradar.data.loader import active_package_dir

    return data.load(active_package_dir())


@pytest.fixture()
def loaded(users, kb):
    from crmradar.apps.projects.pipeline import load_package_projects

    return load_package_projects(kb, users["analist"])


def _project(**fields):
    from crmradar.apps.projects.models import Project

    base = {"code": "proef", "name": "Proefproject", "stage": "idee"}
    return Project(**{**base, **fields})


def test_every_shipped_project_cites_a_source_in_the_package(kb):
    projects, sources = kb["regional_projects"], kb["sources"]
    assert len(projects) >= 6
    assert set(projects["source_id"]) <= set(sources["id"])
    assert projects["quality"].isin(["reported", "derived", "assumption"]).all()
    sk = projects.set_index("project_id").loc["sk_tes_rotterdam"]
    assert sk["source_id"] == "por_2024_sk_tes" and sk["capacities"] == "recycling:li_ion_batteries:10000"
    # No CRMA strategic project of the 2025 selections lies in the Netherlands: none is marked selected.
    assert not (projects["crma_status"] == "geselecteerd").any()
    assert {"ec_2025_strategic_projects_eu", "ec_2025_strategic_projects_third"} <= set(sources["id"])


def test_load_marks_each_project_with_its_source_and_is_idempotent(users, kb, loaded):
    from crmradar.apps.consultation import services
    from crmradar.apps.projects.models import Project
    from crmradar.apps.projects.pipeline import load_package_projects

    assert loaded == {"created": len(kb["regional_projects"]), "updated": 0, "deleted_kept": 0}
    sk = Project.objects.get(code="sk-tes-rotterdam")
    assert sk.source.startswith("Datapakket regional_projects · por_2024_sk_tes: Port of Rotterdam Authority")
    assert sk.published and sk.stage == "in_bedrijf" and sk.operator.name == "SK tes"
    assert sk.operator.kind == "recycler"
    assert [(c.stage, c.id, c.tonnes_per_year, c.contained) for c in sk.capacity_entries()] == [
        ("recycling", "li_ion_batteries", 10000.0, False)]
    assert Project.objects.get(code="elygator").capex_low_meur == 500
    services.soft_delete(sk, users["analist"])
    again = load_package_projects(kb, users["analist"])
    assert again == {"created": 0, "updated": len(kb["regional_projects"]) - 1, "deleted_kept": 1}
    assert not Project.objects.filter(code="sk-tes-rotterdam").exists()
    assert sk.history.count() >= 2  # created, deleted (audit via simple-history)


@pytest.mark.parametrize(("fields", "column"), [
    ({"capacities": "recycling:unobtainium:10"}, "capacities"),
    ({"capacities": "mining:lithium:10"}, "capacities"),
    ({"capacities": "recycling:lithium:-5"}, "capacities"),
    ({"capacities": "recycling:lithium"}, "capacities"),
    ({"capex_low_meur": 20, "capex_high_meur": 10}, "capex_high_meur"),
    ({"opex_low_meur": 3, "opex_high_meur": 1}, "opex_high_meur"),
    ({"crma_decision_date": "2025-03-25"}, "crma_decision_date"),
    ({"latitude": 51.9}, "longitude"),
    ({"funding": "privaat|loterij"}, "funding"),
    ({"stage": "droom"}, "stage"),
    ({"start_year": 1800}, "start_year"),
])
def test_invalid_projects_are_refused_with_the_field(users, fields, column):
    from django.core.exceptions import ValidationError

    from crmradar.apps.consultation import services

    with pytest.raises(ValidationError) as error:
        services.save_item(_project(**fields), users["analist"])
    assert column in error.value.message_dict


def test_a_selected_strategic_project_keeps_its_decision_date(users):
    from crmradar.apps.consultation import services

    item = services.save_item(_project(crma_status="geselecteerd", crma_decision_date="2025-03-25",
                                       capacities="recycling:cobalt:300|recycling:li_ion_batteries:10000",
                                       funding="eu_innovatiefonds|privaat"), users["analist"])
    assert str(item.crma_decision_date) == "2025-03-25" and item.funding_list() == ["eu_innovatiefonds", "privaat"]


def test_pages_show_published_projects_and_partners_create_their_own(client_for, users, orgs, loaded):
    from crmradar.apps.projects.models import Project

    listing = client_for("anoniem").get("/werkruimte/projecten/")
    assert listing.status_code == 200 and "SK tes" in listing.content.decode()
    sk = Project.objects.get(code="sk-tes-rotterdam")
    detail = client_for("anoniem").get(f"/werkruimte/projecten/{sk.pk}/").content.decode()
    assert "por_2024_sk_tes" in detail
    assert client_for("lezer").get("/werkruimte/projecten/nieuw/").status_code == 403
    response = client_for("partner").post("/werkruimte/projecten/nieuw/", {
        "code": "dcmr-proef", "name": "Proef DCMR", "stage": "haalbaarheid", "crma_status": "niet_van_toepassing",
        "capacities": "recycling:cobalt:12", "funding": ["innovationquarter"]})
    assert response.status_code == 302, response.content.decode()[:2000]
    made = Project.objects.get(code="dcmr-proef")
    assert made.owner_organisation == orgs["DCMR Milieudienst Rijnmond"] and made.funding == "innovationquarter"
    # A partner cannot change a project of another organisation (the loaded ones have no owner).
    assert client_for("partner").get(f"/werkruimte/projecten/{sk.pk}/bewerken/").status_code == 403


def test_api_lists_creates_and_updates_projects_with_numbers(client, users, loaded):
    from crmradar.apps.accounts.services import issue_token

    token = issue_token(users["analist"].email)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    listing = client.get("/api/v1/workspace/projecten/?stage=in_bedrijf", **auth).json()
    assert {r["code"] for r in listing["results"]} == {"sk-tes-rotterdam", "coolrec-dordrecht"}
    body = {"code": "api-proef", "name": "API-proef", "stage": "financiering", "capex_low_meur": 40.5,
            "capex_high_meur": 80, "latitude": 51.95, "longitude": 4.05, "capacities": "processing:lithium:1000"}
    created = client.post("/api/v1/workspace/projecten/", json.dumps(body), content_type="application/json", **auth)
    assert created.status_code == 201, created.content
    assert created.json()["capex_low_meur"] == 40.5
    pk = created.json()["id"]
    bad = client.patch(f"/api/v1/workspace/projecten/{pk}", json.dumps({"capex_high_meur": 10}),
                       content_type="application/json", **auth)
    assert bad.status_code == 422 and "capex_high_meur" in bad.content.decode()
    assert client.post("/api/v1/workspace/projecten/", json.dumps(body), content_type="application/json"
                       ).status_code == 401


def test_export_import_round_trip_and_a_bad_row_changes_nothing(users, items, loaded):
    from crmradar.apps.consultation.importexport import WorkspaceImportError, export_bytes, import_files
    from crmradar.apps.consultation.registers import REGISTERS
    from crmradar.apps.projects.models import Project

    register = REGISTERS["projecten"]
    sk = Project.objects.get(code="sk-tes-rotterdam")
    sk.bottlenecks.set([items["public"]])
    before = export_bytes(register, "csv")
    Project.all_objects.all().delete()
    assert import_files({"projecten.csv": before}, users["analist"]) == {"projecten": 6}
    assert export_bytes(register, "csv") == before
    text = before.decode("utf-8-sig").replace("recycling:li_ion_batteries:10000", "recycling:kryptonite:1")
    text = text.replace("bouw,2027", "bouwput,2027")
    with pytest.raises(WorkspaceImportError) as error:
        import_files({"projecten.csv": text.encode()}, users["analist"])
    columns = {p.column for p in error.value.problems}
    assert {"capacities", "stage"} <= columns
    assert export_bytes(register, "csv") == before


def test_pipeline_frame_filters_by_stage_and_keeps_contained_strategic_materials(users, kb):
    from crmradar.apps.consultation import services
    from crmradar.apps.projects.models import Project
    from crmradar.apps.projects.pipeline import pipeline_frame

    for code, stage, caps in (("a", "in_bedrijf", "recycling:cobalt:300|recycling:li_ion_batteries:10000"),
                              ("b", "financiering", "processing:lithium:1000"),
                              ("c", "vergunning", "processing:nickel:500"),
                              ("d", "gestopt", "recycling:cobalt:999"),
                              ("e", "bouw", "processing:copper:50")):
        services.save_item(_project(code=code, name=code.upper(), stage=stage, capacities=caps, start_year=2028),
                           users["analist"])
    frame = pipeline_frame(Project.objects.all(), kb["crma_annex_entries"], "financiering")
    # a: 300 t cobalt as published, and its 10,000 t/yr batteries converted to contained Co, Li, Ni (assumption)
    assert sorted(zip(frame["code"], frame["material_id"], frame["status"], strict=True)) == [
        ("a", "cobalt", "operating"), ("a", "cobalt", "operating"), ("a", "lithium", "operating"),
        ("a", "nickel", "operating"), ("b", "lithium", "planned")] + (
        [("e", "copper", "under_construction")] if "copper" in _strategic(kb) else [])
    assert sorted(frame.loc[frame["code"] == "a", "capacity_t_per_year"]) == [200, 300, 500, 1000]
    assert len(pipeline_frame(Project.objects.all(), kb["crma_annex_entries"], "idee")) >= 3
    with pytest.raises(ValueError):
        pipeline_frame(Project.objects.all(), kb["crma_annex_entries"], "gestopt")


def _strategic(kb):
    from crmradar.scenarios.portfolio import strategic_material_entries

    return strategic_material_entries(kb["crma_annex_entries"])
