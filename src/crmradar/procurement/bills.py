"""Material bills of many purchase lines at once (the vectorised part of :func:`crmradar.procurement.scan.scan`).

Lines that resolve to the same archetype(s) with the same unit dimension share one bill shape, so their
bills are one outer product ``amount[:, None] * content[None, :]`` per archetype; a children mix is the
mean (content) and envelope (low, high) over the archetypes' aligned bills, exactly as in
:func:`crmradar.procurement.scan_rows.line_bill`. Clause rules depend only on the archetypes and on which
materials a line actually contains, so they run once per distinct (archetypes, present materials).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from crmradar.procurement import clauses as clause_rules
from crmradar.procurement.knowledge import ProcurementKnowledge
from crmradar.procurement.parse import PurchaseLine
from crmradar.procurement.scan_rows import MATERIAL_COLUMNS, archetype_tags, technology_flag
from crmradar.procurement.units import BASIS_DIMENSION


@dataclass(frozen=True)
class GroupBill:
    """Bills of the G lines (positions ``members``) that use archetypes ``codes`` with one unit dimension."""

    codes: tuple[str, ...]
    members: np.ndarray  # (G,) positions in the scanned line list
    materials: np.ndarray  # (M,) material ids
    content: np.ndarray  # (G, M) kg
    low: np.ndarray  # (G, M) kg
    high: np.ndarray  # (G, M) kg
    mass: np.ndarray  # (G, 3) kg: central, low, high


_CACHE: list = [None, {}]  # (knowledge, code → (archetype row, material ids, content, low, high))


def _archetype_data(knowledge: ProcurementKnowledge, code: str):
    """The archetype row and its bill arrays, read from the tables once per knowledge object."""
    if _CACHE[0] is not knowledge:
        _CACHE[0], _CACHE[1] = knowledge, {}
        for cpv, rows in knowledge.contents.groupby("cpv", sort=False):
            _CACHE[1][cpv] = (rows["material_id"].to_numpy(dtype=object), rows["content"].to_numpy(dtype=float),
                              rows["low"].fillna(rows["content"]).to_numpy(dtype=float),
                              rows["high"].fillna(rows["content"]).to_numpy(dtype=float))
    if ("row", code) not in _CACHE[1]:
        _CACHE[1][("row", code)] = knowledge.archetypes.loc[code]
    empty = (np.zeros(0, dtype=object), np.zeros(0), np.zeros(0), np.zeros(0))
    return _CACHE[1][("row", code)], _CACHE[1].get(code, empty)


def _archetype(knowledge: ProcurementKnowledge, code: str, dimension: str, amount: np.ndarray):
    archetype, (materials, content, low_content, high_content) = _archetype_data(knowledge, code)
    if dimension == BASIS_DIMENSION[archetype["basis_unit"]]:
        q = q_low = q_high = amount
    else:
        capacity = float(archetype["capacity_per_unit"])
        low = archetype["capacity_low"] if pd.notna(archetype["capacity_low"]) else capacity
        high = archetype["capacity_high"] if pd.notna(archetype["capacity_high"]) else capacity
        q, q_low, q_high = amount * capacity, amount * float(low), amount * float(high)
    bill = (q[:, None] * content[None, :], q_low[:, None] * low_content[None, :],
            q_high[:, None] * high_content[None, :])
    mass_low = archetype["low"] if pd.notna(archetype["low"]) else archetype["unit_mass_kg"]
    mass_high = archetype["high"] if pd.notna(archetype["high"]) else archetype["unit_mass_kg"]
    mass = np.stack([q * archetype["unit_mass_kg"], q_low * mass_low, q_high * mass_high], axis=1)
    return materials, bill, mass


def group_bills(knowledge: ProcurementKnowledge, codes: tuple[str, ...], dimension: str, members: np.ndarray,
                amount: np.ndarray) -> GroupBill:
    """Bills of the lines ``members`` (their quantities in k-units: ``amount``) under archetypes ``codes``."""
    parts = [_archetype(knowledge, code, dimension, amount) for code in codes]
    if len(parts) == 1:
        materials, (content, low, high), mass = parts[0]
        return GroupBill(codes, members, materials, content, low, high, mass)
    materials = np.array(sorted(set().union(*(set(p[0]) for p in parts))), dtype=object)
    where = {material: i for i, material in enumerate(materials)}

    def aligned(kind: int) -> np.ndarray:
        stack = np.full((len(parts), len(members), len(materials)), np.nan)
        for a, (names, bill, _) in enumerate(parts):
            stack[a][:, [where[n] for n in names]] = bill[kind]
        return np.where(np.isnan(stack), 0.0, stack)

    masses = np.stack([p[2] for p in parts])  # (A, G, 3)
    mass = np.stack([np.mean(masses[..., 0], axis=0), np.min(masses[..., 1], axis=0),
                     np.max(masses[..., 2], axis=0)], axis=1)
    return GroupBill(codes, members, materials, np.mean(aligned(0), axis=0), np.min(aligned(1), axis=0),
                     np.max(aligned(2), axis=0), mass)


def long_bills(bills: Sequence[GroupBill], lines: Sequence[PurchaseLine],
               knowledge: ProcurementKnowledge) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per (line, material) in line order with the material indicators; and each row's line position."""
    if not bills:
        return pd.DataFrame(), np.zeros(0, dtype=int)
    position = np.concatenate([np.repeat(b.members, len(b.materials)) for b in bills])
    order = np.argsort(position, kind="stable")
    position = position[order]
    material = np.concatenate([np.tile(b.materials, len(b.members)) for b in bills])[order]
    values = {name: np.concatenate([getattr(b, name).ravel() for b in bills])[order]
              for name in ("content", "low", "high")}
    rows = np.array([line.row for line in lines])
    cpvs = np.array([line.cpv for line in lines], dtype=object)
    frame = pd.DataFrame({"row": rows[position], "cpv": cpvs[position], "material_id": material,
                          "content_kg": values["content"], "low_kg": values["low"], "high_kg": values["high"]})
    info = knowledge.materials.reindex(material)[MATERIAL_COLUMNS].reset_index(drop=True)
    frame = pd.concat([frame, info], axis=1)
    for column in ("eu_critical_2023", "crma_critical", "crma_strategic"):
        frame[column] = frame[column].fillna(False).astype(bool)
    frame["sr_weighted_kg"] = frame["content_kg"] * frame["supply_risk"]
    frame["gpr_exposure_kg_cu_eq"] = frame["content_kg"] * frame["gpr_cf"]
    return frame, position


