"""What a detail page shows besides the fields, per register (linked items, analysis, notes, decisions)."""

from __future__ import annotations

from django.urls import reverse

from crmradar.apps.consultation import forms, models, services
from crmradar.apps.consultation.markdown import render_markdown


def extras(register, item, request) -> dict:
    context = _extras(item, request)
    if "linked" in context:
        from crmradar.apps.consultation.registers import REGISTERS

        context["linked"] = [(REGISTERS[slug], queryset) for slug, queryset in context["linked"]]
    return context


def _extras(item, request) -> dict:
    user = request.user
    can_change = user.has_perm(services.perm("change", type(item)), item)
    if isinstance(item, models.ValueChain):
        from crmradar.apps.consultation.chain_analysis import analysis

        return {
            "analysis": analysis(item),
            "business_case_url": reverse("projects:chain_business_case", args=[item.pk]),
            "linked": [("knelpunten", services.visible(models.Bottleneck, user).filter(chain=item)),
                       ("acties", services.visible(models.ActionPoint, user).filter(chains=item)),
                       ("verdiepingen", services.visible(models.DeepDive, user).filter(chain=item))],
        }
    if isinstance(item, models.ActionPoint):
        return {
            "progress_notes": item.progress_notes.select_related("author") if user.has_perm(
                "consultation.view_progressnote") else [],
            "progress_form": forms.ProgressForm() if can_change else None,
            "decisions": item.decisions.select_related("meeting"),
        }
    if isinstance(item, models.Meeting):
        return {
            "agenda_html": render_markdown(item.agenda),
            "minutes_html": render_markdown(item.minutes),
            "decisions": item.decisions.select_related("action_point"),
            "decision_form": forms.DecisionForm() if can_change else None,
            "linked": [("acties", services.visible(models.ActionPoint, user).filter(meetings=item))],
        }
    if type(item).__name__ == "Project":  # apps.projects (imports this app, so not imported here)
        return {"business_case_url": reverse("projects:business_case", args=[item.pk])}
    if isinstance(item, models.Bottleneck):
        return {"linked": [("acties", services.visible(models.ActionPoint, user).filter(bottlenecks=item))]}
    if isinstance(item, models.Organisation):
        return {"linked": [
            ("acties", services.visible(models.ActionPoint, user).filter(owner_organisation=item)),
            ("knelpunten", services.visible(models.Bottleneck, user).filter(responsible_authority=item)),
        ]}
    return {}
