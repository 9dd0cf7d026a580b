"""Inputs the fuzzer (scripts/fuzz.py) found that escaped as tracebacks; each is now a one-line user error."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import pytest

from crmradar.data.yaml_lines import YamlFileError, compose_bounded
from crmradar.procurement import PurchaseFileError, read_purchase_file
from crmradar.scenarios.levers_io import LeverError, load_levers

EXAMPLE = Path(__file__).resolve().parents[1] / "src/crmradar/procurement/examples/provincie_inkoop_voorbeeld.xlsx"


@pytest.mark.parametrize("text", ["\x1f", "a: \x07b\n", "\ufffe"])
def test_non_printable_characters_in_yaml(text):
    with pytest.raises(YamlFileError, match=r"^f\.yaml: .*could not parse YAML"):
        compose_bounded(text, "f.yaml")


def test_lever_packages_that_are_not_a_mapping(kb, tmp_path):
    path = tmp_path / "levers.yaml"
    path.write_text("schema_version: 1\nlevers: {}\npackages: nonsense\n", encoding="utf-8")
    known = {"technologies": set(kb.technologies["id"]), "materials": set(kb.materials["id"]),
             "sources": set(kb.sources["id"])}
    with pytest.raises(LeverError) as error:
        load_levers(path, known)
    assert any("packages: must be a mapping" in problem for problem in error.value.problems)


def _rezip(transform) -> bytes:
    source = zipfile.ZipFile(EXAMPLE)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, transform(item.filename, source.read(item.filename)))
    return buffer.getvalue()


def test_workbook_without_sheets(tmp_path):
    def no_sheets(name: str, content: bytes) -> bytes:
        return re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", content, flags=re.S) if name == "xl/workbook.xml" \
            else content

    path = tmp_path / "empty.xlsx"
    path.write_bytes(_rezip(no_sheets))
    with pytest.raises(PurchaseFileError, match=r"^empty\.xlsx: "):
        read_purchase_file(path)


def test_zip_needing_an_unknown_version(tmp_path):
    content = bytearray(EXAMPLE.read_bytes())
    central = content.find(b"PK\x01\x02")
    content[central + 6:central + 8] = struct.pack("<H", 162)  # "version needed to extract" 16.2
    path = tmp_path / "future.xlsx"
    path.write_bytes(bytes(content))
    with pytest.raises(PurchaseFileError, match=r"^future\.xlsx: not a valid XLSX file"):
        read_purchase_file(path)


@pytest.mark.parametrize("value", ["2024-13-45", "!!int abc", "!!float x", "!!timestamp 2024-02-30"])
def test_yaml_values_their_tag_cannot_hold(kb, tmp_path, value):
    from crmradar.region.scenario import SCENARIO_DIR, ScenarioError, load_scenario
    from crmradar.scenarios.portfolio import PortfolioError, parse_portfolio

    with pytest.raises(YamlFileError, match=r"^f\.yaml: line 2: could not parse YAML .*not a valid value"):
        compose_bounded(f"a: 1\nb: {value}\n", "f.yaml")
    scenario = tmp_path / "targets.yaml"
    scenario.write_text((SCENARIO_DIR / "targets.yaml").read_text(encoding="utf-8").replace(
        "\nend_year: 2050\n", f"\nend_year: {value}\n"), encoding="utf-8")
    with pytest.raises(ScenarioError, match="not a valid value"):
        load_scenario(scenario, kb)
    text = ("schema_version: 1\nname: x\nprojects:\n  - name: a\n    stage: recycling\n    material: cobalt\n"
            f"    capacity_t_per_year: 5\n    start_year: {value}\n    status: planned\n")
    with pytest.raises(PortfolioError) as error:
        parse_portfolio(text, "p.yaml", kb.materials, kb.crma_annex_entries)
    assert any(issue.line == 8 and "not a valid value" in issue.message for issue in error.value.issues)


@pytest.mark.parametrize("extra", ["yes: 1", "1: x", "2.5: y", "null: z", "true: 1\nfalse: 2\nabc: 3"])
def test_non_text_keys_in_scenario_and_lever_files(kb, tmp_path, extra):
    from crmradar.region.scenario import SCENARIO_DIR, ScenarioError, load_scenario

    scenario = tmp_path / "targets.yaml"
    scenario.write_text((SCENARIO_DIR / "targets.yaml").read_text(encoding="utf-8") + extra + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="unknown key"):
        load_scenario(scenario, kb)
    levers = tmp_path / "levers.yaml"
    indented = "\n".join("    " + line for line in extra.splitlines())
    levers.write_text(f"schema_version: 1\n{extra}\nlevers:\n  x:\n    kind: demand_reduction\n{indented}\n"
                      "packages:\n  p:\n    levers: {x: 0.1}\n" + indented.replace("    ", "    ", 1) + "\n",
                      encoding="utf-8")
    known = {"technologies": set(kb.technologies["id"]), "materials": set(kb.materials["id"]),
             "sources": set(kb.sources["id"])}
    with pytest.raises(LeverError):
        load_levers(levers, known)
