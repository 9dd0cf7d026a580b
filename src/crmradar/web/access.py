"""Who may call each route: every view (page or API operation) carries one rule from this table, and a test
walks the URL configuration and the API schema to check each route × role × read/write against it.

Rules:
- ``public``: anyone; the analysis pages and their API.
- ``item``: anyone may call it, but the object rules decide per item (the public sees published items only,
  unpublished ones are 404; writes need a role that may edit the item).
- ``member``: any workspace role (beheerder, analist, partner, lezer); anonymous users are sent to log in.
- ``editor``: roles that can change items (beheerder, analist, partner — partners their own organisation's).
- ``analyst``: analysts and administrators.
- ``admin``: administrators only.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.views.decorators.cache import never_cache

PUBLIC = "public"
ITEM = "item"
MEMBER = "member"
EDITOR = "editor"
ANALYST = "analyst"
ADMIN = "admin"
RULES = (PUBLIC, ITEM, MEMBER, EDITOR, ANALYST, ADMIN)

# Roles each rule admits for the route as a whole (object rules may narrow further).
ADMITTED = {
    PUBLIC: {"anoniem", "lezer", "partner", "analist", "beheerder"},
    ITEM: {"anoniem", "lezer", "partner", "analist", "beheerder"},
    MEMBER: {"lezer", "partner", "analist", "beheerder"},
    EDITOR: {"partner", "analist", "beheerder"},
    ANALYST: {"analist", "beheerder"},
    ADMIN: {"beheerder"},
}


def access(rule: str) -> Callable:
    """Mark a view with its access rule. Non-public rules are enforced here too and never cached."""
    if rule not in RULES:
        raise ValueError(f"unknown access rule {rule!r}")

    def mark(view: Callable) -> Callable:
        if rule == PUBLIC:
            view.access_rule = rule
            return view

        @wraps(view)
        def guarded(request, *args, **kwargs):
            from django.contrib.auth.views import redirect_to_login
            from django.core.exceptions import PermissionDenied

            from crmradar.apps.accounts.roles import role_of

            role = role_of(request.user)
            if role not in ADMITTED[rule]:
                if role == "anoniem":
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped = never_cache(guarded)
        wrapped.access_rule = rule
        return wrapped

    return mark


def public(view: Callable) -> Callable:
    return access(PUBLIC)(view)


def api_access(rule: str) -> Callable:
    """Mark an API operation with its rule; the operation enforces it itself (401/403/404 as JSON)."""
    if rule not in RULES:
        raise ValueError(f"unknown access rule {rule!r}")

    def mark(view: Callable) -> Callable:
        view.access_rule = rule
        return view

    return mark
