"""``crmradar crm-users``: cited plants in Zuid-Holland that hold or recover critical raw materials.

    crmradar crm-users [--format table|csv|json]

Electrolysers in the Rotterdam port (``regional_crm_users``) with their CRM content in tonnes (capacity ×
material intensity at the start year, :mod:`crmradar.region.crm_users`), and the recyclers of the Zuid-Holland
catchment (``recycling_facilities``, catchment ``zh``) with their capacities.
"""

from __future__ import annotations

import pandas as pd
import typer

from crmradar.commands._common import OutputFormat, emit, fail

RECYCLER_COLUMNS = ["facility_id", "name", "operator", "input_stream", "capacity_t_per_year", "high", "location",
                    "status", "status_date", "source_id"]


def crm_users_command(
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
) -> None:
    """Electrolysers with their CRM content (t) and the Zuid-Holland recyclers, each with its source."""
    from crmradar import data
    from crmradar.region.crm_users import plant_contents

    kb = data.load()
    if "regional_crm_users" not in kb:
        fail("the active data package has no regional_crm_users table (crmradar data reset restores the shipped one)")
    users = kb.regional_crm_users
    contents = plant_contents(users, kb.material_intensities).merge(
        users[["user_id", "name", "capacity", "status", "start_year", "source_id"]], on="user_id"
    )
    recyclers = kb.recycling_facilities.loc[kb.recycling_facilities["catchment"] == "zh", RECYCLER_COLUMNS]
    metadata = {
        "method": "content_t = capacity (MW) × material intensity (kg/MW, material_intensities, linear between knot "
        "years) / 1000 at the start year; PEM/alkaline mix not published: low/high = all-PEM / all-alkaline, "
        "central = their mean",
        "left_out": "refinery and chemical catalysts (PGMs, rare earths in FCC, Co/Mo/Ni hydroprocessing) and LED "
        "lighting in Westland greenhouses: no cited source per plant in the package yet",
        "sources": sorted(set(users["source_id"]) | set(recyclers["source_id"]) | {"schlichenmaier_naegler_2022"}),
        "recyclers": recyclers.astype(object).where(pd.notna(recyclers), None).astype(str).replace("None", "")
        .to_dict(orient="records"),
    }
    columns = ["name", "material_id", "content_t", "low_t", "high_t", "capacity", "status", "start_year", "source_id"]
    if fmt is not OutputFormat.table:
        emit(contents[columns + ["basis"]], fmt, metadata=metadata)
        return
    emit(contents[columns].round(3), fmt, title="Critical raw materials in Rotterdam electrolysers (t)")
    emit(recyclers.drop(columns=["status_date"]), fmt, title="Recyclers in the Zuid-Holland catchment (t/year input)")


def register(app: typer.Typer) -> None:
    app.command("crm-users")(crm_users_command)
