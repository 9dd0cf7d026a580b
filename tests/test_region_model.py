"""Zuid-Holland model: hand-built closed forms, mass balance, seeds, scenario validation and the CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.methods.sampling import Triangular
from crmradar.region.build import build_spec
from crmradar.region.model import RegionModelSpec, run
from crmradar.region.scenario import SCENARIO_DIR, ScenarioError, load_scenario

runner = CliRunner()


def toy_spec(kind="fixed", a=2.0, b=0.0, stock=False, deployment=10.0, collection=0.5, recycling=0.8):
    """One technology, one sub-technology, two materials (2 and 3 kg per unit), 21 model years."""
    years = np.arange(2000, 2021)
    n = len(years)
    one = np.ones((1, 1, n))
    return RegionModelSpec(
        years=years,
        technologies=("tech",),
        deployment_unit=("units",),
        deployment_is_stock=np.array([stock]),
        anchors=Triangular.fixed(np.array([deployment])),
        anchor_weights=one,
        driver_weights=np.zeros((1, 1, n)),
        driver_base=np.ones((1, n)),
        materials=("m1", "m2"),
        intensity=Triangular.of(np.array([[2.0], [3.0]]), np.array([[2.0], [3.0]]), np.array([[2.0], [3.0]])),
        intensity_knots=np.ones((1, n)),
        intensity_material=np.array([0, 1]),
        entry_technology=np.array([0, 0]),
        entry_intensity=np.array([0, 1]),
        entry_component=np.array([-1, -1]),
        entry_share=np.ones((2, n)),
        component_size=Triangular.fixed(np.zeros(0)),
        lifetime_kind=(kind,),
        lifetime_a=np.full((1, n), a),
        lifetime_b=np.full((1, n), b),
        lifetime_scale=Triangular.fixed(np.ones(1)),
        collection_rate=Triangular.fixed(np.full((1, n), collection)),
        pair_technology=np.array([0, 0]),
        pair_material=np.array([0, 1]),
        recycling_efficiency=Triangular.fixed(np.full((2, 1), recycling)),
        recycling_knots=np.ones((1, n)),
    )


def test_fixed_lifetime_is_a_shifted_inflow():
    result = run(toy_spec(kind="fixed", a=2.0), draws=3, seed=1, report_years=(2000, 2020))
    demand = result.by_material["demand"][0, 0]
    eol = result.by_material["end_of_life"][0, 0]
    assert np.allclose(demand, 20.0)  # 10 units/yr × 2 kg
    assert np.allclose(eol[2:], demand[:-2]) and np.allclose(eol[:2], 0.0)
    assert np.allclose(result.by_material["in_use_stock"][0, 0, 2:], 40.0)
    assert np.allclose(result.by_material["recoverable"][0, 1, 2:], 30.0 * 0.5 * 0.8)
    assert np.allclose(result.by_material["primary_demand"][0, 1, 2:], 30.0 - 12.0)


def test_constant_inflow_stock_tends_to_inflow_times_mean_lifetime():
    years = 21
    result = run(toy_spec(kind="normal", a=5.0, b=1.0), draws=2, seed=1, report_years=(2000, 2020))
    stock = result.by_material["in_use_stock"][0, 0, years - 1]
    assert stock == pytest.approx(20.0 * 5.0, rel=1e-6)


def test_stock_driven_technology_reproduces_the_installed_base():
    spec = toy_spec(kind="weibull", a=3.0, b=8.0, stock=True, deployment=1000.0)
    result = run(spec, draws=2, seed=1, report_years=(2000, 2020))
    units_stock = result.by_material["in_use_stock"][0, 0] / 2.0  # kg → units at 2 kg/unit
    assert np.allclose(units_stock, 1000.0, rtol=1e-9)


@pytest.fixture(scope="module")
def targets(kb):
    return build_spec(load_scenario("targets", kb), kb)


def test_targets_mass_balance_per_technology_and_material(targets):
    result = run(targets, draws=40, seed=7, chunk=40)
    assert result.mass_balance_error <= 1e-9
    stock = result.by_pair["in_use_stock"].astype(np.float64)
    flows = result.by_pair["demand"].astype(np.float64) - result.by_pair["end_of_life"].astype(np.float64)
    change = np.diff(stock, axis=-1)
    scale = np.abs(stock).max(axis=-1, keepdims=True) + 1.0
    assert np.max(np.abs(change - flows[..., 1:]) / scale) < 1e-5  # float32 storage of the pair results


def test_same_seed_same_result_and_chunking_does_not_matter(targets):
    first = run(targets, draws=30, seed=11, chunk=30, keep_pairs=False)
    repeat = run(targets, draws=30, seed=11, chunk=30, keep_pairs=False)
    chunked = run(targets, draws=30, seed=11, chunk=7, keep_pairs=False)
    other = run(targets, draws=30, seed=12, chunk=30, keep_pairs=False)
    for metric in ("demand", "end_of_life", "recoverable"):
        assert np.array_equal(first.by_material[metric], repeat.by_material[metric])
        # only the blocking of the matrix products differs between chunk sizes
        assert np.allclose(first.by_material[metric], chunked.by_material[metric], rtol=1e-12, atol=1e-9)
    assert not np.allclose(first.by_material["demand"], other.by_material["demand"])


def test_targets_cover_the_headline_materials(targets):
    for material in ("lithium", "cobalt", "nickel", "natural_graphite", "neodymium", "praseodymium", "dysprosium",
                     "terbium", "silver", "gallium", "indium", "iridium", "platinum"):
        assert material in targets.materials
    assert len(targets.materials) >= 25


def _write(tmp_path: Path, text: str, name: str = "mine") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _targets_text(name: str = "mine") -> str:
    return (SCENARIO_DIR / "targets.yaml").read_text(encoding="utf-8").replace("\nid: targets\n", f"\nid: {name}\n")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  wind_onshore:\n", "  wind_onshor:\n",
         "technologies.wind_onshor: unknown technology (did you mean 'wind_onshore'?)"),
        ("{year: 2030, value: 1000, low: 850, high: 1200", "{year: 2030, value: -1000, low: 850, high: 1200",
         "technologies.wind_onshore.trajectory[2].value: -1000 is negative"),
        ("{year: 2030, value: 1000, low: 850, high: 1200", "{year: 2030, value: '1,5 GW', low: 850, high: 1200",
         "technologies.wind_onshore.trajectory[2].value: '1,5 GW' is not a number (unit MW)"),
        ("    - {year: 2050, value: 1200, low: 900, high: 1500, source: crmradar_region_estimate}\n", "",
         "technologies.wind_onshore.trajectory: last anchor 2040 is before end_year 2050"),
        ("  traction_battery:\n    variant: baseline\n",
         "  electrolyser:\n    shares:\n    - {year: 2030, el_pem: 0.5, el_alkaline: 0.45, el_soec: 0.0}\n",
         "mix.electrolyser.shares[0]: shares sum to 0.95, expected 1"),
    ],
)
def test_bad_scenarios_name_file_line_and_field(kb, tmp_path, old, new, expected):
    text = _targets_text()
    assert old in text
    path = _write(tmp_path, text.replace(old, new, 1))
    with pytest.raises(ScenarioError) as error:
        load_scenario(path, kb)
    messages = error.value.problems
    assert any(expected in m and m.startswith("mine.yaml: line ") for m in messages), messages


def test_broken_yaml_reports_its_line(kb, tmp_path):
    path = _write(tmp_path, "schema_version: 1\nid: mine\ntechnologies: [\n  - a: b\n")
    with pytest.raises(ScenarioError) as error:
        load_scenario(path, kb)
    assert "could not parse YAML" in error.value.problems[0] and "line" in error.value.problems[0]


def test_cli_demand_small_run_writes_results(tmp_path):
    out = tmp_path / "results.parquet"
    result = runner.invoke(app, ["demand", "--scenario", "targets", "--draws", "20", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "lithium" in result.output and "terugwinbaar" in result.output and "2050" in result.output
    import pandas as pd

    frame = pd.read_parquet(out)
    assert {"material", "technology"} == set(frame["level"])
    lithium = frame.loc[(frame.level == "material") & (frame.material_id == "lithium") & (frame.metric == "demand")]
    assert len(lithium) == 31 and (lithium["p5"] <= lithium["p50"]).all() and (lithium["p50"] <= lithium["p95"]).all()


def test_cli_bad_scenario_writes_nothing(tmp_path):
    bad = _write(tmp_path, _targets_text().replace("  wind_onshore:\n", "  wind_onshor:\n", 1))
    out = tmp_path / "results.csv"
    result = runner.invoke(app, ["demand", "--scenario", str(bad), "--draws", "5", "--out", str(out)])
    assert result.exit_code == 2 and "wind_onshor" in result.output
    assert not out.exists()


def test_cli_scenario_new_and_validate(tmp_path):
    created = runner.invoke(app, ["scenario", "new", "my-plan", "--from", "trend", "--dir", str(tmp_path)])
    assert created.exit_code == 0, created.output
    path = tmp_path / "my-plan.yaml"
    assert "id: my-plan" in path.read_text()
    assert runner.invoke(app, ["scenario", "validate", str(path)]).exit_code == 0
    again = runner.invoke(app, ["scenario", "new", "my-plan", "--dir", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.output
