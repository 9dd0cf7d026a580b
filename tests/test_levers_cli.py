"""Lever files and the ``crmradar levers`` CLI: every bad input gives a clear message, exit 2 and no output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.scenarios.levers_io import LEVERS_FILE, LeverError, load_levers, parse_choices

runner = CliRunner()

SMALL = """schema_version: 1
levers:
  lfp:
    kind: substitution
    name_en: LFP
    description: test
    technologies: [bev_car]
    from: [batt_nmc811, batt_nmc622]
    to: batt_lfp
    start_year: 2025
    ramp_years: 5
    strength: 0.5
    low: 0.2
    high: 0.8
    source: crmradar_region_estimate
  magnets:
    kind: recycling_efficiency
    name_en: Magnets
    description: test
    materials: [neodymium]
    start_year: 2030
    ramp_years: 0
    strength: 0.5
    low: 0.3
    high: 0.7
    source: crmradar_region_estimate
packages:
  both:
    levers: {lfp: 0.4, magnets: 0.6}
"""


@pytest.fixture(scope="module")
def known(kb):
    return {"technologies": set(kb.technologies["id"]), "materials": set(kb.materials["id"]),
            "sources": set(kb.sources["id"])}


def write(tmp_path: Path, text: str, name: str = "levers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, known) -> list[str]:
    with pytest.raises(LeverError) as error:
        load_levers(path, known)
    return error.value.problems


def test_shipped_levers_are_valid(known):
    library = load_levers(LEVERS_FILE, known)
    assert {"ev_battery_lfp", "motors_ree_free", "wind_onshore_eesg", "pv_silver_thrifting", "ev_battery_second_life",
            "weee_collection", "magnet_design_for_recycling"} <= set(library.levers)
    kinds = {lever.kind for lever in library.levers.values()}
    assert kinds == {"demand_reduction", "lifetime_extension", "second_life", "substitution", "intensity_reduction",
                     "collection_rate", "recycling_efficiency", "design_for_recycling"}
    # the WEEE target is the directive's 85 % of WEEE generated
    assert library.levers["weee_collection"].strength == 0.85


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    strength: 0.5\n    low: 0.2", "    strength: lots\n    low: 0.2",
     "line 12: levers.lfp.strength: 'lots' is not a number"),
    ("    high: 0.8", "    high: 1.8", "line 14: levers.lfp.high: 1.8 is outside the admissible range 0.0–1.0"),
    ("    low: 0.2", "    low: 0.6", "levers.lfp.strength: need low ≤ strength ≤ high"),
    ("    ramp_years: 5", "    ramp_year: 5",
     "line 11: levers.lfp.ramp_year: unknown field (did you mean 'ramp_years'?)"),
    ("    to: batt_lfp", "    to: batt_lpf", "line 9: levers.lfp.to: unknown id 'batt_lpf'"),
    ("    to: batt_lfp", "    to: batt_nmc811", "line 9: levers.lfp.to: 'batt_nmc811' is also listed under 'from'"),
    ("kind: substitution", "kind: swap", "line 4: levers.lfp.kind: 'swap' is not a lever kind"),
    ("materials: [neodymium]", "materials: [unobtainium]", "line 20: levers.magnets.materials[0]: unknown id"),
    ("    source: crmradar_region_estimate\n  magnets", "    source: my_guess\n  magnets",
     "line 15: levers.lfp.source: 'my_guess' is not in the sources table"),
    ("    start_year: 2025\n", "", "levers.lfp: missing required field 'start_year'"),
    ("{lfp: 0.4, magnets: 0.6}", "{lfp: 0.4, magnets: 2}", "line 29: packages.both.levers.magnets: strength 2"),
    ("{lfp: 0.4, magnets: 0.6}", "{lfp: 0.4, magnet: 0.6}", "packages.both.levers.magnet: unknown lever 'magnet'"),
])
def test_bad_lever_fields_name_file_line_and_field(tmp_path, known, old, new, expected):
    assert old in SMALL
    found = problems(write(tmp_path, SMALL.replace(old, new, 1)), known)
    assert any(p.startswith("levers.yaml: ") and expected in p for p in found), found


def test_unparsable_yaml_names_the_line(tmp_path, known):
    found = problems(write(tmp_path, "schema_version: 1\nlevers:\n  a: [1, 2\n  b: 3\n"), known)
    assert found[0].startswith("levers.yaml: line ") and "could not parse YAML" in found[0]
    assert problems(write(tmp_path, "- just\n- a list\n"), known)[0].startswith("levers.yaml: expected a mapping")


def test_lever_flags(tmp_path, known):
    library = load_levers(write(tmp_path, SMALL), known)
    chosen = parse_choices(library, ["magnets", "lfp:0.25"], package="both")
    assert [(lever.id, s) for lever, s in chosen] == [("lfp", 0.4), ("magnets", 0.6), ("magnets", 0.5), ("lfp", 0.25)]
    for flag, message in (("lfq:0.2", "unknown lever 'lfq' (did you mean 'lfp'?)"), ("lfp:x", "'x' is not a number"),
                          ("lfp:-0.1", "outside the admissible range"), ("lfp:nan", "is not a number")):
        with pytest.raises(LeverError, match=re.escape(message)):
            parse_choices(library, [flag])


@pytest.mark.parametrize(("args", "message"), [
    (["--lever", "nope:0.2"], "unknown lever 'nope'"),
    (["--lever", "lfp:abc"], "'abc' is not a number"),
    (["--lever", "lfp:1.5"], "outside the admissible range"),
    (["--package", "none"], "unknown package"),
    ([], "give at least one --lever"),
    (["--lever", "lfp", "--materials", "kryptonite"], "no demand for kryptonite"),
    (["--lever", "lfp", "--scenario", "utopia"], "unknown scenario 'utopia'"),
])
def test_cli_bad_input_exits_2_and_writes_nothing(tmp_path, args, message):
    levers_file = write(tmp_path, SMALL)
    out = tmp_path / "out" / "effects.csv"
    result = runner.invoke(app, ["levers", "--levers-file", str(levers_file), "--draws", "2", "--out", str(out),
                                 *args])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())
    assert not out.exists() and not out.with_suffix(".csv.json").exists()


def test_cli_bad_lever_file_exits_2(tmp_path):
    bad = write(tmp_path, SMALL.replace("strength: 0.5\n    low: 0.2", "strength: '1,5'\n    low: 0.2"), "bad.yaml")
    out = tmp_path / "effects.csv"
    result = runner.invoke(app, ["levers", "--levers-file", str(bad), "--lever", "lfp", "--out", str(out)])
    assert result.exit_code == 2
    assert "bad.yaml: line 12: levers.lfp.strength: '1,5' is not a number" in " ".join(result.output.split())
    assert not out.exists()


def test_cli_effect_table_and_metadata(tmp_path):
    levers_file = write(tmp_path, SMALL)
    out = tmp_path / "effects.csv"
    result = runner.invoke(app, ["levers", "--levers-file", str(levers_file), "--lever", "lfp:0.5", "--lever",
                                 "magnets", "--draws", "4", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout, parse_constant=lambda name: pytest.fail(f"{name} is not valid JSON"))
    meta = payload["metadata"]
    gallium = next(row for row in meta["weights"] if row["material_id"] == "gallium")
    assert gallium["supply_risk"] == 3.9 and gallium["geopolrisk"] is None  # EC 2023 SR; no GeoPolRisk score
    assert [item["id"] for item in meta["levers"]] == ["lfp", "magnets"]
    assert any("supply risk" in text.lower() for text in meta["assumptions"])
    assert meta["units"]["sr_weighted_demand"].startswith("t/yr")
    frame = pd.DataFrame(payload["data"])
    assert set(frame["indicator"]) == {"primary_demand", "sr_weighted_demand", "geopolrisk_weighted_demand",
                                       "import_dependent_demand", "secondary_share"}
    neodymium_2050 = frame.loc[(frame["indicator"] == "primary_demand") & (frame["material_id"] == "neodymium")
                               & (frame["year"] == 2050)].iloc[0]
    assert neodymium_2050["change_p95"] < 0  # magnet recycling lowers primary neodymium in every draw
    saved = pd.read_csv(out)
    assert len(saved) == len(frame) and (saved["scenario"] == "targets").all()
    assert json.loads(out.with_suffix(".csv.json").read_text())["draws"] == 4


def test_cli_rank_and_tornado(tmp_path):
    levers_file = write(tmp_path, SMALL)
    result = runner.invoke(app, ["levers", "rank", "--levers-file", str(levers_file), "--draws", "3", "--format",
                                 "csv", "--materials", "neodymium", "--materials", "nickel"])
    assert result.exit_code == 0, result.output
    from io import StringIO

    table = pd.read_csv(StringIO(result.stdout))
    nd = table.loc[(table["indicator"] == "primary_demand") & (table["material_id"] == "neodymium")]
    assert nd.set_index("rank")["lever"].to_dict()[1] == "magnets"
    magnets = nd.set_index("lever").loc["magnets"]
    # a stronger lever has a larger effect: tornado ends bracket the central value
    assert magnets["tornado_high_p50"] < magnets["change_p50"] < magnets["tornado_low_p50"] < 0
    assert set(table["material_id"]) <= {"neodymium", "nickel", "total"}


def test_cli_list(tmp_path):
    result = runner.invoke(app, ["levers", "list", "--format", "json"])
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert "circular" in payload["metadata"]["packages"]
    assert {"ev_battery_lfp", "weee_collection"} <= {row["lever"] for row in payload["data"]}
