"""Object permissions of the consultation registers: the one place pages, API and admin ask.

view: members read everything, the public only published items; add/change/delete: analysts and
administrators everything, partners the items of their own organisation; restore (undo a delete), import and
reading deleted items: analysts and administrators; comment: every role except readers.
"""

from __future__ import annotations

import rules

from crmradar.apps.accounts.predicates import add_register_rules, can_comment, can_edit_all, is_member

REGISTER_MODELS = ("organisation", "valuechain", "bottleneck", "actionpoint", "meeting", "deepdive")

for model in REGISTER_MODELS:
    add_register_rules("consultation", model)

rules.add_perm("consultation.view_workspace", is_member)
rules.add_perm("consultation.export_workspace", is_member)
rules.add_perm("consultation.import_workspace", can_edit_all)
rules.add_perm("consultation.view_deleted", can_edit_all)
# Child records follow their parent item's rule (checked by the services against the parent).
for child in ("progressnote", "decision", "comment"):
    rules.add_perm(f"consultation.view_{child}", is_member)
    rules.add_perm(f"consultation.add_{child}", can_comment)
    rules.add_perm(f"consultation.change_{child}", can_edit_all)
    rules.add_perm(f"consultation.delete_{child}", can_edit_all)
