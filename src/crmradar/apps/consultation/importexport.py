"""Every register to and from CSV and XLSX (tablib).

Columns are the register's exchange fields. Links use readable keys: organisations by name, value chains by
code, other items by id; many-to-many links and package ids are joined with ``|``. An import is all or
nothing: every row of every file is checked, every problem is reported with file, row and column, and if
there is any problem nothing is changed. Exported cells that a spreadsheet would run as a formula are
prefixed with an apostrophe, which the import strips again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import tablib
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, models, transaction

from crmradar.apps.consultation import services
from crmradar.apps.consultation.models import Organisation, ValueChain
from crmradar.apps.consultation.registers import PACKAGE_LINK_FIELDS, REGISTERS, Register

FORMATS = ("csv", "xlsx")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ORDER = ("organisaties", "ketens", "overleggen", "knelpunten", "acties", "verdiepingen", "projecten", "kaders")
SEPARATOR = "|"


@dataclass(frozen=True)
class Problem:
    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:  # always one line, whatever the file held
        return " ".join(f"{self.file}, row {self.row}, column {self.column}: {self.message}".split())


class WorkspaceImportError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def unsafe_cell(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def _key(obj) -> str:
    if isinstance(obj, Organisation):
        return obj.name
    if isinstance(obj, ValueChain):
        return obj.code
    return str(obj.pk)


def _cell(item, name: str) -> str:
    field = item._meta.get_field(name)
    value = getattr(item, name)
    if field.many_to_many:
        return SEPARATOR.join(sorted(_key(o) for o in value.all()))
    if name in PACKAGE_LINK_FIELDS:
        return SEPARATOR.join(value or [])
    if value is None:
        return ""
    if field.is_relation:
        return _key(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def export_dataset(register: Register, queryset=None) -> tablib.Dataset:
    queryset = register.model.objects.order_by("pk") if queryset is None else queryset
    dataset = tablib.Dataset(headers=list(register.exchange))
    for item in queryset:
        dataset.append([safe_cell(_cell(item, name)) for name in register.exchange])
    return dataset


def export_bytes(register: Register, fmt: str, queryset=None) -> bytes:
    dataset = export_dataset(register, queryset)
    if fmt == "csv":
        return ("\ufeff" + dataset.export("csv")).encode("utf-8")
    return dataset.export("xlsx")


def export_directory(directory: Path, fmt: str = "csv") -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for slug in ORDER:
        path = directory / f"{slug}.{fmt}"
        path.write_bytes(export_bytes(REGISTERS[slug], fmt))
        written.append(path)
    return written


def read_dataset(name: str, content: bytes) -> tablib.Dataset:
    """A register file as a dataset; a CSV row with a different number of fields than the header is a
    ValueError naming the row."""
    if name.lower().endswith(".xlsx"):
        return tablib.Dataset().load(content, format="xlsx")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start})") from error
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise ValueError("the file is empty")
    dataset = tablib.Dataset(headers=rows[0])
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(rows[0]):
            raise ValueError(f"row {number} has {len(row)} fields, the header {len(rows[0])}")
        dataset.append(row)
    return dataset


def _resolve(model: type[models.Model], key: str):
    if model is Organisation:
        return Organisation.objects.get(name=key)
    if model is ValueChain:
        return ValueChain.objects.get(code=key)
    return model.objects.get(pk=int(key))


def _parse(register: Register, name: str, raw: str):
    field = register.model._meta.get_field(name)
    if field.many_to_many:
        return [_resolve(field.related_model, k).pk for k in raw.split(SEPARATOR) if k]
    if name in PACKAGE_LINK_FIELDS:
        return [k for k in raw.split(SEPARATOR) if k]
    if raw == "":
        return None if field.null else ("" if isinstance(field, models.CharField | models.TextField) else None)
    if field.is_relation:
        return _resolve(field.related_model, raw)
    if isinstance(field, models.BooleanField):
        if raw.lower() not in ("true", "false", "1", "0", "ja", "nee"):
            raise ValidationError(f"expected true or false, got {raw!r}")
        return raw.lower() in ("true", "1", "ja")
    if isinstance(field, models.DateField):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError as error:
            raise ValidationError(f"not a date (YYYY-MM-DD): {raw!r}") from error
    if isinstance(field, models.IntegerField | models.PositiveSmallIntegerField | models.BigAutoField):
        try:
            return int(raw)
        except ValueError as error:
            raise ValidationError(f"not a whole number: {raw!r}") from error
    return raw


def _import_row(register: Register, values: dict, user, file: str, row: int) -> list[Problem]:
    problems = []
    parsed = {}
    for name, raw in values.items():
        if name not in register.exchange:
            continue
        try:
            parsed[name] = _parse(register, name, unsafe_cell(str(raw if raw is not None else "").strip()))
        except (ValidationError, ValueError) as error:
            problems.append(Problem(file, row, name, "; ".join(getattr(error, "messages", [str(error)]))))
        except models.ObjectDoesNotExist:
            problems.append(Problem(file, row, name, f"unknown reference {raw!r}"))
    if problems:
        return problems + _field_problems(register, parsed, {p.column for p in problems}, file, row)
    pk = parsed.pop("id", None)
    links = {n: parsed.pop(n) for n in list(parsed) if register.model._meta.get_field(n).many_to_many}
    item = register.model.all_objects.filter(pk=pk).first() if pk else None
    item = item or register.model(pk=pk)
    for name, value in parsed.items():
        setattr(item, name, value)
    try:
        with transaction.atomic():
            services.save_item(item, user, links=links)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            column = field if field in register.exchange else "id" if field == "__all__" else field
            problems.extend(Problem(file, row, column, m) for m in messages)
    return problems


def _field_problems(register: Register, parsed: dict, skip: set[str], file: str, row: int) -> list[Problem]:
    """The model's own checks on the fields that did parse, so one pass reports every problem of a row."""
    item = register.model()
    plain = {n: v for n, v in parsed.items() if n != "id" and not register.model._meta.get_field(n).many_to_many}
    for name, value in plain.items():
        setattr(item, name, value)
    exclude = [f.name for f in register.model._meta.get_fields() if f.name not in plain or f.name in skip]
    try:
        item.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        return [Problem(file, row, field, m) for field, messages in error.message_dict.items() for m in messages
                if field in plain]
    return []


