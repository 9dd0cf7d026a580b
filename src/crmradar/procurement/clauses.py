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

import pandas as pd

BATTERY_METALS = ("cobalt", "lithium", "nickel", "lead")
CHEMISTRY_METALS = ("cobalt", "nickel")
MAGNET_METALS = ("neodymium", "praseodymium", "dysprosium", "terbium")


def _present(bill: pd.DataFrame, materials: tuple[str, ...]) -> list[str]:
    rows = bill[bill["material_id"].isin(materials) & (bill["content_kg"] > 0)]
    return list(rows.sort_values("content_kg", ascending=False)["material_id"])


def _top(bill: pd.DataFrame, mask: pd.Series, n: int = 3) -> list[str]:
    rows = bill[mask & (bill["content_kg"] > 0)].sort_values("sr_weighted_kg", ascending=False)
    return list(rows["material_id"].head(n))


def recommend(bill: pd.DataFrame, tags: set[str], technology_flag: str) -> list[tuple[str, str]]:
    """Clauses for one line: ``[(clause_id, reason), ...]``.

    ``bill`` has one row per material with ``material_id, content_kg, sr_weighted_kg,
    eu_critical_2023, crma_strategic, nzia_material_flag, largest_third_country,
    largest_third_country_share, largest_stage``; ``technology_flag`` is the NZIA technology text
    (empty when the technology-level test does not fire).
    """
    out: list[tuple[str, str]] = []
    critical = _top(bill, bill["eu_critical_2023"])
    if "refurbish" in tags and critical:
        out.append(("refurbished_reuse", f"ICT/office product with critical raw materials ({', '.join(critical)})"))
    strategic = _top(bill, bill["crma_strategic"])
    if strategic:
        out.append(("take_back_recycling", f"contains CRMA strategic raw materials ({', '.join(strategic)})"))
    if "repairable" in tags and critical:
        out.append(("repair_spare_parts", f"repairable product type; a longer life spreads {', '.join(critical)}"))
    battery = tags & {"battery", "battery_small"}
    metals = _present(bill, BATTERY_METALS)
    if battery and metals:
        out.append(("recycled_content_batteries", f"battery contains {', '.join(metals)} (Art. 8 metals)"))
    chemistry = _present(bill, CHEMISTRY_METALS)
    if "battery" in tags and chemistry:
        out.append(("battery_chemistry_lfp", f"battery cathode metals {', '.join(chemistry)}; LFP avoids them"))
    concentrated = bill[bill["nzia_material_flag"].fillna(False).astype(bool) & (bill["content_kg"] > 0)]
    concentrated = concentrated[concentrated["eu_critical_2023"]].sort_values("sr_weighted_kg", ascending=False)
    if not concentrated.empty:
        shown = [
            f"{r.material_id} {r.largest_third_country} {r.largest_third_country_share:.0%} {r.largest_stage}"
            for r in concentrated.head(3).itertuples()
        ]
        out.append(("supply_chain_transparency", "one third country > 50 %: " + "; ".join(shown)))
    if technology_flag:
        out.append(("nzia_resilience", technology_flag))
    magnets = _present(bill, MAGNET_METALS)
    if magnets:
        out.append(("rare_earth_free_or_recovery", f"permanent-magnet rare earths ({', '.join(magnets)})"))
    return out
