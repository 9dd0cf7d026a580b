"""Documents from the web (issue 15): download buttons for the public summary, a material's fact sheet, the annex
for the Provincial Council and a value chain's deep dive, as PDF or DOCX. The files are made by the task queue
(``document`` job, :mod:`crmradar.web.computations_documents`); the page polls the job's queue position and
progress (HTMX) and then offers the file. Workspace members get the annex and chain documents with every item;
everyone else gets them with published items only, and only for published chains (the consultation's object
rules, ``consultation.services.visible``)."""

from __future__ import annotations

import base64
import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from crmradar.data.lookup import UnknownMaterialError, resolve_material
from crmradar.reports import labels
from crmradar.web import ratelimit, services
from crmradar.web.computations_documents import FORMATS, KINDS, finished_lever_ranking
from crmradar.web.jobs import QueueFullError, submit
from crmradar.web.loading import package_hash
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views._jobs import client_id, job_or_progress

NO_SUBJECT = "-"
DEFAULT_MATERIAL = "gallium"


def _member(request) -> bool:
    return request.user.has_perm("consultation.view_workspace")


def _chains(request):
    from crmradar.apps.consultation.models import ValueChain
    from crmradar.apps.consultation.services import visible

    return visible(ValueChain, request.user).order_by("name")


def _parameters(request, kind: str, subject: str, fmt: str) -> dict:
    """The job's inputs, after checking the document, its subject and who may see it (404 otherwise)."""
    if kind not in KINDS or fmt not in FORMATS:
        raise Http404(_("Unknown document"))
    if kind in ("publiek", "staten"):
        if subject != NO_SUBJECT:
            raise Http404(_("Unknown document"))
        subject = ""
    elif kind == "grondstof":
        try:
            subject = resolve_material(services.knowledge_base().materials, subject)
        except UnknownMaterialError as error:
            raise Http404(_("There is no material “%(name)s” in the knowledge base.") % {"name": subject}) from error
    elif not _chains(request).filter(code=subject).exists():
        raise Http404(_("Unknown value chain"))
    uses_workspace = kind in ("staten", "keten")
    parameters = {"kind": kind, "subject": subject, "format": fmt, "date": dt.date.today().isoformat(),
                  "published_only": uses_workspace and not _member(request)}
    if kind == "staten":  # the levers page's finished ranking, when there is one (part of the job's inputs)
        parameters["levers_job"] = finished_lever_ranking()
    return parameters


def documents(request):
    """The four documents with a PDF and a Word button each; a material and a chain to choose."""
    lang = page_lang()
    kb = services.knowledge_base()
    every_material = kb.materials["id"]  # a fact sheet for every material, as crmradar report material
    materials = sorted(({"id": m, "name": labels.label("material", m, lang)} for m in every_material),
                       key=lambda o: o["name"].lower())
    material = request.GET.get("grondstof", DEFAULT_MATERIAL)
    if material not in set(every_material):
        material = DEFAULT_MATERIAL
    chains = list(_chains(request))
    chain = next((c for c in chains if c.code == request.GET.get("keten")), chains[0] if chains else None)
    cards = [
        {"kind": "publiek", "subject": NO_SUBJECT, "title": _("Public summary"),
         "text": _("Plain-language summary for residents (language level B1), one to two pages.")},
        {"kind": "grondstof", "subject": material, "title": _("Fact sheet of a material"),
         "text": _("One page per material: risk, producers, concentration, applications, export controls.")},
        {"kind": "staten", "subject": NO_SUBJECT, "title": _("Annex for the Provincial Council"),
         "text": _("Critical materials and why, demand with bands, levers, action lines, bottlenecks per chain, "
                   "projects and the CRMA benchmarks.")},
    ]
    if chain is not None:
        cards.append({"kind": "keten", "subject": chain.code, "title": _("Deep dive into a value chain"),
                      "text": _("Materials, risk, demand, export controls, bottlenecks and action points of one "
                                "value chain.")})
    return render(request, "web/documents.html", {
        "cards": cards, "materials": materials, "material": material, "chains": chains,
        "chain": chain, "member": _member(request), "formats": list(FORMATS)})


def document_panel(request, kind: str, subject: str, fmt: str):
    """HTMX panel: the document being made (queue position, progress), then its download link."""
    job, waiting = job_or_progress(request, "document", _parameters(request, kind, subject, fmt))
    if waiting is not None:
        return waiting
    response = render(request, "web/_document_ready.html", {
        "kind": kind, "subject": subject, "format": fmt, "kilobytes": max(1, round(job.result["bytes"] / 1024))})
    add_never_cache_headers(response)
    return response


def document_download(request, kind: str, subject: str, fmt: str):
    """The finished file; while it is still being made: 202 and a sentence (the job is queued if needed)."""
    parameters = _parameters(request, kind, subject, fmt)
    digest = services.cached_package_hash(str(services.knowledge_base().path), package_hash)
    try:  # a new document job takes a token of the client's rate limit, like every computation
        job = submit("document", parameters, digest, client=client_id(request), admit=ratelimit.admit(request))
    except ratelimit.RateLimitedError as error:
        return ratelimit.too_many(request, error)
    except QueueFullError:
        response = HttpResponse(_("You already have the maximum number of computations waiting. This panel tries "
                                  "again in a few seconds."), status=429, content_type="text/plain; charset=utf-8")
        add_never_cache_headers(response)
        return response
    if job.status != "done":
        response = HttpResponse(_("The file is being made; try again in a moment."), status=202,
                                content_type="text/plain; charset=utf-8")
        add_never_cache_headers(response)
        return response
    name = f"crmradar-{kind}" + (f"-{parameters['subject']}" if parameters["subject"] else "")
    response = HttpResponse(base64.b64decode(job.result["base64"]), content_type=job.result["content_type"])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    add_never_cache_headers(response)
    return response
