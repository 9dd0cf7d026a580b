"""Issue 17, faults: ``crmradar data update`` killed with SIGKILL at any moment leaves the installed data
unchanged or completely replaced — never half-written, never unreadable — and an update killed between its two
renames (old package moved aside, new one not yet in place) is restored instead of silently falling back to
the embedded package."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from crmradar.data.loader import EMBEDDED_PACKAGE

ROOT = Path(__file__).resolve().parents[1]


def _update_dir(tmp_path: Path, name: str, label: str) -> Path:
    """A replacement materials table whose Dutch name of aggregates is ``label``."""
    folder = tmp_path / name
    (folder / "data").mkdir(parents=True)
    frame = pd.read_csv(EMBEDDED_PACKAGE / "data" / "materials.csv", dtype=str, keep_default_na=False)
    frame.loc[frame["id"] == "aggregates", "name_nl"] = label
    frame.to_csv(folder / "data" / "materials.csv", index=False)
    return folder


def _env(home: Path) -> dict:
    env = dict(os.environ, CRMRADAR_HOME=str(home))
    for name in ("DATABASE_URL", "CRMRADAR_DATA", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    return env


def _installed_label(home: Path) -> str:
    """The aggregates' Dutch name as a fresh process loads the active package (raises if it cannot load)."""
    code = ("from crmradar import data; kb = data.load(); "
            "print(kb.materials.set_index('id').loc['aggregates', 'name_nl'], len(kb.tables))")
    out = subprocess.run([sys.executable, "-c", code], env=_env(home), capture_output=True, text=True, timeout=120,
                         check=True).stdout.split()
    assert int(out[-1]) > 20  # every table loads
    return " ".join(out[:-1])


def test_update_killed_at_any_moment_leaves_old_or_new_data(tmp_path):
    home = tmp_path / "home"
    first, second = _update_dir(tmp_path, "a", "versie-A"), _update_dir(tmp_path, "b", "versie-B")
    cli = [sys.executable, "-m", "crmradar.cli", "data", "update"]
    subprocess.run([*cli, str(first)], env=_env(home), check=True, capture_output=True, timeout=300)
    assert _installed_label(home) == "versie-A"
    started = time.monotonic()
    subprocess.run([*cli, str(second)], env=_env(home), check=True, capture_output=True, timeout=300)
    full = time.monotonic() - started
    subprocess.run([*cli, str(first)], env=_env(home), check=True, capture_output=True, timeout=300)
    seen = set()
    for fraction in (0.3, 0.5, 0.65, 0.8, 0.9, 0.97):
        process = subprocess.Popen([*cli, str(second)], env=_env(home), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(full * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        label = _installed_label(home)
        assert label in ("versie-A", "versie-B"), label
        seen.add(label)
        if label == "versie-B":  # go back to A for the next attempt
            subprocess.run([*cli, str(first)], env=_env(home), check=True, capture_output=True, timeout=300)
    leftovers = [p.name for p in home.iterdir() if p.name.startswith("package-")]
    assert len(leftovers) <= len((0.3, 0.5, 0.65, 0.8, 0.9, 0.97))  # staging folders of killed runs, never used
    assert "versie-A" in seen


def test_update_killed_between_the_two_renames_is_restored(tmp_path, monkeypatch):
    from crmradar import data

    home = tmp_path / "home"
    monkeypatch.setenv("CRMRADAR_HOME", str(home))
    monkeypatch.delenv("CRMRADAR_DATA", raising=False)
    data.install_update(_update_dir(tmp_path, "a", "versie-A"))
    package = home / "package"
    package.rename(home / "package.previous")  # the state after 'target.rename(previous)', before the swap
    kb = data.load()
    assert kb.materials.set_index("id").loc["aggregates", "name_nl"] == "versie-A"
    assert (package / "datapackage.json").is_file() and not (home / "package.previous").exists()
