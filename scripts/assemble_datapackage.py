"""Rebuild ``data/sources.csv`` and ``datapackage.json`` from the curated fragments.

Run after changing a schema in ``package/schemas`` or a fragment in ``curation/sources``.
The output is deterministic, so running it twice gives identical files.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "crmradar" / "data"
PACKAGE = ROOT / "package"
FRAGMENTS = ROOT / "curation" / "sources"
#: Non-tabular resources (e.g. the GeoJSON region_boundaries): one descriptor per file, listed first.
EXTRA_RESOURCES = ROOT / "curation" / "resources"
SOURCE_FIELDS = ["id", "publisher", "title", "year", "url", "licence", "accessed", "note"]


def assemble_sources() -> int:
    rows: dict[str, dict[str, str]] = {}
    for fragment in sorted(FRAGMENTS.glob("*.csv")):
        with fragment.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != SOURCE_FIELDS:
                sys.exit(f"{fragment}: header must be {','.join(SOURCE_FIELDS)}, got {reader.fieldnames}")
            for line, row in enumerate(reader, start=2):
                if row["id"] in rows and rows[row["id"]] != row:
                    sys.exit(f"{fragment}:{line}: source id {row['id']!r} defined twice with different content")
                rows[row["id"]] = row
    target = PACKAGE / "data" / "sources.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=SOURCE_FIELDS, lineterminator="\n")
        writer.writeheader()
        for key in sorted(rows):
            writer.writerow(rows[key])
    return len(rows)


def assemble_descriptor() -> int:
    resources = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXTRA_RESOURCES.glob("*.json"))]
    for schema_path in sorted((PACKAGE / "schemas").glob("*.json")):
        name = schema_path.stem
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        meta = schema.pop("x-crmradar", {})
        resources.append(
            {
                "name": name,
                "path": f"data/{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": meta.get("title", name),
                "description": meta.get("description", ""),
                "x-crmradar": meta,
                "schema": schema,
            }
        )
    descriptor = {
        "name": "crm-radar-knowledge-base",
        "title": "crm-radar curated critical raw materials knowledge base",
        "profile": "data-package" if EXTRA_RESOURCES.is_dir() and any(EXTRA_RESOURCES.glob("*.json"))
        else "tabular-data-package",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 (compilation); each row cites its original publisher",
            }
        ],
        "resources": resources,
    }
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    (PACKAGE / "datapackage.json").write_text(text, encoding="utf-8")
    return len(resources)


if __name__ == "__main__":
    n_sources = assemble_sources()
    n_resources = assemble_descriptor()
    print(f"{n_sources} sources, {n_resources} resources")
