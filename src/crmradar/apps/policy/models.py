"""A policy framework with its targets, dates and milestones, linked to action points and projects."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from crmradar.apps.consultation.models import ActionPoint, WorkspaceItem
from crmradar.apps.consultation.validators import validate_package_ids
from crmradar.apps.policy import milestones
from crmradar.apps.policy.milestones import validate as validate_milestones  # the field ``milestones`` hides the module
from crmradar.apps.projects.models import Project


class Level(models.TextChoices):
    EU = "eu", _("European Union")
    NATIONAL = "nationaal", _("National")
    PROVINCIAL = "provinciaal", _("Provincial")
    REGIONAL = "regionaal", _("Regional")


class PolicyFramework(WorkspaceItem):
    #: English field -> its Dutch translation; pages show the one of their language (the English one when the
    #: Dutch is empty), exports and the API carry both.
    TRANSLATED_FIELDS = {"name": "name_nl", "targets": "targets_nl", "milestones": "milestones_nl"}

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=300, blank=True,
                               help_text=_("Shown on the Dutch pages; when empty they show the English text."))
    targets = models.TextField(_("targets"), blank=True)
    targets_nl = models.TextField(_("targets (Dutch)"), blank=True,
                                  help_text=_("Shown on the Dutch pages; when empty they show the English text."))
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True,
                                                   validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    milestones = models.TextField(_("milestones"), blank=True, validators=[milestones.validate],
                                  help_text=_("YYYY[-MM[-DD]]: text, joined with |"))
    milestones_nl = models.TextField(_("milestones (Dutch)"), blank=True, validators=[validate_milestones],
                                     help_text=_("YYYY[-MM[-DD]]: text, joined with |; shown on the Dutch pages "
                                                 "(when empty they show the English milestones)"))
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
        return self.in_language("name")

    def in_language(self, field: str, language: str | None = None) -> str:
        """``field`` (name, targets or milestones) in ``language`` (default: the page's): the Dutch text on Dutch
        pages when there is one, else the English."""
        if language is None:
            from crmradar.web.templatetags.crmradar_tags import page_lang

            language = page_lang()
        if language == "nl":
            dutch = getattr(self, self.TRANSLATED_FIELDS[field])
            if dutch:
                return dutch
        return getattr(self, field)

    @property
    def local_name(self) -> str:
        return self.in_language("name")

    @property
    def local_targets(self) -> str:
        return self.in_language("targets")

    def milestone_entries(self, language: str | None = None) -> list[milestones.Milestone]:
        return milestones.parse(self.in_language("milestones", language))[0]
