"""A custom export-control shock from user fields — the options of ``crmradar shock --country … --material …`` and
the custom-shock form of the shocks page — checked once for both (:func:`crmradar.scenarios.shock.validate_custom`,
``parse_month``) and built the same way: one row per material with a fixed (user-set) export cut.

Errors are :class:`~crmradar.scenarios.shock.ShockError` whose message starts with the option name
(``--country: …``); :func:`error_field` turns that into the form field.
"""

from __future__ import annotations

from crmradar.scenarios.shock import Shock, ShockError, ShockRow, fixed, parse_month, validate_custom
from crmradar.scenarios.shock_replay import MODEL_YEARS

OPTION_FIELDS = {"--country": "country", "--material": "material", "--stage": "stage", "--fraction": "fraction",
                 "--from": "start", "--until": "until", "--targets": "targets"}


def custom_shock(kb, country: str | None, materials: list[str] | None, stage: str, fraction: float | None,
                 start_text: str | None, until_text: str | None, targets: str = "all") -> Shock:
    """The shock ``country`` stops ``fraction`` (0–1) of its exports of ``materials`` at ``stage`` from
    ``start_text`` (year or year-month) to ``until_text`` (default: December of the start year) to ``targets``
    (``all``, ``EU27`` or comma-separated ISO3 codes)."""
    missing = [name for name, value in (("--country", country), ("--material", materials),
                                        ("--fraction", fraction), ("--from", start_text)) if not value and value != 0]
    if missing:
        raise ShockError(f"{missing[0]}: a custom shock needs {', '.join(missing)} (or use --measure ID)")
    start = parse_month(start_text, "--from")
    end = parse_month(until_text, "--until", last=True) if until_text else (start[0], 12)
    country = country.upper()
    validate_custom(kb, country, list(materials), stage, fraction, start, end)
    target_codes = tuple(t.strip().upper() for t in targets.split(",")) if targets != "all" else ("all",)
    unknown = [t for t in target_codes if t != "all" and t != "EU27" and t not in set(kb.countries["iso3"])]
    if unknown:
        raise ShockError(f"--targets: unknown ISO3 code(s) {', '.join(unknown)}; use 'all', EU27 or ISO3 codes")
    label = f"{country}-{'+'.join(materials)}-{start[0]}"
    parameter = fixed("fraction.custom", fraction)
    rows = tuple(ShockRow(country, m, stage, parameter, target_codes, start, end) for m in materials)
    shock = Shock(label=label, rows=rows)
    check_years(shock)
    return shock


def check_years(shock: Shock) -> None:
    """Raise when a row's period lies wholly outside the model years (nothing to replay)."""
    for row in shock.rows:
        if row.end[0] < MODEL_YEARS[0] or row.start[0] > MODEL_YEARS[1]:
            raise ShockError(f"--from: {shock.label}: period {row.start[0]}-{row.end[0]} lies outside the model "
                             f"years {MODEL_YEARS[0]}-{MODEL_YEARS[1]}")


def error_field(error: ShockError) -> str:
    """The form field an error names (``--fraction: …`` → ``fraction``); unknown prefixes → ``country``."""
    return OPTION_FIELDS.get(str(error).split(":", 1)[0].split(" ", 1)[0], "country")
