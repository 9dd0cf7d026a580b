"""Command-line interface: ``crmradar <command>``.

Each module in :mod:`crmradar.commands` exposes ``register(app)`` and adds its own commands, so a
feature lands as one new file and this root stays small.
"""

from __future__ import annotations

import importlib
import os
import pkgutil

import typer

from crmradar import commands
from crmradar.commands._errors import RootGroup

app = typer.Typer(
    name="crmradar",
    help="Kritieke Grondstoffen Radar — critical raw materials for Zuid-Holland and other EU regions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=RootGroup,
)


@app.callback()
def _root(
    ctx: typer.Context,
    lang: str | None = typer.Option(None, "--lang", help="Language of labels: nl (default) or en; also "
                                    "$CRMRADAR_LANG (nl_NL, en_GB … work too).", show_default=False),
) -> None:
    """Check the language once, before any command runs (a bad one is one line and exit 2)."""
    from crmradar.commands._common import cli_language

    previous = os.environ.get("CRMRADAR_LANG")
    os.environ["CRMRADAR_LANG"] = cli_language(lang)

    def restore() -> None:  # in-process callers (tests, notebooks) keep their own environment
        if previous is None:
            os.environ.pop("CRMRADAR_LANG", None)
        else:
            os.environ["CRMRADAR_LANG"] = previous

    ctx.call_on_close(restore)


def _register_commands() -> None:
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        module.register(app)


_register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
