"""The registers as data: URL slug, model, form, list columns, filters, search, sort and the exchange columns
used by CSV/XLSX import and export. Pages, API and import/export all read this one description."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models as db
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from crmradar.apps.consultation import forms, models


@dataclass(frozen=True)
class Register:
    slug: str
    model: type[models.WorkspaceItem]
    form: type[forms.ItemForm]
    list_columns: tuple[str, ...]
    filters: tuple[str, ...]
    search: tuple[str, ...]
    sort: tuple[str, ...]
    exchange: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.model._meta.model_name

    @property
    def label(self) -> str:
        return capfirst(str(self.model._meta.verbose_name_plural))

    @property
    def label_singular(self) -> str:
        return str(self.model._meta.verbose_name)


COMMON_EXCHANGE = ("owner_organisation", "published")


def _policy_register() -> Register:
    """Policy frameworks (``crmradar.apps.policy``) linked to action points and projects."""
    from crmradar.apps.policy.forms import PolicyFrameworkForm
    from crmradar.apps.policy.models import PolicyFramework

    return Register("kaders", PolicyFramework, PolicyFrameworkForm,
                    ("name", "level", "adopted_on", "target_year"),
                    ("level", "owner_organisation", "published"),
                    ("name", "name_nl", "code", "targets", "targets_nl", "milestones", "milestones_nl", "source"),
                    ("name", "level", "adopted_on", "target_year", "updated_at"),
                    ("id", "code", "name", "name_nl", "level", "adopted_on", "targets", "targets_nl", "target_year",
                     "milestones", "milestones_nl", "materials", "action_points", "projects", "source",
                     *COMMON_EXCHANGE))


def _project_register() -> Register:
    """The project pipeline (its own app, ``crmradar.apps.projects``) served by the same pages, API and exchange."""
    from crmradar.apps.projects.forms import ProjectForm
    from crmradar.apps.projects.models import Project

    return Register("projecten", Project, ProjectForm,
                    ("name", "operator", "stage", "start_year", "crma_status", "municipality"),
                    ("stage", "crma_status", "chain", "operator", "owner_organisation", "published"),
                    ("name", "code", "description", "municipality", "port_area", "source"),
                    ("name", "stage", "start_year", "updated_at"),
                    ("id", "code", "name", "description", "operator", "chain", "municipality", "port_area",
                     "latitude", "longitude", "stage", "start_year", "capacities", "capex_low_meur",
                     "capex_high_meur", "opex_low_meur", "opex_high_meur", "jobs", "funding", "crma_status",
                     "crma_decision_date", "bottlenecks", "source", *COMMON_EXCHANGE))

REGISTERS: dict[str, Register] = {r.slug: r for r in [
    Register("organisaties", models.Organisation, forms.OrganisationForm,
             ("name", "kind", "consultation_role"), ("kind", "published"), ("name", "consultation_role"),
             ("name", "kind", "updated_at"), ("id", "name", "kind", "website", "consultation_role", "published")),
    Register("ketens", models.ValueChain, forms.ValueChainForm,
             ("name", "materials", "owner_organisation"), ("owner_organisation", "published"),
             ("name", "code", "description"), ("name", "code", "updated_at"),
             ("id", "code", "name", "description", "materials", "technologies", "recycling_streams", "facilities",
              *COMMON_EXCHANGE)),
    Register("knelpunten", models.Bottleneck, forms.BottleneckForm,
             ("title", "chain", "category", "severity", "status", "responsible_authority"),
             ("category", "status", "chain", "severity", "owner_organisation", "published"),
             ("title", "description", "instrument", "evidence"), ("severity", "title", "status", "updated_at"),
             ("id", "title", "description", "chain", "category", "severity", "responsible_authority", "instrument",
              "status", "evidence", "evidence_source", "identified_on", "resolved_on", *COMMON_EXCHANGE)),
    Register("acties", models.ActionPoint, forms.ActionPointForm,
             ("title", "line", "category", "owner_organisation", "due_date", "status"),
             ("line", "category", "status", "owner_organisation", "chains", "published"),
             ("title", "description", "owner_person"), ("due_date", "title", "status", "line", "updated_at"),
             ("id", "title", "description", "line", "category", "owner_person", "due_date", "status", "chains",
              "materials", "bottlenecks", "meetings", *COMMON_EXCHANGE)),
    Register("overleggen", models.Meeting, forms.MeetingForm,
             ("title", "date", "location", "participants"), ("published",), ("title", "agenda", "minutes"),
             ("date", "title", "updated_at"),
             ("id", "title", "date", "location", "participants", "agenda", "minutes", *COMMON_EXCHANGE)),
    Register("verdiepingen", models.DeepDive, forms.DeepDiveForm,
             ("title", "kind", "scope_type", "subject", "status", "planned_date"),
             ("kind", "scope_type", "status", "chain", "owner_organisation", "published"),
             ("title", "subject", "owner_person"), ("planned_date", "title", "status", "updated_at"),
             ("id", "kind", "title", "scope_type", "subject", "chain", "owner_person", "status", "planned_date",
              "result_url", *COMMON_EXCHANGE)),
    _project_register(),
    _policy_register(),
]}
BY_MODEL = {r.model: r for r in REGISTERS.values()}
PACKAGE_LINK_FIELDS = {"materials": "materials", "technologies": "technologies",
                       "recycling_streams": "recycling_streams", "facilities": "facilities"}


def field_label(model: type[db.Model], name: str) -> str:
    return capfirst(str(model._meta.get_field(name).verbose_name))


def display(item: db.Model, name: str, *, localize: bool = True) -> str:
    """A field's value as a user reads it: choice labels, names, Dutch dates, ja/nee — never raw ids.

    A field with a Dutch translation (the model's ``TRANSLATED_FIELDS``) shows the text of the page's language
    unless ``localize`` is false (the history, which reports each stored field as it changed)."""
    from crmradar.apps.consultation.labels import package_label

    field = item._meta.get_field(name)
    value = getattr(item, name)
    if localize and name in getattr(item, "TRANSLATED_FIELDS", {}):
        value = item.in_language(name)
    custom = getattr(item, f"display_{name}", None)
    if custom is not None:  # a model that stores a compact notation shows it readably (projects' capacities)
        from django.utils.translation import get_language

        return custom((get_language() or "nl")[:2])
    if field.many_to_many:
        return ", ".join(str(v) for v in value.all())
    if name in PACKAGE_LINK_FIELDS:
        return ", ".join(package_label(PACKAGE_LINK_FIELDS[name], v) for v in value or [])
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(getattr(item, f"get_{name}_display")())
    if isinstance(field, db.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(field, db.DateTimeField):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(field, db.DateField):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)
