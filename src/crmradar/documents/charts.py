"""Static rendering of a :class:`crmradar.reports.charts.ChartSpec` with matplotlib (Agg, no display): SVG for
the PDF (vector, sharp at any zoom) and PNG for the DOCX (Word does not take SVG everywhere). The same spec the
web draws with Plotly; only the drawing differs."""

from __future__ import annotations

import io

from crmradar.reports.charts import ChartSpec

WIDTH_IN, HEIGHT_IN = 6.6, 2.8  # 16.8 × 7.1 cm: the text width of an A4 page with the document's margins
MARKERS = {"circle": "o", "diamond": "D", "open": "o"}


def _tick_formatter(spec: ChartSpec):
    from matplotlib.ticker import FuncFormatter

    decimal = "," if spec.lang == "nl" else "."

    def number(value, _position=None):
        if spec.percent:
            return f"{100 * value:.0f} %"
        text = f"{value:,.6g}" if abs(value) >= 1000 else f"{value:.6g}"
        if decimal == ",":
            text = text.replace(",", "\u2009").replace(".", ",")
        return text

    return FuncFormatter(number)


def _draw_bars(spec: ChartSpec, axes) -> None:
    categories = list(dict.fromkeys(c for s in spec.series for c in s.x))
    positions = {c: i for i, c in enumerate(categories)}
    grouped = len(spec.series) if not spec.horizontal else 1  # the tornado overlays its two series
    width = 0.8 / grouped
    for index, series in enumerate(spec.series):
        offset = (index - (grouped - 1) / 2) * width if grouped > 1 else 0.0
        places = [positions[c] + offset for c in series.x]
        values = [0.0 if v is None else v for v in series.y]
        if spec.horizontal:
            axes.barh(places, values, height=0.7, color=series.colour, label=series.name)
        else:
            axes.bar(places, values, width=width, color=series.colour, label=series.name)
    ticks = list(range(len(categories)))
    if spec.horizontal:
        axes.set_yticks(ticks, categories, fontsize=6.5)
        axes.invert_yaxis()
        axes.axvline(0, color="#333", linewidth=0.6)
    else:
        axes.set_xticks(ticks, categories, rotation=60, ha="right", fontsize=6)


def _draw(spec: ChartSpec, height: float | None = None):
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    bars = any(s.kind == "bar" for s in spec.series)
    rows = len(spec.series[0].x) if spec.series else 0
    if height is None:
        height = max(HEIGHT_IN, 0.6 + 0.22 * rows) if spec.horizontal else HEIGHT_IN + (0.5 if bars else 0)
    figure = Figure(figsize=(WIDTH_IN, height))
    axes = figure.add_subplot()
    figure.set_layout_engine("constrained")
    for name in ("top", "right"):
        axes.spines[name].set_visible(False)
    axes.tick_params(labelsize=7)
    if bars:
        _draw_bars(spec, axes)
    for series in spec.series:
        if series.kind == "line":
            if series.low is not None and series.high is not None:
                axes.fill_between(series.x, [v or 0 for v in series.low], [v or 0 for v in series.high],
                                  color=series.colour, alpha=0.18, linewidth=0)
            axes.plot(series.x, series.y, color=series.colour, linewidth=1.6, label=series.name)
        elif series.kind == "marker":
            emphasis = series.emphasis or [False] * len(series.x)
            face = "none" if series.symbol == "open" else series.colour
            axes.scatter(series.x, series.y, s=[60 if e else 22 for e in emphasis], marker=MARKERS[series.symbol],
                         facecolors=face, edgecolors=series.colour if face == "none" else "#000",
                         linewidths=[1.6 if e else 0.4 for e in emphasis], label=series.name, zorder=3)
            for x, y, text in zip(series.x, series.y, series.text or [], strict=False):
                if text:
                    axes.annotate(text, (x, y), xytext=(0, 4), textcoords="offset points", ha="center", fontsize=6)
    for ref in spec.references:
        vertical = (ref.axis == "x") != spec.horizontal
        if vertical:
            axes.axvline(ref.value, color=ref.colour, linestyle="--", linewidth=0.9)
            axes.annotate(ref.label, (ref.value, 0), xycoords=("data", "axes fraction"), xytext=(2, 2),
                          textcoords="offset points", fontsize=6.5, color=ref.colour)
        else:
            axes.axhline(ref.value, color=ref.colour, linestyle="--" if not bars else ":", linewidth=0.9)
            axes.annotate(ref.label, (1, ref.value), xycoords=("axes fraction", "data"), xytext=(-2, 2),
                          textcoords="offset points", fontsize=6.5, color=ref.colour, ha="right")
    value_axis = axes.xaxis if spec.horizontal else axes.yaxis
    value_axis.set_major_formatter(_tick_formatter(spec))
    if not spec.categorical:
        axes.xaxis.set_major_formatter(_tick_formatter(spec) if spec.key != "demand_bands" else
                                       matplotlib.ticker.FormatStrFormatter("%d"))
    if spec.horizontal:
        axes.set_xlabel(spec.y_title, fontsize=7.5)
    else:
        axes.set_xlabel(spec.x_title, fontsize=7.5)
        axes.set_ylabel(spec.y_title, fontsize=7.5)
        if not any(v is not None and v < 0 for s in spec.series for v in (s.low or s.y)):
            axes.set_ylim(bottom=0)
    axes.grid(axis="x" if spec.horizontal else "y", color="#ddd", linewidth=0.5)
    axes.set_axisbelow(True)
    axes.legend(fontsize=6.5, frameon=False, loc="upper left", bbox_to_anchor=(0, -0.12 if not bars else -0.35),
                ncol=min(3, len(spec.series))) if not spec.horizontal else axes.legend(fontsize=6.5, frameon=False)
    return figure


def to_svg(spec: ChartSpec) -> bytes:
    """The chart as SVG (text kept as paths so the PDF needs no chart fonts)."""
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "font.family": "DejaVu Sans", "svg.hashsalt": spec.key}):
        _draw(spec).savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def to_png(spec: ChartSpec, dpi: int = 200) -> bytes:
    """The chart as PNG at ``dpi`` (for DOCX)."""
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        _draw(spec).savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
