"""Fuzz targets for the workspace imports (issue 17): CSV and XLSX files of every register, read by
:func:`crmradar.apps.consultation.importexport.import_files`.

Each input is one register file (``knelpunten.csv``, ``projecten.xlsx`` …). The import must either succeed or
raise :class:`WorkspaceImportError` whose every problem names the file, a row and (from the header row on) a
column, in one line — and after a refused import not one row of any register, link table or history table may
have changed. Every input runs in a transaction that is rolled back, so the database stays as seeded.

Used by ``tests/web/workspace/test_import_fuzz.py`` (CI profile, on the test database) and by
``scripts/fuzz.py`` (``--only workspace_csv`` …, 10^5 inputs with ``--long``), which sets Django up on an
in-memory SQLite database of its own.
"""

from __future__ import annotations

import csv
import io
import os
import random
import tempfile
from functools import lru_cache

from hypothesis import strategies as st

ORGANISATIONS = ["Provincie Zuid-Holland", "TNO", "DCMR Milieudienst Rijnmond", "Havenbedrijf Rotterdam"]
CHAIN = "fuzz-keten"
USER = "fuzz-beheer@example.nl"
PACKAGE_IDS = ["lithium", "cobalt", "gallium", "solar_pv", "li_ion_batteries", "unobtainium", ""]


@lru_cache(maxsize=1)
def django_ready() -> None:
    """Set Django up on an in-memory SQLite database (script runs); a running test session is used as it is."""
    from django.apps import apps

    if apps.ready:
        return
    import django
    from django.core.management import call_command

    os.environ["CRMRADAR_HOME"] = tempfile.mkdtemp(prefix="crmradar-fuzz-home-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "crmradar.web.settings"
    os.environ["DATABASE_URL"] = "sqlite://"  # in memory: quick, and nothing outlives the run
    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def seed():
    """The fuzzing user (role beheerder) and a value chain to refer to; created once per database."""
    from django.contrib.auth import get_user_model

    from crmradar.apps.accounts.services import add_user
    from crmradar.apps.consultation import models, services

    user = get_user_model().objects.filter(email=USER).first()
    if user is None:
        user = add_user(USER, "Provincie Zuid-Holland", "beheerder", "Fuzz-Horse-Battery-2026")
    if not models.ValueChain.all_objects.filter(code=CHAIN).exists():
        services.save_item(models.ValueChain(code=CHAIN, name="Fuzz-keten", materials=["lithium"]), user)
    return user


@lru_cache(maxsize=1)
def _registers() -> dict:
    django_ready()
    from crmradar.apps.consultation.registers import REGISTERS

    return REGISTERS


def _value(field, name: str) -> st.SearchStrategy:
    """Plausible cell text for a register field (valid keys, choices, dates, numbers) or hostile text."""
    from django.db import models
    from fuzz_targets import CELL, NASTY, NUMBER_TEXT, TEXT

    from crmradar.apps.consultation.registers import PACKAGE_LINK_FIELDS

    if name in PACKAGE_LINK_FIELDS:
        good = st.lists(st.sampled_from(PACKAGE_IDS), max_size=3).map("|".join)
    elif field.many_to_many or field.is_relation:
        model = field.related_model.__name__
        keys = ORGANISATIONS if model == "Organisation" else [CHAIN] if model == "ValueChain" else ["1", "2", "99999"]
        good = st.lists(st.sampled_from(keys + ["bestaat-niet", "0", "-1"]), max_size=3).map("|".join) \
            if field.many_to_many else st.sampled_from(keys + ["bestaat-niet"])
    elif field.choices:
        good = st.sampled_from([str(key) for key, _label in field.choices])
    elif isinstance(field, models.BooleanField):
        good = st.sampled_from(["true", "false", "ja", "nee", "1", "0", "misschien"])
    elif isinstance(field, models.DateField):
        good = st.one_of(st.dates().map(str), st.sampled_from(["2026-02-30", "31-12-2026", "2026-13-01"]))
    elif isinstance(field, models.IntegerField | models.FloatField):
        good = st.one_of(st.integers(-10**20, 10**20).map(str), NUMBER_TEXT)
    else:
        good = TEXT
    return st.one_of(good, good, CELL, NASTY)


@st.composite
def register_file(draw, fmt: str):
    """A register file: a subset of its exchange columns (sometimes an unknown or empty one), rows of values."""
    registers = _registers()
    slug = draw(st.sampled_from(sorted(registers)))
    register = registers[slug]
    columns = draw(st.lists(st.sampled_from(register.exchange), min_size=1, max_size=len(register.exchange),
                            unique=True))
    if draw(st.integers(0, 6)) == 0:
        columns.insert(draw(st.integers(0, len(columns))), draw(st.sampled_from(["", "onbekend", " title", "ID"])))
    fields = {f.name: f for f in register.model._meta.get_fields()}
    cells = [_value(fields[c], c) if c in fields else st.text(max_size=5) for c in columns]
    rows = draw(st.lists(st.tuples(*cells).map(list), max_size=5))
    if rows and draw(st.integers(0, 5)) == 0:  # a ragged row
        rows[-1] = rows[-1][: draw(st.integers(0, len(rows[-1])))] + draw(st.lists(st.text(max_size=3), max_size=2))
    if fmt == "csv":
        content = _csv(columns, rows)
        if draw(st.integers(0, 7)) == 0:
            content = content.encode("utf-8")[: draw(st.integers(0, len(content)))].decode("utf-8", "ignore")
        encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "latin-1", "utf-16"]))
        return f"{slug}.csv", content.encode(encoding, errors="replace")
    typed = [[_typed(cell, draw(st.integers(0, 9))) for cell in row] for row in rows]
    content = _xlsx([columns, *typed])
    if draw(st.integers(0, 7)) == 0:
        position = draw(st.integers(0, 10**6)) % len(content)
        content = content[:position] + draw(st.binary(min_size=1, max_size=8)) + content[position + 1:]
    return f"{slug}.xlsx", content


