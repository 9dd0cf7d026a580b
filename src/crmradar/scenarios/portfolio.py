"""Regional project portfolios (YAML) for the CRMA benchmark calculator.

A portfolio lists extraction, processing or recycling projects in the region with their capacity in
tonnes per year of contained material. Every error names the file, the line (from the YAML node marks)
and the field, and all errors of a file are reported together; nothing is returned for a bad file.

File format (``schema_version: 1``)::

    schema_version: 1
    name: Zuid-Holland recycling projects
    region: NL36                      # optional
    description: ...                  # optional
    projects:
      - name: Black mass refinery Maasvlakte
        stage: recycling              # extraction | processing | recycling
        material: cobalt              # a material id of CRMA Annex I (see the materials table)
        capacity_t_per_year: 300      # t/yr of contained material, >= 0
        start_year: 2029
        status: planned               # operating | under_construction | planned | announced | cancelled
        location: Rotterdam           # optional
        source: https://...           # optional
        note: ...                     # optional
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from crmradar.data.yaml_lines import MAX_BYTES, LimitedLoader

STAGES = ("extraction", "processing", "recycling")
STATUSES = ("operating", "under_construction", "planned", "announced", "cancelled")
SCHEMA_VERSION = 1

_TOP_REQUIRED = ("schema_version", "name", "projects")
_TOP_OPTIONAL = ("region", "description")
_PROJECT_REQUIRED = ("name", "stage", "material", "capacity_t_per_year", "start_year", "status")
_PROJECT_OPTIONAL = ("location", "source", "note")


@dataclass(frozen=True)
class PortfolioIssue:
    """One problem in a portfolio file; ``line`` is 1-based (None when the file cannot be read)."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}"


class PortfolioError(ValueError):
    """Raised with every issue found in a portfolio file."""

    def __init__(self, issues: list[PortfolioIssue]):
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


@dataclass(frozen=True)
class Project:
    name: str
    stage: str
    material_id: str
    crma_entry: str
    capacity_t_per_year: float
    start_year: int
    status: str
    line: int
    location: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Portfolio:
    name: str
    file: str
    projects: tuple[Project, ...] = field(default_factory=tuple)
    region: str | None = None

    def to_frame(self) -> pd.DataFrame:
        """Projects as a DataFrame (one row per project; capacity in t/yr of contained material)."""
        columns = ["name", "stage", "material_id", "crma_entry", "capacity_t_per_year", "start_year", "status", "line"]
        rows = [{column: getattr(project, column) for column in columns} for project in self.projects]
        return pd.DataFrame(rows, columns=columns)


def strategic_material_entries(annex_entries: pd.DataFrame) -> dict[str, str]:
    """Material id → CRMA Annex I entry letter, from the ``crma_annex_entries`` table."""
    annex_i = annex_entries.loc[annex_entries["annex"] == "I"]
    return {
        material: entry
        for entry, ids in zip(annex_i["entry"], annex_i["material_ids"], strict=True)
        for material in str(ids).split("|")
    }


