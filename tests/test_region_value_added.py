"""Regional value added per division apportioned from sections (crmradar.region.value_added).

Hand case (EUR million, year 2022): region XX11 publishes sections B = 50 and C = 3,000; its nation XX
publishes B = 1,000 with B06 = 800 and B09 = 100, and C = 30,000 with C23 = 2,000, C28 = 5,000 and every
other division 1,000. Apportioned: XX11 B06 = 50·800/1000 = 40, B09 = 5; C23 = 3000·2000/30000 = 200,
C28 = 500, any other C division = 100. Q_max (largest manufacturing division) = C28 = 500, so a
material used only in C23 with SI_EI = 1 (aggregates) has EI = 10·200/500·1 = 4.0.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar import data
from crmradar.cli import app
from crmradar.region.economic_importance import RegionalDataError
from crmradar.region.value_added import division_value_added, national_code_of, value_added_template


def _table(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region_code", "nace_code", "year", "value_added_meur"])


def _hand_case(divisions: list[str]) -> pd.DataFrame:
    rows = [("XX11", "B", 2022, 50.0), ("XX11", "C", 2022, 3000.0), ("XX", "B", 2022, 1000.0),
            ("XX", "B06", 2022, 800.0), ("XX", "B09", 2022, 100.0), ("XX", "C", 2022, 30000.0),
            ("XX11", "A-U", 2022, 99999.0)]
    special = {"C23": 2000.0, "C28": 5000.0}
    rows += [("XX", code, 2022, special.get(code, 1000.0)) for code in divisions if code.startswith("C")]
    return _table(rows)


def test_sections_are_split_with_national_shares() -> None:
    result = division_value_added(_hand_case(["C20", "C23", "C28"]), "XX11")
    assert result.attrs["year"] == 2022
    assert result.loc["B06", "value_added_meur"] == pytest.approx(40.0)
    assert result.loc["B09", "value_added_meur"] == pytest.approx(5.0)
    assert result.loc["C23", "value_added_meur"] == pytest.approx(200.0)
    assert result.loc["C28", "value_added_meur"] == pytest.approx(500.0)
    assert result.loc["C20", "value_added_meur"] == pytest.approx(100.0)
    assert set(result["basis"]) == {"apportioned"}
    assert "XX11 C 3,000 × XX C23 2,000 / XX C 30,000 (2022)" in result.loc["C23", "note"]
    assert "A-U" not in result.index


def test_reported_divisions_of_a_section_are_never_mixed_with_estimates() -> None:
    table = pd.concat([_hand_case(["C20", "C23"]), _table([("XX11", "C20", 2022, 7.0)])])
    result = division_value_added(table, "XX11")
    # C is published by division for the region, so C23 is not estimated; B still is.
    assert result.loc["C20", "value_added_meur"] == 7.0 and result.loc["C20", "basis"] == "reported"
    assert "C23" not in result.index
    assert result.loc["B06", "basis"] == "apportioned"


@pytest.mark.parametrize(
    ("drop", "message"),
    [
        (("XX", "C"), "national total of section C for 2022"),
        (("XX", "C23"), "needs national values per division"),
    ],
)
def test_missing_national_rows_are_named(drop: tuple[str, str], message: str) -> None:
    table = _hand_case(["C23"])
    table = table.loc[~((table["region_code"] == drop[0]) & (table["nace_code"] == drop[1]))]
    with pytest.raises(RegionalDataError, match=message):
        division_value_added(table, "XX11")


def test_divisions_larger_than_their_section_are_refused() -> None:
    table = pd.concat([_hand_case(["C23"]), _table([("XX", "C28", 2022, 40000.0)])])
    with pytest.raises(RegionalDataError, match="add up to 42,000, more than the section total 30,000"):
        division_value_added(table, "XX11")


def test_region_with_only_totals_gets_a_clear_error() -> None:
    with pytest.raises(RegionalDataError, match=r"no value added per NACE division \(e.g. C20\) or section"):
        division_value_added(_table([("XX11", "A-U", 2022, 10.0)]), "XX11")
    with pytest.raises(RegionalDataError, match="no value-added rows for region 'YY22'"):
        division_value_added(_table([("XX11", "C", 2022, 10.0)]), "YY22")


def test_national_code_and_template() -> None:
    assert national_code_of("NL33") == "NL"
    frame = value_added_template("NL33", ["C20", "B06", "C28"])
    assert list(frame.columns) == ["region_code", "nace_code", "year", "value_added_meur", "what"]
    assert list(zip(frame["region_code"], frame["nace_code"], strict=True)) == [
        ("NL33", "B"), ("NL33", "C"), ("NL", "B"), ("NL", "C"), ("NL", "B06"), ("NL", "C20"), ("NL", "C28"),
    ]


def test_cli_template_filled_by_hand_gives_hand_computed_ei(tmp_path) -> None:
    template = tmp_path / "zh.csv"
    runner = CliRunner()
    written = runner.invoke(app, ["risk", "--region", "XX11", "--value-added-template", str(template)])
    assert written.exit_code == 0, written.output
    frame = pd.read_csv(template, dtype=str, keep_default_na=False)
    assert frame["value_added_meur"].eq("").all()
    # An unfilled template is refused with row and column, and exit code 2.
    refused = runner.invoke(app, ["risk", "--region", "XX11", "--value-added", str(template)])
    assert refused.exit_code == 2 and "row 2, column 'year'" in refused.output
    divisions = sorted(set(data.load().end_uses["nace_code"].dropna().astype(str)))
    filled = _hand_case(divisions)
    filled.to_csv(template, index=False)
    result = runner.invoke(
        app, ["risk", "--region", "XX11", "--value-added", str(template), "--all", "--format", "json",
              "--draws", "200"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    rows = {row["material_id"]: row for row in payload["data"]}
    assert rows["aggregates"]["economic_importance_region"] == pytest.approx(4.0, abs=1e-9)
    assert payload["metadata"]["q_max_region_meur"] == pytest.approx(500.0)
    assert "C23" in payload["metadata"]["apportioned_divisions"]


def test_duplicate_rows_are_named() -> None:
    table = pd.concat([_hand_case(["C23"]), _table([("XX", "C23", 2022, 1.0)])])
    with pytest.raises(RegionalDataError, match="listed twice: region_code 'XX', nace_code 'C23', year 2022"):
        division_value_added(table, "XX11")
