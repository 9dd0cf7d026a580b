"""The curated crm-radar knowledge base (a Frictionless data package) and its loaders.

>>> from crmradar import data
>>> kb = data.load()
>>> kb.materials.loc[kb.materials.id == "gallium", "name_nl"].item()
'gallium'

Which package is read: ``load(path)`` if given, else ``$CRMRADAR_DATA``, else a package the user
installed with ``crmradar data update`` (under ``$CRMRADAR_HOME``, default one folder per installation
under ``~/.crmradar``, see ``crmradar.data.home``), else the
package embedded in this distribution.
"""

from __future__ import annotations

from crmradar.data.loader import (
    KnowledgeBase,
    active_package_dir,
    install_update,
    load,
    remove_update,
    user_package_dir,
)
from crmradar.data.schema import EMBEDDED_PACKAGE, TableSpec, read_descriptor
from crmradar.data.validation import DataValidationError, ValidationIssue, validate

__all__ = [
    "EMBEDDED_PACKAGE",
    "DataValidationError",
    "KnowledgeBase",
    "TableSpec",
    "ValidationIssue",
    "active_package_dir",
    "install_update",
    "load",
    "read_descriptor",
    "remove_update",
    "user_package_dir",
    "validate",
]
