"""REST API (django-ninja) under ``/api/v1``; OpenAPI at ``/api/v1/openapi.json``, docs at ``/api/v1/docs``.

Every page's data is available here as JSON with a pydantic schema. Invalid parameters give HTTP 422
with the path of the offending field.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError

from crmradar import __version__
from crmradar.data.lookup import UnknownMaterialError, resolve_material
from crmradar.web import services

api = NinjaAPI(
    title="crm-radar API",
    version=__version__,
    description="Critical raw materials for Zuid-Holland: risk, profiles, sources. Units are given per field.",
    urls_namespace="api",
)


class MaterialOut(Schema):
    material_id: str
    name_en: str
    name_nl: str
    symbol: str | None
    crma_strategic: bool
    crma_critical: bool
    supply_risk: float | None
    economic_importance: float | None
    eol_rir: float | None = None
    import_reliance: float | None = None
    eu_critical: bool
    above_thresholds: bool


class BlockOut(Schema):
    key: str
    rows: list[dict]
    sources: list[str]
    notes: dict[str, str]


class ProfileOut(Schema):
    material_id: str
    blocks: list[BlockOut]


class SourceOut(Schema):
    id: str
    publisher: str
    title: str
    year: int | None
    url: str | None
    licence: str | None
    accessed: str | None
    note: str | None = None


@api.get("/materials", response=list[MaterialOut], tags=["materials"])
def list_materials(request: HttpRequest, critical: bool = False, strategic: bool = False):
    """Materials with CRMA status and official 2023 SR, EI (dimensionless), EOL-RIR and import reliance (0–1)."""
    table = services.risk_table()
    if critical:
        table = table.loc[table["crma_critical"]]
    if strategic:
        table = table.loc[table["crma_strategic"]]
    return services.records(table)


@api.get("/risk", response=list[MaterialOut], tags=["risk"])
def risk(request: HttpRequest):
    """The EU risk table (official 2023 values); recomputed and regional values are added by the risk engine."""
    return services.records(services.risk_table())


@api.get("/material/{material_id}", response=ProfileOut, tags=["materials"])
def material_profile(request: HttpRequest, material_id: str):
    """All profile blocks of one material (id, English/Dutch name or symbol)."""
    try:
        resolved = resolve_material(services.knowledge_base().materials, material_id)
    except UnknownMaterialError as error:
        raise HttpError(404, str(error)) from error
    return {"material_id": resolved, "blocks": services.profile(resolved)}


@api.get("/sources", response=list[SourceOut], tags=["sources"])
def sources(request: HttpRequest):
    """Every publication cited by the knowledge base."""
    return services.records(services.knowledge_base().sources)
