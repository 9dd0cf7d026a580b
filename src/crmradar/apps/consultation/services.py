"""Business logic of the consultation registers, shared by pages, API, admin, import and CLI.

Every change goes through here so that the same rules apply, the acting user is recorded on the item and in
its history, and partners can only create items for their own organisation.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils import timezone

from crmradar.apps.accounts.roles import PARTNER, organisation_id_of, role_of
from crmradar.apps.consultation.models import (
    ActionPoint,
    Comment,
    Decision,
    Meeting,
    ProgressNote,
    WorkspaceItem,
)


def perm(action: str, model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def require(user, action: str, model: type[models.Model], item=None) -> None:
    """Raise PermissionDenied unless ``user`` may do ``action`` (view, add, change, …) on ``item``/``model``.

    An item the user may not even see is reported as missing (Http404), so unpublished items stay invisible.
    """
    if item is not None and action != "view" and not user.has_perm(perm("view", model), item):
        raise Http404
    if not user.has_perm(perm(action, model), item):
        if item is not None and action == "view":
            raise Http404
        raise PermissionDenied


def visible(model: type[WorkspaceItem], user, include_deleted: bool = False) -> models.QuerySet:
    """The items of a register the user may read: everything for members, published items for the public."""
    manager = model.all_objects if include_deleted and user.has_perm("consultation.view_deleted") else model.objects
    queryset = manager.all()
    if not user.has_perm("consultation.view_workspace"):
        queryset = queryset.filter(published=True)
    return queryset


def _stamp(item: models.Model, user) -> None:
    actor = user if getattr(user, "is_authenticated", False) else None
    item._history_user = actor
    if isinstance(item, WorkspaceItem):
        if item._state.adding:
            item.created_by = actor
        item.updated_by = actor


def save_item(item: WorkspaceItem, user, links: dict[str, list] | None = None) -> WorkspaceItem:
    """Validate and save a new or changed item with its many-to-many links, atomically.

    Partners always create items owned by their own organisation, and cannot hand an item to another one.
    """
    is_new = item._state.adding  # an import may create an item with a given id
    model = type(item)
    if is_new:
        require(user, "add", model)
    else:
        stored = model.all_objects.get(pk=item.pk)
        require(user, "change", model, stored)
    if role_of(user) == PARTNER and model._meta.model_name != "organisation":
        item.owner_organisation_id = organisation_id_of(user)
    _stamp(item, user)
    item.full_clean(validate_unique=True)
    with transaction.atomic():
        item.save()
        for name, values in (links or {}).items():
            getattr(item, name).set(values)
    return item


def soft_delete(item: WorkspaceItem, user) -> None:
    require(user, "delete", type(item), item)
    item.deleted_at = timezone.now()
    item.deleted_by = user if user.is_authenticated else None
    _stamp(item, user)
    item._change_reason = "deleted"
    item.save()


def restore(item: WorkspaceItem, user) -> None:
    """Undo a soft delete (analysts and administrators)."""
    if not user.has_perm(perm("restore", type(item)), item):
        raise PermissionDenied
    item.deleted_at = None
    item.deleted_by = None
    _stamp(item, user)
    item._change_reason = "restored"
    item.save()


def add_comment(item: WorkspaceItem, user, text: str) -> Comment:
    require(user, "comment", type(item), item)
    if not text.strip():
        raise ValidationError({"text": "empty"})
    from django.contrib.contenttypes.models import ContentType

    comment = Comment(content_type=ContentType.objects.get_for_model(item), object_id=item.pk, text=text.strip(),
                      author=user)
    comment._history_user = user
    comment.save()
    return comment


def comments_of(item: WorkspaceItem) -> models.QuerySet:
    from django.contrib.contenttypes.models import ContentType

    return Comment.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)


def add_progress(action: ActionPoint, user, text: str, date: dt.date | None = None) -> ProgressNote:
    """A progress note on an action point: by those who may edit it."""
    require(user, "change", ActionPoint, action)
    note = ProgressNote(action_point=action, text=text.strip(), date=date or timezone.localdate(), author=user)
    note._history_user = user
    note.full_clean(exclude=["author", "action_point"])
    note.save()
    return note


def record_decision(meeting: Meeting, user, text: str, action_point: ActionPoint | None = None,
                    new_action: ActionPoint | None = None, status: str | None = None) -> Decision:
    """A decision of a meeting, which may create a new action point or update an existing one's status.

    Everything happens in one transaction, so a decision never exists without the change it records.
    """
    require(user, "change", Meeting, meeting)
    with transaction.atomic():
        if new_action is not None:
            action_point = save_item(new_action, user, links={"meetings": [meeting.pk]})
        elif action_point is not None:
            if status:
                action_point.status = status
            save_item(action_point, user)
            action_point.meetings.add(meeting)
        decision = Decision(meeting=meeting, text=text.strip(), action_point=action_point)
        decision._history_user = user
        decision.full_clean(exclude=["meeting", "action_point"])
        decision.save()
    return decision
