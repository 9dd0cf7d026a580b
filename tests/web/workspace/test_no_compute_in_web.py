"""No web request runs a Monte Carlo kernel (issue 16): with the kernels patched to raise and record, every page
(anonymous and as analyst, Dutch and English) and every parameterless API GET answers without calling them —
with the risk overview stored (as ``crmradar serve`` leaves it) and with it missing (then it is queued, the
answers say so and are not cached)."""

from __future__ import annotations

import re
import sys

import pytest

ARG_EXAMPLES = {"material": ["gallium"], "material_block_csv": ["gallium", "risk"]}


@pytest.fixture()
def kernel_calls(monkeypatch):
    """Replace the Monte Carlo kernels everywhere they were imported by a function that records and raises."""
    from crmradar.methods import criticality_uncertainty
    from crmradar.region import model

    calls = []
    originals = [criticality_uncertainty.criticality_probabilities, model.run]

    def make(name):
        def refuse(*args, **kwargs):
            calls.append(name)
            raise AssertionError(f"{name} called in a web request")
        return refuse

    for original in originals:
        stand_in = make(original.__qualname__)
        for module in list(sys.modules.values()):
            if module is None or not getattr(module, "__name__", "").startswith("crmradar"):
                continue
            for attribute, value in list(vars(module).items()):
                if value is original:
                    monkeypatch.setattr(module, attribute, stand_in)
    return calls


def _routes(patterns, prefix="", namespace=""):
    from django.urls import URLPattern, URLResolver

    for entry in patterns:
        if isinstance(entry, URLResolver):
            space = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _routes(entry.url_patterns, prefix + str(entry.pattern), space)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), namespace + entry.name, entry.callback


def _page_urls() -> list[str]:
    from django.urls import get_resolver, reverse

    urls = []
    for pattern, name, callback in _routes(get_resolver().url_patterns):
        if name.startswith("admin:") or pattern.startswith("api/"):
            continue
        if getattr(callback, "access_rule", "public") != "public" and "<" in pattern:
            continue  # workspace items: covered by the analyst's lists and the chain below
        if "<" in pattern and name not in ARG_EXAMPLES:
            continue
        if not re.search(r"^(|.*/)$|\.csv$", pattern) or name in ("job_cancel",):
            continue
        url = reverse(name, args=ARG_EXAMPLES.get(name, []))
        urls += [url, "/en" + url] if not url.startswith(("/beheer", "/api")) else [url]
    return sorted(set(urls))


def _api_urls() -> list[str]:
    from crmradar.web.api import api

    urls = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        get = operations.get("get")
        if get is None or "{" in path or any(p.get("required") for p in get.get("parameters", [])):
            continue
        urls.append(path)
    return urls


def _walk(clients, urls):
    statuses = {}
    for label, client in clients.items():
        for url in urls:
            statuses[(label, url)] = client.get(url).status_code
    return statuses


def _forget_overview():
    from crmradar.web import risk_cache, services
    from crmradar.web.models import CachedResult

    CachedResult.objects.filter(kind=risk_cache.KIND).delete()
    risk_cache._DECODED.clear()
    services._profile.cache_clear()


def test_no_page_or_api_call_runs_a_kernel(client_for, kernel_calls):
    from django.core.cache import cache
    from django.test import override_settings

    limits = override_settings(CRMRADAR_JOB_MAX_PER_CLIENT=10_000)  # the walk queues many panel computations
    limits.enable()
    try:
        _walk_everything(client_for, kernel_calls, cache)
    finally:
        limits.disable()


def _walk_everything(client_for, kernel_calls, cache):
    cache.clear()
    pages, api = _page_urls(), _api_urls()
    assert len(pages) >= 40 and "/api/v1/risk/overview" in api and "/api/v1/materials" in api
    clients = {"anoniem": client_for("anoniem"), "analist": client_for("analist")}
    statuses = _walk(clients, pages + api)
    assert [k for k, s in statuses.items() if s >= 500] == []
    assert kernel_calls == []
    stored = clients["anoniem"].get("/api/v1/risk").json()
    assert {r["material_id"]: r["p_critical"] for r in stored}["gallium"] is not None

    _forget_overview()
    cache.clear()
    statuses = _walk(clients, pages + api)
    assert [k for k, s in statuses.items() if s >= 500] == []
    assert kernel_calls == []
    pending = clients["anoniem"].get("/api/v1/risk/overview")
    assert pending.status_code == 202 and "no-store" in pending["Cache-Control"]
    risk = clients["anoniem"].get("/api/v1/risk")
    assert "no-store" in risk["Cache-Control"]
    assert {r["material_id"]: r["p_critical"] for r in risk.json()}["gallium"] is None
    assert {r["material_id"]: r["supply_risk"] for r in risk.json()}["gallium"] == pytest.approx(3.9)
    page = clients["anoniem"].get("/en/material/gallium/")
    assert "The risk views are being computed" in page.content.decode() and "no-store" in page["Cache-Control"]
    from crmradar.web.models import CachedResult

    assert CachedResult.objects.filter(kind="risk_overview", status="queued").count() == 1
