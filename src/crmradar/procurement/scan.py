"""Scan checked purchase lines against the archetype bills: ``scan(lines, knowledge) → ScanResult``.

Per line ``i`` and material ``m`` (archetype bill ``c_m`` in kg per basis unit, quantity ``q`` in
basis units after unit conversion)::

    content_im       = q_i · c_m                              kg (low/high: q_low · c_low, q_high · c_high)
    sr_weighted_im   = content_im · SR_m                      kg (SR_m: official EU 2023 supply risk)
    gpr_exposure_im  = content_im · CF_m                      kg Cu-eq (CF_m: GeoPolRisk factor, NLD)
    crma_critical_share_i  = Σ_m∈CRMA-critical content_im / Σ_m content_im
    crma_strategic_share_i = Σ_m∈CRMA-strategic content_im / Σ_m content_im

Totals add lines; the low/high totals add the lows and highs (a conservative envelope, not a
confidence interval). ``crm_kg`` counts materials on the EU 2023 critical list. A line's NZIA
technology flag fires when its archetype cites a technology-level share of one third country above
:data:`crmradar.methods.concentration.NZIA_SINGLE_COUNTRY_THRESHOLD`.

The result holds plain DataFrames so the CLI, the web page and tests can all use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from crmradar.methods.concentration import NZIA_SINGLE_COUNTRY_THRESHOLD
from crmradar.procurement import clauses as clause_rules
from crmradar.procurement.cpv import format_cpv
from crmradar.procurement.knowledge import ProcurementKnowledge
from crmradar.procurement.mapping import Mapping, WrongUnitError, label, resolve
from crmradar.procurement.parse import Issue, PurchaseLine
from crmradar.procurement.units import BASIS_DIMENSION

_MATERIAL_COLUMNS = [
    "eu_critical_2023", "crma_critical", "crma_strategic", "supply_risk", "sr_basis", "largest_third_country",
    "largest_third_country_share", "largest_stage", "nzia_material_flag", "gpr_cf", "gpr_basis",
]  # fmt: skip


@dataclass
class ScanResult:
    lines: pd.DataFrame
    line_materials: pd.DataFrame
    materials: pd.DataFrame
    clauses: pd.DataFrame
    issues: pd.DataFrame
    summary: dict = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Report tables in export order."""
        return {
            "materials": self.materials,
            "lines": self.lines,
            "clauses": self.clauses,
            "line_materials": self.line_materials,
            "issues": self.issues,
        }


def basis_quantity(line: PurchaseLine, archetype: pd.Series) -> tuple[float, float, float]:
    """Quantity of the line in the archetype's basis unit: central, low, high."""
    amount = line.quantity * line.factor
    if line.dimension == BASIS_DIMENSION[archetype["basis_unit"]]:
        return amount, amount, amount
    capacity = float(archetype["capacity_per_unit"])
    low = archetype["capacity_low"] if pd.notna(archetype["capacity_low"]) else capacity
    high = archetype["capacity_high"] if pd.notna(archetype["capacity_high"]) else capacity
    return amount * capacity, amount * float(low), amount * float(high)


def archetype_bill(knowledge: ProcurementKnowledge, code: str, line: PurchaseLine) -> tuple[pd.DataFrame, tuple]:
    """Material bill (kg) of ``line`` under one archetype, and its mass (central, low, high)."""
    archetype = knowledge.archetypes.loc[code]
    q, q_low, q_high = basis_quantity(line, archetype)
    rows = knowledge.contents[knowledge.contents["cpv"] == code]
    bill = pd.DataFrame(
        {
            "material_id": rows["material_id"].to_numpy(),
            "content_kg": q * rows["content"].to_numpy(dtype=float),
            "low_kg": q_low * rows["low"].fillna(rows["content"]).to_numpy(dtype=float),
            "high_kg": q_high * rows["high"].fillna(rows["content"]).to_numpy(dtype=float),
        }
    )
    mass_low = archetype["low"] if pd.notna(archetype["low"]) else archetype["unit_mass_kg"]
    mass_high = archetype["high"] if pd.notna(archetype["high"]) else archetype["unit_mass_kg"]
    mass = (q * archetype["unit_mass_kg"], q_low * mass_low, q_high * mass_high)
    return bill, mass


