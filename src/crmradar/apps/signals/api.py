"""Signal API under ``/api/v1/signals/``: list and read (the public sees published signals), record a signal
(editors; it is matched and the owners notified), and the per-material price thresholds (members read,
analysts set). Authentication as for the workspace API (bearer token or session with CSRF)."""

# No "from __future__ import annotations": ninja resolves the schemas at definition.
import datetime as dt

from django.core.exceptions import ValidationError
from django.views.decorators.cache import never_cache
from ninja import Query, Router, Schema, Status
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.errors import ValidationError as SchemaValidationError
from pydantic import ConfigDict, Field

from crmradar.apps.consultation import services as workspace
from crmradar.apps.consultation.api import DENIED, MISSING, ItemId, _guard, api_user
from crmradar.apps.signals import services
from crmradar.apps.signals.models import PriceThreshold, Signal, SignalKind
from crmradar.web.access import ANALYST, EDITOR, ITEM, MEMBER, api_access
from crmradar.web.api_contract import ErrorOut

router = Router(tags=["signals"])
MAX_PAGE_SIZE = 200


class SignalOut(Schema):
    id: int
    kind: str
    title: str
    summary: str
    url: str
    published_on: dt.date | None
    origin: str
    materials: list[str]
    price_change_percent: float | None
    alerting: bool
    published: bool
    technologies: list[str]
    chains: list[int]
    organisations: list[int]


class SignalIn(Schema):
    model_config = ConfigDict(extra="forbid")
    kind: SignalKind
    title: str = Field(min_length=1, max_length=300)
    summary: str = ""
    url: str = ""
    published_on: dt.date | None = None
    materials: list[str] = Field(default_factory=list, description="data-package ids; empty: read from the text")
    price_change_percent: float | None = None
    published: bool = False
    owner_organisation: int | None = None


class SignalPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[SignalOut]


class ThresholdOut(Schema):
    material: str
    percent: float


class ThresholdIn(Schema):
    model_config = ConfigDict(extra="forbid")
    percent: float | None = Field(default=None, ge=0, description="null removes the threshold")


def _dump(signal: Signal, user) -> dict:
    member = user.has_perm("consultation.view_workspace")
    chains = signal.chains.all() if member else signal.chains.filter(published=True)
    return {
        "id": signal.pk, "kind": signal.kind, "title": signal.title, "summary": signal.summary, "url": signal.url,
        "published_on": signal.published_on, "origin": signal.origin, "materials": signal.materials,
        "price_change_percent": signal.price_change_percent, "alerting": signal.alerting,
        "published": signal.published, "technologies": signal.technologies,
        "chains": sorted(c.pk for c in chains),
        "organisations": sorted(signal.organisations.values_list("pk", flat=True)) if member else [],
    }


@router.get("/", response={200: SignalPage, **DENIED}, operation_id="list_signals", summary="List signals")
@decorate_view(never_cache)
@api_access(ITEM)
def list_signals(request, page: int = Query(1, le=10**6), page_size: int = Query(50, le=10**6),  # noqa: B008
                  kind: str = "", material: str = ""):
    user = api_user(request)
    page_size, page = max(1, min(page_size, MAX_PAGE_SIZE)), max(1, page)
    queryset = workspace.visible(Signal, user)
    if kind:
        queryset = queryset.filter(kind=kind)
    signals = list(queryset)
    if material:
        signals = [s for s in signals if material in (s.materials or [])]
    chunk = signals[(page - 1) * page_size: page * page_size]
    return {"count": len(signals), "page": page, "page_size": page_size, "results": [_dump(s, user) for s in chunk]}


@router.get("/drempels/", response={200: list[ThresholdOut], **DENIED}, operation_id="list_price_thresholds")
@decorate_view(never_cache)
@api_access(MEMBER)
def list_thresholds(request):
    user = api_user(request)
    if not user.has_perm("signals.view_pricethreshold"):
        raise HttpError(401 if not user.is_authenticated else 403, "members only")
    return [{"material": t.material, "percent": t.percent} for t in PriceThreshold.objects.all()]


@router.put("/drempels/{material}", response={200: ThresholdOut, 204: None, **MISSING},
            operation_id="set_price_threshold")
@decorate_view(never_cache)
@api_access(ANALYST)
def set_threshold(request, material: str, payload: ThresholdIn):
    user = api_user(request)
    try:
        item = _guard(user, lambda: services.set_threshold(user, material, payload.percent))
    except ValidationError as error:
        raise SchemaValidationError([{"loc": ["path", "material"], "msg": " ".join(
            m for ms in error.message_dict.values() for m in ms)}]) from error
    if item is None:
        return Status(204, None)
    return {"material": item.material, "percent": item.percent}


@router.get("/{signal_id}", response={200: SignalOut, **MISSING}, operation_id="read_signal")
@decorate_view(never_cache)
@api_access(ITEM)
def read_signal(request, signal_id: ItemId):
    user = api_user(request)
    signal = workspace.visible(Signal, user).filter(pk=signal_id).first()
    if signal is None:
        raise HttpError(404, "not found")
    return _dump(signal, user)


@router.post("/", response={201: SignalOut, 400: ErrorOut, **DENIED}, operation_id="create_signal")
@decorate_view(never_cache)
@api_access(EDITOR)
def create_signal(request, payload: SignalIn):
    user = api_user(request)
    data = payload.model_dump()
    owner = data.pop("owner_organisation")
    signal = Signal(origin="hand", owner_organisation_id=owner, **data)
    try:
        _guard(user, lambda: services.record(signal, user))
    except ValidationError as error:
        raise SchemaValidationError([{"loc": ["body", field], "msg": " ".join(messages)}
                                     for field, messages in error.message_dict.items()]) from error
    return Status(201, _dump(signal, user))
