/* crm-radar charts: every .chart element declares its kind (data-chart) and its data, either a
   same-page JSON block (data-json, written by Django's json_script) or an API URL (data-src).
   No inline scripts anywhere, so the Content-Security-Policy can forbid them. */
(function () {
  "use strict";
  var NL = (document.documentElement.lang || "nl").indexOf("nl") === 0;
  var T = NL
    ? { ei: "Economisch belang (EI)", sr: "Leveringsrisico (SR)", strategic: "strategisch (CRMA bijlage I)",
        critical: "kritiek (CRMA bijlage II)", other: "niet op de CRMA-lijst", year: "Jaar",
        share: "Aandeel", extraction: "winning", processing: "verwerking", pcrit: "P(kritiek)" }
    : { ei: "Economic importance (EI)", sr: "Supply risk (SR)", strategic: "strategic (CRMA Annex I)",
        critical: "critical (CRMA Annex II)", other: "not on the CRMA list", year: "Year",
        share: "Share", extraction: "extraction", processing: "processing", pcrit: "P(critical)" };
  var CONFIG = { responsive: true, displaylogo: false, topojsonURL: "/static/vendor/topojson/",
                 modeBarButtonsToRemove: ["lasso2d", "select2d"] };
  var LAYOUT = { margin: { t: 30, r: 20, b: 50, l: 60 }, font: { family: "system-ui, sans-serif", size: 13 },
                 paper_bgcolor: "#fff", plot_bgcolor: "#fff" };

  function layout(extra) { return Object.assign({}, LAYOUT, extra || {}); }
  function name(row) { return NL ? row.name_nl : row.name_en; }

  function riskMatrix(el, rows) {
    var groups = [["strategic", "#154273", "diamond"], ["critical", "#b3261e", "circle"], ["other", "#8a8a8a", "circle-open"]];
    var traces = groups.map(function (g) {
      var sel = rows.filter(function (r) {
        if (r.supply_risk === null || r.economic_importance === null) { return false; }
        if (g[0] === "strategic") { return r.crma_strategic; }
        if (g[0] === "critical") { return r.crma_critical && !r.crma_strategic; }
        return !r.crma_critical && !r.crma_strategic;
      });
      return {
        type: "scatter", mode: "markers+text", name: T[g[0]],
        x: sel.map(function (r) { return r.economic_importance; }),
        y: sel.map(function (r) { return r.supply_risk; }),
        text: sel.map(function (r) { return r.symbol || ""; }), textposition: "top center",
        customdata: sel.map(function (r) {
          return [name(r), r.p_critical === undefined || r.p_critical === null ? "–" : (100 * r.p_critical).toFixed(0) + " %",
                  r.zh_critical ? (NL ? "kritiek voor Zuid-Holland" : "critical for Zuid-Holland") : ""];
        }),
        hovertemplate: "<b>%{customdata[0]}</b><br>EI %{x}<br>SR %{y}<br>" + T.pcrit + ": %{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        marker: { size: sel.map(function (r) { return r.zh_critical ? 16 : 10; }), color: g[1], symbol: g[2],
                  line: { width: sel.map(function (r) { return r.zh_critical ? 3 : 1; }), color: "#000" } }
      };
    });
    var shapes = [
      { type: "line", x0: 2.8, x1: 2.8, y0: 0, y1: 1, yref: "paper", line: { dash: "dash", color: "#444" } },
      { type: "line", y0: 1, y1: 1, x0: 0, x1: 1, xref: "paper", line: { dash: "dash", color: "#444" } }
    ];
    Plotly.newPlot(el, traces, layout({ xaxis: { title: T.ei, rangemode: "tozero" }, yaxis: { title: T.sr, rangemode: "tozero" },
                                        shapes: shapes, legend: { orientation: "h", y: -0.2 } }), CONFIG);
  }

  function history(el, rows) {
    var years = rows.map(function (r) { return r.year; });
    Plotly.newPlot(el, [
      { type: "scatter", mode: "lines+markers", name: "SR", x: years, y: rows.map(function (r) { return r.supply_risk; }) },
      { type: "scatter", mode: "lines+markers", name: "EI", x: years, y: rows.map(function (r) { return r.economic_importance; }), yaxis: "y2" }
    ], layout({ xaxis: { title: T.year, dtick: 3 }, yaxis: { title: "SR", rangemode: "tozero" },
                yaxis2: { title: "EI", overlaying: "y", side: "right", rangemode: "tozero" }, legend: { orientation: "h", y: -0.25 } }), CONFIG);
  }

  function countryName(r) { return (NL ? r.country_nl : r.country_en) || r.country_iso3; }

  function producers(el, rows) {
    var stages = Array.from(new Set(rows.map(function (r) { return r.stage; })));
    var traces = stages.map(function (s) {
      var sel = rows.filter(function (r) { return r.stage === s; });
      return { type: "bar", orientation: "h", name: T[s] || s, y: sel.map(countryName),
               x: sel.map(function (r) { return r.share; }), hovertemplate: "%{y}: %{x:.1%}<extra>" + (T[s] || s) + "</extra>" };
    });
    Plotly.newPlot(el, traces, layout({ barmode: "group", xaxis: { title: T.share, tickformat: ".0%" },
                                        yaxis: { automargin: true, autorange: "reversed" }, legend: { orientation: "h", y: -0.2 } }), CONFIG);
  }

  function producersMap(el, rows) {
    var stage = rows.some(function (r) { return r.stage === "processing"; }) ? "processing" : "extraction";
    var sel = rows.filter(function (r) { return r.stage === stage && r.country_iso3.length === 3 && r.country_iso3 !== "ROW" && r.country_iso3 !== "WLD"; });
    Plotly.newPlot(el, [{ type: "choropleth", locationmode: "ISO-3", locations: sel.map(function (r) { return r.country_iso3; }),
      z: sel.map(function (r) { return r.share; }), text: sel.map(countryName), colorscale: "Blues", reversescale: false,
      colorbar: { title: T.share, tickformat: ".0%" }, hovertemplate: "%{text}: %{z:.1%}<extra>" + (T[stage] || stage) + "</extra>" }],
      layout({ geo: { projection: { type: "natural earth" }, showframe: false }, margin: { t: 10, r: 10, b: 10, l: 10 } }), CONFIG);
  }

  function timeline(el, rows) {
    var today = new Date().toISOString().slice(0, 10);
    var y = rows.map(function (r) { return r.measure_id + " (" + r.material_id + ")"; });
    Plotly.newPlot(el, [{ type: "bar", orientation: "h", y: y,
      base: rows.map(function (r) { return r.date_in_force; }),
      x: rows.map(function (r) { return (new Date(r.date_end || today) - new Date(r.date_in_force)); }),
      marker: { color: rows.map(function (r) { return r.status === "active" ? "#b3261e" : r.status === "suspended" ? "#e0a100" : "#8a8a8a"; }) },
      customdata: rows.map(function (r) { return [r.status, r.measure_type]; }),
      hovertemplate: "%{y}<br>%{base} → <br>%{customdata[0]}, %{customdata[1]}<extra></extra>" }],
      layout({ xaxis: { type: "date" }, yaxis: { automargin: true }, margin: { t: 10, r: 20, b: 40, l: 20 } }), CONFIG);
  }

  function sankey(el, rows, label) {
    var nodes = [label], index = {};
    function node(n) { if (!(n in index)) { index[n] = nodes.length; nodes.push(n); } return index[n]; }
    var src = [], dst = [], val = [];
    rows.forEach(function (r) {
      var app = node("▸ " + r.application);
      src.push(0); dst.push(app); val.push(r.share);
      src.push(app); dst.push(node(r.nace_code ? r.nace_code + " " + (r.nace_label || "") : "—")); val.push(r.share);
    });
    Plotly.newPlot(el, [{ type: "sankey", node: { label: nodes, pad: 12 }, link: { source: src, target: dst, value: val } }],
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
                    hovertemplate: "%{x}: %{y:,.1f} t<extra>" + labels[metric] + "</extra>" });
    });
    Plotly.newPlot(el, traces, layout({ yaxis: { title: "t / " + (NL ? "jaar" : "year"), rangemode: "tozero" },
                                        legend: { orientation: "h", y: -0.2 } }), CONFIG);
  }

  function byTechnology(el, rows) {
    var sel = rows.filter(function (r) { return r.metric === "demand"; });
    var techs = Array.from(new Set(sel.map(function (r) { return r.technology_id; })));
    var traces = techs.map(function (t) {
      var rs = sel.filter(function (r) { return r.technology_id === t; });
      return { type: "bar", name: t, x: rs.map(function (r) { return String(r.year); }), y: rs.map(function (r) { return r.p50; }) };
    });
    Plotly.newPlot(el, traces, layout({ barmode: "stack", yaxis: { title: "t / " + (NL ? "jaar" : "year") },
                                        legend: { orientation: "h", y: -0.25 } }), CONFIG);
  }

  function crmaChart(el, rows) {
    var stages = ["extraction", "processing", "recycling"];
    var stageNl = { extraction: "winning", processing: "verwerking", recycling: "recycling" };
    var traces = stages.map(function (s) {
      var sel = rows.filter(function (r) { return r.stage === s && r.share_after !== null; });
      return { type: "bar", name: (NL ? stageNl[s] : s) + " (" + (100 * (sel[0] ? sel[0].benchmark : 0)).toFixed(0) + " %)",
               x: sel.map(function (r) { return r.material_id; }), y: sel.map(function (r) { return r.share_after; }),
               hovertemplate: "%{x}: %{y:.0%}<extra></extra>" };
    });
    Plotly.newPlot(el, traces, layout({ barmode: "group", yaxis: { tickformat: ".0%", title: NL ? "aandeel EU-capaciteit" : "EU capacity share" },
      shapes: [0.10, 0.40, 0.25].map(function (v) { return { type: "line", xref: "paper", x0: 0, x1: 1, y0: v, y1: v,
                                                        line: { dash: "dot", color: "#444" } }; }),
      legend: { orientation: "h", y: -0.25 } }), CONFIG);
  }

  function feedstock(el, rows) {
    var streams = Array.from(new Set(rows.map(function (r) { return r.input_stream; })));
    var palette = ["21,66,115", "179,38,30", "0,122,61", "224,161,0", "110,60,160"];
    var traces = [];
    streams.forEach(function (s, i) {
      var sel = rows.filter(function (r) { return r.input_stream === s; });
      var x = sel.map(function (r) { return r.year; }), c = palette[i % palette.length];
      traces.push({ x: x, y: sel.map(function (r) { return r.feedstock_p95_t; }), mode: "lines", line: { width: 0 }, showlegend: false, hoverinfo: "skip" });
      traces.push({ x: x, y: sel.map(function (r) { return r.feedstock_p5_t; }), mode: "lines", line: { width: 0 }, fill: "tonexty",
                    fillcolor: "rgba(" + c + ",0.15)", showlegend: false, hoverinfo: "skip" });
      traces.push({ x: x, y: sel.map(function (r) { return r.feedstock_p50_t; }), mode: "lines", name: s, line: { color: "rgb(" + c + ")" } });
      traces.push({ x: x, y: sel.map(function (r) { return r.capacity_t; }), mode: "lines", name: s + (NL ? " capaciteit" : " capacity"),
                    line: { color: "rgb(" + c + ")", dash: "dot" } });
    });
    Plotly.newPlot(el, traces, layout({ yaxis: { title: "t / " + (NL ? "jaar" : "year"), rangemode: "tozero" },
                                        legend: { orientation: "h", y: -0.25 } }), CONFIG);
  }

  function change(el, rows) {
    var x = rows.map(function (r) { return r.year; });
    Plotly.newPlot(el, [
      { x: x, y: rows.map(function (r) { return r.change_p95; }), mode: "lines", line: { width: 0 }, showlegend: false, hoverinfo: "skip" },
      { x: x, y: rows.map(function (r) { return r.change_p5; }), mode: "lines", line: { width: 0 }, fill: "tonexty",
        fillcolor: "rgba(21,66,115,0.18)", showlegend: false, hoverinfo: "skip" },
      { x: x, y: rows.map(function (r) { return r.change_p50; }), mode: "lines", name: NL ? "verandering primaire vraag" : "change in primary demand",
        line: { color: "rgb(21,66,115)" }, hovertemplate: "%{x}: %{y:,.2f} t<extra></extra>" }
    ], layout({ yaxis: { title: "t / " + (NL ? "jaar" : "year") }, legend: { orientation: "h", y: -0.3 } }), CONFIG);
  }

  function tornado(el, rows) {
    var sorted = rows.slice().sort(function (a, b) { return Math.abs(b.change_p50) - Math.abs(a.change_p50); });
    var y = sorted.map(function (r) { return r.lever; });
    Plotly.newPlot(el, [
      { type: "bar", orientation: "h", name: NL ? "lage kant" : "low end", y: y, x: sorted.map(function (r) { return r.tornado_low_p50; }) },
      { type: "bar", orientation: "h", name: NL ? "hoge kant" : "high end", y: y, x: sorted.map(function (r) { return r.tornado_high_p50; }) }
    ], layout({ barmode: "overlay", yaxis: { automargin: true, autorange: "reversed" },
                xaxis: { title: NL ? "verandering (t/jaar × SR)" : "change (t/yr × SR)" }, legend: { orientation: "h", y: -0.2 } }), CONFIG);
  }

  var KINDS = { "risk-matrix": riskMatrix, history: history, producers: producers, "producers-map": producersMap,
                timeline: timeline, sankey: sankey, bands: bands, "by-technology": byTechnology, crma: crmaChart, feedstock: feedstock, change: change, tornado: tornado };

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

  function drawAll(root) { (root || document).querySelectorAll(".chart").forEach(draw); }
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSwap", function (e) { drawAll(e.target); });
  window.crmradarCharts = { drawAll: drawAll, kinds: KINDS };
})();
