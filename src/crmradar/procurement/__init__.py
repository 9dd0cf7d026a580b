"""CRM procurement scan: critical raw materials in what a province buys, and tender clauses to manage them.

The core is pure, so the CLI, the web upload page and tests share it::

    from crmradar import data
    from crmradar.procurement import build_knowledge, parse_rows, read_purchase_file, scan

    knowledge = build_knowledge(data.load())                 # archetypes, clauses, SR, NZIA, GeoPolRisk
    table = read_purchase_file("purchases.xlsx")            # I/O with size, row and zip-bomb guards
    parsed = parse_rows(table.header, table.rows)           # → checked lines + issues (row, column)
    result = scan(parsed.lines, knowledge, parsed.issues, parsed.rows_read)
    write_report(result.tables(), result.summary, "report.xlsx")

Modules: :mod:`~crmradar.procurement.cpv` (codes and hierarchy), :mod:`~crmradar.procurement.units`,
:mod:`~crmradar.procurement.parse`, :mod:`~crmradar.procurement.knowledge`,
:mod:`~crmradar.procurement.mapping` (CPV → archetypes), :mod:`~crmradar.procurement.scan`,
:mod:`~crmradar.procurement.clauses` (rules) and :mod:`~crmradar.procurement.files` (reading and
atomic, injection-safe writing). Method and caveats: ``docs/procurement.md``.
"""

from __future__ import annotations

from crmradar.procurement.files import ReadLimits, read_csv_bytes, read_purchase_file, write_report
from crmradar.procurement.knowledge import ProcurementKnowledge, build_knowledge
from crmradar.procurement.parse import Issue, PurchaseFileError, PurchaseLine, parse_rows
from crmradar.procurement.scan import ScanResult, scan

__all__ = [
    "Issue",
    "ProcurementKnowledge",
    "PurchaseFileError",
    "PurchaseLine",
    "ReadLimits",
    "ScanResult",
    "build_knowledge",
    "parse_rows",
    "read_csv_bytes",
    "read_purchase_file",
    "scan",
    "write_report",
]