def _typed(cell: str, kind: int):
    """XLSX cells carry types: sometimes a number, boolean, date or empty cell instead of the text."""
    import datetime as dt

    if kind == 0:
        try:
            return int(cell)
        except ValueError:
            return 1
    if kind == 1:
        return dt.date(2026, 5, 18)
    if kind == 2:
        return None
    if kind == 3:
        return True
    if kind == 4:
        return 2.5e300
    return cell


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return buffer.getvalue()


def _xlsx(rows: list[list]) -> bytes:
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("register")
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ long runs: mutations of valid files


@lru_cache(maxsize=1)
def _valid_files() -> dict[str, tuple[list[str], list[list[str]]]]:
    """One valid row per register (header, rows), as the seeded database would export it."""
    registers = _registers()
    rows = {
        "organisaties": {"name": "Fuzz BV", "kind": "bedrijf", "published": "true"},
        "ketens": {"code": "fuzz-tweede", "name": "Tweede keten", "materials": "lithium|cobalt",
                   "owner_organisation": "TNO"},
        "knelpunten": {"title": "Knelpunt", "category": "ruimte", "severity": "3", "chain": CHAIN,
                       "owner_organisation": "TNO", "identified_on": "2026-05-18"},
        "acties": {"title": "Actie", "line": "2", "category": "kennis", "due_date": "2026-01-10",
                   "owner_organisation": "Provincie Zuid-Holland", "chains": CHAIN},
        "overleggen": {"title": "Overleg", "date": "2026-12-15", "owner_organisation": "Provincie Zuid-Holland"},
        "verdiepingen": {"title": "Verdieping", "scope_type": "grondstof", "subject": "gallium",
                         "owner_organisation": "Provincie Zuid-Holland"},
        "projecten": {"code": "fuzz-project", "name": "Project", "stage": "idee", "latitude": "51.9",
                      "longitude": "4.1", "start_year": "2027", "owner_organisation": "Provincie Zuid-Holland"},
        "kaders": {"code": "fuzz-kader", "name": "Kader", "level": "eu", "target_year": "2030",
                   "materials": "gallium", "owner_organisation": "Provincie Zuid-Holland"},
    }
    out = {}
    for slug, row in rows.items():
        header = [c for c in registers[slug].exchange if c in row]
        out[slug] = (header, [[row[c] for c in header]])
    return out


