"""crmradar diff OLD NEW (issue 15, item 2): two hand-made package versions give exactly the changed values,
rows and tables, with the size of each change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crmradar.cli import app

runner = CliRunner()


def make_package(folder: Path, tables: dict[str, tuple[list[str], str]]) -> Path:
    """tables: name → (primary key, CSV text)."""
    (folder / "data").mkdir(parents=True)
    resources = []
    for name, (key, text) in tables.items():
        (folder / "data" / f"{name}.csv").write_text(text, encoding="utf-8")
        resources.append({"name": name, "path": f"data/{name}.csv", "schema": {"primaryKey": key, "fields": []}})
    (folder / "datapackage.json").write_text(json.dumps({"name": folder.name, "resources": resources}))
    return folder


@pytest.fixture()
def releases(tmp_path):
    old = make_package(tmp_path / "v1", {
        "criticality_official": (["material_id", "year"],
                                 "material_id,year,supply_risk,note\ngallium,2023,3.9,a\ncobalt,2023,2.8,b\n"
                                 "lithium,2023,1.9,c\n"),
        "prices": (["material_id"], "material_id,price_per_kg\ngallium,300\ncobalt,33.5\n"),
        "old_only": (["id"], "id\nx\n"),
    })
    new = make_package(tmp_path / "v2", {
        "criticality_official": (["material_id", "year"],
                                 "material_id,year,supply_risk,note\ngallium,2023,4.2,a\ncobalt,2023,2.80,b\n"
                                 "nickel,2023,0.5,d\n"),
        "prices": (["material_id"], "material_id,price_per_kg\ngallium,240\ncobalt,33.5\n"),
        "new_only": (["id"], "id\ny\n"),
    })
    return old, new


def test_diff_lists_exactly_the_changes(releases):
    from crmradar.data.diff import diff_releases, read_release, summary

    frame = diff_releases(read_release(releases[0]), read_release(releases[1]))
    changed = frame.loc[frame["change"] == "changed"]
    assert sorted(zip(changed["table"], changed["key"], changed["column"], changed["old"], changed["new"],
                      strict=True)) == [
        ("criticality_official", "gallium | 2023", "supply_risk", "3.9", "4.2"),
        ("prices", "gallium", "price_per_kg", "300", "240")]  # 2.8 → 2.80 is no change
    gallium_sr = changed.loc[changed["table"] == "criticality_official"].iloc[0]
    assert gallium_sr["delta"] == pytest.approx(0.3) and gallium_sr["relative"] == pytest.approx(0.3 / 3.9)
    price = changed.loc[changed["table"] == "prices"].iloc[0]
    assert price["delta"] == -60 and price["relative"] == pytest.approx(-0.2)
    rows = {(r.table, r.change, r.key) for r in frame.itertuples() if r.change in ("added", "removed")}
    assert rows == {("criticality_official", "removed", "lithium | 2023"),
                    ("criticality_official", "added", "nickel | 2023")}
    assert summary(frame) == {"changed": 2, "added": 1, "removed": 1, "table added": 1, "table removed": 1,
                              "column added": 0, "column removed": 0}


def test_diff_command_json_and_errors(releases, tmp_path):
    result = runner.invoke(app, ["diff", str(releases[0]), str(releases[1] / "datapackage.json"), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["metadata"]["counts"]["changed"] == 2 and len(payload["data"]) == 6
    result = runner.invoke(app, ["diff", str(releases[0]), str(releases[1]), "--table", "prices"])
    assert result.exit_code == 0 and "300" in result.output and "-20 %" in result.output.replace("\u2212", "-")
    result = runner.invoke(app, ["diff", str(releases[0]), str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no datapackage.json" in result.output
    result = runner.invoke(app, ["diff", str(releases[0]), str(releases[1]), "--table", "nope"])
    assert result.exit_code == 2


def test_diff_of_an_edited_copy_of_the_shipped_package(tmp_path):
    from crmradar.data.diff import diff_releases, read_release
    from crmradar.data.loader import active_package_dir

    shipped = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data" / "package"
    assert active_package_dir().exists()
    copy = tmp_path / "edited"
    shutil.copytree(shipped, copy)
    path = copy / "data" / "supply_shares.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    share = header.index("share")
    row = lines[1].rstrip("\n").split(",")
    old_value = row[share]
    row[share] = str(round(float(old_value) + 0.01, 6))
    lines[1] = ",".join(row) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    frame = diff_releases(read_release(shipped), read_release(copy))
    assert list(frame["change"]) == ["changed"] and frame.iloc[0]["column"] == "share"
    assert frame.iloc[0]["old"] == old_value and frame.iloc[0]["delta"] == pytest.approx(0.01)
