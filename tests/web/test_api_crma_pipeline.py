"""``/api/v1/crma`` with ``portfolio=pipeline`` mirrors ``crmradar crma`` (issue 12): the package pipeline at a
minimum stage, the benchmark table and the contribution per project."""

from __future__ import annotations

import pytest

from crmradar import data
from crmradar.scenarios.crma import crma_benchmark
from crmradar.scenarios.pipeline import pipeline_frame


def _rows(table, material, stage):
    return [r for r in table if r["material_id"] == material and r["stage"] == stage]


def test_pipeline_is_the_default_and_equals_the_calculator_on_the_package_pipeline(client):
    kb = data.load()
    default = client.get("/api/v1/crma").json()
    explicit = client.get("/api/v1/crma", {"portfolio": "pipeline", "min_stage": "financiering"}).json()
    assert default == explicit
    counted, _skipped = pipeline_frame(kb["regional_projects"].rename(columns={"project_id": "code"}),
                                       kb.crma_annex_entries, "financiering")
    expected = crma_benchmark(kb.crma_consumption_capacity, kb.crma_benchmarks, kb.supply_shares, counted, 2030)
    row = expected.loc[(expected["material_id"] == "cobalt") & (expected["stage"] == "recycling")].iloc[0]
    got = _rows(explicit, "cobalt", "recycling")[0]
    assert got["added_t"] == pytest.approx(float(row["added_t"]))
    assert got["share_after"] == pytest.approx(float(row["share_after"]))
    # share_after = share_before + added / consumption, by hand from the returned row
    assert got["share_after"] == pytest.approx(got["share_before"] + got["added_t"] / got["consumption_t"])


def test_projects_view_and_bad_stage(client):
    projects = client.get("/api/v1/crma", {"portfolio": "pipeline", "view": "projects"})
    assert projects.status_code == 200
    for row in projects.json():
        assert row["share_added"] == pytest.approx(row["capacity_t_per_year"] / row["consumption_t"], rel=1e-9)
    assert client.get("/api/v1/crma", {"min_stage": "gestopt"}).status_code == 422
    assert client.get("/api/v1/crma", {"min_stage": "idee", "year": 2040}).status_code == 200
