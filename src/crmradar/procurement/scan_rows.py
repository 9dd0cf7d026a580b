"""One purchase line at a time: the bill of a line and its report row (the scan's reference definition).

:func:`crmradar.procurement.scan.scan` computes the same numbers for all lines at once; this per-line
form states the formulas plainly and is what the equality test and ``benchmarks/procurement_bench.py``
compare the vectorised scan against. The formulas are in :mod:`crmradar.procurement.scan`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from crmradar.methods.concentration import NZIA_SINGLE_COUNTRY_THRESHOLD
from crmradar.procurement import clauses as clause_rules
from crmradar.procurement.cpv import format_cpv
from crmradar.procurement.knowledge import ProcurementKnowledge
from crmradar.procurement.mapping import Mapping, WrongUnitError, label, resolve
from crmradar.procurement.parse import Issue, PurchaseLine
from crmradar.procurement.units import BASIS_DIMENSION

MATERIAL_COLUMNS = [
    "eu_critical_2023", "crma_critical", "crma_strategic", "supply_risk", "sr_basis", "largest_third_country",
    "largest_third_country_share", "largest_stage", "nzia_material_flag", "gpr_cf", "gpr_basis",
]  # fmt: skip


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


def archetype_tags(knowledge: ProcurementKnowledge, codes: Iterable[str]) -> set[str]:
    """Union of the ``tags`` of the archetypes (``refurbish``, ``battery`` …)."""
    tags: set[str] = set()
    for code in codes:
        tags |= set(str(knowledge.archetypes.at[code, "tags"] or "").split("|")) - {""}
    return tags


def share_of(bill: pd.DataFrame, column: str) -> float:
    total = bill["content_kg"].sum()
    return float(bill.loc[bill[column], "content_kg"].sum() / total) if total > 0 else 0.0


def enrich(bill: pd.DataFrame, knowledge: ProcurementKnowledge) -> pd.DataFrame:
    """Add the per-material indicators and the SR- and GeoPolRisk-weighted contents to a bill."""
    info = knowledge.materials.reindex(bill["material_id"])[MATERIAL_COLUMNS].reset_index(drop=True)
    out = pd.concat([bill.reset_index(drop=True), info], axis=1)
    for column in ("eu_critical_2023", "crma_critical", "crma_strategic"):
        out[column] = out[column].fillna(False).astype(bool)
    out["sr_weighted_kg"] = out["content_kg"] * out["supply_risk"]
    out["gpr_exposure_kg_cu_eq"] = out["content_kg"] * out["gpr_cf"]
    return out


def check_digit_issue(knowledge: ProcurementKnowledge, line: PurchaseLine) -> Issue | None:
    """An error when the line's check digit differs from the CPV 2008 one."""
    if line.check_digit is None or line.cpv not in knowledge.cpv_codes.index:
        return None
    expected = int(knowledge.cpv_codes.at[line.cpv, "check_digit"])
    if expected == line.check_digit:
        return None
    message = f"check digit of {line.cpv}-{line.check_digit} is wrong; CPV 2008 has {format_cpv(line.cpv, expected)}"
    return Issue(line.row, "cpv", "error", message)


def scan_line(
    line: PurchaseLine, knowledge: ProcurementKnowledge
) -> tuple[dict | None, pd.DataFrame | None, list[dict], Issue | None]:
    """Scan one line: ``(report row, enriched bill, clause rows, issue)``; an issue means the line is skipped."""
    issue = check_digit_issue(knowledge, line)
    if issue is not None:
        return None, None, [], issue
    try:
        mapping = resolve(knowledge, line.cpv, line.dimension)
    except WrongUnitError as exc:
        return None, None, [], Issue(line.row, "unit", "error", f"wrong unit {line.unit!r}: {exc}")
    if mapping.kind == "unmapped":
        return None, None, [], Issue(line.row, "cpv", "unmapped", mapping.message)
    bill, mass = line_bill(knowledge, line, mapping)
    bill = enrich(bill, knowledge)
    flag = technology_flag(knowledge, mapping.archetypes)
    recommended = clause_rules.recommend(bill, archetype_tags(knowledge, mapping.archetypes), flag)
    clause_rows = [{"row": line.row, "cpv": line.cpv, "clause_id": c, "reason": r} for c, r in recommended]
    bill.insert(0, "row", line.row)
    bill.insert(1, "cpv", line.cpv)
    critical = bill[bill["eu_critical_2023"]]
    flagged = bill[bill["nzia_material_flag"].fillna(False).astype(bool) & (bill["content_kg"] > 0)]
    missing_gpr = bill[bill["gpr_cf"].isna() & (bill["content_kg"] > 0)]["material_id"]
    first = knowledge.archetypes.loc[mapping.archetypes[0]]
    row = {
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
        "crma_critical_share": share_of(bill, "crma_critical"),
        "crma_strategic_share": share_of(bill, "crma_strategic"),
        "nzia_technology_flag": bool(flag),
        "nzia_technology_reason": flag,
        "nzia_material_flags": ";".join(f"{r.material_id}:{r.largest_third_country}" for r in flagged.itertuples()),
        "gpr_exposure_kg_cu_eq": bill["gpr_exposure_kg_cu_eq"].sum(min_count=1),
        "gpr_not_covered": ";".join(missing_gpr),
        "clauses": ";".join(clause_id for clause_id, _ in recommended),
    }
    return row, bill, clause_rows, None
