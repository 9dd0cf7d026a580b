from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from crmradar.apps.consultation.forms import COMMON, ItemForm, PackageLinksField
from crmradar.apps.policy import models


class PolicyFrameworkForm(ItemForm):
    materials = PackageLinksField("materials", label=gettext_lazy("materials"))

    class Meta:
        model = models.PolicyFramework
        fields = ["code", "name", "name_nl", "level", "adopted_on", "targets", "targets_nl", "target_year",
                  "milestones", "milestones_nl", "materials", "action_points", "projects", "source", *COMMON]
        widgets = {"milestones": forms.Textarea(attrs={"rows": 3}), "milestones_nl": forms.Textarea(attrs={"rows": 3})}
