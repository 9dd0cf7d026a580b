"""Fuzz targets and input strategies for every parser of crm-radar (issue 17, "Make it permanent").

Each target takes one generated input and either succeeds or raises the parser's own user-facing error
(:data:`ALLOWED`); any other exception is an *unhandled* exception, a bug. Used by ``tests/test_fuzz.py``
(a bounded CI profile) and ``scripts/fuzz.py`` (``--long``: at least 10^5 inputs per parser).

Parsers: purchase lists (CSV and XLSX) through the scan, data-package tables (read and table checks),
scenario YAML, lever YAML, portfolio YAML and GeoPolRisk input CSVs (read, then the calculation).
"""

from __future__ import annotations

import csv
import io
import math
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from hypothesis import strategies as st

# ------------------------------------------------------------------ shared pieces

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
NASTY = st.sampled_from(["", " ", '"', '""', "'", ",", ";", "\n", "\r\n", "\t", "\x00", "\x01", "\x0b", "=1+1",
                         "@SUM(A1)", "-", "+", "1e308", "-1e308", "1e-320", "nan", "NaN", "inf", "-inf", "1,5",
                         "1.234,5", "1.234", "0", "-0", "9" * 40, "é" * 50, "\ufeff", "\u202e", "null", "~",
                         "True", "yes", "2024-13-45", "&a", "*a", "!!python/object:os.system", "{", "[", "%"])
NUMBER_TEXT = st.one_of(st.integers(-10**15, 10**15).map(str),
                        st.floats(allow_nan=True, allow_infinity=True).map(repr),
                        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str))
CELL = st.one_of(TEXT, NASTY, NUMBER_TEXT)


@lru_cache(maxsize=1)
def _kb():
    from crmradar import data

    return data.load(data.EMBEDDED_PACKAGE)


@lru_cache(maxsize=1)
def _knowledge():
    from crmradar.procurement import build_knowledge

    return build_knowledge(_kb())


@lru_cache(maxsize=1)
def _workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="crmradar-fuzz-"))


def _write(name: str, content: str | bytes) -> Path:
    path = _workdir() / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    return path


def _csv_text(header: list[str], rows: list[list[str]], raw: bool, delimiter: str) -> str:
    if raw:  # no quoting at all: stray quotes and delimiters stay as they are
        return "\n".join(delimiter.join(row) for row in [header, *rows]) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerows([header, *rows])
    return buffer.getvalue()


def _mutate_text(text: str, draw) -> str:
    """Replace one token (a YAML scalar, a number, a word) of ``text`` by a hostile one, or cut it."""
    lines = text.splitlines(keepends=True)
    index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    kind = draw(st.sampled_from(["value", "insert", "delete", "truncate", "indent"]))
    if kind == "value" and ":" in line:
        key = line.split(":", 1)[0]
        lines[index] = f"{key}: {draw(st.one_of(NASTY, NUMBER_TEXT, TEXT))}\n"
    elif kind == "insert":
        lines.insert(index, draw(st.one_of(NASTY, TEXT)) + "\n")
    elif kind == "delete":
        del lines[index]
    elif kind == "truncate":
        return "".join(lines)[: draw(st.integers(0, len(text)))]
    else:
        lines[index] = " " * draw(st.integers(0, 9)) + line.lstrip()
    return "".join(lines)


def _all_finite(frame) -> None:
    numeric = frame.select_dtypes(include="number")
    if len(numeric) and np.isinf(numeric.to_numpy(dtype=float)).any():
        raise AssertionError(f"infinite number in {list(numeric.columns)}")


# ------------------------------------------------------------------ purchase lists

PURCHASE_HEADERS = ["cpv", "description", "quantity", "unit", "value_eur", "year", "omschrijving", "aantal",
                    "eenheid", "jaar", "opmerking", "CPV code", ""]


