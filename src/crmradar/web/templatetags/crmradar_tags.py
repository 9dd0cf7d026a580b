"""Template filters: column labels and data-id names in the page language, and locale-aware numbers."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from crmradar.i18n import column_label as _column_label
from crmradar.reports import labels, numbers

register = template.Library()


def page_lang() -> str:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


@register.filter
def get_item(mapping: dict, key: str):
    return mapping.get(key)


@register.filter
def column_label(column: str) -> str:
    return labels.column(column, page_lang()) or _column_label(column, page_lang())


@register.filter
def label(identifier, kind: str) -> str:
    """``{{ row.stage|label:"stage" }}``: the display name of a data identifier."""
    return labels.label(kind, identifier, page_lang())


@register.filter
def num(value, digits=None) -> str:
    """``{{ x|num }}`` three significant digits; ``{{ x|num:1 }}`` one decimal."""
    return numbers.format_number(value, page_lang(), decimals=None if digits in (None, "") else int(digits))


@register.filter
def pct(value, digits=None) -> str:
    """A fraction as a percentage: ``{{ 0.938|pct }}`` → ``94 %``."""
    return numbers.format_percent(value, page_lang(), decimals=None if digits in (None, "") else int(digits))


@register.filter
def estimate(row: dict, prefix: str = "") -> str:
    """``{{ r|estimate:"change_" }}``: median with its P5–P95 range from ``<prefix>p50/p5/p95``."""
    return numbers.format_estimate(row.get(f"{prefix}p50"), row.get(f"{prefix}p5"), row.get(f"{prefix}p95"),
                                   page_lang())


@register.filter
def cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return numbers.format_number(value, page_lang())
    return str(value)


# how the generic table (_table.html) shows a column: data ids by their name, fractions as percentages
ID_COLUMNS = {
    "stage": "stage", "scope": "scope", "material_id": "material", "country_iso3": "country",
    "largest_third_country": "country", "measure_type": "measure_type", "status": "status",
    "target_countries": "target_countries", "basis": "basis", "technology_id": "technology", "lever": "lever",
    "catchment": "catchment", "metric": "metric", "indicator": "metric", "unit": "unit", "nace_code": "nace",
    "product_id": "product", "flow": "flow",
}
PERCENT_COLUMNS = {
    "share", "top3_share", "largest_third_country_share", "share_before", "share_after", "benchmark", "gap_after",
    "third_country_share_before", "third_country_share_after", "p_critical", "p_critical_eu", "p_critical_region",
    "eol_rir", "import_reliance", "retained_share", "share_of_eu27_extra_imports",
}
PLAIN_COLUMNS = {"year", "rank", "nace_code"}


@register.filter
def column_cell(row: dict, column: str) -> str:
    """One cell of the generic table, formatted for its column."""
    value = row.get(column)
    if value is None or value == "":
        return "–"
    if column in ID_COLUMNS and isinstance(value, str):
        return labels.label(ID_COLUMNS[column], value, page_lang())
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if column in PLAIN_COLUMNS or column.endswith("_year"):
        return str(int(value)) if isinstance(value, int | float) else str(value)
    if column in PERCENT_COLUMNS and isinstance(value, int | float):
        return numbers.format_percent(value, page_lang())
    return cell(value)
