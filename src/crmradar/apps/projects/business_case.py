"""The business-case panel of a workspace project or chain: a queued Monte Carlo computation
(:mod:`crmradar.web.jobs`, kind ``business_case``) of :func:`crmradar.scenarios.business_case_project.run_case`
on the plant the workspace describes (summed Li-ion battery recycling capacity, earliest start year), and
what the panel shows of its result (bands, tornado chart, every assumption with its range).

Method and assumptions: docs/business-case.md.
"""

from __future__ import annotations

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crmradar.apps.projects import capacities
from crmradar.reports import labels, numbers
from crmradar.reports.charts import ChartSpec, Series, to_plotly
from crmradar.scenarios.business_case_project import STREAMS, run_case, to_json
from crmradar.web.jobs import register

KIND = "business_case"
DRAWS = 200
SEED = 20260616
SCENARIO = "targets"
CATCHMENTS = ("zh", "nl", "nl-be-nrw")
TORNADO_ROWS = 10

#: What each input of the business case is called on the page (ids stay in the JSON and the CLI).
INPUT_LABELS = {
    "capex_meur": gettext_lazy("investment (capex)"),
    "opex_eur_per_t": gettext_lazy("operating cost per t"),
    "feed_cost_eur_per_t": gettext_lazy("feed cost per t"),
    "payable_fraction": gettext_lazy("payable share"),
    "discount_rate": gettext_lazy("discount rate"),
    "eur_per_usd": gettext_lazy("EUR per USD"),
    "feedstock": gettext_lazy("feedstock (P5 to P95)"),
}
#: Why each assumption has its range, in the page language (the English original is in the scenarios module).
INPUT_REASONS = {
    "capex_meur": gettext_lazy("No investment published for a plant in the region; our judgement for a "
                               "10,000 t/yr mechanical pre-treatment line, wide on purpose."),
    "opex_eur_per_t": gettext_lazy("Labour, energy, maintenance, residue disposal and logistics are not "
                                   "published; our judgement."),
    "feed_cost_eur_per_t": gettext_lazy("Batteries may come with a gate fee or be bought, depending on chemistry "
                                        "and market; no published figure."),
    "payable_fraction": gettext_lazy("Black mass is sold at a share of its contained metal value; the terms are "
                                     "not published; our judgement."),
    "discount_rate": gettext_lazy("Real discount rate for an industrial project; our judgement."),
    "eur_per_usd": gettext_lazy("Prices are in USD; the euro moved between about 1.02 and 1.18 USD in 2025; "
                                "our rounded band."),
}
UNITS = {"capex_meur": gettext_lazy("million EUR"), "opex_eur_per_t": gettext_lazy("EUR per t of feed"),
         "feed_cost_eur_per_t": gettext_lazy("EUR per t of feed"), "payable_fraction": "",
         "discount_rate": gettext_lazy("per year"), "eur_per_usd": ""}


def plant_of(projects) -> dict | None:
    """Summed Li-ion battery recycling capacity (t/yr gross feed) and earliest start year of ``projects`` (workspace
    items), or None when none of them has both."""
    materials, streams = capacities.package_ids()
    total, starts, names = 0.0, [], []
    for project in projects:
        entries, _problems = capacities.parse(project.capacities, materials, streams)
        tonnes = sum(c.tonnes_per_year for c in entries if c.stage == "recycling" and c.id in STREAMS)
        if tonnes > 0 and project.start_year:
            total += tonnes
            starts.append(int(project.start_year))
            names.append(project.name)
    if total <= 0:
        return None
    return {"name": ", ".join(sorted(names)), "capacity": total, "start_year": min(starts)}


def parameters(plant: dict, catchment: str) -> dict:
    return {"name": plant["name"], "capacity": plant["capacity"], "start_year": plant["start_year"],
            "catchment": catchment, "scenario": SCENARIO, "draws": DRAWS, "seed": SEED}


@register(KIND)
def compute(parameters: dict, progress) -> dict:
    """Run the business case on the parameters' plant (in a worker process, never in a web request)."""
    from crmradar.region.build import build_spec
    from crmradar.region.scenario import load_scenario
    from crmradar.web import services

    kb = services.knowledge_base()
    loaded = load_scenario(parameters["scenario"], kb)
    frame = pd.DataFrame([{"project_id": "plant", "name": parameters["name"], "chain": "",
                           "capacities": f"recycling:{STREAMS[0]}:{float(parameters['capacity'])}",
                           "start_year": int(parameters["start_year"])}])
    result, metadata = run_case(kb, build_spec(loaded, kb), loaded.id, project="plant",
                                catchment=parameters["catchment"], draws=int(parameters["draws"]),
                                seed=int(parameters["seed"]), projects=frame,
                                progress=lambda done, total: progress(0.9 * done / total))
    return to_json(result, metadata)


