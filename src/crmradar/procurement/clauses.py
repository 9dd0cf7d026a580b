"""Rule-based recommendation of tender clauses (clause texts: the ``tender_clauses`` table).

Each rule looks at one scanned line — the tags of its archetype(s), its material bill and its
NZIA flags — and, when it fires, returns the clause id with the reason in words, naming the
material or flag that triggered it:

==============================  ==================================================================
clause                          fires when
==============================  ==================================================================
refurbished_reuse               archetype tag ``refurbish`` and any EU-critical content
take_back_recycling             any CRMA strategic raw material in the bill
repair_spare_parts              archetype tag ``repairable`` and any EU-critical content
recycled_content_batteries      tag ``battery``/``battery_small`` and cobalt, lithium, nickel or lead
battery_chemistry_lfp           tag ``battery`` and cobalt or nickel
supply_chain_transparency       a material with one third country > 50 % at extraction or processing
nzia_resilience                 technology-level share of one third country > 50 % (cited)
rare_earth_free_or_recovery     neodymium, praseodymium, dysprosium or terbium in the bill
==============================  ==================================================================
"""

from __future__ import annotations

import math

import pandas as pd

BATTERY_METALS = ("cobalt", "lithium", "nickel", "lead")
CHEMISTRY_METALS = ("cobalt", "nickel")
MAGNET_METALS = ("neodymium", "praseodymium", "dysprosium", "terbium")


_COLUMNS = ["material_id", "content_kg", "sr_weighted_kg", "eu_critical_2023", "crma_strategic",
            "nzia_material_flag", "largest_third_country", "largest_third_country_share", "largest_stage"]


def _number(value) -> float:
    return float("nan") if value is None or pd.isna(value) else float(value)


def _descending(rows: list[dict], key: str) -> list[dict]:
    """Rows by ``key``, largest first, ties in bill order, missing values last (as pandas sort_values)."""
    present = [r for r in rows if not math.isnan(_number(r[key]))]
    missing = [r for r in rows if math.isnan(_number(r[key]))]
    return sorted(present, key=lambda r: -_number(r[key])) + missing


def _present(rows: list[dict], materials: tuple[str, ...]) -> list[str]:
    chosen = [r for r in rows if r["material_id"] in materials and _number(r["content_kg"]) > 0]
    return [r["material_id"] for r in _descending(chosen, "content_kg")]


def _top(rows: list[dict], flag: str, n: int = 3) -> list[str]:
    chosen = [r for r in rows if _flag(r[flag]) and _number(r["content_kg"]) > 0]
    return [r["material_id"] for r in _descending(chosen, "sr_weighted_kg")[:n]]


def _flag(value) -> bool:
    return bool(value) if value is not None and not (isinstance(value, float) and math.isnan(value)) else False


def recommend(bill: pd.DataFrame, tags: set[str], technology_flag: str) -> list[tuple[str, str]]:
    """Clauses for one line: ``[(clause_id, reason), ...]``.

    ``bill`` has one row per material with ``material_id, content_kg, sr_weighted_kg,
    eu_critical_2023, crma_strategic, nzia_material_flag, largest_third_country,
    largest_third_country_share, largest_stage``; ``technology_flag`` is the NZIA technology text
    (empty when the technology-level test does not fire). The rules run on plain records (a bill has a
    few dozen rows at most), which keeps a scan of many different products fast.
    """
    return recommend_records(bill_records(bill), tags, technology_flag)


def bill_records(bill: pd.DataFrame) -> list[dict]:
    """The columns the rules read, one dict per bill row."""
    columns = [bill[c].tolist() for c in _COLUMNS]
    return [dict(zip(_COLUMNS, values, strict=True)) for values in zip(*columns, strict=True)]


def recommend_records(rows: list[dict], tags: set[str], technology_flag: str) -> list[tuple[str, str]]:
    """:func:`recommend` on :func:`bill_records`."""
    out: list[tuple[str, str]] = []
    critical = _top(rows, "eu_critical_2023")
    if "refurbish" in tags and critical:
        out.append(("refurbished_reuse", f"ICT/office product with critical raw materials ({', '.join(critical)})"))
    strategic = _top(rows, "crma_strategic")
    if strategic:
        out.append(("take_back_recycling", f"contains CRMA strategic raw materials ({', '.join(strategic)})"))
    if "repairable" in tags and critical:
        out.append(("repair_spare_parts", f"repairable product type; a longer life spreads {', '.join(critical)}"))
    battery = tags & {"battery", "battery_small"}
    metals = _present(rows, BATTERY_METALS)
    if battery and metals:
        out.append(("recycled_content_batteries", f"battery contains {', '.join(metals)} (Art. 8 metals)"))
    chemistry = _present(rows, CHEMISTRY_METALS)
    if "battery" in tags and chemistry:
        out.append(("battery_chemistry_lfp", f"battery cathode metals {', '.join(chemistry)}; LFP avoids them"))
    concentrated = [r for r in rows if _flag(r["nzia_material_flag"]) and _number(r["content_kg"]) > 0
                    and _flag(r["eu_critical_2023"])]
    if concentrated:
        shown = [f"{r['material_id']} {r['largest_third_country']} {r['largest_third_country_share']:.0%} "
                 f"{r['largest_stage']}" for r in _descending(concentrated, "sr_weighted_kg")[:3]]
        out.append(("supply_chain_transparency", "one third country > 50 %: " + "; ".join(shown)))
    if technology_flag:
        out.append(("nzia_resilience", technology_flag))
    magnets = _present(rows, MAGNET_METALS)
    if magnets:
        out.append(("rare_earth_free_or_recovery", f"permanent-magnet rare earths ({', '.join(magnets)})"))
    return out
