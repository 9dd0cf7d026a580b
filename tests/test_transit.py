"""Port transit vs regional use (crmradar.methods.transit, ``crmradar transit``).

Hand case (t, one material x, 2022): NLD imports 100 from CHN and 20 from DEU, exports 70 to DEU and 10 to USA;
DEU imports 50 from CHN besides. M = 120, X = 80 -> re-exported 80, retained 40 (range 40-120); EU27 extra-EU
imports = 100 (CHN->NLD) + 50 (CHN->DEU) = 150, via NL 100 -> share 2/3. A material with exports above imports
(y: M = 10, X = 30) re-exports all 10 and retains 0.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.methods.transit import transit_split

EU = {"NLD", "DEU"}


def _hand() -> pd.DataFrame:
    rows = [("x", 2022, "NLD", "CHN", 100.0), ("x", 2022, "NLD", "DEU", 20.0), ("x", 2022, "DEU", "NLD", 70.0),
            ("x", 2022, "USA", "NLD", 10.0), ("x", 2022, "DEU", "CHN", 50.0),
            ("y", 2022, "NLD", "CHN", 10.0), ("y", 2022, "USA", "NLD", 30.0)]
    return pd.DataFrame(rows, columns=["material_id", "year", "importer_iso3", "exporter_iso3", "quantity_t"])


def test_hand_computed_split():
    result = transit_split(_hand(), "NLD", EU).set_index("material_id")
    x = result.loc["x"]
    assert (x["gross_imports_t"], x["exports_t"], x["re_exported_t"], x["retained_t"]) == (120, 80, 80, 40)
    assert (x["retained_low_t"], x["retained_high_t"]) == (40, 120)
    assert x["retained_share"] == pytest.approx(1 / 3)
    assert x["share_of_eu27_extra_imports"] == pytest.approx(100 / 150)
    y = result.loc["y"]
    assert (y["re_exported_t"], y["retained_t"], y["retained_high_t"]) == (10, 0, 10)


def test_mass_balance_on_the_package(kb):
    members = set(kb.countries.loc[kb.countries["eu27"].fillna(False).astype(bool), "iso3"])
    result = transit_split(kb.trade_flows, "NLD", members)
    assert len(result) > 200 and set(result["year"]) == set(range(2019, 2025))
    for retained, exported in (("retained_t", "re_exported_t"), ("retained_low_t", "re_exported_high_t"),
                               ("retained_high_t", "re_exported_low_t")):
        assert (result[retained] + result[exported] - result["gross_imports_t"]).abs().max() < 1e-6
    assert (result["retained_low_t"] <= result["retained_t"]).all()
    assert (result["retained_t"] <= result["retained_high_t"]).all()
    assert result["share_of_eu27_extra_imports"].dropna().between(0, 1).all()


def test_cli_json_for_one_material(kb):
    result = CliRunner().invoke(app, ["transit", "--material", "lithium", "--year", "2024", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    (row,) = payload["data"]
    assert row["material_id"] == "lithium" and row["year"] == 2024
    assert row["retained_t"] + row["re_exported_t"] == pytest.approx(row["gross_imports_t"])
    assert payload["metadata"]["sources"] == ["cepii_baci"]


def test_cli_refuses_an_unknown_material():
    result = CliRunner().invoke(app, ["transit", "--material", "unobtanium"])
    assert result.exit_code == 2


def test_material_profile_has_a_transit_block(kb):
    from crmradar.reports.material_profile import material_profile

    blocks = {block.key: block for block in material_profile(kb, "lithium")}
    transit = blocks["transit"]
    assert transit.source_ids == ["cepii_baci"] and "wederuitvoer" in transit.notes["method_nl"]
    row = transit.frame.set_index("year").loc[2024]
    assert row["retained_t"] + row["re_exported_t"] == pytest.approx(row["gross_imports_t"])
    assert blocks["transit"].frame["year"].tolist() == list(range(2019, 2025))
