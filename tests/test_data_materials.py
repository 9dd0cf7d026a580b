"""The materials, criticality_official, crma_annex_entries and crma_benchmarks tables of the embedded package.

Reference values come from the publications themselves: Regulation (EU) 2024/1252 (Annex I/II, Art. 5), the EC
2023 CRM study (70 candidates = 67 materials + 3 groups, 87 individual materials; per-element SR/EI of the 15 REEs
and 5 PGMs from its summary results table) and the EU list sizes of 2011,
2014, 2017, 2020 and 2023 (14, 20, 27, 30, 34), which the Commission communications state independently of the
per-material tables checked here.
"""

from __future__ import annotations

import string
import unicodedata

import pandas as pd
import pytest

from crmradar import data
from crmradar.data.lookup import resolve_material

DATA = data.EMBEDDED_PACKAGE / "data"
SR_THRESHOLD = 1.0
EI_THRESHOLD = 2.8

# Annex II materials below the 2023 thresholds, with the published 2023 (SR, EI) and the reason they are listed.
ANNEX_II_THRESHOLD_EXCEPTIONS = {
    "copper": (0.1, 4.0, "strategic raw material (Annex I (e)); listed although below the SR threshold"),
    "nickel": (0.5, 5.7, "strategic raw material (Annex I (l)); listed although below the SR threshold"),
}
# Annex II entries that name a group; the study assessed the group and each member.
GROUP_LEVEL_ENTRIES = {"q": "hree", "r": "lree", "aa": "pgm"}
# Per-element 2023 (SR, EI) of the 15 REEs and 5 PGMs as published in the summary results table of the EC 2023
# final report (Annex 4 has only the groups), as read from its transcription (see curation note); kept here apart
# from the CSV so that a changed or dropped row fails.
MEMBERS_2023 = {
    "dysprosium": (5.6, 7.8), "erbium": (5.6, 3.5), "europium": (5.6, 3.3), "gadolinium": (3.3, 3.3),
    "holmium": (5.6, 3.2), "lutetium": (5.6, 5.0), "terbium": (4.9, 6.4), "thulium": (5.6, 3.2),
    "ytterbium": (5.6, 3.2), "yttrium": (3.5, 2.9),
    "cerium": (4.0, 4.9), "lanthanum": (3.5, 2.9), "neodymium": (4.5, 7.2), "praseodymium": (3.2, 7.0),
    "samarium": (3.5, 7.7),
    "iridium": (3.9, 6.4), "palladium": (1.5, 8.1), "platinum": (2.13, 6.9), "rhodium": (2.4, 8.6),
    "ruthenium": (3.8, 5.5),
}  # fmt: skip
# Entry (c) covers aluminium and bauxite; the 2023 study merged them and stored SR/EI under aluminium.
MERGED_ENTRIES = {"c": "aluminium"}


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def materials() -> pd.DataFrame:
    return _read("materials")


@pytest.fixture(scope="module")
def entries() -> pd.DataFrame:
    return _read("crma_annex_entries")


@pytest.fixture(scope="module")
def official() -> pd.DataFrame:
    frame = _read("criticality_official")
    frame["year"] = frame["year"].astype(int)
    for column in ("supply_risk", "economic_importance"):
        frame[column] = frame[column].astype(float)
    frame["eol_rir"] = pd.to_numeric(frame["eol_rir"].replace("", None))
    frame["is_critical"] = frame["is_critical"] == "true"
    return frame


@pytest.fixture(scope="module")
def official_2023(official) -> pd.DataFrame:
    return official.loc[official["year"] == 2023].set_index("material_id")


def _letters(count: int) -> list[str]:
    single = list(string.ascii_lowercase)
    return (single + ["a" + letter for letter in single])[:count]


def test_annex_i_has_17_entries_and_annex_ii_34(entries):
    counts = entries.groupby("annex").size().to_dict()
    assert counts == {"I": 17, "II": 34}
    for annex, count in counts.items():
        rows = entries.loc[entries["annex"] == annex]
        assert list(rows["entry"]) == _letters(count)  # (a)..(q) and (a)..(ah), in order
        assert list(rows["position"].astype(int)) == list(range(1, count + 1))


