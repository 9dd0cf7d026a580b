"""Workspace fixtures: each test runs in a transaction that is rolled back, with one user per role."""

from __future__ import annotations

import pytest

PASSWORD = "Correct-Horse-Battery-2026"


@pytest.fixture()
def db(django_db):
    from django.db import transaction

    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture()
def orgs(db):
    from crmradar.apps.consultation.models import Organisation

    return {o.name: o for o in Organisation.objects.all()}


@pytest.fixture()
def users(orgs):
    """One user per role: partner at DCMR, the others at the province."""
    from crmradar.apps.accounts.services import add_user

    made = {
        "beheerder": add_user("beheer@example.nl", "Provincie Zuid-Holland", "beheerder", PASSWORD),
        "analist": add_user("analist@example.nl", "Provincie Zuid-Holland", "analist", PASSWORD),
        "partner": add_user("partner@example.nl", "DCMR Milieudienst Rijnmond", "partner", PASSWORD),
        "lezer": add_user("lezer@example.nl", "TNO", "lezer", PASSWORD),
    }
    return made


@pytest.fixture()
def client_for(users):
    from django.test import Client

    def make(role: str):
        client = Client()
        if role != "anoniem":
            client.force_login(users[role], backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make


@pytest.fixture()
def items(users, orgs):
    """A small workspace: a chain, a bottleneck owned by the province (unpublished) and one published, etc."""
    from crmradar.apps.consultation import models, services

    analyst = users["analist"]
    province, dcmr = orgs["Provincie Zuid-Holland"], orgs["DCMR Milieudienst Rijnmond"]
    chain = services.save_item(models.ValueChain(code="batterijen", name="Batterijketen", materials=["lithium"],
                                                 recycling_streams=["li_ion_batteries"], owner_organisation=province,
                                                 published=True), analyst)
    hidden = services.save_item(models.Bottleneck(title="Intern knelpunt", category="ruimte", severity=3,
                                                  chain=chain, owner_organisation=province), analyst)
    public = services.save_item(models.Bottleneck(title="Openbaar knelpunt", category="stikstof", severity=2,
                                                  chain=chain, owner_organisation=province, published=True), analyst)
    own = services.save_item(models.Bottleneck(title="Knelpunt van DCMR", category="vergunningen", severity=4,
                                               chain=chain, owner_organisation=dcmr), analyst)
    meeting = services.save_item(models.Meeting(title="Overleg", date="2026-12-15", owner_organisation=province),
                                 analyst)
    action = services.save_item(models.ActionPoint(title="Actie", line=2, category="kennis",
                                                   owner_organisation=province, due_date="2026-01-10"), analyst)
    deep = services.save_item(models.DeepDive(title="Verdieping", scope_type="grondstof", subject="gallium",
                                              owner_organisation=province), analyst)
    return {"chain": chain, "hidden": hidden, "public": public, "own": own, "meeting": meeting, "action": action,
            "deep": deep, "organisation": province}
