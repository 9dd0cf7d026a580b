"""Regional EI for Zuid-Holland (NL36) from the package, by hand, and the NUTS 2021 alias NL33.

Inputs (EUR million, 2019; regional_value_added):
- NL36 (Eurostat nama_10r_3gva): B-E 17,227, C 13,610.
- NL (nama_10_a64): B 5,927, D 9,129, E 4,225; C 86,468 (nama_10r_3gva).
- NL divisions (assumptions): C11 2,176.2, C23 3,585.6, C24 3,562, C28 11,266.2, B09 535.6.

Apportioned for NL36: B = (17,227 − 13,610) × 5,927 / 19,281; B09 = B × 535.6 / 5,927
= 3,617 × 535.6 / 19,281 = 100.475; C_d = 13,610 × NL C_d / 86,468. Q_max = C28.

- aggregates (C23 100 %, SI_EI 1.0): EI = 10 × 1.0 × C23 / C28 = 10 × 3,585.6 / 11,266.2 = 3.1826.
- diatomite (B09 2 %, C11 48 %, C23 49 %, C24 1 %, SI_EI 0.91):
  EI = 10 × 0.91 × (0.02 × 100.475 + 0.48 × C11 + 0.49 × C23 + 0.01 × C24) / C28.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.region.criticality_assessment import regional_assessment

C_NL36, C_NL = 13610.0, 86468.0
C11, C23, C24, C28 = 2176.2, 3585.6, 3562.0, 11266.2
B09_NL36 = (17227 - 13610) * 535.6 / 19281


def _region(value_nl: float) -> float:
    return C_NL36 * value_nl / C_NL


@pytest.fixture(scope="module")
def assessment(kb):
    return regional_assessment(kb, "NL36", draws=200, seed=1)


def test_aggregates_by_hand(assessment):
    expected = 10 * 1.0 * _region(C23) / _region(C28)
    assert expected == pytest.approx(3.18262, abs=1e-5)
    assert assessment.loc["aggregates", "economic_importance_region"] == pytest.approx(expected, rel=1e-9)


def test_diatomite_by_hand_includes_mining_from_b_minus_c(assessment):
    weighted = 0.02 * B09_NL36 + 0.48 * _region(C11) + 0.49 * _region(C23) + 0.01 * _region(C24)
    expected = 10 * 0.91 * weighted / _region(C28)
    assert pytest.approx(100.4753, abs=1e-4) == B09_NL36
    assert assessment.loc["diatomite", "economic_importance_region"] == pytest.approx(expected, rel=1e-9)


def test_every_material_with_ei_inputs_gets_a_regional_ei_and_probability(assessment):
    with_eu_ei = assessment["eu_economic_importance"].notna()
    assert with_eu_ei.sum() >= 55
    assert assessment.loc[with_eu_ei, "economic_importance_region"].notna().all()
    assert assessment.loc[with_eu_ei, "p_critical_region"].between(0, 1).all()
    assert assessment.attrs["region_year"] == 2019
    note = assessment.attrs["estimate_note_nl"]
    assert note.startswith("Geschat:") and note.count(".") == 1 and "B-E min C" in note


def test_nuts2021_alias_gives_the_same_result(kb, assessment):
    alias = regional_assessment(kb, "NL33", draws=200, seed=1)
    assert alias.attrs["region_code"] == "NL36" and "NUTS 2021" in alias.attrs["region_alias_note"]
    columns = ["economic_importance_region", "p_critical_region", "critical_region"]
    assert alias[columns].equals(assessment[columns])


def test_cli_default_region_shows_regional_ei_and_dutch_sentence():
    runner = CliRunner()
    result = runner.invoke(app, ["risk", "--draws", "200", "--format", "json", "--all"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["metadata"]["region"] == "NL36"
    assert payload["metadata"]["estimate_note_nl"].startswith("Geschat:")
    rows = {row["material_id"]: row for row in payload["data"]}
    assert rows["aggregates"]["economic_importance_region"] == pytest.approx(3.18262, abs=1e-5)
    alias = runner.invoke(app, ["risk", "--region", "NL33", "--draws", "200", "--format", "json", "--all"])
    assert alias.exit_code == 0 and "NUTS 2021" in alias.stderr
    assert json.loads(alias.stdout)["data"] == payload["data"]
