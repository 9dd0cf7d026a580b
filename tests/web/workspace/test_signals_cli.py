"""``crmradar signals``: add a feed (a fixture file), read it, set a threshold, import a file — in a fresh home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FEEDS = Path(__file__).parent / "signal_feeds"


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CRMRADAR_HOME=str(home))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)  # its own SQLite database in its own home: a shared one outlives the run
    return subprocess.run([sys.executable, "-m", "crmradar.cli", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_signals_commands(tmp_path):
    home = tmp_path / "home"
    added = _cli(home, "signals", "feed-add", "Fixture", str(FEEDS / "gallium.rss"), "--kind", "beleid")
    assert added.returncode == 0, added.stderr
    read = _cli(home, "signals", "read")
    assert read.returncode == 0, read.stderr
    assert "Fixture: 2 nieuw, 2 met waarschuwing" in read.stdout
    assert "0 nieuw" in _cli(home, "signals", "read").stdout  # read once only
    assert _cli(home, "signals", "threshold", "cobalt", "10").returncode == 0
    bad = _cli(home, "signals", "threshold", "unobtainium", "10")
    assert bad.returncode == 2 and "unobtainium" in bad.stderr + bad.stdout
    assert _cli(home, "signals", "feed-add", "Kapot", str(tmp_path / "missing.rss")).returncode == 0
    broken = _cli(home, "signals", "read", "--feed", "Kapot")
    assert broken.returncode == 1 and "missing.rss" in broken.stdout
    table = tmp_path / "signalen.csv"
    table.write_text("kind,title\nfout,\n", encoding="utf-8")
    failed = _cli(home, "signals", "import", str(table))
    assert failed.returncode == 2 and "row 2, column kind" in failed.stderr + failed.stdout
    table.write_text("kind,title,materials\nsanctie,Sanctie op een kobaltmijn,cobalt\n", encoding="utf-8")
    imported = _cli(home, "signals", "import", str(table))
    assert imported.returncode == 0 and "1 signalen geïmporteerd" in imported.stdout
