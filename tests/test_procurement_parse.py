"""Purchase-list parsing: CPV codes, units, numbers, every bad-input case, and a hypothesis fuzz."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmradar.procurement import cpv as cpvlib
from crmradar.procurement.files import ReadLimits, read_csv_bytes
from crmradar.procurement.parse import PurchaseFileError, parse_number, parse_rows
from crmradar.procurement.units import UnitError, parse_unit

HEADER = ["cpv", "description", "quantity", "unit", "value_eur", "year"]


# ---------------------------------------------------------------- CPV codes and hierarchy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30213100-6", ("30213100", 6)),
        ("30213100", ("30213100", None)),
        (" 30213100-6 ", ("30213100", 6)),
        (30213100, ("30213100", None)),
        (30213100.0, ("30213100", None)),
        ("9331200", ("09331200", None)),  # spreadsheet dropped the leading zero of division 09
        (9331200, ("09331200", None)),
        ("09331200-0", ("09331200", 0)),
    ],
)
def test_parse_cpv_accepts(text, expected):
    assert cpvlib.parse_cpv(text) == expected


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "not a CPV code"),
        (None, "empty"),
        ("302131001", "not a CPV code"),
        ("30213100-66", "not a CPV code"),
        ("99999999", "99 is not a CPV 2008 division"),
        ("laptop", "not a CPV code"),
        (True, "not a CPV code"),
        (30213100.5, "not a CPV code"),
        (float("inf"), "not a CPV code"),
    ],
)
def test_parse_cpv_rejects(text, match):
    with pytest.raises(cpvlib.CpvError, match=match):
        cpvlib.parse_cpv(text)


def test_hierarchy_by_trailing_zeros():
    assert cpvlib.ancestors("30213100") == ["30213000", "30210000", "30200000", "30000000"]
    assert cpvlib.parent("30000000") is None
    assert cpvlib.ancestors("31712341") == ["31712340", "31712300", "31712000", "31710000", "31700000", "31000000"]
    assert cpvlib.is_descendant("30213100", "30200000")
    assert not cpvlib.is_descendant("30213100", "30213100")
    assert not cpvlib.is_descendant("31213200", "30200000")
    assert len(cpvlib.CPV_DIVISIONS) == 45


# ---------------------------------------------------------------- units and numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [("stuks", ("piece", 1.0)), ("St.", ("piece", 1.0)), ("MWp", ("power", 1000.0)), ("Wp", ("power", 0.001)),
     ("kW", ("power", 1.0)), ("MWh", ("energy", 1000.0)), ("m", ("length", 0.001)), (" km ", ("length", 1.0))],
)  # fmt: skip
def test_units(text, expected):
    assert parse_unit(text) == expected


def test_unknown_unit():
    with pytest.raises(UnitError, match="unknown unit 'liter'"):
        parse_unit("liter")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12.0), ("12,5", 12.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5), (" 7 ", 7.0), (3, 3.0), ("1 500", 1500)],
)
def test_numbers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "match"),
    [("1.500", "ambiguous"), ("=A2*3", "formula"), ("veel", "not a number"), ("", "empty"), ("nan", "finite")],
)
def test_bad_numbers(text, match):
    with pytest.raises(ValueError, match=match):
        parse_number(text)


# ---------------------------------------------------------------- rows: every bad-input case


def rows(*cells):
    return [(number, list(row)) for number, row in enumerate(cells, start=2)]


def test_every_bad_row_is_listed_with_row_and_column():
    result = parse_rows(
        HEADER,
        rows(
            ["30213100-6", "laptops", "10", "stuks", "9000", "2025"],  # 2: valid
            ["12345678", "onbekende divisie", "1", "stuks", "", ""],  # 3: unknown CPV
            ["30213100", "tekst", "tien", "stuks", "", ""],  # 4: unparseable quantity
            ["30213100", "negatief", "-3", "stuks", "", ""],  # 5: negative quantity
            ["30213100", "negatieve waarde", "3", "stuks", "-10", ""],  # 6: negative value
            ["30213100", "eenheid", "3", "liter", "", ""],  # 7: wrong unit
            ["30213100", "jaar", "3", "stuks", "", "2025.5"],  # 8: bad year
            ["", "", "", "", "", ""],  # blank line: ignored
            ["30213100", "formule", "=B2*2", "stuks", "", ""],  # 10: formula as quantity
        ),
    )
    assert [line.row for line in result.lines] == [2]
    found = {(issue.row, issue.column) for issue in result.issues if issue.severity == "error"}
    assert found == {(3, "cpv"), (4, "quantity"), (5, "quantity"), (6, "value_eur"), (7, "unit"), (8, "year"),
                     (10, "quantity")}  # fmt: skip
    messages = {issue.row: issue.message for issue in result.issues}
    assert "12 is not a CPV 2008 division" in messages[3]
    assert "'tien' is not a number" in messages[4]
    assert "negative quantity -3" in messages[5]
    assert "negative value -10 EUR" in messages[6]
    assert "unknown unit 'liter'" in messages[7]
    assert "formula '=B2*2' is not evaluated" in messages[10]
    assert result.rows_read == 8


def test_one_row_with_several_problems_lists_them_all():
    result = parse_rows(HEADER, rows(["abc", "x", "-1", "", "", ""]))
    assert {issue.column for issue in result.issues} == {"cpv", "quantity", "unit"}


def test_formula_in_description_is_kept_as_text():
    result = parse_rows(HEADER, rows(["30213100", '=HYPERLINK("http://x")', "1", "stuks", "", ""]))
    assert result.lines[0].description == '=HYPERLINK("http://x")'
    assert result.issues[0].severity == "warning" and result.issues[0].column == "description"


def test_dutch_headers_and_extra_columns():
    header = ["CPV-code", "Omschrijving", "Aantal", "Eenheid", "Waarde EUR", "Jaar", "opmerking"]
    result = parse_rows(header, rows(["30213100", "laptops", "2", "stuks", "1500,50", "2026", "x"]))
    assert result.lines[0].value_eur == 1500.5 and result.lines[0].year == 2026
    assert result.ignored_columns == ["opmerking"]
    assert result.issues[0].message == "column 'opmerking' is not used by the scan"


def test_duplicate_header():
    with pytest.raises(PurchaseFileError, match=r"row 1: duplicate column 'quantity' \(columns 3 and 5\)"):
        parse_rows(["cpv", "description", "quantity", "unit", "aantal"], rows(["30213100", "x", "1", "st", "2"]))


def test_missing_column():
    with pytest.raises(PurchaseFileError, match="missing column.*unit"):
        parse_rows(["cpv", "description", "quantity"], rows(["30213100", "x", "1"]))


def test_header_only():
    with pytest.raises(PurchaseFileError, match="no data rows"):
        parse_rows(HEADER, rows(["", "", "", "", "", ""]))


# ---------------------------------------------------------------- CSV bytes


def test_csv_semicolon_and_bom():
    table = read_csv_bytes("\ufeffcpv;description;quantity;unit\n30213100;laptop;3;stuks\n".encode(), "x.csv")
    assert table.header == ["cpv", "description", "quantity", "unit"]
    assert table.rows == [(2, ["30213100", "laptop", "3", "stuks"])]


def test_csv_not_utf8_names_row():
    content = "cpv,description,quantity,unit\n30213100,caf\u00e9,1,stuks\n".encode("cp1252")
    with pytest.raises(PurchaseFileError, match=r"x.csv: row 2: not UTF-8 \(byte 0xe9 at offset 42\)"):
        read_csv_bytes(content, "x.csv")


def test_csv_empty_and_limits():
    with pytest.raises(PurchaseFileError, match="empty"):
        read_csv_bytes(b"  \n\n", "x.csv")
    content = ("cpv,description,quantity,unit\n" + "30213100,a,1,st\n" * 11).encode()
    with pytest.raises(PurchaseFileError, match="more than 10 data rows"):
        read_csv_bytes(content, "x.csv", ReadLimits(max_rows=10))
    with pytest.raises(PurchaseFileError, match="limit of 50 bytes"):
        read_csv_bytes(content, "x.csv", ReadLimits(max_bytes=50))


# ---------------------------------------------------------------- fuzz: no unhandled exception, nothing dropped

cell = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["30213100-6", "09331200", "stuks", "kWp", "MWh", "=1+1", "1.500", "-1", "12,5", "@x"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(st.one_of(st.sampled_from(HEADER + ["aantal", "x"]), st.text(max_size=6)), max_size=8),
    body=st.lists(st.lists(cell, max_size=8), max_size=6),
)
def test_fuzz_parse_rows(header, body):
    try:
        result = parse_rows(header, rows(*body))
    except PurchaseFileError:
        return
    rejected = {issue.row for issue in result.issues if issue.severity == "error"}
    accepted = {line.row for line in result.lines}
    assert not accepted & rejected
    assert len(accepted) + len(rejected) == result.rows_read  # every non-blank row is accounted for


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_csv_bytes(content):
    try:
        table = read_csv_bytes(content, "fuzz.csv")
        parse_rows(table.header, table.rows)
    except PurchaseFileError:
        pass
