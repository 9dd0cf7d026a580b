"""Issue 15: one chart spec, two renderers. Hand-made rows go through the builders of crmradar.reports.charts;
the Plotly figure (web) and the matplotlib drawings (documents) carry exactly the spec's numbers, and the PDF
and DOCX of a document hold the chart images."""

from __future__ import annotations

import io
import zipfile

import pytest

from crmradar.reports import charts

ROWS = [  # one material, two metrics, three years (t/yr)
    {"material_id": "lithium", "metric": "demand", "year": 2040, "p5": 80.0, "p50": 100.0, "p95": 130.0},
    {"material_id": "lithium", "metric": "demand", "year": 2030, "p5": 40.0, "p50": 50.0, "p95": 70.0},
    {"material_id": "lithium", "metric": "demand", "year": 2050, "p5": 90.0, "p50": 120.0, "p95": 160.0},
    {"material_id": "lithium", "metric": "end_of_life", "year": 2030, "p5": 1.0, "p50": 2.0, "p95": 3.0},
    {"material_id": "lithium", "metric": "end_of_life", "year": 2040, "p5": 10.0, "p50": 15.0, "p95": 25.0},
    {"material_id": "lithium", "metric": "end_of_life", "year": 2050, "p5": 30.0, "p50": 45.0, "p95": 60.0},
    {"material_id": "lithium", "metric": "in_use_stock", "year": 2050, "p5": 1e4, "p50": 2e4, "p95": 3e4},
]


def test_demand_bands_sorts_years_and_keeps_the_band():
    spec = charts.demand_bands(ROWS, "Lithium")
    assert [s.name for s in spec.series] == ["vraag", "einde levensduur"]  # in-use stock is not a flow: left out
    demand = spec.series[0]
    assert demand.x == [2030, 2040, 2050] and demand.y == [50.0, 100.0, 120.0]
    assert demand.low == [40.0, 80.0, 90.0] and demand.high == [70.0, 130.0, 160.0]
    assert spec.title == "Vraag en vrijkomend materiaal: Lithium, Zuid-Holland (mediaan en P5–P95, t/jaar)"
    assert spec.source_ids == ["crmradar_region_estimate"]
    english = charts.demand_bands(ROWS, "Lithium", "en")
    assert [s.name for s in english.series] == ["demand", "end of life"] and english.x_title == "Year"


def test_plotly_figure_has_the_spec_numbers():
    spec = charts.demand_bands(ROWS, "Lithium")
    figure = charts.to_plotly(spec)
    # per metric: upper edge, lower edge (filled to the upper), median line
    assert len(figure["data"]) == 6
    upper, lower, median = figure["data"][:3]
    assert upper["y"] == [70.0, 130.0, 160.0] and lower["y"] == [40.0, 80.0, 90.0] and lower["fill"] == "tonexty"
    assert median["y"] == [50.0, 100.0, 120.0] and median["name"] == "vraag"
    assert figure["layout"]["yaxis"]["title"]["text"] == "t/jaar"


def test_risk_matrix_groups_thresholds_and_labels():
    rows = [
        {"material_id": "gallium", "name_nl": "gallium", "symbol": "Ga", "supply_risk": 3.9,
         "economic_importance": 3.7, "crma_strategic": True, "crma_critical": True, "zh_critical": True},
        {"material_id": "germanium", "name_nl": "germanium", "symbol": "Ge", "supply_risk": 3.9,
         "economic_importance": 3.6, "crma_strategic": True, "crma_critical": True},  # too close: no label
        {"material_id": "helium", "name_nl": "helium", "symbol": "He", "supply_risk": 1.2,
         "economic_importance": 2.9, "crma_strategic": False, "crma_critical": True},
        {"material_id": "gold", "name_nl": "goud", "symbol": "Au", "supply_risk": 0.2,
         "economic_importance": 2.0, "crma_strategic": False, "crma_critical": False},
        {"material_id": "unknown", "name_nl": "onbekend", "symbol": "X", "supply_risk": None,
         "economic_importance": 2.0, "crma_strategic": False, "crma_critical": False},
    ]
    spec = charts.risk_matrix(rows)
    strategic, critical, other = spec.series
    assert strategic.x == [3.7, 3.6] and strategic.y == [3.9, 3.9] and strategic.text == ["Ga", ""]
    assert strategic.emphasis == [True, False] and strategic.hover == ["gallium", "germanium"]
    assert critical.x == [2.9] and other.x == [2.0] and other.hover == ["goud"]  # no SR: not plotted
    assert [(r.axis, r.value) for r in spec.references] == [("x", 2.8), ("y", 1.0)]
    figure = charts.to_plotly(spec)
    assert figure["data"][0]["marker"]["size"] == [16, 10]
    assert figure["layout"]["shapes"][0]["x0"] == 2.8 and figure["layout"]["shapes"][1]["y0"] == 1.0


