"""Minutes and agendas are Markdown; rendered HTML is sanitised (nh3) so no script or handler survives."""

from __future__ import annotations

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "code", "pre", "a", "table",
        "thead", "tbody", "tr", "th", "td", "hr"}


def render_markdown(text: str) -> SafeString:
    html = md.markdown(text or "", extensions=["tables", "sane_lists"])
    clean = nh3.clean(html, tags=TAGS, attributes={"a": {"href", "title"}}, url_schemes={"http", "https", "mailto"},
                      link_rel="noopener noreferrer")
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 above
