"""One locale-aware number formatter for the web and the command line (pure Python, no Django).

Dutch: ``1.234,5``, ranges ``−2.151 tot −1.086``; English: ``1,234.5``, ranges ``-2,151 to -1,086``.
Never scientific notation: tiny values get enough decimals to show their significant digits.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

MINUS = {"nl": "\u2212", "en": "-"}
SEPARATORS = {"nl": (".", ","), "en": (",", ".")}  # (thousands, decimal)
RANGE_WORD = {"nl": "tot", "en": "to"}
MISSING = "–"
MAX_DECIMALS = 12


def _lang(lang: str | None) -> str:
    return "en" if (lang or "nl").lower().startswith("en") else "nl"


def _is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def decimals_for(value: float, significant: int) -> int:
    """Decimals that show ``significant`` digits of ``value`` (0 for values of that many digits or more)."""
    if value == 0:
        return 0
    magnitude = math.floor(math.log10(abs(value)))
    return int(min(MAX_DECIMALS, max(0, significant - 1 - magnitude)))


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


def format_number(value, lang: str | None = "nl", significant: int | None = None, decimals: int | None = None,
                  grouping: bool = True) -> str:
    """``value`` with the thousands and decimal separators of ``lang``.

    ``decimals`` fixes the number of decimals; else ``significant`` digits (default 3) decide them (trailing
    zeros dropped), and values of 1,000 and more are shown whole. Missing values (None, NaN) give an en dash.
    """
    if _is_missing(value):
        return MISSING
    if isinstance(value, bool):
        return str(int(value))
    lang = _lang(lang)
    number = float(value)
    if math.isinf(number):
        return ("" if number > 0 else MINUS[lang]) + "∞"
    trim = decimals is None
    if decimals is None:
        decimals = decimals_for(number, significant or 3)
    quantum = Decimal(1).scaleb(-decimals)
    # 15 significant digits first, so 100 × 0.945 (94.49999999999999 in binary) rounds like 94.5
    rounded = Decimal(format(number, ".15g")).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "−0"
    text = f"{abs(rounded):f}"
    whole, _, fraction = text.partition(".")
    if trim:
        fraction = fraction.rstrip("0")  # significant-digit mode: 0,5 rather than 0,500
    thousands, point = SEPARATORS[lang]
    if grouping:
        whole = _group(whole, thousands)
    body = whole + (point + fraction if fraction else "")
    return (MINUS[lang] if rounded < 0 else "") + body


def format_percent(fraction, lang: str | None = "nl", significant: int | None = None,
                   decimals: int | None = None) -> str:
    """A fraction as a percentage: 0.945 → ``94,5 %`` (Dutch) / ``94.5 %`` (English)."""
    if _is_missing(fraction):
        return MISSING
    if decimals is None and significant is None:
        decimals = 0 if abs(float(fraction)) >= 0.1 else None
    return format_number(100 * float(fraction), lang, significant=significant or 2, decimals=decimals) + "\u00a0%"


def format_range(low, high, lang: str | None = "nl", significant: int | None = None,
                 decimals: int | None = None) -> str:
    """``low tot high`` (Dutch) / ``low to high`` (English), both with the decimals the larger one needs."""
    if _is_missing(low) and _is_missing(high):
        return MISSING
    lang = _lang(lang)
    if decimals is None:
        finite = [abs(float(v)) for v in (low, high) if not _is_missing(v) and float(v) != 0]
        decimals = decimals_for(max(finite), significant or 3) if finite else 0
    first = format_number(low, lang, decimals=decimals)
    second = format_number(high, lang, decimals=decimals)
    return f"{first} {RANGE_WORD[lang]} {second}"


def format_estimate(median, low, high, lang: str | None = "nl", significant: int | None = None) -> str:
    """Median with its interval: ``1.234 (1.100 tot 1.400)``."""
    if _is_missing(median):
        return MISSING
    finite = [abs(float(v)) for v in (median, low, high) if not _is_missing(v) and float(v) != 0]
    decimals = decimals_for(max(finite), significant or 3) if finite else 0
    centre = format_number(median, lang, decimals=decimals)
    if _is_missing(low) and _is_missing(high):
        return centre
    return f"{centre} ({format_range(low, high, lang, decimals=decimals)})"
