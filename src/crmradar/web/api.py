"""REST API (django-ninja) under ``/api/v1``; OpenAPI at ``/api/v1/openapi.json``, docs at ``/api/v1/docs``.

Every page's data is available here as JSON with a pydantic schema. Invalid parameters give HTTP 422
with the path of the offending field.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import File, NinjaAPI, Query, Schema, Status, UploadedFile
from ninja.errors import HttpError

from crmradar import __version__
from crmradar.data.lookup import UnknownMaterialError, resolve_material
from crmradar.web import services
from crmradar.web.access import PUBLIC, api_access
from crmradar.web.api_contract import (
    ERRORS,
    ERRORS_404,
    JOB_ERRORS,
    CrmaView,
    Economy,
    ErrorOut,
    Lever,
    Measure,
    PipelineStage,
    Portfolio,
    Scenario,
    StrictJSONRenderer,
    install_error_handlers,
)

api = NinjaAPI(
    title="crm-radar API",
    version=__version__,
    description="Critical raw materials for Zuid-Holland: risk, profiles, sources. Units are given per field. "
    "All JSON is strict (RFC 8259): an undefined number is null, never NaN or Infinity.",
    urls_namespace="api",
    renderer=StrictJSONRenderer(),
)
install_error_handlers(api)


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
    supply_risk_recomputed: float | None = None
    economic_importance_recomputed: float | None = None
    p_critical: float | None = None
    economic_importance_region: float | None = None
    p_critical_region: float | None = None
    zh_critical: bool | None = None
    geopolrisk_nld: float | None = None


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


@api.get("/materials", response={200: list[MaterialOut], **ERRORS}, tags=["materials"])
@api_access(PUBLIC)
def list_materials(request: HttpRequest, critical: bool = False, strategic: bool = False):
    """Materials with CRMA status and official 2023 SR, EI (dimensionless), EOL-RIR and import reliance (0–1)."""
    table = services.risk_table()
    if critical:
        table = table.loc[table["crma_critical"]]
    if strategic:
        table = table.loc[table["crma_strategic"]]
    return services.records(table)


@api.get("/risk", response=list[MaterialOut], tags=["risk"])
@api_access(PUBLIC)
def risk(request: HttpRequest):
    """The EU risk table (official 2023 values); recomputed and regional values are added by the risk engine."""
    return services.records(services.risk_table())


@api.get("/material/{material_id}", response={200: ProfileOut, **ERRORS_404}, tags=["materials"])
@api_access(PUBLIC)
def material_profile(request: HttpRequest, material_id: str):
    """All profile blocks of one material (id, English/Dutch name or symbol)."""
    try:
        resolved = resolve_material(services.knowledge_base().materials, material_id)
    except UnknownMaterialError as error:
        raise HttpError(404, str(error)) from error
    return {"material_id": resolved, "blocks": services.profile(resolved)}


@api.get("/sources", response=list[SourceOut], tags=["sources"])
@api_access(PUBLIC)
def sources(request: HttpRequest):
    """Every publication cited by the knowledge base."""
    return services.records(services.knowledge_base().sources)


class JobOut(Schema):
    status: str
    progress: float
    result: dict | None = None
    error: str | None = None
    queue_position: int = 0


def _job_response(request: HttpRequest, kind: str, parameters: dict):
    """200 with the result when cached, else 202 with the progress (never cached by the HTTP cache)."""
    from django.utils.cache import add_never_cache_headers

    from crmradar.web import computations, ratelimit  # noqa: F401 - computations registers the computations
    from crmradar.web.jobs import QueueFullError, queue_position, submit
    from crmradar.web.loading import package_hash
    from crmradar.web.views._jobs import client_id

    digest = services.cached_package_hash(str(services.knowledge_base().path), package_hash)
    try:
        job = submit(kind, parameters, digest, client=client_id(request), admit=ratelimit.admit(request))
    except ratelimit.RateLimitedError as error:
        return ratelimit.too_many(request, error)
    except QueueFullError:
        response = api.create_response(request, {"detail": "too many computations waiting; try again later"},
                                       status=429)
        add_never_cache_headers(response)
        return response
    body = {"status": job.status, "progress": job.progress, "result": job.result, "error": job.error or None,
            "queue_position": queue_position(job)}
    if job.status == "done":
        return Status(200, body)
    response = api.create_response(request, body, status=202)
    add_never_cache_headers(response)
    return response


@api.get("/risk/overview", response={200: list[dict], 202: JobOut}, tags=["risk"])
@api_access(PUBLIC)
def risk_overview_endpoint(request: HttpRequest):
    """Per material: official and recomputed SR/EI, regional EI (NL36), P(critical) EU/region, GeoPolRisk NLD/EU27.
    Precomputed per data release; 202 while a task worker computes it (after a data update)."""
    from crmradar.web.risk_cache import overview

    table = overview()
    if table is None:
        return Status(202, {"status": "queued", "progress": 0.0, "queue_position": 0})
    return services.records(table.reset_index())


@api.get("/geopolrisk", response={200: list[dict], **ERRORS}, tags=["risk"])
@api_access(PUBLIC)
def geopolrisk_endpoint(request: HttpRequest, economy: Economy = "NLD"):
    """GeoPolRisk scores on the shipped data (BACI imports, USGS production, WGI PV): hhi, import_risk, score,
    price_usd_per_kg, cf_kg_cu_eq per material and year."""
    from crmradar.methods.geopolrisk import geopolrisk
    from crmradar.reports.risk_overview import shipped_geopolrisk_inputs

    if economy not in ("NLD", "EU27"):
        raise HttpError(422, "economy must be NLD or EU27")
    inputs = shipped_geopolrisk_inputs(services.knowledge_base())
    return services.records(geopolrisk(**inputs, economies=[economy]))


@api.get("/demand", response={200: JobOut, 202: JobOut, **JOB_ERRORS}, tags=["energy transition"])
@api_access(PUBLIC)
def demand_endpoint(request: HttpRequest, scenario: Scenario = "targets"):
    """Zuid-Holland demand and end-of-life percentiles (t/yr). 202 while the Monte Carlo runs; poll again."""
    from crmradar.web import computations
    from crmradar.web.views.energy import DEFAULT_DRAWS

    if scenario not in computations.SCENARIOS:
        raise HttpError(422, f"scenario must be one of {', '.join(computations.SCENARIOS)}")
    return _job_response(request, "demand", {"scenario": scenario, "draws": DEFAULT_DRAWS, "seed": 20260616})


@api.get("/crma", response={200: list[dict], **ERRORS}, tags=["CRMA"])
@api_access(PUBLIC)
def crma_endpoint(request: HttpRequest, portfolio: Portfolio = "pipeline", year: int = Query(2030, ge=2000, le=2100),  # noqa: B008
                  min_stage: PipelineStage = "financiering", view: CrmaView = "benchmarks"):
    """CRMA Art. 5 benchmark table per strategic raw material and stage, before and after a portfolio.

    ``portfolio=pipeline`` (default, as ``crmradar crma``): the cited project pipeline of the data package at
    ``min_stage`` or later; ``view=projects`` gives how much each counted project moves its benchmark and the
    65 % cap. ``example`` is the illustrative example portfolio, ``none`` current EU capacity only.
    """
    from crmradar.web.views.analysis import crma_table, pipeline_crma

    package = str(services.knowledge_base().path)
    if portfolio == "pipeline":
        table, contributions, _skipped = pipeline_crma(package, year, min_stage)
        return services.records(contributions if view == "projects" else table)
    if view == "projects":
        raise HttpError(422, "view=projects needs portfolio=pipeline")
    return services.records(crma_table(package, portfolio == "example", year))


@api.post("/procurement/scan", response={200: dict, 413: dict, 422: dict, 429: ErrorOut}, tags=["procurement"])
@api_access(PUBLIC)
def procurement_scan_endpoint(request: HttpRequest, file: UploadedFile = File(...)):  # noqa: B008 - ninja style
    """Scan an uploaded purchase list (CSV/XLSX): CRM content per material, risk, NZIA flags, clauses, issues."""
    import tempfile
    from pathlib import Path

    from crmradar.procurement import PurchaseFileError
    from crmradar.web import ratelimit
    from crmradar.web.views.procurement import MAX_UPLOAD_BYTES, run_scan

    if file.size > MAX_UPLOAD_BYTES:
        return Status(413, {"detail": [{"loc": ["body", "file"], "msg": f"file larger than {MAX_UPLOAD_BYTES} bytes"}]})
    suffix = Path(file.name or "").suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        return Status(422, {"detail": [{"loc": ["body", "file"], "msg": "only .csv and .xlsx files can be scanned"}]})
    try:
        ratelimit.take(ratelimit.client_key(request))
    except ratelimit.RateLimitedError as error:
        return ratelimit.too_many(request, error)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(file.read())
        try:
            result = run_scan(path)
        except PurchaseFileError as error:
            return Status(422, {"detail": [{"loc": ["body", "file"], "msg": str(error)}]})
    tables = {name: services.records(frame) for name, frame in result.tables().items()}
    return Status(200, {"summary": result.summary, **tables})


@api.get("/shocks", response={200: JobOut, 202: JobOut, **JOB_ERRORS}, tags=["shocks"])
@api_access(PUBLIC)
def shocks_endpoint(request: HttpRequest, measure: list[Measure] = Query(...)):  # noqa: B008 - ninja style
    """Replay register measures side by side (EU/NL shortfall, ZH deployment and value added at risk, P5/P50/P95).
    202 while the Monte Carlo runs; poll again."""
    from datetime import date

    from crmradar.web.views.shock import DRAWS

    known = set(services.knowledge_base().export_restrictions["measure_id"])
    unknown = [m for m in measure if m not in known]
    if unknown or not 1 <= len(measure) <= 2:
        raise HttpError(422, f"give one or two known measure ids; unknown: {', '.join(unknown) or '-'}")
    parameters = {"measures": list(dict.fromkeys(measure)), "scenario": "targets", "draws": DRAWS,
                  "seed": 20260616, "open_end_year": date.today().year}
    return _job_response(request, "shock", parameters)


@api.get("/recycling", response={200: JobOut, 202: JobOut, **JOB_ERRORS}, tags=["recycling"])
@api_access(PUBLIC)
def recycling_endpoint(request: HttpRequest, scenario: Scenario = "targets"):
    """End-of-life feedstock per stream and catchment vs recycling capacity, year of minimum plant scale,
    capacity gaps and recoverable value. 202 while the Monte Carlo runs; poll again."""
    from crmradar.web import computations
    from crmradar.web.views.recycling import DRAWS

    if scenario not in computations.SCENARIOS:
        raise HttpError(422, f"scenario must be one of {', '.join(computations.SCENARIOS)}")
    return _job_response(request, "recycling", {"scenario": scenario, "draws": DRAWS, "seed": 20260616})


@api.get("/levers", response={200: JobOut, 202: JobOut, **JOB_ERRORS}, tags=["levers"])
@api_access(PUBLIC)
def levers_endpoint(request: HttpRequest, lever: Lever, strength: float | None = None, scenario: Scenario = "targets"):
    """Effect of one lever against the baseline (paired Monte Carlo): change in primary demand, supply-risk-weighted
    demand and secondary share per material and year (P5/P50/P95). 202 while running; poll again."""
    from crmradar.web import computations
    from crmradar.web.views.levers import EFFECT_DRAWS

    library = computations.lever_library()
    if lever not in library.levers:
        raise HttpError(422, f"unknown lever {lever!r}; known: {', '.join(sorted(library.levers))}")
    chosen = library.levers[lever]
    value = chosen.strength if strength is None else strength
    low, high = chosen.bounds
    if not low <= value <= high or scenario not in computations.SCENARIOS:
        raise HttpError(422, f"strength must lie in [{low}, {high}] and scenario in {computations.SCENARIOS}")
    parameters = {"scenario": scenario, "lever": lever, "strength": round(value, 2), "draws": EFFECT_DRAWS,
                  "seed": 20260616}
    return _job_response(request, "lever", parameters)


@api.get("/levers/rank", response={200: JobOut, 202: JobOut, 429: ErrorOut}, tags=["levers"])
@api_access(PUBLIC)
def levers_rank_endpoint(request: HttpRequest):
    """Every lever ranked per material and for the risk-weighted totals in 2050, with tornado data (202 while
    running)."""
    from crmradar.web.views.levers import RANK_DRAWS, RANK_YEAR

    parameters = {"scenario": "targets", "draws": RANK_DRAWS, "seed": 20260616, "year": RANK_YEAR}
    return _job_response(request, "lever_rank", parameters)


def _mount_workspace() -> None:
    from crmradar.apps.consultation.api import router as workspace_router

    api.add_router("/workspace/", workspace_router)
    from crmradar.apps.signals.api import router as signals_router

    api.add_router("/signals/", signals_router)


_mount_workspace()
