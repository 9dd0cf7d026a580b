"""The curated ``criticality_inputs`` table (EU 2023 CRM study): schema, cross-checks, published values."""

from __future__ import annotations

import pandas as pd
import pytest

from crmradar import data
from crmradar.data.schema import EMBEDDED_PACKAGE, read_descriptor
from crmradar.data.validation import read_csv_strict, validate_table


@pytest.fixture(scope="module")
def kb():
    return data.load()


@pytest.fixture(scope="module")
def material_level(kb) -> pd.DataFrame:
    inputs = kb.criticality_inputs
    wide = inputs.loc[inputs["stage"] == "all"].pivot_table(index="material_id", columns="parameter", values="value")
    wide.columns.name = None
    return wide


def test_table_passes_its_schema():
    spec = read_descriptor(EMBEDDED_PACKAGE)["criticality_inputs"]
    frame, issues = read_csv_strict(EMBEDDED_PACKAGE / "data" / "criticality_inputs.csv")
    assert issues == []
    assert validate_table(frame, spec, "criticality_inputs.csv") == []


def test_material_ids_exist(kb):
    assert set(kb.criticality_inputs["material_id"]) <= set(kb.materials["id"])


def test_eol_rir_agrees_with_the_independent_annex_transcription(kb, material_level):
    # criticality_official was transcribed separately (Annex 4 / factsheets) by another curator.
    official = kb.criticality_official.query("year == 2023").set_index("material_id")["eol_rir"].dropna()
    common = official.index.intersection(material_level.index)
    assert len(common) > 60
    assert material_level.loc[common, "eol_rir"].to_numpy() == pytest.approx(official.loc[common].to_numpy())


def test_material_sr_ei_agree_with_annex_4_except_documented_cases(kb, material_level):
    official = kb.criticality_official.query("year == 2023").set_index("material_id")
    annex = official[["supply_risk", "economic_importance"]].add_suffix("_annex")
    joined = material_level.join(annex, how="inner")
    sr_diff = joined.loc[(joined["supply_risk"] - joined["supply_risk_annex"]).abs() > 0.05].index
    ei_diff = joined.loc[(joined["economic_importance"] - joined["economic_importance_annex"]).abs() > 0.05].index
    # Aluminium/bauxite (merged in 2023) and silicon metal differ between the summary table and Annex 4.
    assert sorted(sr_diff) == ["aluminium", "silicon_metal"]
    assert sorted(ei_diff) == ["aluminium"]


@pytest.mark.parametrize(
    ("material_id", "stage", "parameter", "value"),
    [
        ("gallium", "processing", "import_reliance", 0.98),
        ("gallium", "processing", "supply_risk_stage", 3.9),
        ("cobalt", "extraction", "import_reliance", 0.81),
        ("lithium", "processing", "supply_risk_stage", 1.9),
        ("gadolinium", "all", "si_ei", 0.59),
        ("lead", "all", "eol_rir", 0.83),
        ("tungsten", "all", "economic_importance", 8.7),
    ],
)
def test_published_values(kb, material_id, stage, parameter, value):
    rows = kb.criticality_inputs.query("material_id == @material_id and stage == @stage and parameter == @parameter")
    assert rows["value"].item() == pytest.approx(value)


def test_one_reported_stage_per_material_and_it_carries_the_material_sr(kb, material_level):
    stage_rows = kb.criticality_inputs.query("parameter == 'supply_risk_stage'")
    reported = stage_rows.loc[stage_rows["is_reported_stage"].astype(bool)]
    assert reported["material_id"].is_unique
    assert set(reported["material_id"]) == set(stage_rows["material_id"])
    material_sr = reported["material_id"].map(material_level["supply_risk"])
    # The study reports the SR of its bottleneck stage (rounded to one decimal). LREE is the exception:
    # its stage values (2.81, 3.58) do not give the group SR 3.7 of the summary table (see curation note).
    differs = reported.loc[(reported["value"] - material_sr).abs() > 0.05 + 1e-9, "material_id"]
    assert differs.tolist() == ["lree"]


def test_fractions_are_fractions(kb):
    fractions = kb.criticality_inputs.query("unit == 'fraction'")["value"]
    assert fractions.between(0, 1).all()
