"""Urban mine versus recycling capacity: end-of-life feedstock per stream, capacity gaps, plant-scale years.

The regional model (:mod:`crmradar.region.model`) gives, per Monte Carlo draw d, technology k and year t,
the units reaching end of life (MW, vehicles, kWh, kg) and the material content of what retires. This
module turns those into tonnes of recycling feedstock per stream s and compares them with capacity::

    feedstock[d, li_ion_batteries, t] = Σ_vehicles eol[d, k, t] · kWh_per_vehicle[d, k] · pack_kg_per_kWh[d]
                                        + Σ_stationary eol[d, k, t] · system_kg_per_kWh[d, k]
    feedstock[d, black_mass, t]       = feedstock[d, li_ion_batteries, t] · black_mass_yield
    feedstock[d, pv_modules, t]       = Σ_pv eol[d, k, t] · module_t_per_MW[d]
    feedstock[d, permanent_magnets, t] = Σ_(k, m ∈ Nd, Pr, Dy, Tb) eol_content[d, k, m, t] / rare_earth_fraction[d]
    feedstock[d, weee, t]             = eol[d, ict_electronics, t] · 1 kg/kg

    catchment feedstock               = Zuid-Holland feedstock · population(catchment) / population(Zuid-Holland)
    capacity gap[s, t]                = feedstock[s, t] − capacity[s]          (> 0: more feedstock than capacity)
    plant-scale year[s]               = first year with P50 feedstock ≥ minimum efficient scale (low/central/high)

Product masses (``product_masses`` table) are triangular and sampled once per draw with their own seeded
stream, independent of the model's numbers; kWh per vehicle uses the model's own draw of the component size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmradar.methods.sampling import Triangular, uniform_block
from crmradar.region.model import RegionModelSpec, RegionResult, _split, run

KG_PER_TONNE = 1000.0
PERCENTILES = (5, 50, 95)
MAGNET_MATERIALS = ("neodymium", "praseodymium", "dysprosium", "terbium")
#: Recoverable content assigned to the magnet stream: the rare earths plus the magnet's boron.
MAGNET_RECOVERABLE = (*MAGNET_MATERIALS, "boron")
VEHICLES = ("bev_car", "bev_van", "bev_bus", "bev_truck")
STATIONARY_BATTERIES = {"home_battery": "home_battery_system", "grid_battery": "grid_battery_system"}
PV_TECHNOLOGIES = ("solar_pv_residential", "solar_pv_commercial", "solar_pv_ground")
MAGNET_TECHNOLOGIES = ("wind_onshore", "wind_offshore", *VEHICLES)
WEEE_TECHNOLOGIES = ("ict_electronics",)
STREAMS = ("li_ion_batteries", "black_mass", "pv_modules", "permanent_magnets", "weee")
#: Regions (catchment_population.region_id) whose population makes up each catchment.
CATCHMENT_REGIONS: dict[str, tuple[str, ...]] = {"zh": ("NL36",), "nl": ("NL",), "nl-be-nrw": ("NL", "BE", "DEA")}
HOME_REGION = "NL36"
#: Seed offset of the product-mass numbers, so they never coincide with the model's own block.
PRODUCT_MASS_STREAM = 0x7265_6379


@dataclass(frozen=True)
class StreamFlows:
    """Per-draw Zuid-Holland flows in tonnes: ``feedstock[stream]`` (D, Tr) and
    ``recoverable[(stream, material)]`` (D, Tr)."""

    years: np.ndarray
    feedstock: dict[str, np.ndarray]
    recoverable: dict[tuple[str, str], np.ndarray]


def product_mass_draws(product_masses: pd.DataFrame, draws: int, seed: int) -> dict[str, np.ndarray]:
    """Triangular draws (D,) of every ``product_masses`` row, keyed by ``product_id``, in the row's unit.

    Rows without ``low``/``high`` are fixed at ``value``. The quantiles come from a generator seeded with
    ``(seed, PRODUCT_MASS_STREAM)`` in ``product_id`` order, so the draws depend only on the table and seed.
    """
    rows = product_masses.sort_values("product_id").reset_index(drop=True)
    mode = rows["value"].to_numpy(dtype=float)
    low = rows["low"].astype(float).fillna(rows["value"].astype(float)).to_numpy()
    high = rows["high"].astype(float).fillna(rows["value"].astype(float)).to_numpy()
    bad = np.flatnonzero((low > mode) | (mode > high))
    if bad.size:
        row = rows.iloc[bad[0]]
        raise ValueError(f"product_masses row {row['product_id']!r}: needs low ≤ value ≤ high")
    u = np.random.default_rng([seed, PRODUCT_MASS_STREAM]).random((draws, len(rows)))
    values = Triangular.of(low, mode, high).ppf(u)
    return {pid: values[:, i] for i, pid in enumerate(rows["product_id"])}


def battery_component(spec: RegionModelSpec, technology: str) -> int:
    """Index into ``spec.component_size`` of the battery (kWh per unit) of ``technology``.

    The battery is the component whose recipe entries carry lithium (the model's other vehicle component,
    the motor, has none).
    """
    k = spec.technologies.index(technology)
    lithium = spec.materials.index("lithium")
    rows = (spec.entry_technology == k) & (spec.entry_component >= 0)
    rows &= spec.intensity_material[spec.entry_intensity] == lithium
    found = np.unique(spec.entry_component[rows])
    if len(found) != 1:
        raise ValueError(f"{technology}: expected one battery component with lithium, found {len(found)}")
    return int(found[0])


def component_size_draws(spec: RegionModelSpec, uniforms: np.ndarray) -> np.ndarray:
    """(D, C) component sizes (e.g. kWh per car) of the draws run with ``uniforms`` — the model's own draw."""
    return spec.component_size.ppf(_split(spec, uniforms)["component"])


