"""EU criticality recomputed from the knowledge base, and the same assessment for a NUTS-2 region.

Glue between the data package (:func:`crmradar.data.load`) and the pure methods in
:mod:`crmradar.methods.criticality`, :mod:`crmradar.methods.criticality_uncertainty` and
:mod:`crmradar.region.economic_importance`. Official EU values are shown next to recomputed and
regional ones and are never overwritten.

Choices (see docs/validation.md for their effect):

* governance: the mean of the six WGI estimates for data year 2020 (WGI 2024 update), the year the 2023
  study most plausibly used. The study does not say which year it took in the sources reachable here;
  2022 values were published after the study, 2021 values cannot give the published SR 5.6 of the
  China-only heavy rare earths, and 2020 reproduces the most materials (docs/validation.md, "WGI year").
  Countries without a score raise an error rather than getting a silent default;
* WGI standard error for the Monte Carlo: the mean-of-six has no published standard error, so the
  Political Stability (PV) standard error of the same country and year is used — an assumption that
  overstates the error of a six-indicator mean; where PV has none, the median PV error;
* EU value added: ``nace_sectors.eu27_value_added_meur`` (EC 2023 study, Appendix 6), Q_max = the
  largest manufacturing division (C28, EUR 204 200 million).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmradar.data import KnowledgeBase
from crmradar.methods import criticality as crit
from crmradar.methods.criticality_uncertainty import build_arrays, criticality_probabilities
from crmradar.methods.governance_scaling import wgi_to_eu_scale
from crmradar.region.economic_importance import (
    RegionalDataError,
    largest_manufacturing_value_added,
    regional_economic_importance,
)
from crmradar.region.nuts import HOME_REGION, canonical_region, correspondence_of
from crmradar.region.value_added import division_value_added, estimate_sentence_nl

ASSESSMENT_YEAR = 2023
GOVERNANCE_INDICATOR = "mean6"
GOVERNANCE_YEAR = 2020
GOVERNANCE_SOURCE = "wb_wgi_2024"  # source id of the mean-of-six rows for GOVERNANCE_YEAR
STAGES = ("extraction", "processing")


def criticality_parameters(kb: KnowledgeBase, year: int = ASSESSMENT_YEAR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stage rows (material_id, stage, import_reliance, concentration_basis, supply_risk_stage,
    is_reported_stage) and material rows (eol_rir, si_sr, si_ei, supply_risk, economic_importance)."""
    inputs = kb.criticality_inputs.loc[kb.criticality_inputs["year"] == year]
    material = inputs.loc[inputs["stage"] == "all"].pivot_table(
        index="material_id", columns="parameter", values="value", aggfunc="first"
    )
    material.columns.name = None
    staged = inputs.loc[inputs["stage"].isin(STAGES)]
    stage_values = staged.pivot_table(
        index=["material_id", "stage"], columns="parameter", values="value", aggfunc="first"
    )
    stage_values.columns.name = None
    sr_rows = staged.loc[staged["parameter"] == "supply_risk_stage"].set_index(["material_id", "stage"])
    stages = stage_values.reindex(sr_rows.index).reset_index()
    stages["concentration_basis"] = sr_rows["concentration_basis"].to_numpy()
    stages["is_reported_stage"] = sr_rows["is_reported_stage"].astype("boolean").to_numpy()
    if "import_reliance" not in stages:
        stages["import_reliance"] = np.nan
    return stages, material


def governance(kb: KnowledgeBase, year: int = GOVERNANCE_YEAR) -> tuple[pd.Series, pd.Series]:
    """WGI estimate (mean of six, default ``GOVERNANCE_YEAR``) and the standard error used for it (see
    module docstring)."""
    table = kb.governance
    mean6 = table.loc[(table["indicator"] == GOVERNANCE_INDICATOR) & (table["year"] == year)]
    if mean6.empty:
        raise ValueError(f"governance table has no {GOVERNANCE_INDICATOR} rows for {year}")
    estimate = mean6.set_index("country_iso3")["estimate"].astype(float)
    pv = table.loc[(table["indicator"] == "pv") & (table["year"] == year)]
    error = pv.set_index("country_iso3")["standard_error"].astype(float).dropna()
    error = error.reindex(estimate.index).fillna(float(error.median()))
    return estimate, error


