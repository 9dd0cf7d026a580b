"""``crmradar transit``: how much of the Netherlands' imports of a raw material stays, and how much passes on.

    crmradar transit [--material M] [--year Y] [--format table|csv|json]
    crmradar transit --products [--products-file FILE] [--material M] [--year Y]   CRM inside traded products

Gross imports, re-exports (wederuitvoer) and retained use in tonnes per material and year with ranges, and
the share of the EU27's extra-EU imports entering via the Netherlands (method:
:mod:`crmradar.methods.transit`, docs/transit.md; data: ``trade_flows``, CEPII BACI).
"""

from __future__ import annotations

from pathlib import Path

import typer

from crmradar.commands._common import OutputFormat, cli_language, emit, fail
from crmradar.methods.transit import transit_split

TABLE_COLUMNS = ["material_id", "year", "gross_imports_t", "re_exported_t", "retained_t", "retained_low_t",
                 "retained_high_t", "retained_share", "share_of_eu27_extra_imports"]
TITLE = {"nl": "Nederland {year}: invoer, wederuitvoer en wat in Nederland blijft (t) per grondstof",
         "en": "Netherlands {year}: imports, re-exports and retained use (t) per material"}
COUNTRY = "NLD"


def transit_command(
    material: str | None = typer.Option(None, "--material", help="Material id, Dutch name or symbol (default: all)."),
    year: int | None = typer.Option(None, "--year", help="Year (default: the latest year in the data)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
    products: bool = typer.Option(False, "--products", help="Material contained in traded products (batteries, "
                                  "magnets, PV, wind sets, motors) instead of ores and metals."),
    products_file: Path | None = typer.Option(None, "--products-file", help="Comext/Comtrade export "
                                              "(hs_code,year,flow,partner_iso3,quantity_kg) instead of the "
                                              "package's product_trade; implies --products."),
) -> None:
    """Imports of the Netherlands split into re-exports and retained use (t), with ranges."""
    from crmradar import data
    from crmradar.data.lookup import UnknownMaterialError, resolve_material

    kb = data.load()
    if products or products_file is not None:
        from crmradar.commands._transit_products import products_view

        products_view(kb, material, year, fmt, products_file)
        return
    members = set(kb.countries.loc[kb.countries["eu27"].fillna(False).astype(bool), "iso3"])
    result = transit_split(kb.trade_flows, COUNTRY, members)
    if material is not None:
        try:
            material_id = resolve_material(kb.materials, material)
        except UnknownMaterialError as error:
            fail(str(error))
        result = result.loc[result["material_id"] == material_id]
        if result.empty:
            fail(f"no trade flows of the Netherlands for {material_id!r} in trade_flows (HS codes mapped in "
                 "hs_material_map)")
    chosen = int(result["year"].max()) if year is None else year
    view = result.loc[result["year"] == chosen]
    if view.empty:
        fail(f"--year {chosen}: no trade data; years available: {sorted(result['year'].unique().tolist())}")
    metadata = {
        "country": COUNTRY,
        "year": chosen,
        "units": {"*_t": "t", "retained_share": "fraction", "share_of_eu27_extra_imports": "fraction"},
        "method": "re-exported = min(imports, exports) of the HS codes mapped to the material (central and upper "
        "bound); retained = imports - re-exported; range of retained: net imports (all exports re-exports) to "
        "gross imports (all exports from domestic output); imports = retained + re-exported for every bound",
        "assumptions": [
            "exports of these HS codes are re-exports of imports (the Netherlands has little primary CRM "
            "production); processing in the Netherlands moves the truth towards retained_high_t",
            "stock changes between years are not modelled; unreported BACI quantities count as 0 t "
            "(quantity_incomplete = true)",
        ],
        "sources": ["cepii_baci"],
    }
    if fmt is not OutputFormat.table:
        emit(view.reset_index(drop=True), fmt, metadata=metadata)
        return
    lang = cli_language()
    shown = view[TABLE_COLUMNS].round(3)  # headers and material names translated by the table renderer
    emit(shown, fmt, title=TITLE[lang].format(year=chosen), lang=lang)


def register(app: typer.Typer) -> None:
    app.command("transit")(transit_command)
