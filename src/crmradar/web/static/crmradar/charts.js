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
    if (NARROW && out.legend && !out.legendKeep) {
      out.legend = { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", traceorder: out.legend.traceorder };
    }
    delete out.legendKeep;
    return out;
  }
  function name(row) { return (NL ? row.name_nl : row.name_en) || row.material_name || row.material_id; }
  function fmt(value, digits) {
    if (value === null || value === undefined) { return "–"; }
    return Number(value).toLocaleString(NL ? "nl-NL" : "en-GB", { maximumSignificantDigits: digits || 3 });
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

  function swapAxes(obj) {
    // the same figure turned a quarter: categories on the vertical axis (bar charts on a phone)
    var out = Object.assign({}, obj);
    [["x", "y"], ["x0", "y0"], ["x1", "y1"], ["xref", "yref"], ["xanchor", "yanchor"]].forEach(function (pair) {
      var a = obj[pair[0]], b = obj[pair[1]];
      delete out[pair[0]]; delete out[pair[1]];
      if (b !== undefined) { out[pair[0]] = pair[0] === "xanchor" ? "left" : b; }
      if (a !== undefined) { out[pair[1]] = pair[1] === "yanchor" ? "bottom" : a; }
    });
    return out;
  }

  function wrap(text, perLine) {
    // break a label at spaces into lines of at most perLine characters (a longer word keeps its own line)
    var lines = [], line = "";
    text.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > perLine) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    return lines.join("<br>");
  }

  function figure(el, fig) {
    // a server-built figure (crmradar.reports.charts.to_plotly): the one chart spec shared with the documents
    var data = fig.data, extra = Object.assign({}, fig.layout), meta = extra.meta || {};
    if (NARROW && meta.swapOnPhone) {
      data = data.map(function (t) { return Object.assign(swapAxes(t), { orientation: "h" }); });
      var x = extra.xaxis, y = extra.yaxis;
      extra.xaxis = Object.assign({}, y, { title: "" });  // phone: the chart title says it
      extra.yaxis = Object.assign({}, x, { tickangle: 0, autorange: "reversed" });
      extra.shapes = (extra.shapes || []).map(swapAxes);
      extra.annotations = (extra.annotations || []).map(function (a, i) {
        return Object.assign(swapAxes(a), { yref: "paper", y: 1 + 0.022 * (i + 1), xanchor: "left", yanchor: "bottom" });
      });
      var count = new Set([].concat.apply([], fig.data.map(function (t) { return t.x; }))).size;
      extra.height = 160 + count * 56;
      extra.margin = { t: 110, r: 10, b: 50, l: 10 };
      extra.legendKeep = true;
      extra.legend = { orientation: "h", y: -0.04, yanchor: "top" };
    } else if (NARROW && data.length && data.every(function (t) { return t.orientation === "h"; })) {
      // phone, horizontal bars (the lever tornado): long category names in a left margin left the plot a sliver
      // and cut off the axis title; each name goes above its bar instead (wrapped to the width) and the plot
      // takes the full width
      var cats = Array.from(new Set([].concat.apply([], data.map(function (t) { return t.y; }))));
      var perLine = Math.max(20, Math.floor(((el.clientWidth || 358) - 20) / 6.6));  // 12 px text
      var wrapped = cats.map(function (c) { return wrap(String(c), perLine); });
      var lines = Math.max.apply(null, wrapped.map(function (w) { return w.split("<br>").length; }));
      var bar = 18, band = bar + 10 + 15 * lines;
      extra.bargap = 1 - bar / band;
      extra.yaxis = Object.assign({}, extra.yaxis, { showticklabels: false, automargin: false });
      extra.xaxis = Object.assign({}, extra.xaxis, { nticks: 5, tickangle: 0, automargin: true,
        title: Object.assign({}, extra.xaxis && extra.xaxis.title, { standoff: 10, font: { size: 12 } }) });
      extra.annotations = (extra.annotations || []).concat(cats.map(function (c, i) {
        return { xref: "paper", x: 0, yref: "y", y: c, yshift: bar / 2 + 2, text: wrapped[i], align: "left",
                 showarrow: false, xanchor: "left", yanchor: "bottom", font: { size: 12, color: "#444" },
                 bgcolor: "rgba(255,255,255,0.85)", borderpad: 0 };  // grid and zero lines pass behind the name
      }));
      extra.margin = { t: 50, r: 14, b: 70, l: 10 };
      extra.height = extra.margin.t + extra.margin.b + cats.length * band;
    } else if (NARROW && meta.key === "risk_matrix") {
      data = data.map(function (t) { return Object.assign({}, t, { mode: "markers" }); });  // no room for symbols
      extra.height = 480;
    }
    delete extra.meta;
    Plotly.newPlot(el, data, layout(extra), CONFIG);
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
                                        legend: { orientation: "h", y: -0.25, traceorder: "normal" } }), CONFIG);
  }

  var KINDS = { figure: figure, history: history, producers: producers, "producers-map": producersMap,
                timeline: timeline, sankey: sankey, "by-technology": byTechnology, feedstock: feedstock, change: change,
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

  function sortKey(cell) {
    // Dutch numbers ("1.234,5", "12 %", "−0,3") sort as numbers, a dash or empty cell last, text by locale
    var text = (cell ? cell.textContent : "").trim();
    var numeric = text.replace(/\u2212/g, "-").replace(/[%\s\u00a0]/g, "");
    if (/^-?[\d.]+(,\d+)?$/.test(numeric)) { return { n: parseFloat(numeric.replace(/\./g, "").replace(",", ".")) }; }
    return { t: text };
  }

  function isEmpty(key) { return key.n === undefined && /^[—–-]?$/.test(key.t); }

  function compareKeys(a, b, ascending) {
    // empty cells stay at the bottom whichever way the column is sorted
    if (isEmpty(a) || isEmpty(b)) { return isEmpty(a) === isEmpty(b) ? 0 : (isEmpty(a) ? 1 : -1); }
    var order = compareValues(a, b);
    return ascending ? order : -order;
  }

  function compareValues(a, b) {
    if (a.n !== undefined && b.n !== undefined) { return a.n - b.n; }
    if (a.n !== undefined) { return -1; }
    if (b.n !== undefined) { return 1; }
    return a.t.localeCompare(b.t, document.documentElement.lang || "nl", { sensitivity: "base" });
  }

  function sortableTables() {
    // a table marked data-sortable gets a button in each column header; aria-sort tells which column leads
    document.querySelectorAll("table[data-sortable]").forEach(function (table) {
      var headers = table.querySelectorAll("thead th");
      var body = table.tBodies[0];
      if (!body) { return; }
      headers.forEach(function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort-button";
        while (th.firstChild) { button.appendChild(th.firstChild); }
        th.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var keyed = Array.prototype.map.call(body.rows, function (row) {
            return { row: row, key: sortKey(row.cells[column]) };  // each cell parsed once, not per comparison
          });
          keyed.sort(function (a, b) { return compareKeys(a.key, b.key, ascending); });
          keyed.forEach(function (item) { body.appendChild(item.row); });
        });
      });
    });
  }

  function drawAll(root) { (root || document).querySelectorAll(".chart").forEach(draw); }
  document.addEventListener("DOMContentLoaded", function () { openMenuOnWideScreens(); tableFilters(); sortableTables(); drawAll(document); });
  document.addEventListener("htmx:afterSwap", function (e) { drawAll(e.target); });
  window.crmradarCharts = { drawAll: drawAll, kinds: KINDS };
})();
