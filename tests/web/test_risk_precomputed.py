"""The risk overview on the web is precomputed per data release and stored in the database (issue 16)."""

from __future__ import annotations

import pytest


def test_overview_round_trips_exactly_through_the_database_form():
    from crmradar import data
    from crmradar.reports.risk_overview import risk_overview
    from crmradar.web.risk_cache import decode, encode

    frame = risk_overview(data.load(), "NL36", 200, 3)
    back = decode(encode(frame))
    assert back.equals(frame) and back.attrs == frame.attrs
    assert back.loc["gallium", "p_critical_eu"] == frame.loc["gallium", "p_critical_eu"]


def test_missing_overview_is_queued_then_computed_by_a_task_worker(client):
    from django.core.cache import cache

    from crmradar import data
    from crmradar.reports.risk_overview import risk_overview
    from crmradar.web import risk_cache, services
    from crmradar.web.jobs import execute
    from crmradar.web.models import CachedResult

    CachedResult.objects.filter(kind=risk_cache.KIND).delete()
    risk_cache._DECODED.clear()
    services._profile.cache_clear()
    cache.clear()
    assert client.get("/api/v1/risk/overview").status_code == 202
    job = CachedResult.objects.get(kind=risk_cache.KIND)
    assert job.status == "queued" and job.parameters == {"region": "NL36", "draws": 2000, "seed": 0}
    assert execute(job.pk) == "done"  # what a task worker does
    answer = client.get("/api/v1/risk/overview")
    assert answer.status_code == 200
    rows = {r["material_id"]: r for r in answer.json()}
    expected = risk_overview(data.load(), "NL36", 2000, 0)
    assert rows["gallium"]["official_supply_risk"] == pytest.approx(3.9)
    computed = expected.dropna(subset=["p_critical_eu", "p_critical_region"])
    assert len(computed) >= 20 and "cobalt" in computed.index
    for material, row in computed.iterrows():
        assert rows[material]["p_critical_eu"] == row["p_critical_eu"]
        assert rows[material]["p_critical_region"] == row["p_critical_region"]
    assert 0 < expected.loc["cobalt", "p_critical_eu"] <= 1
    table = {r["material_id"]: r for r in client.get("/api/v1/risk").json()}
    assert table["cobalt"]["p_critical"] == expected.loc["cobalt", "p_critical_eu"]
    html = client.get("/en/material/lithium/").content.decode()
    assert "The risk views are being computed" not in html
