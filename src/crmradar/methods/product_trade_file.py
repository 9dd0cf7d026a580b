"""Read a user's product trade file (an Eurostat Comext or UN Comtrade export) for the product-content view.

    hs_code,year,flow,partner_iso3,quantity_kg
    85076000,2023,import,CHN,1250000
    85076000,2023,export,DEU,800000

``hs_code``: HS/CN code of 4–8 digits (``8507.60.00`` and spaces accepted); it is matched to a product of
``product_crm_contents`` by its leading digits (``85076000`` → ``850760`` Li-ion batteries). ``flow``: import or
export (Comext's 1/2 and Comtrade's M/X are accepted). ``partner_iso3`` may be empty (all partners).
``quantity_kg``: net mass in kg (Comext ``QUANTITY_IN_KG``, Comtrade ``netWgt``); a file in MW uses
``quantity_mw`` instead (wind generating sets). Any bad cell stops the read with one line naming the file,
row and column; nothing is half-read.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

FLOWS = {"import": "import", "export": "export", "1": "import", "2": "export", "m": "import", "x": "export"}
REQUIRED = ("hs_code", "year", "flow")


class ProductTradeFileError(ValueError):
    """A product trade file that cannot be read (message: file, row, column, what is wrong)."""


def _product_for(code: str, products: dict[str, str]) -> str | None:
    for prefix in sorted(products, key=len, reverse=True):
        if code.startswith(prefix):
            return products[prefix]
    return None


def read_product_trade(path: Path, contents: pd.DataFrame, country: str = "NLD") -> pd.DataFrame:
    """Rows ``product_id, hs_code, country_iso3, partner_iso3, year, flow, quantity, unit, source_id``.

    Quantities in kg become t (÷ 1000); ``source_id`` is the file name (the user's download).
    """
    products = dict(zip(contents["hs_code"].astype(str), contents["product_id"], strict=False))
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in (reader.fieldnames or [])]
            missing = [c for c in REQUIRED if c not in header]
            quantity_column = "quantity_kg" if "quantity_kg" in header else (
                "quantity_mw" if "quantity_mw" in header else None)
            if missing or quantity_column is None:
                need = missing + ([] if quantity_column else ["quantity_kg (or quantity_mw)"])
                raise ProductTradeFileError(f"{path}: row 1: missing column(s) {', '.join(need)}")
            rows = []
            for line, raw in enumerate(reader, start=2):
                row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
                code = row["hs_code"].replace(".", "").replace(" ", "")
                if not code.isdigit() or not 4 <= len(code) <= 8:
                    raise ProductTradeFileError(f"{path}: row {line}, column hs_code: {row['hs_code']!r} is not an "
                                                "HS/CN code of 4-8 digits")
                product = _product_for(code, products)
                if product is None:
                    raise ProductTradeFileError(
                        f"{path}: row {line}, column hs_code: {code} is none of the products with CRM contents "
                        f"({', '.join(sorted(products))})")
                if not row["year"].isdigit():
                    raise ProductTradeFileError(f"{path}: row {line}, column year: {row['year']!r} is not a year")
                flow = FLOWS.get(row["flow"].lower())
                if flow is None:
                    raise ProductTradeFileError(f"{path}: row {line}, column flow: {row['flow']!r} is not import "
                                                "or export")
                try:
                    quantity = float(row[quantity_column].replace(",", ""))
                except ValueError:
                    quantity = -1.0
                if not quantity >= 0:
                    raise ProductTradeFileError(f"{path}: row {line}, column {quantity_column}: "
                                                f"{row[quantity_column]!r} is not a non-negative number")
                partner = row.get("partner_iso3", "").upper()
                rows.append({"product_id": product, "hs_code": code, "country_iso3": country,
                             "partner_iso3": partner, "year": int(row["year"]), "flow": flow,
                             "quantity": quantity / 1000.0 if quantity_column == "quantity_kg" else quantity,
                             "unit": "t" if quantity_column == "quantity_kg" else "MW", "source_id": path.name})
    except UnicodeDecodeError as error:
        raise ProductTradeFileError(f"{path}: not UTF-8 text ({error.reason})") from None
    if not rows:
        raise ProductTradeFileError(f"{path}: no data rows")
    return pd.DataFrame(rows)
