"""Checks of the curated ``export_restrictions`` register against its schema, the package and verified facts.

The reference dates below were verified against the announcements cited in
``curation/sources/export_restrictions.csv`` (see ``curation/export_restrictions.md``).
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pycountry
import pytest
from frictionless import Resource, Schema

DATA = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data"
PACKAGE = DATA / "package"
TABLE = PACKAGE / "data" / "export_restrictions.csv"
SCHEMA = PACKAGE / "schemas" / "export_restrictions.json"
FRAGMENT = DATA / "curation" / "sources" / "export_restrictions.csv"

DATE_FIELDS = ("date_announced", "date_in_force", "date_end", "status_since", "status_until")
# Fields that describe the measure, not the material; they must agree across the rows of one measure.
MEASURE_FIELDS = (
    "country_iso3",
    "authority",
    "announcement",
    "date_announced",
    "date_in_force",
    "date_end",
    "status",
    "status_since",
    "status_until",
    "status_source_id",
    "source_id",
)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _read(TABLE)


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def _row(rows: list[dict[str, str]], measure_id: str, material_id: str) -> dict[str, str]:
    matches = [r for r in rows if r["measure_id"] == measure_id and r["material_id"] == material_id]
    assert len(matches) == 1, f"expected one row {measure_id}/{material_id}, found {len(matches)}"
    return matches[0]


def test_header_matches_schema_fields(rows, schema):
    with TABLE.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [field["name"] for field in schema["fields"]]


def test_rows_valid_against_schema_constraints(schema):
    # Foreign keys are checked below against our own CSVs; the package has no `sources` resource to resolve them.
    local = {key: value for key, value in schema.items() if key not in ("foreignKeys", "x-crmradar")}
    resource = Resource(path=TABLE.name, basepath=str(TABLE.parent), schema=Schema.from_descriptor(local))
    report = resource.validate()
    errors = [f"row {e[0]} field {e[1]}: {e[2]}" for e in report.flatten(["rowNumber", "fieldName", "message"])]
    assert report.valid, errors[:10]


def test_primary_key_unique(rows):
    keys = [(r["measure_id"], r["material_id"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_material_ids_resolve_in_materials_table(rows):
    materials_csv = PACKAGE / "data" / "materials.csv"
    if not materials_csv.exists():
        pytest.skip("materials table not built yet")
    known = {r["id"] for r in _read(materials_csv)}
    missing = sorted({r["material_id"] for r in rows} - known)
    assert not missing, f"material ids not in materials.csv: {missing}"


def _known_iso3() -> set[str]:
    countries_csv = PACKAGE / "data" / "countries.csv"
    if countries_csv.exists():
        return {r["iso3"] for r in _read(countries_csv)}
    return {c.alpha_3 for c in pycountry.countries}


def test_country_codes_resolve(rows):
    known = _known_iso3()
    for line, row in enumerate(rows, start=2):
        assert row["country_iso3"] in known, f"line {line}: country_iso3 {row['country_iso3']!r}"
        if row["target_countries"] != "all":
            for code in row["target_countries"].split("|"):
                assert code in known, f"line {line}: target_countries code {code!r}"


def test_measure_id_prefix_is_iso2_of_imposing_country(rows):
    for row in rows:
        iso2 = pycountry.countries.get(alpha_3=row["country_iso3"]).alpha_2.lower()
        assert row["measure_id"].startswith(iso2 + "_"), row["measure_id"]


def test_source_ids_resolve_in_fragment_and_assembled_sources(rows):
    fragment_ids = {r["id"] for r in _read(FRAGMENT)}
    assembled_ids = {r["id"] for r in _read(PACKAGE / "data" / "sources.csv")}
    used = {r["source_id"] for r in rows} | {r["status_source_id"] for r in rows}
    assert used <= fragment_ids, sorted(used - fragment_ids)
    assert used <= assembled_ids, "run scripts/assemble_datapackage.py: " + str(sorted(used - assembled_ids))
    # One source row per announcement: every fragment entry is cited by the table.
    assert fragment_ids <= used, sorted(fragment_ids - used)


def test_fragment_sources_are_complete():
    for line, row in enumerate(_read(FRAGMENT), start=2):
        for field in ("publisher", "title", "year", "url", "licence", "accessed"):
            assert row[field].strip(), f"{FRAGMENT.name} line {line}: empty {field}"
        assert row["url"].startswith(("http://", "https://")), f"{FRAGMENT.name} line {line}: url"
        date.fromisoformat(row["accessed"])


def test_dates_are_ordered(rows):
    for line, row in enumerate(rows, start=2):
        d = {name: _date(row[name]) for name in DATE_FIELDS}
        where = f"line {line} ({row['measure_id']}/{row['material_id']})"
        if d["date_announced"] and d["date_in_force"]:
            assert d["date_announced"] <= d["date_in_force"], where
        if d["date_end"]:
            assert d["date_end"] >= (d["date_in_force"] or d["date_announced"]), where
        first = d["date_announced"] or d["date_in_force"]
        assert first is not None and d["status_since"] >= first, where
        if d["status_until"]:
            assert d["status_until"] > d["status_since"], where


def test_status_consistent_with_end_date_and_sources(rows):
    for line, row in enumerate(rows, start=2):
        where = f"line {line} ({row['measure_id']}/{row['material_id']})"
        if row["status"] == "lifted":
            assert row["date_end"], f"{where}: a lifted measure needs date_end"
            assert _date(row["status_since"]) > _date(row["date_end"]), where
        else:
            assert not row["date_end"], f"{where}: an {row['status']} measure cannot have ended"
        if row["status"] == "active":
            # An active measure is active since it took effect (or since issue when the in-force date is unverified).
            assert row["status_since"] == (row["date_in_force"] or row["date_announced"]), where
            assert not row["status_until"], where
        if row["status"] in ("suspended", "lifted"):
            # The status must be documented by the act that changed it, not by the measure itself.
            assert row["status_source_id"] != row["source_id"], where
        if row["status"] == "suspended":
            assert row["status_until"], f"{where}: give the announced end of the suspension"


def test_measure_level_fields_agree_within_a_measure(rows):
    first: dict[str, dict[str, str]] = {}
    for row in rows:
        reference = first.setdefault(row["measure_id"], row)
        for field in MEASURE_FIELDS:
            assert row[field] == reference[field], f"{row['measure_id']}: {field} differs between materials"


def test_gallium_germanium_2023_dates_as_verified(rows):
    for material in ("gallium", "germanium"):
        row = _row(rows, "cn_mofcom_2023_23", material)
        assert row["date_announced"] == "2023-07-03"
        assert row["date_in_force"] == "2023-08-01"
        assert row["measure_type"] == "licence_requirement"
        assert row["status"] == "active"


@pytest.mark.parametrize(
    ("measure_id", "announced", "in_force", "materials"),
    [
        ("cn_mofcom_2023_39", "2023-10-20", "2023-12-01", {"natural_graphite"}),
        ("cn_mofcom_2024_33", "2024-08-15", "2024-09-15", {"antimony"}),
        ("cn_mofcom_2025_10", "2025-02-04", "2025-02-04", {"tungsten", "tellurium", "bismuth", "molybdenum", "indium"}),
        (
            "cn_mofcom_2025_18",
            "2025-04-04",
            "2025-04-04",
            {"samarium", "gadolinium", "terbium", "dysprosium", "lutetium", "scandium", "yttrium"},
        ),
        ("cn_mofcom_2025_57", "2025-10-09", "2025-11-08", {"holmium", "erbium", "thulium", "europium", "ytterbium"}),
    ],
)
def test_china_measures_cover_verified_materials_and_dates(rows, measure_id, announced, in_force, materials):
    measure_rows = [r for r in rows if r["measure_id"] == measure_id]
    assert {r["material_id"] for r in measure_rows} == materials
    assert {r["date_announced"] for r in measure_rows} == {announced}
    assert {r["date_in_force"] for r in measure_rows} == {in_force}


def test_october_2025_measures_suspended_by_announcement_70(rows):
    october = [r for r in rows if r["measure_id"] in {f"cn_mofcom_2025_{n}" for n in (56, 57, 58, 61, 62)}]
    assert {r["measure_id"] for r in october} == {f"cn_mofcom_2025_{n}" for n in (56, 57, 58, 61, 62)}
    for row in october:
        assert row["date_announced"] == "2025-10-09"
        assert (row["status"], row["status_since"], row["status_until"]) == ("suspended", "2025-11-07", "2026-11-10")
        assert row["status_source_id"] == "mofcom_2025_70"


def test_us_ban_of_december_2024_and_its_suspension(rows):
    measure_rows = {r["material_id"]: r for r in rows if r["measure_id"] == "cn_mofcom_2024_46"}
    assert set(measure_rows) == {"gallium", "germanium", "antimony", "natural_graphite"}
    for material in ("gallium", "germanium", "antimony"):
        assert measure_rows[material]["measure_type"] == "ban_named_countries"
    # Graphite was not banned, only put under stricter end-use review.
    assert measure_rows["natural_graphite"]["measure_type"] == "licence_requirement"
    for row in measure_rows.values():
        assert row["target_countries"] == "USA"
        assert row["date_in_force"] == "2024-12-03"
        assert (row["status"], row["status_since"], row["status_until"]) == ("suspended", "2025-11-09", "2026-11-27")
        assert row["status_source_id"] == "mofcom_2025_72"


def test_drc_cobalt_ban_replaced_by_quota_without_gap(rows):
    ban = _row(rows, "cd_arecoms_2025_001", "cobalt")
    quota = _row(rows, "cd_arecoms_2025_004", "cobalt")
    assert ban["measure_type"] == "export_ban" and quota["measure_type"] == "quota"
    assert (_date(quota["date_in_force"]) - _date(ban["date_end"])).days == 1
    assert ban["status_source_id"] == quota["source_id"]


def test_every_row_is_reported_and_assumptions_explain_themselves(rows):
    for row in rows:
        assert row["quality"] in {"reported", "derived", "assumption"}
        if row["quality"] != "reported":
            assert row["note"], f"{row['measure_id']}: non-reported rows need a note"
        if not row["date_announced"] or not row["date_in_force"]:
            assert "not verified" in row["note"], f"{row['measure_id']}: say why a date is missing"
