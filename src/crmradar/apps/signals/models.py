"""The signal register, the analyst's price thresholds, the configured feeds and the notifications."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from crmradar.apps.consultation.models import Organisation, ValueChain, WorkspaceItem
from crmradar.apps.consultation.validators import validate_package_ids


def validate_material(value: str) -> None:
    validate_package_ids("materials")([value])


class SignalKind(models.TextChoices):
    EXPORT_CONTROL = "exportcontrole", _("export control")
    SANCTION = "sanctie", _("sanction")
    PRICE_MOVE = "prijsbeweging", _("price move")
    PLANT = "fabriek", _("plant opening or closure")
    POLICY = "beleid", _("policy change")


class SignalOrigin(models.TextChoices):
    HAND = "hand", _("entered by hand")
    IMPORT = "import", _("imported")
    FEED = "feed", _("feed")


class Signal(WorkspaceItem):
    kind = models.CharField(_("kind"), max_length=20, choices=SignalKind.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    published_on = models.DateField(_("date"), null=True, blank=True)
    origin = models.CharField(_("origin"), max_length=10, choices=SignalOrigin.choices, default=SignalOrigin.HAND)
    feed = models.ForeignKey("signals.Feed", verbose_name=_("feed"), on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="signals")
    guid = models.CharField(_("feed item id"), max_length=500, blank=True, db_index=True)
    materials = models.JSONField(_("materials"), default=list, blank=True,
                                 validators=[validate_package_ids("materials")])
    price_change_percent = models.FloatField(_("price change (%)"), null=True, blank=True)
    # Filled by the matching (services.match): what the signal reaches in the region.
    technologies = models.JSONField(_("technologies"), default=list, blank=True)
    chains = models.ManyToManyField(ValueChain, verbose_name=_("value chains"), blank=True,
                                    related_name="signals")
    organisations = models.ManyToManyField(Organisation, verbose_name=_("organisations"), blank=True,
                                           related_name="signals")
    alerting = models.BooleanField(_("alert"), default=True)
    history = HistoricalRecords(m2m_fields=[chains, organisations])

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")

    def __str__(self) -> str:
        return self.title


class PriceThreshold(models.Model):
    """A price move of a material at or beyond this percentage (up or down) raises an alert."""

    material = models.CharField(_("material"), max_length=60, unique=True,
                                validators=[validate_material])
    percent = models.FloatField(_("threshold (%)"), validators=[MinValueValidator(0.0)])
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["material"]
        verbose_name = _("price threshold")
        verbose_name_plural = _("price thresholds")

    def __str__(self) -> str:
        return f"{self.material}: {self.percent} %"


class Feed(models.Model):
    """An RSS, Atom or JSON feed read for signals (a URL; a local path works too)."""

    name = models.CharField(_("name"), max_length=200)
    url = models.CharField(_("address (URL)"), max_length=1000, unique=True)
    default_kind = models.CharField(_("default kind"), max_length=20, choices=SignalKind.choices,
                                    default=SignalKind.POLICY)
    active = models.BooleanField(_("active"), default=True)
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")

    def __str__(self) -> str:
        return self.name


class Notification(models.Model):
    """A signal shown to one user in the workspace (and sent by e-mail when the user has an address)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signal_notifications")
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    emailed = models.BooleanField(default=False)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        unique_together = [("user", "signal")]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
