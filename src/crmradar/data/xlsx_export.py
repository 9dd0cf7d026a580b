"""A small streaming XLSX writer for exporting the data package (one sheet per table).

openpyxl builds a Python object per cell and needs ~10 s for the package's ~600,000 cells; this writer emits the
SpreadsheetML directly (inline strings, numbers, booleans, dates with a date format) in about a second. Texts are
inline strings, never formulas, so a cell starting with "=" stays text. Spreadsheet cell limit: 32,767 characters.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

MAX_CELL_TEXT = 32_767
ROWS_PER_PROGRESS = 5_000
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_EXCEL_EPOCH = np.datetime64("1899-12-30")


#: Two cell formats: 0 general, 1 date (built-in number format 14).
STYLES = (
    f'<styleSheet xmlns="{_MAIN}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>'
)


def column_letters(count: int) -> list[str]:
    letters = []
    for index in range(1, count + 1):
        name = ""
        while index:
            index, remainder = divmod(index - 1, 26)
            name = chr(65 + remainder) + name
        letters.append(name)
    return letters


def _text(value: object) -> str:
    text = _ILLEGAL_XML.sub("", str(value))[:MAX_CELL_TEXT]
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f' t="inlineStr"><is><t{space}>{escape(text)}</t></is>'


def _cells(series: pd.Series) -> list[str | None]:
    """Each value as the part of ``<c r="A1"…</c>`` after the reference; None for an empty cell."""
    missing = series.isna().to_numpy()
    if pd.api.types.is_bool_dtype(series):
        body = [f' t="b"><v>{int(bool(v))}</v>' if not m else None for v, m in zip(series, missing, strict=True)]
    elif pd.api.types.is_datetime64_any_dtype(series):
        naive = series.dt.tz_localize(None) if getattr(series.dt, "tz", None) is not None else series
        days = (naive.to_numpy(dtype="datetime64[ns]") - _EXCEL_EPOCH) / np.timedelta64(1, "D")
        body = [f' s="1"><v>{d:.10g}</v>' if not m else None for d, m in zip(days, missing, strict=True)]
    elif pd.api.types.is_integer_dtype(series):
        body = [f"><v>{int(v)}</v>" if not m else None for v, m in zip(series, missing, strict=True)]
    elif pd.api.types.is_float_dtype(series):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        body = [f"><v>{v!r}</v>" if np.isfinite(v) else None for v in values.tolist()]
    else:
        values = series.tolist()
        known = {value: _text(value) for value in set(v for v, m in zip(values, missing, strict=True) if not m)}
        body = [known[v] if not m else None for v, m in zip(values, missing, strict=True)]
    return body


def _sheet_xml(frame: pd.DataFrame, advance: Callable[[int], None]) -> bytes:
    letters = column_letters(len(frame.columns))
    columns = [_cells(frame[column]) for column in frame.columns]
    header = "".join(f'<c r="{letter}1"{_text(name)}</c>' for letter, name in zip(letters, frame.columns,
                                                                                   strict=True))
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}"><sheetData>',
             f'<row r="1">{header}</row>']
    for position in range(len(frame)):
        row = position + 2
        cells = "".join(f'<c r="{letter}{row}"{cell[position]}</c>' for letter, cell in zip(letters, columns,
                                                                                           strict=True)
                        if cell[position] is not None)
        parts.append(f'<row r="{row}">{cells}</row>')
        if (position + 1) % ROWS_PER_PROGRESS == 0:
            advance(ROWS_PER_PROGRESS)
    advance(len(frame) % ROWS_PER_PROGRESS)
    parts.append("</sheetData></worksheet>")
    return "".join(parts).encode("utf-8")


def _package_parts(names: Sequence[str]) -> dict[str, str]:
    quoted = [escape(name, {'"': "&quot;"}) for name in names]
    sheets = "".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(quoted, 1))
    relations = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                        for i in range(1, len(names) + 1))
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for i in range(1, len(names) + 1))
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return {
        "[Content_Types].xml": head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>',
        "_rels/.rels": head + f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": head + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheets}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": head + f'<Relationships xmlns="{_PKG_REL}">{relations}<Relationship '
        f'Id="rId{len(names) + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": head + STYLES,
    }


def write_xlsx(sheets: Sequence[tuple[str, pd.DataFrame]], path: Path,
               advance: Callable[[int], None] = lambda rows: None) -> None:
    """Write ``(sheet name, frame)`` pairs to ``path``; ``advance(rows)`` reports progress in data rows."""
    names = [name[:31] for name, _ in sheets]
    if len(set(names)) != len(names):
        raise ValueError(f"sheet names must be unique within 31 characters: {names}")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for part, text in _package_parts(names).items():
            archive.writestr(part, text)
        for index, (_, frame) in enumerate(sheets, 1):
            archive.writestr(f"xl/worksheets/sheet{index}.xml", _sheet_xml(frame, advance))
