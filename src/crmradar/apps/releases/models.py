"""A release is one load of a data package (``web.PackageLoad``: hash and date) with the key indicators computed
from it (``crmradar.reports.indicators``). Releases are derived from the package, not edited by users."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Release(models.Model):
    load = models.OneToOneField("web.PackageLoad", on_delete=models.CASCADE, primary_key=True,
                                related_name="release")
    name = models.CharField(_("name"), max_length=200, blank=True)
    version = models.CharField(_("version"), max_length=64, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["load__loaded_at", "pk"]
        verbose_name = _("data release")
        verbose_name_plural = _("data releases")

    @property
    def date(self):
        return self.load.loaded_at

    @property
    def digest(self) -> str:
        return self.load.package_hash[:12]

    def __str__(self) -> str:
        return f"{self.load.loaded_at:%Y-%m-%d %H:%M} · {self.digest}"


class Indicator(models.Model):
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="indicators")
    subject_kind = models.CharField(max_length=20)  # material | technology
    subject_id = models.CharField(max_length=80)
    indicator = models.CharField(max_length=60)
    detail = models.CharField(max_length=400, blank=True)  # stage, product and market, region
    value = models.FloatField(null=True)
    unit = models.CharField(max_length=40, blank=True)
    year = models.IntegerField(null=True)
    source_id = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["release", "subject_kind", "subject_id", "indicator", "detail"],
                                               name="unique_indicator_per_release")]
        indexes = [models.Index(fields=["subject_id", "indicator"])]
