"""Account operations shared by the CLI, the admin and the API: create, disable, list users, issue tokens."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from crmradar.apps.accounts.models import Account, ApiToken, hash_token
from crmradar.apps.accounts.roles import ADMINISTRATOR, ANALYST, ROLES

TOKEN_BYTES = 32


class AccountError(ValueError):
    """A request about accounts that cannot be carried out; the message names the field."""


@dataclass(frozen=True)
class UserRow:
    email: str
    organisation: str
    role: str
    active: bool
    last_login: str


def _organisation(name: str):
    from crmradar.apps.consultation.models import Organisation

    match = Organisation.objects.filter(name__iexact=name.strip()).first()
    if match is None:
        known = ", ".join(Organisation.objects.order_by("name").values_list("name", flat=True))
        raise AccountError(f"organisation: unknown organisation {name!r}; known: {known}")
    return match


def add_user(email: str, organisation: str, role: str, password: str) -> object:
    """Create an active user with a role in an existing organisation; the password is Argon2-hashed by Django."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise AccountError(f"email: {email!r} is not an e-mail address") from error
    if role not in ROLES:
        raise AccountError(f"role: {role!r} is not one of {', '.join(ROLES)}")
    user_model = get_user_model()
    if user_model.objects.filter(username=email).exists():
        raise AccountError(f"email: a user {email} already exists")
    org = _organisation(organisation)
    candidate = user_model(username=email, email=email)
    try:
        validate_password(password, candidate)
    except ValidationError as error:
        raise AccountError("password: " + " ".join(error.messages)) from error
    with transaction.atomic():
        candidate.set_password(password)
        candidate.is_staff = role in (ADMINISTRATOR, ANALYST)
        candidate.is_superuser = role == ADMINISTRATOR
        candidate.save()
        Account.objects.create(user=candidate, role=role, organisation=org)
    return candidate


def _user(email: str):
    user = get_user_model().objects.filter(username=email.strip().lower()).first()
    if user is None:
        raise AccountError(f"email: no user {email}")
    return user


def issue_token(email: str) -> str:
    """A new personal API token for an active user; only its hash is stored, so it is shown once."""
    user = _user(email)
    if not user.is_active:
        raise AccountError(f"email: user {email} is disabled")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    ApiToken.objects.create(user=user, token_hash=hash_token(token), prefix=token[:8])
    return token


def user_for_token(token: str):
    """The active user owning a token, or None; records when the token was last used."""
    match = ApiToken.objects.select_related("user").filter(token_hash=hash_token(token), revoked=False).first()
    if match is None or not match.user.is_active:
        return None
    ApiToken.objects.filter(pk=match.pk).update(last_used_at=timezone.now())
    return match.user


def disable_user(email: str) -> None:
    """Disable login and revoke every API token; the user's history stays attributed to them."""
    user = _user(email)
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        ApiToken.objects.filter(user=user).update(revoked=True)


def list_users() -> list[UserRow]:
    rows = []
    for user in get_user_model().objects.select_related("account__organisation").order_by("username"):
        account = getattr(user, "account", None)
        rows.append(UserRow(
            email=user.email or user.username,
            organisation=account.organisation.name if account else "",
            role=account.role if account else ("beheerder" if user.is_superuser else ""),
            active=user.is_active,
            last_login=user.last_login.isoformat(timespec="minutes") if user.last_login else "",
        ))
    return rows
