"""Edit form of a project: funding as check boxes, stored as ids joined with ``|``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from crmradar.apps.consultation.forms import COMMON, ItemForm
from crmradar.apps.projects import choices, models


class ProjectForm(ItemForm):
    funding = forms.MultipleChoiceField(label=gettext_lazy("funding"), required=False,
                                        choices=choices.Funding.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = models.Project
        fields = ["code", "name", "description", "operator", "chain", "municipality", "port_area", "latitude",
                  "longitude", "stage", "start_year", "capacities", "capex_low_meur", "capex_high_meur",
                  "opex_low_meur", "opex_high_meur", "jobs", "funding", "crma_status", "crma_decision_date",
                  "bottlenecks", "source", *COMMON]
        widgets = {"capacities": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk and not self.is_bound:
            self.initial["funding"] = self.instance.funding_list()

    def clean_funding(self) -> str:
        return "|".join(self.cleaned_data.get("funding") or [])
