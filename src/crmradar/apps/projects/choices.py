"""Enumerations of the project pipeline: stored values are Dutch ids, labels come from the catalogue."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    IDEA = "idee", _("Idea")
    FEASIBILITY = "haalbaarheid", _("Feasibility")
    PERMIT = "vergunning", _("Permitting")
    FINANCING = "financiering", _("Financing")
    CONSTRUCTION = "bouw", _("Construction")
    OPERATING = "in_bedrijf", _("Operating")
    STOPPED = "gestopt", _("Stopped")


#: Pipeline order of the stages (a stopped project is never counted).
STAGE_ORDER = ("idee", "haalbaarheid", "vergunning", "financiering", "bouw", "in_bedrijf")


class CrmaStatus(models.TextChoices):
    APPLIED = "aangevraagd", _("Applied as CRMA strategic project")
    SELECTED = "geselecteerd", _("Selected as CRMA strategic project")
    NOT_APPLICABLE = "niet_van_toepassing", _("Not applicable")


class Funding(models.TextChoices):
    INNOVATION_FUND = "eu_innovatiefonds", _("EU Innovation Fund")
    GROWTH_FUND = "nationaal_groeifonds", _("National Growth Fund")
    INNOVATIONQUARTER = "innovationquarter", _("InnovationQuarter")
    INVEST_NL = "invest_nl", _("Invest-NL")
    PRIVATE = "privaat", _("Private")
    OTHER = "overig", _("Other")


#: Value-chain stages of a capacity entry (the CRMA Art. 5(1) stages).
CAPACITY_STAGES = ("extraction", "processing", "recycling")
