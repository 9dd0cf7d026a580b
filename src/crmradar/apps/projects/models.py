"""A project of the pipeline: operator, chain, site, stage, capacities, costs, jobs, funding, CRMA status and
linked bottlenecks. Same base as every workspace register: owner organisation, published flag, history and
soft delete (:class:`crmradar.apps.consultation.models.WorkspaceItem`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from crmradar.apps.consultation.models import Bottleneck, Organisation, ValueChain, WorkspaceItem
from crmradar.apps.projects import capacities, choices

MONEY = [MinValueValidator(0), MaxValueValidator(1e6)]


def validate_funding(value: str) -> None:
    allowed = set(choices.Funding.values)
    unknown = [v for v in (value or "").split("|") if v and v not in allowed]
    if unknown:
        raise ValidationError(_("Unknown funding source(s): %(ids)s"), code="unknown",
                              params={"ids": ", ".join(unknown)})


class Project(WorkspaceItem):
    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    operator = models.ForeignKey(Organisation, verbose_name=_("operator"), on_delete=models.PROTECT,
                                 null=True, blank=True, related_name="projects")
    chain = models.ForeignKey(ValueChain, verbose_name=_("value chain"), on_delete=models.PROTECT,
                              null=True, blank=True, related_name="projects")
    municipality = models.CharField(_("municipality"), max_length=120, blank=True)
    port_area = models.CharField(_("port area"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True,
                                 validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(_("longitude"), null=True, blank=True,
                                  validators=[MinValueValidator(-180), MaxValueValidator(180)])
    stage = models.CharField(_("stage"), max_length=20, choices=choices.Stage.choices)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True,
                                                  validators=[MinValueValidator(1900), MaxValueValidator(2100)])
    capacities = models.TextField(
        _("capacities (stage:id:t/yr)"), blank=True, validators=[capacities.validate],
        help_text=_("stage:id:tonnes per year joined with |; a material id counts as contained tonnes, a "
                    "recycling-stream id as gross input, e.g. recycling:li_ion_batteries:10000"))
    capex_low_meur = models.FloatField(_("capex low (million EUR)"), null=True, blank=True, validators=MONEY)
    capex_high_meur = models.FloatField(_("capex high (million EUR)"), null=True, blank=True, validators=MONEY)
    opex_low_meur = models.FloatField(_("opex low (million EUR per year)"), null=True, blank=True, validators=MONEY)
    opex_high_meur = models.FloatField(_("opex high (million EUR per year)"), null=True, blank=True,
                                       validators=MONEY)
    jobs = models.PositiveIntegerField(_("jobs"), null=True, blank=True, validators=[MaxValueValidator(1_000_000)])
    funding = models.CharField(_("funding"), max_length=200, blank=True, validators=[validate_funding])
    crma_status = models.CharField(_("CRMA strategic-project status"), max_length=25,
                                   choices=choices.CrmaStatus.choices, default=choices.CrmaStatus.NOT_APPLICABLE)
    crma_decision_date = models.DateField(_("Commission decision date"), null=True, blank=True)
    bottlenecks = models.ManyToManyField(Bottleneck, verbose_name=_("bottlenecks"), blank=True,
                                         related_name="projects")
    source = models.CharField(_("source"), max_length=500, blank=True)
    history = HistoricalRecords(m2m_fields=[bottlenecks])

    class Meta:
        ordering = ["name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        problems = {}
        for low, high in (("capex_low_meur", "capex_high_meur"), ("opex_low_meur", "opex_high_meur")):
            lo, hi = getattr(self, low), getattr(self, high)
            if lo is not None and hi is not None and lo > hi:
                problems[high] = _("The high value is below the low value.")
        if self.crma_decision_date and self.crma_status != choices.CrmaStatus.SELECTED:
            problems["crma_decision_date"] = _("A Commission decision date belongs to a selected project only.")
        if (self.latitude is None) != (self.longitude is None):
            problems["longitude"] = _("Give both latitude and longitude, or neither.")
        if problems:
            raise ValidationError(problems)

    def capacity_entries(self) -> list[capacities.Capacity]:
        entries, _problems = capacities.parse(self.capacities, *capacities.package_ids())
        return entries

    def display_capacities(self, language: str) -> str:
        """The capacities as people read them: "recycling: lithium-ionbatterijen 10.000 t/jaar (bruto invoer)"."""
        from crmradar.reports import labels
        from crmradar.reports.numbers import format_number

        parts = []
        for entry in self.capacity_entries():
            kind = "material" if entry.contained else "input_stream"
            basis = _("contained") if entry.contained else _("gross input")
            parts.append(f"{labels.label('stage', entry.stage, language)}: {labels.label(kind, entry.id, language)} "
                         f"{format_number(entry.tonnes_per_year, language)} {labels.label('unit', 't/yr', language)}"
                         f" ({basis})")
        return "; ".join(parts) or "—"

    def funding_list(self) -> list[str]:
        return [v for v in (self.funding or "").split("|") if v]
