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


# ------------------------------------------------------------------ fast seeded mutations (long runs)

NASTY_BYTES = [b"", b'"', b",", b";", b"\n", b"\r", b"\x00", b"\xff\xfe", b"\xc3", b"1e308", b"-1", b"nan", b"=",
               b"*a", b"&a [", b"{{{{", b"[" * 40, b"\t", b"\xef\xbb\xbf", b"9" * 30, b": ", b"- ", b"'"]


def mutate_bytes(content: bytes, rng: random.Random) -> bytes:
    """1–4 random edits: overwrite, insert or delete bytes, splice in a hostile token, duplicate or cut."""
    data = bytearray(content)
    for _ in range(rng.randint(1, 4)):
        position = rng.randint(0, max(len(data) - 1, 0))
        kind = rng.randrange(6)
        if kind == 0 and data:
            data[position] = rng.randrange(256)
        elif kind == 1:
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 2:
            del data[position:position + rng.randint(1, 16)]
        elif kind == 3:
            data[position:position] = rng.choice(NASTY_BYTES)
        elif kind == 4:
            end = min(len(data), position + rng.randint(1, 64))
            data[position:position] = data[position:end]
        else:
            del data[rng.randint(0, len(data)):]
    return bytes(data)


def mutate_text(text: str, rng: random.Random) -> str:
    """Line- and token-level edits of a text file (YAML, CSV), then sometimes a byte-level edit."""
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(lines))
        kind = rng.randrange(6)
        nasty = rng.choice(["", '"', "'", ",", ";", ".nan", ".inf", "-.inf", "1.0e+308", "-1", "1e30", "~", "null",
                            "[", "{", "*a", "&a", "- x", "a: b", "  ", "\t", "yes", "2050", "0", "é" * 20,
                            "!!binary AAAA", "<<: *a"])
        if kind == 0 and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {nasty}\n"
        elif kind == 1:
            words = lines[index].split(" ")
            words[rng.randrange(len(words))] = nasty
            lines[index] = " ".join(words)
        elif kind == 2:
            lines.insert(index, nasty + "\n")
        elif kind == 3 and len(lines) > 1:
            del lines[index]
        elif kind == 4:
            lines.insert(index, lines[rng.randrange(len(lines))])
        else:
            lines[index] = " " * rng.randint(0, 8) + lines[index].lstrip()
    out = "".join(lines)
    if rng.randrange(8) == 0:
        out = mutate_bytes(out.encode("utf-8"), rng).decode("utf-8", errors="replace")
    return out


@lru_cache(maxsize=8)
def _small(kind: str) -> str:
    """A short valid seed file (the shipped one cut to a few entries), so long runs stay quick."""
    import yaml

    text = _shipped(kind)
    tree = yaml.safe_load(text)
    if kind == "scenario":
        tree["technologies"] = dict(list(tree["technologies"].items())[:2])
        tree.pop("mix", None)
    elif kind == "levers":
        tree["levers"] = dict(list(tree["levers"].items())[:2])
        tree["packages"] = {}
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


@lru_cache(maxsize=1)
def _csv_seeds() -> list[bytes]:
    from crmradar.procurement.files import __file__ as files_module

    example = (Path(files_module).parent / "examples" / "provincie_inkoop_voorbeeld.csv").read_bytes()
    head = b"\n".join(example.splitlines()[:10]) + b"\n"
    return [head, head.replace(b",", b";"), head.decode("utf-8").encode("utf-8-sig")]


def fast_purchase_csv(rng: random.Random) -> bytes:
    return mutate_bytes(rng.choice(_csv_seeds()), rng) if rng.randrange(3) else \
        mutate_text(rng.choice(_csv_seeds()).decode("utf-8", errors="replace"), rng).encode("utf-8")


@lru_cache(maxsize=1)
def _xlsx_seeds() -> list[bytes]:
    import openpyxl

    seeds = []
    rng = random.Random(17)
    for number in range(40):
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("lijst")
        sheet.append(["cpv", "omschrijving", "aantal", "eenheid", "waarde_eur", "jaar"][: 3 + number % 4])
        for _ in range(rng.randint(0, 6)):
            sheet.append([rng.choice(["30213100-6", "09331200", 30213100, 9331200.0, "x", None, "=A1", 1e308]),
                          rng.choice(["Laptop", "é" * 30, None, "=HYPERLINK()", 3]),
                          rng.choice([10, -1, 0, 1e12, 1e13, "1,5", "1.234", None, True, "nan"]),
                          rng.choice(["stuks", "kWp", "MWh", "km", "", None, 7]),
                          rng.choice([100, None, "x", -5]), rng.choice([2026, 1800, "2026", None, 2026.5])])
        buffer = io.BytesIO()
        book.save(buffer)
        seeds.append(buffer.getvalue())
    return seeds


def fast_purchase_xlsx(rng: random.Random) -> bytes:
    seed = rng.choice(_xlsx_seeds())
    return seed if rng.randrange(4) == 0 else mutate_bytes(seed, rng)


@lru_cache(maxsize=1)
def _table_seeds() -> dict[str, str]:
    from crmradar.data.schema import EMBEDDED_PACKAGE

    return {name: "".join((EMBEDDED_PACKAGE / spec.path).read_text(encoding="utf-8").splitlines(keepends=True)[:8])
            for name, spec in _specs().items()}


def fast_package_table(rng: random.Random) -> tuple[str, str]:
    name = rng.choice(sorted(_table_seeds()))
    return name, mutate_text(_table_seeds()[name], rng)


def fast_geopolrisk(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(sorted(GPR_GOOD))
    return kind, mutate_text(GPR_GOOD[kind], rng)


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


TARGETS = {
    "purchase_csv": Target("purchase_csv", purchase_csv, scan_purchase_csv, _purchase_errors, fast_purchase_csv),
    "purchase_xlsx": Target("purchase_xlsx", purchase_xlsx, scan_purchase_xlsx, _purchase_errors, fast_purchase_xlsx),
    "package_table": Target("package_table", package_table, check_package_table, lambda: (), fast_package_table),
    "scenario_yaml": Target("scenario_yaml", lambda: yaml_text("scenario"), check_scenario, _scenario_errors,
                            lambda rng: mutate_text(_small("scenario"), rng)),
    "lever_yaml": Target("lever_yaml", lambda: yaml_text("levers"), check_levers, _lever_errors,
                         lambda rng: mutate_text(_small("levers"), rng)),
    "portfolio_yaml": Target("portfolio_yaml", lambda: yaml_text("portfolio"), check_portfolio, _portfolio_errors,
                             lambda rng: mutate_text(_small("portfolio"), rng)),
    "geopolrisk_csv": Target("geopolrisk_csv", geopolrisk_input, check_geopolrisk, _gpr_errors, fast_geopolrisk),
}


def run_one(target: Target, value: object, deep: bool = True) -> None:
    """Run ``target`` on ``value``; allowed (user-facing) errors are swallowed, anything else propagates.

    ``deep=False`` stops after parsing (long runs compute the scan or GeoPolRisk on a sample only)."""
    try:
        target.check(value, deep=deep)
    except target.allowed():
        pass
