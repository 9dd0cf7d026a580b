"""Shared helpers for CLI commands: output formats and user-facing errors."""

from __future__ import annotations

import enum
import json
import os
import sys
from pathlib import Path
from typing import NoReturn

import pandas as pd
from rich.console import Console, ConsoleDimensions

from crmradar.atomic import atomic_write_many
from crmradar.commands._table import render_table
from crmradar.i18n import UnsupportedLanguageError, language

#: Width of piped output (CI logs, files) when $COLUMNS does not say otherwise.
PIPE_WIDTH = 160


class _Console(Console):
    """A terminal's own width; $COLUMNS when set (read at print time); else 160 for piped output."""

    def _get_size(self) -> ConsoleDimensions:
        size = Console.size.fget(self)
        if self._width is None and not self.is_terminal and not os.environ.get("COLUMNS", "").isdigit():
            return ConsoleDimensions(PIPE_WIDTH, size.height)
        return size

    size = property(_get_size, Console.size.fset)


console = _Console()
error_console = _Console(stderr=True)


class OutputFormat(enum.StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a clear error on stderr and exit with ``code`` (2 = bad input)."""
    error_console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise SystemExit(code)


def fail_with_problems(problems: list[str], what: str) -> NoReturn:
    """List every problem of an input file, then exit 2 saying nothing was computed or written."""
    for problem in problems:
        console.print(f"[red]✗[/] {problem}", highlight=False, soft_wrap=True)
    fail(f"{what} has {len(problems)} problem(s); nothing was computed")


def load_scenario_spec(scenario: str, kb):
    """Validated scenario and its model inputs, or exit 2 listing every problem of the scenario file."""
    from crmradar.region.build import build_spec
    from crmradar.region.scenario import ScenarioError, load_scenario

    try:
        loaded = load_scenario(scenario, kb)
    except ScenarioError as error:
        fail_with_problems(error.problems, "scenario")
    return loaded, build_spec(loaded, kb)


def emit(frame: pd.DataFrame, fmt: OutputFormat, title: str | None = None, metadata: dict | None = None,
         lang: str | None = None, priority: list[str] | None = None, full: str = "--format csv") -> None:
    """Write ``frame`` to stdout as a Rich table, CSV or JSON (records plus metadata).

    The table has translated headers and names and fits the terminal: columns left out (least important
    last in ``priority``) are named under it with ``full``, where the whole table is.
    """
    if fmt is OutputFormat.csv:
        sys.stdout.write(frame.to_csv(index=False))
        return
    if fmt is OutputFormat.json:
        records = json.loads(frame.to_json(orient="records", date_format="iso"))
        payload = {"metadata": metadata or {}, "data": records}
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    render_table(frame, console, cli_language(lang), title=title, priority=priority, full=full)


def cli_language(requested: str | None = None) -> str:
    """The CLI language (``--lang``, else ``$CRMRADAR_LANG``, else nl), or exit 2 naming the choices."""
    try:
        return language(requested)
    except UnsupportedLanguageError as error:
        fail(str(error))


def write_table_atomic(frame: pd.DataFrame, out: Path, metadata: dict | None = None) -> None:
    """Write ``frame`` (.csv or .parquet) and, with ``metadata``, ``<out>.json`` beside it.

    Both go to temporary files first and are renamed only when both are complete, so a failure never
    leaves a partial or stale pair behind; the files get the usual mode (umask), not 0600.
    """

    def table(path: Path) -> None:
        if out.suffix.lower() == ".parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False)

    outputs = [(out, table)]
    if metadata is not None:
        text = json.dumps(metadata, indent=2, ensure_ascii=False, default=str)
        outputs.append((out.with_suffix(out.suffix + ".json"), lambda path: path.write_text(text, encoding="utf-8")))
    atomic_write_many(outputs)
