"""Hostile YAML in user files (scenario, levers, portfolio): alias bombs, deep nesting, huge files and
duplicate keys are refused with one line naming the file, and exit 2 (issue 17, defect 2)."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.data.yaml_lines import MAX_ALIASES, MAX_BYTES, YamlFileError, compose_bounded
from crmradar.region.scenario import SCENARIO_DIR

runner = CliRunner()


def alias_bomb(levels: int = 9) -> str:
    """The classic "billion laughs": 9 levels of 9 aliases expand 600 bytes to 9**9 strings."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        previous, current = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


HOSTILE = {
    "aliases": (alias_bomb(), "aliases"),
    "deep_flow": ("x: " + "[" * 5000 + "]" * 5000 + "\n", "nested deeper"),
    "deep_block": ("".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n", "nested deeper"),
    "duplicate": ("id: a\nname_en: x\nid: b\n", "line 3: could not parse YAML (duplicate key 'id')"),
    "huge": ("# " + "x" * (MAX_BYTES + 10) + "\n", "larger than"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_compose_bounded_refuses_hostile_yaml(case):
    text, words = HOSTILE[case]
    started = time.perf_counter()
    with pytest.raises(YamlFileError) as caught:
        compose_bounded(text, "mine.yaml")
    assert time.perf_counter() - started < 10  # the bomb would take minutes and gigabytes
    message = str(caught.value)
    assert message.startswith("mine.yaml: ") and words in message and "\n" not in message


def test_a_few_aliases_and_merge_keys_still_work():
    text = "base: &b {x: 1}\n" + "".join(f"k{i}: {{<<: *b, y: {i}}}\n" for i in range(MAX_ALIASES))
    _, data = compose_bounded(text, "ok.yaml")
    assert data["k3"] == {"x": 1, "y": 3}
    with pytest.raises(YamlFileError, match="aliases"):
        compose_bounded(text + f"k{MAX_ALIASES}: *b\n", "ok.yaml")


@pytest.mark.parametrize("case", sorted(HOSTILE))
@pytest.mark.parametrize(
    "command",
    [["scenario", "validate", "{path}"], ["demand", "--scenario", "{path}", "--draws", "2"],
     ["levers", "--levers-file", "{path}", "--lever", "x"], ["crma", "--portfolio", "{path}"]],
    ids=["scenario-validate", "demand", "levers", "crma"],
)
def test_cli_refuses_hostile_yaml_with_exit_2(tmp_path: Path, case, command):
    text, _ = HOSTILE[case]
    if command[0] == "crma" and case == "duplicate":
        pytest.skip("portfolio reports duplicate keys itself (test_crma_portfolio)")
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = runner.invoke(app, [part.format(path=path) for part in command])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "mine.yaml" in result.output and "Traceback" not in result.output
    # the bomb is never expanded: peak memory grows by far less than 200 MB
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000


def test_duplicate_key_in_a_shipped_scenario_copy_names_the_line(tmp_path: Path):
    text = (SCENARIO_DIR / "targets.yaml").read_text(encoding="utf-8")
    path = tmp_path / "targets.yaml"
    path.write_text(text.replace("\nstart_year:", "\nend_year: 2040\nstart_year:", 1), encoding="utf-8")
    result = runner.invoke(app, ["scenario", "validate", str(path)])
    assert result.exit_code == 2
    assert "duplicate key 'end_year'" in result.output
