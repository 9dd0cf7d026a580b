"""Trade-partner codes as real data has them (issue 14, item 6): reserved UN Comtrade / BACI codes are
accepted (S19 read as Taiwan; areas such as _X without governance data, with the tonnes affected), a typo such
as CHM stays an error with file, row and column — in ``crmradar geopolrisk``, the trade curation helpers and
``crmradar data validate``."""

from __future__ import annotations

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from crmradar.commands import geopolrisk as command
from crmradar.data import validate
from crmradar.methods.partner_codes import (
    accepted_codes,
    code_mapping,
    resolve_partner_codes,
    unknown_partner_codes,
)


@pytest.fixture(scope="module")
def reserved(kb) -> pd.DataFrame:
    return kb["trade_partner_codes"]


def test_package_table_reads_s19_as_taiwan_and_lists_areas(reserved):
    assert code_mapping(reserved) == {"S19": "TWN"}
    kinds = dict(zip(reserved["code"], reserved["kind"], strict=True))
    assert kinds["_X"] == kinds["X1"] == kinds["E19"] == kinds["R20"] == "area"
    assert kinds["XKX"] == "maps_to_country" and "CHM" not in kinds


def test_resolve_maps_and_counts_tonnes_without_governance(reserved):
    trade = pd.DataFrame({
        "importer": ["NLD", "NLD", "NLD", "DEU"],
        "exporter": ["S19", "_X", "_X", "E19"],
        "quantity_t": [10.0, 2.5, None, 4.0],
    })
    resolved, warnings = resolve_partner_codes(trade, reserved)
    assert list(resolved["exporter"]) == ["TWN", "_X", "_X", "E19"]
    assert any(w.startswith("exporter _X (") and w.endswith("2.5 t in 2 rows") for w in warnings)
    assert any(w.startswith("exporter E19 (") and w.endswith("4.0 t in 1 rows") for w in warnings)
    assert len(warnings) == 2


def test_typo_is_reported_with_file_row_and_column(reserved):
    frame = pd.DataFrame({"importer": ["NLD", "NLD"], "exporter": ["S19", "CHM"]})
    problems = unknown_partner_codes(frame, ["importer", "exporter"], accepted_codes({"NLD", "CHN"}, reserved),
                                     "trade.csv")
    assert problems == ["trade.csv, row 3, column exporter: 'CHM' is neither an ISO 3166-1 alpha-3 code nor a "
                        "reserved partner code (did you mean 'CHN'?)"]


def _app() -> typer.Typer:
    app = typer.Typer()
    command.register(app)

    @app.callback()
    def _root() -> None:
        """test root"""

    return app


def _run(folder, exporter_s19: str, extra_row: str = ""):
    (folder / "production.csv").write_text(
        "material,year,country,quantity_t\ngallium,2020,CHN,60\ngallium,2020,TWN,40\n", encoding="utf-8")
    (folder / "trade.csv").write_text(
        "material,year,importer,exporter,quantity_t,value_kusd\n"
        f"gallium,2020,NLD,CHN,20,200\ngallium,2020,NLD,{exporter_s19},10,100\n{extra_row}", encoding="utf-8")
    (folder / "governance.csv").write_text("country,year,instability\nCHN,2020,0.6\nTWN,2020,0.3\n",
                                           encoding="utf-8")
    out = folder / f"result_{exporter_s19}.csv"
    args = ["geopolrisk", "--production", str(folder / "production.csv"), "--trade", str(folder / "trade.csv"),
            "--governance", str(folder / "governance.csv"), "--out", str(out)]
    result = CliRunner().invoke(_app(), args, env={"COLUMNS": "400"})
    return result, out


def test_geopolrisk_reads_s19_as_taiwan_and_warns_about_areas(tmp_path):
    as_taiwan, out_twn = _run(tmp_path, "TWN")
    assert as_taiwan.exit_code == 0, as_taiwan.output
    as_s19, out_s19 = _run(tmp_path, "S19")
    assert as_s19.exit_code == 0, as_s19.output
    pd.testing.assert_frame_equal(pd.read_csv(out_twn), pd.read_csv(out_s19))
    with_area, _ = _run(tmp_path, "S19", "gallium,2020,NLD,_X,5,50\n")
    assert with_area.exit_code == 0, with_area.output
    assert "_X (" in with_area.stderr and "5.0 t in 1 rows" in with_area.stderr


def test_geopolrisk_refuses_a_typo_with_row_and_column(tmp_path):
    result, out = _run(tmp_path, "CHM")
    assert result.exit_code == 2
    text = " ".join((result.output + (result.stderr or "")).split())
    assert "row 3, column exporter" in text and "'CHM'" in text
    assert not out.exists()


def test_data_validate_accepts_reserved_codes_and_refuses_a_typo(tmp_path, kb):
    rows = kb["trade_flows"].head(3).copy()
    rows["exporter_iso3"] = ["S19", "_X", "CHM"]
    path = tmp_path / "trade_flows.csv"
    rows.to_csv(path, index=False)
    issues = validate(path)
    assert [(issue.row, issue.column) for issue in issues] == [(4, "exporter_iso3")]
    assert "CHM" in issues[0].reason
