"""The root command group: known failures deep inside a command become one-line errors with exit 2.

Commands validate their own inputs; this is the net for failures only discovered while computing (a model
that overflows), while writing (``--out`` naming a folder or a path that cannot exist) or while reading an
installed data package that was damaged after it was installed, so the user never sees a traceback for them.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperGroup
from typer.exceptions import Abort, Exit, TyperException

from crmradar.commands._common import fail


def _known_errors() -> tuple[type[BaseException], ...]:
    from crmradar.region.model import ModelInputError

    return (ModelInputError,)


def os_error_message(error: OSError) -> str:
    """``<path>: <reason>`` for a file-system error (the target, not a temporary file, when both are known)."""
    path = error.filename2 if error.filename2 is not None else error.filename
    reason = error.strerror or str(error) or type(error).__name__
    if isinstance(error, FileExistsError | NotADirectoryError):
        reason = f"{reason} (a file stands where a folder is needed)"
    return f"{path}: {reason}" if path is not None else reason


def package_problem() -> str | None:
    """Why the active data package cannot be used, with what to do about it; None when it loads and is valid."""
    from crmradar import data
    from crmradar.data.schema import EMBEDDED_PACKAGE

    package = data.active_package_dir()
    embedded = package.resolve() == EMBEDDED_PACKAGE.resolve()
    try:
        data.load()
        issues = [] if embedded else data.validate(package, base=package)
    except Exception as error:  # any damage: unreadable CSV, broken JSON, wrong types …
        reason = f"{type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"
    else:
        if not issues:
            return None
        reason = f"{len(issues)} problem(s), first: {issues[0]}"
    if embedded:
        return f"the data package {package} cannot be read ({reason}); reinstall crm-radar"
    return (f"the installed data package in {package} is damaged ({reason}); run `crmradar data reset` to return "
            "to the embedded package, then `crmradar data update` again if needed")


class RootGroup(TyperGroup):
    """Typer group whose ``invoke`` turns the known failures into ``error: …`` and exit 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (TyperException, Abort, Exit):
            raise
        except _known_errors() as error:
            fail(str(error).splitlines()[0] if str(error) else type(error).__name__)
        except OSError as error:
            fail(os_error_message(error))
        except Exception:
            problem = package_problem()
            if problem is not None:
                fail(problem)
            raise