def test_material_flags_match_the_annex_entries(materials, entries):
    known = set(materials["id"])
    for annex, flag, entry_column, scope_column in (
        ("I", "crma_strategic", "crma_annex_i_entry", "crma_annex_i_scope"),
        ("II", "crma_critical", "crma_annex_ii_entry", "crma_annex_ii_scope"),
    ):
        rows = entries.loc[entries["annex"] == annex].set_index("entry")
        covered = {m: e for e, ids in rows["material_ids"].items() for m in ids.split("|")}
        assert set(covered) <= known
        flagged = materials.loc[materials[flag] == "true"]
        assert set(flagged["id"]) == set(covered)
        for row in flagged.itertuples():
            entry = getattr(row, entry_column)
            assert covered[row.id] == entry
            assert getattr(row, scope_column) == rows.loc[entry, "wording"]
        assert materials.loc[materials[flag] == "false", [entry_column, scope_column]].eq("").all().all()
        assert flagged[entry_column].nunique() == len(rows)


def test_verified_annex_wording(entries, materials):
    wording = {(r.annex, r.entry): r.wording for r in entries.itertuples()}
    # Points where the hand transcription and the adopted text differ (checked against the Official Journal text).
    assert wording[("I", "a")] == "Bauxite/Alumina/Aluminium"
    assert wording[("I", "c")] == "Boron – metallurgy grade"
    assert wording[("I", "k")] == "Graphite – battery grade"
    assert wording[("II", "c")] == "Bauxite/Alumina/Aluminium"
    assert wording[("II", "g")] == "Boron"
    assert wording[("II", "v")] == "Graphite"
    assert wording[("II", "w")] == "Nickel – battery grade"
    magnets = entries.loc[(entries["annex"] == "I") & (entries["entry"] == "n"), "material_ids"].item()
    symbols = set(materials.set_index("id").loc[magnets.split("|"), "symbol"])
    assert symbols == {"Nd", "Pr", "Tb", "Dy", "Gd", "Sm", "Ce"}


def test_every_strategic_raw_material_is_also_critical(materials):
    # Art. 4 of the Regulation: the critical raw materials list includes the strategic raw materials.
    strategic = materials.loc[materials["crma_strategic"] == "true", "id"]
    assert (materials.set_index("id").loc[strategic, "crma_critical"] == "true").all()


def test_2023_study_scope(materials, official_2023):
    # 70 candidates (67 individual materials + HREE, LREE, PGM) plus the 20 group members assessed one by one:
    # 87 individual materials in all, each with its own official SR/EI row, and the 3 group rows.
    assert len(official_2023) == 90
    assert official_2023.index.is_unique
    assert official_2023[["supply_risk", "economic_importance"]].notna().all().all()
    assessed = materials.loc[materials["assessed_2023"] == "true"]
    assert (assessed["kind"] != "group").sum() == 87
    assert set(assessed.loc[assessed["kind"] == "group", "id"]) == {"hree", "lree", "pgm"}
    assert set(official_2023.index) == set(assessed["id"])
    in_annex_4 = official_2023.loc[~official_2023.index.isin(list(MEMBERS_2023))]
    assert len(in_annex_4) == 70


def test_2023_group_members_as_published(materials, official_2023):
    members = materials.loc[materials["group_id"].isin(["hree", "lree", "pgm"])].set_index("id")["group_id"]
    assert set(members.index) == set(MEMBERS_2023)
    for material_id, (sr, ei) in MEMBERS_2023.items():
        row = official_2023.loc[material_id]
        assert (row["supply_risk"], row["economic_importance"]) == (sr, ei), material_id
        assert row["is_critical"], f"{material_id}: its group is on the 2023 list"
        assert row["source_id"] == "ec2023_crm_study"
        assert f"group {members[material_id].upper()}" in row["note"]
    # A group's SR/EI aggregates its members, so it lies inside the members' range; a shifted or swapped
    # transcription row would break this.
    for group in ("hree", "lree", "pgm"):
        rows = official_2023.loc[members.index[members == group]]
        for column in ("supply_risk", "economic_importance"):
            assert rows[column].min() <= official_2023.loc[group, column] <= rows[column].max(), (group, column)


@pytest.mark.parametrize(("year", "size"), [(2011, 14), (2014, 20), (2017, 27), (2020, 30), (2023, 34)])
def test_eu_list_sizes(official, year, size):
    listed = set(official.loc[(official["year"] == year) & official["is_critical"], "material_id"])
    # The list names groups (HREE, LREE, PGM); their members carry is_critical too but are not list entries.
    members = set(MEMBERS_2023)
    count = len(listed - members)
    # 2011 listed the rare earths as one material; the history table carries it as hree and lree.
    count -= 1 if year == 2011 and {"hree", "lree"} <= listed else 0
    assert count == size
    assert not (listed & members) or year == 2023


