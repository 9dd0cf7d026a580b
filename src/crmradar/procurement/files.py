"""Reading purchase lists (CSV, XLSX) safely and writing scan reports atomically.

Reading guards, all configurable through :class:`ReadLimits`:

* file size (``max_bytes``) before anything is parsed;
* XLSX: the zip directory is inspected *before* openpyxl opens the file — total uncompressed size
  (``max_uncompressed_bytes``) and compression ratio (``max_compression_ratio``, total and per
  member) — so a zip bomb is refused without being inflated;
* number of data rows (``max_rows``);
* formulas: openpyxl is opened with ``data_only=False`` so a formula cell yields its text
  (``=A2*3``), which the parser treats as text, never as a value.

CSV must be UTF-8 (a BOM is allowed); the delimiter is ``,`` or ``;`` (Dutch spreadsheet exports).

Writing: :func:`write_report` writes XLSX, CSV (one file per table) or JSON to a temporary file in
the target folder and renames it into place, so a failure leaves no partial report. Text cells that
start with ``= + - @``, tab or carriage return get a leading ``'`` so spreadsheet programs do not
run them as formulas (CSV/formula injection).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from crmradar.atomic import atomic_write, atomic_write_many
from crmradar.procurement.parse import PurchaseFileError

_INJECTION_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# characters an XLSX (XML 1.0) cell cannot hold: C0 controls other than tab, newline, carriage return
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ReadLimits:
    max_bytes: int = 5_000_000
    max_rows: int = 5_000
    max_uncompressed_bytes: int = 50_000_000
    max_compression_ratio: float = 100.0


@dataclass
class PurchaseTable:
    """Cells of a purchase list: header and ``(file_row, cells)`` data rows."""

    source: str
    sheet: str | None
    header: list[object]
    rows: list[tuple[int, list[object]]]


def read_purchase_file(
    path: str | Path, limits: ReadLimits = ReadLimits(), sheet: str | None = None, name: str | None = None
) -> PurchaseTable:
    """Read a ``.csv`` or ``.xlsx`` purchase list; raises :class:`PurchaseFileError` naming the file.

    ``name`` is the file name shown in messages and the report (default: the file's own name); the web
    stores an upload under a fixed name and passes the user's name here (see :func:`display_name`).
    """
    path = Path(path)
    name = path.name if name is None else name
    if not path.is_file():
        raise PurchaseFileError(f"{name}: file not found")
    size = path.stat().st_size
    if size == 0:
        raise PurchaseFileError(f"{name}: the file is empty")
    if size > limits.max_bytes:
        raise PurchaseFileError(f"{name}: {size} bytes is more than the limit of {limits.max_bytes} bytes")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, limits, sheet, name)
    if suffix in (".csv", ".txt"):
        if sheet is not None:
            raise PurchaseFileError(f"{name}: a CSV file has no sheets (drop --sheet)")
        return read_csv_bytes(path.read_bytes(), name, limits)
    raise PurchaseFileError(f"{name}: unsupported file type {suffix or '(none)'}; use .csv or .xlsx")


def read_csv_bytes(content: bytes, name: str, limits: ReadLimits = ReadLimits()) -> PurchaseTable:
    """Decode and split CSV bytes (UTF-8, ``,`` or ``;``)."""
    if len(content) > limits.max_bytes:
        raise PurchaseFileError(f"{name}: {len(content)} bytes is more than the limit of {limits.max_bytes} bytes")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise PurchaseFileError(
            f"{name}: row {line}: not UTF-8 (byte 0x{content[exc.start]:02x} at offset {exc.start}); "
            "save the file as 'CSV UTF-8'"
        ) from None
    if text.strip() == "":
        raise PurchaseFileError(f"{name}: the file is empty")
    if "\x00" in text:
        raise PurchaseFileError(f"{name}: contains NUL bytes; not a text CSV file")
    first_line = text.lstrip().splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        rows: list[tuple[int, list[object]]] = []
        for cells in reader:
            if len(rows) >= limits.max_rows:
                raise PurchaseFileError(f"{name}: more than {limits.max_rows} data rows (limit; raise --max-rows)")
            rows.append((reader.line_num, list(cells)))
    except csv.Error as exc:
        raise PurchaseFileError(f"{name}: row {reader.line_num}: {exc}") from None
    return PurchaseTable(source=name, sheet=None, header=list(header), rows=rows)


def check_zip_limits(path: Path, limits: ReadLimits, name: str | None = None) -> None:
    """Refuse an XLSX whose members would inflate beyond the limits (zip-bomb guard)."""
    name = path.name if name is None else name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except Exception:  # zipfile raises many types for damaged archives (BadZipFile, NotImplementedError …)
        raise PurchaseFileError(f"{name}: not a valid XLSX file (not a zip archive)") from None
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if total > limits.max_uncompressed_bytes:
        raise PurchaseFileError(
            f"{name}: unpacks to {total} bytes, more than the limit of {limits.max_uncompressed_bytes} bytes"
        )
    if total / max(packed, 1) > limits.max_compression_ratio:
        raise PurchaseFileError(
            f"{name}: compression ratio {total / max(packed, 1):.0f} exceeds {limits.max_compression_ratio:g} "
            "(possible zip bomb)"
        )
    for member in members:
        if (
            member.file_size > 1_000_000
            and member.file_size / max(member.compress_size, 1) > limits.max_compression_ratio
        ):
            raise PurchaseFileError(f"{name}: member {member.filename} is compressed suspiciously well (zip bomb?)")
    _refuse_doctypes(path, members, name)


def _refuse_doctypes(path: Path, members: list, name: str) -> None:
    """Refuse XML parts that declare a DTD: XLSX never needs one, and entities in it are the XXE and
    entity-expansion ("billion laughs") attacks (ASVS 5.5.2). Reads each XML part once, in 1 MiB chunks."""
    with zipfile.ZipFile(path) as archive:
        for member in members:
            if not member.filename.endswith((".xml", ".rels", ".vml")):
                continue
            tail = b""
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(2**20):
                        if b"<!DOCTYPE" in tail + chunk or b"<!ENTITY" in tail + chunk:
                            raise PurchaseFileError(f"{name}: part {member.filename} declares a DTD or entities, "
                                                    "which an XLSX file never needs (refused for safety)")
                        tail = chunk[-16:]
            except PurchaseFileError:
                raise
            except Exception:  # damaged member: BadZipFile, zlib.error, NotImplementedError, EOFError …
                raise PurchaseFileError(f"{name}: not a valid XLSX file (damaged part {member.filename})") from None


def _read_xlsx(path: Path, limits: ReadLimits, sheet: str | None, name: str) -> PurchaseTable:
    check_zip_limits(path, limits, name)
    import openpyxl  # only needed for XLSX

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise PurchaseFileError(f"{name}: cannot be read as XLSX ({type(exc).__name__})") from None
    try:
        names = workbook.sheetnames
        if not names:
            raise PurchaseFileError(f"{name}: the workbook has no sheets")
        if sheet is None:
            chosen = names[0]
        elif sheet in names:
            chosen = sheet
        else:
            raise PurchaseFileError(f"{name}: no sheet {sheet!r}; sheets: {', '.join(names)}")
        worksheet = workbook[chosen]
        if not hasattr(worksheet, "iter_rows"):
            raise PurchaseFileError(f"{name}: sheet {chosen!r} is a chart, not a table; choose another with --sheet")
        header, rows = _sheet_rows(worksheet, name, chosen, limits)
    finally:
        workbook.close()
    if header is None:
        raise PurchaseFileError(f"{name}: sheet {chosen!r} is empty")
    return PurchaseTable(source=name, sheet=chosen, header=header, rows=rows)


def _sheet_rows(worksheet, name: str, sheet: str, limits: ReadLimits) -> tuple[list[object] | None, list]:
    """Header (first non-blank row) and data rows with their sheet row numbers."""
    header: list[object] | None = None
    rows: list[tuple[int, list[object]]] = []
    try:
        for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
            values = list(cells)
            if header is None:
                if all(value is None or str(value).strip() == "" for value in values):
                    continue
                header = values
                continue
            if len(rows) >= limits.max_rows:
                raise PurchaseFileError(f"{name}: more than {limits.max_rows} data rows (limit; raise --max-rows)")
            rows.append((number, values))
    except PurchaseFileError:
        raise
    except Exception as exc:  # a damaged sheet fails while streaming, not at load time
        raise PurchaseFileError(f"{name}: sheet {sheet!r} cannot be read ({type(exc).__name__})") from None
    return header, rows


# ---------------------------------------------------------------- writing


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would run as a formula; numbers and missing values pass."""
    if isinstance(value, str) and value.startswith(_INJECTION_PREFIXES):
        return "'" + value
    return value


def display_name(name: str, limit: int = 80) -> str:
    """A user-supplied file name fit for messages: no directories or control characters, at most ``limit``
    characters (never used to name a stored file)."""
    text = _CONTROL.sub("", str(name).replace("\\", "/").rsplit("/", 1)[-1]).strip() or "upload"
    return text if len(text) <= limit else text[: limit - 12] + "…" + text[-11:]


def xlsx_cell(value: object) -> object:
    """:func:`safe_cell`, with the control characters XLSX cannot hold replaced by U+FFFD."""
    if isinstance(value, str):
        value = _XLSX_ILLEGAL.sub("\ufffd", value)
    return safe_cell(value)


def _safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    out.columns = [safe_cell(str(column)) for column in out.columns]
    return out


def _json_ready(value: object) -> object:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return _json_ready(value.item())
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{key: _json_ready(value) for key, value in row.items()} for row in frame.to_dict(orient="records")]


