"""Trade-partner codes as real trade files have them: ISO 3166-1 alpha-3 plus documented reserved codes.

UN Comtrade and CEPII BACI use a few partner codes that are not ISO 3166-1 alpha-3 (package table
``trade_partner_codes``):

* codes that stand for one country are read as that country: ``S19`` ("Other Asia, nes") → ``TWN``;
* areas (``R20`` Europe EFTA nes, ``_X``, ``X1``, ``E19`` …) and former states (``SUN`` …) are partners
  without governance data; GeoPolRisk gives them the missing-governance instability (0.5, geopolrisk-py
  convention) and :func:`resolve_partner_codes` says how many tonnes that affects;
* any other code (a typo such as ``CHM``) is an error naming file, row and column (:func:`unknown_partner_codes`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import pandas as pd

PARTNER_COLUMNS = ("importer", "exporter")


def code_mapping(reserved: pd.DataFrame) -> dict[str, str]:
    """Reserved code → ISO3 for the codes that stand for one country (``kind == maps_to_country``)."""
    rows = reserved.loc[(reserved["kind"] == "maps_to_country") & reserved["iso3"].notna()]
    return {str(code): str(iso3) for code, iso3 in zip(rows["code"], rows["iso3"], strict=True) if code != iso3}


def without_governance(reserved: pd.DataFrame) -> dict[str, str]:
    """Reserved code → name for areas and former states (partners without governance data)."""
    rows = reserved.loc[reserved["kind"] != "maps_to_country"]
    return dict(zip(rows["code"].astype(str), rows["name"].astype(str), strict=True))


def accepted_codes(known: Iterable[str], reserved: pd.DataFrame) -> frozenset[str]:
    """Codes a trade file may use: ``known`` (ISO3 etc.) plus every reserved code."""
    return frozenset(known) | frozenset(reserved["code"].astype(str))


def unknown_partner_codes(
    frame: pd.DataFrame, columns: Iterable[str], accepted: frozenset[str], file: str, first_line: int = 2
) -> list[str]:
    """One message per cell whose code is neither accepted nor reserved: ``file, row N, column C: …``.

    ``first_line`` is the file line of ``frame``'s first row (header = line 1).
    """
    problems = []
    for column in columns:
        if column not in frame.columns:
            continue
        values = frame[column].astype(str).str.strip()
        for position in (~values.isin(accepted)).to_numpy().nonzero()[0]:
            code = values.iloc[position]
            close = difflib.get_close_matches(code, sorted(accepted), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"{file}, row {position + first_line}, column {column}: {code!r} is neither an ISO "
                            f"3166-1 alpha-3 code nor a reserved partner code{hint}")
    return problems


def resolve_partner_codes(
    trade: pd.DataFrame,
    reserved: pd.DataFrame,
    columns: Iterable[str] = PARTNER_COLUMNS,
    quantity: str = "quantity_t",
) -> tuple[pd.DataFrame, list[str]]:
    """Trade with reserved country codes replaced (S19 → TWN) and warnings for partners without governance.

    Returns the new frame and one warning per reserved area/former-state code found, e.g. ``"exporter
    R20 (Europe EFTA, nes): area, no governance data, counted with the missing-governance instability:
    1,234.5 t in 3 rows"``. Tonnes are the sum of ``quantity`` (missing counts as 0 t).
    """
    mapping = code_mapping(reserved)
    areas = without_governance(reserved)
    kinds = dict(zip(reserved["code"].astype(str), reserved["kind"].astype(str), strict=True))
    result = trade.copy()
    warnings: list[str] = []
    tonnes = pd.to_numeric(result[quantity], errors="coerce").fillna(0.0) if quantity in result else None
    for column in columns:
        if column not in result.columns:
            continue
        values = result[column].astype(str)
        for code, name in areas.items():
            hit = values == code
            if hit.any():
                amount = float(tonnes[hit].sum()) if tonnes is not None else float("nan")
                kind = "former state" if kinds[code] == "former_state" else "area"
                warnings.append(f"{column} {code} ({name}): {kind}, no governance data, counted with the "
                                f"missing-governance instability: {amount:,.1f} t in {int(hit.sum())} rows")
        result[column] = values.replace(mapping)
    return result, warnings


def package_reserved_codes() -> pd.DataFrame:
    """The ``trade_partner_codes`` table of the active data package (empty frame for an older package)."""
    from crmradar import data

    kb = data.load()
    if "trade_partner_codes" in kb:
        return kb["trade_partner_codes"]
    return pd.DataFrame(columns=["code", "name", "kind", "iso3"])
