"""Issue 16: the web lists finished sweeps (written by ``crmradar sweep`` into the home folder)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def test_sweeps_page_lists_finished_sweeps_in_dutch_and_english(client):
    from django.conf import settings

    from crmradar.sweeps.store import publish

    assert client.get("/sweeps/").status_code == 200
    summary = pd.DataFrame({"scenario": ["targets", "targets"], "levers": ["ev_battery_lfp", "ev_battery_sodium_ion"],
                            "n_levers": [1, 1], "strength": [1.0, 1.0], "draws": [20, 20],
                            "sr_weighted_demand_change_p5": [-4000.0, -6000.0],
                            "sr_weighted_demand_change_p50": [-1200.0, -3700.0],
                            "sr_weighted_demand_change_p95": [100.0, -1000.0],
                            "pareto_robust": [False, True], "best_share": [0.05, 0.95]})
    metadata = {"plan": {"year": 2040, "draws": 20}, "scenarios": ["targets"], "material": "all"}
    folder = publish(Path(settings.HOME) / "sweeps", summary, metadata)
    try:
        html = client.get("/sweeps/").content.decode()
        from django.utils.html import escape

        from crmradar.reports.labels import label

        sodium, lfp = (escape(label("lever", lever, "nl")) for lever in ("ev_battery_sodium_ion", "ev_battery_lfp"))
        assert "Sweeps van hefbomen" in html and sodium in html and "ev_battery_sodium_ion" not in html
        assert html.index(sodium) < html.index(lfp)  # largest reduction first
        pareto = html.split("Pareto-front van robuuste combinaties</h3>")[1].split("</table>")[0]
        assert sodium in pareto and lfp not in pareto
        robust = html.split("Beste in minstens 90 % van de trekkingen</h3>")[1].split("</table>")[0]
        assert sodium in robust and lfp not in robust and "95 %" in robust
        assert "95 %" in html and "-3700" in html.replace("−", "-").replace(".", "")
        english = client.get("/en/sweeps/").content.decode()
        assert "Lever sweeps" in english and "Robust (Pareto front)" in english
    finally:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
