"""Several materials or scenarios in one chart: the series of the compare page, taken unchanged from the results
the single-material pages show (so both always agree).

Two comparisons:

* ``materials``: 2–6 materials, one scenario — regional demand, end-of-life content or recoverable material per
  year (t/yr, median with P5–P95 of the Monte Carlo summary of ``crmradar.region``), or the official supply risk
  (SR) or economic importance (EI) of the EU assessments per assessment year (dimensionless; EC 2011–2023);
* ``scenarios``: 2–6 scenarios, one material — the same model quantities per scenario.

The numbers are not recomputed here: model series are the ``materials`` rows of the demand computation
(``crmradar.web.computations.demand``, also behind ``/energy/``), SR/EI series the ``history`` block of the
material profile (``crmradar.reports.material_profile``, behind ``/material/<id>/``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from crmradar.reports import labels

MIN_ITEMS, MAX_ITEMS = 2, 6
MODES = ("materials", "scenarios")
MODEL_METRICS = ("demand", "end_of_life", "recoverable")
HISTORY_METRICS = ("supply_risk", "economic_importance")
METRICS = MODEL_METRICS + HISTORY_METRICS
METRIC_NAMES = {
    "demand": ("vraag in Zuid-Holland", "demand in Zuid-Holland"),
    "end_of_life": ("einde levensduur in Zuid-Holland", "end of life in Zuid-Holland"),
    "recoverable": ("terugwinbaar in Zuid-Holland", "recoverable in Zuid-Holland"),
    "supply_risk": ("leveringsrisico (SR), EU-beoordelingen", "supply risk (SR), EU assessments"),
    "economic_importance": ("economisch belang (EI), EU-beoordelingen", "economic importance (EI), EU assessments"),
}
UNITS = {"demand": "t/yr", "end_of_life": "t/yr", "recoverable": "t/yr"}


class CompareError(ValueError):
    """An invalid choice on the compare form: ``field`` names the form field, ``code`` the kind of problem."""

    def __init__(self, field: str, code: str):
        super().__init__(f"{field}: {code}")
        self.field, self.code = field, code


@dataclass(frozen=True)
class Selection:
    mode: str
    metric: str
    materials: tuple[str, ...]
    scenarios: tuple[str, ...]

    @property
    def items(self) -> tuple[str, ...]:
        return self.materials if self.mode == "materials" else self.scenarios


def select(mode: str, metric: str, materials: Sequence[str], scenarios: Sequence[str],
           known_materials: set[str], known_scenarios: Sequence[str]) -> Selection:
    """Check a choice; raises :class:`CompareError` naming the field. Duplicates are dropped, order kept.

    Comparing materials takes 2–6 materials and exactly one scenario; comparing scenarios 2–6 scenarios and
    exactly one material (SR and EI are not scenario results, so they compare materials only)."""
    if mode not in MODES:
        raise CompareError("mode", "unknown")
    if metric not in METRICS:
        raise CompareError("metric", "unknown")
    if mode == "scenarios" and metric in HISTORY_METRICS:
        raise CompareError("metric", "history_per_material")
    chosen_m = tuple(dict.fromkeys(m for m in materials if m))
    chosen_s = tuple(dict.fromkeys(s for s in scenarios if s))
    if any(m not in known_materials for m in chosen_m):
        raise CompareError("m", "unknown")
    if any(s not in known_scenarios for s in chosen_s):
        raise CompareError("s", "unknown")
    field, items, other = ("m", chosen_m, chosen_s) if mode == "materials" else ("s", chosen_s, chosen_m)
    if len(items) < MIN_ITEMS:
        raise CompareError(field, "too_few")
    if len(items) > MAX_ITEMS:
        raise CompareError(field, "too_many")
    if len(other) != 1 and metric not in HISTORY_METRICS:
        raise CompareError("s" if mode == "materials" else "m", "one")
    return Selection(mode, metric, chosen_m, chosen_s)


def model_series(results: Mapping[str, dict], selection: Selection, lang: str = "nl") -> list[dict]:
    """Rows ``{series, key, year, p5, p50, p95}`` per material (or scenario) and year, from the demand results
    per scenario (the ``materials`` rows of ``computations.demand``); every year of the model is kept."""
    rows = []
    for scenario in selection.scenarios:
        for row in results[scenario]["materials"]:
            if row["metric"] != selection.metric or row["material_id"] not in selection.materials:
                continue
            key = row["material_id"] if selection.mode == "materials" else scenario
            kind = "material" if selection.mode == "materials" else "scenario"
            rows.append({"series": _capfirst(labels.label(kind, key, lang)), "key": key, "year": int(row["year"]),
                         "p5": row.get("p5"), "p50": row.get("p50"), "p95": row.get("p95")})
    order = {key: i for i, key in enumerate(selection.items)}
    return sorted(rows, key=lambda r: (order[r["key"]], r["year"]))


def history_series(history: Mapping[str, list[dict]], selection: Selection, lang: str = "nl") -> list[dict]:
    """Rows ``{series, key, year, p50}`` of the official SR or EI per material and assessment year (the
    material profile's ``history`` rows; years without a value are left out)."""
    rows = []
    for material in selection.materials:
        for row in history.get(material, []):
            value = row.get(selection.metric)
            if value is None:
                continue
            rows.append({"series": _capfirst(labels.label("material", material, lang)), "key": material,
                         "year": int(row["year"]), "p5": None, "p50": value, "p95": None})
    return rows


def missing_items(rows: list[dict], selection: Selection) -> list[str]:
    """Chosen materials or scenarios without any value for the metric (named on the page, never drawn as zero)."""
    present = {r["key"] for r in rows}
    return [item for item in selection.items if item not in present]


def _capfirst(text: str) -> str:
    """Legend entries start with a capital ("Kobalt"); prose keeps the lower-case name ("kobalt")."""
    return text[:1].upper() + text[1:]


def metric_name(metric: str, lang: str = "nl") -> str:
    return METRIC_NAMES[metric][1 if lang == "en" else 0]
