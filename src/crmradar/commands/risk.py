"""``crmradar risk``: raw materials critical for a region (default Zuid-Holland, NL36) beside the EU list.

EU method (EC 2017 guidelines) with the region's value added per NACE division for EI, the EU
supply risk recomputed from the package, and Monte Carlo probabilities of being critical.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer

from crmradar import data as kb_data
from crmradar.commands._common import (
    OutputFormat,
    cli_language,
    console,
    emit,
    error_console,
    fail,
    write_table_atomic,
)
from crmradar.region.criticality_assessment import GOVERNANCE_SOURCE, regional_assessment
from crmradar.region.economic_importance import RegionalDataError, read_value_added_csv
from crmradar.region.nuts import HOME_REGION, canonical_region_nl, correspondence_of
from crmradar.region.value_added import value_added_template
from crmradar.reports.numbers import format_number

TABLE_COLUMNS = {
    "economic_importance_region": "EI region",
    "supply_risk": "SR (recomputed)",
    "p_critical_region": "P(critical) region",
    "driving_sectors": "driving sectors",
    "official_supply_risk": "SR EU official",
    "official_economic_importance": "EI EU official",
    "eu_economic_importance": "EI EU recomputed",
    "p_critical_eu": "P(critical) EU",
    "critical_official": "EU critical",
}
TABLE_COLUMNS_NL = {
    "economic_importance_region": "EI regio",
    "supply_risk": "SR (herberekend)",
    "p_critical_region": "P(kritiek) regio",
    "driving_sectors": "bepalende sectoren",
    "official_supply_risk": "SR EU officieel",
    "official_economic_importance": "EI EU officieel",
    "eu_economic_importance": "EI EU herberekend",
    "p_critical_eu": "P(kritiek) EU",
    "critical_official": "kritiek EU",
}
REGIONAL_COLUMNS = ("economic_importance_region", "p_critical_region", "driving_sectors")
# csv/json carry every probability; the Rich table keeps to what fits on a screen.
DATA_COLUMNS = [
    "economic_importance_region", "supply_risk", "critical_region", "p_supply_risk",
    "p_economic_importance_region", "p_critical_region", "driving_sectors", "missing_sectors",
    "official_supply_risk", "official_economic_importance", "eu_economic_importance",
    "p_economic_importance_eu", "p_critical_eu", "critical_official", "critical_recomputed",
]


def risk_command(
    region: str = typer.Option(
        HOME_REGION, "--region",
        help="NUTS 2024 code of the region (NL36 = Zuid-Holland; the NUTS 2021 code NL33 is accepted as an alias).",
    ),
    value_added: Path | None = typer.Option(
        None,
        "--value-added",
        help="CSV with region_code,nace_code,year,value_added_meur (EUR million) replacing the package table.",
    ),
    template: Path | None = typer.Option(
        None,
        "--value-added-template",
        help="Write the CSV rows to fill in for --value-added (region sections, national sections and divisions) "
        "and stop.",
    ),
    year: int | None = typer.Option(None, "--year", help="Year of the regional value added (default: latest)."),
    draws: int = typer.Option(10_000, "--draws", min=100, help="Monte Carlo draws."),
    seed: int = typer.Option(0, "--seed", help="Random seed (same seed, same result)."),
    show_all: bool = typer.Option(False, "--all", help="All assessed materials, not only the regionally critical."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Materials critical for the region (EI_region ≥ 2.8 and SR ≥ 1.0) with P(critical) and driving sectors."""
    kb = kb_data.load()
    region, alias_note = canonical_region_nl(region, correspondence_of(kb))
    if alias_note:
        error_console.print(f"[yellow]let op:[/] {alias_note}", highlight=False)
    if template is not None:
        _write_template(region, template)
        return
    try:
        table = read_value_added_csv(value_added) if value_added is not None else None
    except RegionalDataError as error:
        fail(str(error))
    try:
        result = regional_assessment(
            kb, region, value_added_table=table, year=year, draws=draws, seed=seed, allow_missing_region=True
        )
    except RegionalDataError as error:
        fail(str(error))
    note = result.attrs.get("region_note", "")
    if note:
        error_console.print(
            f"[yellow]warning:[/] no regional EI for {region}: {note}. "
            "Pass --value-added FILE with value added per NACE division (or per section plus national "
            "divisions; --value-added-template FILE writes the rows to fill in); showing the EU columns only.",
            highlight=False,
        )
    apportioned = result.attrs.get("apportioned_divisions", {})
    estimate_note = result.attrs.get("estimate_note_nl", "")
    if estimate_note:
        error_console.print(f"[yellow]{estimate_note}[/]", highlight=False)
    view = result if show_all or note else result.loc[result["critical_region"]]
    view = view.reset_index()
    metadata = {
        "region": region,
        "region_alias_note": result.attrs.get("region_alias_note", ""),
        "region_year": result.attrs.get("region_year"),
        "q_max_region_meur": _json_number(result.attrs.get("q_max_region_meur")),
        "q_max_eu_meur": result.attrs.get("q_max_eu_meur"),
        "draws": draws,
        "seed": seed,
        "thresholds": {"supply_risk": 1.0, "economic_importance": 2.8},
        "method": "EC 2017 criticality methodology (doi:10.2873/769526); regional EI with the region's value "
        "added per NACE division, Q_max = largest regional manufacturing division",
        "sources": ["ec2023_crm_study", GOVERNANCE_SOURCE, "eurostat_nama_10r_3gva", "eurostat_nama_10_a64",
                    "cbs_84088ned"],
        "note": note,
        "estimate_note_nl": estimate_note,
        "apportioned_divisions": apportioned,
    }
    if fmt is not OutputFormat.table:
        emit(view[["material_id", *DATA_COLUMNS]], fmt, metadata=metadata)
        return
    lang = cli_language()
    names = TABLE_COLUMNS_NL if lang == "nl" else TABLE_COLUMNS
    q_max = format_number(result.attrs.get("q_max_region_meur"), lang, decimals=0)
    columns = [c for c in TABLE_COLUMNS if not (note and c in REGIONAL_COLUMNS)]
    shown = view[["material_id", *columns]].rename(columns=names)
    if lang == "nl":
        title = f"Kritieke grondstoffen voor {region} ({len(shown)} van {len(result)} beoordeeld)"
        if note:
            title = (f"EU-kritiekheid, herberekend met onzekerheid ({len(shown)} grondstoffen; geen regionale EI "
                     f"voor {region})")
        footer = (f"EI regio: Q_max = {q_max} mln €; P uit {draws} "
                  f"trekkingen, seed {seed}. Bronnen: `crmradar sources`.")
    else:
        title = f"Critical raw materials for {region} ({len(shown)} of {len(result)} assessed)"
        if note:
            title = f"EU criticality, recomputed with uncertainty ({len(shown)} materials; no regional EI for {region})"
        footer = (f"EI region: Q_max = {q_max} EUR million; "
                  f"P from {draws} draws, seed {seed}. Sources: `crmradar sources`.")
    emit(shown, fmt, title=title, lang=lang)
    console.print(footer, style="dim")


def _write_template(region: str, out: Path) -> None:
    divisions = sorted(set(kb_data.load().end_uses["nace_code"].dropna().astype(str)))
    frame = value_added_template(region, divisions)
    if out.suffix.lower() != ".csv":
        fail(f"{out}: the template is a CSV file (use a .csv name)")
    write_table_atomic(frame, out)
    console.print(
        f"wrote {out}: {len(frame)} rows for {region} (fill in year and value_added_meur in EUR million, e.g. from "
        "CBS StatLine 85925NED for the region and 85867NED for the nation, then run "
        f"`crmradar risk --region {region} --value-added {out}`)",
        highlight=False,
    )


def _json_number(value: float | None) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def register(app: typer.Typer) -> None:
    app.command("risk")(risk_command)
