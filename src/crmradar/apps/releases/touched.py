"""Which workspace items a set of changed materials and technologies touches, through the chain ↔ material
links: value chains that list one of the materials or technologies; action points linked to such a chain or
listing one of the materials; projects on such a chain or with a capacity in one of the materials
(``capacities``: ``stage:id:t/yr`` joined with ``|``). Deleted items never; the public sees published items only
(``consultation.services.visible``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import AnonymousUser


@dataclass
class Touched:
    chains: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    by_subject: dict = field(default_factory=dict)  # material or technology id → names of the chains it touches

    def __bool__(self) -> bool:
        return bool(self.chains or self.actions or self.projects)


def _capacity_ids(project) -> set[str]:
    return {part.split(":")[1] for part in (project.capacities or "").split("|") if part.count(":") >= 2}


def touched_items(materials: set[str], technologies: set[str], user=None, everything: bool = False) -> Touched:
    """The chains, action points and projects ``user`` may see (anonymous: published only; ``everything``: all
    live items, for the command line) that depend on ``materials`` or ``technologies``."""
    from crmradar.apps.consultation.models import ActionPoint, ValueChain
    from crmradar.apps.consultation.services import visible

    user = user or AnonymousUser()

    def visible_items(model):
        return model.objects.all() if everything else visible(model, user)

    result = Touched()
    for chain in visible_items(ValueChain).order_by("name"):
        hit = (materials & set(chain.materials or [])) | (technologies & set(chain.technologies or []))
        if hit:
            result.chains.append(chain)
            for subject in hit:
                result.by_subject.setdefault(subject, []).append(chain.name)
    chain_ids = {c.pk for c in result.chains}
    for action in visible_items(ActionPoint).prefetch_related("chains").order_by("title"):
        if materials & set(action.materials or []) or {c.pk for c in action.chains.all()} & chain_ids:
            result.actions.append(action)
    if apps.is_installed("crmradar.apps.projects"):
        project_model = apps.get_model("projects", "Project")
        for project in visible_items(project_model).order_by("name"):
            if project.chain_id in chain_ids or _capacity_ids(project) & materials:
                result.projects.append(project)
    return result
