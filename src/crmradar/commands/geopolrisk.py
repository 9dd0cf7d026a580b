"""``crmradar geopolrisk`` — GeoPolRisk scores and characterisation factors.

Contract (other tools call it)::

    crmradar geopolrisk --production production.csv --trade trade.csv --governance governance.csv \
        [--groups groups.csv] [--economy X ...] --out result.csv

Without the three input flags it runs on the shipped data package (imports of the Netherlands and
the EU27). Bad input exits with code 2, a message naming file, row and column, and no output file.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import typer

from crmradar.commands._common import OutputFormat, emit, fail
from crmradar.methods import geopolrisk_inputs as shipped
from crmradar.methods.geopolrisk import geopolrisk
from crmradar.methods.geopolrisk_io import (
    GeoPolRiskInputError,
    known_country_codes,
    material_warnings,
    read_inputs,
    write_result_atomically,
)
from crmradar.methods.partner_codes import package_reserved_codes, resolve_partner_codes


def _shipped_inputs() -> dict[str, pd.DataFrame | None]:
    """Inputs from the data package; a missing table is a clear error, not a crash."""
    from crmradar import data

    kb = data.load()
    for table in ("trade_flows", "production", "governance"):
        if table not in kb:
            raise GeoPolRiskInputError(f"data package {kb.path}: table {table!r} is missing")
    trade = shipped.trade_from_flows(kb.trade_flows)
    material_years = trade[["material", "year"]].drop_duplicates()
    hhi = shipped.hhi_from_supply_shares(kb.supply_shares, material_years) if "supply_shares" in kb else None
    return {
        "production": shipped.production_tonnes(kb.production, trade["year"].unique()),
        "trade": trade,
        "governance": shipped.governance_from_wgi(kb.governance),
        "groups": shipped.eu27_groups(),
        "hhi": hhi,
    }


def geopolrisk_command(
    production: Path | None = typer.Option(None, "--production", help="CSV: material,year,country,quantity_t"),
    trade: Path | None = typer.Option(
        None, "--trade", help="CSV: material,year,importer,exporter,quantity_t,value_kusd (one row per flow)"
    ),
    governance: Path | None = typer.Option(None, "--governance", help="CSV: country,year,instability (0..1)"),
    groups: Path | None = typer.Option(None, "--groups", help="CSV: group,country (e.g. EU27 members)"),
    economy: list[str] | None = typer.Option(
        None, "--economy", help="Economy to assess (ISO3 or group name); repeat for several."
    ),
    out: Path | None = typer.Option(None, "--out", help="Write the result CSV here (atomically)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="Screen output when no --out."),
) -> None:
    """GeoPolRisk per material, year and importing economy: hhi, import risk, score, price, CF."""
    given = {"--production": production, "--trade": trade, "--governance": governance}
    try:
        if all(value is None for value in given.values()):
            if groups is not None:
                fail("--groups needs --production, --trade and --governance as well")
            inputs = _shipped_inputs()
            economies = list(economy) if economy else list(shipped.DEFAULT_ECONOMIES)
        elif any(value is None for value in given.values()):
            missing = ", ".join(name for name, value in given.items() if value is None)
            fail(f"missing {missing}: give all of --production, --trade and --governance, or none")
        else:
            from crmradar import data

            inputs = read_inputs(production, trade, governance, groups)
            inputs["trade"], partner_warnings = resolve_partner_codes(inputs["trade"], package_reserved_codes())
            for warning in partner_warnings:
                typer.echo(f"warning: {trade}: {warning}", err=True)
            files = {"production": str(production), "trade": str(trade)}
            for warning in material_warnings(inputs, data.load().materials["id"], files):
                typer.echo(f"warning: {warning}", err=True)
            inputs["hhi"] = None
            economies = list(economy) if economy else None
        if economies is not None:
            group_names = set() if inputs["groups"] is None else set(inputs["groups"]["group"])
            known = known_country_codes() | group_names
            unknown = [name for name in economies if name not in known]
            if unknown:
                raise GeoPolRiskInputError(
                    f"--economy {unknown[0]!r}: unknown country code or group "
                    "(expected ISO 3166-1 alpha-3 or a group from --groups)"
                )
        result = geopolrisk(
            inputs["production"],
            inputs["trade"],
            inputs["governance"],
            groups=inputs["groups"],
            economies=economies,
            hhi=inputs["hhi"],
        )
    except ValueError as error:  # GeoPolRiskInputError and unit/column errors of the shipped data
        fail(str(error))
    if out is not None:
        write_result_atomically(result, out)
        n_scored = int(np.isfinite(result["score"]).sum())
        typer.echo(f"wrote {len(result)} rows ({n_scored} with a score) to {out}", err=True)
        return
    emit(
        result,
        fmt,
        title="GeoPolRisk",
        metadata={
            "method": "GeoPolRisk (Santillán-Saldivar et al. 2022), conventions of geopolrisk-py 2.0.1",
            "units": {"price_usd_per_kg": "USD/kg", "cf_kg_cu_eq": "kg Cu-eq/kg"},
        },
    )


def register(app: typer.Typer) -> None:
    app.command("geopolrisk")(geopolrisk_command)
