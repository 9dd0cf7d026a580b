"""The one pattern every computed panel uses: the cached result, or a progress panel that polls again."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from crmradar.web import ratelimit, services
from crmradar.web.jobs import QueueFullError, cancel, queue_position, submit
from crmradar.web.loading import package_hash


def client_id(request) -> str:
    """Who asked, for the per-client limit on waiting jobs (the address the request came from)."""
    return (request.META.get("REMOTE_ADDR") or "unknown")[:64]


def job_or_progress(request, kind: str, parameters: dict):
    """(job, None) when the result is ready, else (job, response) with the progress, queue-full or failure panel."""
    digest = services.cached_package_hash(str(services.knowledge_base().path), package_hash)
    try:
        job = submit(kind, parameters, digest, client=client_id(request), admit=ratelimit.admit(request))
    except ratelimit.RateLimitedError as error:
        return None, ratelimit.too_many(request, error)
    except QueueFullError:
        status = 200 if request.headers.get("HX-Request") else 429  # HTMX swaps only 2xx answers
        response = render(request, "web/_job_queue_full.html", {"poll_url": request.get_full_path()}, status=status)
        add_never_cache_headers(response)
        return None, response
    if job.status == "done":
        return job, None
    template = "web/_job_failed.html" if job.status in ("failed", "cancelled") else "web/_job_progress.html"
    response = render(request, template, {"job": job, "poll_url": request.get_full_path(),
                                          "position": queue_position(job),
                                          "can_cancel": job.client == client_id(request)})
    add_never_cache_headers(response)  # progress must be polled afresh
    return job, response


@require_POST
def cancel_job(request, job_id: int):
    """Cancel the caller's own queued or running computation (HTMX replaces the progress panel)."""
    if not cancel(job_id, client=client_id(request)):
        raise Http404
    response = render(request, "web/_job_failed.html", {"job": {"status": "cancelled"}})
    add_never_cache_headers(response)
    return response
