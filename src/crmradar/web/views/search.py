"""Site search page: materials, pages, glossary terms and sources for one query (``/search/?q=``)."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from crmradar.web import services
from crmradar.web.site_pages import GLOSSARY, PAGES
from crmradar.web.site_search import MAX_QUERY_LENGTH, Entry, search
from crmradar.web.views.pages import _name_column

KIND_TITLES = {"material": _("Materials"), "page": _("Pages"), "term": _("Glossary"), "source": _("Sources")}


def _entries() -> list[Entry]:
    kb = services.knowledge_base()
    name = _name_column()
    entries = [
        Entry("material", str(row[name]).capitalize(), reverse("material", args=[row["id"]]),
              keywords=" ".join(str(v) for v in (row["id"], row["name_en"], row["name_nl"], row["symbol"],
                                                 row["aliases"]) if isinstance(v, str)))
        for row in kb.tables["materials"].to_dict("records")
    ]
    entries += [Entry("page", str(p.title), reverse(p.url_name), str(p.description)) for p in PAGES]
    glossary = reverse("glossary")
    entries += [Entry("term", str(t.term), f"{glossary}#{t.anchor}", str(t.explanation)) for t in GLOSSARY]
    sources = reverse("sources")
    entries += [Entry("source", str(row["title"]), f"{sources}#source-{row['id']}",
                      " · ".join(str(v) for v in (row["publisher"], row["year"]) if v == v and v is not None),
                      keywords=str(row["id"]))
                for row in kb.sources.to_dict("records")]
    return entries


def site_search(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    hits = search(query, _entries()) if query else {}
    groups = [{"kind": kind, "title": title, "hits": hits[kind]} for kind, title in KIND_TITLES.items()
              if kind in hits]
    total = sum(len(g["hits"]) for g in groups)
    # search_query: the header's search box shows the query too
    return render(request, "web/search.html", {"query": query, "search_query": query, "groups": groups,
                                               "total": total})
