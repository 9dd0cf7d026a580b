"""Issue 16: analysts start small lever sweeps from the web as queued tasks; larger ones get the exact
``crmradar sweep`` command; finished sweeps are listed with their Pareto front and robust-best table."""

from __future__ import annotations

import uuid
from pathlib import Path

import numpy as np
import pytest

LEVERS = ["ev_battery_lfp", "ev_battery_sodium_ion"]


@pytest.fixture()
def analyst(django_db):
    from django.test import Client

    from crmradar.apps.accounts.services import add_user

    user = add_user(f"sweep-{uuid.uuid4().hex[:8]}@example.nl", "Provincie Zuid-Holland", "analist",
                    "Correct-Horse-Battery-2026")
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _form(**changes):
    form = {"scenario": ["targets"], "lever": LEVERS, "strength": ["1"], "max_levers": "2", "draws": "24",
            "year": "2040"}
    return form | changes


def test_sweep_request_counts_runs_and_gives_the_exact_command(django_db):
    from django.http import QueryDict

    from crmradar.web.sweep_jobs import parse

    data = QueryDict(mutable=True)
    for key, value in _form(scenario=["targets", "trend"], strength=["0.5", "1"], draws="1000").items():
        data.setlist(key, value if isinstance(value, list) else [value])
    request = parse(data, set(LEVERS))
    assert request.errors == {}
    # 2 levers alone + 1 pair = 3 combinations, × 2 strengths = 6 cells; + baseline = 7 runs per draw per scenario
    assert request.runs() == 2 * 7 * 1000
    assert request.command() == ("crmradar sweep --scenario targets --scenario trend --levers "
                                 "ev_battery_lfp,ev_battery_sodium_ion --strengths 0.5,1 --max-levers 2 --draws 1000 "
                                 "--year 2040 --seed 20260616 --chunk 100")
    data.setlist("draws", ["7"])
    data.setlist("lever", ["nope"])
    bad = parse(data, set(LEVERS))
    assert set(bad.errors) == {"draws", "lever"}


def test_only_analysts_may_start_a_sweep(client, analyst):
    from django.test import Client

    from crmradar.apps.accounts.services import add_user

    assert client.get("/sweeps/run/").status_code == 302
    assert client.post("/sweeps/run/", _form()).status_code == 302
    reader = Client()
    # the test database lives for the whole session: a reader left at TNO would receive other tests' signals
    reader_user = add_user(f"lezer-{uuid.uuid4().hex[:8]}@example.nl", "TNO", "lezer", "Correct-Horse-Battery-2026")
    reader.force_login(reader_user, backend="django.contrib.auth.backends.ModelBackend")
    try:
        assert reader.post("/sweeps/run/", _form()).status_code == 403
    finally:
        reader_user.delete()
    page = analyst.get("/sweeps/run/").content.decode()
    assert "Sweep van hefbomen starten" in page and 'name="lever" value="ev_battery_lfp"' in page
    assert "ev_battery_lfp</label>" not in page  # levers by name, ids only in the form values


def test_too_large_sweep_gets_the_command_line(analyst):
    from django.test import override_settings

    # 2 levers alone + 1 pair at strength 1 = 3 cells; with the baseline 4 runs per draw: 4 × 24 = 96 per scenario
    with override_settings(CRMRADAR_SWEEP_MAX_RUNS=95):
        response = analyst.post("/en/sweeps/run/", _form(scenario=["targets", "trend"]))
    html = response.content.decode()
    assert response.status_code == 422 and "This sweep needs 192 model runs" in html and "at most 95" in html
    assert ("crmradar sweep --scenario targets --scenario trend --levers ev_battery_lfp,ev_battery_sodium_ion "
            "--strengths 1 --max-levers 2 --draws 24 --year 2040 --seed 20260616 --chunk 100") in html
    from crmradar.web.models import CachedResult

    assert not CachedResult.objects.filter(kind="sweep", parameters__draws=24,
                                           parameters__scenarios=["targets", "trend"]).exists()


def test_small_sweep_is_queued_computed_and_listed(analyst):
    from django.conf import settings

    from crmradar import data
    from crmradar.commands.levers import _library
    from crmradar.commands.sweep import _inputs
    from crmradar.sweeps.sweep import SweepPlan, run_sweep, summarise
    from crmradar.web.jobs import execute
    from crmradar.web.models import CachedResult

    response = analyst.post("/sweeps/run/", _form())
    assert response.status_code == 302 and "?job=" in response["Location"]
    job = CachedResult.objects.get(pk=int(response["Location"].split("job=")[1]))
    assert job.kind == "sweep" and job.status == "queued"
    waiting = analyst.get(response["Location"]).content.decode()
    assert "berekening" in waiting and "no-store" in analyst.get(response["Location"])["Cache-Control"]
    assert execute(job.pk) == "done"  # what a task worker does
    job.refresh_from_db()
    folder = Path(settings.HOME) / "sweeps" / job.result["sweep"]
    try:
        done = analyst.get(response["Location"]).content.decode()
        assert "De sweep is klaar (3 combinaties)" in done
        # the same sweep on a Dask cluster of one worker (crmradar sweep) gives the same numbers
        kb = data.load()
        plan = SweepPlan(levers=tuple(LEVERS), strengths=(1.0,), max_levers=2, draws=24, year=2040, chunk=100)
        from crmradar.sweeps.cluster import dask_client

        with dask_client(None, 1) as client:
            expected = summarise(run_sweep(plan, _inputs(["targets"], kb), _library(None, kb), client))
        import pandas as pd

        stored = pd.read_parquet(folder / "summary.parquet")
        assert np.array_equal(stored["sr_weighted_demand_change_p50"], expected["sr_weighted_demand_change_p50"])
        assert stored["pareto_robust"].tolist() == expected["pareto_robust"].tolist()
        page = analyst.get("/sweeps/").content.decode()
        assert job.result["sweep"] in page and "Pareto-front van robuuste combinaties" in page
        assert "Beste in minstens 90 % van de trekkingen" in page
        assert "ev_battery_lfp" not in page.split('id="' + job.result["sweep"])[1].split("</section>")[0]
    finally:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
