"""Loading the data package into the database: idempotent (by content hash) and atomic."""

from __future__ import annotations

import csv
import hashlib
import json

from django.db import IntegrityError, connection, transaction

from crmradar import data as kb_data
from crmradar.web.models import Material, PackageLoad, Source, TableRow


def package_hash(kb: kb_data.KnowledgeBase) -> str:
    digest = hashlib.sha256()
    for path in [kb.path / "datapackage.json", *sorted(kb.path.glob("data/*.csv"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_loaded(kb: kb_data.KnowledgeBase | None = None, mirror_rows: bool = True) -> tuple[PackageLoad, bool]:
    """Load ``kb`` (default: the active package) unless this exact package is already loaded.

    Returns the load and whether it was created now. Runs in one transaction: a failure leaves the
    database as it was. ``mirror_rows=False`` leaves the row-by-row JSON mirror to
    :func:`mirror_rows_if_missing` (the server does that in the background to start faster).
    """
    kb = kb or kb_data.load()
    digest = package_hash(kb)
    existing = PackageLoad.objects.filter(package_hash=digest).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        load = PackageLoad.objects.create(
            package_hash=digest,
            package_path=str(kb.path),
            tables={name: len(frame) for name, frame in kb.tables.items()},
        )
        Source.objects.bulk_create(
            Source(
                load=load,
                source_id=row.id,
                publisher=row.publisher,
                title=row.title,
                year=None if row.year is None or row.year != row.year else int(row.year),
                url=row.url or "",
                licence=row.licence or "",
            )
            for row in kb.sources.itertuples(index=False)
        )
        Material.objects.bulk_create(
            Material(
                load=load,
                material_id=row.id,
                name_en=row.name_en,
                name_nl=row.name_nl,
                symbol=row.symbol or "",
                group_id=row.group_id or "",
                crma_strategic=bool(row.crma_strategic),
                crma_critical=bool(row.crma_critical),
            )
            for row in kb.materials.itertuples(index=False)
        )
        if mirror_rows:
            _insert_raw_rows(load, kb)
    return load, True


def _insert_raw_rows(load: PackageLoad, kb: kb_data.KnowledgeBase) -> None:
    """Mirror every CSV row as JSON (values as written in the file) with one executemany per table."""
    table_name = TableRow._meta.db_table
    sql = f"INSERT INTO {table_name} (load_id, \"table\", row_number, data) VALUES (%s, %s, %s, %s)"
    with connection.cursor() as cursor:
        for name, spec in kb.specs.items():
            with (kb.path / spec.path).open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                params = [
                    (load.pk, name, number, json.dumps(row, ensure_ascii=False))
                    for number, row in enumerate(reader, start=2)
                ]
            cursor.executemany(sql, params)


def mirror_rows_if_missing(load: PackageLoad, kb: kb_data.KnowledgeBase) -> bool:
    """Insert the JSON mirror of every row unless it is there; all rows or none (one transaction)."""
    if TableRow.objects.filter(load=load).exists():
        return False
    try:
        with transaction.atomic():
            _insert_raw_rows(load, kb)
    except IntegrityError:  # another worker mirrored the same load at the same moment
        return False
    return True


def current_load() -> PackageLoad | None:
    return PackageLoad.objects.order_by("-loaded_at").first()