@st.composite
def purchase_table(draw) -> tuple[list[str], list[list[object]]]:
    header = draw(st.one_of(
        st.permutations(["cpv", "description", "quantity", "unit", "value_eur", "year"]).map(list),
        st.lists(st.one_of(st.sampled_from(PURCHASE_HEADERS), TEXT), min_size=0, max_size=8),
    ))
    codes = list(_knowledge().archetypes.index) + list(_knowledge().cpv_codes.index)
    cpv = st.one_of(st.sampled_from(codes), st.sampled_from(codes).map(lambda c: c + "-" + c[-1]), CELL,
                    st.integers(0, 10**9))
    unit = st.one_of(st.sampled_from(["stuks", "st", "kWp", "kW", "MW", "kWh", "MWh", "km", "m", "pcs"]), CELL)
    quantity = st.one_of(st.integers(-5, 10**6), st.floats(allow_nan=True, allow_infinity=True), NUMBER_TEXT, CELL)
    row = st.tuples(cpv, CELL, quantity, unit, st.one_of(NUMBER_TEXT, CELL), st.one_of(st.integers(1900, 2200),
                                                                                       CELL))
    rows = draw(st.lists(row.map(list), max_size=12))
    rows = [r[: draw(st.integers(0, len(r) + 1))] + ([draw(CELL)] if draw(st.booleans()) else []) for r in rows]
    return header, rows


@st.composite
def purchase_csv(draw) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=300))
    header, rows = draw(purchase_table())
    text = _csv_text([str(c) for c in header], [[str(c) for c in r] for r in rows], draw(st.booleans()),
                     draw(st.sampled_from([",", ";"])))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return text.encode(encoding, errors="replace")


def scan_purchase_csv(content: bytes, deep: bool = True) -> None:
    from crmradar.procurement import parse_rows, read_csv_bytes, scan
    from crmradar.procurement.files import ReadLimits

    table = read_csv_bytes(content, "fuzz.csv", ReadLimits(max_rows=50))
    parsed = parse_rows(table.header, table.rows)
    if not deep:
        return
    result = scan(parsed.lines, _knowledge(), parsed.issues, parsed.rows_read)
    for frame in result.tables().values():
        _all_finite(frame)


@st.composite
def purchase_xlsx(draw) -> bytes:
    import openpyxl

    header, rows = draw(purchase_table())
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("lijst")
    for cells in [header, *rows]:
        clean = []
        for cell in cells:
            if isinstance(cell, str):
                from crmradar.procurement.files import xlsx_cell

                cell = xlsx_cell(cell).lstrip("'") if cell else cell
            if isinstance(cell, float) and not math.isfinite(cell):
                cell = str(cell)
            if isinstance(cell, int) and abs(cell) > 2**53:
                cell = str(cell)
            clean.append(cell)
        sheet.append(clean)
    buffer = io.BytesIO()
    book.save(buffer)
    content = buffer.getvalue()
    if draw(st.integers(0, 3)) == 0:  # damage the archive
        position = draw(st.integers(0, 10**6)) % len(content)  # the zip's length varies with its timestamps
        content = content[:position] + draw(st.binary(min_size=1, max_size=8)) + content[position + 1:]
    return content


def scan_purchase_xlsx(content: bytes, deep: bool = True) -> None:
    from crmradar.procurement import parse_rows, read_purchase_file, scan
    from crmradar.procurement.files import ReadLimits

    table = read_purchase_file(_write("fuzz.xlsx", content), ReadLimits(max_rows=50))
    parsed = parse_rows(table.header, table.rows)
    if deep:
        scan(parsed.lines, _knowledge(), parsed.issues, parsed.rows_read)


# ------------------------------------------------------------------ data-package tables


def _cell_for(field) -> st.SearchStrategy:
    typed = {"number": NUMBER_TEXT, "integer": st.integers(-10**12, 10**12).map(str), "year": NUMBER_TEXT,
             "boolean": st.sampled_from(["true", "false", "TRUE", "0", "1", "ja", ""]),
             "date": st.one_of(st.dates().map(str), TEXT)}.get(field.type, TEXT)
    if field.enum:
        typed = st.one_of(st.sampled_from(list(field.enum)), typed)
    return st.one_of(typed, NASTY, st.just(""))


@st.composite
def package_table(draw) -> tuple[str, str]:
    specs = _specs()
    name = draw(st.sampled_from(sorted(specs)))
    spec = specs[name]
    header = [f.name for f in spec.fields]
    mutation = draw(st.integers(0, 5))
    if mutation == 0 and header:
        header.pop(draw(st.integers(0, len(header) - 1)))
    elif mutation == 1:
        header.append(draw(st.one_of(TEXT, st.sampled_from(header or ["x"]))))
    by_name = {f.name: f for f in spec.fields}
    rows = draw(st.lists(st.tuples(*[_cell_for(by_name[h]) if h in by_name else CELL for h in header]).map(list),
                         max_size=8))
    text = _csv_text(header, rows, draw(st.integers(0, 4)) == 0, ",")
    if draw(st.integers(0, 6)) == 0:
        text = text[: draw(st.integers(0, len(text)))] + draw(NASTY)
    return name, text


