"""EU criticality: supply risk (SR) and economic importance (EI) of a raw material.

Implements the 2017 methodology of the European Commission, used unchanged for the 2020 and 2023
EU lists of critical raw materials:

* European Commission (2017), *Methodology for establishing the EU list of critical raw materials –
  Guidelines*, doi:10.2873/769526.
* Blengini, G.A. et al. (2017), *Assessment of the methodology for establishing the EU list of
  critical raw materials – Background report*, JRC, EUR 28654, doi:10.2760/73303.

Supply risk, per supply-chain stage (extraction, processing)::

    HHI_WGI,t = sum_c S_c**2 * WGI_c * t_c
    SR = [HHI_GS * IR/2 + HHI_EUs * (1 - IR/2)] * (1 - EOL_RIR) * SI_SR

with ``S_c`` the share of country ``c`` as a fraction (so ``sum S_c**2`` is the plain HHI in 0–1),
``WGI_c`` the Worldwide Governance Indicators rescaled to 0–10 (10 = worst governance) and ``t_c``
the trade parameter (0.8 where the EU has a trade agreement with ``c``, 1 otherwise, above 1 where
``c`` restricts exports). GS is global supply, EUs the EU sourcing (domestic production plus
imports). The material's SR is the highest of its stages (the "bottleneck").

Economic importance::

    EI = sum_s A_s * Q_s / Q_max * 10 * SI_EI

with ``A_s`` the share of end uses allocated to NACE Rev. 2 division ``s``, ``Q_s`` that division's
value added and ``Q_max`` the value added of the largest manufacturing division (the scaling
constant that puts EI on 0–10). A material is critical when ``SR >= 1`` and ``EI >= 2.8``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

SR_THRESHOLD = 1.0
EI_THRESHOLD = 2.8
EI_SCALE = 10.0


def governance_weighted_hhi(shares: np.ndarray, wgi_scaled: np.ndarray, t: np.ndarray | float = 1.0) -> np.ndarray:
    """Governance- and trade-weighted Herfindahl–Hirschman index ``sum_c S_c² · WGI_c · t_c``.

    Parameters
    ----------
    shares : supply shares as fractions (0–1), countries on the last axis.
    wgi_scaled : governance on the 0–10 scale
        (:func:`crmradar.methods.governance_scaling.wgi_to_eu_scale`), same shape or broadcastable.
    t : trade parameter (dimensionless), broadcastable: 0.8 where the EU has a trade agreement with the
        country, 1 otherwise, above 1 for export restrictions (the 2023 study publishes t per country and
        material in Appendix 7; values 1.1–1.5 occur).

    Returns
    -------
    HHI_WGI,t, dimensionless, 0–10 for t ≤ 1 (a monopoly of the worst-governed country gives 10).
    """
    shares = np.asarray(shares, dtype=float)
    if np.any(shares < 0) or np.any(shares > 1 + 1e-9):
        raise ValueError("shares must be fractions in [0, 1] (not percent)")
    return np.sum(shares**2 * np.asarray(wgi_scaled, dtype=float) * t, axis=-1)


def supply_risk(
    hhi_gs: np.ndarray | float,
    hhi_eus: np.ndarray | float,
    import_reliance: np.ndarray | float,
    eol_rir: np.ndarray | float,
    si_sr: np.ndarray | float,
) -> np.ndarray:
    """Supply risk of one stage: ``[HHI_GS·IR/2 + HHI_EUs·(1 − IR/2)] · (1 − EOL_RIR) · SI_SR``.

    Where only one of the two concentrations is known (the 2023 study marks such stages "GS only" or
    "EU only"), that one is used for both terms, i.e. ``SR = HHI · (1 − EOL_RIR) · SI_SR``; a missing
    import reliance is then irrelevant. All arguments broadcast (numpy rules).

    Parameters
    ----------
    hhi_gs, hhi_eus : HHI_WGI,t of global supply and of EU sourcing (dimensionless).
    import_reliance : EU net import reliance IR, fraction 0–1.
    eol_rir : end-of-life recycling input rate, fraction 0–1.
    si_sr : substitution index for supply risk, dimensionless 0–1.

    Returns
    -------
    SR, dimensionless (critical at ≥ 1.0).
    """
    gs = np.asarray(hhi_gs, dtype=float)
    eus = np.asarray(hhi_eus, dtype=float)
    gs, eus = np.where(np.isnan(gs), eus, gs), np.where(np.isnan(eus), gs, eus)
    ir = np.asarray(import_reliance, dtype=float)
    # With identical concentrations the IR weights sum to one, so a missing IR must not spoil SR.
    ir = np.where(np.isnan(ir) & (gs == eus), 0.0, ir)
    _check_fraction(ir, "import_reliance")
    _check_fraction(np.asarray(eol_rir, dtype=float), "eol_rir")
    concentration = gs * ir / 2.0 + eus * (1.0 - ir / 2.0)
    return concentration * (1.0 - np.asarray(eol_rir, dtype=float)) * np.asarray(si_sr, dtype=float)


def bottleneck_supply_risk(stage_supply_risks: Sequence[np.ndarray | float]) -> np.ndarray:
    """The material's SR: the highest SR over its assessed stages, ignoring unassessed (NaN) stages."""
    stacked = np.vstack([np.atleast_1d(np.asarray(sr, dtype=float)) for sr in stage_supply_risks])
    all_missing = np.all(np.isnan(stacked), axis=0)
    filled = np.where(np.isnan(stacked), -np.inf, stacked)
    result = np.where(all_missing, np.nan, filled.max(axis=0))
    return result if result.size > 1 else result.reshape(())


