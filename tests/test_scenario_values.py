"""Scenario values the model cannot use are refused (issue 17, defect 6): NaN, infinity, absurd magnitudes,
unknown regions and duplicate keys; the model itself refuses non-finite inputs and checks its outputs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from test_region_model import toy_spec
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.methods.sampling import Triangular
from crmradar.region.model import ModelInputError, run
from crmradar.region.scenario import SCENARIO_DIR, ScenarioError, load_scenario

runner = CliRunner()
ANCHOR = "{year: 2030, value: 1000, low: 850, high: 1200"


def _scenario(tmp_path: Path, old: str, new: str) -> Path:
    text = (SCENARIO_DIR / "targets.yaml").read_text(encoding="utf-8").replace("\nid: targets\n", "\nid: mine\n")
    assert old in text
    path = tmp_path / "mine.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (ANCHOR, ANCHOR.replace("value: 1000", "value: .nan"), "trajectory[2].value: nan is not a finite number"),
        (ANCHOR, ANCHOR.replace("high: 1200", "high: .inf"), "trajectory[2].high: inf is not a finite number"),
        (ANCHOR, ANCHOR.replace("low: 850", "low: -.inf"), "trajectory[2].low: -inf is not a finite number"),
        (ANCHOR, ANCHOR.replace("high: 1200", "high: 1.0e+308"), "trajectory[2].high: 1e+308 exceeds"),
        ("region: NL36", "region: XX99", "region: 'XX99' is not a region of the data package"),
        ("region: NL36", "region: NL3", "(did you mean 'NL36'?)"),
        ("region: NL36", "region: NL36\nregion: NL34", "line 12: could not parse YAML (duplicate key 'region')"),
    ],
)
def test_bad_values_are_refused_with_file_and_line(kb, tmp_path, old, new, expected):
    with pytest.raises(ScenarioError) as error:
        load_scenario(_scenario(tmp_path, old, new), kb)
    assert any(expected in p and p.startswith("mine.yaml: line ") for p in error.value.problems), error.value.problems


@pytest.mark.parametrize("value", [".nan", ".inf", "1.0e+308"])
def test_cli_demand_refuses_non_finite_scenarios_and_writes_nothing(tmp_path, value):
    path = _scenario(tmp_path, ANCHOR, ANCHOR.replace("value: 1000", f"value: {value}"))
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["demand", "--scenario", str(path), "--draws", "3", "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "trajectory[2].value" in result.output and not out.exists()


def test_shares_must_be_finite(kb, tmp_path):
    old = "  traction_battery:\n    variant: baseline\n"
    new = "  electrolyser:\n    shares:\n    - {year: 2030, el_pem: .nan, el_alkaline: 0.5, el_soec: 0.5}\n"
    with pytest.raises(ScenarioError, match=r"el_pem: nan is not a finite number"):
        load_scenario(_scenario(tmp_path, old, new), kb)


@pytest.mark.parametrize("field", ["anchors", "lifetime_a", "collection_rate"])
def test_model_refuses_non_finite_inputs(field):
    spec = toy_spec()
    value = getattr(spec, field)
    if isinstance(value, Triangular):
        broken = Triangular(value.low, np.full_like(value.mode, np.nan), value.high)
    else:
        broken = np.full_like(value, np.inf)
    with pytest.raises(ModelInputError, match=field):
        run(dataclasses.replace(spec, **{field: broken}), draws=4)


@pytest.mark.filterwarnings("ignore:overflow encountered")
def test_model_checks_its_outputs_are_finite():
    # finite inputs whose products overflow float32 storage: refused instead of reported with balance 0
    with pytest.raises(ModelInputError, match="non-finite"):
        run(toy_spec(deployment=1e300), draws=4)


def test_valid_toy_model_still_runs():
    result = run(toy_spec(), draws=4)
    assert np.isfinite(result.by_material["demand"]).all() and result.mass_balance_error < 1e-9
