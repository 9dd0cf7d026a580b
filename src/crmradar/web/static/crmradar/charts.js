/* crm-radar charts: every .chart element declares its kind (data-chart) and its data, either a
   same-page JSON block (data-json, written by Django's json_script) or an API URL (data-src).
   Each chart's title is the .chart-title paragraph above it; names come from the server (no ids shown).
   No inline scripts anywhere, so the Content-Security-Policy can forbid them. */
(function () {
  "use strict";
  var NL = (document.documentElement.lang || "nl").indexOf("nl") === 0;
  var T = NL
    ? { ei: "Economisch belang (EI)", sr: "Leveringsrisico (SR)", strategic: "strategisch (CRMA bijlage I)",
        critical: "kritiek (CRMA bijlage II)", other: "niet op de CRMA-lijst", year: "Jaar", share: "Aandeel",
        pcrit: "P(kritiek)", perYear: "t/jaar", zh: "kritiek voor Zuid-Holland", threshold: "drempel",
        low: "lage kant", high: "hoge kant", change: "verandering primaire vraag", capacity: "capaciteit",
        srw: "verandering (t/jaar × SR)", capShare: "aandeel EU-capaciteit in EU-verbruik", target: "doel 2030" }
    : { ei: "Economic importance (EI)", sr: "Supply risk (SR)", strategic: "strategic (CRMA Annex I)",
        critical: "critical (CRMA Annex II)", other: "not on the CRMA list", year: "Year", share: "Share",
        pcrit: "P(critical)", perYear: "t/yr", zh: "critical for Zuid-Holland", threshold: "threshold",
        low: "low end", high: "high end", change: "change in primary demand", capacity: "capacity",
        srw: "change (t/yr × SR)", capShare: "EU capacity as share of EU consumption", target: "2030 target" };
  var CONFIG = { responsive: true, displaylogo: false, topojsonURL: "/static/vendor/topojson/",
                 modeBarButtonsToRemove: ["lasso2d", "select2d"] };
  var LAYOUT = { margin: { t: 20, r: 20, b: 50, l: 60 }, font: { family: "system-ui, sans-serif", size: 13 },
                 paper_bgcolor: "#fff", plot_bgcolor: "#fff", separators: NL ? ",." : ".," };
  var NARROW = window.matchMedia && window.matchMedia("(max-width: 48em)").matches;

  function layout(extra) {
    var out = Object.assign({}, LAYOUT, extra || {});
    // on a phone a legend below the plot collides with the axis title: put it above the plot instead
    if (NARROW && out.legend && !out.legendKeep) { out.legend = { orientation: "h", x: 0, y: 1.02, yanchor: "bottom" }; }
    delete out.legendKeep;
    return out;
  }
  function name(row) { return (NL ? row.name_nl : row.name_en) || row.material_name || row.material_id; }
  function fmt(value, digits) {
    if (value === null || value === undefined) { return "–"; }
    return Number(value).toLocaleString(NL ? "nl-NL" : "en-GB", { maximumSignificantDigits: digits || 3 });
  }

  function riskMatrix(el, rows) {
    var groups = [["strategic", "#154273", "diamond"], ["critical", "#b3261e", "circle"], ["other", "#8a8a8a", "circle-open"]];
    var placed = [];  // labels kept so far (greedy: no two labels closer than a label's size)
    var sorted = rows.filter(function (r) { return r.supply_risk !== null && r.economic_importance !== null; })
      .sort(function (a, b) { return (b.supply_risk + b.economic_importance / 3) - (a.supply_risk + a.economic_importance / 3); });
    var label = {};
    sorted.forEach(function (r) {
      var free = placed.every(function (p) {
        return Math.abs(p[0] - r.economic_importance) > (NARROW ? 0.9 : 0.35) || Math.abs(p[1] - r.supply_risk) > (NARROW ? 0.45 : 0.25);
      });
      if (free && r.symbol) { placed.push([r.economic_importance, r.supply_risk]); label[r.material_id] = r.symbol; }
    });
    var traces = groups.map(function (g) {
      var sel = sorted.filter(function (r) {
        if (g[0] === "strategic") { return r.crma_strategic; }
        if (g[0] === "critical") { return r.crma_critical && !r.crma_strategic; }
        return !r.crma_critical && !r.crma_strategic;
      });
      return {
        type: "scatter", mode: "markers+text", name: T[g[0]],
        x: sel.map(function (r) { return r.economic_importance; }),
        y: sel.map(function (r) { return r.supply_risk; }),
        text: sel.map(function (r) { return label[r.material_id] || ""; }), textposition: "top center",
        customdata: sel.map(function (r) {
          return [name(r), r.p_critical === undefined || r.p_critical === null ? "–" : fmt(100 * r.p_critical, 2) + " %",
                  r.zh_critical ? T.zh : ""];
        }),
        hovertemplate: "<b>%{customdata[0]}</b><br>EI %{x:.1f}<br>SR %{y:.1f}<br>" + T.pcrit + ": %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        marker: { size: sel.map(function (r) { return r.zh_critical ? 16 : 10; }), color: g[1], symbol: g[2],
                  line: { width: sel.map(function (r) { return r.zh_critical ? 3 : 1; }), color: "#000" } }
      };
    });
    var shapes = [
      { type: "line", x0: 2.8, x1: 2.8, y0: 0, y1: 1, yref: "paper", line: { dash: "dash", color: "#444" } },
      { type: "line", y0: 1, y1: 1, x0: 0, x1: 1, xref: "paper", line: { dash: "dash", color: "#444" } }
    ];
    var notes = [
      { x: 2.8, y: 0, yref: "paper", text: NL ? "EI = 2,8" : "EI = 2.8", showarrow: false, xanchor: "left", yanchor: "bottom", font: { size: 11, color: "#444" } },
      { x: 1, xref: "paper", y: 1, text: NL ? "SR = 1,0" : "SR = 1.0", showarrow: false, xanchor: "right", yanchor: "bottom", font: { size: 11, color: "#444" } }
    ];
    Plotly.newPlot(el, traces, layout({ xaxis: { title: T.ei, rangemode: "tozero" }, yaxis: { title: T.sr, rangemode: "tozero" },
                                        shapes: shapes, annotations: notes, legend: { orientation: "h", y: NARROW ? -0.35 : -0.2 },
                                        height: NARROW ? 480 : 460 }), CONFIG);
  }

  function history(el, rows) {
    var years = rows.map(function (r) { return r.year; });
    Plotly.newPlot(el, [
      { type: "scatter", mode: "lines+markers", name: T.sr, x: years, y: rows.map(function (r) { return r.supply_risk; }) },
      { type: "scatter", mode: "lines+markers", name: T.ei, x: years, y: rows.map(function (r) { return r.economic_importance; }), yaxis: "y2" }
    ], layout({ xaxis: { title: T.year, tickvals: years }, yaxis: { title: "SR", rangemode: "tozero" }, margin: { t: 20, r: 60, b: 50, l: 60 },
                yaxis2: { title: "EI", overlaying: "y", side: "right", rangemode: "tozero" }, legend: { orientation: "h", y: -0.25 } }), CONFIG);
  }

  function producers(el, rows) {
    var stages = Array.from(new Set(rows.map(function (r) { return r.stage; })));
    var traces = stages.map(function (s) {
      var sel = rows.filter(function (r) { return r.stage === s; });
      var stageName = sel[0].stage_name || s;
      return { type: "bar", orientation: "h", name: stageName, y: sel.map(function (r) { return r.country; }),
               x: sel.map(function (r) { return r.share; }), hovertemplate: "%{y}: %{x:.1%}<extra>" + stageName + "</extra>" };
    });
    Plotly.newPlot(el, traces, layout({ barmode: "group", xaxis: { title: T.share, tickformat: ".0%" }, showlegend: true,
                                        yaxis: { automargin: true, autorange: "reversed" }, legend: { orientation: "h", y: -0.2 } }), CONFIG);
  }

  function producersMap(el, rows) {
    var stage = el.dataset.stage;
    var sel = rows.filter(function (r) { return r.stage === stage && r.country_iso3.length === 3 && r.country_iso3 !== "ROW" && r.country_iso3 !== "WLD"; });
    var top = Math.max.apply(null, sel.map(function (r) { return r.share; }).concat([0.01]));
    Plotly.newPlot(el, [{ type: "choropleth", locationmode: "ISO-3", locations: sel.map(function (r) { return r.country_iso3; }),
      z: sel.map(function (r) { return r.share; }), zmin: 0, zmax: top, text: sel.map(function (r) { return r.country; }),
      colorscale: [[0, "#e3eef9"], [0.5, "#5b8fc7"], [1, "#0b2a4a"]],  // large shares dark
      marker: { line: { color: "#fff", width: 0.5 } },
      colorbar: { title: { text: T.share }, tickformat: ".0%", thickness: 12, len: 0.8 },
      hovertemplate: "%{text}: %{z:.1%}<extra>" + (sel[0] ? sel[0].stage_name : "") + "</extra>" }],
      layout({ geo: { projection: { type: "natural earth" }, showframe: false, showcountries: true, countrycolor: "#bbb",
                      landcolor: "#f4f4f4", showland: true }, margin: { t: 0, r: 0, b: 0, l: 0 } }), CONFIG);
  }

  function timeline(el, rows) {
    var today = new Date().toISOString().slice(0, 10);
    var y = rows.map(function (r) { return (r.measure || r.measure_id).replace(" — ", "<br>"); });
    Plotly.newPlot(el, [{ type: "bar", orientation: "h", y: y,
      base: rows.map(function (r) { return r.start; }),
      x: rows.map(function (r) { return (new Date(r.end || today) - new Date(r.start)); }),
      marker: { color: rows.map(function (r) { return r.status === "active" ? "#b3261e" : r.status === "suspended" ? "#e0a100" : "#8a8a8a"; }) },
      customdata: rows.map(function (r) { return [r.status_name || r.status, r.date_in_force]; }),
      hovertemplate: "%{y}<br>%{customdata[1]} →<br>%{customdata[0]}<extra></extra>" }],
      layout({ xaxis: { type: "date", tickformat: "%Y", dtick: "M12" }, yaxis: { automargin: true, tickfont: { size: NARROW ? 10 : 12 } },
               height: Math.max(220, 60 + rows.length * 48), margin: { t: 10, r: 20, b: 40, l: 20 } }), CONFIG);
  }

  function sankey(el, rows, label) {
    var nodes = [label], index = {};
    function node(n) { if (!(n in index)) { index[n] = nodes.length; nodes.push(n); } return index[n]; }
    var src = [], dst = [], val = [];
    rows.forEach(function (r) {
      var app = node("▸ " + r.application);
      src.push(0); dst.push(app); val.push(r.share);
      src.push(app); dst.push(node(r.nace && r.nace !== "–" ? r.nace : "–")); val.push(r.share);
    });
    Plotly.newPlot(el, [{ type: "sankey", valueformat: ".0%", node: { label: nodes, pad: 12 }, link: { source: src, target: dst, value: val } }],
      layout({ margin: { t: 10, r: 10, b: 10, l: 10 } }), CONFIG);
  }

  function bands(el, rows) {
    var colors = { demand: "21,66,115", recoverable: "0,122,61", end_of_life: "179,38,30" };
    var labels = NL ? { demand: "vraag", recoverable: "terugwinbaar", end_of_life: "einde levensduur" }
                    : { demand: "demand", recoverable: "recoverable", end_of_life: "end of life" };
    var traces = [];
    ["demand", "end_of_life", "recoverable"].forEach(function (metric) {
      var sel = rows.filter(function (r) { return r.metric === metric; });
      var x = sel.map(function (r) { return r.year; });
      traces.push({ x: x, y: sel.map(function (r) { return r.p95; }), mode: "lines", line: { width: 0 },
                    showlegend: false, hoverinfo: "skip" });
      traces.push({ x: x, y: sel.map(function (r) { return r.p5; }), mode: "lines", line: { width: 0 }, fill: "tonexty",
                    fillcolor: "rgba(" + colors[metric] + ",0.18)", showlegend: false, hoverinfo: "skip" });
      traces.push({ x: x, y: sel.map(function (r) { return r.p50; }), mode: "lines", name: labels[metric],
                    line: { color: "rgb(" + colors[metric] + ")", width: 2 },
                    hovertemplate: "%{x}: %{y:,.3~r} t<extra>" + labels[metric] + "</extra>" });
    });
    Plotly.newPlot(el, traces, layout({ xaxis: { title: T.year }, yaxis: { title: T.perYear, rangemode: "tozero" },
                                        legend: { orientation: "h", y: -0.25 } }), CONFIG);
  }

  function byTechnology(el, rows) {
    var sel = rows.filter(function (r) { return r.metric === "demand"; });
    var techs = Array.from(new Set(sel.map(function (r) { return r.technology_id; })));
    var traces = techs.map(function (t) {
      var rs = sel.filter(function (r) { return r.technology_id === t; });
      return { type: "bar", name: rs[0].technology_name || t, x: rs.map(function (r) { return String(r.year); }),
               y: rs.map(function (r) { return r.p50; }), hovertemplate: "%{x}: %{y:,.3~r} t<extra>%{fullData.name}</extra>" };
    });
    Plotly.newPlot(el, traces, layout({ barmode: "stack", yaxis: { title: T.perYear }, xaxis: { type: "category" },
                                        legend: { orientation: "h", y: -0.15 }, height: NARROW ? 560 : 460 }), CONFIG);
  }

  function crmaChart(el, rows) {
    // desktop: vertical bars per material; phone: horizontal bars, one row per material, targets as columns
    var stages = ["extraction", "processing", "recycling"];
    var colors = { extraction: "#154273", processing: "#b3261e", recycling: "#007a3d" };
    var order = [];
    rows.forEach(function (r) { var n = r.material_name || r.material_id; if (r.share_after !== null && order.indexOf(n) < 0) { order.push(n); } });
    var traces = stages.map(function (s) {
      var sel = rows.filter(function (r) { return r.stage === s && r.share_after !== null; });
      var names = sel.map(function (r) { return r.material_name || r.material_id; });
      var shares = sel.map(function (r) { return r.share_after; });
      return { type: "bar", name: (sel[0] ? sel[0].stage_name : s), marker: { color: colors[s] },
               orientation: NARROW ? "h" : "v", x: NARROW ? shares : names, y: NARROW ? names : shares,
               hovertemplate: NARROW ? "%{y}: %{x:.0%}<extra>%{fullData.name}</extra>" : "%{x}: %{y:.0%}<extra>%{fullData.name}</extra>" };
    });
    var targets = [[0.10, "extraction"], [0.40, "processing"], [0.25, "recycling"]];
    var stageName = {};
    rows.forEach(function (r) { stageName[r.stage] = r.stage_name; });
    var shareAxis = { tickformat: ".0%", title: NARROW ? "" : T.capShare, rangemode: "tozero" };  // phone: the chart title says it
    var nameAxis = { type: "category", categoryorder: "array", categoryarray: order, automargin: true };
    var shapes = targets.map(function (t) {
      return NARROW ? { type: "line", yref: "paper", y0: 0, y1: 1, x0: t[0], x1: t[0], line: { dash: "dot", color: colors[t[1]], width: 2 } }
                    : { type: "line", xref: "paper", x0: 0, x1: 1, y0: t[0], y1: t[0], line: { dash: "dot", color: colors[t[1]], width: 2 } };
    });
    var notes = targets.map(function (t, i) {
      var text = (stageName[t[1]] || t[1]) + " " + Math.round(100 * t[0]) + " %";
      return NARROW ? { yref: "paper", y: 1 + 0.025 * (i + 1), x: t[0], xanchor: "left", showarrow: false, text: text, font: { size: 10, color: colors[t[1]] } }
                    : { xref: "paper", x: 1, xanchor: "left", y: t[0], showarrow: false, text: text, font: { size: 11, color: colors[t[1]] } };
    });
    Plotly.newPlot(el, traces, layout({ barmode: "group",
      xaxis: NARROW ? shareAxis : Object.assign({ tickangle: -45 }, nameAxis),
      yaxis: NARROW ? Object.assign({ autorange: "reversed" }, nameAxis) : shareAxis,
      height: NARROW ? 160 + order.length * 56 : 480,
      margin: NARROW ? { t: 70, r: 10, b: 50, l: 10 } : { t: 20, r: 120, b: 60, l: 60 },
      shapes: shapes, annotations: notes, legendKeep: true,
      legend: { orientation: "h", y: NARROW ? -0.04 : 1.08, yanchor: NARROW ? "top" : "bottom" } }), CONFIG);
  }

  function feedstock(el, rows) {
    var streams = Array.from(new Set(rows.map(function (r) { return r.input_stream; })));
    var palette = ["21,66,115", "179,38,30", "0,122,61", "224,161,0", "110,60,160"];
    var traces = [];
    streams.forEach(function (s, i) {
      var sel = rows.filter(function (r) { return r.input_stream === s; });
      var x = sel.map(function (r) { return r.year; }), c = palette[i % palette.length];
      var label = sel[0].stream_name || s;
      traces.push({ x: x, y: sel.map(function (r) { return r.feedstock_p95_t; }), mode: "lines", line: { width: 0 }, showlegend: false, hoverinfo: "skip" });
      traces.push({ x: x, y: sel.map(function (r) { return r.feedstock_p5_t; }), mode: "lines", line: { width: 0 }, fill: "tonexty",
                    fillcolor: "rgba(" + c + ",0.15)", showlegend: false, hoverinfo: "skip" });
      traces.push({ x: x, y: sel.map(function (r) { return r.feedstock_p50_t; }), mode: "lines", name: label, line: { color: "rgb(" + c + ")" },
                    hovertemplate: "%{x}: %{y:,.3~r} t<extra>" + label + "</extra>" });
      traces.push({ x: x, y: sel.map(function (r) { return r.capacity_t > 0 ? r.capacity_t : null; }), mode: "lines", name: label + ": " + T.capacity,
                    line: { color: "rgb(" + c + ")", dash: "dot" }, hovertemplate: "%{y:,.3~r} t<extra>" + label + ": " + T.capacity + "</extra>" });
    });
    Plotly.newPlot(el, traces, layout({ xaxis: { title: T.year }, yaxis: { title: T.perYear + " (log)", type: "log" },
                                        legend: { orientation: "h", y: -0.2 }, height: NARROW ? 620 : 480 }), CONFIG);
  }

  function change(el, rows) {
    var x = rows.map(function (r) { return r.year; });
    Plotly.newPlot(el, [
      { x: x, y: rows.map(function (r) { return r.change_p95; }), mode: "lines", line: { width: 0 }, showlegend: false, hoverinfo: "skip" },
      { x: x, y: rows.map(function (r) { return r.change_p5; }), mode: "lines", line: { width: 0 }, fill: "tonexty",
        fillcolor: "rgba(21,66,115,0.18)", showlegend: false, hoverinfo: "skip" },
      { x: x, y: rows.map(function (r) { return r.change_p50; }), mode: "lines", name: T.change,
        line: { color: "rgb(21,66,115)" }, hovertemplate: "%{x}: %{y:,.3~r} t<extra></extra>" }
    ], layout({ xaxis: { title: T.year }, yaxis: { title: T.perYear }, legend: { orientation: "h", y: -0.3 } }), CONFIG);
  }

  function tornado(el, rows) {
    var sorted = rows.slice().sort(function (a, b) { return Math.abs(b.change_p50) - Math.abs(a.change_p50); });
    var y = sorted.map(function (r) { return r.lever_name || r.lever; });
    Plotly.newPlot(el, [
      { type: "bar", orientation: "h", name: T.high, y: y, x: sorted.map(function (r) { return r.tornado_high_p50; }),
        marker: { color: "#9ab6d8" }, hovertemplate: "%{y}: %{x:,.3~r}<extra>" + T.high + "</extra>" },
      { type: "bar", orientation: "h", name: T.low, y: y, x: sorted.map(function (r) { return r.tornado_low_p50; }),
        marker: { color: "#154273" }, hovertemplate: "%{y}: %{x:,.3~r}<extra>" + T.low + "</extra>" }
    ], layout({ barmode: "overlay", yaxis: { automargin: true, autorange: "reversed", tickfont: { size: NARROW ? 10 : 12 } },
                height: Math.max(380, 80 + rows.length * 30),
                xaxis: { title: T.srw }, legend: { orientation: "h", y: -0.12 } }), CONFIG);
  }

  function compareChart(el, rows) {
    // one line per material or scenario (rows: series, year, p50 and, for model results, p5/p95 as a band)
    var palette = ["21,66,115", "179,38,30", "0,122,61", "224,161,0", "106,61,154", "90,90,90"];
    var names = Array.from(new Set(rows.map(function (r) { return r.series; })));
    var bands = el.dataset.bands === "1", traces = [];
    names.forEach(function (n, i) {
      var sel = rows.filter(function (r) { return r.series === n; }), c = palette[i % palette.length];
      var x = sel.map(function (r) { return r.year; });
      if (bands) {
        traces.push({ x: x, y: sel.map(function (r) { return r.p95; }), mode: "lines", line: { width: 0 },
                      showlegend: false, hoverinfo: "skip" });
        traces.push({ x: x, y: sel.map(function (r) { return r.p5; }), mode: "lines", line: { width: 0 }, fill: "tonexty",
                      fillcolor: "rgba(" + c + ",0.12)", showlegend: false, hoverinfo: "skip" });
      }
      traces.push({ x: x, y: sel.map(function (r) { return r.p50; }), mode: bands ? "lines" : "lines+markers", name: n,
                    line: { color: "rgb(" + c + ")", width: 2 },
                    hovertemplate: "%{x}: %{y:,.3~r}" + (bands ? " t" : "") + "<extra>" + n + "</extra>" });
    });
    Plotly.newPlot(el, traces, layout({ xaxis: { title: T.year, tickformat: "d" },
                                        yaxis: { title: el.dataset.ytitle || "", rangemode: "tozero" },
                                        legend: { orientation: "h", y: -0.25 } }), CONFIG);
  }

  var KINDS = { "risk-matrix": riskMatrix, history: history, producers: producers, "producers-map": producersMap,
                timeline: timeline, sankey: sankey, bands: bands, "by-technology": byTechnology, crma: crmaChart, feedstock: feedstock, change: change, tornado: tornado,
                compare: compareChart };

  function draw(el) {
    var kind = KINDS[el.dataset.chart];
    if (!kind || typeof Plotly === "undefined") { return; }
    if (el.dataset.json) {
      var block = document.getElementById(el.dataset.json);
      if (block) { kind(el, JSON.parse(block.textContent), el.dataset.label); el.dataset.drawn = "1"; }
    } else if (el.dataset.src) {
      fetch(el.dataset.src, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); })
        .then(function (rows) { kind(el, rows, el.dataset.label); el.dataset.drawn = "1"; });
    }
  }

  function openMenuOnWideScreens() {
    var menu = document.getElementById("nav-menu");
    if (menu && !NARROW) { menu.open = true; }
  }

  function tableFilters() {
    // a search box above a table hides the rows that do not contain the typed text (names, symbols, status)
    document.querySelectorAll("[data-filter-for]").forEach(function (box) {
      var body = document.getElementById(box.dataset.filterFor);
      var input = box.querySelector("input[type=search]");
      var count = box.querySelector("[data-template]");
      if (!body || !input) { return; }
      box.hidden = false;
      function apply() {
        var needle = input.value.trim().toLowerCase(), shown = 0, rows = body.querySelectorAll("tr");
        rows.forEach(function (row) {
          var match = !needle || row.textContent.toLowerCase().indexOf(needle) >= 0;
          row.hidden = !match; if (match) { shown += 1; }
        });
        if (count) { count.textContent = count.dataset.template.replace("%(shown)s", shown).replace("%(total)s", rows.length); }
      }
      input.addEventListener("input", apply);
      apply();
    });
  }

  function drawAll(root) { (root || document).querySelectorAll(".chart").forEach(draw); }
  document.addEventListener("DOMContentLoaded", function () { openMenuOnWideScreens(); tableFilters(); drawAll(document); });
  document.addEventListener("htmx:afterSwap", function (e) { drawAll(e.target); });
  window.crmradarCharts = { drawAll: drawAll, kinds: KINDS };
})();