def economic_importance(
    end_use_shares: np.ndarray,
    sector_value_added: np.ndarray,
    si_ei: np.ndarray | float,
    q_max: float | None = None,
) -> np.ndarray:
    """Economic importance ``EI = sum_s A_s · Q_s / Q_max · 10 · SI_EI``.

    Parameters
    ----------
    end_use_shares : ``A``, fractions of the material's end uses per NACE division, sectors on the
        last axis (materials × sectors for many materials).
    sector_value_added : ``Q``, value added per sector (EUR million), shape (sectors,).
    si_ei : substitution index for EI (dimensionless 0–1), one per material.
    q_max : scaling constant ``Q_max`` in EUR million; default the largest ``Q``.

    Returns
    -------
    EI on the 0–10 scale (critical at ≥ 2.8).
    """
    shares = np.asarray(end_use_shares, dtype=float)
    value_added = np.asarray(sector_value_added, dtype=float)
    if np.any(value_added < 0):
        raise ValueError("sector value added must be non-negative")
    q_max = float(value_added.max()) if q_max is None else float(q_max)
    if not q_max > 0:
        raise ValueError("Q_max must be positive")
    return shares @ value_added / q_max * EI_SCALE * np.asarray(si_ei, dtype=float)


def is_critical(
    supply_risk_value: np.ndarray | float,
    economic_importance_value: np.ndarray | float,
    sr_threshold: float = SR_THRESHOLD,
    ei_threshold: float = EI_THRESHOLD,
) -> np.ndarray:
    """True where ``SR ≥ 1.0`` and ``EI ≥ 2.8`` (EC 2017 thresholds). NaN compares as not critical."""
    sr = np.asarray(supply_risk_value, dtype=float)
    ei = np.asarray(economic_importance_value, dtype=float)
    return (sr >= sr_threshold) & (ei >= ei_threshold)


def governance_weighted_hhi_table(
    supply_shares: pd.DataFrame,
    wgi_scaled: pd.Series,
    keys: Sequence[str] = ("material_id", "stage", "scope"),
    missing_wgi: float | None = None,
) -> pd.DataFrame:
    """HHI_WGI,t per group of a long supply-share table (vectorised with a groupby).

    Parameters
    ----------
    supply_shares : columns ``keys`` + ``country_iso3``, ``share`` (fraction), ``trade_parameter_t``.
        Rows for ``ROW`` ("other countries") are left out: the residual of many small producers adds
        almost nothing to a sum of squares, and treating it as one country would overstate it.
    wgi_scaled : 0–10 governance per ISO3 code.
    missing_wgi : value used for countries without a WGI score; ``None`` raises instead.

    Returns
    -------
    One row per group: ``keys``, ``hhi_wgi_t``, ``hhi`` (plain, 0–1), ``share_covered``.
    """
    shares = supply_shares.reset_index(drop=True)
    if "trade_parameter_t" not in shares:
        shares = shares.assign(trade_parameter_t=1.0)
    frame = shares.loc[shares["country_iso3"] != "ROW", [*keys, "country_iso3", "share", "trade_parameter_t"]].copy()
    frame["t"] = frame.pop("trade_parameter_t").fillna(1.0).astype(float)
    frame["wgi"] = frame["country_iso3"].map(wgi_scaled)
    missing = frame["wgi"].isna()
    if missing.any():
        if missing_wgi is None:
            codes = sorted(frame.loc[missing, "country_iso3"].unique())
            raise ValueError(f"no WGI score for countries {codes}; pass missing_wgi to use a default")
        frame.loc[missing, "wgi"] = missing_wgi
    share = frame["share"].astype(float)
    frame["hhi_wgi_t"] = share**2 * frame["wgi"] * frame["t"]
    frame["hhi"] = share**2
    frame["share_covered"] = share
    frame["n_missing_wgi"] = missing.astype(int)
    grouped = frame.groupby(list(keys), sort=True)[["hhi_wgi_t", "hhi", "share_covered", "n_missing_wgi"]]
    return grouped.sum().reset_index()


