"""Regional CRM users (issue 14, item 5): electrolyser CRM content by hand, and the ``crmradar crm-users`` command.

Holland Hydrogen 1: 200 MW alkaline from 2026; nickel intensity (last knot 2020, held) 2,458.25 kg/MW
-> 200 × 2,458.25 / 1000 = 491.65 t Ni. ELYgator: 200 MW PEM/alkaline mix from 2027; PEM iridium 2027 =
0.4 + (0.05 − 0.4) × 2/10 = 0.33 kg/MW -> range 0 (all alkaline) to 200 × 0.33 / 1000 = 0.066 t, central 0.033 t.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.region.crm_users import plant_contents


@pytest.fixture(scope="module")
def contents(kb):
    return plant_contents(kb["regional_crm_users"], kb["material_intensities"]).set_index(["user_id", "material_id"])


def test_holland_hydrogen_1_nickel_by_hand(contents):
    row = contents.loc[("holland_hydrogen_1", "nickel")]
    assert row["content_t"] == pytest.approx(491.65)
    assert row["low_t"] == row["high_t"] == pytest.approx(491.65)


def test_mixed_technology_gives_a_range(contents):
    row = contents.loc[("elygator", "iridium")]
    assert (row["low_t"], row["content_t"], row["high_t"]) == pytest.approx((0.0, 0.033, 0.066))


def test_table_cites_existing_sources(kb):
    users = kb["regional_crm_users"]
    assert set(users["source_id"]) <= set(kb["sources"]["id"])
    assert set(users["region"]) == {"NL366"}


def test_cli_json():
    result = CliRunner().invoke(app, ["crm-users", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert {row["name"] for row in payload["data"]} == {"Holland Hydrogen 1", "ELYgator", "H2Maasvlakte (first phase)"}
    assert {r["facility_id"] for r in payload["metadata"]["recyclers"]} >= {"sk_tes_rotterdam"}
