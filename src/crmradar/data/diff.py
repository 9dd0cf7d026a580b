"""Differences between two versions of the data package (two releases, or a release and an edited export):
tables added or removed, rows added or removed (by the table's primary key), and every changed value with
the size of the change (absolute and relative when both values are numbers).

Tables are read as text, so a value counts as changed only when its text changed in a way that matters:
numbers are compared as numbers (``0.50`` equals ``0.5``), empty cells as missing.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

COLUMNS = ["table", "key", "change", "column", "old", "new", "delta", "relative"]


class PackageDiffError(ValueError):
    """A folder is not a data package, or a table cannot be read."""


@dataclass
class Table:
    frame: pd.DataFrame
    key: list[str]
    path: Path
    digest: str = ""


@dataclass
class Release:
    path: Path
    name: str
    digest: str
    tables: dict[str, Table]


def _descriptor_path(path: Path) -> Path:
    path = Path(path)
    candidate = path / "datapackage.json" if path.is_dir() else path
    if not candidate.is_file():
        raise PackageDiffError(f"{path}: no datapackage.json (give a package folder or its datapackage.json)")
    return candidate


def read_release(path: str | Path) -> Release:
    """The tables of a data package folder (``datapackage.json`` with CSV resources), as text."""
    descriptor_path = _descriptor_path(Path(path))
    root = descriptor_path.parent
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageDiffError(f"{descriptor_path}: not a readable JSON descriptor ({error})") from error
    digest = hashlib.sha256()
    tables: dict[str, Table] = {}
    for resource in descriptor.get("resources", []):
        name, relative = resource.get("name"), resource.get("path")
        if not name or not isinstance(relative, str) or not relative.endswith(".csv"):
            continue
        file = (root / relative).resolve()
        if root.resolve() not in file.parents:
            raise PackageDiffError(f"{descriptor_path}: resource {name} points outside the package")
        try:
            raw = file.read_bytes()
            frame = pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
            raise PackageDiffError(f"{file}: {error}") from error
        digest.update(name.encode() + b"\0" + raw)
        schema = resource.get("schema") if isinstance(resource.get("schema"), dict) else {}
        key = schema.get("primaryKey") or []
        key = [key] if isinstance(key, str) else list(key)
        tables[name] = Table(frame, key, file, hashlib.sha256(raw).hexdigest())
    return Release(root, str(descriptor.get("name", root.name)), digest.hexdigest()[:12], tables)


def _number(text: str) -> float | None:
    if text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _same(old: str, new: str) -> bool:
    if old == new:
        return True
    a, b = _number(old), _number(new)
    return a is not None and b is not None and a == b


def _keys(frame: pd.DataFrame, key: list[str]) -> pd.Series:
    return frame[key[0]].str.cat([frame[k] for k in key[1:]], sep=" | ") if len(key) > 1 else frame[key[0]]


def _table_changes(name: str, old: Table, new: Table) -> list[dict]:
    key = [k for k in old.key if k in old.frame and k in new.frame] if old.key == new.key else []
    if not key or _keys(old.frame, key).duplicated().any() or _keys(new.frame, key).duplicated().any():
        key = []
    rows: list[dict] = []
    if not key:  # no usable primary key: compare whole rows as a multiset
        columns = [c for c in old.frame.columns if c in new.frame.columns]
        before = _keys(old.frame, columns).value_counts()
        after = _keys(new.frame, columns).value_counts()
        for text in sorted(set(before.index) | set(after.index)):
            difference = int(after.get(text, 0)) - int(before.get(text, 0))
            change = "added" if difference > 0 else "removed"
            rows += [{"table": name, "key": text, "change": change}] * abs(difference)
        return rows
    old_frame = old.frame.set_index(_keys(old.frame, key))
    new_frame = new.frame.set_index(_keys(new.frame, key))
    for removed in sorted(set(old_frame.index) - set(new_frame.index)):
        rows.append({"table": name, "key": removed, "change": "removed"})
    for added in sorted(set(new_frame.index) - set(old_frame.index)):
        rows.append({"table": name, "key": added, "change": "added"})
    for column in sorted(set(old_frame.columns) - set(new_frame.columns)):
        rows.append({"table": name, "key": "", "change": "column removed", "column": column})
    for column in sorted(set(new_frame.columns) - set(old_frame.columns)):
        rows.append({"table": name, "key": "", "change": "column added", "column": column})
    common = sorted(set(old_frame.index) & set(new_frame.index))
    columns = [c for c in old_frame.columns if c in new_frame.columns and c not in key]
    if not common or not columns:
        return rows
    before = old_frame.loc[common, columns]
    after = new_frame.loc[common, columns]
    differs = before.ne(after)
    for row_key, column in zip(*[list(x) for x in differs.to_numpy().nonzero()], strict=True):
        label, col = common[row_key], columns[column]
        a, b = before.iat[row_key, column], after.iat[row_key, column]
        if _same(a, b):
            continue
        x, y = _number(a), _number(b)
        delta = y - x if x is not None and y is not None else None
        relative = delta / abs(x) if delta is not None and x else None
        rows.append({"table": name, "key": label, "change": "changed", "column": col, "old": a, "new": b,
                     "delta": delta, "relative": relative})
    return rows


def diff_releases(old: Release, new: Release, tables: list[str] | None = None) -> pd.DataFrame:
    """Every difference from ``old`` to ``new``, one row each (columns :data:`COLUMNS`)."""
    rows: list[dict] = []
    names = sorted(set(old.tables) | set(new.tables))
    for name in names:
        if tables and name not in tables:
            continue
        if name not in new.tables:
            rows.append({"table": name, "change": "table removed"})
        elif name not in old.tables:
            rows.append({"table": name, "change": "table added"})
        elif old.tables[name].digest != new.tables[name].digest:  # identical files: nothing to compare
            rows += _table_changes(name, old.tables[name], new.tables[name])
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("key", "column", "old", "new"):
        frame[column] = frame[column].fillna("")
    return frame


def summary(frame: pd.DataFrame) -> dict[str, int]:
    counts = frame["change"].value_counts()
    return {change: int(counts.get(change, 0)) for change in
            ("changed", "added", "removed", "table added", "table removed", "column added", "column removed")}
