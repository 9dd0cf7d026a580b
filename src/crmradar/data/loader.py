"""Loading the data package into typed pandas DataFrames, and installing validated user updates."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from crmradar.data.home import user_home
from crmradar.data.schema import EMBEDDED_PACKAGE, TableSpec, read_descriptor, typed_frame
from crmradar.data.validation import DataValidationError, _resolve_tables, validate


def user_package_dir() -> Path:
    """Where ``crmradar data update`` installs a validated replacement package."""
    return user_home() / "package"


def active_package_dir() -> Path:
    """The package ``load()`` reads when no path is given (see module docstring for the order)."""
    explicit = os.environ.get("CRMRADAR_DATA")
    if explicit:
        return Path(explicit)
    if (user_package_dir() / "datapackage.json").is_file():
        return user_package_dir()
    previous = user_package_dir().parent / "package.previous"
    if (previous / "datapackage.json").is_file():  # an update was killed between its two renames: restore
        try:
            previous.rename(user_package_dir())
            return user_package_dir()
        except OSError:
            return previous
    return EMBEDDED_PACKAGE


@dataclass(frozen=True)
class KnowledgeBase:
    """All tables of one package. Attribute access (``kb.materials``) or ``kb["materials"]``.

    Each DataFrame carries ``frame.attrs["units"]`` (column → unit) and ``frame.attrs["description"]``.
    """

    path: Path
    specs: dict[str, TableSpec]
    tables: dict[str, pd.DataFrame] = field(repr=False)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"no table {name!r}; tables: {sorted(tables)}")

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __contains__(self, name: object) -> bool:
        return name in self.tables

    @property
    def is_embedded(self) -> bool:
        return self.path.resolve() == EMBEDDED_PACKAGE.resolve()


def _read_table(package_dir: Path, spec: TableSpec) -> pd.DataFrame:
    raw = pd.read_csv(
        package_dir / spec.path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8"
    )
    frame = typed_frame(raw, spec)
    frame.attrs["units"] = {f.name: f.unit for f in spec.fields if f.unit}
    frame.attrs["description"] = spec.description
    frame.attrs["table"] = spec.name
    return frame


@lru_cache(maxsize=4)
def _load_cached(package_dir: Path, stamp: float) -> KnowledgeBase:
    specs = read_descriptor(package_dir)
    tables = {name: _read_table(package_dir, spec) for name, spec in specs.items()}
    return KnowledgeBase(path=package_dir, specs=specs, tables=tables)


def load(path: str | Path | None = None) -> KnowledgeBase:
    """Load every table of the package as typed DataFrames (cached; reloads when files change)."""
    package_dir = Path(path) if path is not None else active_package_dir()
    descriptor = package_dir / "datapackage.json"
    if not descriptor.is_file():
        raise FileNotFoundError(f"{package_dir}: no datapackage.json — not a crm-radar data package")
    stamp = max(p.stat().st_mtime for p in [descriptor, *package_dir.glob("data/*.csv")])
    return _load_cached(package_dir.resolve(), stamp)


def install_update(path: str | Path) -> list[str]:
    """Validate ``path`` (tables replacing those of the active package) and install it atomically.

    On any validation problem, raise :class:`DataValidationError` and change nothing. On success the
    merged package is written to a temporary folder next to the user package and swapped in with a
    rename, so a crash never leaves a half-written package. Returns the replaced table names.
    """
    base = active_package_dir()
    issues = validate(path, base=base)
    if issues:
        raise DataValidationError(issues)
    specs = read_descriptor(base)
    supplied, _ = _resolve_tables(Path(path), specs)
    target = user_package_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="package-", dir=target.parent))
    try:
        shutil.copytree(base, staging, dirs_exist_ok=True)
        for name, file_path in supplied.items():
            shutil.copyfile(file_path, staging / specs[name].path)
        previous = target.parent / "package.previous"
        if previous.exists():
            shutil.rmtree(previous)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        if previous.exists():
            shutil.rmtree(previous)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(supplied)


def remove_update() -> bool:
    """Remove the user-installed package so ``load()`` falls back to the embedded one."""
    target = user_package_dir()
    if target.exists():
        shutil.rmtree(target)
        return True
    return False
