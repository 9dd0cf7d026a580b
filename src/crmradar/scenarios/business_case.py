"""Business case of a recycling plant: feedstock from the regional model, prices from the package, cost ranges
as cited figures or marked assumptions → yearly margin, NPV, IRR and payback with Monte Carlo bands, the year
feedstock reaches plant scale, and a tornado of the inputs that matter most.

Pure numpy/pandas. Per draw d and operating year t (start year s, lifetime L, discount rate r)::

    feed[d, t]        = catchment feedstock of the stream from the recycling model (t/yr; after the model's last
                        year held at that year's value)
    throughput[d, t]  = min(feed[d, t], capacity)
    content[d, t, m]  = recoverable[d, t, m] / feed[d, t]      (t of material m per t of feed; the model's
                        recoverable content already applies the package's recovery rates, i.e. the yields)
    revenue[d, t]     = throughput · Σ_m content[m] · price[m] (EUR/t) · payable
    cost[d, t]        = throughput · (opex + feed_cost)          (EUR/t of feed)
    margin[d, t]      = revenue − cost
    cash flow         = −capex in year s − 1, margin in years s … s + L − 1
    NPV               = Σ_k cash_k / (1 + r)^k,   k = 0 for year s − 1
    IRR               = the rate with NPV = 0 (bisection; NaN when the cash flows never change sign)
    payback           = years from the start of operation until the cumulative cash flow reaches 0 (linear
                        within the year; NaN if never within the lifetime)

Assumptions are triangular (low, mode, high) and sampled once per draw from one seeded generator; prices are
triangular over the package's low/high where the package gives them, else the published point value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

PERCENTILES = (5, 50, 95)


@dataclass(frozen=True)
class Assumption:
    name: str
    low: float
    mode: float
    high: float
    unit: str
    quality: str  # reported / derived / assumption
    reason: str


#: Cost and market inputs of a battery pre-treatment (black-mass) plant. None of these is published for a
#: plant in the region: each is our assumption with a range, to be replaced by project data.
BATTERY_PRETREATMENT = (
    Assumption("capex_meur", 20.0, 40.0, 80.0, "million EUR", "assumption",
               "No capex published for SK tes or another plant in the region; our judgement for a 10,000 t/yr "
               "mechanical pre-treatment line (discharge, shredding, drying, separation), wide on purpose."),
    Assumption("opex_eur_per_t", 300.0, 600.0, 1000.0, "EUR per t of feed", "assumption",
               "Operating cost (labour, energy, maintenance, residue disposal, logistics) not published; our "
               "judgement."),
    Assumption("feed_cost_eur_per_t", -300.0, 0.0, 1000.0, "EUR per t of feed", "assumption",
               "Batteries may come with a gate fee (negative) or be bought (positive) depending on chemistry and "
               "market; no published figure in the package."),
    Assumption("payable_fraction", 0.5, 0.65, 0.8, "share of contained metal value", "assumption",
               "Black mass is sold at a payable share of its contained metal value; commercial terms are not "
               "published in the package; our judgement."),
    Assumption("discount_rate", 0.06, 0.08, 0.10, "per year (real)", "assumption",
               "Real discount rate for an industrial project; our judgement."),
    Assumption("eur_per_usd", 0.85, 0.90, 0.98, "EUR per USD", "assumption",
               "Package prices are in USD; the euro reference rate moved between roughly 1.02 and 1.18 USD per "
               "EUR in 2025; our rounded band."),
)
LIFETIME_YEARS = 15


def npv(rate: float, flows) -> float:
    flows = np.asarray(flows, dtype=float)
    return float(np.sum(flows / (1.0 + rate) ** np.arange(len(flows))))


def irr(flows, low: float = -0.99, high: float = 10.0, tol: float = 1e-9) -> float:
    """Internal rate of return by bisection; NaN if NPV does not change sign on [low, high]."""
    f_low, f_high = npv(low, flows), npv(high, flows)
    if np.isnan(f_low) or np.isnan(f_high) or f_low * f_high > 0:
        return float("nan")
    for _ in range(200):
        mid = (low + high) / 2
        f_mid = npv(mid, flows)
        if abs(f_mid) < tol or high - low < tol:
            return mid
        if f_low * f_mid < 0:
            high = mid
        else:
            low, f_low = mid, f_mid
    return (low + high) / 2


def payback(flows) -> float:
    """Years after the investment year (index 0) until the cumulative cash flow reaches 0; NaN if never."""
    cumulative = np.cumsum(np.asarray(flows, dtype=float))
    for k in range(1, len(cumulative)):
        if cumulative[k] >= 0:
            previous = cumulative[k - 1]
            return (k - 1) + (-previous / (cumulative[k] - previous))
    return float("nan")


def cash_flows(capex_meur: float, margins_meur) -> np.ndarray:
    return np.concatenate([[-capex_meur], np.asarray(margins_meur, dtype=float)])


def operating_path(years: np.ndarray, values: np.ndarray, start_year: int,
                   lifetime: int = LIFETIME_YEARS) -> np.ndarray:
    """Values (…, T) over model years → (…, lifetime) over the operating years; after the model's last year the
    last value is held, before its first year the first."""
    wanted = np.arange(start_year, start_year + lifetime)
    index = np.clip(np.searchsorted(years, wanted), 0, len(years) - 1)
    index = np.where(wanted < years[0], 0, index)
    return values[..., index]


def triangular(rng: np.random.Generator, low: float, mode: float, high: float, size: int) -> np.ndarray:
    if high <= low:
        return np.full(size, mode, dtype=float)
    return rng.triangular(low, mode, high, size)


@dataclass(frozen=True)
class BusinessCaseInputs:
    years: np.ndarray                 # model years (T,)
    feedstock: np.ndarray             # catchment feedstock (D, T) t/yr
    recoverable: dict[str, np.ndarray]  # material → catchment recoverable (D, T) t/yr
    prices_usd_per_kg: dict[str, tuple[float, float, float]]  # material → (low, point, high) contained
    capacity_t: float
    start_year: int
    assumptions: tuple[Assumption, ...] = BATTERY_PRETREATMENT
    lifetime: int = LIFETIME_YEARS


def _draw_assumptions(inputs: BusinessCaseInputs, rng: np.random.Generator, draws: int) -> dict[str, np.ndarray]:
    out = {a.name: triangular(rng, a.low, a.mode, a.high, draws) for a in inputs.assumptions}
    for material, (low, point, high) in sorted(inputs.prices_usd_per_kg.items()):
        out[f"price:{material}"] = triangular(rng, min(low, point), point, max(high, point), draws)
    return out


def margins(inputs: BusinessCaseInputs, values: dict[str, np.ndarray], feed: np.ndarray,
            recoverable: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(throughput, margin in EUR million) over the operating years, (D, L), for drawn ``values`` (each (D,))."""
    throughput = np.minimum(feed, inputs.capacity_t)
    with np.errstate(divide="ignore", invalid="ignore"):
        revenue_per_t = np.zeros_like(feed)
        for material, tonnes in recoverable.items():
            if f"price:{material}" not in values:
                continue
            content = np.where(feed > 0, tonnes / feed, 0.0)
            eur_per_t = values[f"price:{material}"][:, None] * 1000.0 * values["eur_per_usd"][:, None]
            revenue_per_t = revenue_per_t + content * eur_per_t
    revenue = throughput * revenue_per_t * values["payable_fraction"][:, None]
    cost = throughput * (values["opex_eur_per_t"] + values["feed_cost_eur_per_t"])[:, None]
    return throughput, (revenue - cost) / 1e6


