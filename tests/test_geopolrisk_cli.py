"""``crmradar geopolrisk`` command: the CSV contract, and every bad-input case → exit code 2, a message
naming file/row/column, and no output file (an existing one stays unchanged)."""

from __future__ import annotations

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from crmradar.commands import geopolrisk as command


def make_app() -> typer.Typer:
    # Only this command is registered, so the test does not depend on other command modules.
    app = typer.Typer()
    command.register(app)

    @app.callback()
    def _root() -> None:
        """crmradar (test root)"""

    return app


GOOD = {
    "production.csv": "material,year,country,quantity_t\nx,2020,CHN,60\nx,2020,AUS,30\nx,2020,NLD,10\n",
    "trade.csv": (
        "material,year,importer,exporter,quantity_t,value_kusd\n"
        "x,2020,NLD,CHN,20,200\nx,2020,NLD,DEU,20,300\nx,2020,DEU,CHN,50,500\n"
    ),
    "governance.csv": "country,year,instability\nCHN,2020,0.6\nDEU,2020,0.2\n",
    "groups.csv": "group,country\nEU27,NLD\nEU27,DEU\n",
}


@pytest.fixture
def files(tmp_path):
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(folder, *extra: str, groups: bool = True):
    args = [
        "geopolrisk",
        "--production",
        str(folder / "production.csv"),
        "--trade",
        str(folder / "trade.csv"),
        "--governance",
        str(folder / "governance.csv"),
    ]
    if groups:
        args += ["--groups", str(folder / "groups.csv")]
    args += ["--out", str(folder / "result.csv"), *extra]
    result = CliRunner().invoke(make_app(), args, env={"COLUMNS": "400"})
    text = " ".join((result.output + (result.stderr or "")).split())
    return result, text


def test_contract_output_columns_and_values(files):
    result, _ = run(files, "--economy", "NLD", "--economy", "EU27", "--economy", "FRA")
    assert result.exit_code == 0
    out = pd.read_csv(files / "result.csv")
    assert list(out.columns) == [
        "material",
        "year",
        "economy",
        "hhi",
        "import_risk",
        "score",
        "price_usd_per_kg",
        "cf_kg_cu_eq",
    ]
    by_economy = out.set_index("economy")
    assert by_economy.loc["NLD", "import_risk"] == pytest.approx(0.32)
    assert by_economy.loc["EU27", "import_risk"] == pytest.approx(42 / 100)
    assert by_economy.loc["EU27", "cf_kg_cu_eq"] == pytest.approx(0.46 * 0.42 * (1000 / 90) / 0.409412948)
    # zero imports: import risk 0, price and cf empty cells
    assert by_economy.loc["FRA", "import_risk"] == 0.0
    assert pd.isna(by_economy.loc["FRA", "price_usd_per_kg"]) and pd.isna(by_economy.loc["FRA", "cf_kg_cu_eq"])
    raw_fra = [line for line in (files / "result.csv").read_text().splitlines() if ",FRA," in line][0]
    assert raw_fra.endswith(",,")


def test_default_economies_are_trade_importers_plus_groups(files):
    result, _ = run(files)
    assert result.exit_code == 0
    assert sorted(pd.read_csv(files / "result.csv").economy) == ["DEU", "EU27", "NLD"]


