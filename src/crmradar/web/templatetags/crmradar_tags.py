"""Template filters for tables: column labels in the page language and number formatting."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from crmradar.i18n import column_label as _column_label

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key)


@register.filter
def column_label(column: str) -> str:
    lang = "nl" if (get_language() or "nl").startswith("nl") else "en"
    return _column_label(column, lang)


@register.filter
def cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)
