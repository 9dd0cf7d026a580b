"""Monte Carlo uncertainty of EU-method criticality: P(SR ≥ 1), P(EI ≥ 2.8), P(critical).

The deterministic formulas are those of :mod:`crmradar.methods.criticality` (EC 2017 guidelines,
doi:10.2873/769526; Blengini et al. 2017, EUR 28654). Each draw perturbs the inputs independently:

* supply shares ``S_c``: uniform on ``[share − h, share + h]`` clipped at 0, with ``h`` the half
  rounding step of the published figure (or the published range, e.g. ``<0.1 %`` → [0, 0.1 %]);
* governance: the WGI estimate is normal with the published standard error, ``N(estimate, se)``,
  drawn once per country and draw (so all materials see the same country draw), then mapped to
  0–10 with ``10 · clip((2.5 − x)/5, 0, 1)``;
* import reliance (per stage), EOL-RIR, SI_SR, SI_EI: uniform on ``[low, high]``, clipped to [0, 1];
* end-use shares ``A_s``: uniform on ``[share − h, share + h]`` clipped at 0;
* trade parameters ``t`` and sector value added ``Q_s`` are fixed.

Several value-added vectors (e.g. EU-27 and a NUTS-2 region) are evaluated on the *same* draws, so
regional and EU probabilities are directly comparable (common random numbers).

The kernel :func:`simulate_chunk` is a pure function of ``(inputs, seed, chunk)``: its generator is
seeded with ``[seed, chunk]``, so a chunk gives the same numbers whether it runs alone or in a loop.
Arrays are (draws × entries) with entries = the non-zero (material, stage, scope, country)
combinations, which keeps 10 000 draws for ~90 materials in memory-friendly chunks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmradar.methods.criticality import EI_SCALE, EI_THRESHOLD, SR_THRESHOLD, supply_risk
from crmradar.methods.governance_scaling import wgi_to_eu_scale

STAGES = ("extraction", "processing")
SCOPES = ("global_supply", "eu_sourcing")
BASES = ("gs_and_eus", "gs_only", "eus_only")


@dataclass(frozen=True)
class CriticalityArrays:
    """Inputs of the criticality Monte Carlo as flat numpy arrays (build with :func:`build_arrays`).

    Shapes: M materials, C countries, E supply entries (sorted by group), G groups
    (material × stage × scope with at least one entry), U end-use entries (sorted by material),
    K value-added sets.
    """

    material_ids: np.ndarray  # (M,) str
    entry_group: np.ndarray  # (E,) int, non-decreasing
    entry_country: np.ndarray  # (E,) int
    entry_share: np.ndarray  # (E,) fraction
    entry_share_low: np.ndarray  # (E,) fraction
    entry_share_high: np.ndarray  # (E,) fraction
    entry_t: np.ndarray  # (E,) dimensionless
    group_material: np.ndarray  # (G,) int
    group_stage: np.ndarray  # (G,) int, index into STAGES
    group_scope: np.ndarray  # (G,) int, index into SCOPES
    wgi_estimate: np.ndarray  # (C,) WGI units
    wgi_standard_error: np.ndarray  # (C,) WGI units
    stage_assessed: np.ndarray  # (M, 2) bool
    stage_basis: np.ndarray  # (M, 2) int, index into BASES
    import_reliance_low: np.ndarray  # (M, 2) fraction
    import_reliance_high: np.ndarray  # (M, 2) fraction
    eol_rir_low: np.ndarray  # (M,) fraction
    eol_rir_high: np.ndarray  # (M,) fraction
    si_sr_low: np.ndarray  # (M,)
    si_sr_high: np.ndarray  # (M,)
    si_ei_low: np.ndarray  # (M,)
    si_ei_high: np.ndarray  # (M,)
    use_material: np.ndarray  # (U,) int, non-decreasing
    use_share_low: np.ndarray  # (U,) fraction
    use_share_high: np.ndarray  # (U,) fraction
    use_value_added: np.ndarray  # (K, U) EUR million
    q_max: np.ndarray  # (K,) EUR million
    value_added_names: tuple[str, ...]  # (K,)


@dataclass(frozen=True)
class ChunkResult:
    """Draws of one chunk: ``supply_risk`` (n, M) and ``economic_importance`` (n, K, M)."""

    supply_risk: np.ndarray
    economic_importance: np.ndarray


def _uniform(rng: np.random.Generator, low: np.ndarray, high: np.ndarray, n: int) -> np.ndarray:
    values = rng.random((n, *np.shape(low)))
    values *= high - low
    values += low
    return values


def _segment_sum(values: np.ndarray, sorted_index: np.ndarray, size: int) -> np.ndarray:
    """Sum ``values`` (n, E) over runs of equal ``sorted_index`` into (n, size); empty → NaN."""
    result = np.full((values.shape[0], size), np.nan)
    if sorted_index.size == 0:
        return result
    starts = np.flatnonzero(np.r_[True, sorted_index[1:] != sorted_index[:-1]])
    result[:, sorted_index[starts]] = np.add.reduceat(values, starts, axis=1)
    return result


def simulate_chunk(inputs: CriticalityArrays, seed: int, chunk: int, draws: int) -> ChunkResult:
    """Draw ``draws`` samples of SR and EI for every material (pure function of its arguments)."""
    rng = np.random.default_rng([seed, chunk])
    n_materials = inputs.material_ids.size
    n_groups = inputs.group_material.size

    # In-place arithmetic on the (draws × entries) block: it dominates time and memory traffic.
    terms = _uniform(rng, inputs.entry_share_low, inputs.entry_share_high, draws)
    np.clip(terms, 0.0, 1.0, out=terms)
    np.square(terms, out=terms)
    terms *= inputs.entry_t
    wgi_draw = inputs.wgi_estimate + inputs.wgi_standard_error * rng.standard_normal(
        (draws, inputs.wgi_estimate.size)
    )
    terms *= np.take(wgi_to_eu_scale(wgi_draw), inputs.entry_country, axis=1)
    hhi_group = _segment_sum(terms, inputs.entry_group, n_groups)

    hhi = np.full((draws, n_materials, len(STAGES), len(SCOPES)), np.nan)
    hhi[:, inputs.group_material, inputs.group_stage, inputs.group_scope] = hhi_group
    hhi_gs = np.where(inputs.stage_basis == BASES.index("eus_only"), np.nan, hhi[..., 0])
    hhi_eus = np.where(inputs.stage_basis == BASES.index("gs_only"), np.nan, hhi[..., 1])

    import_reliance = np.clip(_uniform(rng, inputs.import_reliance_low, inputs.import_reliance_high, draws), 0, 1)
    eol_rir = np.clip(_uniform(rng, inputs.eol_rir_low, inputs.eol_rir_high, draws), 0, 1)
    si_sr = np.clip(_uniform(rng, inputs.si_sr_low, inputs.si_sr_high, draws), 0, 1)
    stage_sr = supply_risk(hhi_gs, hhi_eus, import_reliance, eol_rir[..., None], si_sr[..., None])
    stage_sr = np.where(inputs.stage_assessed, stage_sr, -np.inf)
    material_sr = stage_sr.max(axis=-1)
    material_sr[~np.isfinite(material_sr)] = np.nan

    use_share = np.clip(_uniform(rng, inputs.use_share_low, inputs.use_share_high, draws), 0.0, 1.0)
    si_ei = np.clip(_uniform(rng, inputs.si_ei_low, inputs.si_ei_high, draws), 0, 1)
    ei = np.empty((draws, inputs.q_max.size, n_materials))
    for k in range(inputs.q_max.size):
        weighted = use_share * (inputs.use_value_added[k] / inputs.q_max[k] * EI_SCALE)
        ei[:, k, :] = _segment_sum(weighted, inputs.use_material, n_materials) * si_ei
    return ChunkResult(supply_risk=material_sr, economic_importance=ei)


def simulate(inputs: CriticalityArrays, draws: int, seed: int, chunk_size: int = 1000) -> ChunkResult:
    """All draws, chunk by chunk (chunk ``i`` holds draws ``i·chunk_size …``)."""
    if draws < 1 or chunk_size < 1:
        raise ValueError("draws and chunk_size must be positive")
    parts = [
        simulate_chunk(inputs, seed, chunk, min(chunk_size, draws - start))
        for chunk, start in enumerate(range(0, draws, chunk_size))
    ]
    return ChunkResult(
        supply_risk=np.concatenate([p.supply_risk for p in parts]),
        economic_importance=np.concatenate([p.economic_importance for p in parts]),
    )


def criticality_probabilities(
    inputs: CriticalityArrays,
    draws: int = 10_000,
    seed: int = 0,
    chunk_size: int = 1000,
    sr_threshold: float = SR_THRESHOLD,
    ei_threshold: float = EI_THRESHOLD,
) -> pd.DataFrame:
    """Per material: P(SR ≥ 1), and per value-added set P(EI ≥ 2.8), P(critical), 5/50/95 % quantiles.

    Columns: ``p_supply_risk``, ``sr_p05``, ``sr_p50``, ``sr_p95`` and, for each value-added set
    ``name``, ``p_economic_importance_<name>``, ``p_critical_<name>``, ``ei_p05_<name>``,
    ``ei_p50_<name>``, ``ei_p95_<name>``. Probabilities of a material whose SR or EI cannot be
    computed (missing inputs) are NaN, never 0.
    """
    result = simulate(inputs, draws, seed, chunk_size)
    sr = result.supply_risk
    sr_known = ~np.isnan(sr).any(axis=0)
    frame = pd.DataFrame(index=pd.Index(inputs.material_ids, name="material_id"))
    above_sr = sr >= sr_threshold
    frame["p_supply_risk"] = np.where(sr_known, above_sr.mean(axis=0), np.nan)
    for label, q in (("sr_p05", 5), ("sr_p50", 50), ("sr_p95", 95)):
        frame[label] = _quantile(sr, q)
    for k, name in enumerate(inputs.value_added_names):
        ei = result.economic_importance[:, k, :]
        ei_known = ~np.isnan(ei).any(axis=0)
        above_ei = ei >= ei_threshold
        frame[f"p_economic_importance_{name}"] = np.where(ei_known, above_ei.mean(axis=0), np.nan)
        frame[f"p_critical_{name}"] = np.where(
            sr_known & ei_known, (above_sr & above_ei).mean(axis=0), np.nan
        )
        for label, q in (("ei_p05", 5), ("ei_p50", 50), ("ei_p95", 95)):
            frame[f"{label}_{name}"] = _quantile(ei, q)
    return frame


def _quantile(draws: np.ndarray, q: float) -> np.ndarray:
    known = ~np.isnan(draws).any(axis=0)
    out = np.full(draws.shape[1], np.nan)
    if known.any():
        out[known] = np.percentile(draws[:, known], q, axis=0)
    return out


# Half-widths used where a parameter has no published range. They are our assumptions (the 2023
# study publishes point values only): IR moves by a few points between the 5-year averaging windows
# of the 2020 and 2023 studies, and EOL-RIR and the substitution indexes are given to two decimals
# from expert estimates.
DEFAULT_HALF_WIDTHS = {"import_reliance": 0.05, "eol_rir": 0.03, "si_sr": 0.03, "si_ei": 0.03}


def rounding_half_width(published: pd.Series) -> pd.Series:
    """Half the rounding step of shares published as percent strings ("12.3%" → 0.0005), fraction.

    Entries that are not plain percentages (e.g. "<0.1%") get NaN; use their published range.
    """
    text = published.astype("string").str.strip()
    plain = text.str.fullmatch(r"\d+(\.\d+)?%").fillna(False).astype(bool)
    decimals = text.str.extract(r"\.(\d+)%$")[0].str.len().fillna(0).astype(float)
    return pd.Series(np.where(plain, 0.5 * 10.0 ** (-decimals) / 100.0, np.nan), index=published.index)


def _bounds(frame: pd.DataFrame, value: str, half_width: float | pd.Series) -> tuple[np.ndarray, np.ndarray]:
    centre = frame[value].astype(float)
    low = frame[f"{value}_low"] if f"{value}_low" in frame else pd.Series(np.nan, index=frame.index)
    high = frame[f"{value}_high"] if f"{value}_high" in frame else pd.Series(np.nan, index=frame.index)
    low = low.astype(float).fillna(centre - half_width)
    high = high.astype(float).fillna(centre + half_width)
    return low.to_numpy(float), high.to_numpy(float)


def build_arrays(
    material_ids: list[str],
    supply_shares: pd.DataFrame,
    wgi_estimate: pd.Series,
    wgi_standard_error: pd.Series,
    stage_parameters: pd.DataFrame,
    material_parameters: pd.DataFrame,
    end_uses: pd.DataFrame,
    value_added: dict[str, tuple[pd.Series, float]],
    half_widths: dict[str, float] | None = None,
) -> CriticalityArrays:
    """Turn the criticality tables into :class:`CriticalityArrays`.

    Parameters
    ----------
    material_ids : materials to simulate (order of the output).
    supply_shares : material_id, stage, scope, country_iso3, share and optionally low, high,
        share_as_published, trade_parameter_t. ``ROW`` rows are left out (see
        :func:`crmradar.methods.criticality.governance_weighted_hhi_table`).
    wgi_estimate, wgi_standard_error : per ISO3 code, WGI units. Every supplying country needs both.
    stage_parameters : material_id, stage, import_reliance (optional ``_low``/``_high``),
        concentration_basis; one row per assessed stage.
    material_parameters : indexed by material_id with eol_rir, si_sr, si_ei (optional ``_low``/``_high``).
    end_uses : material_id, nace_code, share and optionally low, high, share_as_published.
    value_added : name → (value added per NACE code in EUR million, Q_max in EUR million).
    half_widths : default half-widths where no range is given (see ``DEFAULT_HALF_WIDTHS``).
    """
    widths = {**DEFAULT_HALF_WIDTHS, **(half_widths or {})}
    index = {m: i for i, m in enumerate(material_ids)}

    supply = supply_shares.loc[
        supply_shares["material_id"].isin(index) & (supply_shares["country_iso3"] != "ROW")
    ].copy()
    countries = sorted(supply["country_iso3"].unique())
    missing = [c for c in countries if pd.isna(wgi_estimate.get(c)) or pd.isna(wgi_standard_error.get(c))]
    if missing:
        raise ValueError(f"no WGI estimate or standard error for supplying countries {missing}")
    supply["_m"] = supply["material_id"].map(index)
    supply["_s"] = supply["stage"].map({s: i for i, s in enumerate(STAGES)})
    supply["_c"] = supply["scope"].map({s: i for i, s in enumerate(SCOPES)})
    if supply[["_s", "_c"]].isna().any().any():
        raise ValueError(f"supply_shares: stage must be one of {STAGES} and scope one of {SCOPES}")
    supply = supply.sort_values(["_m", "_s", "_c", "country_iso3"], kind="stable")
    group_key = supply["_m"] * 4 + supply["_s"] * 2 + supply["_c"]
    group_codes, group_index = np.unique(group_key.to_numpy(int), return_inverse=True)
    share = supply["share"].astype(float)
    half = rounding_half_width(supply.get("share_as_published", pd.Series(np.nan, index=supply.index)))
    share_low = supply.get("low", pd.Series(np.nan, index=supply.index)).astype(float)
    share_high = supply.get("high", pd.Series(np.nan, index=supply.index)).astype(float)
    share_low = share_low.fillna(share - half.fillna(0.0))
    share_high = share_high.fillna(share + half.fillna(0.0))

    n = len(material_ids)
    assessed = np.zeros((n, 2), bool)
    basis = np.zeros((n, 2), int)
    ir_low = np.full((n, 2), np.nan)
    ir_high = np.full((n, 2), np.nan)
    stages = stage_parameters.loc[stage_parameters["material_id"].isin(index)]
    rows = stages["material_id"].map(index).to_numpy(int)
    cols = stages["stage"].map({s: i for i, s in enumerate(STAGES)}).to_numpy(int)
    assessed[rows, cols] = True
    basis_values = stages.get("concentration_basis", pd.Series("gs_and_eus", index=stages.index))
    basis[rows, cols] = basis_values.fillna("gs_and_eus").map({b: i for i, b in enumerate(BASES)}).to_numpy(int)
    ir_low[rows, cols], ir_high[rows, cols] = _bounds(stages, "import_reliance", widths["import_reliance"])

    params = material_parameters.reindex(material_ids)
    eol = _bounds(params, "eol_rir", widths["eol_rir"])
    si_sr = _bounds(params, "si_sr", widths["si_sr"])
    si_ei = _bounds(params, "si_ei", widths["si_ei"])

    uses = end_uses.loc[end_uses["material_id"].isin(index) & end_uses["nace_code"].notna()].copy()
    uses = uses.loc[uses["nace_code"] != ""]
    uses["_m"] = uses["material_id"].map(index)
    uses = uses.sort_values(["_m", "nace_code"], kind="stable")
    use_share = uses["share"].astype(float)
    use_half = rounding_half_width(uses.get("share_as_published", pd.Series(np.nan, index=uses.index)))
    use_low = uses.get("low", pd.Series(np.nan, index=uses.index)).astype(float).fillna(use_share - use_half.fillna(0))
    use_high = uses.get("high", pd.Series(np.nan, index=uses.index)).astype(float).fillna(
        use_share + use_half.fillna(0)
    )
    names = tuple(value_added)
    va = np.vstack([uses["nace_code"].map(value_added[k][0]).to_numpy(float) for k in names])

    return CriticalityArrays(
        material_ids=np.asarray(material_ids),
        entry_group=group_index.astype(int),
        entry_country=supply["country_iso3"].map({c: i for i, c in enumerate(countries)}).to_numpy(int),
        entry_share=share.to_numpy(float),
        entry_share_low=share_low.to_numpy(float),
        entry_share_high=share_high.to_numpy(float),
        entry_t=supply.get("trade_parameter_t", pd.Series(1.0, index=supply.index)).fillna(1.0).to_numpy(float),
        group_material=(group_codes // 4).astype(int),
        group_stage=((group_codes // 2) % 2).astype(int),
        group_scope=(group_codes % 2).astype(int),
        wgi_estimate=wgi_estimate.reindex(countries).to_numpy(float),
        wgi_standard_error=wgi_standard_error.reindex(countries).to_numpy(float),
        stage_assessed=assessed,
        stage_basis=basis,
        import_reliance_low=ir_low,
        import_reliance_high=ir_high,
        eol_rir_low=eol[0],
        eol_rir_high=eol[1],
        si_sr_low=si_sr[0],
        si_sr_high=si_sr[1],
        si_ei_low=si_ei[0],
        si_ei_high=si_ei[1],
        use_material=uses["_m"].to_numpy(int),
        use_share_low=use_low.to_numpy(float),
        use_share_high=use_high.to_numpy(float),
        use_value_added=va,
        q_max=np.array([float(value_added[k][1]) for k in names]),
        value_added_names=names,
    )