@lru_cache(maxsize=1)
def _specs():
    from crmradar.data.schema import EMBEDDED_PACKAGE, read_descriptor

    return read_descriptor(EMBEDDED_PACKAGE)


def check_package_table(item: tuple[str, str], deep: bool = True) -> None:
    from crmradar.data.validation import read_csv_strict, validate_table

    name, text = item
    path = _write(f"{name}.csv", text)
    frame, issues = read_csv_strict(path)
    if frame is not None:
        validate_table(frame, _specs()[name], str(path))


# ------------------------------------------------------------------ YAML files

YAML_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(), TEXT)
YAML_TREE = st.recursive(YAML_SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                              st.dictionaries(TEXT, inner, max_size=4)), max_leaves=20)


@lru_cache(maxsize=4)
def _shipped(kind: str) -> str:
    from crmradar.region.scenario import SCENARIO_DIR
    from crmradar.scenarios.levers_io import LEVERS_FILE
    from crmradar.scenarios.portfolio import __file__ as portfolio_module

    paths = {"scenario": SCENARIO_DIR / "targets.yaml", "levers": LEVERS_FILE,
             "portfolio": Path(portfolio_module).parent / "examples" / "portfolio_zuid_holland.yaml"}
    return paths[kind].read_text(encoding="utf-8")


def yaml_text(kind: str) -> st.SearchStrategy:
    import yaml

    @st.composite
    def build(draw) -> str:
        choice = draw(st.integers(0, 9))
        if choice <= 5:
            return _mutate_text(_shipped(kind), draw)
        if choice <= 7:
            return yaml.safe_dump(draw(YAML_TREE), allow_unicode=True)
        return draw(st.text(max_size=200))

    return build()


def check_scenario(text: str, deep: bool = True) -> None:
    from crmradar.region.scenario import load_scenario

    load_scenario(_write("targets.yaml", text), _kb())


def check_levers(text: str, deep: bool = True) -> None:
    from crmradar.scenarios.levers_io import load_levers

    kb = _kb()
    known = {"technologies": set(kb.technologies["id"]), "materials": set(kb.materials["id"]),
             "sources": set(kb.sources["id"])}
    load_levers(_write("levers.yaml", text), known)


def check_portfolio(text: str, deep: bool = True) -> None:
    from crmradar.scenarios.portfolio import parse_portfolio

    kb = _kb()
    parse_portfolio(text, "fuzz.yaml", kb.materials, kb.crma_annex_entries)


# ------------------------------------------------------------------ GeoPolRisk inputs

GPR_GOOD = {
    "production": "material,year,country,quantity_t\ncobalt,2020,COD,100\ncobalt,2020,CHN,10\n",
    "trade": "material,year,importer,exporter,quantity_t,value_kusd\ncobalt,2020,NLD,COD,5,10\ncobalt,2020,NLD,CHN,1,3\n",
    "governance": "country,year,instability\nCOD,2020,0.9\nCHN,2020,0.6\nNLD,2020,0.1\n",
    "groups": "group,country\nEU27,NLD\n",
}
GPR_COLUMNS = {kind: text.splitlines()[0].split(",") for kind, text in GPR_GOOD.items()}


@st.composite
def geopolrisk_input(draw) -> tuple[str, str]:
    kind = draw(st.sampled_from(sorted(GPR_GOOD)))
    header = list(GPR_COLUMNS[kind])
    if draw(st.integers(0, 5)) == 0:
        header = draw(st.lists(st.one_of(st.sampled_from(header), TEXT), max_size=7))
    values = {"material": st.sampled_from(["cobalt", "lithium", "x", ""]), "year": NUMBER_TEXT,
              "country": st.sampled_from(["COD", "CHN", "NLD", "EU27", "XKX", "ZZZ", ""]),
              "importer": st.sampled_from(["NLD", "EU27", "DEU"]), "exporter": st.sampled_from(["COD", "CHN", "NLD"]),
              "group": st.sampled_from(["EU27", "G7", ""]), "instability": NUMBER_TEXT}
    cell = {name: st.one_of(values.get(name, NUMBER_TEXT), CELL) for name in header}
    rows = draw(st.lists(st.tuples(*[cell[h] for h in header]).map(list), min_size=0, max_size=8))
    rows = [r + ([draw(CELL)] if draw(st.integers(0, 8)) == 0 else []) for r in rows]
    return kind, _csv_text(header, rows, draw(st.integers(0, 4)) == 0, ",")


