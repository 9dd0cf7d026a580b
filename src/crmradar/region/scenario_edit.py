"""Edits of a shipped scenario's anchors (the web's "adjust a scenario" form), validated by the scenario file
validator itself: the edited scenario is written as YAML to a temporary folder and read back with
:func:`crmradar.region.scenario.load_scenario`, so an edited scenario passes exactly the checks of a scenario file
given to ``crmradar demand --scenario my.yaml``.

An edit sets one anchor ``{year, value, low, high}`` of one technology's trajectory (unit of the technology,
e.g. MW or vehicles): an existing anchor of that year is replaced, otherwise the anchor is inserted in year order.
Edited anchors are marked with the source ``crmradar_region_estimate`` and a note saying they were set by the
user, with the value they replace, so no user number is presented as a published figure.
"""

from __future__ import annotations

import copy
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from crmradar.region.scenario import Scenario, load_scenario, scenario_path

USER_SOURCE = "crmradar_region_estimate"


@dataclass(frozen=True)
class AnchorEdit:
    technology: str
    year: int
    value: float
    low: float
    high: float


def shipped_data(scenario_id: str) -> dict:
    """The shipped scenario file as plain data."""
    return yaml.safe_load(scenario_path(scenario_id).read_text(encoding="utf-8"))


def apply_edits(data: dict, edits: list[AnchorEdit]) -> dict:
    """A copy of scenario ``data`` with each edit's anchor replaced or inserted (in year order).

    Raises ``KeyError`` for a technology the scenario does not contain."""
    out = copy.deepcopy(data)
    for edit in edits:
        series = out["technologies"][edit.technology]
        trajectory = series["trajectory"]
        old = next((a for a in trajectory if a.get("year") == edit.year), None)
        was = f" (was {old['value']:g}, {old['low']:g}–{old['high']:g}, source {old.get('source')})" if old else ""
        anchor = {"year": int(edit.year), "value": float(edit.value), "low": float(edit.low),
                  "high": float(edit.high), "source": USER_SOURCE,
                  "note": f"set by the user in the web form{was}"}
        if old is not None:
            trajectory[trajectory.index(old)] = anchor
        else:
            trajectory.append(anchor)
            trajectory.sort(key=lambda a: a.get("year", 0))
    return out


def load_edited(scenario_id: str, edits: list[AnchorEdit], kb) -> Scenario:
    """The shipped scenario with ``edits``, validated like a scenario file (raises ``ScenarioError``)."""
    data = apply_edits(shipped_data(scenario_id), edits)
    with tempfile.TemporaryDirectory(prefix="crmradar-scenario-") as folder:
        path = Path(folder) / f"{scenario_id}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return load_scenario(path, kb)


def problem_field(problem: str) -> str:
    """Which form field a validator problem names: ``….trajectory[2].low: …`` → ``low``."""
    key = problem.split(": ")[-2] if problem.count(": ") >= 2 else problem
    for field in ("low", "high", "year", "value"):
        if key.endswith(f".{field}"):
            return field
    return "year" if "trajectory" in key else "value"