def stream_flows(
    result: RegionResult, spec: RegionModelSpec, uniforms: np.ndarray, masses: dict[str, np.ndarray]
) -> StreamFlows:
    """Feedstock and recoverable material per stream in t/yr per draw (module docstring formulas).

    ``result`` must come from ``run(spec, uniforms=uniforms, keep_pairs=True)``; ``masses`` from
    :func:`product_mass_draws` with the same number of draws.
    """
    if not result.by_pair:
        raise ValueError("the model run must keep technology × material pairs (keep_pairs=True)")
    eol = result.units_end_of_life.astype(np.float64)  # (D, K, Tr)
    k = {name: i for i, name in enumerate(result.technologies)}
    sizes = component_size_draws(spec, uniforms)
    batteries = np.zeros(eol[:, 0, :].shape)
    for vehicle in VEHICLES:
        kwh = sizes[:, battery_component(spec, vehicle)]
        batteries += eol[:, k[vehicle], :] * (kwh * masses["traction_battery_pack"])[:, None]
    for technology, product in STATIONARY_BATTERIES.items():
        batteries += eol[:, k[technology], :] * masses[product][:, None]
    feedstock = {
        "li_ion_batteries": batteries / KG_PER_TONNE,
        "pv_modules": sum(eol[:, k[t], :] for t in PV_TECHNOLOGIES) * masses["pv_module"][:, None],
        "weee": sum(eol[:, k[t], :] for t in WEEE_TECHNOLOGIES) * masses["ict_weee"][:, None] / KG_PER_TONNE,
    }
    feedstock["black_mass"] = feedstock["li_ion_batteries"] * masses["black_mass_yield"][:, None]
    recoverable = _recoverable_by_stream(result)
    rare_earths = _pair_sum(result, "end_of_life", MAGNET_TECHNOLOGIES, MAGNET_MATERIALS)
    feedstock["permanent_magnets"] = rare_earths / masses["ndfeb_rare_earth_fraction"][:, None] / KG_PER_TONNE
    return StreamFlows(years=np.asarray(result.years), feedstock=feedstock, recoverable=recoverable)


def simulate_streams(
    spec: RegionModelSpec, product_masses: pd.DataFrame, draws: int, seed: int, progress=None,
    report_years: tuple[int, int] = (2020, 2050),
) -> StreamFlows:
    """Run the regional model with the seeded uniform block and return the stream flows (t/yr per draw)."""
    uniforms = uniform_block(seed, draws, spec.n_uniforms())
    result = run(spec, draws=draws, seed=seed, report_years=report_years, keep_pairs=True, uniforms=uniforms,
                 progress=progress)
    return stream_flows(result, spec, uniforms, product_mass_draws(product_masses, draws, seed))


def _pair_sum(result: RegionResult, metric: str, technologies, materials) -> np.ndarray:
    """Σ over pairs (technology ∈ technologies, material ∈ materials) of ``by_pair[metric]``, (D, Tr) kg."""
    names_t = np.array(result.technologies)[result.pair_technology]
    names_m = np.array(result.materials)[result.pair_material]
    keep = np.isin(names_t, technologies) & np.isin(names_m, materials)
    return result.by_pair[metric][:, keep, :].astype(np.float64).sum(axis=1)


def _recoverable_by_stream(result: RegionResult) -> dict[tuple[str, str], np.ndarray]:
    """Recoverable material (t/yr per draw) per stream and material; vehicle rare earths and boron count as
    magnets, everything else of a vehicle as battery (the motor's copper is a small share of the vehicle's)."""
    non_magnet = [m for m in result.materials if m not in MAGNET_RECOVERABLE]
    scopes = {
        "li_ion_batteries": ((*VEHICLES, *STATIONARY_BATTERIES), non_magnet),
        "pv_modules": (PV_TECHNOLOGIES, list(result.materials)),
        "permanent_magnets": (MAGNET_TECHNOLOGIES, list(MAGNET_RECOVERABLE)),
        "weee": (WEEE_TECHNOLOGIES, list(result.materials)),
    }
    names_t = np.array(result.technologies)[result.pair_technology]
    names_m = np.array(result.materials)[result.pair_material]
    out: dict[tuple[str, str], np.ndarray] = {}
    for stream, (technologies, materials) in scopes.items():
        for material in sorted(set(names_m[np.isin(names_t, technologies)]) & set(materials)):
            out[(stream, str(material))] = _pair_sum(result, "recoverable", technologies, [material]) / KG_PER_TONNE
    return out


