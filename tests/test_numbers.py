"""The one number formatter (crmradar.reports.numbers): hand-computed Dutch and English cases."""

from __future__ import annotations

import math

import pytest

from crmradar.reports.numbers import format_estimate, format_number, format_percent, format_range


@pytest.mark.parametrize(
    ("value", "kwargs", "dutch", "english"),
    [
        (1234.5, {"decimals": 1}, "1.234,5", "1,234.5"),
        (1234.5, {}, "1.235", "1,235"),  # three significant digits, values ≥ 1,000 whole (half up)
        (-2151.3, {}, "\u22122.151", "-2,151"),
        (6e-05, {}, "0,00006", "0.00006"),  # never "6e-05"
        (1e3, {}, "1.000", "1,000"),  # never "1e+03"
        (2.5e-07, {}, "0,00000025", "0.00000025"),
        (0.5, {}, "0,5", "0.5"),  # trailing zeros dropped in significant-digit mode
        (3.9, {"decimals": 2}, "3,90", "3.90"),
        (12.345, {}, "12,3", "12.3"),
        (0.012345, {"significant": 2}, "0,012", "0.012"),
        (123456789, {}, "123.456.789", "123,456,789"),
        (-0.0001, {"decimals": 2}, "0,00", "0.00"),  # no "−0"
        (None, {}, "–", "–"),
        (math.nan, {}, "–", "–"),
    ],
)
def test_format_number(value, kwargs, dutch, english):
    assert format_number(value, "nl", **kwargs) == dutch
    assert format_number(value, "en", **kwargs) == english


def test_format_range_uses_a_word_and_the_same_decimals():
    assert format_range(-2151.2, -1086.4, "nl") == "\u22122.151 tot \u22121.086"
    assert format_range(-2151.2, -1086.4, "en") == "-2,151 to -1,086"
    assert format_range(0.012, 0.5, "nl") == "0,012 tot 0,500"  # decimals of 3 significant digits of 0.5
    assert format_range(None, None, "nl") == "–"


def test_format_percent_and_estimate():
    assert format_percent(0.945, "nl") == "95\u00a0%"  # 94.5 → 95 (whole percentages from 10 %)
    assert format_percent(0.945, "nl", decimals=1) == "94,5\u00a0%"
    assert format_percent(0.02, "en") == "2\u00a0%"
    assert format_percent(0.0123, "en") == "1.2\u00a0%"
    assert format_estimate(1234, 1100.2, 1400, "nl") == "1.234 (1.100 tot 1.400)"
    assert format_estimate(0.25, 0.125, 0.5, "en") == "0.250 (0.125 to 0.500)"


def test_language_codes_are_normalised():
    assert format_number(1234.5, "nl-NL", decimals=1) == "1.234,5"
    assert format_number(1234.5, "en-gb", decimals=1) == "1,234.5"