def test_crma_and_lever_charts():
    rows = [{"material_id": "lithium", "stage": "extraction", "share_after": 0.02, "benchmark": 0.1},
            {"material_id": "lithium", "stage": "processing", "share_after": None, "benchmark": 0.4},
            {"material_id": "cobalt", "stage": "processing", "share_after": 0.8, "benchmark": 0.4}]
    spec = charts.crma_benchmarks(rows)
    assert [(s.name, s.x, s.y) for s in spec.series] == [("winning", ["Lithium"], [0.02]),
                                                         ("verwerking", ["Kobalt"], [0.8])]
    assert [r.value for r in spec.references] == [0.1, 0.4] and spec.percent
    assert charts.to_plotly(spec)["layout"]["meta"]["swapOnPhone"] is True
    levers = [{"lever": "ev_battery_lfp", "change_p50": -5.0, "tornado_low_p50": -2.0, "tornado_high_p50": -9.0},
              {"lever": "lifetime_extension", "change_p50": -20.0, "tornado_low_p50": -10.0,
               "tornado_high_p50": -30.0}]
    tornado = charts.lever_ranking(levers, 2050)
    high, low = tornado.series
    assert high.y == [-30.0, -9.0] and low.y == [-10.0, -2.0]  # largest effect first
    trace = charts.to_plotly(tornado)["data"][0]
    assert trace["orientation"] == "h" and trace["x"] == [-30.0, -9.0] and trace["y"] == high.x


def test_static_renderings_are_real_images():
    from crmradar.documents.charts import to_png, to_svg

    spec = charts.demand_bands(ROWS, "Lithium")
    svg = to_svg(spec)
    assert svg.startswith(b"<?xml") and b"<svg" in svg and svg.count(b"<path") > 10
    png = to_png(spec, dpi=100)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    assert image.size == (660, 280)  # 6.6 × 2.8 inch at 100 dpi


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_document_embeds_its_chart(tmp_path, suffix):
    from crmradar.documents import Document, Section, write

    spec = charts.demand_bands(ROWS, "Lithium")
    path = write(Document("Proef", sections=[Section("Vraag", ["Tekst."], charts=[spec])]), tmp_path / f"d{suffix}")
    if suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            media = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert len(media) == 1 and media[0].endswith(".png")
        from crmradar.documents.extract import docx_text

        assert spec.title in docx_text(path)
    else:
        from pypdf import PdfReader

        page = PdfReader(str(path)).pages[0]
        text = page.extract_text()
        assert spec.title in " ".join(text.split())
        # WeasyPrint draws the SVG as vector paths on the page: the bands' 18 % fill opacity is there, and a
        # page with text only has no such graphics state
        states = page["/Resources"]["/ExtGState"]
        assert any(state.get("/ca") == 0.18 for state in states.values())
        assert page.get_contents().get_data().count(b" re") + page.get_contents().get_data().count(b" c\n") > 10


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


def test_annex_tables_and_charts_stay_inside_the_page():
    """Typeset the Council annex (WeasyPrint layout, 20 draws): no table and no chart reaches past the right margin
    (wide estimate columns wrap instead of being cut off), and every chart is on a page."""
    from weasyprint import HTML

    from crmradar import data
    from crmradar.documents.render import to_html
    from crmradar.reports.documents import WorkspaceState, council_annex, regional_demand

    kb = data.load()
    document = council_annex(kb, regional_demand(kb, draws=20), WorkspaceState())
    layout = HTML(string=to_html(document)).render()
    tables = charts_seen = 0
    for page in layout.pages:
        box = page._page_box
        right = box.content_box_x() + box.width
        for child in _boxes(box):
            kind = type(child).__name__
            if kind in ("TableBox", "InlineReplacedBox", "BlockReplacedBox"):
                assert child.position_x + child.margin_width() <= right + 0.5, (kind, page)
                tables += kind == "TableBox"
                charts_seen += kind != "TableBox"
    assert tables >= 2 and charts_seen == 4  # risk matrix, lithium and neodymium bands, CRMA benchmarks