CONCENTRATION_BASES = ("gs_and_eus", "gs_only", "eus_only")


def supply_risk_by_stage(hhi_table: pd.DataFrame, stage_inputs: pd.DataFrame) -> pd.DataFrame:
    """SR per material and stage from an HHI table and the stage parameters (vectorised).

    Parameters
    ----------
    hhi_table : output of :func:`governance_weighted_hhi_table` with ``scope`` values
        ``global_supply`` and ``eu_sourcing``.
    stage_inputs : columns ``material_id``, ``stage``, ``import_reliance``, ``eol_rir``, ``si_sr``
        (fractions) and optionally ``concentration_basis`` (one of ``gs_and_eus``, ``gs_only``,
        ``eus_only``): the 2023 study used only one concentration for some stages, and so do we.

    Returns
    -------
    ``stage_inputs`` plus ``hhi_gs``, ``hhi_eus`` and ``supply_risk``.
    """
    wide = hhi_table.pivot_table(
        index=["material_id", "stage"], columns="scope", values="hhi_wgi_t", aggfunc="sum"
    )
    wide = wide.reindex(columns=["global_supply", "eu_sourcing"]).rename(
        columns={"global_supply": "hhi_gs", "eu_sourcing": "hhi_eus"}
    )
    wide.columns.name = None
    frame = stage_inputs.merge(wide.reset_index(), on=["material_id", "stage"], how="left")
    basis = frame.get("concentration_basis", pd.Series("gs_and_eus", index=frame.index)).fillna("gs_and_eus")
    unknown = sorted(set(basis) - set(CONCENTRATION_BASES))
    if unknown:
        raise ValueError(f"concentration_basis must be one of {CONCENTRATION_BASES}, got {unknown}")
    hhi_gs = frame["hhi_gs"].where(basis != "eus_only")
    hhi_eus = frame["hhi_eus"].where(basis != "gs_only")
    frame["supply_risk"] = supply_risk(
        hhi_gs.to_numpy(float),
        hhi_eus.to_numpy(float),
        frame["import_reliance"].to_numpy(float),
        frame["eol_rir"].to_numpy(float),
        frame["si_sr"].to_numpy(float),
    )
    return frame


def economic_importance_contributions(
    end_uses: pd.DataFrame, sector_value_added: pd.Series, si_ei: pd.Series, q_max: float
) -> pd.DataFrame:
    """Each sector's contribution ``A_s · Q_s / Q_max · 10 · SI_EI`` to a material's EI.

    Parameters
    ----------
    end_uses : columns ``material_id``, ``nace_code``, ``share`` (fraction). Rows without a NACE code
        (uses the study could not allocate) contribute nothing.
    sector_value_added : EUR million per NACE code.
    si_ei : SI_EI per material id.
    q_max : scaling constant in EUR million.

    Returns
    -------
    Columns ``material_id``, ``nace_code``, ``share``, ``value_added_meur``, ``contribution``; the
    contributions of a material sum to its EI. Sectors absent from ``sector_value_added`` get NaN
    value added and contribution, so callers can see the gap.
    """
    if not q_max > 0:
        raise ValueError("Q_max must be positive")
    allocated = end_uses.loc[end_uses["nace_code"].notna() & (end_uses["nace_code"] != "")]
    frame = allocated.groupby(["material_id", "nace_code"], as_index=False)["share"].sum()
    frame["value_added_meur"] = frame["nace_code"].map(sector_value_added)
    frame["contribution"] = (
        frame["share"] * frame["value_added_meur"] / q_max * EI_SCALE * frame["material_id"].map(si_ei)
    )
    return frame


def economic_importance_table(
    end_uses: pd.DataFrame, sector_value_added: pd.Series, si_ei: pd.Series, q_max: float
) -> pd.Series:
    """EI per material id from a long end-use table (see :func:`economic_importance_contributions`).

    A material with a sector missing from ``sector_value_added`` gets NaN (never a silent zero).
    """
    contributions = economic_importance_contributions(end_uses, sector_value_added, si_ei, q_max)
    return contributions.groupby("material_id")["contribution"].sum(min_count=1).where(
        ~contributions["contribution"].isna().groupby(contributions["material_id"]).any()
    ).rename("economic_importance")


def _check_fraction(values: np.ndarray, name: str) -> None:
    finite = values[np.isfinite(values)]
    if np.any(finite < 0) or np.any(finite > 1):
        raise ValueError(f"{name} must be a fraction in [0, 1] (not percent)")
