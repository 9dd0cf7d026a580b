"""Rule predicates on the user's workspace role and organisation (django-rules), shared by every app."""

from __future__ import annotations

import rules

from crmradar.apps.accounts.roles import ADMINISTRATOR, ANALYST, PARTNER, READER, organisation_id_of, role_of


@rules.predicate
def is_administrator(user) -> bool:
    return role_of(user) == ADMINISTRATOR


@rules.predicate
def is_analyst(user) -> bool:
    return role_of(user) == ANALYST


@rules.predicate
def is_partner(user) -> bool:
    return role_of(user) == PARTNER


@rules.predicate
def is_member(user) -> bool:
    """Any workspace role: reads the whole workspace."""
    return role_of(user) in (ADMINISTRATOR, ANALYST, PARTNER, READER)


@rules.predicate
def owns_item(user, item) -> bool:
    """The item belongs to the user's organisation; with no item (a list or an add form) partners qualify."""
    if item is None:
        return True
    own = organisation_id_of(user)
    if own is None:
        return False
    if item._meta.model_name == "organisation":
        return item.pk == own
    return getattr(item, "owner_organisation_id", None) == own


@rules.predicate
def is_published(user, item) -> bool:
    return item is not None and bool(getattr(item, "published", False)) and getattr(item, "deleted_at", None) is None


can_edit_all = is_administrator | is_analyst
can_edit_item = can_edit_all | (is_partner & owns_item)
can_read_item = is_member | is_published
can_comment = can_edit_all | is_partner


def add_register_rules(app_label: str, model_name: str) -> None:
    """The rule set every workspace register shares: view (members all, public published), add/change/delete
    (analysts and administrators all, partners their own organisation's), restore (analysts and
    administrators), comment (every role but readers, on what they can read), history (members)."""
    import rules

    prefix = f"{app_label}."
    rules.add_perm(f"{prefix}view_{model_name}", can_read_item)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"{prefix}{action}_{model_name}", can_edit_item)
    rules.add_perm(f"{prefix}restore_{model_name}", can_edit_all)
    rules.add_perm(f"{prefix}comment_{model_name}", can_comment & can_read_item)
    rules.add_perm(f"{prefix}history_{model_name}", is_member)
