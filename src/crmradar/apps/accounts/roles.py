"""The workspace roles and what each may do, in one place.

``beheerder`` administers accounts; ``analist`` (province analyst) edits everything; ``partner`` edits the
items its own organisation owns and comments on all; ``lezer`` reads the whole workspace. Anonymous visitors
read only published items.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ADMINISTRATOR = "beheerder"
ANALYST = "analist"
PARTNER = "partner"
READER = "lezer"
ANONYMOUS = "anoniem"

ROLES = (ADMINISTRATOR, ANALYST, PARTNER, READER)
ROLE_CHOICES = [
    (ADMINISTRATOR, _("Administrator")),
    (ANALYST, _("Analyst")),
    (PARTNER, _("Partner")),
    (READER, _("Reader")),
]
EDITING_ROLES = (ADMINISTRATOR, ANALYST, PARTNER)
FULL_EDIT_ROLES = (ADMINISTRATOR, ANALYST)


def role_of(user) -> str:
    """The workspace role of a user, ``anoniem`` for anonymous or disabled users and users without an account."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    account = getattr(user, "account", None)
    if account is None:
        return ADMINISTRATOR if user.is_superuser else ANONYMOUS
    return account.role


def organisation_id_of(user) -> int | None:
    account = getattr(user, "account", None) if getattr(user, "is_authenticated", False) else None
    return account.organisation_id if account is not None else None
