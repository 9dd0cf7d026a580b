"""Lever definition files (YAML): loading, validation with file/line/field, and ``NAME:STRENGTH`` parsing.

The format is documented in ``docs/levers.md``. A file with any problem is refused as a whole, so a typo
never silently changes a result.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from pathlib import Path

from crmradar.data.yaml_lines import YamlFileError, read_yaml_with_lines

LEVERS_FILE = Path(__file__).resolve().parent / "levers.yaml"

# Admissible strength per kind: (minimum, maximum, meaning). 0 always means "no change".
KINDS: dict[str, tuple[float, float, str]] = {
    "demand_reduction": (0.0, 1.0, "fraction of the deployment (units put in use or installed base) avoided"),
    "lifetime_extension": (0.0, 1.0, "relative extension of the lifetime (0.2 = 20 % longer)"),
    "second_life": (0.0, 1.0, "fraction of new stationary battery capacity met by second-life EV batteries"),
    "substitution": (0.0, 1.0, "fraction of the 'from' sub-technologies' share moved to 'to'"),
    "intensity_reduction": (0.0, 1.0, "fraction of the material intensity removed (thrifting)"),
    "collection_rate": (0.0, 1.0, "collection rate reached (fraction of end-of-life units collected)"),
    "recycling_efficiency": (0.0, 1.0, "recycling efficiency reached (fraction of collected content recovered)"),
    "design_for_recycling": (0.0, 1.0, "fraction of the recycling losses (1 - efficiency) avoided"),
}
REQUIRED = {"kind", "name_en", "description", "start_year", "ramp_years", "strength", "low", "high", "source"}
OPTIONAL = {"name_nl", "note", "technologies", "materials", "sub_technologies", "from", "to", "delay_years"}
# fields each kind needs besides REQUIRED
KIND_FIELDS = {
    "demand_reduction": {"technologies"},
    "lifetime_extension": {"technologies"},
    "second_life": {"technologies"},
    "substitution": {"from", "to"},
    "intensity_reduction": {"sub_technologies", "materials"},
    "collection_rate": {"technologies"},
    "recycling_efficiency": {"materials"},
    "design_for_recycling": {"materials", "delay_years"},
}
PACKAGE_KEYS = {"name_en", "name_nl", "description", "levers", "note"}


class LeverError(ValueError):
    """Lever definitions or lever choices with problems; ``problems`` lists every message."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Lever:
    """One policy lever: what it changes (``kind`` and targets), from when, how fast, how strongly."""

    id: str
    kind: str
    name_en: str
    description: str
    start_year: int
    ramp_years: int
    strength: float  # central strength (see KINDS for its meaning)
    low: float  # plausible low end (tornado)
    high: float  # plausible high end (tornado)
    source: str
    technologies: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    sub_technologies: tuple[str, ...] = ()
    from_: tuple[str, ...] = ()
    to: str = ""
    delay_years: int = 0
    note: str = ""

    @property
    def bounds(self) -> tuple[float, float]:
        return KINDS[self.kind][0], KINDS[self.kind][1]


@dataclass(frozen=True)
class LeverLibrary:
    """All levers and named packages of one definitions file."""

    path: Path
    levers: dict[str, Lever]
    packages: dict[str, dict[str, float]]  # package id → lever id → strength




class _Problems:
    def __init__(self, path: Path, lines: dict[str, int]):
        self.name, self.lines, self.items = path.name, lines, []

    def add(self, key: str, reason: str) -> None:
        key = str(key)  # YAML keys may be numbers or booleans
        probe = key
        while probe and probe not in self.lines:
            probe = probe.rsplit(".", 1)[0] if "." in probe else ""
        line = self.lines.get(probe)
        where = f"line {line}: " if line else ""
        self.items.append(f"{self.name}: {where}{key}: {reason}")


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _names(value) -> bool:
    return isinstance(value, list) and len(value) > 0 and all(isinstance(v, str) and v for v in value)


