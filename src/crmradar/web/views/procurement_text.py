"""Procurement scan results in the page language: clause reasons grouped per clause, issues and file errors
translated (the scan itself reports in English for the CLI and the report files)."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from crmradar.reports import labels

WHY = {
    "refurbished_reuse": gettext_lazy("ICT and office products that contain critical raw materials"),
    "take_back_recycling": gettext_lazy("products that contain strategic raw materials of the CRMA"),
    "repair_spare_parts": gettext_lazy("repairable product types: a longer life spreads their critical raw "
                                       "materials over more years"),
    "recycled_content_batteries": gettext_lazy("batteries with metals that have recycled-content targets "
                                               "(Batteries Regulation, Art. 8)"),
    "battery_chemistry_lfp": gettext_lazy("batteries with cathode metals that an LFP battery avoids"),
    "supply_chain_transparency": gettext_lazy("critical raw materials of which one country outside the EU supplies "
                                              "more than 50 %"),
    "nzia_resilience": gettext_lazy("net-zero technologies to which the resilience criterion of the NZIA applies"),
    "rare_earth_free_or_recovery": gettext_lazy("products with rare earths in permanent magnets"),
}


def row_ranges(rows: list[int]) -> str:
    """[2, 3, 4, 7, 9, 10] → '2–4, 7, 9–10'."""
    parts, start, prev = [], None, None
    for row in sorted(set(rows)):
        if start is None:
            start = prev = row
        elif row == prev + 1:
            prev = row
        else:
            parts.append(str(start) if start == prev else f"{start}–{prev}")
            start = prev = row
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}–{prev}")
    return ", ".join(parts)


def clause_items(clauses: list[dict], lang: str) -> list[dict]:
    """One entry per clause: title, the clause text itself, legal basis, why (grouped) and the rows."""
    known = set(labels.labels("material", lang))
    out = []
    for clause in clauses:
        rows = [int(r) for r in str(clause.get("rows") or "").split(";") if r.strip().isdigit()]
        found = re.findall(r"[a-z][a-z_]+", str(clause.get("reasons") or ""))
        materials = [m for m in dict.fromkeys(found) if m in known]
        out.append({
            "title": clause["title_nl"] if lang == "nl" else clause["title_en"],
            "text": clause["text_nl"] if lang == "nl" else clause["text_en"],
            "basis": clause["basis"],
            "why": WHY.get(clause["clause_id"], ""),
            "rows": row_ranges(rows), "count": len(rows),
            "materials": labels.join_names("material", materials[:8], lang),
        })
    return out


ISSUES = [
    (re.compile(r"column '(.+)' is not used by the scan"),
     gettext_lazy("column “%(0)s” is not used by the scan (that is fine for notes)")),
    (re.compile(r"no product archetype for CPV (\d+).*"),
     gettext_lazy("no product type is known for CPV code %(0)s; this line is not scanned")),
    (re.compile(r"quantity is 0: the line adds nothing"), gettext_lazy("the quantity is 0, so the line adds nothing")),
    (re.compile(r"description is a formula; kept as text"),
     gettext_lazy("the description is a spreadsheet formula; kept as text")),
]
FILE_ERRORS = [
    (re.compile(r".*: the file is empty"), gettext_lazy("The file is empty.")),
    (re.compile(r".*: \d+ bytes is more than the limit of \d+ bytes"), gettext_lazy("The file is too large.")),
    (re.compile(r".*: unsupported file type.*"), gettext_lazy("Only .csv and .xlsx files can be scanned.")),
    (re.compile(r".*: not a valid XLSX file.*|.*: cannot be read as XLSX.*"),
     gettext_lazy("The file cannot be read as an Excel (.xlsx) file.")),
    (re.compile(r".*: contains NUL bytes.*"), gettext_lazy("The file is not a text CSV file.")),
    (re.compile(r".*: sheet '(.+)' is empty"), gettext_lazy("The worksheet “%(0)s” is empty.")),
    (re.compile(r".*: more than (\d+) data rows.*"), gettext_lazy("The file has more than %(0)s rows.")),
]


def _translated(message: str, patterns) -> str | None:
    for pattern, text in patterns:
        match = pattern.fullmatch(message)
        if match:
            return str(text) % {str(i): g for i, g in enumerate(match.groups())}
    return None


def issue_text(message: str) -> str:
    return _translated(message, ISSUES) or message


def file_error(message: str) -> str:
    """A file-level problem in the page language; unknown problems keep their technical text after a lead."""
    return _translated(message, FILE_ERRORS) or _("The file cannot be scanned: %(detail)s") % {"detail": message}
