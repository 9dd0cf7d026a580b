"""Example workspace content for a first look (``crmradar workspace demo``). Every item says "voorbeeld" in
its title so nobody mistakes it for the consultation's real work; it is never loaded by default. Chains link
to real package ids so their analysis panels show live numbers; the process items (bottlenecks, actions,
meetings, deep dives) are invented illustrations."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from crmradar.apps.consultation import models, services

CHAINS = [
    ("voorbeeld-batterijen", "Voorbeeld: Li-ionbatterijen en black mass",
     ["lithium", "cobalt", "nickel", "manganese", "natural_graphite"], ["traction_battery", "stationary_battery"],
     ["li_ion_batteries", "black_mass"]),
    ("voorbeeld-zonnepanelen", "Voorbeeld: zonnepanelen", ["silicon_metal", "silver", "indium", "gallium", "germanium"],
     ["solar_pv"], ["pv_modules"]),
    ("voorbeeld-magneten", "Voorbeeld: permanente magneten en windturbines",
     ["neodymium", "praseodymium", "dysprosium", "terbium"], ["wind_offshore", "traction_motor"],
     ["permanent_magnets"]),
]


def load_demo(user) -> dict[str, int]:
    """Create the example items (idempotent by title); returns how many of each register exist afterwards."""
    organisations = {o.name: o for o in models.Organisation.objects.all()}
    province = organisations["Provincie Zuid-Holland"]
    port = organisations["Havenbedrijf Rotterdam"]
    dcmr = organisations["DCMR Milieudienst Rijnmond"]
    iq = organisations["InnovationQuarter"]
    today = dt.date.today()
    with transaction.atomic():
        chains = {}
        for code, name, materials, technologies, streams in CHAINS:
            chain = models.ValueChain.objects.filter(code=code).first() or models.ValueChain(code=code)
            chain.name, chain.materials, chain.technologies = name, materials, technologies
            chain.recycling_streams, chain.owner_organisation = streams, province
            chains[code] = services.save_item(chain, user)
        meeting = _one(models.Meeting, "Voorbeeld: regionaal overleg kritieke grondstoffen", user,
                       date=today + dt.timedelta(days=21), location="Den Haag", owner_organisation=province,
                       agenda="1. Opening\n2. Knelpunten batterijketen\n3. Stand van de acties\n4. Rondvraag",
                       links={"participants": list(organisations.values())})
        permit = _one(models.Bottleneck, "Voorbeeld: doorlooptijd vergunning voor een black-mass-fabriek", user,
                      chain=chains["voorbeeld-batterijen"], category="vergunningen", severity=4,
                      responsible_authority=dcmr, owner_organisation=dcmr, status="open",
                      instrument="Vooroverleg omgevingsvergunning")
        grid = _one(models.Bottleneck, "Voorbeeld: netcapaciteit op de Maasvlakte", user,
                    chain=chains["voorbeeld-batterijen"], category="netcapaciteit", severity=5,
                    responsible_authority=port, owner_organisation=port, status="in_behandeling")
        _one(models.Bottleneck, "Voorbeeld: financiering van een magneetrecyclingpilot", user,
             chain=chains["voorbeeld-magneten"], category="financiering", severity=3, owner_organisation=iq)
        _one(models.ActionPoint, "Voorbeeld: vergunningentafel voor recyclingprojecten", user, line=2,
             category="circulaire_ketens", owner_organisation=dcmr, due_date=today - dt.timedelta(days=10),
             links={"chains": [chains["voorbeeld-batterijen"]], "bottlenecks": [permit], "meetings": [meeting]})
        _one(models.ActionPoint, "Voorbeeld: grondstofbewust inkopen in provinciale aanbestedingen", user, line=1,
             category="inkoop", owner_organisation=province, due_date=today + dt.timedelta(days=90),
             materials=["lithium", "cobalt"])
        _one(models.ActionPoint, "Voorbeeld: netcapaciteit reserveren voor circulaire bedrijven", user, line=2,
             category="overig", owner_organisation=port, due_date=today + dt.timedelta(days=45),
             links={"bottlenecks": [grid]})
        _one(models.DeepDive, "Voorbeeld: verdieping terugwinning van gallium uit e-waste", user,
             scope_type="grondstof", subject="gallium", owner_organisation=province,
             planned_date=today + dt.timedelta(days=120))
        _one(models.DeepDive, "Voorbeeld: kennisvraag vraag naar iridium voor elektrolysers", user,
             kind="kennisvraag", scope_type="product", subject="PEM-elektrolyser", owner_organisation=iq)
    return {r: m.objects.filter(**_demo_filter(m)).count() for r, m in (
        ("ketens", models.ValueChain), ("knelpunten", models.Bottleneck), ("acties", models.ActionPoint),
        ("overleggen", models.Meeting), ("verdiepingen", models.DeepDive))}


def _demo_filter(model) -> dict:
    return {"name__icontains": "voorbeeld"} if model is models.ValueChain else {"title__icontains": "voorbeeld"}


def _one(model, title: str, user, links: dict | None = None, **fields):
    item = model.objects.filter(title=title).first() or model(title=title)
    for name, value in fields.items():
        setattr(item, name, value)
    return services.save_item(item, user, links=links)
