"""Replay one or more shocks against a Zuid-Holland scenario: one call for the CLI and the web page."""

from __future__ import annotations

import time

import pandas as pd

from crmradar.region.build import build_spec
from crmradar.region.model import run
from crmradar.region.scenario import Scenario
from crmradar.scenarios.shock import FRACTION_BY_MEASURE_TYPE, Shock
from crmradar.scenarios.shock_impact import (
    material_dependence,
    sample_shock,
    shock_summary,
    side_by_side,
    zh_share_of_eu,
)

MODEL_YEARS = (2020, 2050)


def replay(kb, loaded: Scenario, shocks: list[Shock], draws: int, seed: int) -> tuple[pd.DataFrame, dict, list[str]]:
    """Side-by-side table (p5/p50/p95 per shock), metadata with every assumption, and the shock labels.

    Raises :class:`crmradar.scenarios.shock.ShockError` for a shock that cannot be quantified.
    """
    started = time.perf_counter()
    spec = build_spec(loaded, kb)
    result = run(spec, draws=draws, seed=seed, report_years=MODEL_YEARS)
    zh_share, zh_info = zh_share_of_eu(kb, draws, seed + 2)
    dependence = material_dependence(spec, result.years)
    summaries, assumptions = {}, {}
    for shock in shocks:
        sampled = sample_shock(shock, kb, result.years, draws, seed + 1)
        summaries[shock.label] = shock_summary(shock, sampled, result, kb, zh_share, dependence)
        assumptions[shock.label] = {
            "parameters": sampled.assumptions, "nl_basis": sampled.nl_basis,
            "notes": [*shock.notes, *sampled.caveats],
            "rows": [{"material": r.material, "country": r.country, "stage": r.stage, "targets": list(r.targets),
                      "from": f"{r.start[0]}-{r.start[1]:02d}", "until": f"{r.end[0]}-{r.end[1]:02d}"}
                     for r in shock.rows],
            "stockpile_months": shock.stockpile_months, "substitution_elasticity": shock.substitution}
    frame = side_by_side(summaries)
    metadata = {
        "scenario": loaded.id, "draws": draws, "seed": seed, "seconds": round(time.perf_counter() - started, 2),
        "shocks": assumptions, "zh_value_added_scaling": zh_info,
        "default_fractions": {k: v.describe() for k, v in FRACTION_BY_MEASURE_TYPE.items()},
        "model_assumptions": spec.metadata["assumptions"],
        "reading": "supply rows: loss while the shock bites; zh_material, zh_deployment and value added: totals over "
                   "the shock's years within 2020-2050; value added at risk is an exposure indicator, not a GDP loss",
    }
    return frame, metadata, list(summaries)