def _check_lever(problems: _Problems, key: str, block, known: dict[str, set[str]]) -> Lever | None:
    if not isinstance(block, dict):
        problems.add(key, "must be a mapping of lever fields")
        return None
    for name in sorted(set(block) - REQUIRED - OPTIONAL, key=str):  # keys may be numbers or booleans
        hint = difflib.get_close_matches(str(name), sorted(REQUIRED | OPTIONAL), n=1)
        problems.add(f"{key}.{name}", "unknown field" + (f" (did you mean '{hint[0]}'?)" if hint else ""))
    before = len(problems.items)
    kind = block.get("kind")
    if kind not in KINDS:
        problems.add(f"{key}.kind", f"{kind!r} is not a lever kind; kinds: {', '.join(KINDS)}")
        return None
    for name in sorted((REQUIRED | KIND_FIELDS[kind]) - set(block)):
        problems.add(key, f"missing required field '{name}' (kind {kind})")
    for name in ("start_year", "ramp_years", "delay_years"):
        value = block.get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 2100:
            problems.add(f"{key}.{name}", f"{value!r} is not a whole number of years")
    if isinstance(block.get("start_year"), int) and not 1990 <= block["start_year"] <= 2100:
        problems.add(f"{key}.start_year", f"{block['start_year']} is outside 1990–2100")
    minimum, maximum, meaning = KINDS[kind]
    values = {}
    for name in ("strength", "low", "high"):
        value = block.get(name)
        if name in block and not _is_number(value):
            problems.add(f"{key}.{name}", f"{value!r} is not a number ({meaning})")
        elif name in block and not minimum <= value <= maximum:
            problems.add(f"{key}.{name}", f"{value} is outside the admissible range {minimum}–{maximum} ({meaning})")
        else:
            values[name] = value
    if len(values) == 3 and None not in values.values() and not values["low"] <= values["strength"] <= values["high"]:
        problems.add(f"{key}.strength", f"need low ≤ strength ≤ high, got {values['low']}, "
                                        f"{values['strength']}, {values['high']}")
    if "source" in block and block["source"] not in known["sources"]:
        problems.add(f"{key}.source", f"{block['source']!r} is not in the sources table")
    for name, table in (("technologies", "technologies"), ("sub_technologies", "technologies"),
                        ("from", "technologies"), ("materials", "materials")):
        if name not in block:
            continue
        if not _names(block[name]):
            problems.add(f"{key}.{name}", "must be a non-empty list of ids")
            continue
        for index, item in enumerate(block[name]):
            if item not in known[table]:
                problems.add(f"{key}.{name}[{index}]", f"unknown id {item!r} (not in the {table} table)")
    if "to" in block and block["to"] not in known["technologies"]:
        problems.add(f"{key}.to", f"unknown id {block['to']!r} (not in the technologies table)")
    elif "to" in block and isinstance(block.get("from"), list) and block["to"] in block["from"]:
        problems.add(f"{key}.to", f"{block['to']!r} is also listed under 'from'")
    for name in ("name_en", "name_nl", "description", "note"):
        if name in block and not isinstance(block[name], str):
            problems.add(f"{key}.{name}", "must be text")
    if len(problems.items) > before:
        return None
    return Lever(
        id=key.split(".", 1)[1], kind=kind, name_en=block["name_en"], description=block["description"],
        start_year=block["start_year"], ramp_years=block["ramp_years"], strength=float(block["strength"]),
        low=float(block["low"]), high=float(block["high"]), source=block["source"],
        technologies=tuple(block.get("technologies", ())), materials=tuple(block.get("materials", ())),
        sub_technologies=tuple(block.get("sub_technologies", ())), from_=tuple(block.get("from", ())),
        to=block.get("to", ""), delay_years=block.get("delay_years", 0), note=block.get("note", ""),
    )