def input_name(key: str, lang: str) -> str:
    if key.startswith("price:"):
        return _("price of %(material)s") % {"material": labels.label("material", key.split(":", 1)[1], lang)}
    return str(INPUT_LABELS.get(key, key))


def _value(key: str, value, lang: str) -> str:
    if key in ("payable_fraction", "discount_rate"):
        return numbers.format_percent(value, lang)
    return numbers.format_number(value, lang)


def present(result: dict, lang: str) -> dict:
    """What the panel shows: summary bands, the tornado chart and table, every assumption and price range."""
    meta = result["metadata"]
    years = meta["plant_scale_year"]
    summary = [
        {"name": _("Net present value (EUR million)"),
         "values": [numbers.format_number(meta["npv_meur"][p], lang) for p in ("p5", "p50", "p95")]},
        {"name": _("Internal rate of return"),
         "values": [numbers.format_percent(meta["irr"][p], lang) for p in ("p5", "p50", "p95")]},
        {"name": _("Payback time (years after start)"),
         "values": [numbers.format_number(meta["payback_years"][p], lang) for p in ("p5", "p50", "p95")]},
        {"name": _("Year the feedstock reaches plant scale"),
         "values": [str(years[p]) if years[p] else _("not by 2050") for p in ("p5", "p50", "p95")]},
    ]
    rows = result["tornado"][:TORNADO_ROWS]
    central = rows[0]["npv_central_meur"] if rows else 0.0
    names = [input_name(r["input"], lang) for r in rows]
    chart = ChartSpec(
        "business_case_tornado", _("What moves the net present value most (EUR million)"), "",
        _("Change in NPV (EUR million)"),
        [Series(_("input at the high end"), names, [r["npv_at_high_meur"] - central for r in rows], kind="bar",
                colour="#9ab6d8"),
         Series(_("input at the low end"), names, [r["npv_at_low_meur"] - central for r in rows], kind="bar")],
        unit="EUR mln", horizontal=True, categorical=True, lang=lang)
    tornado = [{"name": n, "low": _range_end(r, "low", lang), "high": _range_end(r, "high", lang),
                "npv_low": numbers.format_number(r["npv_at_low_meur"], lang),
                "npv_high": numbers.format_number(r["npv_at_high_meur"], lang)} for n, r in zip(names, rows,
                                                                                               strict=True)]
    assumptions = [{"name": input_name(a["name"], lang), "low": _value(a["name"], a["low"], lang),
                    "mode": _value(a["name"], a["mode"], lang), "high": _value(a["name"], a["high"], lang),
                    "unit": str(UNITS.get(a["name"], a["unit"])),
                    "reason": str(INPUT_REASONS.get(a["name"], a["reason"]))}
                   for a in meta["assumptions"]]
    prices = [{"name": labels.label("material", m, lang), "low": numbers.format_number(p["low"], lang),
               "point": numbers.format_number(p["point"], lang), "high": numbers.format_number(p["high"], lang),
               "source": _citation(p["source"])} for m, p in sorted(meta["prices_usd_per_kg_contained"].items())]
    return {"meta": meta, "summary": summary, "figure": to_plotly(chart), "chart_title": chart.title,
            "tornado": tornado, "central": numbers.format_number(central, lang), "assumptions": assumptions,
            "prices": prices, "capacity": numbers.format_number(meta["capacity_t_per_year"], lang),
            "catchment_name": labels.label("catchment", meta["catchment"], lang),
            "irr_undefined": numbers.format_percent(meta["irr_undefined_share"], lang),
            "payback_never": numbers.format_percent(meta["payback_never_share"], lang)}


def _range_end(row: dict, end: str, lang: str) -> str:
    if row["input"] == "feedstock":
        return f"P{int(row[end])}"
    if row["input"].startswith("price:"):
        return numbers.format_number(row[end], lang) + " USD/kg"
    return _value(row["input"], row[end], lang)


def _citation(text: str) -> str:
    """``source_id (product, period)`` → "publisher, title" of the package's source list."""
    from crmradar.web import services

    source_id = text.partition(" (")[0]
    sources = services.knowledge_base().sources.set_index("id")
    if source_id not in sources.index:
        return text
    return f"{sources.loc[source_id, 'publisher']}, {sources.loc[source_id, 'title']}"