def official_values(kb: KnowledgeBase, year: int = ASSESSMENT_YEAR) -> pd.DataFrame:
    """Official SR/EI per material: Annex 4 (``criticality_official``) where listed, else the summary
    results table of the same study (``criticality_inputs``; single REEs and PGMs)."""
    annex = kb.criticality_official.loc[kb.criticality_official["year"] == year].set_index("material_id")
    _, material = criticality_parameters(kb, year)
    frame = pd.DataFrame(
        {
            "official_supply_risk": annex["supply_risk"].astype(float),
            "official_economic_importance": annex["economic_importance"].astype(float),
        }
    )
    frame["official_source"] = "criticality_official"
    summary = material[["supply_risk", "economic_importance"]].rename(
        columns={"supply_risk": "official_supply_risk", "economic_importance": "official_economic_importance"}
    )
    listed = frame.dropna(subset=["official_supply_risk", "official_economic_importance"], how="all")
    extra = summary.loc[~summary.index.isin(listed.index)].assign(official_source="criticality_inputs")
    return pd.concat([listed, extra])


def eu_value_added(kb: KnowledgeBase) -> tuple[pd.Series, float]:
    """EU-27 value added per NACE division (EUR million) and Q_max."""
    value_added = kb.nace_sectors.set_index("nace_code")["eu27_value_added_meur"].astype(float)
    return value_added, largest_manufacturing_value_added(value_added)


def recompute_eu(
    kb: KnowledgeBase, year: int = ASSESSMENT_YEAR, governance_year: int = GOVERNANCE_YEAR
) -> pd.DataFrame:
    """Recomputed SR (per stage and bottleneck) and EI next to the official values, per material.

    A material's SR is NaN unless every stage the study assessed can be computed; its EI is NaN
    unless it has SI_EI and every allocated end-use sector has EU value added.
    """
    stages, material = criticality_parameters(kb, year)
    estimate, _ = governance(kb, governance_year)
    wgi_scaled = pd.Series(wgi_to_eu_scale(estimate), index=estimate.index)
    hhi = crit.governance_weighted_hhi_table(kb.supply_shares, wgi_scaled)
    stages = stages.assign(
        eol_rir=stages["material_id"].map(material["eol_rir"]), si_sr=stages["material_id"].map(material["si_sr"])
    )
    by_stage = crit.supply_risk_by_stage(hhi, stages)
    wide = by_stage.set_index(["material_id", "stage"])["supply_risk"].unstack("stage")
    wide = wide.reindex(columns=list(STAGES)).add_prefix("sr_")
    wide.columns.name = None
    incomplete = by_stage.groupby("material_id")["supply_risk"].apply(lambda values: values.isna().any())
    result = wide.assign(supply_risk=by_stage.groupby("material_id")["supply_risk"].max())
    result.loc[incomplete[incomplete].index, "supply_risk"] = np.nan
    result["reported_stage"] = by_stage.loc[by_stage["is_reported_stage"].fillna(False).astype(bool)].set_index(
        "material_id"
    )["stage"]
    value_added, q_max = eu_value_added(kb)
    ei = crit.economic_importance_table(kb.end_uses, value_added, material["si_ei"].dropna(), q_max)
    result = result.join(ei, how="outer").join(official_values(kb, year), how="outer")
    result["delta_supply_risk"] = result["supply_risk"] - result["official_supply_risk"]
    result["delta_economic_importance"] = result["economic_importance"] - result["official_economic_importance"]
    result["critical_recomputed"] = crit.is_critical(result["supply_risk"], result["economic_importance"])
    result["critical_official"] = crit.is_critical(
        result["official_supply_risk"], result["official_economic_importance"]
    )
    result.index.name = "material_id"
    return result


