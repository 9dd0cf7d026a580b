"""Scenario files (YAML) for the regional energy-transition model: loading and validation.

The schema is documented in ``docs/scenarios.md``. Every problem is reported with the file, the line
and the key path (e.g. ``targets.yaml: line 42: technologies.bev_car.trajectory[2].low: ...``), and a
scenario with any problem is refused as a whole.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from pathlib import Path

from crmradar.data import KnowledgeBase
from crmradar.data.yaml_lines import YamlFileError, read_yaml_with_lines
from crmradar.region.nuts import canonical_region, correspondence_of

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"
TOP_KEYS = {"schema_version", "id", "name_en", "name_nl", "description", "region", "start_year", "end_year",
            "drivers", "technologies", "mix"}
REQUIRED_TOP = TOP_KEYS - {"drivers", "mix"}
SERIES_KEYS = {"quantity", "unit", "trajectory", "note"}
ANCHOR_KEYS = {"year", "value", "low", "high", "source", "note"}
QUANTITIES = {"installed_stock", "annual_additions", "put_on_market_per_capita", "population"}
# Largest admissible anchor value: far above any regional stock (kWh, MW, vehicles, persons), far below
# the float range, so a typo like 1e308 is refused instead of overflowing to inf in the model.
MAX_VALUE = 1e12


class ScenarioError(ValueError):
    """A scenario file with problems; ``problems`` lists every message."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Scenario:
    """A validated scenario (plain data, as in the file)."""

    path: Path
    data: dict
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def years(self) -> tuple[int, int]:
        return int(self.data["start_year"]), int(self.data["end_year"])




