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

from crmradar.procurement.bills import GroupBill, group_bills, line_clauses, line_sums, long_bills
from crmradar.procurement.knowledge import ProcurementKnowledge
from crmradar.procurement.mapping import Mapping, WrongUnitError, label, resolve
from crmradar.procurement.parse import Issue, PurchaseLine
from crmradar.procurement.scan_rows import MATERIAL_COLUMNS as _MATERIAL_COLUMNS
from crmradar.procurement.scan_rows import check_digit_issue


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


def scan(
    lines: Iterable[PurchaseLine],
    knowledge: ProcurementKnowledge,
    parse_issues: Iterable[Issue] = (),
    rows_read: int | None = None,
) -> ScanResult:
    """Scan purchase lines; rows that cannot be mapped are reported in ``issues``, never dropped.

    Vectorised: lines are grouped by (archetypes, unit dimension) and each group's bills are one array
    product; the numbers equal those of the per-line definition in :mod:`crmradar.procurement.scan_rows`.
    """
    lines = list(lines)
    issues = list(parse_issues)
    check_digits = dict(zip(knowledge.cpv_codes.index, knowledge.cpv_codes["check_digit"].astype(int), strict=True))
    mappings: dict[tuple[str, str], Mapping | WrongUnitError] = {}
    groups: dict[tuple[tuple[str, ...], str], list[int]] = {}
    kept: list[int] = []
    mapping_of: dict[int, Mapping] = {}
    for index, line in enumerate(lines):
        expected = check_digits.get(line.cpv)
        if line.check_digit is not None and expected is not None and expected != line.check_digit:
            issues.append(check_digit_issue(knowledge, line))
            continue
        key = (line.cpv, line.dimension)
        if key not in mappings:
            try:
                mappings[key] = resolve(knowledge, line.cpv, line.dimension)
            except WrongUnitError as exc:
                mappings[key] = exc
        mapping = mappings[key]
        if isinstance(mapping, WrongUnitError):
            issues.append(Issue(line.row, "unit", "error", f"wrong unit {line.unit!r}: {mapping}"))
            continue
        if mapping.kind == "unmapped":
            issues.append(Issue(line.row, "cpv", "unmapped", mapping.message))
            continue
        groups.setdefault((mapping.archetypes, line.dimension), []).append(index)
        mapping_of[index] = mapping
        kept.append(index)
    amount = np.array([line.quantity for line in lines], dtype=float) * np.array(
        [line.factor for line in lines], dtype=float
    )
    bills = [group_bills(knowledge, codes, dimension, np.asarray(members), amount[members])
             for (codes, dimension), members in groups.items()]
    line_materials, position = long_bills(bills, lines, knowledge)
    clause_of = line_clauses(bills, line_materials, position, knowledge)
    line_table = _line_table(lines, kept, mapping_of, bills, line_sums(line_materials, position, kept), clause_of,
                             knowledge)
    clause_rows = pd.DataFrame(
        [{"row": lines[i].row, "cpv": lines[i].cpv, "clause_id": c, "reason": r}
         for i in kept for c, r in clause_of[i][0]],
        columns=["row", "cpv", "clause_id", "reason"],
    )
    return assemble(line_table, line_materials, clause_rows, issues,
                    rows_read if rows_read is not None else len(lines), knowledge)


def _line_table(lines: list[PurchaseLine], kept: list[int], mapping_of: dict[int, Mapping], bills: list[GroupBill],
                sums: pd.DataFrame, clause_of: dict, knowledge: ProcurementKnowledge) -> pd.DataFrame:
    mass = {int(m): values for bill in bills for m, values in zip(bill.members, bill.mass, strict=True)}
    labels: dict[str, str] = {}
    basis = knowledge.archetypes["basis_unit"].to_dict()
    columns: dict[str, list] = {name: [] for name in _LINE_COLUMNS}
    for index in kept:
        line, mapping = lines[index], mapping_of[index]
        if line.cpv not in labels:
            labels[line.cpv] = label(knowledge, line.cpv)
        recommended, flag = clause_of[index]
        values = {
            "row": line.row, "cpv": line.cpv, "cpv_label": labels[line.cpv], "description": line.description,
            "quantity": line.quantity, "unit": line.unit, "value_eur": line.value_eur, "year": line.year,
            "mapping": mapping.kind, "archetypes": ";".join(mapping.archetypes),
            "basis_unit": basis[mapping.archetypes[0]] if len(mapping.archetypes) == 1 else "",
            "mass_kg": mass[index][0], "mass_low_kg": mass[index][1], "mass_high_kg": mass[index][2],
            "nzia_technology_flag": bool(flag), "nzia_technology_reason": flag,
            "clauses": ";".join(clause_id for clause_id, _ in recommended),
        }  # fmt: skip
        for name, value in values.items():
            columns[name].append(value)
    for name in ("crm_kg", "crm_low_kg", "crm_high_kg", "all_materials_kg", "sr_weighted_kg", "crma_critical_share",
                 "crma_strategic_share", "nzia_material_flags", "gpr_exposure_kg_cu_eq", "gpr_not_covered"):
        columns[name] = sums[name].tolist()
    return pd.DataFrame(columns, columns=_LINE_COLUMNS)


def assemble(line_table: pd.DataFrame, line_materials: pd.DataFrame, clause_rows: pd.DataFrame, issues: list[Issue],
             rows_read: int, knowledge: ProcurementKnowledge) -> ScanResult:
    """The report tables and summary from the per-line results."""
    result = ScanResult(
        lines=line_table,
        line_materials=line_materials if not line_materials.empty else _empty_line_materials(),
        materials=material_totals(line_materials, knowledge),
        clauses=clause_summary(clause_rows, knowledge),
        issues=pd.DataFrame(
            [(i.row, i.column, i.severity, i.message) for i in sorted(issues, key=lambda i: (i.row, i.column))],
            columns=["row", "column", "severity", "message"],
        ),
    )
    result.summary = summarise(result, rows_read, issues)
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
