"""Object permissions of the policy frameworks: the same rules as every consultation register."""

from __future__ import annotations

from crmradar.apps.accounts.predicates import add_register_rules

add_register_rules("policy", "policyframework")
