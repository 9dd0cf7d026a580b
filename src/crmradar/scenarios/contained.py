"""Contained metal of a gross recycling input: spent Li-ion batteries (t/yr gross) → black mass → t/yr of
contained nickel, cobalt and lithium, as a ranged *assumption*, so a battery recycler's published gross
capacity can count towards the CRMA benchmarks.

    contained[m] = gross · yield · content[m]          (central: the modes; low: all lows; high: all highs)

* ``yield`` — t of black mass per t of batteries: SK tes publishes about 5,000 t/yr of black mass from
  10,000 t/yr of batteries (``bestmag_2024_sk_tes``) → 0.5; band 0.4–0.6 is our judgement for other chemistry
  and scrap mixes.
* ``content[m]`` — t of metal per t of black mass: the European NCM/NCA black-mass specification of Fastmarkets'
  payable indicators, 15–25 % Ni, 5–15 % Co, 3–5 % Li (``fastmarkets_2023_black_mass_europe``); central = the
  midpoint, as the publisher's inferred prices use. A trading specification, not an assay of one plant's output.

Caveat (stated wherever the numbers are shown): black mass is an intermediate; the metal is recovered where the
black mass is refined, which may be outside the EU. Counted at the CRMA recycling stage, this is an upper bound
of the plant's contribution.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    low: float
    mode: float
    high: float
    source_id: str
    reason: str


#: t of black mass per t of gross input, per recycling stream.
BLACK_MASS_YIELD = {
    "li_ion_batteries": Band(0.4, 0.5, 0.6, "bestmag_2024_sk_tes",
                             "SK tes: about 5,000 t/yr black mass from 10,000 t/yr batteries (0.5); ±0.1 our band "
                             "for other chemistries and scrap mixes."),
}
#: t of metal per t of black mass (NCM/NCA black mass, ex-works Europe specification).
BLACK_MASS_CONTENT = {
    "nickel": Band(0.15, 0.20, 0.25, "fastmarkets_2023_black_mass_europe", "Specification 15-25 % Ni; midpoint."),
    "cobalt": Band(0.05, 0.10, 0.15, "fastmarkets_2023_black_mass_europe", "Specification 5-15 % Co; midpoint."),
    "lithium": Band(0.03, 0.04, 0.05, "fastmarkets_2023_black_mass_europe", "Specification 3-5 % Li; midpoint."),
}
BASIS = ("assumption: {gross:g} t/yr {stream} × {y:g} t black mass/t × {c:g} % {material} "
         "(range {low:g}–{high:g} t/yr; sources {ys}, {cs}); black mass is refined elsewhere, an upper bound")


def convertible(stream: str) -> bool:
    return stream in BLACK_MASS_YIELD


def contained(stream: str, gross_t: float) -> list[dict]:
    """Rows ``material_id, capacity_t_per_year, capacity_low, capacity_high, basis`` for a gross input of
    ``gross_t`` t/yr of ``stream`` (empty when the stream has no published conversion)."""
    band = BLACK_MASS_YIELD.get(stream)
    if band is None:
        return []
    rows = []
    for material, content in BLACK_MASS_CONTENT.items():
        central = gross_t * band.mode * content.mode
        low, high = gross_t * band.low * content.low, gross_t * band.high * content.high
        rows.append({"material_id": material, "capacity_t_per_year": central, "capacity_low": low,
                     "capacity_high": high,
                     "basis": BASIS.format(gross=gross_t, stream=stream, y=band.mode, c=100 * content.mode,
                                           material=material, low=low, high=high, ys=band.source_id,
                                           cs=content.source_id)})
    return rows
