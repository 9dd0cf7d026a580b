"""Read RSS 2.0, Atom and JSON feeds (JSON Feed 1.x or a plain list of items) with the standard library.

A source is an http(s) URL or a local file (path or ``file://``; tests use fixture files, no network).
Each item becomes a :class:`FeedItem`: kind from its categories or keywords, materials named in it (matched
against the data package by the caller) and, for price items, the percentage change when the item gives one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 20
ATOM = "{http://www.w3.org/2005/Atom}"

# Keywords (English and Dutch) that give an item's kind when its categories do not; first match wins.
KIND_KEYWORDS = [
    ("exportcontrole", ("export control", "export restriction", "export licen", "exportcontrole", "exportbeperking",
                        "exportvergunning", "export ban", "exportverbod")),
    ("sanctie", ("sanction", "sanctie", "embargo")),
    ("prijsbeweging", ("price", "prijs")),
    ("fabriek", ("plant clos", "plant open", "smelter", "refinery", "factory", "fabriek", "sluiting", "opening of")),
    ("beleid", ("policy", "regulation", "directive", "beleid", "verordening", "richtlijn")),
]
KINDS = {"exportcontrole", "sanctie", "prijsbeweging", "fabriek", "beleid"}
CATEGORY_KINDS = {"export control": "exportcontrole", "export_control": "exportcontrole", "sanction": "sanctie",
                  "price": "prijsbeweging", "price move": "prijsbeweging", "plant": "fabriek", "policy": "beleid"}


class FeedError(ValueError):
    """The feed could not be read or is not RSS, Atom or JSON."""


@dataclass
class FeedItem:
    guid: str
    title: str
    summary: str = ""
    link: str = ""
    date: dt.date | None = None
    categories: list[str] = field(default_factory=list)
    kind: str | None = None
    materials: list[str] = field(default_factory=list)
    price_change: float | None = None


def _read(source: str) -> bytes:
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(source, headers={"User-Agent": "crm-radar signal reader"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - http(s) only
                raw = response.read(MAX_BYTES + 1)
        except OSError as error:
            raise FeedError(f"{source}: {error}") from error
    else:
        path = Path(source[len("file://"):] if source.startswith("file://") else source)
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise FeedError(f"{source}: {error.strerror or error}") from error
    if len(raw) > MAX_BYTES:
        raise FeedError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    return raw


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    text = text.strip()
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _plain(text: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text or "")).strip()


_PERCENT = re.compile(r"([+-−]?\d+(?:[.,]\d+)?)\s?%")


def classify(item: FeedItem) -> FeedItem:
    """Kind from categories, else from keywords in title and summary; price change from a percentage."""
    for category in item.categories:
        key = category.strip().lower()
        if key in KINDS:
            item.kind = key
            break
        if key in CATEGORY_KINDS:
            item.kind = CATEGORY_KINDS[key]
            break
    text = f"{item.title} {item.summary}".lower()
    if item.kind is None:
        for kind, words in KIND_KEYWORDS:
            if any(word in text for word in words):
                item.kind = kind
                break
    if item.kind == "prijsbeweging" and item.price_change is None:
        found = _PERCENT.search(f"{item.title} {item.summary}")
        if found:
            value = float(found.group(1).replace(",", ".").replace("−", "-"))
            down = any(w in text for w in ("fall", "drop", "down", "daal", "gedaald", "lower"))
            item.price_change = -abs(value) if down and value > 0 else value
    return item


def _xml_items(raw: bytes) -> list[FeedItem]:
    if b"<!ENTITY" in raw[:4096]:
        raise FeedError("feeds with entity declarations are refused")
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as error:
        raise FeedError(f"not well-formed XML: {error}") from error
    items = []
    if root.tag == f"{ATOM}feed":
        for entry in root.findall(f"{ATOM}entry"):
            link = entry.find(f"{ATOM}link[@rel='alternate']")
            if link is None:  # an Element without children is falsy: compare with None
                link = entry.find(f"{ATOM}link")
            href = link.get("href", "") if link is not None else ""
            title = _plain(entry.findtext(f"{ATOM}title"))
            items.append(FeedItem(
                guid=(entry.findtext(f"{ATOM}id") or href or title).strip(),
                title=title,
                summary=_plain(entry.findtext(f"{ATOM}summary") or entry.findtext(f"{ATOM}content")),
                link=href,
                date=_date(entry.findtext(f"{ATOM}updated") or entry.findtext(f"{ATOM}published")),
                categories=[c.get("term", "") for c in entry.findall(f"{ATOM}category")],
            ))
        return items
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise FeedError("neither RSS 2.0 nor Atom")
    for entry in channel.findall("item"):
        title = _plain(entry.findtext("title"))
        link = (entry.findtext("link") or "").strip()
        items.append(FeedItem(
            guid=(entry.findtext("guid") or link or title).strip(), title=title,
            summary=_plain(entry.findtext("description")), link=link, date=_date(entry.findtext("pubDate")),
            categories=[(c.text or "") for c in entry.findall("category")],
        ))
    return items


def _json_items(raw: bytes) -> list[FeedItem]:
    try:
        document = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise FeedError(f"not valid JSON: {error}") from error
    entries = document.get("items") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise FeedError("a JSON feed needs a list of items")
    items = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise FeedError("every JSON feed item must be an object")
        title = _plain(str(entry.get("title") or ""))
        link = str(entry.get("url") or entry.get("link") or "")
        materials = entry.get("materials") or []
        change = entry.get("price_change_percent")
        items.append(FeedItem(
            guid=str(entry.get("id") or link or title), title=title,
            summary=_plain(str(entry.get("summary") or entry.get("content_text") or entry.get("content_html") or "")),
            link=link, date=_date(str(entry.get("date_published") or entry.get("date") or "")),
            categories=[str(t) for t in (entry.get("tags") or [])]
            + ([str(entry["kind"])] if entry.get("kind") else []),
            materials=[str(m) for m in materials] if isinstance(materials, list) else [],
            price_change=float(change) if isinstance(change, int | float) else None,
        ))
    return items


def parse_feed(source: str) -> list[FeedItem]:
    """The items of an RSS, Atom or JSON feed at ``source`` (URL or local file), classified."""
    raw = _read(source)
    start = raw.lstrip()[:1]
    items = _json_items(raw) if start in (b"{", b"[") else _xml_items(raw)
    return [classify(item) for item in items if item.title]
