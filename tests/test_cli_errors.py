"""CLI failures that used to traceback or pass silently (issue 17, defects 10 and 11): one line naming the
file/row/column, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.data.schema import EMBEDDED_PACKAGE

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[1] / "src/crmradar/procurement/examples/provincie_inkoop_voorbeeld.csv"
TRADE = "material,year,importer,exporter,quantity_t,value_kusd\ncobalt,2020,NLD,COD,5,10\n"
GOVERNANCE = "country,year,instability\nCOD,2020,0.9\nCHN,2020,0.6\nNLD,2020,0.1\n"
PRODUCTION = "material,year,country,quantity_t\ncobalt,2020,COD,100\ncobalt,2020,CHN,10\n"


def _text(result) -> str:
    return " ".join((result.output + (result.stderr or "")).split())


def _geopolrisk(tmp_path: Path, production: str, *extra: str):
    for name, text in (("production.csv", production), ("trade.csv", TRADE), ("governance.csv", GOVERNANCE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = ["geopolrisk", "--production", str(tmp_path / "production.csv"), "--trade", str(tmp_path / "trade.csv"),
            "--governance", str(tmp_path / "governance.csv"), *extra]
    return runner.invoke(app, args)


@pytest.mark.parametrize(
    ("production", "words"),
    [
        (PRODUCTION.replace("COD,100", "COD,100,7"), "production.csv: row 2: 5 fields but the header has 4"),
        (PRODUCTION.replace("CHN,10", "CHN,10,5"), "production.csv: row 3: 5 fields but the header has 4"),
        (PRODUCTION.replace("2020,COD", "1e30,COD"), "row 2, column year: 1e30 is outside 1900–2100"),
        (PRODUCTION.replace("2020,COD", "-1,COD"), "row 2, column year: -1 is outside"),
        (PRODUCTION.replace("COD,100", "COD,1e308"), "row 2, column quantity_t: 1e308 > 1e+12"),
        ('material,year,country,quantity_t\n"cobalt,2020,COD,100\n', "production.csv"),
    ],
    ids=["extra-field-first-row", "extra-field-later-row", "year-1e30", "year-negative", "quantity-1e308",
         "unterminated-quote"],
)
def test_geopolrisk_bad_rows_exit_2(tmp_path, production, words):
    out = tmp_path / "result.csv"
    result = _geopolrisk(tmp_path, production, "--out", str(out))
    assert result.exit_code == 2, _text(result)
    assert words in _text(result) and "Traceback" not in _text(result)
    assert not out.exists()


def test_geopolrisk_unknown_material_is_not_silent(tmp_path):
    text = PRODUCTION + "cobolt,2020,CHN,5\n"
    result = _geopolrisk(tmp_path, text, "--format", "csv")
    assert result.exit_code == 0
    message = _text(result)
    assert "production.csv: row 4, column material: 'cobolt' is not a material of the data package" in message
    assert "did you mean 'cobalt'" in message and "'cobolt' has no trade rows" in message


@pytest.mark.parametrize("target", ["folder", "/dev/null/result.csv"])
@pytest.mark.parametrize("command", ["geopolrisk", "procure"])
def test_out_at_a_folder_or_an_impossible_path(tmp_path, target, command):
    if target == "folder":
        out = tmp_path / ("report.xlsx" if command == "procure" else "result.csv")
        out.mkdir()
    else:
        out = Path(target.replace(".csv", ".xlsx") if command == "procure" else target)
    if command == "geopolrisk":
        result = _geopolrisk(tmp_path, PRODUCTION, "--out", str(out))
    else:
        example = EXAMPLE
        result = runner.invoke(app, ["procure", "scan", str(example), "--out", str(out)])
    assert result.exit_code == 2, _text(result)
    assert "Traceback" not in _text(result) and "error:" in _text(result)
    assert str(out.parent if target != "folder" else out) in _text(result)


def _table(rows: str, name: str = "supply_shares") -> str:
    header = (EMBEDDED_PACKAGE / "data" / f"{name}.csv").read_text(encoding="utf-8").splitlines()[0]
    return header + "\n" + rows


ROW = "aggregates,extraction,eu_sourcing,AUT,0.04,{low},{high},4%,0.8,ec2023_crm_study,reported,\n"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (_table(ROW.format(low="", high="") + 'aggregates,"extraction\n'), "row 3: cannot read CSV: a quoted field"),
        (_table(ROW.format(low="", high="") + 'a,"' + "x" * 200_000 + "\n"), "row 3: cannot read CSV"),
        (_table(""), "row 2: no data rows below the header"),
        (_table(ROW.format(low="0.5", high="0.6")), "row 2, column 'low': low 0.5 exceeds share 0.04"),
        (_table(ROW.format(low="0.01", high="0.02")), "row 2, column 'high': high 0.02 is below share 0.04"),
    ],
    ids=["unterminated-quote", "unterminated-quote-huge", "header-only", "low-above-value", "high-below-value"],
)
@pytest.mark.parametrize("command", ["validate", "update"])
def test_data_validate_and_update_refuse(tmp_path, isolated_home, text, words, command):
    path = tmp_path / "supply_shares.csv"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["data", command, str(path)])
    assert result.exit_code == 2, _text(result)
    assert words in _text(result) and "Traceback" not in _text(result)
    assert not (isolated_home / "package").exists() or command == "validate"


def test_damaged_installed_package_says_so_and_offers_reset(tmp_path):
    from crmradar.data.loader import user_package_dir

    update = tmp_path / "end_uses.csv"
    update.write_bytes((EMBEDDED_PACKAGE / "data" / "end_uses.csv").read_bytes())
    assert runner.invoke(app, ["data", "update", str(update)]).exit_code == 0
    (user_package_dir() / "data" / "materials.csv").write_text('garbage\n"unterminated\n', encoding="utf-8")
    for command in (["material", "gallium"], ["materials"], ["crma"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, (command, _text(result))
        assert "is damaged" in _text(result) and "crmradar data reset" in _text(result)
    assert runner.invoke(app, ["data", "reset"]).exit_code == 0
    assert runner.invoke(app, ["material", "gallium", "--format", "json"]).exit_code == 0
