"""Object permissions of the project pipeline: the same rules as every consultation register
(``crmradar.apps.consultation.rules``): members read everything, the public published items; partners change
their own organisation's projects, analysts and administrators all; undo a delete: analysts and administrators."""

from __future__ import annotations

from crmradar.apps.accounts.predicates import add_register_rules

add_register_rules("projects", "project")
