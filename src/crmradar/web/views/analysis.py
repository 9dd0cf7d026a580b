"""CRMA benchmark page (EU capacity vs the Art. 5 benchmarks, with the example regional portfolio)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from django.shortcuts import render

from crmradar.reports import labels
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


def crma(request):
    with_portfolio = request.GET.get("portfolio", "example") == "example"
    kb = services.knowledge_base()
    table = crma_table(str(kb.path), with_portfolio)
    lang = page_lang()
    # the entry letter only: the annex wording is the regulation's English text
    rows = [r | {"material_name": labels.label("material", r["material_id"], lang),
                 "stage_name": labels.label("stage", r["stage"], lang), "entry": r["crma_entry"]}
            for r in services.records(table)]
    return render(request, "web/crma.html", {"rows": rows, "columns": COLUMNS, "with_portfolio": with_portfolio})
