"""The one pattern every computed panel uses: the cached result, or a progress panel that polls again."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from crmradar.web import services
from crmradar.web.jobs import submit
from crmradar.web.loading import package_hash


def job_or_progress(request, kind: str, parameters: dict):
    """(job, None) when the result is ready, else (job, response) with the progress or failure panel."""
    digest = services.cached_package_hash(str(services.knowledge_base().path), package_hash)
    job = submit(kind, parameters, digest)
    if job.status == "done":
        return job, None
    template = "web/_job_failed.html" if job.status == "failed" else "web/_job_progress.html"
    response = render(request, template, {"job": job, "poll_url": request.get_full_path()})
    add_never_cache_headers(response)  # progress must be polled afresh
    return job, response
