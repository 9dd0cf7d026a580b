"""Object permissions of the project pipeline: the same rules as every consultation register
(``crmradar.apps.consultation.rules``): members read everything, the public published items; partners change
their own organisation's projects, analysts and administrators all; undo a delete: analysts and administrators."""

from __future__ import annotations

import rules

from crmradar.apps.accounts.predicates import can_comment, can_edit_all, can_edit_item, can_read_item, is_member

rules.add_perm("projects.view_project", can_read_item)
rules.add_perm("projects.add_project", can_edit_item)
rules.add_perm("projects.change_project", can_edit_item)
rules.add_perm("projects.delete_project", can_edit_item)
rules.add_perm("projects.restore_project", can_edit_all)
rules.add_perm("projects.comment_project", can_comment & can_read_item)
rules.add_perm("projects.history_project", is_member)
