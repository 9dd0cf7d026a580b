"""A policy framework with its targets, dates and milestones, linked to action points and projects."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from crmradar.apps.consultation.models import ActionPoint, WorkspaceItem
from crmradar.apps.consultation.validators import validate_package_ids
from crmradar.apps.policy import milestones
from crmradar.apps.projects.models import Project


class Level(models.TextChoices):
    EU = "eu", _("European Union")
    NATIONAL = "nationaal", _("National")
    PROVINCIAL = "provinciaal", _("Provincial")
    REGIONAL = "regionaal", _("Regional")


class PolicyFramework(WorkspaceItem):
    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    targets = models.TextField(_("targets"), blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True,
                                                   validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    milestones = models.TextField(_("milestones"), blank=True, validators=[milestones.validate],
                                  help_text=_("YYYY[-MM[-DD]]: text, joined with |"))
    materials = models.JSONField(_("materials"), default=list, blank=True,
                                 validators=[validate_package_ids("materials")])
    action_points = models.ManyToManyField(ActionPoint, verbose_name=_("action points"), blank=True,
                                           related_name="frameworks")
    projects = models.ManyToManyField(Project, verbose_name=_("projects"), blank=True, related_name="frameworks")
    source = models.CharField(_("source"), max_length=500, blank=True)
    history = HistoricalRecords(m2m_fields=[action_points, projects])

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("policy framework")
        verbose_name_plural = _("policy frameworks")

    def __str__(self) -> str:
        return self.name

    def milestone_entries(self) -> list[milestones.Milestone]:
        return milestones.parse(self.milestones)[0]
