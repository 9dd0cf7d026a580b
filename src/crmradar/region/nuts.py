"""NUTS region codes: crm-radar uses NUTS 2024 and accepts listed NUTS 2021 codes as aliases.

Zuid-Holland is ``NL36`` in NUTS 2024 (Commission Delegated Regulation (EU) 2023/2651; Eurostat publishes on
this basis) and was ``NL33`` in NUTS 2021. The package table ``nuts_correspondence`` (source
``eurostat_nuts2024``) lists the Dutch regions concerned; a NUTS 2021 code whose row has ``alias = true``
is replaced by its NUTS 2024 code, with a note, so ``NL33`` and ``NL36`` give the same results (both are
computed with the NL36 data).
"""

from __future__ import annotations

import pandas as pd

#: The province of Zuid-Holland (NUTS 2024).
HOME_REGION = "NL36"


def correspondence_of(kb) -> pd.DataFrame | None:
    """The ``nuts_correspondence`` table of a knowledge base, or None for an older package without it."""
    return kb.tables.get("nuts_correspondence")


def region_aliases(correspondence: pd.DataFrame) -> dict[str, str]:
    """NUTS 2021 code → NUTS 2024 code for the rows of ``nuts_correspondence`` marked ``alias``."""
    rows = correspondence.loc[correspondence["alias"].fillna(False).astype(bool)]
    return dict(zip(rows["nuts2021_code"].astype(str), rows["nuts2024_code"].astype(str), strict=True))


def canonical_region(code: str, correspondence: pd.DataFrame | None) -> tuple[str, str]:
    """``(NUTS 2024 code, note)`` for a region code; the note is empty unless an alias was replaced.

    >>> table = pd.DataFrame({"nuts2021_code": ["NL33"], "nuts2024_code": ["NL36"], "alias": [True]})
    >>> canonical_region("NL33", table)[0]
    'NL36'
    """
    code = str(code).strip().upper()
    if correspondence is None or correspondence.empty:
        return code, ""
    new = region_aliases(correspondence).get(code)
    if new is None:
        return code, ""
    return new, (
        f"{code} is the NUTS 2021 code; computed as {new} (NUTS 2024, Eurostat), the same region under the "
        "current classification"
    )


def canonical_region_nl(code: str, correspondence: pd.DataFrame | None) -> tuple[str, str]:
    """As :func:`canonical_region`, with the note in Dutch (for CLI output and web pages)."""
    new, note = canonical_region(code, correspondence)
    if not note:
        return new, ""
    old = str(code).strip().upper()
    return new, (
        f"{old} is de NUTS 2021-code; gerekend als {new} (NUTS 2024, Eurostat), dezelfde regio in de huidige indeling."
    )
