"""Build ``material_prices`` and ``crma_consumption_capacity`` (the facility tables: see
``curate_recycling_facilities.py``).

One-off curation script (documents how the tables were built; not run by tests or CI). It reads no raw
file: every figure below was typed from the publication named in its ``source_id`` (see
``curation/sources/scenarios_facilities.csv`` and the existing ``usgs_mcs2026`` / ``ec2023_crm_study``
entries) and every derivation is done here so it can be re-checked. The CRMA stage shares are derived
from our own ``criticality_inputs`` table (EC 2023 import reliance and EoL-RIR).

Run from the repository root: ``python scripts/curate_scenarios_facilities.py`` (it also rebuilds the facility
tables).
"""

from __future__ import annotations

import csv
from pathlib import Path

import curate_recycling_facilities
from curate_crma_consumption_extra import CONSUMPTION_EXTRA
from curate_recycling_facilities import DATA, write

# Unit conversions for prices (exact definitions).
KG_PER_LB = 0.45359237
KG_PER_TROY_OZ = 0.0311034768
KG_MN_PER_MTU = 10.0  # one metric ton unit = 1 % of a tonne = 10 kg of contained metal


# --------------------------------------------------------------------------------------------------
# material_prices: USGS MCS 2026 salient statistics (2025 estimates) unless noted.
PRICE_FIELDS = ["material_id", "product", "market_basis", "year", "period", "price_per_kg", "currency", "low",
                "high", "price_as_published", "unit_as_published", "source_id", "quality", "note"]
PER_KG = {"USD/kg": 1.0, "USD/t": 1e-3, "USD/lb": 1 / KG_PER_LB, "US cents/lb": 0.01 / KG_PER_LB,
          "USD/troy oz": 1 / KG_PER_TROY_OZ, "USD/mtu Mn": 1 / KG_MN_PER_MTU}
USGS_NOTE = ("MCS 2026 salient statistics, 2025 estimate; numbers read from the parsed chapter in GitHub "
             "pranava0x0/usgs-mineral-commodity-summaries (data/audit/<commodity>/audit.md)")
