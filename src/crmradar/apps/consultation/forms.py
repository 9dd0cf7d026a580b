"""Edit forms of the registers. Links to the data package are multiple choices labelled in the user's
language; ids are stored, never shown."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from crmradar.apps.consultation import models

ALLOWED_RESULT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".csv": "text/csv",
}
# The first bytes each allowed type starts with: a renamed executable is refused whatever its extension.
MAGIC = {".pdf": (b"%PDF",), ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",), ".odt": (b"PK\x03\x04",)}


def package_choices(kind: str) -> list[tuple[str, str]]:
    """(id, label) pairs for materials, technologies, recycling streams or facilities in the user's language."""
    from crmradar.apps.consultation.labels import package_label
    from crmradar.apps.consultation.validators import known_ids

    return sorted(((i, package_label(kind, i)) for i in known_ids(kind)), key=lambda pair: pair[1].lower())


class PackageLinksField(forms.MultipleChoiceField):
    def __init__(self, kind: str, **kwargs):
        self.kind = kind
        super().__init__(choices=lambda: package_choices(kind), required=False, **kwargs)


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ItemForm(forms.ModelForm):
    """Common fields of every register; partners never choose the owner (the service sets theirs)."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        from crmradar.apps.accounts.roles import PARTNER, role_of

        if "owner_organisation" in self.fields and role_of(user) == PARTNER:
            del self.fields["owner_organisation"]
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput):
                field.widget = DATE
        self.language = (get_language() or "nl")[:2]


COMMON = ["owner_organisation", "published"]


class OrganisationForm(ItemForm):
    class Meta:
        model = models.Organisation
        fields = ["name", "kind", "website", "consultation_role", "published"]


class ValueChainForm(ItemForm):
    materials = PackageLinksField("materials", label=gettext_lazy("materials"))
    technologies = PackageLinksField("technologies", label=gettext_lazy("technologies"))
    recycling_streams = PackageLinksField("recycling_streams", label=gettext_lazy("recycling streams"))
    facilities = PackageLinksField("facilities", label=gettext_lazy("facilities"))

    class Meta:
        model = models.ValueChain
        fields = ["code", "name", "description", "materials", "technologies", "recycling_streams", "facilities",
                  *COMMON]


class BottleneckForm(ItemForm):
    class Meta:
        model = models.Bottleneck
        fields = ["title", "description", "chain", "category", "severity", "responsible_authority", "instrument",
                  "status", "evidence", "evidence_source", "identified_on", "resolved_on", *COMMON]


class ActionPointForm(ItemForm):
    materials = PackageLinksField("materials", label=gettext_lazy("materials"))

    class Meta:
        model = models.ActionPoint
        fields = ["title", "description", "line", "category", "owner_person", "due_date", "status", "chains",
                  "materials", "bottlenecks", "meetings", *COMMON]


class MeetingForm(ItemForm):
    class Meta:
        model = models.Meeting
        fields = ["title", "date", "location", "participants", "agenda", "minutes", *COMMON]


class DeepDiveForm(ItemForm):
    class Meta:
        model = models.DeepDive
        fields = ["kind", "title", "scope_type", "subject", "chain", "owner_person", "status", "planned_date",
                  "result_file", "result_url", *COMMON]

    def clean_result_file(self):
        upload = self.cleaned_data.get("result_file")
        if not upload or not hasattr(upload, "content_type"):
            return upload
        check_upload(upload)
        self.instance.result_file_name = upload.name[-200:]
        return upload


def check_upload(upload) -> None:
    """Refuse files over the size limit and types other than PDF, DOCX, XLSX, ODT and CSV."""
    from pathlib import PurePath

    suffix = PurePath(upload.name).suffix.lower()
    if suffix not in ALLOWED_RESULT_TYPES:
        raise forms.ValidationError(_("Only PDF, DOCX, XLSX, ODT or CSV files are accepted."), code="type")
    limit = settings.WORKSPACE_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise forms.ValidationError(_("The file is larger than %(mb)s MB.") % {"mb": limit // (1024 * 1024)},
                                    code="size")
    head = upload.read(8)
    upload.seek(0)
    if suffix in MAGIC and not head.startswith(MAGIC[suffix]):
        raise forms.ValidationError(_("The file's content does not match its type."), code="content")


class CommentForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("comment"), widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=5000)


class ProgressForm(forms.Form):
    date = forms.DateField(label=gettext_lazy("date"), widget=DATE, required=False)
    text = forms.CharField(label=gettext_lazy("progress"), widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=5000)


class DecisionForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("decision"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    action_point = forms.ModelChoiceField(label=gettext_lazy("updates action point"), required=False,
                                          queryset=models.ActionPoint.objects.all())
    status = forms.ChoiceField(label=gettext_lazy("new status"), required=False,
                               choices=[("", "—"), *models.choices.ActionStatus.choices])
    new_action_title = forms.CharField(label=gettext_lazy("or create action point with title"), required=False,
                                       max_length=300)
    new_action_line = forms.TypedChoiceField(label=gettext_lazy("action line"), required=False, coerce=int,
                                             choices=[("", "—"), *models.choices.ActionLine.choices])
    new_action_category = forms.ChoiceField(label=gettext_lazy("category"), required=False,
                                            choices=[("", "—"), *models.choices.ActionCategory.choices])

    def clean(self):
        data = super().clean()
        if data.get("new_action_title") and not (data.get("new_action_line") and data.get("new_action_category")):
            raise forms.ValidationError(_("A new action point needs a line and a category."))
        if data.get("new_action_title") and data.get("action_point"):
            raise forms.ValidationError(_("Choose an existing action point or a new one, not both."))
        return data
