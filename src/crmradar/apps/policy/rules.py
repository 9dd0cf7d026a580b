"""Object permissions of the policy frameworks: the same rules as every consultation register."""

from __future__ import annotations

import rules

from crmradar.apps.accounts.predicates import can_comment, can_edit_all, can_edit_item, can_read_item, is_member

rules.add_perm("policy.view_policyframework", can_read_item)
rules.add_perm("policy.add_policyframework", can_edit_item)
rules.add_perm("policy.change_policyframework", can_edit_item)
rules.add_perm("policy.delete_policyframework", can_edit_item)
rules.add_perm("policy.restore_policyframework", can_edit_all)
rules.add_perm("policy.comment_policyframework", can_comment & can_read_item)
rules.add_perm("policy.history_policyframework", is_member)
