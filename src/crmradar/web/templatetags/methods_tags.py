"""Numbers the methods page states about levers, recycling and shocks, read from the code and the data package so
the page cannot drift from what the models compute (``{% method_parameters as p %}``)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def method_parameters() -> dict:
    """Default shock parameters (triangular low/mode/high) and the catchment population ratios."""
    from crmradar.scenarios.recycling import catchment_ratio
    from crmradar.scenarios.shock import FRACTION_BY_MEASURE_TYPE, REROUTING, SPILLOVER
    from crmradar.web import services

    population = services.knowledge_base().catchment_population
    return {
        "licence": FRACTION_BY_MEASURE_TYPE["licence_requirement"],
        "ban": FRACTION_BY_MEASURE_TYPE["export_ban"],
        "quota": FRACTION_BY_MEASURE_TYPE["quota"],
        "rerouting": REROUTING,
        "spillover": SPILLOVER,
        "catchment_nl": catchment_ratio(population, "nl"),
        "catchment_wide": catchment_ratio(population, "nl-be-nrw"),
    }