def test_2023_list_is_the_threshold_set_plus_strategic_exceptions(official_2023):
    above = official_2023.loc[
        (official_2023["supply_risk"] >= SR_THRESHOLD) & (official_2023["economic_importance"] >= EI_THRESHOLD)
    ].index
    listed = official_2023.loc[official_2023["is_critical"]].index
    assert set(listed) == set(above) | set(ANNEX_II_THRESHOLD_EXCEPTIONS)


def test_annex_ii_materials_meet_the_2023_thresholds(entries, official_2023):
    for entry in entries.loc[entries["annex"] == "II"].itertuples():
        members = entry.material_ids.split("|")
        assessed = [m for m in members if m in official_2023.index]
        assert assessed, f"Annex II ({entry.entry}) {entry.wording}: no official 2023 SR/EI"
        if entry.entry in GROUP_LEVEL_ENTRIES:
            assert assessed == members  # the group and every member have their own official row
        if entry.entry in MERGED_ENTRIES:
            assert assessed == [MERGED_ENTRIES[entry.entry]]
        for material_id in assessed:
            sr, ei = official_2023.loc[material_id, ["supply_risk", "economic_importance"]]
            if material_id in ANNEX_II_THRESHOLD_EXCEPTIONS:
                published_sr, published_ei, _ = ANNEX_II_THRESHOLD_EXCEPTIONS[material_id]
                assert (sr, ei) == (published_sr, published_ei)
                assert sr < SR_THRESHOLD  # the exception is real
            else:
                assert sr >= SR_THRESHOLD and ei >= EI_THRESHOLD, f"{material_id}: SR {sr}, EI {ei}"


def test_values_match_the_2020_report_change_table(official):
    # EC 2020 CRM final report, section 3.4.1 "Changes in SR and EI from 2017 to 2020" (independent of Annex 4).
    values = official.set_index(["material_id", "year"])
    assert tuple(values.loc[("bauxite", 2017), ["supply_risk", "economic_importance"]]) == (2.0, 2.6)
    assert tuple(values.loc[("bauxite", 2020), ["supply_risk", "economic_importance"]]) == (2.1, 2.9)
    assert values.loc[("antimony", 2017), "supply_risk"] == 4.3
    assert values.loc[("antimony", 2020), "supply_risk"] == 2.0
    assert values.loc[("coking_coal", 2017), "supply_risk"] == 1.0
    assert values.loc[("coking_coal", 2020), "supply_risk"] == 1.2


def test_2020_list_changes(official):
    # COM(2020) 474: bauxite, lithium, titanium, strontium new; helium removed.
    listed = {
        year: set(official.loc[(official["year"] == year) & official["is_critical"], "material_id"])
        for year in (2017, 2020)
    }
    assert listed[2020] - listed[2017] == {"bauxite", "lithium", "titanium", "strontium"}
    assert listed[2017] - listed[2020] == {"helium"}


def test_group_membership(materials):
    by_group = materials.groupby("group_id")["id"].apply(set).to_dict()
    assert by_group["hree"] == {
        "dysprosium", "erbium", "europium", "gadolinium", "holmium",
        "lutetium", "terbium", "thulium", "ytterbium", "yttrium",
    }  # fmt: skip
    assert by_group["lree"] == {"cerium", "lanthanum", "neodymium", "praseodymium", "samarium"}
    assert by_group["pgm"] == {"iridium", "palladium", "platinum", "rhodium", "ruthenium"}
    assert by_group["ree"] == {"hree", "lree", "scandium"}
    kinds = materials.set_index("id")["kind"]
    assert (kinds.loc[list(set(materials["group_id"]) - {""})] == "group").all()
    assert set(materials["group_id"]) - {""} <= set(materials["id"])


@pytest.mark.parametrize("name", ["materials", "criticality_official", "crma_annex_entries", "crma_benchmarks"])
def test_every_row_cites_a_known_source(name):
    known = set(_read("sources")["id"])
    frame = _read(name)
    for column in ("source_id", "list_source_id"):
        if column in frame:
            assert frame[column].ne("").all()
            assert set(frame[column]) <= known, set(frame[column]) - known


def _normalise(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("_", " ").replace("-", " ").split())


