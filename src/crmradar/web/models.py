"""Database snapshot of the knowledge base, and cached results of long computations.

The data package stays the source of truth; the database holds a versioned copy (``PackageLoad``)
so the API can filter and later partner workspaces can annotate. Monte Carlo arrays are not stored
here (they go to Parquet/NumPy files); only small JSON summaries are cached.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class PackageLoad(models.Model):
    """One load of a data package into the database, identified by the hash of its files."""

    package_hash = models.CharField(max_length=64, unique=True)
    package_path = models.TextField()
    loaded_at = models.DateTimeField(auto_now_add=True)
    tables = models.JSONField(default=dict)  # table name → row count

    class Meta:
        ordering = ["-loaded_at"]


class Source(models.Model):
    load = models.ForeignKey(PackageLoad, on_delete=models.CASCADE, related_name="sources")
    source_id = models.CharField(max_length=120)
    publisher = models.TextField()
    title = models.TextField()
    year = models.IntegerField(null=True)
    url = models.TextField(blank=True)
    licence = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["load", "source_id"], name="unique_source_per_load")]


class Material(models.Model):
    load = models.ForeignKey(PackageLoad, on_delete=models.CASCADE, related_name="materials")
    material_id = models.CharField(max_length=60)
    name_en = models.CharField(max_length=120)
    name_nl = models.CharField(max_length=120)
    symbol = models.CharField(max_length=12, blank=True)
    group_id = models.CharField(max_length=60, blank=True)
    crma_strategic = models.BooleanField(default=False)
    crma_critical = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["load", "material_id"], name="unique_material_per_load")]


class TableRow(models.Model):
    """Every row of every table, as JSON, for full-fidelity export and future annotation."""

    load = models.ForeignKey(PackageLoad, on_delete=models.CASCADE, related_name="rows")
    table = models.CharField(max_length=60, db_index=True)
    row_number = models.IntegerField()
    data = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["load", "table", "row_number"], name="unique_row")]


class CachedResult(models.Model):
    """Result of a long computation keyed by the hash of its inputs (kind + parameters + package)."""

    input_hash = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=40)
    parameters = models.JSONField(default=dict)
    status = models.CharField(max_length=10, default="queued")  # queued | running | done | failed | cancelled
    progress = models.FloatField(default=0.0)
    result = models.JSONField(null=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Task queue (crmradar.web.jobs): who asked, which task runs it, liveness, retries and size for eviction.
    client = models.CharField(max_length=64, blank=True, default="", db_index=True)
    task_id = models.CharField(max_length=64, blank=True, default="")
    started_at = models.DateTimeField(null=True)
    heartbeat_at = models.DateTimeField(null=True)
    used_at = models.DateTimeField(default=timezone.now)  # creation, finish or last cache hit
    attempts = models.PositiveSmallIntegerField(default=0)
    size_bytes = models.BigIntegerField(default=0)  # bytes of the JSON result

    class Meta:
        indexes = [models.Index(fields=["status", "id"], name="cachedresult_status")]
