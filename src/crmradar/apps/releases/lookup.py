"""``python -m crmradar.apps.releases.lookup '{"materials": [...], "technologies": [...]}'``: the workspace items
that depend on those materials and technologies, as JSON on stdout (``null`` when the database has no workspace
tables). ``crmradar diff`` runs this in a child process so that its own process never configures Django."""

from __future__ import annotations

import json
import os
import sys


def lookup(materials: set[str], technologies: set[str]) -> dict | None:
    from django.db import DatabaseError

    from crmradar.apps.releases.touched import touched_items

    try:
        found = touched_items(materials, technologies, everything=True)
    except DatabaseError:  # a database that was never migrated
        return None
    return {"materials": sorted(materials), "technologies": sorted(technologies),
            "chains": [c.name for c in found.chains], "actions": [a.title for a in found.actions],
            "projects": [p.name for p in found.projects]}


def main(argv: list[str]) -> int:
    request = json.loads(argv[0])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "crmradar.web.settings")
    import django

    django.setup()
    print(json.dumps(lookup(set(request["materials"]), set(request["technologies"]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
