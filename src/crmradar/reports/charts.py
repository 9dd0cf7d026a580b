"""One chart definition for every output: a renderer-neutral :class:`ChartSpec` (title, axes, series, unit,
Dutch or English labels, sources) built here from the same rows the pages and documents show.

The web converts a spec to a Plotly figure (:func:`to_plotly`, drawn by ``static/crmradar/charts.js``); the
documents render the same spec to SVG (PDF) and PNG (DOCX) with matplotlib (``crmradar.documents.charts``).
No second, hand-made chart set: a document's chart and the page's chart are the same spec object.

Builders: :func:`demand_bands` (demand, end of life and recoverable, median with the P5–P95 band, t/yr),
:func:`risk_matrix` (EI × SR with the EU thresholds 2.8 and 1.0), :func:`crma_benchmarks` (EU capacity as a share
of EU consumption per stage against the CRMA 2030 benchmarks 10/40/25 %), :func:`lever_ranking` (change of the
supply-risk-weighted demand at the low and high end of each lever's range, t/yr × SR).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from crmradar.reports import labels

TEXT = {
    "nl": {"year": "Jaar", "per_year": "t/jaar", "ei": "Economisch belang (EI)", "sr": "Leveringsrisico (SR)",
           "strategic": "strategisch (CRMA bijlage I)", "critical": "kritiek (CRMA bijlage II)",
           "other": "niet op de CRMA-lijst", "cap_share": "aandeel EU-capaciteit in EU-verbruik",
           "srw": "verandering (t/jaar × SR)", "low": "lage kant", "high": "hoge kant",
           "bands": "Vraag en vrijkomend materiaal: {name}, Zuid-Holland (mediaan en P5–P95, t/jaar)",
           "matrix": "Economisch belang tegen leveringsrisico per grondstof, EU 2023",
           "crma": "EU-capaciteit als aandeel van het EU-verbruik per stap, tegen de CRMA-doelen voor 2030",
           "levers": "Effect van de hefbomen op de risicogewogen vraag in {year} (lage en hoge kant van de "
                     "bandbreedte)",
           "target": "doel", "release": "Datarelease"},
    "en": {"year": "Year", "per_year": "t/yr", "ei": "Economic importance (EI)", "sr": "Supply risk (SR)",
           "strategic": "strategic (CRMA Annex I)", "critical": "critical (CRMA Annex II)",
           "other": "not on the CRMA list", "cap_share": "EU capacity as share of EU consumption",
           "srw": "change (t/yr × SR)", "low": "low end", "high": "high end",
           "bands": "Demand and end of life: {name}, Zuid-Holland (median and P5–P95, t/yr)",
           "matrix": "Economic importance against supply risk per raw material, EU 2023",
           "crma": "EU capacity as a share of EU consumption per stage, against the CRMA 2030 benchmarks",
           "levers": "Effect of the levers on supply-risk-weighted demand in {year} (low and high end of the range)",
           "target": "target", "release": "Data release"},
}
METRIC_COLOURS = {"demand": "#154273", "end_of_life": "#b3261e", "recoverable": "#007a3d"}
STAGE_COLOURS = {"extraction": "#154273", "processing": "#b3261e", "recycling": "#007a3d"}


@dataclass(frozen=True)
class Series:
    """One data series. ``kind``: ``line`` (optionally with a ``low``–``high`` band), ``bar`` or ``marker``."""

    name: str
    x: list
    y: list
    kind: str = "line"
    low: list | None = None
    high: list | None = None
    colour: str = "#154273"
    text: list | None = None       # labels written next to markers
    hover: list | None = None      # full names shown on hover (web only)
    symbol: str = "circle"         # circle | diamond | open
    emphasis: list | None = None   # True: larger marker with a thick edge


@dataclass(frozen=True)
class Reference:
    """A dashed reference line at ``value`` on the value axis (``axis='y'``) or the category axis (``'x'``)."""

    axis: str
    value: float
    label: str
    colour: str = "#444444"


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    x_title: str
    y_title: str
    series: list[Series]
    unit: str = ""
    source_ids: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    horizontal: bool = False   # bar charts: categories on the vertical axis
    percent: bool = False      # the value axis holds fractions shown as %
    categorical: bool = False  # the x values are names, not numbers
    note: str = ""
    lang: str = "nl"

    def data(self) -> list[dict]:
        """The plotted numbers, series by series (what a test compares between the web and a document)."""
        return [{"name": s.name, "x": list(s.x), "y": list(s.y), "low": s.low, "high": s.high} for s in self.series]

    def as_dict(self) -> dict:
        return asdict(self)


def _t(lang: str) -> dict:
    return TEXT["en" if (lang or "nl").startswith("en") else "nl"]


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _number(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def demand_bands(rows: list[dict], material_name: str, lang: str = "nl",
                 metrics: tuple[str, ...] = ("demand", "end_of_life", "recoverable")) -> ChartSpec:
    """Median and P5–P95 band per year of each metric, from the rows of ``region.summary.material_summary`` (one
    material: ``metric``, ``year``, ``p5``, ``p50``, ``p95`` in t/yr)."""
    t = _t(lang)
    series = []
    for metric in metrics:
        chosen = sorted((r for r in rows if r["metric"] == metric), key=lambda r: r["year"])
        if not chosen:
            continue
        series.append(Series(labels.label("metric", metric, lang), [int(r["year"]) for r in chosen],
                             [_number(r["p50"]) for r in chosen], low=[_number(r["p5"]) for r in chosen],
                             high=[_number(r["p95"]) for r in chosen], colour=METRIC_COLOURS[metric]))
    return ChartSpec("demand_bands", t["bands"].format(name=material_name), t["year"], t["per_year"], series,
                     unit=t["per_year"], source_ids=["crmradar_region_estimate"], lang=lang)


def _label_positions(rows: list[dict]) -> set[str]:
    """Materials whose symbol can be written without overlapping a label already placed (greedy, riskiest first)."""
    placed: list[tuple[float, float]] = []
    keep = set()
    for row in sorted(rows, key=lambda r: -(r["supply_risk"] + r["economic_importance"] / 3)):
        point = (row["economic_importance"], row["supply_risk"])
        if row.get("symbol") and all(abs(p[0] - point[0]) > 0.35 or abs(p[1] - point[1]) > 0.25 for p in placed):
            placed.append(point)
            keep.add(row["material_id"])
    return keep


def risk_matrix(rows: list[dict], lang: str = "nl") -> ChartSpec:
    """EI (x) against SR (y) per material in three groups (CRMA strategic, critical, other), from the rows of the
    official risk table (``material_id``, ``name_nl``/``name_en``, ``symbol``, ``supply_risk``,
    ``economic_importance``, ``crma_strategic``, ``crma_critical``; optional ``zh_critical``)."""
    t = _t(lang)
    rows = [r for r in rows if _number(r.get("supply_risk")) is not None
            and _number(r.get("economic_importance")) is not None]
    labelled = _label_positions(rows)
    groups = (("strategic", "#154273", "diamond", lambda r: bool(r["crma_strategic"])),
              ("critical", "#b3261e", "circle", lambda r: bool(r["crma_critical"]) and not r["crma_strategic"]),
              ("other", "#8a8a8a", "open", lambda r: not r["crma_critical"] and not r["crma_strategic"]))
    name_key = "name_en" if lang == "en" else "name_nl"
    series = []
    for key, colour, symbol, member in groups:
        chosen = sorted((r for r in rows if member(r)), key=lambda r: r["material_id"])
        series.append(Series(t[key], [float(r["economic_importance"]) for r in chosen],
                             [float(r["supply_risk"]) for r in chosen], kind="marker", colour=colour, symbol=symbol,
                             text=[(r.get("symbol") or "") if r["material_id"] in labelled else "" for r in chosen],
                             hover=[str(r.get(name_key) or r["material_id"]) for r in chosen],
                             emphasis=[bool(r.get("zh_critical")) for r in chosen]))
    return ChartSpec("risk_matrix", t["matrix"], t["ei"], t["sr"], series,
                     source_ids=["ec2023_crm_study", "eu_crma_2024_1252"],
                     references=[Reference("x", 2.8, "EI = 2,8" if lang == "nl" else "EI = 2.8"),
                                 Reference("y", 1.0, "SR = 1,0" if lang == "nl" else "SR = 1.0")], lang=lang)


def crma_benchmarks(rows: list[dict], lang: str = "nl") -> ChartSpec:
    """Bars of ``share_after`` per material and stage with the benchmark of each stage as a reference line, from the
    rows of ``scenarios.crma.crma_benchmark`` (``material_id``, ``stage``, ``share_after``, ``benchmark``)."""
    t = _t(lang)
    shown = [r for r in rows if _number(r.get("share_after")) is not None]
    order: list[str] = []
    for row in shown:
        if row["material_id"] not in order:
            order.append(row["material_id"])
    names = {m: _capfirst(labels.label("material", m, lang)) for m in order}
    series, references = [], []
    for stage, colour in STAGE_COLOURS.items():
        chosen = [r for r in shown if r["stage"] == stage]
        if not chosen:
            continue
        stage_name = labels.label("stage", stage, lang)
        series.append(Series(stage_name, [names[r["material_id"]] for r in chosen],
                             [float(r["share_after"]) for r in chosen], kind="bar", colour=colour))
        benchmark = _number(chosen[0].get("benchmark"))
        if benchmark is not None:
            references.append(Reference("y", benchmark, f"{stage_name} {t['target']} {round(100 * benchmark)} %",
                                        colour))
    return ChartSpec("crma_benchmarks", t["crma"], "", t["cap_share"], series, unit="%",
                     source_ids=["eu_crma_2024_1252"], references=references, percent=True, categorical=True,
                     lang=lang)


def lever_ranking(rows: list[dict], year: int, lang: str = "nl", limit: int | None = None) -> ChartSpec:
    """Tornado of the levers: change of the supply-risk-weighted demand of all materials at the low and high end of
    each lever's range (medians, t/yr × SR), largest effect first, from the ``total`` rows of
    ``crmradar levers rank`` (``lever``, ``change_p50``, ``tornado_low_p50``, ``tornado_high_p50``)."""
    t = _t(lang)
    ordered = sorted(rows, key=lambda r: -abs(float(r["change_p50"])))[:limit]
    names = [_capfirst(labels.label("lever", r["lever"], lang)) for r in ordered]
    series = [Series(t["high"], names, [_number(r.get("tornado_high_p50")) for r in ordered], kind="bar",
                     colour="#9ab6d8"),
              Series(t["low"], names, [_number(r.get("tornado_low_p50")) for r in ordered], kind="bar",
                     colour="#154273")]
    return ChartSpec("lever_ranking", t["levers"].format(year=year), "", t["srw"], series,
                     unit=t["srw"], source_ids=["crmradar_region_estimate", "ec2023_crm_study"], horizontal=True,
                     categorical=True, lang=lang)


PLOTLY_SYMBOLS = {"circle": "circle", "diamond": "diamond", "open": "circle-open"}


def _plotly_trace(spec: ChartSpec, series: Series) -> list[dict]:
    x, y = series.x, series.y
    if series.kind == "bar":
        trace = {"type": "bar", "name": series.name, "marker": {"color": series.colour}}
        if spec.horizontal:
            trace |= {"orientation": "h", "x": y, "y": x}
        else:
            trace |= {"x": x, "y": y}
        return [trace]
    if series.kind == "marker":
        emphasis = series.emphasis or [False] * len(x)
        return [{"type": "scatter", "mode": "markers+text", "name": series.name, "x": x, "y": y,
                 "text": series.text or [], "textposition": "top center",
                 "customdata": series.hover or [], "hovertemplate": "<b>%{customdata}</b><br>%{x:.1f}, %{y:.1f}"
                                                                    "<extra></extra>",
                 "marker": {"color": series.colour, "symbol": PLOTLY_SYMBOLS[series.symbol],
                            "size": [16 if e else 10 for e in emphasis],
                            "line": {"color": "#000", "width": [3 if e else 1 for e in emphasis]}}}]
    traces = []
    if series.low is not None and series.high is not None:
        rgb = tuple(int(series.colour[i:i + 2], 16) for i in (1, 3, 5))
        traces += [{"type": "scatter", "x": x, "y": series.high, "mode": "lines", "line": {"width": 0},
                    "showlegend": False, "hoverinfo": "skip"},
                   {"type": "scatter", "x": x, "y": series.low, "mode": "lines", "line": {"width": 0},
                    "fill": "tonexty", "fillcolor": "rgba({},{},{},0.18)".format(*rgb), "showlegend": False,
                    "hoverinfo": "skip"}]
    traces.append({"type": "scatter", "x": x, "y": y, "mode": "lines+markers" if len(x) < 12 else "lines",
                   "name": series.name,
                   "line": {"color": series.colour, "width": 2},
                   "hovertemplate": "%{x}: %{y:,.3~r} " + spec.unit + "<extra>" + series.name + "</extra>"})
    return traces


def to_plotly(spec: ChartSpec) -> dict:
    """The spec as a Plotly figure (``data`` and ``layout``) for ``charts.js`` (kind ``figure``)."""
    value_axis = {"title": {"text": spec.y_title}, "rangemode": "tozero"}
    if spec.percent:
        value_axis["tickformat"] = ".0%"
    category_axis = {"title": {"text": spec.x_title}, "automargin": True}
    if spec.categorical:
        category_axis |= {"type": "category"}
    layout = {"legend": {"orientation": "h", "y": -0.25}, "meta": {"key": spec.key, "title": spec.title}}
    if spec.horizontal:
        layout |= {"xaxis": value_axis, "yaxis": category_axis | {"autorange": "reversed"}, "barmode": "overlay",
                   "height": max(380, 80 + 30 * len(spec.series[0].x if spec.series else []))}
    else:
        bars = any(s.kind == "bar" for s in spec.series)
        layout |= {"xaxis": category_axis | ({"tickangle": -45} if spec.categorical and bars else {}),
                   "yaxis": value_axis}
        if bars:
            layout |= {"barmode": "group", "meta": layout["meta"] | {"swapOnPhone": True}}
    shapes, notes = [], []
    for ref in spec.references:
        on_x = (ref.axis == "x") != spec.horizontal
        if on_x:
            shapes.append({"type": "line", "x0": ref.value, "x1": ref.value, "y0": 0, "y1": 1, "yref": "paper",
                           "line": {"dash": "dash", "color": ref.colour}})
            notes.append({"x": ref.value, "y": 0, "yref": "paper", "text": ref.label, "showarrow": False,
                          "xanchor": "left", "yanchor": "bottom", "font": {"size": 11, "color": ref.colour}})
        else:
            shapes.append({"type": "line", "y0": ref.value, "y1": ref.value, "x0": 0, "x1": 1, "xref": "paper",
                           "line": {"dash": "dash", "color": ref.colour}})
            notes.append({"x": 1, "xref": "paper", "y": ref.value, "text": ref.label, "showarrow": False,
                          "xanchor": "right", "yanchor": "bottom", "font": {"size": 11, "color": ref.colour}})
    if shapes:
        layout |= {"shapes": shapes, "annotations": notes}
    return {"data": [t for s in spec.series for t in _plotly_trace(spec, s)], "layout": layout}


def release_trend(rows: list[dict], indicator_name: str, lang: str = "nl") -> ChartSpec:
    """One line per subject across data releases, from rows with ``release`` (a date label), ``position`` (the
    release's place in time), ``name`` (the subject's display name) and ``value``; lines in the order of the rows."""
    t = _t(lang)
    releases = list(dict.fromkeys(r["release"] for r in sorted(rows, key=lambda r: r.get("position", 0))))
    palette = ["#154273", "#b3261e", "#007a3d", "#e0a100", "#6a3d9a", "#5a5a5a", "#0a8a9f", "#a0522d"]
    names = list(dict.fromkeys(r["name"] for r in rows))
    series = []
    for index, name in enumerate(names):
        values = {r["release"]: _number(r["value"]) for r in rows if r["name"] == name}
        series.append(Series(name, releases, [values.get(r) for r in releases], colour=palette[index % len(palette)]))
    title = (f"{_capfirst(indicator_name)} per datarelease" if lang == "nl"
             else f"{_capfirst(indicator_name)} per data release")
    return ChartSpec("release_trend", title, t["release"], "", series,
                     source_ids=[], categorical=True, lang=lang)