def line_bill(knowledge: ProcurementKnowledge, line: PurchaseLine, mapping: Mapping) -> tuple[pd.DataFrame, tuple]:
    """Bill of a line: one archetype, or the equal-weight mix with envelope interval (see mapping)."""
    bills, masses = zip(*(archetype_bill(knowledge, code, line) for code in mapping.archetypes), strict=True)
    if len(bills) == 1:
        return bills[0], masses[0]
    materials = sorted(set().union(*(set(b["material_id"]) for b in bills)))
    aligned = [b.set_index("material_id").reindex(materials) for b in bills]
    content = np.mean([a["content_kg"].fillna(0.0).to_numpy() for a in aligned], axis=0)
    low = np.min([a["low_kg"].fillna(0.0).to_numpy() for a in aligned], axis=0)
    high = np.max([a["high_kg"].fillna(0.0).to_numpy() for a in aligned], axis=0)
    bill = pd.DataFrame({"material_id": materials, "content_kg": content, "low_kg": low, "high_kg": high})
    mass = (
        float(np.mean([m[0] for m in masses])),
        float(np.min([m[1] for m in masses])),
        float(np.max([m[2] for m in masses])),
    )
    return bill, mass


def technology_flag(knowledge: ProcurementKnowledge, codes: Iterable[str]) -> str:
    """Reason text when an archetype's cited technology share exceeds the NZIA threshold, else ''."""
    for code in codes:
        row = knowledge.archetypes.loc[code]
        share = row["nzia_share"]
        if pd.notna(share) and share > NZIA_SINGLE_COUNTRY_THRESHOLD:
            return (
                f"{row['nzia_technology']}: {row['nzia_third_country']} supplies {share:.0%} "
                f"(> {NZIA_SINGLE_COUNTRY_THRESHOLD:.0%}; {row['nzia_source_id']})"
            )
    return ""


def _share(bill: pd.DataFrame, column: str) -> float:
    total = bill["content_kg"].sum()
    return float(bill.loc[bill[column], "content_kg"].sum() / total) if total > 0 else 0.0


def _enrich(bill: pd.DataFrame, knowledge: ProcurementKnowledge) -> pd.DataFrame:
    info = knowledge.materials.reindex(bill["material_id"])[_MATERIAL_COLUMNS].reset_index(drop=True)
    out = pd.concat([bill.reset_index(drop=True), info], axis=1)
    for column in ("eu_critical_2023", "crma_critical", "crma_strategic"):
        out[column] = out[column].fillna(False).astype(bool)
    out["sr_weighted_kg"] = out["content_kg"] * out["supply_risk"]
    out["gpr_exposure_kg_cu_eq"] = out["content_kg"] * out["gpr_cf"]
    return out


