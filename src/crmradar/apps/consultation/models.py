"""The consultation registers. Every item has an owner organisation, a published flag, who created and last
changed it, a full history (django-simple-history) and a soft delete that an analyst can undo."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from crmradar.apps.consultation import choices
from crmradar.apps.consultation.validators import validate_package_ids


class LiveManager(models.Manager):
    """Items not soft-deleted: the default everywhere a user looks."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class WorkspaceItem(models.Model):
    owner_organisation = models.ForeignKey(
        "consultation.Organisation", verbose_name=_("owner organisation"), on_delete=models.PROTECT,
        related_name="+", null=True, blank=True,
    )
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    deleted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("deleted by"), on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    objects = LiveManager()
    all_objects = models.Manager()

    class Meta:
        abstract = True
        base_manager_name = "all_objects"


class Organisation(WorkspaceItem):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=choices.OrganisationKind.choices)
    website = models.URLField(_("website"), blank=True)
    consultation_role = models.TextField(_("role in the consultation"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class ValueChain(WorkspaceItem):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    materials = models.JSONField(_("materials"), default=list, blank=True,
                                 validators=[validate_package_ids("materials")])
    technologies = models.JSONField(_("technologies"), default=list, blank=True,
                                    validators=[validate_package_ids("technologies")])
    recycling_streams = models.JSONField(_("recycling streams"), default=list, blank=True,
                                         validators=[validate_package_ids("recycling_streams")])
    facilities = models.JSONField(_("facilities"), default=list, blank=True,
                                  validators=[validate_package_ids("facilities")])
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("value chain")
        verbose_name_plural = _("value chains")

    def __str__(self) -> str:
        return self.name


class Bottleneck(WorkspaceItem):
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    chain = models.ForeignKey(ValueChain, verbose_name=_("value chain"), on_delete=models.PROTECT,
                              related_name="bottlenecks", null=True, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=choices.BottleneckCategory.choices)
    severity = models.PositiveSmallIntegerField(_("severity (1–5)"),
                                                validators=[MinValueValidator(1), MaxValueValidator(5)])
    responsible_authority = models.ForeignKey(Organisation, verbose_name=_("responsible authority"),
                                              on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    instrument = models.TextField(_("possible instrument"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=choices.BottleneckStatus.choices,
                              default=choices.BottleneckStatus.OPEN)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_source = models.CharField(_("source of the evidence"), max_length=500, blank=True)
    identified_on = models.DateField(_("identified on"), null=True, blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-severity", "title"]
        verbose_name = _("bottleneck")
        verbose_name_plural = _("bottlenecks")

    def __str__(self) -> str:
        return self.title


class Meeting(WorkspaceItem):
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    participants = models.ManyToManyField(Organisation, verbose_name=_("participants"), blank=True,
                                          related_name="meetings")
    agenda = models.TextField(_("agenda (Markdown)"), blank=True)
    minutes = models.TextField(_("minutes (Markdown)"), blank=True)
    history = HistoricalRecords(m2m_fields=[participants])

    class Meta:
        ordering = ["-date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"


class ActionPoint(WorkspaceItem):
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    line = models.PositiveSmallIntegerField(_("action line"), choices=choices.ActionLine.choices)
    category = models.CharField(_("category"), max_length=30, choices=choices.ActionCategory.choices)
    owner_person = models.CharField(_("owner (person)"), max_length=200, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=choices.ActionStatus.choices,
                              default=choices.ActionStatus.OPEN)
    chains = models.ManyToManyField(ValueChain, verbose_name=_("value chains"), blank=True,
                                    related_name="action_points")
    materials = models.JSONField(_("materials"), default=list, blank=True,
                                 validators=[validate_package_ids("materials")])
    bottlenecks = models.ManyToManyField(Bottleneck, verbose_name=_("bottlenecks"), blank=True,
                                         related_name="action_points")
    meetings = models.ManyToManyField(Meeting, verbose_name=_("meetings"), blank=True, related_name="action_points")
    history = HistoricalRecords(m2m_fields=[chains, bottlenecks, meetings])

    class Meta:
        ordering = ["due_date", "title"]
        verbose_name = _("action point")
        verbose_name_plural = _("action points")

    def __str__(self) -> str:
        return self.title


class ProgressNote(models.Model):
    action_point = models.ForeignKey(ActionPoint, on_delete=models.CASCADE, related_name="progress_notes")
    date = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    action_point = models.ForeignKey(ActionPoint, verbose_name=_("action point"), on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="decisions")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")


def _result_path(instance: DeepDive, filename: str) -> str:
    # The stored name never derives from the uploaded name (length, encoding, traversal); only the checked
    # extension is kept.
    import uuid
    from pathlib import PurePath

    return f"deepdives/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:6]}"


class DeepDive(WorkspaceItem):
    kind = models.CharField(_("kind"), max_length=20, choices=choices.DeepDiveKind.choices,
                            default=choices.DeepDiveKind.DEEP_DIVE)
    title = models.CharField(_("title"), max_length=300)
    scope_type = models.CharField(_("scope"), max_length=20, choices=choices.ScopeType.choices)
    subject = models.CharField(_("subject"), max_length=300)
    chain = models.ForeignKey(ValueChain, verbose_name=_("value chain"), on_delete=models.PROTECT, null=True,
                              blank=True, related_name="deep_dives")
    owner_person = models.CharField(_("owner (person)"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=choices.DeepDiveStatus.choices,
                              default=choices.DeepDiveStatus.PLANNED)
    planned_date = models.DateField(_("planned date"), null=True, blank=True)
    result_file = models.FileField(_("result (file)"), upload_to=_result_path, blank=True)
    result_file_name = models.CharField(_("file name"), max_length=200, blank=True)
    result_url = models.URLField(_("result (link)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["planned_date", "title"]
        verbose_name = _("deep dive or knowledge question")
        verbose_name_plural = _("deep dives and knowledge questions")

    def __str__(self) -> str:
        return self.title


class Comment(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    text = models.TextField(_("comment"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
