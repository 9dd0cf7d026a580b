"""CRMA benchmark page (EU capacity vs the Art. 5 benchmarks, with the example regional portfolio)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from django.shortcuts import render

from crmradar.reports import labels
from crmradar.reports.charts import crma_benchmarks, to_plotly
from crmradar.scenarios.crma import crma_benchmark
from crmradar.scenarios.portfolio import Portfolio, load_portfolio
from crmradar.web import services
from crmradar.web.templatetags.crmradar_tags import page_lang

EXAMPLE_PORTFOLIO = "portfolio_zuid_holland.yaml"
COLUMNS = ["entry", "material_id", "stage", "share_before", "share_after", "benchmark", "gap_after",
           "largest_third_country", "third_country_share_before", "third_country_share_after"]


@lru_cache(maxsize=8)
def crma_table(package: str, with_portfolio: bool, year: int = 2030) -> pd.DataFrame:
    from crmradar.scenarios import crma as crma_module

    kb = services.knowledge_base()
    if with_portfolio:
        path = crma_module.__file__.rsplit("/", 1)[0] + "/examples/" + EXAMPLE_PORTFOLIO
        projects = load_portfolio(path, kb.materials, kb.crma_annex_entries).to_frame()
    else:
        projects = Portfolio(name="", file="").to_frame()
    return crma_benchmark(kb.crma_consumption_capacity, kb.crma_benchmarks, kb.supply_shares, projects, year)


@lru_cache(maxsize=8)
def pipeline_crma(package: str, year: int = 2030, min_stage: str = "financiering"
                  ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(benchmark table, contribution per project, projects not counted) for the cited project pipeline of the
    data package (``regional_projects``) at ``min_stage`` or later (``crmradar.scenarios.pipeline``)."""
    from crmradar.reports.crma_position import pipeline_position

    return pipeline_position(services.knowledge_base(), year, min_stage)


PORTFOLIOS = ("pipeline", "none", "example")
CONTRIBUTION_COLUMNS = ["name", "material_id", "stage", "capacity_t_per_year", "share_added", "gap_closed",
                        "largest_third_country", "third_country_share_before", "third_country_share_after"]


def crma(request):
    portfolio = request.GET.get("portfolio", "pipeline")
    if portfolio not in PORTFOLIOS:
        portfolio = "pipeline"
    kb = services.knowledge_base()
    contributions, skipped = None, None
    if portfolio == "pipeline":
        table, contributions, skipped = pipeline_crma(str(kb.path))
    else:
        table = crma_table(str(kb.path), portfolio == "example")
    lang = page_lang()
    # the entry letter only: the annex wording is the regulation's English text
    rows = [r | {"material_name": labels.label("material", r["material_id"], lang),
                 "stage_name": labels.label("stage", r["stage"], lang), "entry": r["crma_entry"]}
            for r in services.records(table)]
    return render(request, "web/crma.html", {
        "rows": rows, "figure": to_plotly(crma_benchmarks(rows, lang)),
        "columns": COLUMNS, "with_portfolio": portfolio == "example", "portfolio": portfolio,
        "contributions": None if contributions is None else services.records(contributions),
        "contribution_columns": CONTRIBUTION_COLUMNS,
        "converted": [] if contributions is None else _converted(contributions, lang),
        "skipped": None if skipped is None else [
            {"name": r["name"], "reason": _reason(r, lang)} for r in skipped.to_dict("records")]})


def _converted(contributions: pd.DataFrame, lang: str) -> list[str]:
    """The contribution rows whose capacity is converted from gross input (marked assumption), with their range."""
    from django.utils.translation import gettext as _

    from crmradar.reports.numbers import format_number

    basis = contributions.get("capacity_basis", pd.Series(dtype=str)).fillna("")
    return [_("%(name)s: %(material)s %(tonnes)s t/yr (range %(low)s to %(high)s) = gross battery input × black-mass "
              "yield × metal content; an assumption, and an upper bound because the black mass is refined "
              "elsewhere") % {"name": r["name"], "material": labels.label("material", r["material_id"], lang),
                              "tonnes": format_number(r["capacity_t_per_year"], lang),
                              "low": format_number(r["capacity_low"], lang),
                              "high": format_number(r["capacity_high"], lang)}
            for r in contributions.loc[basis.str.startswith("assumption")].to_dict("records")]


def _reason(row: dict, lang: str) -> str:
    """Why a pipeline project is not counted, in the page language."""
    from django.utils.translation import gettext as _

    from crmradar.reports.numbers import format_number

    if row["kind"] == "stage":
        return _("stage %(stage)s comes before financing") % {"stage": row["pipeline_stage"]}
    if row["kind"] == "no_capacity":
        return _("no capacity published")
    materials = set(services.knowledge_base().materials["id"])
    kind = "material" if row["material_id"] in materials else "input_stream"
    return _("%(tonnes)s t/yr of %(what)s is gross input or not a strategic raw material: not counted") % {
        "tonnes": format_number(row["tonnes"], lang), "what": labels.label(kind, row["material_id"], lang)}
