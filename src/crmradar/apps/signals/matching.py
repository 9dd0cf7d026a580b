"""From a signal to what it reaches in the region: materials (named in the text or given) → technologies that
use them (material intensities of the data package, with their parent families) → value chains that list one
of those materials or technologies → projects (when the projects app is installed) → the organisations that
own those chains and the bottlenecks, action points and deep dives on them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps


@cache
def _material_patterns(package_path: str) -> list[tuple[str, re.Pattern]]:
    from crmradar import data

    kb = data.load(package_path)
    out = []
    for row in kb.materials.itertuples():
        names = {row.id.replace("_", " "), str(row.name_en), str(row.name_nl)}
        aliases = row.aliases if isinstance(row.aliases, str) else ""
        names |= {a.strip() for a in aliases.split("|") if a.strip()}
        names = sorted((n for n in names if n and n != "nan" and len(n) > 2), key=len, reverse=True)
        # Names of six letters or more may start a Dutch compound (galliumleverancier, kobaltprijs).
        alternatives = [re.escape(n) + (r"\w*" if len(n) >= 6 else "") for n in names]
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
        out.append((row.id, pattern))
    return out


def materials_in_text(text: str) -> list[str]:
    """Material ids whose English or Dutch name or an alias of the data package occurs as a word in ``text``
    (or, for names of six letters or more, starts one)."""
    from crmradar.data.loader import active_package_dir

    return sorted(mid for mid, pattern in _material_patterns(str(active_package_dir())) if pattern.search(text))


@cache
def _technology_index(package_path: str) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    from crmradar import data

    kb = data.load(package_path)
    uses: dict[str, set[str]] = {}
    for row in kb.material_intensities[["technology_id", "material_id"]].drop_duplicates().itertuples():
        uses.setdefault(row.material_id, set()).add(row.technology_id)
    parents = {row.id: row.parent for row in kb.technologies.itertuples() if isinstance(row.parent, str) and row.parent}
    return {m: frozenset(t) for m, t in uses.items()}, parents


def technologies_using(materials: list[str]) -> list[str]:
    """Technologies with a material intensity for one of ``materials``, plus the families they belong to."""
    from crmradar.data.loader import active_package_dir

    uses, parents = _technology_index(str(active_package_dir()))
    found: set[str] = set()
    for material in materials:
        for tech in uses.get(material, ()):
            while tech and tech not in found:
                found.add(tech)
                tech = parents.get(tech)
    return sorted(found)


@dataclass
class Reach:
    materials: list[str]
    technologies: list[str]
    chains: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    organisations: list = field(default_factory=list)


def _projects_for(materials: set[str], chain_ids: set[int]) -> list:
    """Projects of the projects app (when installed) on an affected chain or with a capacity in an affected
    material (``capacities`` is ``stage:id:t/yr`` joined with ``|``)."""
    if not apps.is_installed("crmradar.apps.projects"):
        return []
    try:
        model = apps.get_model("projects", "Project")
    except LookupError:
        return []
    found = []
    for project in model.objects.all():
        ids = {part.split(":")[1] for part in (getattr(project, "capacities", "") or "").split("|")
               if part.count(":") >= 2}
        if getattr(project, "chain_id", None) in chain_ids or ids & materials:
            found.append(project)
    return found


def reach(materials: list[str]) -> Reach:
    """Everything in the workspace that depends on ``materials`` (deleted items excluded)."""
    from crmradar.apps.consultation.models import ActionPoint, Bottleneck, DeepDive, Organisation, ValueChain

    material_set = set(materials)
    technologies = technologies_using(materials)
    tech_set = set(technologies)
    chains = [c for c in ValueChain.objects.all()
              if material_set & set(c.materials or []) or tech_set & set(c.technologies or [])]
    chain_ids = {c.pk for c in chains}
    projects = _projects_for(material_set, chain_ids)
    owners = {c.owner_organisation_id for c in chains}
    owners |= set(Bottleneck.objects.filter(chain_id__in=chain_ids).values_list("owner_organisation_id", flat=True))
    owners |= set(DeepDive.objects.filter(chain_id__in=chain_ids).values_list("owner_organisation_id", flat=True))
    for action in ActionPoint.objects.prefetch_related("chains"):
        if material_set & set(action.materials or []) or {c.pk for c in action.chains.all()} & chain_ids:
            owners.add(action.owner_organisation_id)
    for project in projects:
        owners.add(getattr(project, "owner_organisation_id", None))
        owners.add(getattr(project, "operator_id", None))
    owners.discard(None)
    organisations = list(Organisation.objects.filter(pk__in=owners).order_by("name"))
    return Reach(materials=sorted(material_set), technologies=technologies, chains=chains, projects=projects,
                 organisations=organisations)
