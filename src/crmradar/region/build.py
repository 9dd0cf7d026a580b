"""Compile a validated scenario and the data package into a :class:`RegionModelSpec`.

Choices made here (reported in ``spec.metadata["assumptions"]`` and every output's metadata):

* Model years start in 1990 so that cohorts installed before the scenario's first anchor leave the stock
  at the right time. Before the first anchor an installed base follows ``deployment_history`` of the
  region (PV segments: the family total split by the segments' shares in the first anchor); without
  history it is assumed to have grown linearly from zero over the ten years before the first anchor.
  Per-capita quantities and drivers are held at their first value before the first anchor.
* Sub-technology shares and material intensities are interpolated linearly between their years and held
  constant outside them; shares are renormalised to sum to 1 per year.
* Lifetimes: the row with the latest ``cohort_from`` not after the cohort's year; its low/high mean
  lifetime becomes a ± scale on the time parameters.
* Collection and recycling rates: the technology's own rows, else its mix family's, else its components'
  families' rows; observed rates and estimates take precedence over legal targets, which are used (as if
  met from their year) only where nothing else is given; interpolated over years and held outside. A
  material without a recycling row has a recycling efficiency of 0 (no documented recovery route).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmradar.data import KnowledgeBase
from crmradar.methods.sampling import Triangular
from crmradar.region.model import RegionModelSpec
from crmradar.region.nuts import canonical_region, correspondence_of
from crmradar.region.scenario import Scenario

FIRST_MODEL_YEAR = 1990
HISTORY_RAMP_YEARS = 10


def _interp(years_from: np.ndarray, values: np.ndarray, years: np.ndarray) -> np.ndarray:
    order = np.argsort(years_from)
    return np.interp(years, years_from[order], values[order])


def _weights(anchor_years: list[int], years: np.ndarray) -> np.ndarray:
    """(len(anchor_years), T) linear interpolation weights, constant beyond the ends."""
    eye = np.eye(len(anchor_years))
    return np.stack([np.interp(years, anchor_years, eye[a]) for a in range(len(anchor_years))])


def _history_anchors(kb: KnowledgeBase, scenario: Scenario, tech: str, series: dict) -> list[dict]:
    first = series["trajectory"][0]
    history = kb.deployment_history
    techs = kb.technologies.set_index("id")
    region = canonical_region(scenario.data["region"], correspondence_of(kb))[0]
    rows = history.loc[(history["region"] == region) & (history["metric"] == "installed_stock")
                       & (history["year"] < first["year"])]
    own = rows.loc[rows["technology_id"] == tech]
    factor = 1.0
    family = techs.at[tech, "parent"] if tech in techs.index else None
    if own.empty and isinstance(family, str) and family:
        own = rows.loc[rows["technology_id"] == family]
        siblings = [t for t, s in scenario.data["technologies"].items()
                    if t in techs.index and techs.at[t, "parent"] == family]
        total = sum(scenario.data["technologies"][t]["trajectory"][0]["value"] for t in siblings)
        factor = first["value"] / total if total else 0.0
    anchors = []
    for row in own.sort_values("year").itertuples(index=False):
        low = row.low if pd.notna(row.low) else row.value
        high = row.high if pd.notna(row.high) else row.value
        anchors.append({"year": int(row.year), "value": row.value * factor, "low": low * factor,
                        "high": high * factor, "source": row.source_id})
    if not anchors and first["value"] > 0:
        anchors.append({"year": first["year"] - HISTORY_RAMP_YEARS, "value": 0.0, "low": 0.0, "high": 0.0,
                        "source": "assumption:linear_ramp"})
    if not anchors or anchors[0]["year"] > FIRST_MODEL_YEAR:
        anchors.insert(0, {"year": FIRST_MODEL_YEAR, "value": 0.0, "low": 0.0, "high": 0.0,
                           "source": "assumption:no_stock_1990"})
    return anchors


def _series_anchors(kb, scenario, tech: str | None, series: dict) -> list[dict]:
    trajectory = [dict(a) for a in series["trajectory"]]
    if series["quantity"] == "installed_stock" and tech is not None:
        return _history_anchors(kb, scenario, tech, series) + trajectory
    if series["quantity"] in ("put_on_market_per_capita", "population") and trajectory[0]["year"] > FIRST_MODEL_YEAR:
        held = dict(trajectory[0], year=FIRST_MODEL_YEAR, source="assumption:held_constant_backwards")
        return [held, *trajectory]
    if trajectory[0]["year"] > FIRST_MODEL_YEAR:
        return [{"year": FIRST_MODEL_YEAR, "value": 0.0, "low": 0.0, "high": 0.0, "source": "assumption:none"},
                *trajectory]
    return trajectory


def _shares(kb: KnowledgeBase, scenario: Scenario, family: str, years: np.ndarray) -> dict[str, np.ndarray]:
    choice = (scenario.data.get("mix") or {}).get(family, {})
    if "shares" in choice:
        anchors = choice["shares"]
        names = [k for k in anchors[0] if k not in ("year", "source", "note")]
        anchor_years = np.array([a["year"] for a in anchors], dtype=float)
        shares = {n: _interp(anchor_years, np.array([a[n] for a in anchors], dtype=float), years) for n in names}
        # sub-technologies listed for the family but not named get share 0, so that their recipe entries
        # exist and a substitution lever can move share to them without changing the spec's shapes
        listed = kb.technology_shares.loc[kb.technology_shares["technology_id"] == family, "sub_technology_id"]
        shares.update({n: np.zeros(len(years)) for n in sorted(set(listed) - set(names))})
    else:
        variant = choice.get("variant", "baseline")
        rows = kb.technology_shares
        rows = rows.loc[(rows["technology_id"] == family) & (rows["scenario"] == variant)]
        shares = {
            name: _interp(group["year"].to_numpy(float), group["value"].to_numpy(float), years)
            for name, group in rows.groupby("sub_technology_id")
        }
    total = np.sum(list(shares.values()), axis=0)
    return {name: np.divide(v, total, out=np.zeros_like(v), where=total > 0) for name, v in shares.items()}


def _knots(years_used: set, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Knot years (data years inside the model period plus its ends) and their (Y, T) weights."""
    knots = sorted({int(years[0]), int(years[-1])} | {int(y) for y in years_used if years[0] < y < years[-1]})
    return np.array(knots, dtype=float), _weights(knots, years)


