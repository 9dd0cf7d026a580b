"""The tables of ``crmradar recycling`` for the terminal in Dutch or English: chosen columns with translated
headers, streams, catchments and materials by name, plant-scale years in words ("niet vóór 2050"), and the
headline sentences under the summary. CSV and JSON keep the ids and every column
(``crmradar.scenarios.recycling_report``).
"""

from __future__ import annotations

import re

import pandas as pd

from crmradar.reports import labels, numbers

Pair = tuple[str, str]  # (Dutch, English)

SUMMARY: dict[str, Pair] = {
    "catchment": ("gebied", "catchment"), "input_stream": ("stroom", "stream"),
    "scale_central_t": ("minimale schaal (t/jaar)", "min scale t/yr"),
    "year_low": ("jaar (kleine schaal)", "year (low scale)"), "year_central": ("jaar (centraal)", "year (central)"),
    "year_high": ("jaar (grote schaal)", "year (high scale)"), "year_central_p95": ("centraal, P95", "central, P95"),
    "year_central_p5": ("centraal, P5", "central, P5"), "capacity_chosen_t": ("capaciteit (t/jaar)", "capacity t/yr"),
    "plants_without_capacity": ("installaties zonder capaciteit", "plants w/o capacity"),
}
VALUE: dict[str, Pair] = {
    "catchment": ("gebied", "catchment"), "input_stream": ("stroom", "stream"),
    "material_id": ("grondstof", "material"), "year": ("jaar", "year"),
    "recoverable_p50_t": ("terugwinbaar P50 (t)", "recoverable P50 t"),
    "value_p5_musd": ("waarde P5", "value P5"), "value_p50_musd": ("P50", "P50"),
    "value_p95_musd": ("P95 (mln USD)", "P95 MUSD"), "usd_per_kg_contained": ("USD/kg", "USD/kg"),
    "price_source_id": ("prijsbron", "price source"),
}
YEARS: dict[str, Pair] = {
    "catchment": ("gebied", "catchment"), "input_stream": ("stroom", "stream"), "year": ("jaar", "year"),
    "feedstock_p5_t": ("aanbod P5 (t)", "feedstock P5 t"), "feedstock_p50_t": ("aanbod P50 (t)", "feedstock P50 t"),
    "feedstock_p95_t": ("aanbod P95 (t)", "feedstock P95 t"), "capacity_t": ("capaciteit (t)", "capacity t"),
    "gap_p5_t": ("tekort P5 (t)", "gap P5 t"), "gap_p50_t": ("tekort P50 (t)", "gap P50 t"),
    "gap_p95_t": ("tekort P95 (t)", "gap P95 t"),
}
TITLES: dict[str, Pair] = {
    "summary": ("Jaar waarin het P50-aanbod aan afgedankte producten de minimale schaal van een installatie haalt",
                "Year the P50 end-of-life feedstock reaches a plant's minimum efficient scale"),
    "years": ("Aanbod tegenover capaciteit per jaar (t/jaar; tekort > 0: meer aanbod dan capaciteit)",
              "Feedstock vs capacity per year (t/yr; gap > 0: more feedstock than capacity)"),
    "value": ("Terugwinbaar materiaal en de waarde ervan (t/jaar, mln USD van 2025)",
              "Recoverable material and its value (t/yr, USD million of 2025)"),
}
SUBTITLE: Pair = ("scenario {scenario}, {draws} trekkingen", "scenario {scenario}, {draws} draws")
NOTE: Pair = ("Aannames, productmassa's, inwonertallen en prijzen: --format json (metadata).",
              "Assumptions, product masses, populations and price rows: --format json metadata.")
HEADLINE_STREAMS: dict[str, Pair] = {"li_ion_batteries": ("afgedankte batterijen", "end-of-life batteries"),
                                     "pv_modules": ("afgedankte zonnepanelen", "end-of-life PV modules")}
_ID_KINDS = {"catchment": "catchment", "input_stream": "input_stream", "material_id": "material"}


