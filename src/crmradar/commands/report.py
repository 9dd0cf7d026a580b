"""``crmradar report`` — documents from live data and the workspace, as PDF (WeasyPrint) or DOCX (python-docx).

    crmradar report publiek --out samenvatting.pdf    # plain-Dutch public summary; prints its Flesch-Douma score
    crmradar report material gallium --out ga.pdf     # one-page fact sheet
    crmradar report staten --out bijlage.docx         # annex to a letter to the Provincial Council
    crmradar report chain batterijen --out keten.pdf  # deep dive into one value chain of the workspace

The file type follows the suffix of ``--out`` (.pdf, .docx, or .html for a quick look). Numbers come from the
same functions as ``crmradar material`` and ``crmradar demand`` (same default draws and seed).
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from crmradar.commands._common import console, fail

report_app = typer.Typer(help="Documents (PDF or DOCX) from live data and the workspace.", no_args_is_help=True)
OutOption = typer.Option(..., "--out", help="File to write: .pdf, .docx or .html.")


def _write(document, out: Path) -> None:
    from crmradar.documents import write

    if out.suffix.lower() not in (".pdf", ".docx", ".html", ".htm"):
        fail(f"--out must end in .pdf, .docx or .html, got '{out.name}'")
    if out.is_dir():
        fail(f"--out {out} is a folder; give a file name")
    if not out.parent.is_dir():
        fail(f"--out: folder {out.parent} does not exist")
    write(document, out)
    console.print(f"[green]✓[/] wrote {out}")


def _demand(kb):
    from crmradar.reports.documents import regional_demand

    with console.status("Monte Carlo (regional demand)…"):
        return regional_demand(kb)


def collect_state(published_only: bool = False):
    """The workspace registers as plain data (``crmradar.web.document_state``; kept here for callers)."""
    from crmradar.web.document_state import collect_state as collect

    return collect(published_only)


def workspace_state(published_only: bool = False):
    """The workspace registers as plain data, after preparing the database (migrations, data package)."""
    from crmradar.commands.serve import prepare_web

    prepare_web()
    return collect_state(published_only)


@report_app.command("publiek")
def publiek(out: Path = OutOption) -> None:
    """Public summary in plain Dutch (1–2 pages), with its Flesch-Douma reading ease."""
    from crmradar import data
    from crmradar.documents.readability import flesch_douma
    from crmradar.reports.documents import public_summary

    kb = data.load()
    document = public_summary(kb, _demand(kb))
    score = flesch_douma(document.text())
    _write(document, out)
    console.print(f"Flesch-Douma {score.flesch_douma:.1f} ({score.words_per_sentence:.1f} woorden per zin, "
                  f"{score.syllables_per_word:.2f} lettergrepen per woord; 60 of meer is taalniveau B1)")


@report_app.command("material")
def material(name: str = typer.Argument(..., help="Material id, English or Dutch name, symbol."),
             out: Path = OutOption) -> None:
    """One-page fact sheet of a material (the numbers of crmradar material NAME)."""
    from crmradar import data
    from crmradar.data.lookup import UnknownMaterialError, resolve_material
    from crmradar.reports.documents import material_fact_sheet

    kb = data.load()
    try:
        material_id = resolve_material(kb.materials, name)
    except UnknownMaterialError as error:
        fail(str(error))
    _write(material_fact_sheet(kb, material_id), out)


@report_app.command("staten")
def staten(out: Path = OutOption,
           published_only: bool = typer.Option(False, "--published-only", help="Only published workspace items."),
           levers: Path = typer.Option(None, "--levers", help="Output of crmradar levers rank --format json.")
           ) -> None:
    """Annex to a letter to the Provincial Council: materials, demand with bands, levers, action lines,
    bottlenecks per chain, projects, sources."""
    import pandas as pd

    from crmradar import data
    from crmradar.reports.documents import council_annex

    ranking = None
    if levers is not None:
        try:
            ranking = pd.DataFrame(json.loads(levers.read_text(encoding="utf-8"))["data"])
            ranking[["indicator", "material_id", "rank", "lever"]]  # noqa: B018 - the columns must be there
        except (OSError, ValueError, KeyError, TypeError) as error:
            fail(f"--levers {levers}: not the JSON of crmradar levers rank --format json ({error})")
    kb = data.load()
    state = workspace_state(published_only)
    _write(council_annex(kb, _demand(kb), state, lever_ranking=ranking), out)


@report_app.command("chain")
def chain(code: str = typer.Argument(..., help="Code of a value chain in the workspace."),
          out: Path = OutOption) -> None:
    """Deep dive into one value chain of the workspace."""
    from crmradar import data
    from crmradar.reports.documents import chain_document

    kb = data.load()
    state = workspace_state()
    codes = [c["code"] for c in state.chains]
    if code not in codes:
        fail(f"no value chain '{code}' in the workspace; chains: {', '.join(codes) or 'none'}")
    _write(chain_document(kb, _demand(kb), state, code), out)


def register(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")