def _intensity_series(kb: KnowledgeBase, sub_technology: str, years: np.ndarray) -> dict[str, tuple]:
    rows = kb.material_intensities.loc[kb.material_intensities["technology_id"] == sub_technology]
    out = {}
    for material, group in rows.groupby("material_id"):
        y = group["year"].to_numpy(float)
        value = group["value"].to_numpy(float)
        low = group["low"].fillna(group["value"]).to_numpy(float)
        high = group["high"].fillna(group["value"]).to_numpy(float)
        mid = _interp(y, value, years)
        out[material] = (np.minimum(_interp(y, low, years), mid), mid, np.maximum(_interp(y, high, years), mid))
    return out


def _recipes(kb: KnowledgeBase, tech: str) -> list[tuple[str | None, str, tuple | None]]:
    """(family or None, member sub-technology or the technology itself, size triangle or None)."""
    techs = kb.technologies
    row = techs.loc[techs["id"] == tech].iloc[0]
    recipes: list[tuple[str | None, str, tuple | None]] = []
    if isinstance(row["mix"], str) and row["mix"]:
        recipes.append((row["mix"], "", None))
    if (kb.material_intensities["technology_id"] == tech).any():
        recipes.append((None, tech, None))
    components = techs.loc[(techs["kind"] == "component") & (techs["parent"] == tech)]
    for comp in components.itertuples(index=False):
        low = comp.low if pd.notna(comp.low) else comp.size
        high = comp.high if pd.notna(comp.high) else comp.size
        recipes.append((comp.mix, comp.id, (low, comp.size, high)))
    return recipes


