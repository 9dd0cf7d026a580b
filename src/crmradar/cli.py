"""Command-line interface: ``crmradar <command>``.

Each module in :mod:`crmradar.commands` exposes ``register(app)`` and adds its own commands, so a
feature lands as one new file and this root stays small.
"""

from __future__ import annotations

import importlib
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
