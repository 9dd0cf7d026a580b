"""Where crm-radar keeps its state: database, secret key, installed data updates, static files.

Each installation gets its own home, ``~/.crmradar/<version>-<hash of the install location>``, so two clones,
two virtual environments or an upgrade never migrate, reuse or overwrite each other's database and secret key
without anyone knowing. ``$CRMRADAR_HOME`` overrides the choice (share a home on purpose, or keep it elsewhere).

A home records who set it up in ``instance.json``; :func:`prepare_home` creates it and returns notices for the
user: a home set up by another version or installation, state of an earlier crm-radar in ``~/.crmradar`` itself
that is no longer used, or a newly created home.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import crmradar

HOME_ENV = "CRMRADAR_HOME"
STAMP = "instance.json"
#: What crm-radar ≤ 0.1.0 kept directly in ~/.crmradar (one home for every installation).
LEGACY_ENTRIES = ("crmradar.sqlite3", "secret_key", "package")


def home_root() -> Path:
    """The folder that holds one home per installation (``~/.crmradar``)."""
    return Path.home() / ".crmradar"


def install_location() -> Path:
    """Folder of the running ``crmradar`` package (a clone's ``src/crmradar`` or site-packages)."""
    return Path(crmradar.__file__).resolve().parent


def install_key(version: str | None = None, location: Path | None = None) -> str:
    """``<version>-<8 hex of the install location>``: the default home's folder name."""
    where = str(location or install_location())
    return f"{version or crmradar.__version__}-{hashlib.sha256(where.encode()).hexdigest()[:8]}"


def user_home() -> Path:
    """``$CRMRADAR_HOME`` if set, else this installation's own folder under ``~/.crmradar``."""
    explicit = os.environ.get(HOME_ENV)
    if explicit:
        return Path(explicit).expanduser()
    return home_root() / install_key()


def identity() -> dict[str, str]:
    return {"version": crmradar.__version__, "install_location": str(install_location())}


def read_stamp(home: Path) -> dict[str, str] | None:
    try:
        stamp = json.loads((home / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def home_notices(home: Path | None = None) -> list[str]:
    """What the user should know about the home before it is used (empty when nothing is unusual)."""
    home = home or user_home()
    notices: list[str] = []
    stamp = read_stamp(home)
    mine = identity()
    if stamp is not None and any(stamp.get(key) != value for key, value in mine.items()):
        notices.append(
            f"{home} was set up by crm-radar {stamp.get('version', '?')} at {stamp.get('install_location', '?')}; "
            f"this is crm-radar {mine['version']} at {mine['install_location']}. Its database will be migrated for "
            f"this version. To keep them apart, unset {HOME_ENV} or point it at another folder."
        )
    root = home_root()
    if not os.environ.get(HOME_ENV) and any((root / name).exists() for name in LEGACY_ENTRIES):
        notices.append(
            f"{root} holds the database, secret key or data update of an earlier crm-radar; it is no longer used. "
            f"This installation keeps its own in {home}. To keep using the old state: {HOME_ENV}={root}"
        )
    if stamp is None and not (home / "crmradar.sqlite3").exists():
        notices.append(f"new home for crm-radar {mine['version']} at {mine['install_location']}: {home}")
    return notices


def prepare_home() -> tuple[Path, list[str]]:
    """Create the home if needed, record who set it up (once), and return it with :func:`home_notices`."""
    home = user_home()
    notices = home_notices(home)
    home.mkdir(parents=True, exist_ok=True)
    if read_stamp(home) is None:
        stamp = {**identity(), "created": datetime.now(UTC).isoformat(timespec="seconds")}
        (home / STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    return home, notices
