"""Propagating an export-control shock to Zuid-Holland's technologies and to EU and regional sectors.

Technologies (pro-rata rationing, no substitution between a technology's inputs — Leontief):

    dependence[k, m, y]     = min(1, Σ shares of k's sub-technologies that contain m)   (CIGS in the PV mix: ~0.01)
    unmet[d, k, y]          = max over materials m that k uses (demand > 0) of
                              loss_NL[d, m, y] × dependence[k, m, y] × (1 − substitution)
    deployment_at_risk      = units_inflow[d, k, y] × unmet[d, k, y]            (MW, vehicles, kWh, units …)
    ZH unmet material       = demand_ZH[d, m, y] × loss_NL[d, m, y]                           (kg → t)

Sectors (end-use shares A and sector value added Q of the EC 2023 CRM study, the EI inputs of methods.md §1):

    VA_at_risk_EU[s, y]     = Q_s · min(1, max_m Σ_a∈(m,s) A_{m,a} · loss_EU[m, y])             EUR million
                              (applications a of one material add up; across materials the largest counts,
                              so magnets holding Nd, Dy and Tb are not counted three times)
    VA_at_risk_ZH[s, y]     = VA_at_risk_EU[s, y] × ZH/NL value added × NL/EU value added × structure

The ZH line is an exposure indicator, not a GDP loss: Zuid-Holland's value added by NACE division is not
in the data package, so the EU figure is scaled by Zuid-Holland's share of EU value added (CBS regional
accounts for ZH/NL; NL/EU and the structure factor are assumptions with ranges).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmradar.methods.sampling import uniform_block
from crmradar.scenarios.shock import (
    SPILLOVER,
    Parameter,
    Shock,
    ShockError,
    eu_sourcing_share,
    exposure_by_year,
    nl_import_share,
    reaches,
)

NL_SHARE_OF_EU = Parameter("nl_share_of_eu_value_added", 0.05, 0.06, 0.07, "fraction", "cbs_2019_european_scale",
                           "assumption", "CBS: the Netherlands makes almost 5 % of EU-28 GDP (2019); without the "
                                         "United Kingdom and after faster Dutch growth about 6 % of EU27")
ZH_STRUCTURE = Parameter("zh_sector_structure_factor", 0.5, 1.0, 1.5, "dimensionless", "crmradar_shock_estimate",
                         "assumption", "ZH's mix of CRM-using sectors relative to the EU average; unknown because "
                                       "ZH value added per NACE division is not published in the package")
PERCENTILES = (5, 50, 95)
SECTIONS = ("supply", "zh_material", "zh_deployment", "eu_value_added", "zh_value_added")


@dataclass
class ShockDraws:
    """Sampled supply losses of one shock on the model years."""

    years: np.ndarray  # (T,)
    materials: tuple[str, ...]  # (M,) shock materials
    eu_loss: np.ndarray  # (D, M, T) fraction of annual EU supply lost in each year
    nl_loss: np.ndarray  # (D, M, T)
    eu_rate: np.ndarray  # (D, M) loss while the shock bites (before the exposure in months)
    nl_rate: np.ndarray  # (D, M)
    exposed_months: dict[str, float]  # material → months in the model years without stockpile cover
    nl_basis: dict[str, str]
    assumptions: list[dict]
    caveats: list[str]
    unquantified: frozenset[str] = frozenset()  # materials without supply shares: no loss computed


def sample_shock(shock: Shock, kb, years: np.ndarray, draws: int, seed: int) -> ShockDraws:
    """Monte Carlo draws of the EU and NL supply loss of ``shock`` (formula in :mod:`crmradar.scenarios.shock`)."""
    rows = shock.rows
    u = uniform_block(seed, draws, 2 * len(rows) + 2)
    rerouting = shock.rerouting.triangular().ppf(u[:, -2])
    spillover = SPILLOVER.triangular().ppf(u[:, -1])
    materials = shock.materials
    eu_rate = np.zeros((draws, len(materials)))
    nl_rate = np.zeros_like(eu_rate)
    eu_loss = np.zeros((draws, len(materials), len(years)))
    nl_loss = np.zeros_like(eu_loss)
    exposed, nl_basis, caveats, unquantified = {}, {}, [], set()
    used: dict[str, dict] = {shock.rerouting.name: shock.rerouting.describe()}
    for r, row in enumerate(rows):
        m = materials.index(row.material)
        exposure = exposure_by_year(row.start, row.end, shock.stockpile_months, years)
        exposed[row.material] = exposed.get(row.material, 0.0) + float(exposure.sum() * 12.0)
        if row.stage == "technology":
            continue
        stage = "processing" if row.stage == "product" else row.stage
        try:
            eu_share, basis = _share_for(kb, row, stage, shock.lenient, caveats)
        except _UnquantifiedError:
            unquantified.add(row.material)
            continue
        fraction = row.fraction.triangular().ppf(u[:, 2 * r])
        used[row.fraction.name] = row.fraction.describe()
        eu_share_draws = eu_share.triangular().ppf(u[:, 2 * r + 1])
        used[eu_share.name] = eu_share.describe()
        baci = nl_import_share(kb, row.material, row.country)
        if baci is None:
            nl_share_draws = eu_share_draws
            nl_basis[row.material] = f"EU {basis} share (no Dutch imports of {row.material} in trade_flows)"
        else:
            nl_share_draws = np.full(draws, baci[0])
            nl_basis[row.material] = f"CEPII BACI Dutch import share {baci[1]}"
        eu_reach = np.ones(draws) if reaches(row.targets, "EU27") else spillover
        nl_reach = np.ones(draws) if reaches(row.targets, "NLD") else spillover
        if not reaches(row.targets, "EU27"):
            used[SPILLOVER.name] = SPILLOVER.describe()
        keep_rate = fraction * (1.0 - rerouting)
        eu_rate[:, m] += eu_share_draws * eu_reach * keep_rate
        nl_rate[:, m] += nl_share_draws * nl_reach * keep_rate
        eu_loss[:, m, :] += eu_share_draws[:, None] * (eu_reach * keep_rate)[:, None] * exposure[None, :]
        nl_loss[:, m, :] += nl_share_draws[:, None] * (nl_reach * keep_rate)[:, None] * exposure[None, :]
    for array in (eu_rate, nl_rate, eu_loss, nl_loss):
        np.clip(array, 0.0, 1.0, out=array)
    for material in unquantified:
        # a rate we could not compute is unknown, not zero (the loss arrays stay 0: nothing propagates)
        eu_rate[:, materials.index(material)] = np.nan
        nl_rate[:, materials.index(material)] = np.nan
    return ShockDraws(years=np.asarray(years), materials=materials, eu_loss=eu_loss, nl_loss=nl_loss,
                      eu_rate=eu_rate, nl_rate=nl_rate, exposed_months=exposed, nl_basis=nl_basis,
                      assumptions=list(used.values()), caveats=caveats, unquantified=frozenset(unquantified))


class _UnquantifiedError(Exception):
    pass


def _share_for(kb, row, stage: str, lenient: bool, caveats: list[str]) -> tuple[Parameter, str]:
    """EU sourcing share at ``stage``; for lenient (register) shocks the other stage, else not quantified."""
    try:
        return eu_sourcing_share(kb, row.material, stage, row.country)
    except ShockError:
        if not lenient:
            raise
    other = "extraction" if stage == "processing" else "processing"
    try:
        found = eu_sourcing_share(kb, row.material, other, row.country)
    except ShockError:
        caveats.append(f"{row.material}: no supply shares in supply_shares; supply loss not quantified")
        raise _UnquantifiedError from None
    caveats.append(f"{row.material}: no {stage}-stage shares; replayed on {other}-stage shares")
    return found


def loss_on_model_materials(loss: np.ndarray, shock_materials: tuple[str, ...],
                            model_materials: tuple[str, ...]) -> np.ndarray:
    """(D, M_shock, T) → (D, M_model, T); materials the shock does not touch get zero loss."""
    out = np.zeros((loss.shape[0], len(model_materials), loss.shape[2]))
    for i, material in enumerate(shock_materials):
        if material in model_materials:
            out[:, model_materials.index(material), :] = loss[:, i, :]
    return out


def material_dependence(spec, years: np.ndarray) -> np.ndarray:
    """(Q, T) share of a technology's units that contain the pair's material, at ``years``.

    Sum of the mix shares of the recipe entries of the pair, capped at 1: a material used only in CIGS
    modules concerns the CIGS share of PV, a material of a non-mixed part concerns every unit.
    """
    columns = np.searchsorted(spec.years, years)
    n_materials = len(spec.materials)
    pair_codes = spec.pair_technology * n_materials + spec.pair_material
    entry_codes = spec.entry_technology * n_materials + spec.intensity_material[spec.entry_intensity]
    dependence = np.zeros((len(pair_codes), len(years)))
    np.add.at(dependence, np.searchsorted(pair_codes, entry_codes), spec.entry_share[:, columns])
    return np.minimum(dependence, 1.0)


def unmet_share_by_technology(pair_demand: np.ndarray, pair_technology: np.ndarray, pair_material: np.ndarray,
                              dependence: np.ndarray, loss: np.ndarray, n_technologies: int,
                              substitution: float) -> np.ndarray:
    """(D, K, T) share of each technology's deployment that cannot be built: the largest unmet share of
    any material it uses in that draw and year (loss × dependence), reduced by substitution.
    ``loss`` is (D, M_model, T), ``dependence`` (Q, T)."""
    per_pair = loss[:, pair_material, :] * dependence[None, :, :] * (1.0 - substitution)
    per_pair = np.where(pair_demand > 0, per_pair, 0.0)
    unmet = np.zeros((pair_demand.shape[0], n_technologies, pair_demand.shape[2]))
    for k in range(n_technologies):
        columns = pair_technology == k
        if columns.any():
            unmet[:, k, :] = per_pair[:, columns, :].max(axis=1)
    return unmet


def sector_value_added_at_risk(kb, materials: tuple[str, ...], loss: np.ndarray) -> tuple[list[str], list[str],
                                                                                            np.ndarray]:
    """EU27 value added at risk per NACE sector, (D, S, T) EUR million per year, with codes and labels.

    VA_s = Q_s · min(1, max_m Σ_a A_{m,a,s} · loss[m]) over end-use rows a of the shock materials.
    """
    uses = kb.end_uses.loc[kb.end_uses["material_id"].isin(materials) & kb.end_uses["nace_code"].notna()]
    sectors = kb.nace_sectors.set_index("nace_code")
    codes = sorted(uses["nace_code"].unique())
    value = np.zeros((loss.shape[0], len(codes), loss.shape[2]))
    capacity = np.zeros(len(codes))
    labels = []
    for s, code in enumerate(codes):
        rows = uses.loc[uses["nace_code"] == code]
        q = rows["sector_value_added_meur"].dropna()
        if not q.empty:
            capacity[s] = float(q.iloc[0])
        elif code in sectors.index:
            capacity[s] = float(sectors.loc[code, "eu27_value_added_meur"])
        labels.append(str(rows["nace_label"].iloc[0]))
        for material, uses_of_material in rows.groupby("material_id"):
            share = float(uses_of_material["share"].sum())
            exposed = np.minimum(share * loss[:, materials.index(material), :], 1.0)
            value[:, s, :] = np.maximum(value[:, s, :], exposed)
    return codes, labels, value * capacity[None, :, None]


def zh_share_of_eu(kb, draws: int, seed: int) -> tuple[np.ndarray, dict]:
    """Per-draw ZH share of EU value added: ZH/NL (Eurostat, latest common year) × NL/EU × structure factor."""
    regional = kb.regional_value_added
    total = regional.loc[regional["nace_code"] == "A-U"]
    zh = total.loc[total["region_code"] == "NL36"].set_index("year")["value_added_meur"]
    nl = total.loc[total["region_code"] == "NL"].set_index("year")["value_added_meur"]
    common = sorted(set(zh.index) & set(nl.index))
    if not common:
        raise ShockError("regional_value_added: no year with both NL36 and NL totals (nace_code A-U)")
    year = common[-1]
    zh_nl = float(zh[year] / nl[year])
    u = uniform_block(seed, draws, 2)
    share = zh_nl * NL_SHARE_OF_EU.triangular().ppf(u[:, 0]) * ZH_STRUCTURE.triangular().ppf(u[:, 1])
    info = {"zh_share_of_nl_value_added": round(zh_nl, 4), "year": int(year),
            "source": "regional_value_added (Eurostat)",
            "scaling": [NL_SHARE_OF_EU.describe(), ZH_STRUCTURE.describe()]}
    return share, info


def _row(section: str, item: str, unit: str, values: np.ndarray) -> dict:
    p5, p50, p95 = np.percentile(values, PERCENTILES)
    return {"section": section, "item": item, "unit": unit, "p5": float(p5), "p50": float(p50), "p95": float(p95)}


def shock_summary(shock: Shock, sampled: ShockDraws, result, kb, zh_share: np.ndarray,
                  dependence: np.ndarray) -> pd.DataFrame:
    """Long table (section, item, unit, p5, p50, p95) of one shock against one model run.

    Flows are totals over the shock's model years; shortfall rates are the loss while the shock bites.
    """
    if len(result.years) != len(sampled.years) or np.any(result.years != sampled.years):
        raise ValueError("shock draws and model result must use the same years")
    records = []
    for i, material in enumerate(sampled.materials):
        records.append(_row("supply", f"{material}: EU supply shortfall", "fraction of supply", sampled.eu_rate[:, i]))
        records.append(_row("supply", f"{material}: NL supply shortfall", "fraction of supply", sampled.nl_rate[:, i]))
        records.append(_row("supply", f"{material}: months without stockpile cover", "months",
                            np.array([sampled.exposed_months.get(material, 0.0)])))
    loss_model = loss_on_model_materials(sampled.nl_loss, sampled.materials, result.materials)
    demand = result.by_material["demand"].astype(np.float64)
    for material in sampled.materials:
        if material in result.materials and material not in sampled.unquantified:
            m = result.materials.index(material)
            unmet = (demand[:, m, :] * loss_model[:, m, :]).sum(axis=1) / 1000.0
            records.append(_row("zh_material", f"{material}: ZH demand not met", "t", unmet))
    unmet_share = unmet_share_by_technology(result.by_pair["demand"], result.pair_technology, result.pair_material,
                                            dependence, loss_model, len(result.technologies), shock.substitution)
    at_risk = (result.units_inflow * unmet_share).sum(axis=2)
    units = dict(zip(result.technologies, _units(kb, result.technologies), strict=True))
    for k, technology in enumerate(result.technologies):
        if unmet_share[:, k, :].max() > 0:
            records.append(_row("zh_deployment", technology, units[technology], at_risk[:, k]))
    quantified = [i for i, m in enumerate(sampled.materials) if m not in sampled.unquantified]
    codes, labels, eu_va = sector_value_added_at_risk(kb, tuple(sampled.materials[i] for i in quantified),
                                                      sampled.eu_loss[:, quantified, :])
    for s, (code, label) in enumerate(zip(codes, labels, strict=True)):
        records.append(_row("eu_value_added", f"{code} {label}", "EUR million", eu_va[:, s, :].sum(axis=1)))
    eu_total = eu_va.sum(axis=(1, 2)) if quantified else np.full(len(zh_share), np.nan)
    records.append(_row("eu_value_added", "total", "EUR million", eu_total))
    records.append(_row("zh_value_added", "total (EU × ZH share, assumption)", "EUR million", eu_total * zh_share))
    return pd.DataFrame.from_records(records)


def _units(kb, technologies: tuple[str, ...]) -> list[str]:
    table = kb.technologies.set_index("id")["unit"]
    return [str(table.get(t, "units")) for t in technologies]


def side_by_side(summaries: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per (section, item, unit), columns ``<shock> p5|p50|p95`` per shock (missing → NaN)."""
    keys = ["section", "item", "unit"]
    merged = None
    for label, frame in summaries.items():
        renamed = frame.rename(columns={p: f"{label} {p}" for p in ("p5", "p50", "p95")})
        merged = renamed if merged is None else merged.merge(renamed, on=keys, how="outer", sort=False)
    order = {section: i for i, section in enumerate(SECTIONS)}
    merged = merged.assign(_order=merged["section"].map(order)).sort_values(["_order", "item"], kind="stable")
    return merged.drop(columns="_order").reset_index(drop=True)
