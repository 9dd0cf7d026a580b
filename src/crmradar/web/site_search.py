"""Search across the site: materials, sources, pages and glossary terms (issue 13, "beyond the anchors").

One query string is split into words; an entry matches when every word occurs in its searchable text (title,
identifiers and description), compared without case and without accents, so "molybdeen" finds "Molybdeen" and
"kobalt" finds "Kobalt (Co)". Results are ranked: title equal to the query, title starting with it, every word
in the title, words only in the description. Pure functions over plain records; the view supplies the records.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 100
MAX_HITS_PER_KIND = 25


@dataclass(frozen=True)
class Entry:
    """Something a user can find: its kind, the title shown, the address and extra text that also matches."""

    kind: str  # "material", "page", "term" or "source"
    title: str
    url: str
    detail: str = ""
    keywords: str = ""  # matched, not shown (ids, symbols, English names)


def fold(text: str) -> str:
    """Lower case without accents: ``"Ruthénium"`` → ``"ruthenium"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def query_words(query: str) -> list[str]:
    """The words of a query, folded; at most ``MAX_QUERY_LENGTH`` characters are read."""
    return [w for w in fold(query[:MAX_QUERY_LENGTH]).split() if w]


def rank(entry: Entry, words: list[str]) -> int | None:
    """0 (best) to 3, or None when a word is missing: title or one keyword (a symbol, an id) equals the query
    (0), title starts with the query (1), every word in the title (2), some words only elsewhere (3)."""
    if not words:
        return None
    title = fold(entry.title)
    keywords = fold(entry.keywords)
    everything = " ".join((title, fold(entry.detail), keywords))
    if not all(w in everything for w in words):
        return None
    phrase = " ".join(words)
    if title == phrase or phrase in keywords.split():
        return 0
    if title.startswith(phrase):
        return 1
    if all(w in title for w in words):
        return 2
    return 3


def search(query: str, entries: list[Entry], limit: int = MAX_HITS_PER_KIND) -> dict[str, list[Entry]]:
    """Matching entries per kind, best first (rank, then title), at most ``limit`` per kind."""
    words = query_words(query)
    scored = [(r, fold(e.title), e) for e in entries if (r := rank(e, words)) is not None]
    scored.sort(key=lambda item: (item[0], item[1]))
    hits: dict[str, list[Entry]] = {}
    for _rank, _title, entry in scored:
        group = hits.setdefault(entry.kind, [])
        if len(group) < limit:
            group.append(entry)
    return hits
