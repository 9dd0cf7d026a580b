"""Issue 13: custom export-control shocks on the shocks page — the fields of ``crmradar shock --country …``,
checked by the same code, field errors in Dutch, computed by the task queue, and the same numbers as the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.reports import shock_names

QUERY = {"country": "CHN", "material": ["gallium"], "stage": "processing", "fraction": "0,5", "from": "2026",
         "until": "2027", "targets": "all"}


@pytest.mark.parametrize(("change", "message"), [
    ({"fraction": "2"}, "Het deel moet een getal van 0 tot en met 1 zijn"),
    ({"fraction": "half"}, "Het deel moet een getal van 0 tot en met 1 zijn"),
    ({"country": "XYZ"}, "Kies een land uit de lijst."),
    ({"material": []}, "Kies 1 tot 6 grondstoffen uit de lijst."),
    ({"material": ["unobtainium"]}, "Kies 1 tot 6 grondstoffen uit de lijst."),
    ({"from": "2070", "until": ""}, "Geef een jaar (2026) of jaar en maand (2026-03) van 2020 tot en met 2050."),
    ({"from": "2026-14"}, "Geef een jaar (2026) of jaar en maand (2026-03) van 2020 tot en met 2050."),
    ({"until": "2025"}, "Geef een jaar of jaar en maand dat niet vóór het begin ligt."),
    ({"stage": "smelting"}, "Kies winning of verwerking."),
])
def test_invalid_custom_shock_gives_a_dutch_field_error(client, change, message):
    panel = client.get("/shocks/custom/", QUERY | change)
    assert panel.status_code == 200 and message in panel.content.decode()
    page = client.get("/shocks/", QUERY | change).content.decode()
    assert message in page and 'aria-invalid="true"' in page and 'id="custom-shock-panel" aria-live="polite">' in page
    assert page.count('id="custom-shock-form"') == 1 and page.count('id="custom-shock-panel"') == 1


def test_custom_shock_runs_in_the_queue_with_the_numbers_of_the_cli(client):
    from crmradar.web.jobs import wait_for_jobs
    from crmradar.web.models import CachedResult

    first = client.get("/shocks/custom/", QUERY)
    assert 'role="status"' in first.content.decode()  # queued, not computed in the request
    job = CachedResult.objects.get(kind="custom_shock", parameters__fraction=0.5)
    assert job.parameters["materials"] == ["gallium"] and job.parameters["start"] == "2026"
    wait_for_jobs()
    response = client.get("/shocks/custom/", QUERY, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="custom-shock-form")
    html = " ".join(response.content.decode().split())
    assert response["HX-Replace-Url"].startswith("/shocks/?country=CHN&material=gallium&stage=processing")
    assert "Uw schok: China stopt 50 % van de uitvoer van gallium (verwerking), 2026 – 2027" in html
    cli = CliRunner().invoke(app, ["shock", "--country", "CHN", "--material", "gallium", "--stage", "processing",
                                   "--fraction", "0.5", "--from", "2026", "--until", "2027", "--draws", "200",
                                   "--format", "json"])
    assert cli.exit_code == 0, cli.output
    row = next(r for r in json.loads(cli.stdout)["data"] if r["item"] == "gallium: EU supply shortfall")
    label = "CHN-gallium-2026"
    web = next(r for r in CachedResult.objects.get(pk=job.pk).result["rows"]
               if r["item"] == "gallium: EU supply shortfall")
    for p in ("p5", "p50", "p95"):
        assert web[f"{label} {p}"] == pytest.approx(row[f"{label} {p}"], abs=1e-6)
    shown = shock_names.band_text(row[f"{label} p50"], row[f"{label} p5"], row[f"{label} p95"],
                                  "fraction of supply", "nl")
    assert f"gallium: tekort in de EU-aanvoer</td><td class=\"utrecht-table__cell\">%</td> " \
           f"<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">{' '.join(shown.split())}" in html
    assert "/api/v1/shocks?" not in html  # no register-measure API link for a custom shock
