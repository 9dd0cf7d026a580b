"""Page "Wat draagt de regio bij?": per policy framework and per CRMA benchmark what the region contributes."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.apps.consultation import services
from crmradar.apps.consultation.models import ActionPoint
from crmradar.apps.policy.contribution import benchmark_rows, counts, framework_rows
from crmradar.apps.policy.models import PolicyFramework
from crmradar.apps.projects.models import Project
from crmradar.reports import labels, numbers
from crmradar.web.access import ITEM, access
from crmradar.web.templatetags.crmradar_tags import page_lang

MIN_STAGE = "financiering"
YEAR = 2030


@access(ITEM)
def contribution(request):
    from crmradar.web import services as web_services

    user = request.user
    frameworks = list(services.visible(PolicyFramework, user))
    actions = list(services.visible(ActionPoint, user).prefetch_related(
        Prefetch("frameworks", queryset=PolicyFramework.objects.only("pk"))))
    projects = list(services.visible(Project, user).prefetch_related(
        Prefetch("frameworks", queryset=PolicyFramework.objects.only("pk"))))
    for item in actions + projects:
        item.framework_ids = {f.pk for f in item.frameworks.all()}
    lang = page_lang()
    rows = benchmark_rows(web_services.knowledge_base(), projects, actions, MIN_STAGE, YEAR)
    for row in rows:
        row["material_name"] = labels.label("material", row["material_id"], lang)
        row["stage_name"] = labels.label("stage", row["stage"], lang)
        for key in ("benchmark", "share_before", "share_after", "third_share_before", "third_share_after"):
            row[f"{key}_text"] = numbers.format_percent(row[key], lang)
        for project in row["projects"]:
            values = {"name": project["name"], "share": numbers.format_percent(project["share"], lang),
                      "tonnes": numbers.format_number(project["tonnes"], lang),
                      "low": numbers.format_number(project["low"], lang),
                      "high": numbers.format_number(project["high"], lang)}
            project["text"] = (_("%(name)s (+%(share)s, %(tonnes)s t/yr; assumption, %(low)s to %(high)s)")
                               if project["assumption"] else _("%(name)s (+%(share)s, %(tonnes)s t/yr)")) % values
        row["country_name"] = labels.label("country", row["third_country"], lang) if row["third_country"] else "—"
    return render(request, "policy/contribution.html", {
        "frameworks": framework_rows(frameworks, actions, projects), "rows": rows, "counts": counts(rows),
        "year": YEAR, "min_stage": dict(Project._meta.get_field("stage").choices).get(MIN_STAGE, MIN_STAGE)})
