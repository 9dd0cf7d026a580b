"""CRMA benchmark page (EU capacity vs the Art. 5 benchmarks, with the example regional portfolio)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from django.shortcuts import render

from crmradar.scenarios.crma import crma_benchmark
from crmradar.scenarios.portfolio import Portfolio, load_portfolio
from crmradar.web import services

EXAMPLE_PORTFOLIO = "portfolio_zuid_holland.yaml"


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
    table = crma_table(str(services.knowledge_base().path), with_portfolio)
    rows = services.records(table)
    columns = ["crma_entry", "material_id", "stage", "share_before", "share_after", "benchmark", "gap_after",
               "largest_third_country", "third_country_share_before", "third_country_share_after"]
    return render(request, "web/crma.html", {"rows": rows, "columns": columns, "with_portfolio": with_portfolio})