def write_report(tables: dict[str, pd.DataFrame], metadata: dict, out: str | Path) -> list[Path]:
    """Write the report tables to ``out`` (``.xlsx``, ``.csv`` or ``.json``); returns files written.

    For ``.csv`` the first table goes to ``out`` and every other table to ``<stem>_<table>.csv``
    next to it. All files are written to temporary names first and renamed only when all succeeded.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv", ".json"):
        raise PurchaseFileError(f"{out.name}: unsupported report type {suffix or '(none)'}; use .xlsx, .csv or .json")
    out.parent.mkdir(parents=True, exist_ok=True)
    safe = {name: _safe_frame(frame) for name, frame in tables.items()}
    if suffix == ".json":
        payload = {"metadata": metadata, **{name: _records(frame) for name, frame in tables.items()}}
        atomic_write(out, lambda p: p.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8"))
        return [out]
    if suffix == ".xlsx":
        atomic_write(out, lambda p: _write_xlsx(safe, metadata, p))
        return [out]
    targets = [out] + [out.with_name(f"{out.stem}_{name}.csv") for name in list(safe)[1:]]

    def csv_writer(frame: pd.DataFrame):
        return lambda path: frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")

    pairs = zip(targets, safe.values(), strict=True)
    return atomic_write_many([(target, csv_writer(frame)) for target, frame in pairs])


def _write_xlsx(tables: dict[str, pd.DataFrame], metadata: dict, path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    info = workbook.active
    info.title = "info"
    for key, value in metadata.items():
        info.append([xlsx_cell(str(key)), xlsx_cell(value if isinstance(value, int | float) else str(value))])
    for name, frame in tables.items():
        sheet = workbook.create_sheet(title=name[:31])
        sheet.append([xlsx_cell(str(column)) for column in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([xlsx_cell(_json_ready(value)) for value in row])
    workbook.save(path)
