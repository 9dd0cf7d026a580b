"""Build ``product_crm_contents.csv`` and ``product_trade.csv`` (issue 14, item 4: CRM-containing products in trade).

Contents are derived from cited figures already in the package (``material_intensities``, ``product_masses``,
``product_archetype_contents``, the NdFeB maker note ``ndfeb_composition_maker``); every formula is written next
to its row. Trade: no Dutch import/export quantities per HS code for these products were found in a citable open
form (Comext/Comtrade extracts not reachable here); the only quantity is CBS/UNU's PV modules put on the Dutch
market (apparent consumption = production + imports - exports, so it is *retained* use), read from
``/work/shared/data/raw/ewaste_cbs_unu/solar_panel_data.csv`` when that folder exists. Curation note:
``src/crmradar/data/curation/product_crm_contents.md``.

Run: ``python scripts/curate_product_crm.py`` then ``python scripts/assemble_datapackage.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

PACKAGE = Path(__file__).resolve().parents[1] / "src/crmradar/data/package/data"
RAW_PV = Path("/work/shared/data/raw/ewaste_cbs_unu/solar_panel_data.csv")
CONTENT_FIELDS = ["product_id", "hs_code", "material_id", "basis", "content", "low", "high", "unit", "source_id",
                  "quality", "note"]
TRADE_FIELDS = ["product_id", "hs_code", "country_iso3", "partner_iso3", "year", "flow", "quantity", "low", "high",
                "unit", "source_id", "quality", "note"]

# battery: kg/kWh of S&N 2022 medians per chemistry (year 2015 rows, as the region model uses them) divided by the
# pack mass per kWh (product_masses traction_battery_pack: 6.7 kg/kWh, 5.7-12.5)
CENTRAL_CHEMISTRY = "batt_nmc622"
CHEMISTRIES = ["batt_lfp", "batt_nca", "batt_nmc111", "batt_nmc622", "batt_nmc811"]
BATTERY_MATERIALS = ["lithium", "cobalt", "nickel", "manganese", "natural_graphite"]
# PV module: t of module per MW: 42.4 (23.6 W/kg, today's modules) to 60 (mode of product_masses pv_module)
MODULE_T_PER_MW, MODULE_T_PER_MW_HIGH = 1000 / 23.6, 60.0
# electric motor: S&N 2022 'EV' sheet converts kg/kg motor to kg/MW with 795 kg motor per MW (material_intensities)
MOTOR_KG_PER_MW = 795.0


def _r(value: float) -> float:
    return float(f"{value:.4g}")


def battery_rows(mi: pd.DataFrame, masses: pd.DataFrame) -> list[list]:
    pack = masses.loc[masses["product_id"] == "traction_battery_pack"].iloc[0]
    rows = []
    for material in BATTERY_MATERIALS:
        sub = mi.loc[mi["technology_id"].isin(CHEMISTRIES) & (mi["material_id"] == material)]
        sub = sub.sort_values("year").groupby("technology_id").first()
        central = sub.loc[CENTRAL_CHEMISTRY]
        missing = [c for c in CHEMISTRIES if c not in sub.index]
        low_kwh = 0.0 if missing else float(sub["low"].min())
        high_kwh = float(sub["high"].max())
        value = float(central["value"]) / pack["value"] * 1000
        low = low_kwh / pack["high"] * 1000
        high = high_kwh / pack["low"] * 1000
        quality = "assumption" if central["quality"] == "assumption" else "derived"
        note = (f"{central['value']} kg/kWh ({CENTRAL_CHEMISTRY[5:].upper()}, S&N 2022 median; our choice of central "
                f"chemistry) / {pack['value']} kg pack per kWh x 1000; low = lowest study value of "
                f"{', '.join(c[5:].upper() for c in CHEMISTRIES)} ({low_kwh} kg/kWh"
                + (f", 0 for {', '.join(c[5:].upper() for c in missing)}" if missing else "")
                + f") / {pack['high']} kg/kWh; high = highest ({high_kwh}) / {pack['low']} kg/kWh (pack mass: "
                "batterydesign_pack_density). Chemistry mix of Dutch imports not published.")
        if material == "natural_graphite":
            note += " Natural share of anode graphite is an assumption (material_intensities)."
        rows.append(["li_ion_battery", "850760", material, "t", _r(value), _r(low), _r(high), "kg/t",
                     central["source_id"], quality, note])
    return rows


def magnet_rows() -> list[list]:
    """Sintered NdFeB (maker note): RE 29-32.5 %, Dy 0.6-1.2 %, B 1.1-1.2 %; Nd:Pr split ours (Pr 0-25 %)."""
    re_c, re_lo, re_hi = 30.75, 29.0, 32.5
    dy_c, dy_lo, dy_hi = 0.9, 0.6, 1.2
    ndpr_c, ndpr_lo, ndpr_hi = re_c - dy_c, re_lo - dy_hi, re_hi - dy_lo
    pr_share = 0.25
    common = ("Applied to all of HS 8505.11 (metal permanent magnets), which also holds SmCo and AlNiCo magnets: "
              "treated as sintered NdFeB.")
    return [
        ["permanent_magnet", "850511", "neodymium", "t", _r(ndpr_c * (1 - pr_share) * 10),
         _r(ndpr_lo * (1 - pr_share) * 10), _r(ndpr_hi * 10), "kg/t", "ndfeb_composition_maker", "assumption",
         f"rare earths {re_c} % (29-32.5 %) minus Dy {dy_c} % = Nd+Pr {ndpr_c:.2f} %; Pr taken as 25 % of Nd+Pr "
         f"(didymium; our assumption, 0-25 %): Nd = {ndpr_c:.2f} % x 0.75; high = all Nd+Pr as Nd. {common}"],
        ["permanent_magnet", "850511", "praseodymium", "t", _r(ndpr_c * pr_share * 10), 0.0,
         _r(ndpr_hi * pr_share * 10), "kg/t", "ndfeb_composition_maker", "assumption",
         f"Pr taken as 25 % of Nd+Pr (our assumption; low 0 = no Pr substitution). {common}"],
        ["permanent_magnet", "850511", "dysprosium", "t", dy_c * 10, dy_lo * 10, dy_hi * 10, "kg/t",
         "ndfeb_composition_maker", "derived", f"Dy 0.6-1.2 % of sintered NdFeB (maker note), central the midpoint; "
         f"high-coercivity grades for traction motors and wind generators hold more. {common}"],
        ["permanent_magnet", "850511", "boron", "t", 11.5, 11.0, 12.0, "kg/t", "ndfeb_composition_maker", "derived",
         f"B 1.1-1.2 % of sintered NdFeB (maker note), central the midpoint. {common}"],
    ]


def pv_rows(archetype: pd.DataFrame) -> list[list]:
    """Per t of module = (kg per kWp x 1000 = kg/MW) / (t module per MW); per t of cells = Ag/(Si+Ag)."""
    rows = []
    pv = archetype.loc[archetype["cpv"].astype(str).str.zfill(8) == "09331200"].set_index("material_id")
    for material in ("silver", "silicon_metal", "copper", "aluminium", "indium"):
        r = pv.loc[material]
        value = r["content"] * 1000 / MODULE_T_PER_MW
        low = r["low"] * 1000 / MODULE_T_PER_MW_HIGH
        high = r["high"] * 1000 / MODULE_T_PER_MW
        note = (f"{r['content']} kg/kWp ({r['low']}-{r['high']}; {r['note']}) x 1000 / {MODULE_T_PER_MW:.1f} t module "
                f"per MW (23.6 W/kg, pv_specific_power_2026); low uses {MODULE_T_PER_MW_HIGH:.0f} t/MW "
                "(product_masses pv_module).")
        rows.append(["pv_module", "854143", material, "t", _r(value), _r(low), _r(high), "kg/t", r["source_id"],
                     r["quality"], note])
    ag, si = pv.loc["silver"], pv.loc["silicon_metal"]
    cell = {
        "silver": (ag["content"] / (si["content"] + ag["content"]), ag["low"] / (si["high"] + ag["low"]),
                   ag["high"] / (si["low"] + ag["high"])),
        "silicon_metal": (si["content"] / (si["content"] + ag["content"]), si["low"] / (si["low"] + ag["high"]),
                          si["high"] / (si["high"] + ag["low"])),
    }
    for material, (value, low, high) in cell.items():
        rows.append(["pv_cell", "854142", material, "t", _r(value * 1000), _r(low * 1000), _r(high * 1000), "kg/t",
                     "nagle_2024_pv_ice_eu", "derived",
                     "cell mass taken as wafer silicon + silver (PV_ICE EU 2025 g/m2: Si 359.8, Ag 2.543; range from "
                     "the 2020 and 2030 baselines); aluminium paste and coatings are not in our sources and are "
                     "neglected, which raises both contents slightly."])
    return rows


def wind_rows(archetype: pd.DataFrame) -> list[list]:
    """Generator-mix content per kW of the procurement archetype x 1000 = kg per MW of wind generating set."""
    wind = archetype.loc[archetype["cpv"].astype(str).str.zfill(8) == "31121320"]
    rows = []
    for r in wind.itertuples(index=False):
        if r.material_id not in ("neodymium", "praseodymium", "dysprosium", "terbium", "boron"):
            continue
        rows.append(["wind_generating_set", "850231", r.material_id, "MW", _r(r.content * 1000), _r(r.low * 1000),
                     _r(r.high * 1000), "kg/MW", r.source_id, r.quality,
                     f"per MW of rated power; {r.note}. Trade statistics count sets in kg and units, not MW: "
                     "a quantity in MW is needed to apply this row."])
    return rows


def motor_rows(mi: pd.DataFrame) -> list[list]:
    pm = mi.loc[(mi["technology_id"] == "motor_pmsm") & (mi["year"] == 2020)].set_index("material_id")
    rows = []
    for material in ("neodymium", "praseodymium", "dysprosium", "terbium", "boron"):
        r = pm.loc[material]
        value, high = r["value"] / MOTOR_KG_PER_MW * 1000, r["high"] / MOTOR_KG_PER_MW * 1000
        rows.append(["electric_motor", "8501", material, "t", _r(value), 0.0, _r(high), "kg/t", r["source_id"],
                     "derived",
                     f"permanent-magnet synchronous motor: {r['value']} kg/MW (S&N 2022, 2020) / {MOTOR_KG_PER_MW:.0f} "
                     "kg motor per MW x 1000. HS 8501 also holds induction and DC motors without rare earths: low = 0, "
                     "and applied to all of HS 8501 the central value is an upper bound."])
    return rows


def catalyst_rows() -> list[list]:
    """FCC catalyst: rare earths up to 4 % (as oxide, NPRA 2011); RE2O3 -> RE metal x 0.8527 (La2O3)."""
    la_in_oxide = 2 * 138.905 / (2 * 138.905 + 3 * 15.999)
    return [["fcc_catalyst", "3815", "lree", "t", _r(20 * la_in_oxide), 0.0, _r(40 * la_in_oxide), "kg/t",
             "npra_2011_fcc_rare_earths", "assumption",
             f"rare earths up to 4 % of FCC catalyst (NPRA 2011), mostly lanthanum: as oxide La2O3 x "
             f"{la_in_oxide:.4f} (La mass share); central = 2 % oxide, the midpoint of 0-4 % (our assumption; low-RE "
             "catalysts exist). Heading 3815 also holds catalysts without rare earths (PGM reforming, CoMo/NiMo "
             "hydrotreating, whose contents we could not cite), so applied to all of 3815 this is an upper bound."]]


def pv_put_on_market_rows() -> list[list]:
    if not RAW_PV.exists():
        existing = PACKAGE / "product_trade.csv"
        with existing.open(encoding="utf-8") as handle:
            return [list(row.values()) for row in csv.DictReader(handle)]
    raw = pd.read_csv(RAW_PV, dtype={"UNU_Key": str})
    nld = raw.loc[(raw["Country"] == "NLD") & (raw["kg"] > 0)].sort_values("Year")
    return [["pv_module", "854143", "NLD", "", int(r.Year), "put_on_market", round(r.kg / 1000, 3), "", "", "t",
             "unu_cbs_pv_pom", "reported",
             "PV panels (UNU-KEY 0002) put on the Dutch market = apparent consumption (production + imports - "
             "exports), i.e. retained use; CBS/UNU Waste over Time data."] for r in nld.itertuples(index=False)]


def main() -> None:
    mi = pd.read_csv(PACKAGE / "material_intensities.csv")
    masses = pd.read_csv(PACKAGE / "product_masses.csv")
    archetype = pd.read_csv(PACKAGE / "product_archetype_contents.csv", dtype={"cpv": str})
    contents = battery_rows(mi, masses) + magnet_rows() + pv_rows(archetype) + wind_rows(archetype) + motor_rows(mi) + catalyst_rows()
    trade = pv_put_on_market_rows()
    for name, fields, rows in (("product_crm_contents.csv", CONTENT_FIELDS, contents),
                               ("product_trade.csv", TRADE_FIELDS, trade)):
        with (PACKAGE / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(fields)
            writer.writerows(rows)
        print(f"wrote {name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