def import_files(files: dict[str, bytes], user) -> dict[str, int]:
    """Import ``{file name: content}``; each file is named after its register (``knelpunten.csv``).

    Returns rows imported per register. Raises :class:`WorkspaceImportError` (and changes nothing) on any problem.
    """
    problems: list[Problem] = []
    by_register = {}
    for name, content in files.items():
        slug = Path(name).stem
        if slug not in REGISTERS or Path(name).suffix.lower() not in (".csv", ".xlsx"):
            problems.append(Problem(name, 0, "", f"file name must be one of {', '.join(ORDER)} with .csv or .xlsx"))
            continue
        try:
            by_register[slug] = (name, read_dataset(name, content))
        except Exception as error:  # noqa: BLE001 - any unreadable file is reported, not raised
            problems.append(Problem(name, 0, "", f"cannot read the file: {error or type(error).__name__}"))
    for slug, (name, dataset) in by_register.items():
        if not dataset.headers and (dataset.height or dataset.width):  # tablib found no header row
            problems.append(Problem(name, 1, "1", "the first row must name the columns"))
        for position, header in enumerate(dataset.headers or [], start=1):
            if header not in REGISTERS[slug].exchange:
                problems.append(Problem(name, 1, _column_name(header, position), "unknown column"))
    if problems:
        raise WorkspaceImportError(problems)
    counts = {}
    with transaction.atomic():
        for slug in ORDER:
            if slug not in by_register:
                continue
            name, dataset = by_register[slug]
            for index, record in enumerate(dataset.dict, start=2):
                problems.extend(_import_row(REGISTERS[slug], record, user, name, index))
            counts[slug] = len(dataset)
        if problems:
            transaction.set_rollback(True)
    if problems:
        raise WorkspaceImportError(problems)
    _reset_sequences()
    return counts


def _column_name(header, position: int) -> str:
    """A header cell as a one-line column name; an empty header cell is named by its position."""
    text = " ".join(str(header if header is not None else "").split())
    return text[:80] if text else f"{position} (no name in the header)"


def import_directory(directory: Path, user) -> dict[str, int]:
    files = {p.name: p.read_bytes() for p in sorted(directory.iterdir())
             if p.stem in REGISTERS and p.suffix.lower() in (".csv", ".xlsx")}
    if not files:
        raise WorkspaceImportError([Problem(str(directory), 0, "", "no register files (e.g. knelpunten.csv) found")])
    return import_files(files, user)


def _reset_sequences() -> None:
    """Rows imported with explicit ids must not collide with the next new row (PostgreSQL sequences)."""
    models_ = [r.model for r in REGISTERS.values()]
    statements = connection.ops.sequence_reset_sql(no_style(), models_)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