def _pick(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def year_words(text, lang: str = "nl") -> str:
    """'2031', '2025 or earlier', 'not before 2050' (``recycling_report.year_text``) in the chosen language."""
    text = str(text if text is not None else "")
    if lang == "en":
        return text or numbers.MISSING
    if match := re.fullmatch(r"(\d{4}) or earlier", text):
        return f"{match.group(1)} of eerder"
    if match := re.fullmatch(r"not before (\d{4})", text):
        return f"niet vóór {match.group(1)}"
    return text or numbers.MISSING


def terminal_table(frame: pd.DataFrame, view: str, lang: str = "nl") -> pd.DataFrame:
    """The columns of ``view`` (summary, years, value) the terminal shows, names instead of ids, headers
    translated; the summary keeps the feedstock, gap and value columns of the last year."""
    if view == "summary":
        headers = dict(SUMMARY)
        last = {"feedstock": ("aanbod", "feedstock"), "gap": ("tekort", "gap"), "value": ("waarde", "value")}
        for column in frame.columns:
            match = re.fullmatch(r"(feedstock|gap|value)_(\d{4})_p50_(t|musd)", column)
            if match:
                word = last[match.group(1)]
                unit = "t" if match.group(3) == "t" else ("mln USD" if lang == "nl" else "MUSD")
                headers[column] = (f"{word[0]} {match.group(2)} P50 ({unit})", f"{word[1]} {match.group(2)} P50 "
                                                                                f"({unit})")
    else:
        headers = dict(VALUE if view == "value" else YEARS)
    chosen = frame[[c for c in headers if c in frame.columns]].copy()
    for column, kind in _ID_KINDS.items():
        if column in chosen:
            chosen[column] = [labels.label(kind, v, lang) for v in chosen[column]]
    for column in [c for c in chosen.columns if c.startswith("year_")]:
        chosen[column] = [year_words(v, lang) for v in chosen[column]]
    return chosen.rename(columns={c: _pick(headers[c], lang) for c in chosen.columns})


def _when(text: str, lang: str) -> str:
    words = year_words(text, lang)
    if words.startswith(("not", "niet")):
        return words
    return f"in {words}"


def headlines(summary: pd.DataFrame, lang: str = "nl") -> list[str]:
    """One sentence per catchment for end-of-life batteries and PV modules: when the P50 feedstock reaches the
    minimum, low and high plant scale."""
    out = []
    for row in summary.loc[summary["input_stream"].isin(list(HEADLINE_STREAMS))].itertuples(index=False):
        where = labels.label("catchment", row.catchment, lang)
        what = _pick(HEADLINE_STREAMS[row.input_stream], lang)
        plant = labels.label("plant_type", row.plant_type, lang)
        central, low, high = (numbers.format_number(v, lang, decimals=0)
                              for v in (row.scale_central_t, row.scale_low_t, row.scale_high_t))
        band = f"{year_words(row.year_central_p95, lang)} – {year_words(row.year_central_p5, lang)}"
        if lang == "en":
            out.append(f"{where}: {what} reach the minimum scale of a {plant} plant ({central} t/yr) "
                       f"{_when(row.year_central, lang)} (P50; P95–P5 band {band}); a {low} t/yr plant "
                       f"{_when(row.year_low, lang)}, a {high} t/yr plant {_when(row.year_high, lang)}.")
        else:
            out.append(f"{where}: {what} halen de minimale schaal van een installatie voor {plant} "
                       f"({central} t/jaar) {_when(row.year_central, lang)} (P50; band P95–P5 {band}); een "
                       f"installatie van {low} t/jaar {_when(row.year_low, lang)}, een van {high} t/jaar "
                       f"{_when(row.year_high, lang)}.")
    return out


def title(view: str, scenario_name: str, draws: int, lang: str = "nl") -> str:
    return f"{_pick(TITLES[view], lang)} — {_pick(SUBTITLE, lang).format(scenario=scenario_name, draws=draws)}"


def note(lang: str = "nl") -> str:
    return _pick(NOTE, lang)
