"""Regenerate ``docs/validation.md``: official EU 2023 SR/EI versus our recomputation from the package.

Usage: ``python scripts/validate_criticality.py [output.md]``. Reads only the embedded data package.
Targets: |ΔSR| ≤ 0.1 and |ΔEI| ≤ 0.3 for at least 80 % of the materials whose inputs are complete.
Every miss gets an explanation derived from the inputs (numbers shown), never a silent pass.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from crmradar import data
from crmradar.methods import criticality as crit
from crmradar.methods.governance_scaling import wgi_to_eu_scale
from crmradar.region.criticality_assessment import (
    GOVERNANCE_YEAR,
    criticality_parameters,
    eu_value_added,
    recompute_eu,
)
from crmradar.reports.reproduction import EI_TOLERANCE, SR_TOLERANCE, within_tolerance

TARGET = 0.8
OUT = Path(__file__).resolve().parents[1] / "docs" / "validation.md"


def stage_agreement(
    kb: data.KnowledgeBase, indicator: str, year: int, shares: pd.DataFrame | None = None
) -> tuple[int, int]:
    """How many published stage SRs are reproduced within 0.1 with a given WGI indicator and year
    (and optionally a modified supply-share table, to test a method choice)."""
    shares = kb.supply_shares if shares is None else shares
    table = kb.governance
    chosen = table.loc[(table["indicator"] == indicator) & (table["year"] == year)]
    estimate = chosen.set_index("country_iso3")["estimate"].astype(float)
    scaled = pd.Series(wgi_to_eu_scale(estimate), index=estimate.index)
    stages, material = criticality_parameters(kb)
    stages = stages.assign(eol_rir=stages["material_id"].map(material["eol_rir"]),
                           si_sr=stages["material_id"].map(material["si_sr"]))
    scaled = pd.concat([scaled, pd.Series({"ZZROW": float(scaled.median())})])
    hhi = crit.governance_weighted_hhi_table(shares, scaled, missing_wgi=float(scaled.median()))
    result = crit.supply_risk_by_stage(hhi, stages)
    delta = (result["supply_risk"] - result["supply_risk_stage"]).dropna()
    return int((delta.abs() <= SR_TOLERANCE + 1e-9).sum()), int(delta.size)


def _stage_table(kb: data.KnowledgeBase) -> pd.DataFrame:
    table = kb.governance
    estimate = table.loc[(table["indicator"] == "mean6") & (table["year"] == GOVERNANCE_YEAR)]
    scaled = pd.Series(wgi_to_eu_scale(estimate["estimate"].astype(float)), index=estimate["country_iso3"])
    stages, material = criticality_parameters(kb)
    stages = stages.assign(eol_rir=stages["material_id"].map(material["eol_rir"]),
                           si_sr=stages["material_id"].map(material["si_sr"]))
    hhi = crit.governance_weighted_hhi_table(kb.supply_shares, scaled)
    return crit.supply_risk_by_stage(hhi, stages)


def explain_sr(
    material_id: str,
    row: pd.Series,
    stages: pd.DataFrame,
    summary: pd.DataFrame,
    twins_by_stage: dict[tuple[str, str], list[str]],
    supply_shares: pd.DataFrame,
) -> str:
    own = stages.loc[stages["material_id"] == material_id].set_index("stage")
    reasons = []
    summary_sr = summary.get("supply_risk", pd.Series(dtype=float)).get(material_id, np.nan)
    if row["official_source"] == "criticality_official" and abs(summary_sr - row["official_supply_risk"]) > 0.05:
        reasons.append(f"Annex 4 gives SR {row['official_supply_risk']:.2f}, the study's summary table "
                       f"{summary_sr:.2f}; recomputed {row['supply_risk']:.2f}")
    reported = row.get("reported_stage")
    max_stage = own["supply_risk"].idxmax() if own["supply_risk"].notna().any() else None
    if isinstance(reported, str) and max_stage and max_stage != reported:
        other = own.loc[max_stage]
        reasons.append(
            f"bottleneck comes from the {max_stage} stage (recomputed {other['supply_risk']:.2f}, published "
            f"{other['supply_risk_stage']:.2f}); at the reported {reported} stage recomputed "
            f"{own.loc[reported, 'supply_risk']:.2f}"
        )
    twins = twins_by_stage.get((material_id, reported), [])
    if twins:
        reasons.append(f"its {reported} supply shares in the package are identical to those of {', '.join(twins)} "
                       "(group-level shares), so element-specific concentrations cannot be reproduced")
    if isinstance(reported, str) and eu_mirrors_global(supply_shares, material_id, reported):
        reasons.append(f"its EU-sourcing shares at the {reported} stage equal its global-supply shares in the "
                       "package, which does not fit the study's import reliance (check the Appendix 7 transcription)")
    if isinstance(reported, str) and reported in own.index:
        stage = own.loc[reported]
        inputs = (f"HHI_GS {stage['hhi_gs']:.2f}, HHI_EUs {stage['hhi_eus']:.2f}, IR {stage['import_reliance']:.2f}, "
                  f"EOL-RIR {stage['eol_rir']:.2f}, SI_SR {stage['si_sr']:.2f}, basis {stage['concentration_basis']}")
        if abs(stage["supply_risk"] - stage["supply_risk_stage"]) <= SR_TOLERANCE:
            reasons.append(f"the published {reported} SR is reproduced ({stage['supply_risk']:.2f} vs "
                           f"{stage['supply_risk_stage']:.2f})")
        else:
            implied = implied_concentration(stage)
            reasons.append(f"{reported}: {inputs} -> {stage['supply_risk']:.2f} vs published "
                           f"{stage['supply_risk_stage']:.2f}{implied}; with the study's IR, EOL-RIR and SI this gap "
                           f"comes from the concentrations (supply shares as transcribed; WGI {GOVERNANCE_YEAR} of "
                           "the 2024 WGI edition, the study's exact year and edition unknown)")
    return "; ".join(reasons)


def implied_concentration(stage: pd.Series) -> str:
    """The concentration the published stage SR implies with the package's other inputs.

    SR = (HHI_GS·IR/2 + HHI_EUs·(1 − IR/2))·(1 − EOL-RIR)·SI_SR solved for HHI_EUs (basis gs_and_eus,
    HHI_GS from the package) or for HHI_GS (basis gs_only); it shows which transcribed shares would have
    to change.
    """
    factor = (1.0 - stage["eol_rir"]) * stage["si_sr"]
    if not factor or pd.isna(factor):
        return ""
    target = stage["supply_risk_stage"] / factor
    if stage["concentration_basis"] == "gs_only":
        return f" (the published value implies HHI_GS {target:.2f})"
    if stage["concentration_basis"] == "gs_and_eus" and not pd.isna(stage["import_reliance"]):
        half = stage["import_reliance"] / 2.0
        implied = (target - stage["hhi_gs"] * half) / (1.0 - half)
        return f" (the published value implies HHI_EUs {implied:.2f} with HHI_GS as in the package)"
    return ""


def eu_mirrors_global(supply_shares: pd.DataFrame, material_id: str, stage: str) -> bool:
    """True when the EU-sourcing shares equal the global-supply shares within one percentage point."""
    rows = supply_shares.loc[(supply_shares["material_id"] == material_id) & (supply_shares["stage"] == stage)]
    wide = rows.pivot_table(index="country_iso3", columns="scope", values="share", aggfunc="sum")
    if not {"eu_sourcing", "global_supply"} <= set(wide.columns):
        return False
    top = wide["global_supply"].idxmax()
    return bool(abs(wide.loc[top, "global_supply"] - wide.loc[top].get("eu_sourcing", 0.0)) < 0.01 and
                wide.loc[top, "global_supply"] > 0.5)


def identical_share_sets(supply_shares: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """(material, stage) -> other materials with exactly the same supply-share rows at that stage."""
    signature = (
        supply_shares.sort_values(["scope", "country_iso3"])
        .groupby(["material_id", "stage"])
        .apply(lambda rows: tuple(zip(rows["scope"], rows["country_iso3"], rows["share"].round(6), strict=True)),
               include_groups=False)
    )
    groups: dict[tuple, list[str]] = {}
    for (material_id, stage), key in signature.items():
        groups.setdefault((stage, key), []).append(material_id)
    twins: dict[tuple[str, str], list[str]] = {}
    for (stage, _), members in groups.items():
        for member in members:
            if len(members) > 1:
                twins[(member, stage)] = [m for m in members if m != member][:4] + (["…"] if len(members) > 5 else [])
    return twins


def explain_ei(material_id: str, row: pd.Series, kb: data.KnowledgeBase) -> str:
    uses = kb.end_uses.loc[kb.end_uses["material_id"] == material_id]
    unallocated = uses.loc[uses["nace_code"].isna() | (uses["nace_code"] == ""), "share"].sum()
    total = uses["share"].sum()
    reasons = []
    if unallocated > 0.05:
        reasons.append(f"{unallocated:.0%} of end uses have no NACE sector in Appendix 6 and add nothing to EI")
    if abs(total - 1) > 0.02:
        reasons.append(f"end-use shares sum to {total:.2f}, not 1")
    va_sector = uses["nace_code"].map(kb.nace_sectors.set_index("nace_code")["eu27_value_added_meur"])
    mismatch = uses.loc[(uses["sector_value_added_meur"] - va_sector).abs() > 1, "nace_code"].dropna().unique()
    if len(mismatch):
        reasons.append(f"row value added in Appendix 6 disagrees with the sector table for {', '.join(mismatch)}")
    if not reasons:
        reasons.append("shares and SI_EI as published; the difference is in the study's own allocation of "
                       "applications to sectors (not reproducible from Appendix 6)")
    return "; ".join(reasons)


def wgi_year_rows(kb: data.KnowledgeBase) -> list[str]:
    """One table row per WGI year with mean-of-six values: stage SRs and materials reproduced, and the
    check a China-only supply gives: holmium (processing 100 % China, EOL-RIR 0.01, SI_SR 1.00) must
    round to its published SR 5.6."""
    table = kb.governance
    years = sorted(table.loc[table["indicator"] == "mean6", "year"].unique())
    rows = []
    for year in years:
        edition = table.loc[(table["indicator"] == "mean6") & (table["year"] == year), "edition"].iloc[0]
        ok, n = stage_agreement(kb, "mean6", int(year))
        result = recompute_eu(kb, governance_year=int(year))
        sr_ok, _ = within_tolerance(result)
        holmium = float(result.loc["holmium", "supply_risk"])
        fits = "yes" if round(holmium, 1) == 5.6 else "**no**"
        chosen = " (used)" if int(year) == GOVERNANCE_YEAR else ""
        rows.append(f"| {year}{chosen} | {edition} | {ok}/{n} | {int(sr_ok.sum())}/{len(sr_ok)} | {holmium:.3f} | {fits} |")
    return rows


def build_report(kb: data.KnowledgeBase) -> str:
    result = recompute_eu(kb)
    stages = _stage_table(kb)
    _, summary = criticality_parameters(kb)
    sr_ok, ei_ok = within_tolerance(result)
    sr = result.loc[sr_ok.index].assign(ok=sr_ok)
    ei = result.loc[ei_ok.index].assign(ok=ei_ok)
    both = result.dropna(subset=["supply_risk", "official_supply_risk", "economic_importance",
                                 "official_economic_importance"]).index
    both_ok = sr["ok"].reindex(both) & ei["ok"].reindex(both)
    reported = stages.loc[stages["is_reported_stage"].fillna(False).astype(bool)].set_index("material_id")
    sr_reported = (reported["supply_risk"] - result["official_supply_risk"].reindex(reported.index)).dropna()
    _, q_max = eu_value_added(kb)
    twins = identical_share_sets(kb.supply_shares)
    variants = {
        "t_pub": stage_agreement(kb, "mean6", GOVERNANCE_YEAR),
        "t_one": stage_agreement(kb, "mean6", GOVERNANCE_YEAR, kb.supply_shares.assign(trade_parameter_t=1.0)),
        "row_out": stage_agreement(kb, "mean6", GOVERNANCE_YEAR),
        "row_in": stage_agreement(
            kb, "mean6", GOVERNANCE_YEAR,
            kb.supply_shares.assign(country_iso3=kb.supply_shares["country_iso3"].replace({"ROW": "ZZROW"})),
        ),
    }
    variant_text = {key: f"{ok}/{n}" for key, (ok, n) in variants.items()}
    lines = [
        "# Validation: EU criticality 2023, official versus recomputed",
        "",
        f"Generated by `python scripts/validate_criticality.py` on {date.today().isoformat()} from the embedded "
        "data package (no other input). Method: `crmradar.methods.criticality` (EC 2017 guidelines, "
        "doi:10.2873/769526; Blengini et al. 2017, EUR 28654). Official values: Annex 4 of the 2023 study "
        "(`criticality_official`), for single REEs and PGMs the study's summary table (`criticality_inputs`).",
        "",
        "## Choices verified against the data",
        "",
        f"- **Governance**: WGI mean of the six indicators for {GOVERNANCE_YEAR}, scaled `10·(2.5 − x)/5` "
        "(10 = worst); see *WGI year* below for the choice of year. Political Stability alone reproduces fewer "
        "published stage SRs within 0.1 ("
        + ", ".join(f"pv {yr}: {ok}/{n}" for yr, (ok, n) in
                    [(y, stage_agreement(kb, "pv", y)) for y in (GOVERNANCE_YEAR, 2022)])
        + "), so the study used the mean of six.",
        "- **Shares as fractions** (HHI 0–1) with WGI 0–10 and the published trade parameter t per country "
        "(0.8 EU trade agreement, 1 none, 1.1–1.5 export restrictions): HHI_WGI,t then ranges 0–10 and SR needs no "
        "further scaling (a monopoly of a country with scaled WGI 5.6 and SI_SR 1 gives SR 5.6, as for HREEs). "
        f"Stage SRs within 0.1 with t as published: {variant_text['t_pub']}; with t = 1 everywhere: "
        f"{variant_text['t_one']}.",
        "- **Sources of the formula**: EC (2017) guidelines and Blengini et al. (2017) as cited in the module; "
        "the guideline PDF itself was not reachable with this build's search tools, so the scaling choices above "
        "were fixed by the fit to the 2023 published stage values and cross-read against the open implementation "
        "`meyerdata/CritMAT` (`critmat/calculations/supply_risk_eu.py`, `hhi_wgi_tp.py`: shares in percent /10 000, "
        "WGI mean of six rescaled by (mean − 2.5)·(−2)) — same formula, independent code.",
        f"- **Q_max** = largest EU manufacturing division (C28, EUR {q_max:,.0f} million): aggregates "
        "(100 % C23, EUR 64 990 million, SI_EI 1.0) gives 10·64 990/204 200 = 3.18 → official 3.2.",
        "- **Rest of world** rows (`ROW`) are left out of the HHI (many small producers, negligible squares). "
        f"Stage SRs within 0.1 without ROW: {variant_text['row_out']}; with ROW as one country of median WGI: "
        f"{variant_text['row_in']}.",
        "- **Bottleneck**: material SR = highest SR over the stages the study assessed.",
        "",
        "## WGI year",
        "",
        "The sources reachable for this build do not state which WGI year (and edition) the 2023 study used. "
        "The year was therefore chosen by three checks, not by the fit alone: (1) data year 2022 was published in "
        "the WGI 2023 update (September 2023), after the study (March 2023), so the study cannot have used it; "
        "(2) a supply held by one country gives SR = scaled WGI × (1 − EOL-RIR) × SI_SR, and the heavy rare earths "
        "that China alone refines (holmium, thulium, ytterbium, lutetium: SR 5.6 published) only round to 5.6 for "
        "some years; (3) among the years left, the one that reproduces the most materials. Mean-of-six values for "
        "2016–2021 come from the WGI 2024 update (the study used an earlier edition; revisions between editions "
        "are small: PV 2016–2021 differs from the 2023 update by a median 1e-4).",
        "",
        "| WGI data year | edition | stage SRs within 0.1 | materials within 0.1 | holmium SR (China only) | "
        "rounds to 5.6 |",
        "|---|---|---|---|---|---|",
        *wgi_year_rows(kb),
        "",
        "## Result",
        "",
        f"- SR (bottleneck): {int(sr['ok'].sum())}/{len(sr)} materials within ±{SR_TOLERANCE} "
        f"= **{sr['ok'].mean():.0%}** (target {TARGET:.0%}); at the study's reported stage: "
        f"{int((sr_reported.abs() <= SR_TOLERANCE + 1e-9).sum())}/{sr_reported.size} "
        f"= {(sr_reported.abs() <= SR_TOLERANCE + 1e-9).mean():.0%}.",
        f"- EI: {int(ei['ok'].sum())}/{len(ei)} materials within ±{EI_TOLERANCE} = **{ei['ok'].mean():.0%}** "
        f"(target {TARGET:.0%}).",
        f"- Both within tolerance: {int(both_ok.sum())}/{len(both)} = {both_ok.mean():.0%}.",
        f"- Incomplete inputs (not scored): SR for {', '.join(sorted(set(result.index) - set(sr.index))) or '–'}; "
        f"EI for {', '.join(sorted(set(result.index) - set(ei.index))) or '–'}.",
        "",
        "Misses are listed with the reason read from the inputs. Official values are rounded to one decimal, so "
        "differences up to 0.05 are rounding alone.",
        "",
        "## Supply risk per material",
        "",
        "| material | official SR | recomputed SR | ΔSR | reported stage | within 0.1 | explanation of a miss |",
        "|---|---|---|---|---|---|---|",
    ]
    for material_id, row in sr.sort_index().iterrows():
        why = "" if row["ok"] else explain_sr(material_id, row, stages, summary, twins, kb.supply_shares)
        lines.append(f"| {material_id} | {row['official_supply_risk']:.2f} | {row['supply_risk']:.2f} | "
                     f"{row['delta_supply_risk']:+.2f} | {row.get('reported_stage', '')} | "
                     f"{'yes' if row['ok'] else '**no**'} | {why} |")
    lines += [
        "",
        "## Economic importance per material",
        "",
        "| material | official EI | recomputed EI | ΔEI | within 0.3 | explanation of a miss |",
        "|---|---|---|---|---|---|",
    ]
    for material_id, row in ei.sort_index().iterrows():
        why = "" if row["ok"] else explain_ei(material_id, row, kb)
        lines.append(f"| {material_id} | {row['official_economic_importance']:.2f} | "
                     f"{row['economic_importance']:.2f} | {row['delta_economic_importance']:+.2f} | "
                     f"{'yes' if row['ok'] else '**no**'} | {why} |")
    lines += [
        "",
        "## Reproduce",
        "",
        "```",
        "python scripts/validate_criticality.py      # this file",
        "pytest tests/test_criticality_methods.py    # hand-computed SR/EI cases",
        "python benchmarks/risk_bench.py             # Monte Carlo timing (10 000 draws)",
        "```",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build_report(data.load()), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
