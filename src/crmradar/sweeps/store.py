"""Finished sweeps kept for the web: each in ``<home>/sweeps/<UTC time>-<scenarios>/`` (summary + metadata)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd


def publish(folder: Path, summary: pd.DataFrame, metadata: dict) -> Path:
    """Keep ``summary`` (one row per cell) and ``metadata`` of a finished sweep under ``folder``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = re.sub(r"[^a-z0-9_-]+", "-", "-".join(metadata.get("scenarios", [])).lower())[:60]
    target = folder / f"{stamp}-{name}"
    target.mkdir(parents=True, exist_ok=True)
    summary.to_parquet(target / "summary.parquet", index=False)
    (target / "metadata.json").write_text(json.dumps(metadata, indent=2, default=str))
    return target


def finished(folder: Path, limit: int = 20) -> list[dict]:
    """The newest finished sweeps: metadata plus the summary frame, newest first."""
    if not folder.is_dir():
        return []
    sweeps = []
    for path in sorted((p for p in folder.iterdir() if (p / "summary.parquet").exists()), reverse=True)[:limit]:
        try:
            metadata = json.loads((path / "metadata.json").read_text())
            summary = pd.read_parquet(path / "summary.parquet")
        except (OSError, ValueError):
            continue
        sweeps.append({"id": path.name, "metadata": metadata, "summary": summary})
    return sweeps
