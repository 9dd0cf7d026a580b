"""Atomic file output that honours the umask: the one writer behind every ``--out`` of the CLI.

A file is written to a temporary name in its target folder and renamed over the target only when complete,
so a failure never leaves a partial file or a stale set behind. ``tempfile.mkstemp`` creates files with mode
0600; before the rename the file gets the mode a plain ``open(..., "w")`` would give (0666 minus the umask).

This module imports nothing from crm-radar, so every layer may use it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

Writer = Callable[[Path], None]


def current_umask() -> int:
    """The process umask, read without changing it where the platform allows (Linux ``/proc``)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """Mode of a newly created regular file: 0666 & ~umask (0644 with the usual umask 022)."""
    return 0o666 & ~current_umask()


def _temporary_for(target: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    return Path(name)


def atomic_write_many(outputs: Sequence[tuple[Path, Writer]]) -> list[Path]:
    """Write every ``(target, writer)`` pair to a temporary file, then rename all of them.

    ``writer(path)`` writes the complete file at ``path``. If any writer fails, no target is touched and
    every temporary file is removed. Returns the targets.
    """
    staged: list[tuple[Path, Path]] = []
    mode = new_file_mode()
    try:
        for target, write in outputs:
            target = Path(target)
            if target.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder; give a file name", str(target))
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                temporary = _temporary_for(target)
            except OSError as error:  # name the target, not the temporary file
                raise OSError(error.errno, f"cannot write here ({error.strerror})", str(target)) from None
            staged.append((temporary, target))
            write(temporary)
            os.chmod(temporary, mode)
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return [target for _, target in staged]


def atomic_write(target: str | Path, write: Writer) -> Path:
    """Write one file atomically with ``write(temporary_path)``; see :func:`atomic_write_many`."""
    return atomic_write_many([(Path(target), write)])[0]


def atomic_write_text(target: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8, newlines as given) to ``target`` atomically."""

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)

    return atomic_write(target, write)
