"""CPV 2008 codes: parsing, the trailing-zero hierarchy, and divisions.

The Common Procurement Vocabulary (Commission Regulation (EC) No 213/2008) writes a code as eight
digits, a hyphen and a check digit, e.g. ``30213100-6``. The hierarchy is carried by the digits:
a code's parent replaces its last non-zero digit (counting from digit 3) with zero, so

    30213100 → 30213000 → 30210000 → 30200000 → 30000000

where the first two digits are the division. A code is a descendant of another when it shares the
ancestor's significant prefix (the digits before its trailing zeros).
"""

from __future__ import annotations

import math
import re

#: The 45 divisions of the CPV 2008 main vocabulary (Guide to the CPV, Annex 1).
CPV_DIVISIONS = frozenset(
    {
        "03", "09", "14", "15", "16", "18", "19", "22", "24", "30", "31", "32", "33", "34", "35",
        "37", "38", "39", "41", "42", "43", "44", "45", "48", "50", "51", "55", "60", "63", "64",
        "65", "66", "70", "71", "72", "73", "75", "76", "77", "79", "80", "85", "90", "92", "98",
    }
)  # fmt: skip

_CODE = re.compile(r"^(\d{8})(?:-(\d))?$")


class CpvError(ValueError):
    """A text that is not a CPV 2008 code (wrong shape or unknown division)."""


def parse_cpv(text: object) -> tuple[str, int | None]:
    """Split ``text`` into the 8-digit code and the check digit (``None`` when absent).

    Accepts ``30213100-6``, ``30213100``, blanks, and a number read from a spreadsheet
    (``30213100.0``; leading zero of divisions 03/09 lost: ``9331200`` → ``09331200``).
    Raises :class:`CpvError` otherwise.
    """
    if text is None or (isinstance(text, float) and text != text):
        raise CpvError("empty CPV code")
    if isinstance(text, bool):
        raise CpvError(f"{text!r} is not a CPV code")
    if isinstance(text, int | float):
        if not math.isfinite(text) or float(text) != int(text) or text < 0:
            raise CpvError(f"{text!r} is not a CPV code (8 digits, optional check digit)")
        raw = str(int(text))
    else:
        raw = re.sub(r"\s", "", str(text))
        if re.fullmatch(r"\d{7,8}\.0+", raw):
            # a code that went through a spreadsheet number format
            raw = raw.split(".")[0]
    if raw.isdigit() and len(raw) == 7:
        # Spreadsheets drop the leading zero of divisions 03 and 09.
        raw = "0" + raw
    match = _CODE.match(raw)
    if match is None:
        shown = str(text)[:40]
        raise CpvError(f"{shown!r} is not a CPV code (expected 8 digits with optional check digit, e.g. 30213100-6)")
    code, check = match.group(1), match.group(2)
    if code[:2] not in CPV_DIVISIONS:
        raise CpvError(f"{code}: {code[:2]} is not a CPV 2008 division")
    return code, (int(check) if check is not None else None)


def significant_prefix(code: str) -> str:
    """Digits before the trailing zeros, never shorter than the 2-digit division."""
    stripped = code.rstrip("0")
    return stripped if len(stripped) >= 2 else code[:2]


def parent(code: str) -> str | None:
    """The next-more-general code, or ``None`` for a division (``30000000``)."""
    prefix = significant_prefix(code)
    if len(prefix) <= 2:
        return None
    return (prefix[:-1]).ljust(8, "0")


def ancestors(code: str) -> list[str]:
    """All more general codes, nearest first (``30213100`` → ``[30213000, 30210000, 30200000, 30000000]``)."""
    chain = []
    current = parent(code)
    while current is not None:
        chain.append(current)
        current = parent(current)
    return chain


def is_descendant(code: str, ancestor: str) -> bool:
    """True when ``code`` lies strictly below ``ancestor`` in the hierarchy."""
    return code != ancestor and code.startswith(significant_prefix(ancestor))


def format_cpv(code: str, check_digit: int | None) -> str:
    """``30213100`` and 6 → ``30213100-6``; without check digit the bare code."""
    return code if check_digit is None else f"{code}-{check_digit}"