def fast_workspace_csv(rng: random.Random) -> tuple[str, bytes]:
    from fuzz_mutations import mutate_bytes, mutate_text

    slug = rng.choice(sorted(_valid_files()))
    text = _csv(*_valid_files()[slug])
    content = mutate_text(text, rng).encode("utf-8") if rng.randrange(3) else mutate_bytes(text.encode(), rng)
    return f"{slug}.csv", content


def fast_workspace_xlsx(rng: random.Random) -> tuple[str, bytes]:
    """A valid workbook of mutated, sometimes re-typed cells; one in eight has damaged bytes."""
    from fuzz_mutations import mutate_bytes, mutate_text

    slug = rng.choice(sorted(_valid_files()))
    text = mutate_text(_csv(*_valid_files()[slug]), rng)
    rows = list(csv.reader(text.replace("\x00", "").splitlines()))
    content = _xlsx([[_typed(c, rng.randrange(12)) for c in row] for row in rows] or [[]])
    return f"{slug}.xlsx", mutate_bytes(content, rng) if rng.randrange(8) == 0 else content


# ------------------------------------------------------------------ the check


def _counts() -> dict[str, int]:
    """Rows per register model, its history table and its many-to-many link tables."""
    counts = {}
    for register in _registers().values():
        model = register.model
        counts[model._meta.label] = model.all_objects.count()
        counts[model._meta.label + ".history"] = model.history.model.objects.count()
        for field in model._meta.many_to_many:
            counts[field.remote_field.through._meta.label] = field.remote_field.through.objects.count()
    return counts


def check_import(item: tuple[str, bytes], deep: bool = True) -> None:
    """Import one register file in a transaction that is rolled back; checks the refusal (see the module)."""
    from django.db import transaction

    from crmradar.apps.consultation.importexport import WorkspaceImportError, import_files

    django_ready()
    name, content = item

    class RollbackError(Exception):
        pass

    user = seed()  # outside the rolled-back transaction: created once (Argon2 hashing is slow on purpose)
    try:
        with transaction.atomic():
            before = _counts()
            try:
                import_files({name: content}, user)
            except WorkspaceImportError as error:
                _check_problems(error, name)
                after = _counts()
                changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
                if changed:
                    raise AssertionError(f"refused import changed stored rows: {changed}") from error
                raise
            raise RollbackError
    except RollbackError:
        pass


def _check_problems(error, name: str) -> None:
    if not error.problems:
        raise AssertionError("WorkspaceImportError without problems")
    for problem in error.problems:
        text = str(problem)
        if problem.file != name or "\n" in text or "\r" in text or not problem.message.strip():
            raise AssertionError(f"problem does not name the file in one line: {text!r}")
        if problem.row >= 1 and not problem.column.strip():
            raise AssertionError(f"problem in row {problem.row} does not name a column: {text!r}")


def allowed():
    from crmradar.apps.consultation.importexport import WorkspaceImportError

    return (WorkspaceImportError,)


def workspace_targets() -> dict:
    """The two workspace parsers as :class:`fuzz_targets.Target` entries (kept apart from ``TARGETS`` because
    they need Django and a database)."""
    from fuzz_targets import Target

    return {
        "workspace_csv": Target("workspace_csv", lambda: register_file("csv"), check_import, allowed,
                                fast_workspace_csv),
        "workspace_xlsx": Target("workspace_xlsx", lambda: register_file("xlsx"), check_import, allowed,
                                 fast_workspace_xlsx),
    }
