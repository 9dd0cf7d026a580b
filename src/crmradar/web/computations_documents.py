"""The four documents of ``crmradar report`` made by the task queue for the web (never in a web worker): the
public summary, the fact sheet of a material, the annex for the Provincial Council and the deep dive into a value
chain, as PDF or DOCX. Each job carries its own inputs (document, subject, format, date, published only), so a
document for the public and one for workspace members are different results. The file travels base64-encoded in
the job's JSON result, so the queue's eviction settings (age, total size) evict documents too.
"""

from __future__ import annotations

import base64
import datetime as dt

from crmradar.web import services
from crmradar.web.jobs import register

FORMATS = {"pdf": "application/pdf",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
KINDS = ("publiek", "staten", "grondstof", "keten")  # URL slugs of the four documents


def build(parameters: dict, progress=lambda fraction: None):
    """The :class:`~crmradar.documents.Document` for ``parameters`` (same functions and defaults as the CLI)."""
    from crmradar.reports import documents

    kb = services.knowledge_base()
    kind, subject = parameters["kind"], parameters.get("subject", "")
    today = dt.date.fromisoformat(parameters["date"])
    if kind == "grondstof":
        return documents.material_fact_sheet(kb, subject, today=today)
    demand = documents.regional_demand(kb)  # 1000 draws, seed 20260616: the numbers of crmradar demand
    progress(0.6)
    if kind == "publiek":
        return documents.public_summary(kb, demand, today=today)
    from crmradar.web.document_state import collect_state

    state = collect_state(bool(parameters["published_only"]))
    if kind == "staten":
        return documents.council_annex(kb, demand, state, today=today,
                                       lever_ranking=lever_rows(parameters.get("levers_job")))
    if kind == "keten":
        if subject not in {c["code"] for c in state.chains}:
            raise ValueError(f"chain {subject!r} is not in the workspace (or not published)")
        return documents.chain_document(kb, demand, state, subject, today=today)
    raise ValueError(f"document {kind!r} is not one of {', '.join(KINDS)}")


def finished_lever_ranking() -> int | None:
    """The newest finished lever ranking of the levers page (``lever_rank`` job), whose rows the annex shows."""
    from crmradar.web.models import CachedResult

    return (CachedResult.objects.filter(kind="lever_rank", status="done").order_by("-pk")
            .values_list("pk", flat=True).first())


def lever_rows(job_id: int | None):
    """The ranking rows of lever job ``job_id`` as a frame (``None`` when there is none or it was evicted)."""
    import pandas as pd

    from crmradar.web.models import CachedResult

    if job_id is None:
        return None
    job = CachedResult.objects.filter(pk=job_id, status="done").first()
    return pd.DataFrame(job.result["rows"]) if job is not None else None


@register("document")
def document(parameters: dict, progress) -> dict:
    """One document rendered to PDF (WeasyPrint) or DOCX (python-docx), base64 in the result."""
    from crmradar.documents.render import to_docx, to_pdf

    fmt = parameters["format"]
    if fmt not in FORMATS:
        raise ValueError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    progress(0.05)
    built = build(parameters, progress)
    progress(0.8)
    body = to_pdf(built) if fmt == "pdf" else to_docx(built)
    return {"kind": parameters["kind"], "subject": parameters.get("subject", ""), "format": fmt,
            "content_type": FORMATS[fmt], "title": built.title, "bytes": len(body),
            "base64": base64.b64encode(body).decode("ascii")}
