"""Value of recoverable material: one published price per material, per kg of contained element.

Prices in ``material_prices`` are quoted per kg of the traded product (lithium carbonate, rare-earth
oxides, metal). Recoverable tonnes from the regional model are tonnes of the element, so a product price
is divided by the element's mass fraction in the product's formula::

    price_contained = price_per_kg / w,   w = n·A(element) / M(formula)      (A: standard atomic weights)
    value [USD]     = recoverable [t] · 1000 kg/t · price_contained [USD/kg]

Choice of row (several rows per material): rows of the USGS Mineral Commodity Summaries 2026 first (one
vintage, 2025 averages for all materials), then the lowest contained price — a conservative value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: IUPAC conventional standard atomic weights (g/mol).
ATOMIC_WEIGHT = {"Li": 6.94, "C": 12.011, "O": 15.999, "Nd": 144.242, "Pr": 140.908, "Dy": 162.500,
                 "Tb": 158.925}
#: Product formulas per (material, product keyword): element symbol, atoms of it, other atoms.
FORMULAS: dict[tuple[str, str], tuple[str, int, dict[str, int]]] = {
    ("lithium", "carbonate"): ("Li", 2, {"C": 1, "O": 3}),  # Li2CO3
    ("neodymium", "oxide"): ("Nd", 2, {"O": 3}),  # Nd2O3 (also used for NdPr oxide, Pr6O11 is within 3 %)
    ("praseodymium", "oxide"): ("Pr", 6, {"O": 11}),  # Pr6O11
    ("dysprosium", "oxide"): ("Dy", 2, {"O": 3}),  # Dy2O3
    ("terbium", "oxide"): ("Tb", 4, {"O": 7}),  # Tb4O7
}
PREFERRED_SOURCE = "usgs_mcs2026"


def element_fraction(symbol: str, atoms: int, others: dict[str, int]) -> float:
    """Mass fraction of ``atoms`` × ``symbol`` in the formula made of them plus ``others`` (dimensionless)."""
    element = atoms * ATOMIC_WEIGHT[symbol]
    return element / (element + sum(n * ATOMIC_WEIGHT[s] for s, n in others.items()))


def contained_fraction(material_id: str, product: str) -> float:
    """Element mass fraction of a priced product: 1 for metals and 'per kg contained' quotes.

    Raises ValueError for an oxide or carbonate quote whose formula is not known, rather than
    valuing an element at its compound's price.
    """
    text = product.lower()
    if "contained" in text:
        return 1.0
    for (material, keyword), formula in FORMULAS.items():
        if material == material_id and keyword in text:
            return element_fraction(*formula)
    if "oxide" in text or "carbonate" in text:
        raise ValueError(f"material_prices row {material_id!r} / {product!r}: no formula to convert "
                         "the compound price to a price per kg of contained element")
    return 1.0


def contained_prices(material_prices: pd.DataFrame) -> pd.DataFrame:
    """One row per material: the chosen price row (module docstring) with ``usd_per_kg_contained``.

    Keeps ``product, market_basis, period, price_per_kg, currency, source_id`` of the chosen row, so output
    can say which price, of when and from whom, values the material.
    """
    frame = material_prices.copy()
    bad = frame.loc[frame["currency"] != "USD"]
    if len(bad):
        raise ValueError(f"material_prices row {bad.iloc[0]['material_id']!r}: currency {bad.iloc[0]['currency']!r}, "
                         "only USD is supported")
    frame["fraction"] = [contained_fraction(m, p) for m, p in zip(frame["material_id"], frame["product"], strict=True)]
    frame["usd_per_kg_contained"] = frame["price_per_kg"].astype(float) / frame["fraction"]
    frame["not_preferred"] = frame["source_id"] != PREFERRED_SOURCE
    chosen = frame.sort_values(["material_id", "not_preferred", "usd_per_kg_contained"]).drop_duplicates("material_id")
    columns = ["material_id", "product", "market_basis", "period", "price_per_kg", "currency", "fraction",
               "usd_per_kg_contained", "source_id"]
    return chosen[columns].reset_index(drop=True)


def recoverable_value(recoverable: pd.DataFrame, prices: pd.DataFrame) -> pd.DataFrame:
    """Add the price row and ``value_p5/p50/p95`` in USD million to recoverable tonnes per material.

    ``recoverable`` has ``material_id`` and ``p5, p50, p95`` in t/yr; ``prices`` comes from
    :func:`contained_prices`. Materials without a price keep NaN values (stated, not guessed).
    """
    merged = recoverable.merge(
        prices.rename(columns={"product": "price_product", "market_basis": "price_basis", "period": "price_period",
                               "source_id": "price_source_id"})[
            ["material_id", "price_product", "price_basis", "price_period", "usd_per_kg_contained", "price_source_id"]
        ],
        on="material_id", how="left",
    )
    for p in (5, 50, 95):
        merged[f"value_p{p}_musd"] = merged[f"p{p}"] * 1000.0 * merged["usd_per_kg_contained"] / 1e6
    return merged


def stream_value_draws(
    recoverable: dict[tuple[str, str], np.ndarray], prices: pd.DataFrame
) -> tuple[dict[str, np.ndarray], dict[str, list[str]]]:
    """Value per draw of each stream's recoverable material, USD million (D, Tr), and per stream the
    materials without a price (their tonnes are left out of the value, and listed so output can say so).

    ``recoverable`` maps (stream, material) to t/yr per draw (as ``StreamFlows.recoverable``).
    """
    price = prices.set_index("material_id")["usd_per_kg_contained"]
    values: dict[str, np.ndarray] = {}
    unpriced: dict[str, list[str]] = {}
    for (stream, material), tonnes in recoverable.items():
        values.setdefault(stream, np.zeros_like(tonnes, dtype=np.float64))
        unpriced.setdefault(stream, [])
        if material in price.index:
            values[stream] = values[stream] + tonnes * 1000.0 * float(price[material]) / 1e6
        else:
            unpriced[stream].append(material)
    return values, unpriced
