"""The assembled document: what to say, independent of the output format."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    caption: str = ""
    sources: list[str] = field(default_factory=list)  # source ids; the document's source list gives the titles
    numeric: list[bool] | None = None  # right-align these columns


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    charts: list = field(default_factory=list)  # crmradar.reports.charts.ChartSpec, drawn after the paragraphs


@dataclass
class Document:
    title: str
    subtitle: str = ""
    sections: list[Section] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (id, full citation)
    footer: str = ""
    lang: str = "nl"
    compact: bool = False  # tighter type for one-page fact sheets

    def text(self) -> str:
        """All running text (headings, paragraphs, bullets), for readability measures."""
        parts = [self.title, self.subtitle]
        for section in self.sections:
            parts += [section.heading, *section.paragraphs, *section.bullets]
        return "\n".join(p for p in parts if p)