def scenario_path(name_or_path: str | Path) -> Path:
    """A shipped scenario id (``targets``) or a path to a YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return candidate
    shipped = SCENARIO_DIR / f"{name_or_path}.yaml"
    if not shipped.exists():
        known = ", ".join(sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml")))
        raise ScenarioError([f"unknown scenario {str(name_or_path)!r}; shipped scenarios: {known}"])
    return shipped


class _Checker:
    def __init__(self, path: Path, lines: dict[str, int]):
        self.path, self.lines, self.problems = path, lines, []

    def add(self, key: str, reason: str) -> None:
        key = str(key)  # YAML keys may be numbers or booleans
        probe = key
        while probe and probe not in self.lines:
            probe = probe.rsplit(".", 1)[0] if "." in probe else probe.rsplit("[", 1)[0] if "[" in probe else ""
        line = self.lines.get(probe)
        where = f"{self.path.name}: line {line}: " if line else f"{self.path.name}: "
        self.problems.append(f"{where}{key}: {reason}" if key else f"{where}{reason}")

    def number(self, key: str, value, unit: str) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(key, f"{value!r} is not a number (unit {unit})")
            return None
        if not math.isfinite(value):
            self.add(key, f"{value!r} is not a finite number (unit {unit})")
            return None
        if value < 0:
            self.add(key, f"{value} is negative")
            return None
        if value > MAX_VALUE:
            self.add(key, f"{value:g} exceeds the largest admissible value {MAX_VALUE:g} (unit {unit})")
            return None
        return float(value)


def _unknown(checker: _Checker, key: str, found: set, allowed: set) -> None:
    for extra in sorted(found - allowed, key=str):  # YAML keys may be numbers or booleans (yes: …)
        close = difflib.get_close_matches(str(extra), sorted(allowed), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        checker.add(f"{key}.{extra}" if key else str(extra), f"unknown key{hint}")


def _check_series(checker: _Checker, key: str, series, unit: str | None, start: int, end: int, sources: set) -> None:
    if not isinstance(series, dict):
        checker.add(key, "must be a mapping with quantity, unit and trajectory")
        return
    _unknown(checker, key, set(series), SERIES_KEYS)
    for required in ("quantity", "unit", "trajectory"):
        if required not in series:
            checker.add(key, f"missing required key '{required}'")
    quantity = series.get("quantity")
    if quantity is not None and quantity not in QUANTITIES:
        checker.add(f"{key}.quantity", f"{quantity!r} is not one of {sorted(QUANTITIES)}")
    expected = {"put_on_market_per_capita": "kg/capita", "population": "persons"}.get(quantity, unit)
    if "unit" in series and expected is not None and series["unit"] != expected:
        checker.add(f"{key}.unit", f"{series['unit']!r} but the technology is measured in {expected}")
    trajectory = series.get("trajectory")
    if trajectory is None:
        return
    if not isinstance(trajectory, list) or len(trajectory) < 2:
        checker.add(f"{key}.trajectory", "needs a list of at least two anchors")
        return
    years: list[int] = []
    for index, anchor in enumerate(trajectory):
        akey = f"{key}.trajectory[{index}]"
        if not isinstance(anchor, dict):
            checker.add(akey, "must be a mapping {year, value, low, high, source}")
            continue
        _unknown(checker, akey, set(anchor), ANCHOR_KEYS)
        missing = [k for k in ("year", "value", "low", "high", "source") if k not in anchor]
        for name in missing:
            checker.add(akey, f"missing required key '{name}'")
        year = anchor.get("year")
        if "year" in anchor:
            if isinstance(year, bool) or not isinstance(year, int):
                checker.add(f"{akey}.year", f"{year!r} is not an integer year")
            elif years and year <= years[-1]:
                verb = "repeats an earlier anchor" if year in years else f"is before the previous anchor {years[-1]}"
                checker.add(f"{akey}.year", f"{year} {verb}")
            else:
                years.append(year)
        shown = expected or "see technologies table"
        values = {k: checker.number(f"{akey}.{k}", anchor[k], shown) for k in ("value", "low", "high") if k in anchor}
        low, value, high = values.get("low"), values.get("value"), values.get("high")
        if None not in (low, value) and low > value:
            checker.add(f"{akey}.low", f"{low:g} exceeds value {value:g}")
        if None not in (high, value) and high < value:
            checker.add(f"{akey}.high", f"{high:g} is below value {value:g}")
        if "source" in anchor and anchor["source"] not in sources:
            checker.add(f"{akey}.source", f"{anchor['source']!r} is not in the sources table")
    if years and years[0] > start:
        checker.add(f"{key}.trajectory", f"first anchor {years[0]} is after start_year {start}")
    if years and years[-1] < end:
        checker.add(f"{key}.trajectory", f"last anchor {years[-1]} is before end_year {end}")


def known_regions(kb: KnowledgeBase) -> list[str]:
    """Region codes the data package has model inputs for (deployment history, catchment population)."""
    codes = set(kb.deployment_history["region"]) | set(kb.catchment_population["region_id"])
    return sorted(str(code) for code in codes)


def _check_region(checker: _Checker, region, kb: KnowledgeBase) -> None:
    known = known_regions(kb)
    if isinstance(region, str):
        region = canonical_region(region, correspondence_of(kb))[0]  # NL33 (NUTS 2021) is NL36
    if not isinstance(region, str) or region not in known:
        close = difflib.get_close_matches(str(region), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        checker.add("region", f"{region!r} is not a region of the data package{hint}; known: {', '.join(known)}")


def _check_mix(checker: _Checker, mix, kb: KnowledgeBase) -> None:
    if not isinstance(mix, dict):
        checker.add("mix", "must be a mapping of technology or family id → {variant} or {shares}")
        return
    shares = kb.technology_shares
    techs = kb.technologies.set_index("id")
    for family, choice in mix.items():
        key = f"mix.{family}"
        variants = sorted(set(shares.loc[shares["technology_id"] == family, "scenario"]))
        if family not in techs.index or not variants:
            checker.add(key, f"no sub-technology mix for '{family}'; mixable: {sorted(set(shares['technology_id']))}")
            continue
        if not isinstance(choice, dict) or len(set(choice) & {"variant", "shares"}) != 1:
            checker.add(key, "give exactly one of 'variant' or 'shares'")
            continue
        _unknown(checker, key, set(choice), {"variant", "shares", "note"})
        if "variant" in choice and choice["variant"] not in variants:
            checker.add(f"{key}.variant", f"{choice['variant']!r} not in technology_shares; available: "
                        f"{', '.join(variants)}")
        if "shares" in choice:
            _check_shares(checker, key, family, choice["shares"], techs, shares)


def _check_shares(checker: _Checker, key: str, family: str, anchors, techs, shares_table) -> None:
    # members: sub-technologies listed for this family in technology_shares, or whose parent is the family
    # (battery chemistries hang under a common 'battery_cell' parent but are mixed per family)
    listed = set(shares_table.loc[shares_table["technology_id"] == family, "sub_technology_id"])
    members = listed | set(techs.index[(techs["parent"] == family) & (techs["kind"] == "sub_technology")])
    if not isinstance(anchors, list) or not anchors:
        checker.add(f"{key}.shares", "needs a list of share anchors")
        return
    names = None
    for index, anchor in enumerate(anchors):
        akey = f"{key}.shares[{index}]"
        if not isinstance(anchor, dict) or "year" not in anchor:
            checker.add(akey, "must be a mapping with 'year' and sub-technology shares")
            continue
        parts = {k: v for k, v in anchor.items() if k not in ("year", "source", "note")}
        for name in sorted(set(parts) - members):
            checker.add(f"{akey}.{name}", f"not a sub-technology of '{family}'; known: {', '.join(sorted(members))}")
        numbers = [checker.number(f"{akey}.{k}", v, "fraction") for k, v in parts.items()]
        if all(n is not None for n in numbers):
            if any(n > 1 for n in numbers):
                checker.add(akey, "a share exceeds 1")
            elif abs(sum(numbers) - 1.0) > 1e-6:
                checker.add(akey, f"shares sum to {sum(numbers):.4g}, expected 1")
        if names is not None and set(parts) != names:
            checker.add(akey, "every anchor must name the same sub-technologies")
        names = set(parts)


def load_scenario(name_or_path: str | Path, kb: KnowledgeBase) -> Scenario:
    """Read and validate a scenario; raise :class:`ScenarioError` listing every problem."""
    path = scenario_path(name_or_path)
    try:
        data, lines = read_yaml_with_lines(path)
    except YamlFileError as error:
        raise ScenarioError([str(error)]) from error
    if not isinstance(data, dict) or not lines:
        raise ScenarioError([f"{path.name}: a scenario must be a YAML mapping"])
    checker = _Checker(path, lines)
    _unknown(checker, "", set(data), TOP_KEYS)
    for key in sorted(REQUIRED_TOP - set(data)):
        checker.add("", f"missing required key '{key}'")
    if data.get("schema_version") not in (None, 1):
        checker.add("schema_version", f"{data.get('schema_version')!r} is not supported (use 1)")
    if "id" in data and data["id"] != path.stem:
        checker.add("id", f"{data['id']!r} must equal the file name '{path.stem}'")
    if "region" in data:
        _check_region(checker, data["region"], kb)
    start, end = data.get("start_year"), data.get("end_year")
    if not all(isinstance(y, int) and not isinstance(y, bool) and 1990 <= y <= 2100 for y in (start, end)):
        checker.add("start_year", "start_year and end_year must be integers within 1990–2100")
        start, end = 2020, 2050
    elif start >= end:
        checker.add("end_year", f"end_year {end} must be after start_year {start}")
    sources = set(kb.sources["id"])
    techs = kb.technologies.set_index("id")
    drivers = data.get("drivers") or {}
    for name, series in (drivers.items() if isinstance(drivers, dict) else []):
        _check_series(checker, f"drivers.{name}", series, "persons", start, end, sources)
    technologies = data.get("technologies")
    if not isinstance(technologies, dict) or not technologies:
        checker.add("technologies", "must be a non-empty mapping of technology id → series")
        technologies = {}
    deployable = sorted(techs.index[techs["kind"] == "technology"])
    for name, series in technologies.items():
        key = f"technologies.{name}"
        if name not in techs.index:
            close = difflib.get_close_matches(str(name), deployable, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; known: {', '.join(deployable)}"
            checker.add(key, f"unknown technology{hint}")
            continue
        if techs.at[name, "kind"] != "technology":
            checker.add(key, f"'{name}' is a {techs.at[name, 'kind']}; deploy technologies and set shares under mix")
            continue
        _check_series(checker, key, series, techs.at[name, "unit"], start, end, sources)
        per_capita = isinstance(series, dict) and series.get("quantity") == "put_on_market_per_capita"
        if per_capita and "population" not in drivers:
            checker.add(key, "uses put_on_market_per_capita but drivers.population is missing")
    if "mix" in data and data["mix"] is not None:
        _check_mix(checker, data["mix"], kb)
    if checker.problems:
        raise ScenarioError(checker.problems)
    return Scenario(path=path, data=data, lines=checker.lines)