def scan(
    lines: Iterable[PurchaseLine],
    knowledge: ProcurementKnowledge,
    parse_issues: Iterable[Issue] = (),
    rows_read: int | None = None,
) -> ScanResult:
    """Scan purchase lines; rows that cannot be mapped are reported in ``issues``, never dropped."""
    lines = list(lines)
    issues = list(parse_issues)
    line_rows, bill_frames, clause_rows = [], [], []
    for line in lines:
        if (
            line.check_digit is not None
            and line.cpv in knowledge.cpv_codes.index
            and int(knowledge.cpv_codes.at[line.cpv, "check_digit"]) != line.check_digit
        ):
            expected = format_cpv(line.cpv, int(knowledge.cpv_codes.at[line.cpv, "check_digit"]))
            issues.append(
                Issue(
                    line.row,
                    "cpv",
                    "error",
                    f"check digit of {line.cpv}-{line.check_digit} is wrong; CPV 2008 has {expected}",
                )
            )
            continue
        try:
            mapping = resolve(knowledge, line.cpv, line.dimension)
        except WrongUnitError as exc:
            issues.append(Issue(line.row, "unit", "error", f"wrong unit {line.unit!r}: {exc}"))
            continue
        if mapping.kind == "unmapped":
            issues.append(Issue(line.row, "cpv", "unmapped", mapping.message))
            continue
        bill, mass = line_bill(knowledge, line, mapping)
        bill = _enrich(bill, knowledge)
        tags = set()
        for code in mapping.archetypes:
            tags |= set(str(knowledge.archetypes.at[code, "tags"] or "").split("|")) - {""}
        flag = technology_flag(knowledge, mapping.archetypes)
        recommended = clause_rules.recommend(bill, tags, flag)
        for clause_id, reason in recommended:
            clause_rows.append({"row": line.row, "cpv": line.cpv, "clause_id": clause_id, "reason": reason})
        bill.insert(0, "row", line.row)
        bill.insert(1, "cpv", line.cpv)
        bill_frames.append(bill)
        critical = bill[bill["eu_critical_2023"]]
        flagged = bill[bill["nzia_material_flag"].fillna(False).astype(bool) & (bill["content_kg"] > 0)]
        missing_gpr = bill[bill["gpr_cf"].isna() & (bill["content_kg"] > 0)]["material_id"]
        first = knowledge.archetypes.loc[mapping.archetypes[0]]
        line_rows.append(
            {
                "row": line.row,
                "cpv": line.cpv,
                "cpv_label": label(knowledge, line.cpv),
                "description": line.description,
                "quantity": line.quantity,
                "unit": line.unit,
                "value_eur": line.value_eur,
                "year": line.year,
                "mapping": mapping.kind,
                "archetypes": ";".join(mapping.archetypes),
                "basis_unit": first["basis_unit"] if len(mapping.archetypes) == 1 else "",
                "mass_kg": mass[0],
                "mass_low_kg": mass[1],
                "mass_high_kg": mass[2],
                "crm_kg": critical["content_kg"].sum(),
                "crm_low_kg": critical["low_kg"].sum(),
                "crm_high_kg": critical["high_kg"].sum(),
                "all_materials_kg": bill["content_kg"].sum(),
                "sr_weighted_kg": bill["sr_weighted_kg"].sum(min_count=1),
                "crma_critical_share": _share(bill, "crma_critical"),
                "crma_strategic_share": _share(bill, "crma_strategic"),
                "nzia_technology_flag": bool(flag),
                "nzia_technology_reason": flag,
                "nzia_material_flags": ";".join(
                    f"{r.material_id}:{r.largest_third_country}" for r in flagged.itertuples()
                ),
                "gpr_exposure_kg_cu_eq": bill["gpr_exposure_kg_cu_eq"].sum(min_count=1),
                "gpr_not_covered": ";".join(missing_gpr),
                "clauses": ";".join(clause_id for clause_id, _ in recommended),
            }
        )
    line_table = pd.DataFrame(line_rows, columns=_LINE_COLUMNS)
    line_materials = pd.concat(bill_frames, ignore_index=True) if bill_frames else _empty_line_materials()
    result = ScanResult(
        lines=line_table,
        line_materials=line_materials,
        materials=material_totals(line_materials, knowledge),
        clauses=clause_summary(pd.DataFrame(clause_rows, columns=["row", "cpv", "clause_id", "reason"]), knowledge),
        issues=pd.DataFrame(
            [(i.row, i.column, i.severity, i.message) for i in sorted(issues, key=lambda i: (i.row, i.column))],
            columns=["row", "column", "severity", "message"],
        ),
    )
    result.summary = summarise(result, rows_read if rows_read is not None else len(lines), issues)
    return result


_LINE_COLUMNS = [
    "row", "cpv", "cpv_label", "description", "quantity", "unit", "value_eur", "year", "mapping", "archetypes",
    "basis_unit", "mass_kg", "mass_low_kg", "mass_high_kg", "crm_kg", "crm_low_kg", "crm_high_kg",
    "all_materials_kg", "sr_weighted_kg", "crma_critical_share", "crma_strategic_share", "nzia_technology_flag",
    "nzia_technology_reason", "nzia_material_flags", "gpr_exposure_kg_cu_eq", "gpr_not_covered", "clauses",
]  # fmt: skip


def _empty_line_materials() -> pd.DataFrame:
    columns = ["row", "cpv", "material_id", "content_kg", "low_kg", "high_kg", *_MATERIAL_COLUMNS]
    return pd.DataFrame(columns=[*columns, "sr_weighted_kg", "gpr_exposure_kg_cu_eq"])