PRICES = [
    ("lithium", "lithium carbonate, battery grade (per kg of carbonate, LCE)", "spot and long-term contract "
     "assessments, Benchmark Mineral Intelligence", 9000, "USD/t"),
    ("cobalt", "cobalt cathode", "LME cash, annual average", 15, "USD/lb"),
    ("cobalt", "cobalt cathode", "U.S. spot, S&P Global Platts Metals Week, annual average", 21, "USD/lb"),
    ("nickel", "nickel, primary", "LME cash, annual average", 15000, "USD/t"),
    ("copper", "copper grade A cathode", "LME cash, annual average", 440, "US cents/lb"),
    ("manganese", "metallurgical manganese ore, 44 % Mn (per kg contained Mn)", "CIF China, CRU Group, annual "
     "average", 4.50, "USD/mtu Mn"),
    ("natural_graphite", "natural flake graphite", "average unit value of U.S. imports", 1000, "USD/t"),
    ("neodymium", "neodymium-praseodymium (NdPr) oxide, 99 % min", "FOB China, Argus Non-Ferrous Markets, annual "
     "average", 69, "USD/kg"),
    ("neodymium", "neodymium oxide, 99.5 % min", "FOB China, Argus Non-Ferrous Markets, annual average", 73, "USD/kg"),
    ("praseodymium", "praseodymium oxide, 99.99 % min", "FOB China, Argus Non-Ferrous Markets, annual average", 74,
     "USD/kg"),
    ("silver", "silver bullion", "Engelhard industrial bullion, S&P Global Platts, annual average", 38,
     "USD/troy oz"),
    ("gallium", "gallium metal", "average customs value of U.S. imports (HTS 8112.92.1000)", 580, "USD/kg"),
    ("germanium", "germanium metal, 99.999 % min", "average European price, Argus Non-Ferrous Markets", 4100,
     "USD/kg"),
    ("indium", "indium, 99.99 % min", "Rotterdam, duties unpaid, Argus Non-Ferrous Markets, annual average", 380,
     "USD/kg"),
    ("iridium", "iridium", "Engelhard unfabricated metal, annual average", 4400, "USD/troy oz"),
    ("platinum", "platinum", "Engelhard unfabricated metal, annual average", 1200, "USD/troy oz"),
    ("palladium", "palladium", "Engelhard unfabricated metal, annual average", 1100, "USD/troy oz"),
    ("rhodium", "rhodium", "Engelhard unfabricated metal, annual average", 5800, "USD/troy oz"),
    ("ruthenium", "ruthenium", "Engelhard unfabricated metal, annual average", 690, "USD/troy oz"),
    ("aluminium", "aluminium ingot", "average U.S. market (spot), S&P Global Platts Metals Week", 180,
     "US cents/lb"),
    ("silicon_metal", "silicon metal, metallurgical grade", "S&P Global Platts Metals Week, annual average", 130,
     "US cents/lb"),
    ("tellurium", "tellurium, 99.99 % min", "in warehouse Rotterdam, Argus Non-Ferrous Markets, annual average", 150,
     "USD/kg"),
]
#: Low and high of the USGS MCS 2026 salient price row over 2021–2025 (annual averages, nominal; 2025 an
#: estimate), same market basis and unit as the 2025 figure: the year-on-year band the business case samples.
PRICE_RANGES = {
    ("lithium", "spot and long-term contract assessments, Benchmark Mineral Intelligence"):
        (9000, 63700, "2025 (9,000) and 2022 (63,700 USD/t)"),
    ("cobalt", "LME cash, annual average"): (11.84, 28.83, "2024 (11.84) and 2022 (28.83 USD/lb)"),
    ("cobalt", "U.S. spot, S&P Global Platts Metals Week, annual average"):
        (16.77, 30.78, "2024 (16.77) and 2022 (30.78 USD/lb)"),
    ("nickel", "LME cash, annual average"): (15000, 25815, "2025 (15,000) and 2022 (25,815 USD/t)"),
    ("copper", "LME cash, annual average"): (384.80, 440, "2023 (384.80) and 2025 (440 US cents/lb)"),
    ("manganese", "CIF China, CRU Group, annual average"): (4.50, 5.97, "2025 (4.50) and 2022 (5.97 USD/mtu)"),
    ("natural_graphite", "average unit value of U.S. imports"): (1000, 1330, "2025 (1,000) and 2021 (1,330 USD/t)"),
    ("aluminium", "average U.S. market (spot), S&P Global Platts Metals Week"):
        (125.90, 180, "2023 (125.90) and 2025 (180 US cents/lb)"),
}
PRICE_NOTES = {
    "aluminium": "U.S. market price includes the Midwest premium and 2025 U.S. tariffs; not an LME price.",
    "natural_graphite": "Price row read from the parsed salient table (flake import unit value); check the PDF.",
    "silicon_metal": "2025 value is the January–October mean per the chapter footnote for Platts import prices.",
    "manganese": "1 metric ton unit (mtu) = 10 kg contained Mn.",
    "lithium": "Price per kg of lithium carbonate (LCE), not per kg of contained Li (Li = 18.8 % of Li2CO3).",
}


