"""``crmradar transit --products``: tonnes of each critical raw material inside traded products.

Contents: ``product_crm_contents``; quantities: ``product_trade`` (cited) or a Comext/Comtrade export given with
``--products-file`` (method: :mod:`crmradar.methods.product_content`, docs/transit.md).
"""

from __future__ import annotations

from pathlib import Path

from crmradar.commands._common import OutputFormat, emit, fail

TABLE_COLUMNS = ["material_id", "product_id", "year", "flow", "quantity", "unit", "content", "content_unit",
                 "contained_t", "contained_low_t", "contained_high_t"]


def products_view(kb, material: str | None, year: int | None, fmt: OutputFormat, path: Path | None) -> None:
    from crmradar.data.lookup import UnknownMaterialError, resolve_material
    from crmradar.methods.product_content import BasisMismatchError, product_transit
    from crmradar.methods.product_trade_file import ProductTradeFileError, read_product_trade
    from crmradar.reports.transit import product_rows

    trade = None
    if path is not None:
        try:
            trade = read_product_trade(path, kb.product_crm_contents)
        except (ProductTradeFileError, OSError) as error:
            fail(str(error))
    material_id = None
    if material is not None:
        try:
            material_id = resolve_material(kb.materials, material)
        except UnknownMaterialError as error:
            fail(str(error))
    try:
        rows = product_rows(kb, material_id, trade)
    except BasisMismatchError as error:
        fail(str(error))
    if rows.empty:
        fail(f"no product trade with contents for {material_id!r} (products: "
             f"{', '.join(sorted(set(kb.product_crm_contents['product_id'])))})")
    chosen = int(rows["year"].max()) if year is None else year
    view = rows.loc[rows["year"] == chosen].reset_index(drop=True)
    if view.empty:
        fail(f"--year {chosen}: no product quantities; years available: {sorted(rows['year'].unique().tolist())}")
    balance = product_transit(view)
    sources = sorted(set(view["content_source_id"]) | set(view["trade_source_id"]))
    metadata = {
        "country": "NLD", "year": chosen,
        "units": {"quantity": "t of product (MW for wind generating sets)", "content": "kg per t (or per MW)",
                  "contained_*": "t of material"},
        "method": "contained_t = quantity x content / 1000; low/high use the content range (and the quantity "
                  "range where given); imports and exports are split into re-exported = min(M, X) and retained = "
                  "M - re-exported of the contained tonnes; put_on_market is apparent consumption (retained use)",
        "balance": balance.to_dict(orient="records"),
        "missing": "Dutch imports and exports per HS code of these products are not in the package (no open "
                   "citable extract found); give a Comext/Comtrade export with --products-file. Catalysts (HS 3815) "
                   "have no cited content yet.",
        "sources": sources,
    }
    if fmt is not OutputFormat.table:
        emit(view, fmt, metadata=metadata)
        return
    from crmradar.commands._common import cli_language
    from crmradar.reports import labels

    lang = cli_language()
    shown = view[TABLE_COLUMNS].round(4)
    for column, kind in (("product_id", "product"), ("flow", "flow")):
        shown[column] = [labels.label(kind, value, lang) for value in shown[column]]
    emit(shown, fmt, title=f"Netherlands {chosen}: critical raw materials contained in products (t)")
    from crmradar.reports.numbers import format_number

    for row in balance.itertuples(index=False):
        name = labels.label("material", row.material_id, lang)
        if row.gross_imports_t > 0:
            print(f"{name}: imports {format_number(row.gross_imports_t, lang)} t, re-exported "
                  f"{format_number(row.re_exported_t, lang)} t, retained {format_number(row.retained_t, lang)} t "
                  f"({format_number(row.retained_low_t, lang)}-{format_number(row.retained_high_t, lang)} t)")
        if row.put_on_market_t > 0:
            print(f"{name}: put on the market (retained) {format_number(row.put_on_market_t, lang)} t "
                  f"({format_number(row.put_on_market_low_t, lang)}-{format_number(row.put_on_market_high_t, lang)} t)")