def _lifetime(kb: KnowledgeBase, tech: str, years: np.ndarray):
    techs = kb.technologies.set_index("id")
    table = kb.lifetimes
    rows = table.loc[table["technology_id"] == tech]
    if rows.empty and isinstance(techs.at[tech, "mix"], str):
        rows = table.loc[table["technology_id"] == techs.at[tech, "mix"]]
    if rows.empty:
        raise ValueError(f"no lifetime for technology '{tech}' in the lifetimes table")
    rows = rows.sort_values("cohort_from")
    kind = rows["distribution"].iloc[-1].lower()
    index = np.clip(np.searchsorted(rows["cohort_from"].to_numpy(), years, side="right") - 1, 0, len(rows) - 1)
    if kind == "weibull":
        a, b = rows["shape"].to_numpy(float)[index], rows["scale"].to_numpy(float)[index]
    elif kind in ("normal", "lognormal"):
        a, b = rows["mean"].to_numpy(float)[index], rows["std"].to_numpy(float)[index]
    else:
        a, b = rows["value"].to_numpy(float)[index], np.zeros(len(years))
    last = rows.iloc[-1]
    central = last["value"] if pd.notna(last["value"]) else 1.0
    low = last["low"] / central if pd.notna(last["low"]) else 1.0
    high = last["high"] / central if pd.notna(last["high"]) else 1.0
    return kind, a, b, (min(low, 1.0), 1.0, max(high, 1.0))


def _rate(kb, lookups: list[str], material: str | None, stage: str, years: np.ndarray, default: float):
    rates = kb.recovery_rates
    for lookup in lookups:
        rows = rates.loc[(rates["technology_id"] == lookup) & (rates["stage"] == stage)]
        rows = rows.loc[rows["material_id"].isna()] if material is None else rows.loc[rows["material_id"] == material]
        # observed rates and estimates describe what happens; legal targets only where nothing else exists
        measured = rows.loc[rows["basis"].isin(["observed", "estimate"])]
        rows = measured if not measured.empty else rows
        if not rows.empty:
            rows = rows.groupby("year", as_index=False).agg({"value": "mean", "low": "min", "high": "max"})
            y = rows["year"].to_numpy(float)
            mid = _interp(y, rows["value"].to_numpy(float), years)
            low = _interp(y, rows["low"].fillna(rows["value"]).to_numpy(float), years)
            high = _interp(y, rows["high"].fillna(rows["value"]).to_numpy(float), years)
            return np.minimum(low, mid), mid, np.maximum(high, mid), lookup
    flat = np.full(len(years), default)
    return flat, flat, flat, None


