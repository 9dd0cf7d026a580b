"""Names for the result table of an export-control shock (``crmradar.scenarios.shock_replay``) in Dutch and
English, shared by ``crmradar shock`` and the shocks page, so both name sections, items, units and measures alike.

The replay returns English section ids (``supply``, ``zh_deployment``, …), items (``gallium: EU supply shortfall``,
technology ids, ``C26 Manufacture of …``) and units; this module turns them into display names.
"""

from __future__ import annotations

import pandas as pd

from crmradar.reports import labels, numbers

Pair = tuple[str, str]  # (Dutch, English)

SECTIONS: dict[str, Pair] = {
    "supply": ("Tekort in de aanvoer zolang de schok duurt", "Supply shortfall while the shock bites"),
    "zh_material": ("Grondstofvraag van Zuid-Holland die niet gedekt wordt",
                    "Zuid-Holland raw-material demand not met"),
    "zh_deployment": ("Uitrol in Zuid-Holland die gevaar loopt", "Zuid-Holland deployment at risk"),
    "eu_value_added": ("Blootgestelde toegevoegde waarde in de EU (mln €)", "EU value added exposed (EUR million)"),
    "zh_value_added": ("Blootgestelde toegevoegde waarde in Zuid-Holland (mln €)",
                       "Zuid-Holland value added exposed (EUR million)"),
}
SUPPLY_ITEMS: dict[str, Pair] = {
    "EU supply shortfall": ("tekort in de EU-aanvoer", "shortfall in EU supply"),
    "NL supply shortfall": ("tekort in de Nederlandse aanvoer", "shortfall in Dutch supply"),
    "months without stockpile cover": ("maanden zonder dekking uit voorraden", "months without stockpile cover"),
    "ZH demand not met": ("vraag van Zuid-Holland niet gedekt", "Zuid-Holland demand not met"),
}
UNITS: dict[str, Pair] = {
    "fraction of supply": ("%", "%"), "months": ("maanden", "months"), "t": ("t", "t"), "kg": ("kg", "kg"),
    "EUR million": ("mln €", "EUR million"), "MW": ("MW", "MW"), "kWh": ("kWh", "kWh"),
    "vehicles": ("voertuigen", "vehicles"), "units": ("stuks", "units"), "unit": ("stuks", "units"),
    "persons": ("personen", "persons"),
}
TOTAL: Pair = ("totaal", "total")
ZH_TOTAL: Pair = ("totaal (EU-totaal × aandeel Zuid-Holland, een aanname)",
                  "total (EU total × share of Zuid-Holland, an assumption)")
HEADERS: dict[str, Pair] = {"section": ("onderdeel", "section"), "item": ("post", "item"), "unit": ("eenheid", "unit")}


def _pick(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def section_name(section: str, lang: str = "nl") -> str:
    return _pick(SECTIONS[section], lang) if section in SECTIONS else section


def unit_name(unit: str, lang: str = "nl") -> str:
    return _pick(UNITS[unit], lang) if unit in UNITS else labels.unit(unit, lang)


def item_name(section: str, item: str, lang: str = "nl") -> str:
    """The English item of ``shock_impact`` as a name: ``gallium: EU supply shortfall`` → ``gallium: tekort in
    de EU-aanvoer``; technology ids and NACE codes by their names."""
    if section in ("supply", "zh_material") and ": " in item:
        material, what = item.split(": ", 1)
        what_name = _pick(SUPPLY_ITEMS[what], lang) if what in SUPPLY_ITEMS else what
        return f"{labels.label('material', material, lang)}: {what_name}"
    if section == "zh_deployment":
        return labels.label("technology", item, lang)
    if section == "eu_value_added" and item != "total":
        code = item.split(" ", 1)[0]
        return f"{code} {labels.label('nace', code, lang)}"
    if section == "zh_value_added":
        return _pick(ZH_TOTAL, lang)
    return _pick(TOTAL, lang) if item == "total" else item


def measure_name(register: pd.DataFrame, measure_id: str, lang: str = "nl") -> str:
    """A register measure by name (``China, aug. 2023: vergunningplicht — gallium en germanium``); a custom
    shock's label (not in the register) is returned unchanged."""
    rows = register.loc[register["measure_id"] == measure_id]
    if rows.empty:
        return measure_id
    first = rows.sort_values("date_in_force").iloc[0]
    return labels.measure(first["country_iso3"], first["date_in_force"], first["measure_type"],
                          rows["material_id"].tolist(), lang)


def value_text(value, unit: str, lang: str = "nl") -> str:
    """One value in its unit: shares as percentages, everything else with three significant digits."""
    if unit == "fraction of supply":
        return numbers.format_percent(value, lang)
    return numbers.format_number(value, lang, significant=3)


def band_text(p50, p5, p95, unit: str, lang: str = "nl") -> str:
    """``median (P5 tot P95)``; only the median when the three agree; an en dash when missing."""
    if p50 is None or pd.isna(p50):
        return numbers.MISSING
    text = value_text(p50, unit, lang)
    if p5 is not None and p95 is not None and not pd.isna(p5) and not pd.isna(p95) and not (p5 == p50 == p95):
        text += f" ({value_text(p5, unit, lang)} {numbers.RANGE_WORD['en' if lang == 'en' else 'nl']} " \
                f"{value_text(p95, unit, lang)})"
    return text


def shock_table(frame: pd.DataFrame, shock_labels: list[str], names: dict[str, str], lang: str = "nl"
                ) -> pd.DataFrame:
    """The replay table with display names: section, item, unit and one ``median (P5 to P95)`` column per shock,
    headed by the shock's name (``names``: label → name)."""
    out = pd.DataFrame({
        _pick(HEADERS["section"], lang): [section_name(s, lang) for s in frame["section"]],
        _pick(HEADERS["item"], lang): [item_name(s, i, lang) for s, i in zip(frame["section"], frame["item"],
                                                                            strict=True)],
        _pick(HEADERS["unit"], lang): [unit_name(u, lang) for u in frame["unit"]],
    })
    for label in shock_labels:
        out[names.get(label, label)] = [
            band_text(a, b, c, u, lang) for a, b, c, u in zip(frame[f"{label} p50"], frame[f"{label} p5"],
                                                               frame[f"{label} p95"], frame["unit"], strict=True)]
    return out