def line_sums(frame: pd.DataFrame, position: np.ndarray, kept: Sequence[int]) -> pd.DataFrame:
    """Per scanned line (index: position): CRM and total content, weighted sums, shares and flag texts."""
    if frame.empty:
        frame = pd.DataFrame(columns=["content_kg", "low_kg", "high_kg", "sr_weighted_kg", "gpr_exposure_kg_cu_eq",
                                      "eu_critical_2023", "crma_critical", "crma_strategic", "nzia_material_flag",
                                      "gpr_cf", "material_id", "largest_third_country"])
        position = np.zeros(0, dtype=int)
    by = pd.Series(position, index=frame.index)
    content = frame["content_kg"].astype(float)
    critical = frame["eu_critical_2023"].astype(bool)
    positive = content > 0
    total = content.groupby(by).sum()
    out = pd.DataFrame({
        "crm_kg": content.where(critical, 0.0).groupby(by).sum(),
        "crm_low_kg": frame["low_kg"].astype(float).where(critical, 0.0).groupby(by).sum(),
        "crm_high_kg": frame["high_kg"].astype(float).where(critical, 0.0).groupby(by).sum(),
        "all_materials_kg": total,
        "sr_weighted_kg": frame["sr_weighted_kg"].astype(float).groupby(by).sum(min_count=1),
        "gpr_exposure_kg_cu_eq": frame["gpr_exposure_kg_cu_eq"].astype(float).groupby(by).sum(min_count=1),
    })
    for column in ("crma_critical", "crma_strategic"):
        part = content.where(frame[column].astype(bool), 0.0).groupby(by).sum()
        out[f"{column}_share"] = np.where(total > 0, part / total.where(total > 0, 1.0), 0.0)
    flagged = frame["nzia_material_flag"].fillna(False).astype(bool) & positive
    texts = pd.Series([f"{m}:{c}" for m, c in zip(frame.loc[flagged, "material_id"],
                                                   frame.loc[flagged, "largest_third_country"], strict=True)],
                      index=frame.index[flagged], dtype=object)
    out["nzia_material_flags"] = texts.groupby(by[flagged]).agg(";".join)
    missing = frame["gpr_cf"].isna() & positive
    out["gpr_not_covered"] = frame.loc[missing, "material_id"].astype(object).groupby(by[missing]).agg(";".join)
    out = out.reindex(list(kept))
    zero = ["crm_kg", "crm_low_kg", "crm_high_kg", "all_materials_kg", "crma_critical_share", "crma_strategic_share"]
    out[zero] = out[zero].fillna(0.0)
    out[["nzia_material_flags", "gpr_not_covered"]] = out[["nzia_material_flags", "gpr_not_covered"]].fillna("")
    return out


def line_clauses(bills: Sequence[GroupBill], frame: pd.DataFrame, position: np.ndarray,
                 knowledge: ProcurementKnowledge) -> dict[int, tuple[list[tuple[str, str]], str]]:
    """Per line position: the recommended ``(clause_id, reason)`` list and the NZIA technology flag text."""
    out: dict[int, tuple[list[tuple[str, str]], str]] = {}
    records = clause_rules.bill_records(frame) if len(frame) else []
    for bill in bills:
        tags = archetype_tags(knowledge, bill.codes)
        flag = technology_flag(knowledge, bill.codes)
        done: dict[bytes, list[tuple[str, str]]] = {}
        for member, present in zip(bill.members, bill.content > 0, strict=True):
            key = present.tobytes()
            if key not in done:
                start, stop = np.searchsorted(position, [member, member + 1])
                done[key] = clause_rules.recommend_records(records[start:stop], tags, flag)
            out[int(member)] = (done[key], flag)
    return out
