"""Export-control shocks: what a measure is, where its parameters come from, and the supply loss it causes.

A shock removes part of one supplier country's exports of a material at one stage of the chain
(methods.md §7). For an importer (the EU, the Netherlands) and model year y:

    supply_loss[y] = sourcing_share × fraction × reach × (1 − rerouting) × exposed_months[y] / 12

* ``sourcing_share`` — the importer's share of supply coming from the restricting country
  (EC 2023 CRM study, Appendix 7, ``eu_sourcing``; for the Netherlands CEPII BACI import shares where the
  material is in ``trade_flows``, else the EU share),
* ``fraction`` — share of that country's exports the measure stops (1 = full ban),
* ``reach`` — 1 when the importer is among the target countries, else a spill-over share (tighter world
  market after a ban on other buyers),
* ``rerouting`` — share of the lost volume replaced by other suppliers or routes within the period,
* ``exposed_months`` — months of the year in which the measure is in force and no longer covered by a
  stockpile (a stockpile of S months covers the first S months of the shock).

Losses are fractions of the importer's annual supply. Several rows of one material add up, capped at 1.
Uncertain parameters are triangular and sampled per Monte Carlo draw (:func:`sample_shock`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from crmradar.methods.sampling import Triangular

STAGES = ("extraction", "processing")
EU27 = frozenset({"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
                  "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"})


@dataclass(frozen=True)
class Parameter:
    """A default parameter of the shock replay: triangular range, provenance and reason."""

    name: str
    low: float
    mode: float
    high: float
    unit: str
    source_id: str
    quality: str
    note: str

    def triangular(self) -> Triangular:
        return Triangular.of(self.low, self.mode, self.high)

    def describe(self) -> dict:
        return {"parameter": self.name, "low": self.low, "mode": self.mode, "high": self.high, "unit": self.unit,
                "source_id": self.source_id, "quality": self.quality, "note": self.note}


_LICENCE_NOTE = (
    "a licence requirement is not a ban: China's gallium and germanium exports were zero in August 2023 "
    "(GAC customs data), gallium export value fell 66 % and germanium 8.2 % over 2023, and gallium exports were "
    "back near record level by August 2024; over a multi-year replay a 20-70 % cut of exports, most likely ~40 %"
)

#: Share of the restricting country's exports a measure stops, by ``measure_type`` of the register.
FRACTION_BY_MEASURE_TYPE: dict[str, Parameter] = {
    "licence_requirement": Parameter("fraction.licence_requirement", 0.2, 0.4, 0.7, "fraction",
                                     "gac_2023_ga_ge_exports", "assumption", _LICENCE_NOTE),
    "export_ban": Parameter("fraction.export_ban", 0.8, 1.0, 1.0, "fraction", "crmradar_shock_estimate",
                            "assumption", "a ban stops nearly all exports; leakage, exempt grades and stocks in "
                                          "transit leave up to 20 %"),
    "ban_named_countries": Parameter("fraction.ban_named_countries", 0.9, 1.0, 1.0, "fraction",
                                     "crmradar_shock_estimate", "assumption",
                                     "full ban towards the named countries; up to 10 % leakage"),
    "quota": Parameter("fraction.quota", 0.3, 0.5, 0.7, "fraction", "crmradar_shock_estimate", "assumption",
                       "a quota cuts exports by the gap between quota and normal exports; 30-70 % without a "
                       "per-measure comparison"),
    "technology_ban": Parameter("fraction.technology_ban", 0.0, 0.0, 0.0, "fraction", "crmradar_shock_estimate",
                                "assumption", "controls technology transfer, not material flows: no direct "
                                              "supply loss"),
}
REROUTING = Parameter("rerouting", 0.0, 0.1, 0.3, "fraction", "crmradar_shock_estimate", "assumption",
                      "share of the lost volume replaced within the shock period by other producers or routes; "
                      "small for by-product metals whose non-Chinese capacity is small")
SPILLOVER = Parameter("spillover", 0.0, 0.05, 0.2, "fraction", "crmradar_shock_estimate", "assumption",
                      "an importer not targeted by a ban still loses supply when targeted buyers bid for the "
                      "remaining non-restricted volume")


class ShockError(ValueError):
    """A shock that cannot be replayed; the message names the option or register field."""


@dataclass(frozen=True)
class ShockRow:
    """One material of a shock."""

    country: str
    material: str
    stage: str  # extraction | processing | product | technology (as in the register)
    fraction: Parameter
    targets: tuple[str, ...]  # ('all',) or ISO3 codes
    start: tuple[int, int]  # (year, month), first month in force
    end: tuple[int, int]  # (year, month), last month in force


@dataclass(frozen=True)
class Shock:
    """An export-control shock: one or more material rows and the importer-side levers."""

    label: str
    rows: tuple[ShockRow, ...]
    rerouting: Parameter = REROUTING
    stockpile_months: float = 0.0
    substitution: float = 0.0  # share of the unmet material demand bridged by substitutes (0–1)
    notes: tuple[str, ...] = field(default_factory=tuple)
    # register replays: a material without supply shares at its stage falls back to the other stage, or is
    # reported as not quantified, instead of stopping the whole measure
    lenient: bool = False

    @property
    def materials(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.material for row in self.rows))


def fixed(name: str, value: float, unit: str = "fraction") -> Parameter:
    """A user-set parameter (no range)."""
    return Parameter(name, value, value, value, unit, "user_input", "assumption", "set on the command line")


def parse_month(text: str, field_name: str, last: bool = False) -> tuple[int, int]:
    """'2026' or '2026-03' → (year, month); a bare year means January (``last``: December)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", text.strip())
    if not match:
        raise ShockError(f"{field_name}: {text!r} is not a year (2026) or year-month (2026-03)")
    year, month = int(match.group(1)), int(match.group(2) or (12 if last else 1))
    if not 1 <= month <= 12:
        raise ShockError(f"{field_name}: month {month} in {text!r} is not 1-12")
    return year, month