def load_portfolio(path: str | Path, materials: pd.DataFrame, annex_entries: pd.DataFrame) -> Portfolio:
    """Read and validate a portfolio file; raise :class:`PortfolioError` listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PortfolioError([PortfolioIssue(str(path), None, "file", "not found")]) from None
    except (OSError, UnicodeDecodeError) as error:
        issue = PortfolioIssue(str(path), None, "file", f"cannot read as UTF-8 text ({error})")
        raise PortfolioError([issue]) from None
    return parse_portfolio(text, str(path), materials, annex_entries)


def parse_portfolio(text: str, file: str, materials: pd.DataFrame, annex_entries: pd.DataFrame) -> Portfolio:
    """Validate portfolio YAML ``text`` (``file`` is only used in messages)."""
    reader = _Reader(file, set(materials["id"]), strategic_material_entries(annex_entries))
    portfolio = reader.read(text)
    if reader.issues:
        raise PortfolioError(reader.issues)
    assert portfolio is not None
    return portfolio


class _Reader:
    """Walks the composed YAML node tree so every value keeps its line number."""

    def __init__(self, file: str, material_ids: set[str], entries: dict[str, str]):
        self.file = file
        self.material_ids = material_ids
        self.entries = entries
        self.issues: list[PortfolioIssue] = []
        self._constructor = SafeConstructor()

    def issue(self, node: Node | None, field_name: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.issues.append(PortfolioIssue(self.file, line, field_name, message))

    def read(self, text: str) -> Portfolio | None:
        try:
            if len(text) > MAX_BYTES:
                self.issues.append(PortfolioIssue(self.file, None, "file", f"larger than {MAX_BYTES // 1000} kB"))
                return None
            root = yaml.compose(text, Loader=LimitedLoader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark is not None else None
            self.issues.append(PortfolioIssue(self.file, line, "yaml", f"syntax error: {error.problem}"))
            return None
        except yaml.YAMLError as error:
            self.issues.append(PortfolioIssue(self.file, None, "yaml", f"syntax error: {error}"))
            return None
        if root is None:
            self.issues.append(PortfolioIssue(self.file, None, "file", "is empty"))
            return None
        top = self.mapping(root, "portfolio", _TOP_REQUIRED, _TOP_OPTIONAL)
        if top is None:
            return None
        version = self.value(top.get("schema_version"), "schema_version", int)
        if version is not None and version != SCHEMA_VERSION:
            self.issue(top["schema_version"], "schema_version", f"must be {SCHEMA_VERSION}, got {version}")
        name = self.value(top.get("name"), "name", str)
        region = self.value(top.get("region"), "region", str)
        projects = self.projects(top.get("projects"))
        return Portfolio(name=name or "", file=self.file, projects=tuple(projects), region=region)

    def mapping(self, node: Node, where: str, required: tuple, optional: tuple) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.issue(node, where, "must be a mapping of keys to values")
            return None
        found: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key in found:
                self.issue(key_node, f"{where}.{key}", "duplicate key")
            elif key not in required and key not in optional:
                allowed = ", ".join((*required, *optional))
                self.issue(key_node, f"{where}.{key}", f"unknown key (allowed: {allowed})")
            else:
                found[key] = value_node
        for key in required:
            if key not in found:
                self.issue(node, f"{where}.{key}", "required field is missing")
        return found

    def value(self, node: Node | None, field_name: str, kind: type):
        """Scalar of type ``kind`` (int, float for numbers, or str); None and an issue when wrong."""
        if node is None:
            return None
        if not isinstance(node, ScalarNode):
            self.issue(node, field_name, "must be a single value, not a list or mapping")
            return None
        try:
            value = self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:  # 2024-13-45, !!int abc
            self.issue(node, field_name, f"{node.value!r} is not a valid value ({getattr(error, 'problem', error)})")
            return None
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.issue(node, field_name, f"must be a number, got {value!r}")
                return None
            if not math.isfinite(value):
                self.issue(node, field_name, f"must be a finite number, got {value!r}")
                return None
            return float(value)
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            self.issue(node, field_name, f"must be a whole number, got {value!r}")
            return None
        if kind is str and (not isinstance(value, str) or not value.strip()):
            self.issue(node, field_name, f"must be non-empty text, got {value!r}")
            return None
        return value

    def projects(self, node: Node | None) -> list[Project]:
        if node is None:
            return []
        if not isinstance(node, SequenceNode) or not node.value:
            self.issue(node, "projects", "must be a non-empty list of projects")
            return []
        projects, names = [], set()
        for index, item in enumerate(node.value, start=1):
            where = f"projects[{index}]"
            fields = self.mapping(item, where, _PROJECT_REQUIRED, _PROJECT_OPTIONAL)
            if fields is None:
                continue
            project = self.project(item, where, fields)
            if project is None:
                continue
            if project.name in names:
                self.issue(fields["name"], f"{where}.name", f"duplicate project name {project.name!r}")
                continue
            names.add(project.name)
            projects.append(project)
        return projects

    def project(self, item: Node, where: str, fields: dict[str, Node]) -> Project | None:
        before = len(self.issues)
        name = self.value(fields.get("name"), f"{where}.name", str)
        stage = self.choice(fields.get("stage"), f"{where}.stage", STAGES)
        status = self.choice(fields.get("status"), f"{where}.status", STATUSES)
        material = self.value(fields.get("material"), f"{where}.material", str)
        entry = None
        if material is not None:
            if material not in self.material_ids:
                self.issue(fields["material"], f"{where}.material",
                           f"unknown material {material!r} (see the materials table)")
            elif material not in self.entries:
                self.issue(fields["material"], f"{where}.material",
                           f"{material!r} is not a strategic raw material (CRMA Annex I); no benchmark applies")
            else:
                entry = self.entries[material]
        capacity = self.value(fields.get("capacity_t_per_year"), f"{where}.capacity_t_per_year", float)
        if capacity is not None and capacity < 0:
            self.issue(fields["capacity_t_per_year"], f"{where}.capacity_t_per_year", f"must be >= 0, got {capacity:g}")
        start_year = self.value(fields.get("start_year"), f"{where}.start_year", int)
        if start_year is not None and not 1900 <= start_year <= 2100:
            self.issue(fields["start_year"], f"{where}.start_year", f"must be between 1900 and 2100, got {start_year}")
        location = self.value(fields.get("location"), f"{where}.location", str)
        source = self.value(fields.get("source"), f"{where}.source", str)
        self.value(fields.get("note"), f"{where}.note", str)
        if len(self.issues) > before or None in (name, stage, status, entry, capacity, start_year):
            return None
        return Project(name=name, stage=stage, material_id=material, crma_entry=entry, capacity_t_per_year=capacity,
                       start_year=start_year, status=status, line=item.start_mark.line + 1, location=location,
                       source=source)

    def choice(self, node: Node | None, field_name: str, allowed: tuple[str, ...]) -> str | None:
        value = self.value(node, field_name, str)
        if value is not None and value not in allowed:
            self.issue(node, field_name, f"unknown value {value!r} (allowed: {', '.join(allowed)})")
            return None
        return value
