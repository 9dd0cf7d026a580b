"""``crmradar workspace`` — export and import every register (CSV or XLSX), and load the example content."""

from __future__ import annotations

from pathlib import Path

import typer

from crmradar.commands._common import console, fail, fail_with_problems

workspace_app = typer.Typer(help="The consultation workspace: export, import, example content.",
                            no_args_is_help=True)


def _django() -> None:
    from crmradar.commands.serve import prepare_web

    prepare_web()


def _actor(email: str | None):
    """The user an import or demo is recorded under in the history (None: 'system')."""
    if not email:
        return _System()
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=email.strip().lower(), is_active=True).first()
    if user is None:
        fail(f"--as: no active user {email}")
    return user


class _System:
    """The command line acting as an administrator, recorded as 'systeem' in the history."""

    is_authenticated = False
    is_active = True
    is_superuser = True

    def has_perm(self, perm: str, obj=None) -> bool:
        return True


@workspace_app.command("export")
def export(
    directory: Path = typer.Argument(..., help="Folder to write one file per register into."),
    fmt: str = typer.Option("csv", "--format", help="csv or xlsx."),
) -> None:
    """Write every register (organisaties, ketens, overleggen, knelpunten, acties, verdiepingen) to DIR."""
    if fmt not in ("csv", "xlsx"):
        fail(f"--format: {fmt!r} is not csv or xlsx")
    if directory.exists() and not directory.is_dir():
        fail(f"{directory}: exists and is not a folder")
    _django()
    from crmradar.apps.consultation.importexport import export_directory

    for path in export_directory(directory, fmt):
        console.print(f"geschreven: {path}")


@workspace_app.command("import")
def import_(
    directory: Path = typer.Argument(..., help="Folder with register files named like the export."),
    as_user: str = typer.Option(None, "--as", help="Record the changes under this user (default: system)."),
) -> None:
    """Import register files; if any row has a problem nothing changes and every problem is listed."""
    if not directory.is_dir():
        fail(f"{directory}: not a folder")
    _django()
    from crmradar.apps.consultation.importexport import WorkspaceImportError, import_directory

    try:
        counts = import_directory(directory, _actor(as_user))
    except WorkspaceImportError as error:
        fail_with_problems([str(p) for p in error.problems], "import")
    for slug, count in counts.items():
        console.print(f"{slug}: {count} rijen")


@workspace_app.command("demo")
def demo() -> None:
    """Load clearly labelled example content ('voorbeeld' in every title); never loaded by default."""
    _django()
    from crmradar.apps.consultation.demo import load_demo

    counts = load_demo(_System())
    console.print("Voorbeeldinhoud geladen: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@workspace_app.command("projects")
def projects(
    load: bool = typer.Option(False, "--load", help="Load the cited projects of the data package "
                              "(table regional_projects) into the workspace; idempotent by project code."),
) -> None:
    """List the project pipeline; with --load first load the package's cited projects (marked with their source)."""
    _django()
    from crmradar.apps.projects.models import Project

    if load:
        from crmradar import data
        from crmradar.apps.projects.pipeline import load_package_projects
        from crmradar.data.loader import active_package_dir

        counts = load_package_projects(data.load(active_package_dir()), _System())
        console.print(f"Projecten uit het datapakket: {counts['created']} nieuw, {counts['updated']} bijgewerkt"
                      + (f", {counts['deleted_kept']} verwijderd gelaten" if counts["deleted_kept"] else ""))
    rows = Project.objects.select_related("operator").order_by("name")
    if not rows:
        console.print("Geen projecten in de werkruimte (laad de projecten uit het datapakket met --load).")
    for item in rows:
        console.print(f"{item.code}: {item.name} · {item.operator or '—'} · {item.get_stage_display()} · "
                      f"{item.start_year or '—'} · bron: {item.source or '—'}", soft_wrap=True)


@workspace_app.command("kaders")
def frameworks(
    load: bool = typer.Option(False, "--load", help="Load the cited policy frameworks of the data package "
                              "(table policy_frameworks) into the workspace; idempotent by code."),
) -> None:
    """Policy frameworks with their milestone timeline, and the frameworks no action point covers yet."""
    _django()
    from crmradar.apps.policy.alignment import load_package_frameworks, timeline, uncovered
    from crmradar.apps.policy.models import PolicyFramework

    if load:
        from crmradar import data
        from crmradar.data.loader import active_package_dir

        counts = load_package_frameworks(data.load(active_package_dir()), _System())
        console.print(f"Kaders uit het datapakket: {counts['created']} nieuw, {counts['updated']} bijgewerkt"
                      + (f", {counts['deleted_kept']} verwijderd gelaten" if counts["deleted_kept"] else ""))
    items = list(PolicyFramework.objects.order_by("level", "name"))
    if not items:
        console.print("Geen kaders in de werkruimte (laad de kaders uit het datapakket met --load).")
        return
    console.print("[bold]Mijlpalen[/bold]")
    for row in timeline(items, language="nl"):
        when = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[row["precision"]]
        mark = "verstreken" if row["past"] else "komend"
        console.print(f" {row['date'].strftime(when)} ({mark})  {row['framework']}: {row['text']}", soft_wrap=True)
    console.print("[bold]Bijdrage van de regio per kader[/bold] (gekoppelde actiepunten en projecten)")
    for item in items:
        actions = [a.title for a in item.action_points.filter(deleted_at__isnull=True)]
        projects = [f"{p.name} ({p.get_stage_display()})" for p in item.projects.filter(deleted_at__isnull=True)]
        name = item.in_language("name", "nl")
        console.print(f" {name}: {len(actions)} actiepunt(en){': ' + '; '.join(actions) if actions else ''}"
                      f" · {len(projects)} project(en){': ' + '; '.join(projects) if projects else ''}",
                      soft_wrap=True)
    missing = uncovered(items)
    console.print("[bold]Nog door geen actiepunt gedekt[/bold]: "
                  + (", ".join(f.in_language("name", "nl") for f in missing) if missing else "geen"), soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.add_typer(workspace_app, name="workspace")