def exposure_by_year(start: tuple[int, int], end: tuple[int, int], stockpile_months: float,
                     years: np.ndarray) -> np.ndarray:
    """Fraction of each year in which the shock bites: months in force after the stockpile is used up, / 12.

    A month counts fully once the stockpile is exhausted; the month in which it runs out counts for the
    uncovered part. Returns an array shaped like ``years`` with values in [0, 1].
    """
    first = start[0] * 12 + start[1] - 1
    last = end[0] * 12 + end[1] - 1
    months = np.arange(first, last + 1)
    uncovered = np.clip(months - first + 1 - stockpile_months, 0.0, 1.0)
    by_year = np.zeros(len(years))
    index = np.searchsorted(years, months // 12)
    inside = (index < len(years)) & (years[np.minimum(index, len(years) - 1)] == months // 12)
    np.add.at(by_year, index[inside], uncovered[inside])
    return by_year / 12.0


def supply_loss(share: np.ndarray, fraction: np.ndarray, reach: np.ndarray, rerouting: np.ndarray,
                exposure: np.ndarray) -> np.ndarray:
    """Loss as a fraction of the importer's annual supply, (D, T) from per-draw (D,) inputs and exposure (T,).

    loss = share × fraction × reach × (1 − rerouting) × exposure.
    """
    per_draw = np.asarray(share) * np.asarray(fraction) * np.asarray(reach) * (1.0 - np.asarray(rerouting))
    return per_draw[..., None] * np.asarray(exposure)[None, :]


def _rounding_half_width(published: object) -> float:
    """Half a unit of the last published digit of a percentage ('69%' → 0.005, '93.8%' → 0.0005)."""
    text = str(published or "").strip().rstrip("%")
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        return 0.005
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10.0 ** (-decimals) / 100.0


def eu_sourcing_share(kb, material: str, stage: str, country: str) -> tuple[Parameter, str]:
    """EU sourcing share of ``country`` for ``material`` at ``stage`` with its rounding range, and the basis.

    Falls back to the global supply share when the EC study lists no EU sourcing at that stage.
    """
    shares = kb.supply_shares
    rows = shares.loc[(shares["material_id"] == material) & (shares["stage"] == stage)]
    basis = "eu_sourcing"
    if not (rows["scope"] == "eu_sourcing").any():
        basis = "global_supply"
        if not (rows["scope"] == "global_supply").any():
            raise ShockError(f"material {material!r}: no supply shares at stage {stage!r} in supply_shares")
    hit = rows.loc[(rows["scope"] == basis) & (rows["country_iso3"] == country)]
    if hit.empty:
        return Parameter(f"share.{basis}.{material}.{country}", 0.0, 0.0, 0.0, "fraction", "ec2023_crm_study",
                         "reported", f"{country} is not among the listed {basis} countries"), basis
    row = hit.iloc[0]
    value = float(row["share"])
    if pd.notna(row["low"]) and pd.notna(row["high"]):
        low, high = float(row["low"]), float(row["high"])
    elif value >= 1.0:
        low = high = 1.0  # a sole supplier: no other country to take a rounding remainder
    else:
        width = _rounding_half_width(row["share_as_published"])
        low, high = max(value - width, 0.0), min(value + width, 1.0)
    return Parameter(f"share.{basis}.{material}.{country}", low, value, high, "fraction", str(row["source_id"]),
                     str(row["quality"]), "± half the last published digit"), basis


def nl_import_share(kb, material: str, country: str) -> tuple[float, int] | None:
    """Share of the Netherlands' imports (CEPII BACI, by quantity) coming from ``country``, latest year.

    None when ``trade_flows`` has no Dutch imports of the material.
    """
    flows = kb.trade_flows
    nl = flows.loc[(flows["material_id"] == material) & (flows["importer_iso3"] == "NLD")]
    if nl.empty:
        return None
    year = int(nl["year"].max())
    latest = nl.loc[nl["year"] == year]
    total = float(latest["quantity_t"].sum())
    if total <= 0:
        return None
    return float(latest.loc[latest["exporter_iso3"] == country, "quantity_t"].sum()) / total, year


def _last_month_before(day: pd.Timestamp) -> tuple[int, int]:
    previous = day - pd.Timedelta(days=1)
    return previous.year, previous.month


def shock_from_measure(kb, measure_id: str, open_end_year: int) -> Shock:
    """The register measure ``measure_id`` as a shock (one row per material).

    The measure applies from ``date_in_force`` (else ``date_announced``) until ``date_end``, the start of a
    suspension or lifting (``status_since``), or — still active — the end of ``open_end_year``.
    """
    register = kb.export_restrictions
    rows = register.loc[register["measure_id"] == measure_id]
    if rows.empty:
        known = sorted(register["measure_id"].unique())
        raise ShockError(f"--measure: unknown measure id {measure_id!r}; known: {', '.join(known)}")
    shock_rows, notes = [], []
    for _, row in rows.iterrows():
        begin = row["date_in_force"] if pd.notna(row["date_in_force"]) else row["date_announced"]
        if pd.isna(begin):
            raise ShockError(f"export_restrictions: measure {measure_id!r} ({row['material_id']}) has no "
                             "date_in_force or date_announced; replay it as a custom shock with --from")
        if pd.notna(row["date_end"]):
            end = (row["date_end"].year, row["date_end"].month)
        elif row["status"] in ("suspended", "lifted") and pd.notna(row["status_since"]):
            end = _last_month_before(row["status_since"])
            notes.append(f"{row['material_id']}: {row['status']} since {row['status_since'].date()}")
        else:
            end = (open_end_year, 12)
        if end < (begin.year, begin.month):
            end = (begin.year, begin.month)
        fraction = FRACTION_BY_MEASURE_TYPE.get(row["measure_type"])
        if fraction is None:
            raise ShockError(f"export_restrictions: measure {measure_id!r}: measure_type {row['measure_type']!r} "
                             f"has no default fraction; known: {', '.join(FRACTION_BY_MEASURE_TYPE)}")
        if row["stage"] == "product":
            notes.append(f"{row['material_id']}: product-stage control replayed on processing-stage shares")
        if row["stage"] == "technology":
            notes.append(f"{row['material_id']}: technology control, no direct material supply loss")
        shock_rows.append(ShockRow(country=row["country_iso3"], material=row["material_id"], stage=row["stage"],
                                   fraction=fraction, targets=tuple(str(row["target_countries"]).split("|")),
                                   start=(begin.year, begin.month), end=end))
    return Shock(label=measure_id, rows=tuple(shock_rows), notes=tuple(notes), lenient=True)


def reaches(targets: tuple[str, ...], importer: str) -> bool:
    """Whether a measure with these target countries applies to ``importer`` ('EU27' or an ISO3 code)."""
    if "all" in targets:
        return True
    if importer == "EU27":
        return bool(EU27.intersection(targets)) or "EU27" in targets
    return importer in targets or (importer in EU27 and "EU27" in targets)


def validate_custom(kb, country: str, materials: list[str], stage: str, fraction: float,
                    start: tuple[int, int], end: tuple[int, int]) -> None:
    """Raise :class:`ShockError` naming the option for every bad field of a custom shock."""
    if country not in set(kb.countries["iso3"]):
        raise ShockError(f"--country: {country!r} is not an ISO 3166-1 alpha-3 code in the countries table")
    known = set(kb.materials["id"])
    for material in materials:
        if material not in known:
            raise ShockError(f"--material: unknown material id {material!r} (see `crmradar catalog`)")
    if stage not in STAGES:
        raise ShockError(f"--stage: {stage!r} must be one of {', '.join(STAGES)}")
    if not 0.0 <= fraction <= 1.0:
        raise ShockError(f"--fraction: {fraction} must lie between 0 and 1")
    if end < start:
        raise ShockError(f"--until {end[0]}-{end[1]:02d} is before --from {start[0]}-{start[1]:02d}")