def test_names_unique_and_aliases_do_not_collide(materials):
    assert materials["id"].is_unique
    assert materials["name_en"].is_unique
    assert materials["name_nl"].is_unique
    owner: dict[str, str] = {}
    for row in materials.itertuples():
        spellings = {row.id, row.name_en, row.name_nl, *filter(None, row.aliases.split("|"))}
        for spelling in {_normalise(s) for s in spellings}:
            assert owner.setdefault(spelling, row.id) == row.id, f"{spelling!r}: {owner[spelling]} and {row.id}"
    for junk in ("wood", "natural teak", "vehicles", "material"):
        assert junk not in owner


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Borates", "boron"), ("HREEs", "hree"), ("Phosphorous", "phosphorus"), ("zeldzame aardmetalen", "ree"),
     ("Natural Teak wood", "natural_teak_wood"), ("Kaolin", "kaolin_clay"), ("wolfraam", "tungsten")],
)  # fmt: skip
def test_lookup_by_alias(materials, typed, expected):
    assert resolve_material(materials, typed) == expected


def test_dutch_names(materials):
    nl = materials.set_index("id")["name_nl"]
    assert nl["gallium"] == "gallium"
    assert nl["natural_graphite"] == "natuurlijk grafiet"
    assert nl["cobalt"] == "kobalt"
    assert nl["antimony"] == "antimoon"
    assert nl["ree"] == "zeldzame aardmetalen"
    assert nl["tungsten"] == "wolfraam"
    assert nl["silicon_metal"] == "siliciummetaal"


def test_eol_rir_only_for_2023_with_factsheet_or_summary_table(official):
    # Factsheet list first; the study's summary results table fills the rest (audit 2026-12-02, e.g. gallium).
    with_rir = official.loc[official["eol_rir"].notna()]
    assert (with_rir["year"] == 2023).all()
    assert with_rir["eol_rir"].between(0, 1).all()
    cited = with_rir["note"].str.contains("https://scrreen.eu/") | with_rir["note"].str.contains(
        "summary results table (criticality_inputs)", regex=False)
    assert cited.all()


def test_import_reliance_2023_at_the_reported_stage(official, official_2023):
    # EU import reliance is published per stage; the table keeps the stage whose SR the study reports.
    assert official.loc[official["year"] != 2023, "import_reliance"].eq("").all()
    ir = pd.to_numeric(official_2023["import_reliance"].replace("", None))
    assert ir.dropna().between(0, 1).all()
    published = {
        "gallium": 0.98, "natural_graphite": 0.99, "lithium": 1.0, "cobalt": 0.81, "magnesium": 1.0,
        "neodymium": 0.8, "dysprosium": 1.0, "hree": 1.0, "platinum": 1.0, "copper": 0.48, "aggregates": 0.01,
    }  # fmt: skip
    assert ir[list(published)].to_dict() == published
    # No import reliance is published at the reported (extraction) stage for these two.
    assert ir[["beryllium", "niobium"]].isna().all()
    assert ir.notna().sum() == 88
    notes = official_2023.loc[ir.notna(), "note"]
    assert notes.str.contains(r"(?:extraction|processing) stage \(stage of the reported SR\)").all()
    assert "extraction stage" in notes["neodymium"] and "processing stage" in notes["dysprosium"]


def test_import_reliance_matches_criticality_inputs(official_2023):
    inputs = _read("criticality_inputs")
    reported = inputs.loc[(inputs["parameter"] == "supply_risk_stage") & (inputs["is_reported_stage"] == "true")]
    stage_of = reported.set_index("material_id")["stage"]
    ir = inputs.loc[inputs["parameter"] == "import_reliance"].set_index(["material_id", "stage"])["value"]
    checked = 0
    for material_id, text in official_2023["import_reliance"].items():
        if text == "" or material_id not in stage_of:
            continue
        assert float(text) == float(ir[(material_id, stage_of[material_id])]), material_id
        checked += 1
    assert checked >= 85


def test_crma_benchmarks():
    bench = _read("crma_benchmarks").set_index("id")
    assert bench["value"].astype(float).to_dict() == {
        "eu_extraction_share": 0.10,
        "eu_processing_share": 0.40,
        "eu_recycling_share": 0.25,
        "max_single_third_country_share": 0.65,
    }
    assert set(bench["target_year"]) == {"2030"}
    assert bench.loc["max_single_third_country_share", "bound"] == "maximum"
    assert (bench.drop("max_single_third_country_share")["bound"] == "minimum").all()
    assert bench.loc["eu_recycling_share", "article"] == "5(1)(a)(iii)"
