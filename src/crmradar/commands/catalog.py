"""``crmradar materials``, ``crmradar material NAME`` and ``crmradar sources``."""

from __future__ import annotations

import json
import sys

import pandas as pd
import typer
from rich.table import Table

from crmradar import data as kb_data
from crmradar.commands._common import OutputFormat, cli_language, console, emit, fail
from crmradar.data.lookup import UnknownMaterialError, resolve_material
from crmradar.i18n import label
from crmradar.reports.material_profile import material_profile, source_table
from crmradar.reports.risk_table import official_risk_table

LangOption = typer.Option(None, "--lang", help="nl (default) or en; also $CRMRADAR_LANG.")


def materials_command(
    critical: bool = typer.Option(False, "--critical", help="Only CRMA Annex II (critical) materials."),
    strategic: bool = typer.Option(False, "--strategic", help="Only CRMA Annex I (strategic) materials."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
    lang: str | None = LangOption,
) -> None:
    """The risk table: CRMA status and official 2023 SR/EI, EOL-RIR and import reliance per material."""
    lang = cli_language(lang)
    kb = kb_data.load()
    table = official_risk_table(kb)
    if critical:
        table = table.loc[table["crma_critical"]]
    if strategic:
        table = table.loc[table["crma_strategic"]]
    if fmt is not OutputFormat.table:
        emit(table, fmt, metadata={"year": 2023, "source": "ec2023_crm_study", "units": _units()})
        return
    name_column = "name_nl" if lang == "nl" else "name_en"
    yes, no = label("yes", lang), label("no", lang)
    view = pd.DataFrame(
        {
            label("material", lang): table[name_column],
            label("symbol", lang): table["symbol"].fillna(""),
            label("crma", lang): [
                _crma_status(s, c, lang) for s, c in zip(table["crma_strategic"], table["crma_critical"], strict=True)
            ],
            "SR 2023": table["supply_risk"],
            "EI 2023": table["economic_importance"],
            "EOL-RIR": table["eol_rir"],
            label("import_reliance", lang): table["import_reliance"],
            label("eu_critical_2023", lang): table["eu_critical"].map({True: yes, False: no}),
        }
    )
    emit(view, fmt, title=f"{label('risk_table', lang)} ({len(view)})")
    console.print("Bron/source: ec2023_crm_study, eu_crma_2024_1252 — `crmradar sources`", style="dim")


def _units() -> dict[str, str]:
    return {
        "supply_risk": "dimensionless (critical if ≥ 1.0)",
        "economic_importance": "dimensionless (critical if ≥ 2.8)",
        "eol_rir": "fraction 0–1",
        "import_reliance": "fraction 0–1",
    }


def _crma_status(strategic: bool, critical: bool, lang: str) -> str:
    parts = []
    if strategic:
        parts.append(label("strategic", lang))
    if critical:
        parts.append(label("critical", lang))
    return ", ".join(parts)


def material_command(
    name: str = typer.Argument(..., help="Material id, English or Dutch name, symbol (e.g. gallium, Ga, kobalt)."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format",
                                     help="table, csv (one table: a 'block' column names each section) or json"),
    lang: str | None = LangOption,
) -> None:
    """Profile of one material: SR/EI history, CRMA status, producers, concentration, sources."""
    lang = cli_language(lang)
    kb = kb_data.load()
    try:
        material_id = resolve_material(kb.materials, name)
    except UnknownMaterialError as error:
        fail(str(error))
    blocks = material_profile(kb, material_id)
    all_sources = sorted({sid for block in blocks for sid in block.source_ids})
    if fmt is OutputFormat.json:
        payload = {
            "material_id": material_id,
            "blocks": [block.as_dict() for block in blocks],
            "sources": json.loads(source_table(kb, all_sources).to_json(orient="records", date_format="iso")),
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")
        return
    if fmt is OutputFormat.csv:
        sys.stdout.write(profile_csv(blocks, material_id))
        return
    from crmradar.commands._profile_render import render_profile

    render_profile(kb, blocks, lang)


def profile_csv(blocks, material_id: str) -> str:
    """Every block of a profile as one CSV: ``block`` and ``material_id`` first, then the union of the columns."""
    frames = [block.frame.assign(block=block.key) for block in blocks if not block.frame.empty]
    if not frames:
        return "block,material_id\n"
    combined = pd.concat(frames, ignore_index=True, sort=False)
    combined["material_id"] = material_id
    first = ["block", "material_id"]
    return combined[first + [c for c in combined.columns if c not in first]].to_csv(index=False)


def sources_command(
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json"),
    lang: str | None = LangOption,
) -> None:
    """Every publication the knowledge base cites (id, publisher, title, year, URL, licence)."""
    from crmradar.reports import labels

    lang = cli_language(lang)
    kb = kb_data.load()
    sources = kb.sources.copy()
    if fmt is OutputFormat.table:
        table = Table(title=f"{label('sources', lang)} ({len(sources)})", show_lines=True)
        for key in ("source_id", "publisher", "title", "year", "licence"):
            table.add_column(label(key, lang), overflow="fold")
        for row in sources.itertuples(index=False):
            year = str(int(row.year)) if row.year == row.year else ""
            table.add_row(row.id, row.publisher, f"{row.title}\n[dim]{row.url}[/]", year,
                          labels.label("licence", row.licence, lang) if isinstance(row.licence, str) else "")
        console.print(table)
        return
    emit(sources, fmt)


def register(app: typer.Typer) -> None:
    app.command("materials")(materials_command)
    app.command("material")(material_command)
    app.command("sources")(sources_command)
