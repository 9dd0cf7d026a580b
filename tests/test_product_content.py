"""CRM contained in traded products (issue 14, item 4): contents table, content x trade arithmetic, file reader.

Hand case: 100 t of Li-ion batteries imported from CHN and 40 t exported to DEU in 2023 at 19.1 kg Li/t (NMC622
0.128 kg/kWh / 6.7 kg pack per kWh x 1000 = 19.10) -> 1.91 t Li imported, 0.764 t exported, re-exported 0.764 t,
retained 1.146 t (range 1.146-1.91 t). PV panels put on the Dutch market 2021 (CBS/UNU): 121,363.1 t x 0.2672 kg
Ag/t / 1000 = 32.43 t silver.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from crmradar.cli import app
from crmradar.methods.product_content import BasisMismatchError, contained_materials, product_transit
from crmradar.methods.product_trade_file import ProductTradeFileError, read_product_trade
from crmradar.reports.transit import product_rows


def _battery_trade() -> pd.DataFrame:
    return pd.DataFrame([
        {"product_id": "li_ion_battery", "year": 2023, "flow": "import", "partner_iso3": "CHN", "quantity": 100.0,
         "unit": "t", "source_id": "hand"},
        {"product_id": "li_ion_battery", "year": 2023, "flow": "export", "partner_iso3": "DEU", "quantity": 40.0,
         "unit": "t", "source_id": "hand"},
    ])


def test_battery_contents_follow_from_the_cited_intensities(kb):
    contents = kb.product_crm_contents.set_index(["product_id", "material_id"])
    mi = kb.material_intensities
    li = mi.loc[(mi["technology_id"] == "batt_nmc622") & (mi["material_id"] == "lithium"), "value"].iloc[0]
    pack = kb.product_masses.set_index("product_id").loc["traction_battery_pack", "value"]
    assert (li, pack) == (0.128, 6.7)
    assert contents.loc[("li_ion_battery", "lithium"), "content"] == pytest.approx(li / pack * 1000, rel=1e-3)
    # NdFeB: (30.75 % rare earths - 0.9 % Dy) x 75 % Nd = 22.39 % -> 223.9 kg/t; Dy 9 kg/t; B 11.5 kg/t
    assert contents.loc[("permanent_magnet", "neodymium"), "content"] == pytest.approx(223.9, rel=1e-3)
    assert contents.loc[("permanent_magnet", "dysprosium"), ["content", "low", "high"]].tolist() == [9, 6, 12]
    # PV module: 0.01132 kg Ag per kWp = 11.32 kg/MW over 1000/23.6 = 42.37 t module per MW
    assert contents.loc[("pv_module", "silver"), "content"] == pytest.approx(11.32 / (1000 / 23.6), rel=1e-3)
    # FCC catalyst: 2 % (0-4 %) rare-earth oxide x 277.81/325.81 (La in La2O3) = 17.05 (0-34.1) kg/t
    fcc = contents.loc[("fcc_catalyst", "lree"), ["content", "low", "high"]].tolist()
    assert fcc == pytest.approx([17.05, 0.0, 34.11], abs=0.01)


def test_every_row_cites_a_source_and_brackets_its_central_value(kb):
    sources = set(kb.sources["id"])
    for table in (kb.product_crm_contents, kb.product_trade):
        assert not table.empty
        assert set(table["source_id"]) <= sources
        assert table["note"].fillna("").str.len().min() > 20
    contents = kb.product_crm_contents
    assert ((contents["low"] <= contents["content"]) & (contents["content"] <= contents["high"])).all()
    assert set(contents["product_id"]) == {"li_ion_battery", "permanent_magnet", "pv_module", "pv_cell",
                                           "wind_generating_set", "electric_motor", "fcc_catalyst"}
    assert (contents.loc[contents["quality"] == "assumption", "note"].str.contains("assumption|our estimate")).all()


def test_hand_computed_contained_tonnes_and_mass_balance(kb):
    contained = contained_materials(_battery_trade(), kb.product_crm_contents)
    li = contained.loc[contained["material_id"] == "lithium"].set_index("flow")
    assert li.loc["import", "contained_t"] == pytest.approx(1.91)
    assert li.loc["export", "contained_t"] == pytest.approx(0.764)
    low = kb.product_crm_contents.set_index(["product_id", "material_id"]).loc[("li_ion_battery", "lithium"), "low"]
    assert li.loc["import", "contained_low_t"] == pytest.approx(100 * low / 1000)
    balance = product_transit(contained).set_index("material_id")
    row = balance.loc["lithium"]
    assert (row["gross_imports_t"], row["re_exported_t"], row["retained_t"]) == pytest.approx((1.91, 0.764, 1.146))
    assert (row["retained_low_t"], row["retained_high_t"]) == pytest.approx((1.146, 1.91))
    assert (balance["retained_t"] + balance["re_exported_t"] - balance["gross_imports_t"]).abs().max() < 1e-9
    assert (balance["retained_high_t"] - balance["gross_imports_t"]).abs().max() < 1e-9


def test_pv_put_on_market_silver_2021(kb):
    rows = product_rows(kb, "silver")
    row = rows.loc[rows["year"] == 2021].iloc[0]
    assert row["quantity"] == pytest.approx(121_363.1)
    assert row["contained_t"] == pytest.approx(121_363.1 * 0.2672 / 1000, rel=1e-6)
    assert (row["content_source_id"], row["trade_source_id"]) == ("nagle_2024_pv_ice_eu", "unu_cbs_pv_pom")
    balance = product_transit(rows.loc[rows["year"] == 2021]).iloc[0]
    assert balance["put_on_market_t"] == pytest.approx(32.428, rel=1e-4) and balance["gross_imports_t"] == 0


def test_a_quantity_in_the_wrong_basis_is_refused(kb):
    trade = pd.DataFrame([{"product_id": "wind_generating_set", "year": 2023, "flow": "import", "quantity": 5.0,
                           "unit": "t"}])
    with pytest.raises(BasisMismatchError, match="wind_generating_set.*per 'MW'"):
        contained_materials(trade, kb.product_crm_contents)


def test_file_reader_maps_cn_codes_and_converts_kg(kb, tmp_path):
    path = tmp_path / "comext.csv"
    path.write_text("hs_code,year,flow,partner_iso3,quantity_kg\n85076000,2023,1,CHN,100000\n"
                    "8507.60.00,2023,X,DEU,40000\n85051110,2023,import,,2500\n", encoding="utf-8")
    trade = read_product_trade(path, kb.product_crm_contents)
    assert trade["product_id"].tolist() == ["li_ion_battery", "li_ion_battery", "permanent_magnet"]
    assert trade["flow"].tolist() == ["import", "export", "import"]
    assert trade["quantity"].tolist() == [100.0, 40.0, 2.5]


@pytest.mark.parametrize("line, message", [
    ("85076000,2023,transit,CHN,1", "row 2, column flow: 'transit'"),
    ("84713000,2023,import,CHN,1", "row 2, column hs_code: 84713000 is none of the products"),
    ("85076000,2023,import,CHN,-5", "row 2, column quantity_kg: '-5'"),
    ("85076000,twenty,import,CHN,5", "row 2, column year"),
])
def test_file_reader_names_row_and_column(kb, tmp_path, line, message):
    path = tmp_path / "bad.csv"
    path.write_text(f"hs_code,year,flow,partner_iso3,quantity_kg\n{line}\n", encoding="utf-8")
    with pytest.raises(ProductTradeFileError, match=message):
        read_product_trade(path, kb.product_crm_contents)


def test_cli_products_json_with_a_file(kb, tmp_path):
    path = tmp_path / "comext.csv"
    path.write_text("hs_code,year,flow,partner_iso3,quantity_kg\n85076000,2023,import,CHN,100000\n"
                    "85076000,2023,export,DEU,40000\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["transit", "--products-file", str(path), "--material", "lithium",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert sorted(r["contained_t"] for r in payload["data"]) == pytest.approx([0.764, 1.91])
    (balance,) = payload["metadata"]["balance"]
    assert balance["retained_t"] == pytest.approx(1.146)


def test_cli_bad_file_is_one_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("hs_code,year,flow\n85076000,2023,import\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["transit", "--products-file", str(path)])
    assert result.exit_code != 0 and "missing column(s) quantity_kg" in result.output