def run(inputs: BusinessCaseInputs, seed: int) -> dict:
    """Monte Carlo business case: bands of NPV, IRR, payback and yearly margin, plant-scale year and tornado."""
    draws = inputs.feedstock.shape[0]
    rng = np.random.default_rng(seed)
    values = _draw_assumptions(inputs, rng, draws)
    feed = operating_path(inputs.years, inputs.feedstock, inputs.start_year, inputs.lifetime)
    recoverable = {m: operating_path(inputs.years, v, inputs.start_year, inputs.lifetime)
                   for m, v in inputs.recoverable.items()}
    throughput, margin = margins(inputs, values, feed, recoverable)
    flows = [cash_flows(values["capex_meur"][d], margin[d]) for d in range(draws)]
    npvs = np.array([npv(values["discount_rate"][d], f) for d, f in enumerate(flows)])
    irrs = np.array([irr(f) for f in flows])
    paybacks = np.array([payback(f) for f in flows])
    operating_years = np.arange(inputs.start_year, inputs.start_year + inputs.lifetime)
    yearly = pd.DataFrame({"year": operating_years,
                           **{f"feed_p{p}": np.percentile(feed, p, axis=0) for p in PERCENTILES},
                           **{f"throughput_p{p}": np.percentile(throughput, p, axis=0) for p in PERCENTILES},
                           **{f"margin_p{p}_meur": np.percentile(margin, p, axis=0) for p in PERCENTILES}})
    return {
        "npv_meur": _bands(npvs), "irr": _bands(irrs), "payback_years": _bands(paybacks),
        "irr_undefined_share": float(np.mean(np.isnan(irrs))),
        "payback_never_share": float(np.mean(np.isnan(paybacks))),
        "yearly": yearly, "plant_scale_year": plant_scale_year(inputs.years, inputs.feedstock, inputs.capacity_t),
        "tornado": tornado(inputs, feed, recoverable), "draws": draws,
    }


