from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from crmradar.apps.signals.models import Signal, SignalKind


class SignalForm(forms.ModelForm):
    materials_text = forms.CharField(label=_("Materials (ids, separated by commas; empty: read from the text)"),
                                     required=False)

    class Meta:
        model = Signal
        fields = ["kind", "title", "summary", "url", "published_on", "price_change_percent", "published"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}

    def clean_materials_text(self) -> list[str]:
        return [m.strip() for m in self.cleaned_data["materials_text"].replace("|", ",").split(",") if m.strip()]


class ThresholdForm(forms.Form):
    material = forms.CharField(label=_("Material (id)"), max_length=60)
    percent = forms.FloatField(label=_("Threshold (%)"), min_value=0, required=False,
                               help_text=_("Empty removes the threshold."))


class FeedForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    url = forms.URLField(label=_("Address (URL)"), max_length=1000, assume_scheme="https")
    default_kind = forms.ChoiceField(label=_("Default kind"), choices=SignalKind.choices)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
