"""Reading the data-package descriptor and turning its Table Schemas into typed pandas columns.

The descriptor follows the Frictionless Data Package v1 specification; every field carries a custom
``unit`` property (see ``docs/data-conventions.md``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

EMBEDDED_PACKAGE = Path(__file__).resolve().parent / "package"


@dataclass(frozen=True)
class FieldSpec:
    """One column of a table schema."""

    name: str
    type: str
    unit: str | None
    description: str
    required: bool
    minimum: float | None
    maximum: float | None
    enum: tuple[str, ...] | None
    pattern: str | None


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    """A tabular resource: its CSV path (relative to the package root) and its schema."""

    name: str
    path: str
    title: str
    description: str
    fields: tuple[FieldSpec, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def field_names(self) -> list[str]:
        return [field.name for field in self.fields]

    def field(self, name: str) -> FieldSpec:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(name)


def _as_tuple(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _field_spec(raw: dict) -> FieldSpec:
    constraints = raw.get("constraints", {})
    enum = constraints.get("enum")
    return FieldSpec(
        name=raw["name"],
        type=raw.get("type", "string"),
        unit=raw.get("unit"),
        description=raw.get("description", ""),
        required=bool(constraints.get("required", False)),
        minimum=constraints.get("minimum"),
        maximum=constraints.get("maximum"),
        enum=tuple(str(v) for v in enum) if enum is not None else None,
        pattern=constraints.get("pattern"),
    )


def table_spec(resource: dict) -> TableSpec:
    """Build a :class:`TableSpec` from one resource of a ``datapackage.json``."""
    schema = resource["schema"]
    foreign_keys = tuple(
        ForeignKey(
            fields=_as_tuple(fk["fields"]),
            resource=fk["reference"]["resource"] or resource["name"],
            reference_fields=_as_tuple(fk["reference"]["fields"]),
        )
        for fk in schema.get("foreignKeys", [])
    )
    return TableSpec(
        name=resource["name"],
        path=resource["path"],
        title=resource.get("title", resource["name"]),
        description=resource.get("description", ""),
        fields=tuple(_field_spec(field) for field in schema["fields"]),
        primary_key=_as_tuple(schema.get("primaryKey")),
        foreign_keys=foreign_keys,
    )


def read_descriptor(package_dir: Path) -> dict[str, TableSpec]:
    """Table specs of the package in ``package_dir``, keyed by resource name.

    Only tabular resources (those with a ``schema``) are tables; other resources, such as the GeoJSON
    ``region_boundaries``, are read by their own modules.
    """
    descriptor = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    return {resource["name"]: table_spec(resource) for resource in descriptor["resources"] if "schema" in resource}


TRUE_VALUES = frozenset({"true", "True", "TRUE", "1", "yes"})
FALSE_VALUES = frozenset({"false", "False", "FALSE", "0", "no"})


def typed_frame(raw: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Convert an all-string frame (as read from CSV) to the schema's dtypes.

    Empty strings are missing values. integer → ``Int64``, number → ``float64``, boolean → ``boolean``,
    date → ``datetime64[ns]``, year → ``Int64``, everything else → ``object`` strings.
    Assumes the frame was validated; unparseable cells become missing.
    """
    frame = raw.copy()
    for field in spec.fields:
        if field.name not in frame:
            continue
        column = frame[field.name].replace("", pd.NA)
        if field.type in ("integer", "year"):
            frame[field.name] = pd.to_numeric(column, errors="coerce").astype("Int64")
        elif field.type == "number":
            frame[field.name] = pd.to_numeric(column, errors="coerce").astype("float64")
        elif field.type == "boolean":
            mapped = column.map(lambda v: True if v in TRUE_VALUES else False if v in FALSE_VALUES else pd.NA)
            frame[field.name] = mapped.astype("boolean")
        elif field.type == "date":
            frame[field.name] = pd.to_datetime(column, errors="coerce", format="%Y-%m-%d")
        else:
            frame[field.name] = column.astype("object").where(column.notna(), None)
    return frame
