"""The workspace registers as plain data for the documents (``crmradar.reports.documents.WorkspaceState``): used
by ``crmradar report staten|chain`` and by the document jobs of the web (``crmradar.web.computations_documents``).
``published_only`` leaves out every item that is not published (documents for the public)."""

from __future__ import annotations


def collect_state(published_only: bool = False):
    """The workspace registers as plain data (live items; ``published_only`` for documents meant for the public)."""
    from django.apps import apps
    from django.utils import timezone

    from crmradar.apps.consultation import models
    from crmradar.reports.documents import WorkspaceState

    def live(model):
        queryset = model.objects.all()
        return queryset.filter(published=True) if published_only else queryset

    from django.utils import translation

    translation.activate("nl")
    today = timezone.localdate()
    chains = [{"code": c.code, "name": c.name, "description": c.description, "materials": c.materials,
               "technologies": c.technologies} for c in live(models.ValueChain)]
    bottlenecks = [{"title": b.title, "chain": b.chain.code if b.chain else None,
                    "category": b.get_category_display(), "severity": b.severity, "status": b.get_status_display(),
                    "owner": b.owner_organisation.name if b.owner_organisation else None}
                   for b in live(models.Bottleneck).select_related("chain", "owner_organisation")]
    actions = [{"title": a.title, "line": a.line, "status": a.status, "status_label": a.get_status_display(),
                "owner": a.owner_organisation.name if a.owner_organisation else None,
                "due_date": a.due_date.isoformat() if a.due_date else None,
                "overdue": bool(a.due_date and a.due_date < today),
                "chains": [c.code for c in a.chains.all()]}
               for a in live(models.ActionPoint).select_related("owner_organisation").prefetch_related("chains")]
    projects = []
    if apps.is_installed("crmradar.apps.projects"):
        project_model = apps.get_model("projects", "Project")
        for p in live(project_model).select_related("chain"):
            projects.append({"name": p.name, "chain": p.chain.name if p.chain else None,
                             "stage": p.get_stage_display(), "crma_status": p.get_crma_status_display(),
                             "source": p.source})
    return WorkspaceState(chains=chains, bottlenecks=bottlenecks, actions=actions, projects=projects)