BAD_CASES = {
    "missing column": (
        "trade.csv",
        "material,year,importer,exporter,quantity_t\nx,2020,NLD,CHN,20\n",
        ["trade.csv", "missing column", "value_kusd"],
    ),
    "non-numeric": (
        "trade.csv",
        GOOD["trade.csv"].replace("DEU,20,300", "DEU,twenty,300"),
        ["trade.csv", "row 3", "column quantity_t", "'twenty'", "not a number"],
    ),
    "negative quantity": (
        "production.csv",
        GOOD["production.csv"].replace("AUS,30", "AUS,-30"),
        ["production.csv", "row 3", "column quantity_t", "negative"],
    ),
    "negative value": (
        "trade.csv",
        GOOD["trade.csv"].replace("CHN,50,500", "CHN,50,-5"),
        ["trade.csv", "row 4", "column value_kusd", "negative"],
    ),
    "unknown importer": (
        "trade.csv",
        GOOD["trade.csv"].replace("x,2020,DEU", "x,2020,XYZ"),
        ["trade.csv", "row 4", "column importer", "'XYZ'"],
    ),
    "unknown exporter": (
        "trade.csv",
        GOOD["trade.csv"].replace("NLD,CHN,20", "NLD,CN,20"),
        ["trade.csv", "row 2", "column exporter", "'CN'"],
    ),
    "unknown producer": (
        "production.csv",
        GOOD["production.csv"].replace("NLD,10", "Netherlands,10"),
        ["production.csv", "row 4", "column country"],
    ),
    "unknown group member": (
        "groups.csv",
        "group,country\nEU27,NLD\nEU27,EUR\n",
        ["groups.csv", "row 3", "column country", "'EUR'"],
    ),
    "duplicate rows": (
        "trade.csv",
        GOOD["trade.csv"] + "x,2020,NLD,CHN,1,2\n",
        ["trade.csv", "rows 2 and 5", "duplicate"],
    ),
    "duplicate governance": (
        "governance.csv",
        GOOD["governance.csv"] + "CHN,2020,0.7\n",
        ["governance.csv", "rows 2 and 4", "duplicate"],
    ),
    "empty file": ("governance.csv", "", ["governance.csv", "empty"]),
    "header only": ("production.csv", "material,year,country,quantity_t\n", ["production.csv", "no data rows"]),
    "instability above one": (
        "governance.csv",
        GOOD["governance.csv"].replace("0.6", "1.6"),
        ["governance.csv", "row 2", "column instability", "> 1"],
    ),
    "non-integer year": (
        "governance.csv",
        GOOD["governance.csv"].replace("DEU,2020", "DEU,20x0"),
        ["governance.csv", "row 3", "column year"],
    ),
    "empty text cell": (
        "trade.csv",
        GOOD["trade.csv"].replace("x,2020,NLD,DEU", ",2020,NLD,DEU"),
        ["trade.csv", "row 3", "column material", "empty"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_csv_exits_2_names_location_and_writes_nothing(files, case):
    name, text, expected = BAD_CASES[case]
    (files / name).write_text(text, encoding="utf-8")
    result, message = run(files)
    assert result.exit_code == 2, message
    for fragment in expected:
        assert fragment in message, (fragment, message)
    assert not (files / "result.csv").exists()
    assert [p.name for p in files.iterdir() if p.name.startswith(".result")] == []


def test_bad_input_leaves_existing_output_unchanged(files):
    (files / "result.csv").write_text("previous result\n", encoding="utf-8")
    (files / "trade.csv").write_text(GOOD["trade.csv"].replace("CHN,20,200", "CHN,20,abc"), encoding="utf-8")
    result, message = run(files)
    assert result.exit_code == 2
    assert "row 2" in message and "column value_kusd" in message
    assert (files / "result.csv").read_text(encoding="utf-8") == "previous result\n"


def test_unknown_economy_and_partial_flags_exit_2(files):
    result, message = run(files, "--economy", "ZZZ")
    assert result.exit_code == 2 and "--economy 'ZZZ'" in message
    partial = CliRunner().invoke(
        make_app(),
        ["geopolrisk", "--trade", str(files / "trade.csv"), "--out", str(files / "result.csv")],
        env={"COLUMNS": "400"},
    )
    assert partial.exit_code == 2
    assert "--production" in " ".join((partial.output + (partial.stderr or "")).split())
    assert not (files / "result.csv").exists()


def test_missing_file_exit_2(files):
    (files / "trade.csv").unlink()
    result, message = run(files)
    assert result.exit_code == 2 and "trade.csv: file not found" in message


def test_default_run_on_shipped_package(tmp_path):
    out = tmp_path / "default.csv"
    result = CliRunner().invoke(make_app(), ["geopolrisk", "--out", str(out)], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert set(frame.economy) == {"NLD", "EU27"}
    assert set(frame.year) == set(range(2019, 2025))
    assert frame.import_risk.between(0, 1).all()
    assert frame.duplicated(["material", "year", "economy"]).sum() == 0


def test_command_is_registered_on_the_root_cli():
    from crmradar.cli import app

    result = CliRunner().invoke(app, ["geopolrisk", "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0 and "--governance" in result.output