def regional_assessment(
    kb: KnowledgeBase,
    region_code: str = HOME_REGION,
    value_added_table: pd.DataFrame | None = None,
    year: int | None = None,
    draws: int = 10_000,
    seed: int = 0,
    allow_missing_region: bool = False,
) -> pd.DataFrame:
    """Regional EI, EU SR and Monte Carlo probabilities per material, ranked for the region.

    ``value_added_table`` (rows region_code, nace_code, year, value_added_meur) replaces the
    package table ``regional_value_added``, so another NUTS-2 region needs only a data file.
    Columns: economic_importance_region, driving_sectors, missing_sectors, supply_risk (recomputed),
    p_supply_risk, p_economic_importance_region, p_critical_region, critical_region, and the EU
    official/recomputed values. Sorted: regionally critical first, then by P(critical), EI.
    With ``allow_missing_region`` a known region without value added per NACE division gives NaN regional
    columns and the reason in ``attrs["region_note"]`` instead of raising :class:`RegionalDataError`.
    A NUTS 2021 code listed as alias in ``nuts_correspondence`` (``NL33``) is computed as its NUTS 2024
    code (``NL36``); ``attrs["region_alias_note"]`` says so. ``attrs["estimate_note_nl"]`` is one Dutch
    sentence on what the regional EI estimates.
    """
    correspondence = correspondence_of(kb)
    requested = region_code
    region_code, alias_note = canonical_region(region_code, correspondence)
    table = kb["regional_value_added"] if value_added_table is None else value_added_table
    stages, material = criticality_parameters(kb, ASSESSMENT_YEAR)
    eu = recompute_eu(kb)
    region_note = ""
    region_basis = pd.DataFrame(columns=["value_added_meur", "basis", "note"])
    try:
        region_basis = division_value_added(table, region_code, year)
        region_va = region_basis["value_added_meur"].rename(f"{region_code} {region_basis.attrs['year']}")
        regional = regional_economic_importance(kb.end_uses, region_va, material["si_ei"].dropna())
    except RegionalDataError as error:
        if not allow_missing_region or region_code not in set(table["region_code"]):
            raise
        # Show the supply side and the EU columns anyway; every regional EI stays NaN (never 0).
        region_note = str(error)
        region_va = pd.Series(dtype=float, name=f"{region_code} {year or ''}".strip())
        regional = regional_economic_importance(
            kb.end_uses, region_va, material["si_ei"].dropna(), q_max=float("nan")
        )
    eu_va, eu_q_max = eu_value_added(kb)
    materials = sorted(set(stages["material_id"]) & set(material.index))
    estimate, error = governance(kb)
    arrays = build_arrays(
        materials,
        kb.supply_shares,
        estimate,
        error,
        stages,
        material,
        kb.end_uses,
        {"eu": (eu_va, eu_q_max), "region": (region_va, regional.attrs["q_max_meur"])},
    )
    probabilities = criticality_probabilities(arrays, draws=draws, seed=seed)
    result = pd.DataFrame(index=pd.Index(materials, name="material_id"))
    result["economic_importance_region"] = regional["economic_importance"]
    result["driving_sectors"] = regional["driving_sectors"]
    result["missing_sectors"] = regional["missing_sectors"]
    result["supply_risk"] = eu["supply_risk"]
    result["critical_region"] = crit.is_critical(result["supply_risk"], result["economic_importance_region"])
    for column in ("p_supply_risk", "p_economic_importance_region", "p_critical_region",
                   "p_economic_importance_eu", "p_critical_eu"):
        result[column] = probabilities[column]
    for column in ("economic_importance", "official_supply_risk", "official_economic_importance",
                   "critical_official", "critical_recomputed"):
        result[f"eu_{column}" if not column.startswith(("official", "critical")) else column] = eu[column]
    result = result.rename(columns={"economic_importance": "eu_economic_importance"})
    year_text = str(region_va.name).split()[-1]
    region_year = int(year_text) if year_text.isdigit() else None
    apportioned = region_basis.loc[region_basis["basis"] == "apportioned"]
    result.attrs.update(region_code=region_code, region_requested=requested, region_alias_note=alias_note,
                        region_year=region_year, region_note=region_note,
                        estimate_note_nl=estimate_sentence_nl(region_code, region_year, list(apportioned.index),
                                                              _assumed_national_rows(table, region_code,
                                                                                     region_year)),
                        apportioned_divisions={
                            str(code): str(note)
                            for code, note in region_basis.loc[region_basis["basis"] == "apportioned", "note"].items()
                        },
                        q_max_region_meur=regional.attrs["q_max_meur"], q_max_eu_meur=eu_q_max,
                        draws=draws, seed=seed)
    order = result.assign(
        _c=result["critical_region"],
        _p=result["p_critical_region"].fillna(-1),
        _e=result["economic_importance_region"].fillna(-1),
        _q=result["p_critical_eu"].fillna(-1),
        _s=result["supply_risk"].fillna(-1),
    )
    return result.loc[order.sort_values(["_c", "_p", "_e", "_q", "_s"], ascending=False).index]


def _assumed_national_rows(table: pd.DataFrame, region_code: str, year: int | None) -> list[str]:
    """NACE codes of the nation's rows for ``year`` that are ``quality = assumption`` (package table only)."""
    if year is None or "quality" not in table.columns:
        return []
    nation = table.loc[(table["region_code"] == region_code[:2]) & (table["year"].astype(int) == year)]
    return sorted(nation.loc[nation["quality"] == "assumption", "nace_code"].astype(str))
