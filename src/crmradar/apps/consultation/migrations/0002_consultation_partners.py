"""The six members of the regional consultation on critical raw materials, with their seed roles (policy
exploration of Gedeputeerde Staten, 16 June 2026). Nothing else is pre-filled."""

from django.db import migrations

PARTNERS = [
    ("Provincie Zuid-Holland", "provincie", "https://www.zuid-holland.nl",
     "Voorzitter (samen met InnovationQuarter); opsteller van de beleidsverkenning kritieke grondstoffen."),
    ("InnovationQuarter", "ontwikkelingsmaatschappij", "https://www.innovationquarter.nl",
     "Voorzitter (samen met de provincie); regionale ontwikkelingsmaatschappij: start-ups, scale-ups, investeringen."),
    ("Havenbedrijf Rotterdam", "havenbedrijf", "https://www.portofrotterdam.com",
     "Lid; ruimte en infrastructuur voor nieuwe ketens in het havengebied."),
    ("Gemeente Rotterdam", "gemeente", "https://www.rotterdam.nl", "Lid; gemeentelijk beleid en ruimte."),
    ("DCMR Milieudienst Rijnmond", "omgevingsdienst", "https://www.dcmr.nl",
     "Lid; vergunningverlening, toezicht en handhaving."),
    ("TNO", "kennisinstelling", "https://www.tno.nl", "Lid; kennisontwikkeling en onderzoek."),
]


def create_partners(apps, schema_editor):
    organisation = apps.get_model("consultation", "Organisation")
    history = apps.get_model("consultation", "HistoricalOrganisation")
    for name, kind, website, role in PARTNERS:
        item, created = organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "website": website, "consultation_role": role, "published": True})
        if created:
            item.owner_organisation_id = item.pk
            item.save(update_fields=["owner_organisation"])
            history.objects.create(
                id=item.pk, name=name, kind=kind, website=website, consultation_role=role, published=True,
                owner_organisation_id=item.pk, created_at=item.created_at, updated_at=item.updated_at,
                history_date=item.created_at, history_type="+", history_change_reason="data migration")


def remove_partners(apps, schema_editor):
    apps.get_model("consultation", "Organisation").objects.filter(name__in=[p[0] for p in PARTNERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("consultation", "0001_initial")]
    operations = [migrations.RunPython(create_partners, remove_partners)]
