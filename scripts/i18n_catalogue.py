"""Fill a Dutch gettext catalogue from a dict and compile the nl and en catalogues (shared by
scripts/i18n_nl.py for the web pages and scripts/i18n_nl_workspace.py for the workspace apps)."""

from __future__ import annotations

import sys
from pathlib import Path

import polib


def fill_and_compile(locale: Path, nl: dict[str, str], nl_plural: dict[str, tuple[str, str]]) -> int:
    """Write ``nl`` into ``locale``/nl, compile nl and en; print untranslated msgids and return 1 if any.

    A fuzzy entry without its own translation here is emptied: makemessages guesses those from a similar
    msgid ("Plant" -> "Gepland"), and a wrong guess must show up as untranslated, never on a page.
    """
    po = polib.pofile(str(locale / "nl" / "LC_MESSAGES" / "django.po"))
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        known = entry.msgid in nl or entry.msgid in nl_plural
        if "fuzzy" in entry.flags and not known:
            entry.msgstr = ""
            entry.msgstr_plural = {k: "" for k in entry.msgstr_plural}
        if entry.msgid_plural:
            if entry.msgid in nl_plural:
                entry.msgstr_plural = dict(enumerate(nl_plural[entry.msgid]))
        elif entry.msgid in nl:
            entry.msgstr = nl[entry.msgid]
        if not known and not (entry.msgstr or entry.msgstr_plural.get(0)):
            missing.append(entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.metadata["Language"] = "nl"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.save()
    po.save_as_mofile(str(locale / "nl" / "LC_MESSAGES" / "django.mo"))
    english = polib.pofile(str(locale / "en" / "LC_MESSAGES" / "django.po"))
    english.save_as_mofile(str(locale / "en" / "LC_MESSAGES" / "django.mo"))
    for msgid in missing:
        print(f"untranslated: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0
