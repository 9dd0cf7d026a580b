"""Enumerations of the consultation registers: stored values are Dutch ids, labels come from the catalogue."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    PROVINCE = "provincie", _("Province")
    MUNICIPALITY = "gemeente", _("Municipality")
    PORT_AUTHORITY = "havenbedrijf", _("Port authority")
    ENVIRONMENTAL_AGENCY = "omgevingsdienst", _("Environmental agency")
    KNOWLEDGE_INSTITUTE = "kennisinstelling", _("Knowledge institute")
    DEVELOPMENT_AGENCY = "ontwikkelingsmaatschappij", _("Regional development agency")
    COMPANY = "bedrijf", _("Company")
    STARTUP = "startup", _("Start-up")
    SCALEUP = "scaleup", _("Scale-up")
    RECYCLER = "recycler", _("Recycler")
    OTHER = "overig", _("Other")


class BottleneckCategory(models.TextChoices):
    PERMITS = "vergunningen", _("Permits")
    SPACE = "ruimte", _("Space")
    GRID = "netcapaciteit", _("Grid capacity")
    NITROGEN = "stikstof", _("Nitrogen")
    FINANCING = "financiering", _("Financing")
    LABOUR = "arbeidsmarkt", _("Labour market")
    MARKET = "markt", _("Market")
    REGULATION = "regelgeving", _("Regulation")
    OTHER = "overig", _("Other")


class BottleneckStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_behandeling", _("In progress")
    RESOLVED = "opgelost", _("Resolved")
    LAPSED = "vervallen", _("Lapsed")


class ActionLine(models.IntegerChoices):
    POLICY = 1, _("Line 1: policy interventions")
    CONSULTATION = 2, _("Line 2: regional consultation")


class ActionCategory(models.TextChoices):
    REDUCE_DEMAND = "vraagreductie", _("Reduce demand")
    REUSE = "hergebruik", _("Reuse")
    ALTERNATIVES = "alternatieven", _("CRM-free alternatives")
    CIRCULAR_CHAINS = "circulaire_ketens", _("Circular chains and recycling")
    STARTUPS = "startups_scaleups", _("Start-ups and scale-ups")
    KNOWLEDGE = "kennis", _("Targeted knowledge")
    PROCUREMENT = "inkoop", _("Procurement")
    MONITORING = "monitoring", _("Monitoring")
    OTHER = "overig", _("Other")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_behandeling", _("In progress")
    DONE = "afgerond", _("Done")
    LAPSED = "vervallen", _("Lapsed")


class DeepDiveKind(models.TextChoices):
    DEEP_DIVE = "verdieping", _("Deep dive")
    KNOWLEDGE_QUESTION = "kennisvraag", _("Knowledge question")


class ScopeType(models.TextChoices):
    CHAIN = "keten", _("Value chain")
    PRODUCT_GROUP = "productgroep", _("Product group")
    PRODUCT = "product", _("Product")
    MATERIAL = "grondstof", _("Raw material")
    PRECONDITION = "randvoorwaarde", _("Precondition")


class DeepDiveStatus(models.TextChoices):
    PLANNED = "gepland", _("Planned")
    RUNNING = "lopend", _("Running")
    DONE = "afgerond", _("Done")
    LAPSED = "vervallen", _("Lapsed")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
OPEN_BOTTLENECK_STATUSES = (BottleneckStatus.OPEN, BottleneckStatus.IN_PROGRESS)
