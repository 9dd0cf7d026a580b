"""Object permissions of the signal register (the workspace rules): members read every signal, the public
published ones; analysts and administrators record and change all signals, partners those of their own
organisation; thresholds, feeds and import are for analysts and administrators."""

from __future__ import annotations

import rules

from crmradar.apps.accounts.predicates import can_comment, can_edit_all, can_edit_item, can_read_item, is_member

rules.add_perm("signals.view_signal", can_read_item)
rules.add_perm("signals.add_signal", can_edit_item)
rules.add_perm("signals.change_signal", can_edit_item)
rules.add_perm("signals.delete_signal", can_edit_item)
rules.add_perm("signals.restore_signal", can_edit_all)
rules.add_perm("signals.comment_signal", can_comment & can_read_item)
rules.add_perm("signals.history_signal", is_member)
rules.add_perm("signals.manage_settings", can_edit_all)
for model in ("pricethreshold", "feed", "notification"):
    rules.add_perm(f"signals.view_{model}", is_member)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"signals.{action}_{model}", can_edit_all)
