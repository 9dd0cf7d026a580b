"""Printable one-page fact sheet per material: the document of ``crmradar report material``
(:func:`crmradar.reports.documents.material_fact_sheet`) shown as a page laid out for one A4 sheet (print
stylesheet in ``app.css``). The same document as PDF or DOCX is made by the task queue on the documents page
(issue 15, ``document`` job); this page only assembles the HTML (no rendering in the web worker)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from crmradar.data.lookup import UnknownMaterialError, resolve_material
from crmradar.reports import labels
from crmradar.web import services
from crmradar.web.templatetags.crmradar_tags import page_lang


def _material(material_id: str) -> str:
    try:
        return resolve_material(services.knowledge_base().materials, material_id)
    except UnknownMaterialError as error:
        raise Http404(_("There is no material “%(name)s” in the knowledge base.") % {"name": material_id}) from error


@lru_cache(maxsize=64)
def _document(package: str, material: str, day: str):
    from crmradar.reports.documents import material_fact_sheet

    return material_fact_sheet(services.knowledge_base(), material, today=dt.date.fromisoformat(day))


def factsheet(request, material_id: str):
    material = _material(material_id)
    kb = services.knowledge_base()
    document = _document(str(kb.path), material, dt.date.today().isoformat())
    titles = {r.id: f"{r.publisher} ({int(r.year)})" if r.year == r.year else str(r.publisher)
              for r in kb.sources.itertuples(index=False)}
    sections = [{"heading": s.heading, "paragraphs": s.paragraphs, "bullets": s.bullets,
                 "tables": [{"columns": t.columns, "caption": t.caption,
                             "rows": [[{"text": cell, "numeric": bool(numeric)}
                                       for cell, numeric in zip(row, t.numeric or [False] * len(row), strict=False)]
                                      for row in t.rows],
                             "sources": [titles.get(i, i) for i in t.sources]} for t in s.tables]}
                for s in document.sections]
    return render(request, "web/factsheet.html", {
        "document": document, "sections": sections, "material_id": material,
        "name": labels.label("material", material, page_lang()), "english": page_lang() == "en"})
