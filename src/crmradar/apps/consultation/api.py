"""Workspace API under ``/api/v1/workspace/<register>/``: list (paginated, filtered), read, create, update,
delete for every register, with the same rules as the pages.

Authentication: ``Authorization: Bearer <token>`` (``crmradar user token``) or the browser session (then
writes need the CSRF token). Without credentials, reads return published items only and writes answer 401;
a role that may not gets 403; an unpublished item is 404 to the public.
"""

# No "from __future__ import annotations": ninja must resolve the per-register body classes at definition.
import datetime as dt
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models as db
from django.http import Http404, HttpRequest
from django.views.decorators.cache import never_cache
from ninja import Query, Router
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.errors import ValidationError as SchemaValidationError
from pydantic import BaseModel, ConfigDict, Field, create_model

from crmradar.apps.consultation import services
from crmradar.apps.consultation.registers import PACKAGE_LINK_FIELDS, REGISTERS, Register
from crmradar.apps.consultation.views import filtered
from crmradar.web.access import EDITOR, ITEM, api_access
from crmradar.web.api_contract import ErrorOut

router = Router(tags=["workspace"])
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
MAX_PAGE_SIZE = 200
MAX_PAGE = 10**6  # pages and ids beyond these cannot exist; larger numbers overflow the database's integers
MAX_ID = 2**62
ItemId = Annotated[int, Field(ge=1, le=MAX_ID)]
# the error answers every route can give (declared so the OpenAPI schema lists them; issue 17, schemathesis)
DENIED = {401: ErrorOut, 403: ErrorOut, 422: ErrorOut}
MISSING = {**DENIED, 404: ErrorOut}


