"""``crmradar user`` — workspace accounts: add, token, list, disable (same database as ``crmradar serve``)."""

from __future__ import annotations

import sys

import typer
from rich.table import Table

from crmradar.commands._common import console, fail

user_app = typer.Typer(help="Workspace accounts: add users, issue API tokens, list and disable users.",
                       no_args_is_help=True)


def _django() -> None:
    from crmradar.commands.serve import prepare_web

    prepare_web()


@user_app.command("add")
def add(
    email: str = typer.Argument(..., help="E-mail address; also the login name."),
    organisation: str = typer.Option(..., "--organisation", help="Existing organisation (see the workspace)."),
    role: str = typer.Option(..., "--role", help="beheerder, analist, partner or lezer."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
) -> None:
    """Create a user with a role in an organisation; the password is asked for unless --password-stdin."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Wachtwoord", hide_input=True, confirmation_prompt=True)
    _django()
    from crmradar.apps.accounts.services import AccountError, add_user

    try:
        add_user(email, organisation, role, password)
    except AccountError as error:
        fail(str(error))
    console.print(f"Gebruiker {email.strip().lower()} aangemaakt ({role}, {organisation}).")


@user_app.command("token")
def token(email: str = typer.Argument(..., help="E-mail address of an active user.")) -> None:
    """Print a new personal API token (use as 'Authorization: Bearer TOKEN'); it is shown only once."""
    _django()
    from crmradar.apps.accounts.services import AccountError, issue_token

    try:
        print(issue_token(email))
    except AccountError as error:
        fail(str(error))


@user_app.command("list")
def list_users() -> None:
    """Every user with organisation, role, status and last login."""
    _django()
    from crmradar.apps.accounts.services import list_users as rows

    table = Table(title="Gebruikers")
    for column in ("e-mail", "organisatie", "rol", "actief", "laatst ingelogd"):
        table.add_column(column, overflow="fold")
    for row in rows():
        table.add_row(row.email, row.organisation, row.role, "ja" if row.active else "nee", row.last_login or "—")
    console.print(table)


@user_app.command("disable")
def disable(email: str = typer.Argument(..., help="E-mail address.")) -> None:
    """Disable login and revoke the user's API tokens; their history stays."""
    _django()
    from crmradar.apps.accounts.services import AccountError, disable_user

    try:
        disable_user(email)
    except AccountError as error:
        fail(str(error))
    console.print(f"Gebruiker {email} uitgeschakeld; API-tokens ingetrokken.")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
