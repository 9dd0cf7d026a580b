"""Tables of the urban mine versus recycling capacity: per catchment the year feedstock reaches a plant's
minimum efficient scale, capacity gaps per year and the value of the recoverable material."""

from __future__ import annotations

import pandas as pd

from crmradar.scenarios import recovery_value, recycling
from crmradar.scenarios.facilities import capacity_by_stream

EXISTING = ("existing",)
WITH_PLANNED = ("existing", "under_construction", "planned")
VALUE_YEARS = (2030, 2040, 2050)


def year_text(value, first_year: int, last_year: int) -> str:
    """A plant-scale year as text: the year, '<first> or earlier' or 'not before <last>'."""
    if value is None or pd.isna(value):
        return f"not before {last_year}"
    return f"{first_year} or earlier" if int(value) <= first_year else str(int(value))



def recycling_tables(flows: recycling.StreamFlows, kb, catchments: list[str], statuses: tuple[str, ...]):
    """Years, summary and value frames for the catchments (tonnes per year, USD million), the prices used
    and the materials without a price; shared by ``crmradar recycling`` and the web page."""
    zh_feedstock = recycling.percentile_frame(flows.feedstock, flows.years, ("input_stream",))
    prices = recovery_value.contained_prices(kb.material_prices)
    values, unpriced = recovery_value.stream_value_draws(flows.recoverable, prices)
    first, last = int(flows.years[0]), int(flows.years[-1])
    years_parts, summary_parts, value_parts = [], [], []
    for catchment in catchments:
        ratio = recycling.catchment_ratio(kb.catchment_population, catchment)
        feedstock = zh_feedstock.assign(**{c: zh_feedstock[c] * ratio for c in ("p5", "p50", "p95", "mean")})
        existing = capacity_by_stream(kb.recycling_facilities, catchment, statuses=EXISTING)
        chosen = capacity_by_stream(kb.recycling_facilities, catchment, statuses=statuses)
        gaps = recycling.capacity_gap(feedstock, chosen).assign(catchment=catchment)
        years_parts.append(gaps)
        scale = recycling.scale_years(feedstock, kb.plant_scale)
        for column in ("year_low", "year_central", "year_high", "year_central_p95", "year_central_p5"):
            scale[column] = [year_text(v, first, last) for v in scale[column]]
        at_last = gaps.loc[gaps["year"] == last].set_index("input_stream")
        stream_value = recycling.percentile_frame(values, flows.years, ("input_stream",), scale=ratio)
        value_last = stream_value.loc[stream_value["year"] == last].set_index("input_stream")["p50"]
        scale = scale.assign(
            catchment=catchment,
            capacity_existing_t=scale["input_stream"].map(existing.set_index("input_stream")["capacity_t_per_year"]
                                                          ).fillna(0.0),
            capacity_chosen_t=scale["input_stream"].map(at_last["capacity_t"]),
            plants_without_capacity=scale["input_stream"].map(chosen.set_index("input_stream")["n_without_capacity"]
                                                              ).fillna(0).astype(int),
            **{f"feedstock_{last}_p50_t": scale["input_stream"].map(at_last["p50"]),
               f"gap_{last}_p50_t": scale["input_stream"].map(at_last["gap_p50"]),
               f"value_{last}_p50_musd": scale["input_stream"].map(value_last)},
        )
        summary_parts.append(scale)
        recoverable = recycling.percentile_frame(flows.recoverable, flows.years, ("input_stream", "material_id"),
                                                 scale=ratio)
        recoverable = recoverable.loc[recoverable["year"].isin(VALUE_YEARS)]
        valued = recovery_value.recoverable_value(recoverable, prices)
        totals = stream_value.loc[stream_value["year"].isin(VALUE_YEARS)].rename(
            columns={"p5": "value_p5_musd", "p50": "value_p50_musd", "p95": "value_p95_musd"})
        totals = totals.drop(columns="mean").assign(material_id="all priced")
        value_parts.append(pd.concat([valued, totals], ignore_index=True).assign(catchment=catchment))
    years_frame = pd.concat(years_parts, ignore_index=True).rename(
        columns={"p5": "feedstock_p5_t", "p50": "feedstock_p50_t", "p95": "feedstock_p95_t",
                 "mean": "feedstock_mean_t"})
    years_frame = years_frame[["catchment", "input_stream", "year", "feedstock_p5_t", "feedstock_p50_t",
                               "feedstock_p95_t", "capacity_t", "gap_p5", "gap_p50", "gap_p95"]].rename(
        columns={"gap_p5": "gap_p5_t", "gap_p50": "gap_p50_t", "gap_p95": "gap_p95_t"})
    summary = pd.concat(summary_parts, ignore_index=True)
    summary = summary[["catchment", "input_stream", "plant_type", "scale_low_t", "scale_central_t", "scale_high_t",
                       "year_low", "year_central", "year_high", "year_central_p95", "year_central_p5",
                       "capacity_existing_t", "capacity_chosen_t", "plants_without_capacity",
                       f"feedstock_{last}_p50_t", f"gap_{last}_p50_t",
                       f"value_{last}_p50_musd"]]
    value = pd.concat(value_parts, ignore_index=True)
    value = value[["catchment", "input_stream", "material_id", "year", "p5", "p50", "p95", "value_p5_musd",
                   "value_p50_musd", "value_p95_musd", "usd_per_kg_contained", "price_product", "price_basis",
                   "price_period", "price_source_id"]].rename(
        columns={"p5": "recoverable_p5_t", "p50": "recoverable_p50_t", "p95": "recoverable_p95_t"})
    unpriced = {stream: sorted(str(m) for m in materials) for stream, materials in unpriced.items()}
    return {"years": years_frame, "summary": summary, "value": value}, prices, unpriced