def api_user(request: HttpRequest):
    """The user behind a request: bearer token first, else the session (CSRF-checked for writes)."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _sep, token = header.partition(" ")
        from crmradar.apps.accounts.services import user_for_token

        user = user_for_token(token.strip()) if scheme.lower() == "bearer" and token.strip() else None
        if user is None:
            raise HttpError(401, "invalid or revoked token")
        request.user = user  # the history middleware attributes changes to request.user
        return user
    user = request.user
    if user.is_authenticated and request.method not in SAFE_METHODS:
        from ninja.utils import check_csrf

        if check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed; send the X-CSRFToken header or use a bearer token")
    return user


def _guard(user, call):
    try:
        return call()
    except Http404 as error:
        raise HttpError(404, "not found") from error
    except PermissionDenied as error:
        if not user.is_authenticated:
            raise HttpError(401, "authentication required") from error
        raise HttpError(403, "your role may not do this") from error


def _python_type(register: Register, name: str) -> Any:
    field = register.model._meta.get_field(name)
    if field.many_to_many or name in PACKAGE_LINK_FIELDS:
        return list[int] if field.many_to_many else list[str]
    if field.is_relation:
        return int | None
    if isinstance(field, db.BooleanField):
        return bool
    if isinstance(field, db.DateField):
        return dt.date | None
    if isinstance(field, db.IntegerField | db.BigAutoField):
        return int | None
    if isinstance(field, db.FloatField):
        return float | None
    return str


def _schemas(register: Register) -> tuple[type[BaseModel], type[BaseModel]]:
    names = [n for n in register.exchange if n != "id"]
    out_fields = {"id": (int, ...), **{n: (_python_type(register, n), ...) for n in names},
                  "updated_at": (dt.datetime, ...)}
    in_fields = {n: (_python_type(register, n) | None, Field(default=None)) for n in names}
    cls = register.model.__name__
    out = create_model(f"{cls}Out", **out_fields)
    body = create_model(f"{cls}In", __config__=ConfigDict(extra="forbid"), **in_fields)
    return out, body


def _dump(register: Register, item) -> dict:
    row = {"id": item.pk, "updated_at": item.updated_at}
    for name in register.exchange:
        if name == "id":
            continue
        field = item._meta.get_field(name)
        if field.many_to_many:
            row[name] = sorted(item.__dict__.get(f"_{name}_ids") or getattr(item, name).values_list("pk", flat=True))
        elif field.is_relation:
            row[name] = getattr(item, f"{name}_id")
        else:
            row[name] = getattr(item, name)
    return row


def _apply(register: Register, item, payload: dict, user):
    links = {}
    for name, value in payload.items():
        field = register.model._meta.get_field(name)
        if field.many_to_many:
            value = value or []  # null means no links
            links[name] = list(services.visible(field.related_model, user).filter(pk__in=value))
            if len(links[name]) != len(set(value)):
                raise SchemaValidationError([{"loc": ["body", name], "msg": "unknown id(s)"}])
        elif field.is_relation:
            setattr(item, f"{name}_id", value)
        else:
            is_text = isinstance(field, db.CharField | db.TextField)
            setattr(item, name, "" if value is None and not field.null and is_text else value)
    try:
        return services.save_item(item, user, links=links)
    except ValidationError as error:
        detail = [{"loc": ["body", field], "msg": " ".join(messages)}
                  for field, messages in error.message_dict.items()]
        raise SchemaValidationError(detail) from error


def _add_routes(register: Register) -> None:
    out, body = _schemas(register)
    slug, model = register.slug, register.model

    # one named schema per register (a class renamed after creation kept one shared name in the OpenAPI schema,
    # so every list answer was declared as the last register's page; found by schemathesis, issue 17)
    Page = create_model(f"{model.__name__}Page", count=(int, ...), page=(int, ...), page_size=(int, ...),  # noqa: N806
                        results=(list[out], ...))  # type: ignore[valid-type]

    @router.get(f"/{slug}/", response={200: Page, **DENIED}, operation_id=f"list_{slug}",
                summary=f"List {register.model._meta.verbose_name_plural}")
    @decorate_view(never_cache)
    @api_access(ITEM)
    def list_items(request, page: int = Query(1, le=MAX_PAGE), page_size: int = Query(50, le=10**6),  # noqa: B008
                   q: str = "", sort: str = ""):
        """Items the caller may read; other query parameters filter on the register's filter fields."""
        user = api_user(request)
        page_size = max(1, min(page_size, MAX_PAGE_SIZE))
        page = max(1, page)
        params = dict(request.GET.items())
        queryset, _active = filtered(register, user, params)
        total = queryset.count()
        items = queryset[(page - 1) * page_size: page * page_size]
        return {"count": total, "page": page, "page_size": page_size, "results": [_dump(register, i) for i in items]}

    @router.get(f"/{slug}/{{item_id}}", response={200: out, **MISSING}, operation_id=f"read_{slug}")
    @decorate_view(never_cache)
    @api_access(ITEM)
    def read_item(request, item_id: ItemId):
        user = api_user(request)
        return _guard(user, lambda: _dump(register, _get(register, user, item_id)))

    @router.post(f"/{slug}/", response={201: out, 400: ErrorOut, **DENIED}, operation_id=f"create_{slug}")
    @decorate_view(never_cache)
    @api_access(EDITOR)
    def create_item(request, payload: body):  # type: ignore[valid-type]
        user = api_user(request)
        item = _guard(user, lambda: _apply(register, model(), payload.model_dump(exclude_unset=True), user))
        return 201, _dump(register, item)

    @router.patch(f"/{slug}/{{item_id}}", response={200: out, 400: ErrorOut, **MISSING}, operation_id=f"update_{slug}")
    @decorate_view(never_cache)
    @api_access(EDITOR)
    def update_item(request, item_id: ItemId, payload: body):  # type: ignore[valid-type]
        user = api_user(request)

        def change():
            item = _get(register, user, item_id)
            return _apply(register, item, payload.model_dump(exclude_unset=True), user)

        return _dump(register, _guard(user, change))

    @router.delete(f"/{slug}/{{item_id}}", response={204: None, **MISSING}, operation_id=f"delete_{slug}")
    @decorate_view(never_cache)
    @api_access(EDITOR)
    def delete_item(request, item_id: ItemId):
        """Soft delete: an analyst can undo it on the item's page."""
        user = api_user(request)
        _guard(user, lambda: services.soft_delete(_get(register, user, item_id), user))
        return 204, None


def _get(register: Register, user, item_id: int):
    item = services.visible(register.model, user).filter(pk=item_id).first()
    if item is None:
        raise Http404
    return item


for _register in REGISTERS.values():
    _add_routes(_register)
