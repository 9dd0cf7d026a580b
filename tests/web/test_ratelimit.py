"""Issue 17, defect 7: per-client token bucket on requests that start a computation — 429 with Retry-After,
a Dutch panel on pages, JSON on the API; polling an existing job is free; other clients are unaffected."""

from __future__ import annotations

import pytest


@pytest.fixture()
def settings(django_db, monkeypatch):
    """Set Django settings for one test (undone afterwards)."""
    from django.conf import settings as django_settings

    class Setter:
        def __setattr__(self, name, value):
            monkeypatch.setattr(django_settings, name, value, raising=False)

    return Setter()


def test_refill_and_wait_are_the_token_bucket_formulas():
    from crmradar.web.ratelimit import refill, seconds_until_token

    # 0.5 token + 6/min for 3 s = 0.5 + 0.3 = 0.8; never above the burst
    assert refill(0.5, 3.0, 6.0, 20) == pytest.approx(0.8)
    assert refill(19.5, 60.0, 6.0, 20) == 20.0
    assert refill(2.0, -5.0, 6.0, 20) == 2.0  # a clock that steps back gives nothing
    # 0.8 token at 6/min: (1 - 0.8) * 10 s = 2 s; an empty bucket at 10/min: 6 s
    assert seconds_until_token(0.8, 6.0) == 2
    assert seconds_until_token(0.0, 10.0) == 6
    assert seconds_until_token(0.999, 10.0) == 1


def test_bucket_admits_the_burst_then_refuses_until_refilled(django_db, settings):
    from crmradar.web.ratelimit import RateLimitedError, take

    settings.CRMRADAR_RATE_BURST = 3
    settings.CRMRADAR_RATE_PER_MINUTE = 6  # one token per 10 s
    t0 = 1_000_000.0
    assert [take("ip:10.0.0.1", now=t0) for _ in range(3)] == [2.0, 1.0, 0.0]
    with pytest.raises(RateLimitedError) as refused:
        take("ip:10.0.0.1", now=t0 + 4.0)  # 0.4 token back: 6 s to go
    assert refused.value.retry_after == 6
    assert take("ip:10.0.0.2", now=t0 + 4.0) == 2.0  # another client has its own bucket
    assert take("ip:10.0.0.1", now=t0 + 10.0) == pytest.approx(0.0)  # 1.0 token after 10 s, taken
    settings.CRMRADAR_RATE_BURST = 0  # 0 turns the limit off
    assert take("ip:10.0.0.1", now=t0 + 10.0) == float("inf")


def _strengths(hundredths: tuple[int, int, int]):
    """Three lever strengths no other test asks for, with no stored job left from an earlier test: a job that
    exists already is free (polling), so it would not take a token."""
    from crmradar.web.computations import lever_library
    from crmradar.web.models import CachedResult

    lever = lever_library().levers["ev_battery_lfp"]
    low, high = lever.bounds
    strengths = [round(low + (high - low) * k / 100, 2) for k in hundredths]
    CachedResult.objects.filter(parameters__lever="ev_battery_lfp", parameters__strength__in=strengths).delete()
    return strengths


@pytest.fixture()
def limited(django_db, settings):
    from crmradar.web.models import CachedResult

    settings.CRMRADAR_RATE_BURST = 2
    settings.CRMRADAR_RATE_PER_MINUTE = 1  # 60 s per token
    settings.CRMRADAR_JOB_MAX_PER_CLIENT = 50
    before = set(CachedResult.objects.values_list("pk", flat=True))
    yield
    CachedResult.objects.exclude(pk__in=before).delete()


def test_api_new_computations_beyond_the_burst_get_429_json_with_retry_after(client, limited):
    from crmradar.web.models import CachedResult

    s1, s2, s3 = _strengths((13, 27, 37))
    url = "/api/v1/levers?lever=ev_battery_lfp&scenario=trend&strength={}"
    assert client.get(url.format(s1)).status_code in (200, 202)
    assert client.get(url.format(s2)).status_code in (200, 202)
    jobs = CachedResult.objects.count()
    refused = client.get(url.format(s3))
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("application/json")
    body = refused.json()
    assert 55 <= body["retry_after"] <= 60 and refused["Retry-After"] == str(body["retry_after"])
    assert "retry after" in body["detail"]
    assert CachedResult.objects.count() == jobs  # nothing queued for the refused request
    # polling a job that exists costs nothing, however often
    assert all(client.get(url.format(s1)).status_code in (200, 202) for _ in range(5))
    # another address has its own bucket
    assert client.get(url.format(s3), REMOTE_ADDR="192.0.2.7").status_code in (200, 202)


def test_htmx_panel_beyond_the_burst_says_so_in_dutch_and_english(client, limited):
    s1, s2, s3 = _strengths((17, 29, 43))
    panel = "{}levers/panel/?lever=ev_battery_lfp&material=cobalt&strength={}"
    for strength in (s1, s2):
        assert client.get(panel.format("/", strength), HTTP_HX_REQUEST="true").status_code == 200
    dutch = client.get(panel.format("/", s3), HTTP_HX_REQUEST="true")
    assert dutch.status_code == 429 and 55 <= int(dutch["Retry-After"]) <= 60
    text = dutch.content.decode()
    assert "Te veel berekeningen gestart" in text and f"over {dutch['Retry-After']} seconden" in text
    assert "no-cache" in dutch["Cache-Control"] or "max-age=0" in dutch["Cache-Control"]
    english = client.get(panel.format("/en/", s3), HTTP_HX_REQUEST="true")
    assert english.status_code == 429 and "Too many computations started" in english.content.decode()