def price_rows() -> list[dict]:
    rows = []
    for material, product, basis, published, unit in PRICES:
        low, high, years = PRICE_RANGES.get((material, basis), (None, None, ""))
        span = f"; low/high: lowest and highest annual average 2021–2025 in the same USGS row, {years}" \
            if years else ""
        rows.append(dict(material_id=material, product=product, market_basis=basis, year=2025,
                         period="2025 annual average (USGS estimate)", price_per_kg=round(published * PER_KG[unit], 4),
                         currency="USD", price_as_published=published, unit_as_published=unit,
                         low=None if low is None else round(low * PER_KG[unit], 4),
                         high=None if high is None else round(high * PER_KG[unit], 4),
                         source_id="usgs_mcs2026", quality="reported" if unit == "USD/kg" else "derived",
                         note="; ".join(filter(None, [PRICE_NOTES.get(material, ""), USGS_NOTE]))
                         + ("" if unit == "USD/kg" else f"; converted from {unit}") + span))
    rows += [
        dict(material_id="dysprosium", product="dysprosium oxide", market_basis="volume-weighted average of about "
             "96 % of global consumption (mainly China-priced)", year=2025, period="2025", price_per_kg=224,
             currency="USD", price_as_published=224, unit_as_published="USD/kg", source_id="adamas_2026_ree_prices",
             quality="reported", note="Adamas Intelligence research; ex-China ask prices were far higher (see "
                                      "Argus Europe row)."),
        dict(material_id="dysprosium", product="dysprosium oxide, 99.5 %", market_basis="Europe, Argus monthly "
             "assessment after China's April 2025 export controls", year=2025, period="2025-05-06",
             price_per_kg=850, low=700, high=1000, currency="USD", price_as_published=None,
             unit_as_published="USD/kg", source_id="argus_2025_dy_tb_europe", quality="derived",
             note="Published as a range USD 700–1,000/kg; price_per_kg is its midpoint. Thin market."),
        dict(material_id="terbium", product="terbium oxide, 99.99 %", market_basis="Europe, Argus assessment before "
             "China's April 2025 export controls", year=2025, period="2025-04 (early April)", price_per_kg=965,
             low=930, high=1000, currency="USD", price_as_published=None, unit_as_published="USD/kg",
             source_id="argus_2025_dy_tb_europe", quality="derived",
             note="Published as a range USD 930–1,000/kg; price_per_kg is its midpoint."),
        dict(material_id="terbium", product="terbium oxide, 99.99 %", market_basis="Europe, Argus assessment after "
             "China's April 2025 export controls", year=2025, period="2025-05", price_per_kg=3000, low=2000,
             high=4000, currency="USD", price_as_published=None, unit_as_published="USD/kg",
             source_id="argus_2025_dy_tb_europe", quality="derived",
             note="Published as a range USD 2,000–4,000/kg; price_per_kg is its midpoint. Few actual transactions."),
    ]
    return rows


# --------------------------------------------------------------------------------------------------
# crma_consumption_capacity
CRMA_FIELDS = ["crma_entry", "material_id", "quantity", "value", "unit", "reference_period", "low", "high", "basis",
               "source_id", "quality", "note"]
# Annex I Section 1 entry -> material whose EC 2023 indicators represent it.
ENTRY_MATERIAL = {"a": "aluminium", "b": "bismuth", "c": "boron", "d": "cobalt", "e": "copper", "f": "gallium",
                  "g": "germanium", "h": "lithium", "i": "magnesium", "j": "manganese", "k": "natural_graphite",
                  "l": "nickel", "m": "pgm", "n": "neodymium", "o": "silicon_metal", "p": "titanium_metal",
                  "q": "tungsten"}
KUL = "kuleuven_2022_metals_clean_energy"
KUL_NOTE = ("Derived: today's use = 2050 clean-energy need / (stated increase relative to today's use) in "
            "KU Leuven (2022); 'Europe' as in the study (EU-focused); includes secondary metal.")