def catchment_ratio(population: pd.DataFrame, catchment: str) -> float:
    """Population of ``catchment`` divided by the population of Zuid-Holland (dimensionless)."""
    if catchment not in CATCHMENT_REGIONS:
        raise ValueError(f"unknown catchment {catchment!r} (allowed: {', '.join(CATCHMENT_REGIONS)})")
    by_region = population.set_index("region_id")["population"].astype(float)
    missing = [r for r in (*CATCHMENT_REGIONS[catchment], HOME_REGION) if r not in by_region.index]
    if missing:
        raise ValueError(f"catchment_population has no row for region_id {', '.join(missing)}")
    return float(by_region[list(CATCHMENT_REGIONS[catchment])].sum() / by_region[HOME_REGION])


def percentile_frame(values: dict, years: np.ndarray, keys: tuple[str, ...], scale: float = 1.0) -> pd.DataFrame:
    """Long frame of P5/P50/P95 and mean over draws of each (D, Tr) array in ``values`` × ``scale``.

    ``keys`` names the columns that the dict keys (a string or a tuple) fill.
    """
    rows = []
    for key, draws in values.items():
        labels = key if isinstance(key, tuple) else (key,)
        q = np.percentile(draws * scale, PERCENTILES, axis=0)
        mean = (draws * scale).mean(axis=0)
        for i, year in enumerate(years):
            rows.append((*labels, int(year), *(float(x) for x in q[:, i]), float(mean[i])))
    return pd.DataFrame(rows, columns=[*keys, "year", "p5", "p50", "p95", "mean"])


def capacity_gap(feedstock: pd.DataFrame, capacity: pd.DataFrame, column: str = "capacity_t_per_year") -> pd.DataFrame:
    """Add ``capacity_t`` and ``gap_p5/p50/p95`` (t/yr) = feedstock percentile − capacity per stream.

    ``feedstock`` has ``input_stream, year, p5, p50, p95``; ``capacity`` has ``input_stream`` and ``column``
    (e.g. from :func:`crmradar.scenarios.facilities.capacity_by_stream`). A stream without a capacity row has
    capacity 0. Capacity is a fixed number, so the gap's percentiles are the feedstock's minus it.
    """
    lookup = capacity.set_index("input_stream")[column].astype(float)
    out = feedstock.copy()
    out["capacity_t"] = out["input_stream"].map(lookup).fillna(0.0)
    for p in PERCENTILES:
        out[f"gap_p{p}"] = out[f"p{p}"] - out["capacity_t"]
    return out


def threshold_year(years, values, threshold: float) -> int | None:
    """First year whose value is ≥ ``threshold`` (years ascending), or None if none is."""
    years, values = np.asarray(years), np.asarray(values, dtype=float)
    if np.any(np.diff(years) <= 0):
        raise ValueError("years must be strictly ascending")
    hits = np.flatnonzero(values >= threshold)
    return int(years[hits[0]]) if hits.size else None


def scale_years(feedstock: pd.DataFrame, plant_scale: pd.DataFrame) -> pd.DataFrame:
    """Per stream: minimum efficient scale (low/central/high, t/yr) and the year P50 feedstock first reaches
    each (``year_low``/``year_central``/``year_high``), plus the year P95 and P5 feedstock reach the central
    scale (early and late end of the Monte Carlo band). None where the scale is not reached by the last year;
    streams without a ``plant_scale`` row get no scale.
    """
    scales = plant_scale.drop_duplicates("input_stream").set_index("input_stream")
    rows = []
    for stream, group in feedstock.sort_values("year").groupby("input_stream", sort=True):
        row = {"input_stream": stream, "plant_type": None, "scale_low_t": np.nan, "scale_central_t": np.nan,
               "scale_high_t": np.nan}
        if stream in scales.index:
            s = scales.loc[stream]
            central = float(s["min_efficient_scale_t_per_year"])
            low = central if pd.isna(s["low"]) else float(s["low"])
            high = central if pd.isna(s["high"]) else float(s["high"])
            row.update(plant_type=s["plant_type"], scale_low_t=low, scale_central_t=central, scale_high_t=high)
            years = group["year"].to_numpy()
            row.update(
                year_low=threshold_year(years, group["p50"], low),
                year_central=threshold_year(years, group["p50"], central),
                year_high=threshold_year(years, group["p50"], high),
                year_central_p95=threshold_year(years, group["p95"], central),
                year_central_p5=threshold_year(years, group["p5"], central),
            )
        rows.append(row)
    out = pd.DataFrame(rows)
    for column in ("year_low", "year_central", "year_high", "year_central_p95", "year_central_p5"):
        out[column] = out[column].astype("Int64") if column in out else pd.array([pd.NA] * len(out), "Int64")
    return out