def _bands(values: np.ndarray) -> dict[str, float]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return {f"p{p}": float("nan") for p in PERCENTILES}
    return {f"p{p}": float(np.percentile(finite, p)) for p in PERCENTILES}


def plant_scale_year(years: np.ndarray, feedstock: np.ndarray, capacity_t: float) -> dict[str, int | None]:
    """First model year in which the P5, P50 and P95 feedstock reach the plant's capacity (None: not by the end)."""
    out = {}
    for p in PERCENTILES:
        path = np.percentile(feedstock, p, axis=0)
        hit = np.nonzero(path >= capacity_t)[0]
        out[f"p{p}"] = int(years[hit[0]]) if hit.size else None
    return out


def tornado(inputs: BusinessCaseInputs, feed: np.ndarray, recoverable: dict[str, np.ndarray]) -> pd.DataFrame:
    """NPV (EUR million) with one input at its low and high end and everything else at its mode (prices at the
    published point), on the median feedstock path; sorted by swing, largest first."""
    median_feed = np.median(feed, axis=0)[None, :]
    median_rec = {m: np.median(v, axis=0)[None, :] for m, v in recoverable.items()}
    base = {a.name: np.array([a.mode]) for a in inputs.assumptions}
    ranges = {a.name: (a.low, a.high) for a in inputs.assumptions}
    for material, (low, point, high) in inputs.prices_usd_per_kg.items():
        base[f"price:{material}"] = np.array([point])
        ranges[f"price:{material}"] = (min(low, point), max(high, point))
    ranges["feedstock"] = (5, 95)

    def value(overrides: dict, feed_path=median_feed, rec=median_rec) -> float:
        drawn = {**base, **{k: np.array([v]) for k, v in overrides.items()}}
        _t, margin = margins(inputs, drawn, feed_path, rec)
        return npv(float(drawn["discount_rate"][0]), cash_flows(float(drawn["capex_meur"][0]), margin[0]))

    central = value({})
    rows = []
    for name, (low, high) in ranges.items():
        if name == "feedstock":
            ends = []
            for p in (low, high):
                path = np.percentile(feed, p, axis=0)[None, :]
                scale = np.where(median_feed > 0, path / median_feed, 0.0)
                ends.append(value({}, path, {m: v * scale for m, v in median_rec.items()}))
        else:
            ends = [value({name: low}), value({name: high})]
        rows.append({"input": name, "low": low, "high": high, "npv_at_low_meur": ends[0],
                     "npv_at_high_meur": ends[1], "swing_meur": abs(ends[1] - ends[0]), "npv_central_meur": central})
    return pd.DataFrame(rows).sort_values("swing_meur", ascending=False, ignore_index=True)
