"""CSV downloads that open correctly in Dutch Excel: semicolon separator, decimal comma, UTF-8 byte-order mark.

The plain variant (comma, decimal point, no BOM) stays the default for scripts and other tools.
"""

from __future__ import annotations

import pandas as pd

BOM = "\ufeff"


def frame_to_csv(frame: pd.DataFrame, dutch_excel: bool = False) -> str:
    """``frame`` as CSV text; ``dutch_excel`` gives ``;`` separators, decimal commas and a BOM so that Excel
    with Dutch regional settings reads columns, numbers and accents correctly."""
    if not dutch_excel:
        return frame.to_csv(index=False)
    return BOM + frame.to_csv(index=False, sep=";", decimal=",")


def wants_dutch_excel(value: str | None) -> bool:
    """The ``?excel=nl`` query parameter of the download links."""
    return (value or "").lower() in ("nl", "1", "true", "yes")