@lru_cache(maxsize=1)
def _codes():
    from crmradar.methods.geopolrisk_io import known_country_codes

    return known_country_codes()


@lru_cache(maxsize=1)
def _good_inputs() -> dict:
    from crmradar.methods.geopolrisk_io import read_input

    groups = read_input(_write("groups.csv", GPR_GOOD["groups"]), "groups", codes=_codes())
    return {"groups": groups, **{k: read_input(_write(f"{k}.csv", GPR_GOOD[k]), k, codes=_codes(),
                                               extra_codes=set(groups["group"]) if k == "trade" else ())
                                 for k in ("production", "trade", "governance")}}


def check_geopolrisk(item: tuple[str, str], deep: bool = True) -> None:
    from crmradar.methods.geopolrisk import geopolrisk
    from crmradar.methods.geopolrisk_io import read_input

    kind, text = item
    inputs = dict(_good_inputs())
    names = set(inputs["groups"]["group"]) if kind != "groups" else set()
    inputs[kind] = read_input(_write(f"{kind}.csv", text), kind, extra_codes=names if kind == "trade" else (),
                              codes=_codes())
    if kind == "groups":
        groups = inputs["groups"]
        inputs["trade"] = read_input(_write("trade.csv", GPR_GOOD["trade"]), "trade",
                                     extra_codes=set(groups["group"]), codes=_codes())
    groups = inputs["groups"]
    if not deep:
        return
    try:
        result = geopolrisk(inputs["production"], inputs["trade"], inputs["governance"], groups=groups)
    except ValueError as error:  # the CLI shows it as one line; it must be one
        if "\n" in str(error).strip():
            raise AssertionError(f"multi-line error: {error!r}") from error
        return
    _all_finite(result)


# ------------------------------------------------------------------ registry


@dataclass(frozen=True)
class Target:
    """``strategy``: rich Hypothesis inputs (CI); ``fast``: a seeded mutation of the seed corpus (long runs)."""

    name: str
    strategy: Callable[[], st.SearchStrategy]
    check: Callable[..., None]
    allowed: Callable[[], tuple[type[BaseException], ...]]
    fast: Callable[[random.Random], object] | None = None


def _purchase_errors():
    from crmradar.procurement import PurchaseFileError

    return (PurchaseFileError,)


def _gpr_errors():
    from crmradar.methods.geopolrisk_io import GeoPolRiskInputError

    return (GeoPolRiskInputError,)


def _scenario_errors():
    from crmradar.region.scenario import ScenarioError

    return (ScenarioError,)


def _lever_errors():
    from crmradar.scenarios.levers_io import LeverError

    return (LeverError,)


def _portfolio_errors():
    from crmradar.scenarios.portfolio import PortfolioError

    return (PortfolioError,)


from fuzz_mutations import (  # noqa: E402 - the mutations use the helpers above
    fast_geopolrisk,
    fast_package_table,
    fast_purchase_csv,
    fast_purchase_xlsx,
    mutate_text,
    small_seed,
)

TARGETS = {
    "purchase_csv": Target("purchase_csv", purchase_csv, scan_purchase_csv, _purchase_errors, fast_purchase_csv),
    "purchase_xlsx": Target("purchase_xlsx", purchase_xlsx, scan_purchase_xlsx, _purchase_errors, fast_purchase_xlsx),
    "package_table": Target("package_table", package_table, check_package_table, lambda: (), fast_package_table),
    "scenario_yaml": Target("scenario_yaml", lambda: yaml_text("scenario"), check_scenario, _scenario_errors,
                            lambda rng: mutate_text(small_seed("scenario"), rng)),
    "lever_yaml": Target("lever_yaml", lambda: yaml_text("levers"), check_levers, _lever_errors,
                         lambda rng: mutate_text(small_seed("levers"), rng)),
    "portfolio_yaml": Target("portfolio_yaml", lambda: yaml_text("portfolio"), check_portfolio, _portfolio_errors,
                             lambda rng: mutate_text(small_seed("portfolio"), rng)),
    "geopolrisk_csv": Target("geopolrisk_csv", geopolrisk_input, check_geopolrisk, _gpr_errors, fast_geopolrisk),
}


def run_one(target: Target, value: object, deep: bool = True) -> None:
    """Run ``target`` on ``value``; allowed (user-facing) errors are swallowed, anything else propagates.

    ``deep=False`` stops after parsing (long runs compute the scan or GeoPolRisk on a sample only)."""
    try:
        target.check(value, deep=deep)
    except target.allowed():
        pass