def build_spec(scenario: Scenario, kb: KnowledgeBase) -> RegionModelSpec:
    """The numeric model inputs for ``scenario`` (see the module docstring for the choices made)."""
    start, end = scenario.years
    years = np.arange(FIRST_MODEL_YEAR, end + 1)
    techs = kb.technologies.set_index("id")
    names = list(scenario.data["technologies"])
    anchors, weights, drivers_w, is_stock, driver_base = [], [], [], [], np.ones((len(names), len(years)))
    driver_series = (scenario.data.get("drivers") or {}).get("population")
    for k, tech in enumerate(names):
        series = scenario.data["technologies"][tech]
        is_stock.append(series["quantity"] == "installed_stock")
        tech_anchors = _series_anchors(kb, scenario, tech, series)
        w = _weights([a["year"] for a in tech_anchors], years)
        for a, anchor in enumerate(tech_anchors):
            anchors.append(anchor)
            full = np.zeros((len(names), len(years)))
            full[k] = w[a]
            weights.append(full)
            drivers_w.append(np.zeros((len(names), len(years))))
        if series["quantity"] == "put_on_market_per_capita":
            driver_base[k] = 0.0
            driver_anchors = _series_anchors(kb, scenario, None, driver_series)
            dw = _weights([a["year"] for a in driver_anchors], years)
            for a, anchor in enumerate(driver_anchors):
                anchors.append(anchor)
                weights.append(np.zeros((len(names), len(years))))
                full = np.zeros((len(names), len(years)))
                full[k] = dw[a]
                drivers_w.append(full)
    anchor_dist = Triangular.of(*(np.array([a[key] for a in anchors], dtype=float) for key in ("low", "value", "high")))
    # Recipes: entries (technology, sub-technology × material series, share, component size)
    series_index: dict[tuple[str, str], int] = {}
    intensity_low, intensity_mid, intensity_high, intensity_material = [], [], [], []
    entries, sizes, materials = [], [], []
    cache: dict[str, dict] = {}
    for k, tech in enumerate(names):
        for family, member, size in _recipes(kb, tech):
            component = -1
            if size is not None:
                sizes.append(size)
                component = len(sizes) - 1
            members = _shares(kb, scenario, family, years) if family else {member: np.ones(len(years))}
            for sub, share in members.items():
                if sub not in cache:
                    cache[sub] = _intensity_series(kb, sub, years)
                for material, (low, mid, high) in cache[sub].items():
                    if (sub, material) not in series_index:
                        series_index[(sub, material)] = len(intensity_mid)
                        intensity_low.append(low)
                        intensity_mid.append(mid)
                        intensity_high.append(high)
                        intensity_material.append(material)
                    entries.append((k, series_index[(sub, material)], component, share))
                    if material not in materials:
                        materials.append(material)
    materials = sorted(materials)
    material_index = {m: i for i, m in enumerate(materials)}
    used_subs = {s for s, _m in series_index}
    intensity_years = set(kb.material_intensities.loc[kb.material_intensities["technology_id"].isin(used_subs), "year"])
    intensity_knots, intensity_weights = _knots(intensity_years, years)
    at_knots = np.searchsorted(years, intensity_knots)
    entry_tech = np.array([e[0] for e in entries])
    entry_series = np.array([e[1] for e in entries])
    series_material = np.array([material_index[m] for m in intensity_material])
    codes = np.unique(entry_tech * len(materials) + series_material[entry_series])
    pair_tech, pair_mat = codes // len(materials), codes % len(materials)
    lifetimes = [_lifetime(kb, tech, years) for tech in names]
    collection, recycling, assumptions = [], [], []
    for tech in names:
        lookups = [tech] + [f for f, _m, _s in _recipes(kb, tech) if f]
        low, mid, high, used = _rate(kb, lookups, None, "collection", years, 0.0)
        collection.append((low, mid, high))
        if used is None:
            assumptions.append(f"{tech}: no collection rate in recovery_rates, 0 assumed")
    for k, m in zip(pair_tech, pair_mat, strict=True):
        lookups = [names[k]] + [f for f, _m, _s in _recipes(kb, names[k]) if f]
        recycling.append(_rate(kb, lookups, materials[m], "recycling_efficiency", years, 0.0)[:3])
    rate_knots, rate_weights = _knots(set(kb.recovery_rates["year"]), years)
    rate_at = np.searchsorted(years, rate_knots)
    size_dist = Triangular.of(*(np.array([s[i] for s in sizes], dtype=float) for i in range(3)))
    return RegionModelSpec(
        years=years,
        technologies=tuple(names),
        deployment_unit=tuple(techs.at[t, "unit"] for t in names),
        deployment_is_stock=np.array(is_stock),
        anchors=anchor_dist,
        anchor_weights=np.stack(weights),
        driver_weights=np.stack(drivers_w),
        driver_base=driver_base,
        materials=tuple(materials),
        intensity=Triangular.of(*(np.array(v)[:, at_knots] for v in (intensity_low, intensity_mid, intensity_high))),
        intensity_knots=intensity_weights,
        intensity_material=series_material,
        entry_technology=entry_tech,
        entry_intensity=entry_series,
        entry_component=np.array([e[2] for e in entries]),
        entry_share=np.array([e[3] for e in entries]),
        component_size=size_dist,
        lifetime_kind=tuple(lt[0] for lt in lifetimes),
        lifetime_a=np.array([lt[1] for lt in lifetimes]),
        lifetime_b=np.array([lt[2] for lt in lifetimes]),
        lifetime_scale=Triangular.of(*(np.array([lt[3][i] for lt in lifetimes]) for i in range(3))),
        collection_rate=Triangular.of(*(np.array([c[i] for c in collection]) for i in range(3))),
        pair_technology=pair_tech,
        pair_material=pair_mat,
        recycling_efficiency=Triangular.of(*(np.array([r[i] for r in recycling])[:, rate_at] for i in range(3))),
        recycling_knots=rate_weights,
        metadata={"scenario": scenario.id, "region": scenario.data["region"],
                  "intensity_series": tuple(series_index), "assumptions": assumptions
                  + [__doc__.split("Choices made here")[1].strip()]},
    )
