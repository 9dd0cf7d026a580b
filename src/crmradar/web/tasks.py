"""The django-tasks task behind every background computation (see :mod:`crmradar.web.jobs`)."""

from __future__ import annotations

from django_tasks import task


@task()
def run_job(job_id: int) -> str:
    """Run the computation of ``CachedResult`` ``job_id`` in this worker; returns its final status."""
    from crmradar.web.jobs import execute

    return execute(job_id)
