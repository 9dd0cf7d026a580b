"""Documents from assembled reports: a :class:`Document` (headings, paragraphs, tables with their sources)
rendered to PDF (WeasyPrint) or DOCX (python-docx). Pure: no Django, no data loading — the caller assembles
the document from the same report functions the web and the command line use (``crmradar.reports``)."""

from crmradar.documents.model import Document, Section, Table
from crmradar.documents.render import write

__all__ = ["Document", "Section", "Table", "write"]
