"""Object permissions of the signal register (the workspace rules): members read every signal, the public
published ones; analysts and administrators record and change all signals, partners those of their own
organisation; thresholds, feeds and import are for analysts and administrators."""

from __future__ import annotations

import rules

from crmradar.apps.accounts.predicates import add_register_rules, can_edit_all, is_member

add_register_rules("signals", "signal")
rules.add_perm("signals.manage_settings", can_edit_all)
for model in ("pricethreshold", "feed", "notification"):
    rules.add_perm(f"signals.view_{model}", is_member)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"signals.{action}_{model}", can_edit_all)
