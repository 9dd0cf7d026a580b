"""The root command group: known failures deep inside a command become one-line errors with exit 2.

Commands validate their own inputs; this is the net for failures only discovered while computing (a model
that overflows) or while reading the installed data package, so the user never sees a traceback for them.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperGroup

from crmradar.commands._common import fail


def _known_errors() -> tuple[type[BaseException], ...]:
    from crmradar.region.model import ModelInputError

    return (ModelInputError,)


class RootGroup(TyperGroup):
    """Typer group whose ``invoke`` turns the known failures into ``error: …`` and exit 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _known_errors() as error:
            fail(str(error).splitlines()[0] if str(error) else type(error).__name__)