def material_totals(line_materials: pd.DataFrame, knowledge: ProcurementKnowledge) -> pd.DataFrame:
    """Totals per material over all lines, ranked by supply-risk-weighted content."""
    columns = [
        "rank", "material_id", "name_nl", "name_en", "content_kg", "low_kg", "high_kg", "supply_risk", "sr_basis",
        "sr_weighted_kg", "eu_critical_2023", "crma_critical", "crma_strategic", "largest_third_country",
        "largest_third_country_share", "largest_stage", "nzia_material_flag", "gpr_cf", "gpr_exposure_kg_cu_eq",
        "lines",
    ]  # fmt: skip
    if line_materials.empty:
        return pd.DataFrame(columns=columns)
    sums = line_materials.groupby("material_id", as_index=False).agg(
        content_kg=("content_kg", "sum"),
        low_kg=("low_kg", "sum"),
        high_kg=("high_kg", "sum"),
        lines=("row", "nunique"),
    )
    info = knowledge.materials.reindex(sums["material_id"]).reset_index(drop=True)
    out = pd.concat([sums, info[["name_nl", "name_en", *_MATERIAL_COLUMNS]]], axis=1)
    out["sr_weighted_kg"] = out["content_kg"] * out["supply_risk"]
    out["gpr_exposure_kg_cu_eq"] = out["content_kg"] * out["gpr_cf"]
    out = out.sort_values(["sr_weighted_kg", "material_id"], ascending=[False, True], na_position="last")
    out.insert(0, "rank", np.arange(1, len(out) + 1))
    return out[columns].reset_index(drop=True)


def clause_summary(clause_rows: pd.DataFrame, knowledge: ProcurementKnowledge) -> pd.DataFrame:
    """One row per recommended clause: the lines and reasons that triggered it, and its texts."""
    columns = ["clause_id", "title_nl", "title_en", "lines", "rows", "reasons", "basis", "text_nl", "text_en"]
    if clause_rows.empty:
        return pd.DataFrame(columns=columns)
    order = {clause_id: i for i, clause_id in enumerate(knowledge.clauses.index)}
    out = []
    for clause_id, group in sorted(clause_rows.groupby("clause_id"), key=lambda item: order.get(item[0], 99)):
        text = knowledge.clauses.loc[clause_id]
        out.append(
            {
                "clause_id": clause_id,
                "title_nl": text["title_nl"],
                "title_en": text["title_en"],
                "lines": len(group),
                "rows": ";".join(str(r) for r in group["row"]),
                "reasons": " | ".join(f"row {r.row} ({r.cpv}): {r.reason}" for r in group.itertuples()),
                "basis": text["basis"],
                "text_nl": text["text_nl"],
                "text_en": text["text_en"],
            }
        )
    return pd.DataFrame(out, columns=columns)


def summarise(result: ScanResult, rows_read: int, issues: list[Issue]) -> dict:
    """Counts and totals for the report header (plain Python values)."""
    skipped = {i.row for i in issues if i.severity == "error"}
    unmapped = {i.row for i in issues if i.severity == "unmapped"} - skipped
    reasons = Counter(f"{i.severity}: {i.column}" for i in issues if i.severity in ("error", "unmapped"))
    lines, materials = result.lines, result.materials
    total = float(lines["all_materials_kg"].sum()) if not lines.empty else 0.0

    def share(column: str) -> float:
        if materials.empty or total == 0:
            return 0.0
        return float(materials.loc[materials[column].astype(bool), "content_kg"].sum() / total)

    top = materials.head(5)
    return {
        "rows_read": int(rows_read),
        "rows_scanned": int(len(lines)),
        "rows_skipped_invalid": len(skipped),
        "rows_unmapped": len(unmapped),
        "skip_reasons": dict(sorted(reasons.items())),
        "crm_kg": float(lines["crm_kg"].sum()) if not lines.empty else 0.0,
        "crm_low_kg": float(lines["crm_low_kg"].sum()) if not lines.empty else 0.0,
        "crm_high_kg": float(lines["crm_high_kg"].sum()) if not lines.empty else 0.0,
        "sr_weighted_kg": float(materials["sr_weighted_kg"].sum()) if not materials.empty else 0.0,
        "crma_critical_share": share("crma_critical"),
        "crma_strategic_share": share("crma_strategic"),
        "nzia_technology_lines": int(lines["nzia_technology_flag"].sum()) if not lines.empty else 0,
        "gpr_exposure_kg_cu_eq": float(materials["gpr_exposure_kg_cu_eq"].sum()) if not materials.empty else 0.0,
        "top_materials_by_sr_weighted": [str(m) for m in top["material_id"]],
        "clauses": [str(c) for c in result.clauses["clause_id"]],
    }