CONSUMPTION = [
    # entry, value, low, high, unit basis, source, quality, note
    ("a", 4.5e6 / 0.33, 4.5e6 / 0.33, 4.5e6 / 0.30, "t Al", KUL, "derived",
     KUL_NOTE + " 4.5 Mt = +33 % (list) or 30 % (summary) of today's use, hence the range."),
    ("d", 60000 / 3.30, None, None, "t Co", KUL, "derived", KUL_NOTE + " 60 kt = 330 % of today's use."),
    ("e", 1.5e6 / 0.35, None, None, "t Cu", KUL, "derived", KUL_NOTE + " 1.5 Mt = 35 % of today's use."),
    ("f", 42.5, 40, 45, "t Ga", "reuters_2023_gallium_eu_demand", "derived",
     "Midpoint of the EU annual demand of 40–45 t quoted by Mytilineos (2023)."),
    ("h", 4300, 4300, 22900, "t Li", KUL, "assumption",
     "Assumption: KU Leuven's 0.8 Mt lithium in 2050 = 35 times today gives 22.9 kt; the report does not say "
     "whether this is Li content or lithium carbonate equivalent. As LCE it is 22.9/5.323 = 4.3 kt Li, which "
     "fits an EU import reliance of 81–100 %; value = 4.3 kt Li, high = 22.9 kt if the figure were Li content."),
    ("i", 1.2e6 * 0.19, None, None, "t Mg", "eurometaux_2021_magnesium", "derived",
     "Europe's share of about 19 % of the world's 1.2 Mt annual magnesium demand (industry statement, Oct 2021); "
     "'Europe' is wider than the EU27."),
    ("k", 100000, None, None, "t C (natural graphite)", "ecga_graphite", "derived",
     "EU imports of about 100,000 t/yr of natural graphite taken as consumption because EU import reliance at "
     "extraction is 0.99 (EC 2023)."),
    ("l", 400000 / 1.00, None, None, "t Ni", KUL, "derived", KUL_NOTE + " 0.4 Mt = 100 % of today's use."),
    ("n", 15000, 5000, 15000, "t REO (Nd, Pr, Dy, Tb)", "solvay_2025_la_rochelle", "assumption",
     "Assumption: Solvay's target of 4,500 t/yr = 30 % of the European magnet rare-earth market by 2030 implies "
     "about 15,000 t/yr in 2030; today's use is lower (most magnets are imported finished), so low = 5,000 t is "
     "our judgement. Entry covers Nd, Pr, Tb, Dy, Gd, Sm, Ce for magnets."),
    ("o", 200000 / 0.45, None, None, "t Si", KUL, "derived", KUL_NOTE + " 0.2 Mt = 45 % of today's use."),
]


def sig3(value: float | None) -> float | None:
    """Round a derived tonnage to three significant figures (the inputs carry no more)."""
    return None if value is None else float(f"{value:.3g}")


def crma_rows(criticality_inputs: Path) -> list[dict]:
    with criticality_inputs.open(encoding="utf-8") as handle:
        inputs = [r for r in csv.DictReader(handle) if r["year"] == "2023"]
    rows = []
    for entry, material in ENTRY_MATERIAL.items():
        for stage in ("extraction", "processing"):
            match = [r for r in inputs if r["material_id"] == material and r["stage"] == stage
                     and r["parameter"] == "import_reliance"]
            if match:
                ir = float(match[0]["value"])
                rows.append(dict(crma_entry=entry, material_id=material, quantity=f"{stage}_share",
                                 value=round(1 - ir, 4), unit="fraction", reference_period="2016-2020 average",
                                 basis=f"1 - EU import reliance at the {stage} stage (IR = {ir:g})",
                                 source_id="ec2023_crm_study", quality="derived",
                                 note="Domestic production / apparent consumption used as a proxy for capacity."))
        eol = [r for r in inputs if r["material_id"] == material and r["parameter"] == "eol_rir"]
        if eol:
            rows.append(dict(crma_entry=entry, material_id=material, quantity="recycling_share",
                             value=float(eol[0]["value"]), unit="fraction", reference_period="2016-2020 average",
                             basis="end-of-life recycling input rate (EoL-RIR)", source_id="ec2023_crm_study",
                             quality="derived", note="Realised old-scrap input, a lower bound of recycling capacity."))
    consumption = [(entry, value, low, high, unit_basis, "2030" if entry == "n" else "circa 2020", source, quality,
                    note) for entry, value, low, high, unit_basis, source, quality, note in CONSUMPTION]
    for entry, value, low, high, unit_basis, period, source, quality, note in consumption + CONSUMPTION_EXTRA:
        rows.append(dict(crma_entry=entry, material_id=ENTRY_MATERIAL[entry], quantity="consumption",
                         value=sig3(value), unit="t", reference_period=period, low=sig3(low), high=sig3(high),
                         basis=f"EU annual consumption, {unit_basis}", source_id=source, quality=quality, note=note))
    order = {"consumption": 0, "extraction_share": 1, "processing_share": 2, "recycling_share": 3}
    return sorted(rows, key=lambda r: (r["crma_entry"], order[r["quantity"]]))


def main() -> None:
    curate_recycling_facilities.main()
    write("material_prices", PRICE_FIELDS, sorted(price_rows(), key=lambda r: (r["material_id"], r["product"],
                                                                               r["market_basis"])))
    write("crma_consumption_capacity", CRMA_FIELDS, crma_rows(DATA / "criticality_inputs.csv"))


if __name__ == "__main__":
    main()