def test_procurement_scans_count_against_the_bucket(client, limited, settings):
    from crmradar.web.views.procurement import REPORT_DIR

    settings.CRMRADAR_RATE_BURST = 1
    before = set(REPORT_DIR.glob("*")) if REPORT_DIR.exists() else set()
    assert client.post("/procurement/", {"example": "1"}).status_code == 200
    after_first = set(REPORT_DIR.glob("*"))
    assert len(after_first - before) == 2  # xlsx and json
    refused = client.post("/procurement/", {"example": "1"})
    assert refused.status_code == 429 and "Te veel berekeningen gestart" in refused.content.decode()
    assert set(REPORT_DIR.glob("*")) == after_first  # no report for the refused scan
    api = client.post("/api/v1/procurement/scan", {"file": _csv()})
    assert api.status_code == 429 and api.json()["retry_after"] >= 1


def test_a_logged_in_user_has_a_bucket_of_their_own(client, limited, settings):
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    from crmradar.web.ratelimit import client_key

    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert client_key(request) == "ip:203.0.113.9"
    user = get_user_model()(pk=4242, username="bucket-owner")
    request.user = user
    assert client_key(request) == "user:4242"
    forged = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer invented-token")
    forged.user = AnonymousUser()
    assert client_key(forged) == "ip:203.0.113.9"  # an unknown token buys no new bucket


def _csv():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("lijst.csv", b"cpv,description,quantity,unit\n09331200,zonnepanelen,10,stuks\n",
                              content_type="text/csv")


def test_document_downloads_that_start_a_job_count_against_the_bucket(client, limited, settings):
    settings.CRMRADAR_RATE_BURST = 1
    assert client.get("/documenten/publiek/-/pdf/bestand").status_code in (200, 202)
    assert client.get("/documenten/publiek/-/pdf/bestand").status_code in (200, 202)  # same job: free
    refused = client.get("/documenten/publiek/-/docx/bestand")
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    assert "Te veel berekeningen gestart" in refused.content.decode()


def _take_many(client: str, now: float, attempts: int, results) -> None:
    from crmradar.web.ratelimit import RateLimitedError, take

    taken = 0
    for _ in range(attempts):
        try:
            take(client, now=now)
            taken += 1
        except RateLimitedError:
            pass
    results.put(taken)


def test_web_worker_processes_taking_at_once_never_exceed_the_burst(django_db, settings):
    """Four processes (like four gunicorn workers) share the file-based buckets: 4 × 15 attempts at the same moment
    take exactly the burst of 20 tokens, not more (the bucket update is locked across processes)."""
    import multiprocessing
    import uuid

    settings.CRMRADAR_RATE_BURST = 20
    settings.CRMRADAR_RATE_PER_MINUTE = 0.001  # no refill during the test
    client = f"ip:test-{uuid.uuid4().hex}"
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    workers = [context.Process(target=_take_many, args=(client, 2_000_000.0, 15, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    assert sum(results.get(timeout=5) for _ in workers) == 20


def test_behind_a_trusted_proxy_the_visitor_address_is_the_proxys_last_forwarded_entry(django_db, settings):
    from django.test import RequestFactory

    from crmradar.web.ratelimit import client_key

    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
    assert client_key(request) == "ip:127.0.0.1"  # default: forwarded headers are not trusted
    settings.CRMRADAR_BEHIND_PROXY = True
    assert client_key(request) == "ip:198.51.100.4"  # the entry the proxy appended, not the forged first one
    assert client_key(RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")) == "ip:127.0.0.1"


def test_https_behind_a_proxy_redirects_plain_http_once_and_serves_forwarded_https(tmp_path):
    """CRMRADAR_HTTPS=1 with CRMRADAR_BEHIND_PROXY=1: a request the proxy marks https is served (no redirect loop),
    a plain one is redirected to https; without the proxy setting the marked request would be redirected too."""
    import os
    import subprocess
    import sys

    script = (
        "import django, os\n"
        "django.setup()\n"
        "from django.test import Client\n"
        "c = Client()\n"
        "print(c.get('/favicon.ico', HTTP_X_FORWARDED_PROTO='https').status_code, c.get('/favicon.ico').status_code)\n"
    )
    base = dict(os.environ, DJANGO_SETTINGS_MODULE="crmradar.web.settings", CRMRADAR_HOME=str(tmp_path),
                CRMRADAR_HTTPS="1")
    base.pop("DATABASE_URL", None)
    for proxy, expected in (("1", "200 301"), ("0", "301 301")):
        out = subprocess.run([sys.executable, "-c", script], env=base | {"CRMRADAR_BEHIND_PROXY": proxy},
                             capture_output=True, text=True, timeout=120)
        assert out.stdout.split("\n")[-2] == expected, out.stderr[-2000:]
