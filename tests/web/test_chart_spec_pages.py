"""Issue 15: the pages draw the same chart specs the documents print. The figure a page embeds (Plotly JSON
from crmradar.reports.charts.to_plotly) equals the figure of the document's chart built from the same data."""

from __future__ import annotations

import json
import re

from crmradar.reports import charts, document_charts


def _json(html: str, block: str):
    match = re.search(rf'<script id="{block}" type="application/json">(.*?)</script>', html, re.S)
    assert match, block
    return json.loads(match.group(1))


def test_overview_risk_matrix_is_the_documents_chart(client):
    from crmradar import data

    page = _json(client.get("/").content.decode(), "risk-figure")
    spec = document_charts.risk_chart(data.load())
    document = charts.to_plotly(spec)
    assert [(t["name"], t["x"], t["y"]) for t in page["data"]] == \
        [(t["name"], t["x"], t["y"]) for t in document["data"]]
    gallium = spec.series[0].hover.index("gallium")
    assert (spec.series[0].x[gallium], spec.series[0].y[gallium]) == (3.7, 3.9)  # EC 2023: EI 3.7, SR 3.9
    assert len(page["data"]) == 3 and sum(len(t["x"]) for t in page["data"]) > 60


def test_crma_page_chart_is_the_documents_chart(client):
    from crmradar import data

    page = _json(client.get("/crma/").content.decode(), "crma-data")
    document = charts.to_plotly(document_charts.crma_chart(data.load()))
    assert page["data"] == document["data"]
    assert page["layout"]["shapes"] == document["layout"]["shapes"]
    processing = next(t for t in page["data"] if t["name"] == "verwerking")
    assert len(processing["x"]) > 10 and all(0 <= v <= 1.5 for v in processing["y"])
    english = _json(client.get("/en/crma/").content.decode(), "crma-data")
    assert [t["name"] for t in english["data"]] == ["extraction", "processing", "recycling"]