def load_levers(path: str | Path | None, known: dict[str, set[str]]) -> LeverLibrary:
    """Read and validate a lever definitions file (default: the shipped ``levers.yaml``).

    ``known`` holds the id sets ``technologies``, ``materials`` and ``sources`` of the data package.
    Raises :class:`LeverError` listing every problem with file, line and field.
    """
    path = LEVERS_FILE if path is None else Path(path)
    try:
        data, lines = read_yaml_with_lines(path, "lever file")
    except YamlFileError as error:
        raise LeverError([str(error)]) from None
    if not isinstance(data, dict):
        raise LeverError([f"{path.name}: expected a mapping with 'schema_version', 'levers' and 'packages'"])
    problems = _Problems(path, lines)
    for name in sorted(set(data) - {"schema_version", "levers", "packages"}, key=str):
        problems.add(name, "unknown top-level key (expected schema_version, levers, packages)")
    if data.get("schema_version") != 1:
        problems.add("schema_version", f"must be 1, got {data.get('schema_version')!r}")
    blocks = data.get("levers")
    if not isinstance(blocks, dict) or not blocks:
        problems.add("levers", "must be a non-empty mapping of lever id → lever block")
        blocks = {}
    levers = {}
    for lever_id, block in blocks.items():
        lever = _check_lever(problems, f"levers.{lever_id}", block, known)
        if lever is not None:
            levers[lever_id] = lever
    packages = {}
    package_blocks = data.get("packages") or {}
    if not isinstance(package_blocks, dict):
        problems.add("packages", "must be a mapping of package id → {levers: {lever id: strength}}")
        package_blocks = {}
    for package_id, block in package_blocks.items():
        key = f"packages.{package_id}"
        if not isinstance(block, dict) or not isinstance(block.get("levers"), dict) or not block["levers"]:
            problems.add(key, "must be a mapping with 'levers': {lever id: strength, ...}")
            continue
        for name in sorted(set(block) - PACKAGE_KEYS, key=str):
            problems.add(f"{key}.{name}", "unknown field (expected name_en, name_nl, description, levers, note)")
        chosen = {}
        for lever_id, strength in block["levers"].items():
            try:
                chosen[lever_id] = check_strength(levers, lever_id, strength, f"{key}.levers.{lever_id}")
            except LeverError as error:
                problems.add(f"{key}.levers.{lever_id}", error.problems[0].split(": ", 1)[1])
        packages[package_id] = chosen
    if problems.items:
        raise LeverError(problems.items)
    return LeverLibrary(path=path, levers=levers, packages=packages)


def check_strength(levers: dict[str, Lever], lever_id: str, strength, label: str) -> float:
    """The strength as a float, or :class:`LeverError` naming ``label`` (unknown lever, not a number, range)."""
    if lever_id not in levers:
        known = sorted(str(name) for name in levers)
        hint = difflib.get_close_matches(str(lever_id), known, n=1)
        raise LeverError([f"{label}: unknown lever {lever_id!r}" + (f" (did you mean '{hint[0]}'?)" if hint else "")
                          + f"; levers: {', '.join(known)}"])
    given = strength
    if isinstance(strength, str):
        try:
            strength = float(strength)
        except ValueError:
            strength = None
    if not _is_number(strength):
        raise LeverError([f"{label}: strength {given!r} is not a number"])
    lever = levers[lever_id]
    minimum, maximum = lever.bounds
    if not minimum <= strength <= maximum:
        raise LeverError([f"{label}: strength {strength} is outside the admissible range {minimum}–{maximum} of "
                          f"'{lever_id}' ({KINDS[lever.kind][2]})"])
    return float(strength)


def parse_choices(library: LeverLibrary, flags: list[str], package: str | None = None) -> list[tuple[Lever, float]]:
    """``--lever NAME[:STRENGTH]`` flags (default strength when omitted) and an optional named package,
    in the order given (package first). Raises :class:`LeverError` on the first bad flag."""
    chosen: list[tuple[Lever, float]] = []
    if package is not None:
        if package not in library.packages:
            raise LeverError([f"--package {package!r}: unknown package; packages: "
                              f"{', '.join(sorted(library.packages)) or 'none'}"])
        chosen += [(library.levers[name], strength) for name, strength in library.packages[package].items()]
    for flag in flags:
        name, sep, value = flag.partition(":")
        name = name.strip()
        lever_strength = value.strip() if sep else None
        if lever_strength is None and name in library.levers:
            lever_strength = library.levers[name].strength
        strength = check_strength(library.levers, name, lever_strength, f"--lever {flag!r}")
        chosen.append((library.levers[name], strength))
    return chosen
