"""Per-client rate limit on requests that start a computation (issue 17, defect 7): a token bucket.

Each client — the user behind a valid API bearer token or a login, else the address the request came from — has a
bucket of at most ``CRMRADAR_RATE_BURST`` tokens that refills at ``CRMRADAR_RATE_PER_MINUTE`` tokens per
minute. Starting a computation (a new background job: demand, levers, lever ranking, shocks, recycling,
documents; a procurement scan on the page or the API) takes one token; asking again for a job that already
exists (polling its progress, a cached result) is free. An empty bucket gives HTTP 429 with ``Retry-After``
(seconds until one token is back): a Dutch (or English) panel on pages, JSON on the API. A rate or burst of 0
turns the limit off.

Buckets live in the Django cache ``ratelimit`` (settings: files under the home folder, so every web worker on
the machine shares them). Reading and writing a bucket happens under an exclusive lock on the file
``ratelimit.lock`` in the home folder (``fcntl.flock``) as well as a thread lock, so concurrent requests of one
client in several web worker processes cannot take the same token twice.

Token bucket (Turner 1986; RFC 2697 uses the same idea for traffic metering):
``tokens(t) = min(burst, tokens(t0) + rate × (t − t0))``; a request is admitted when ``tokens(t) ≥ 1``.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import InvalidCacheBackendError

_LOCK = threading.Lock()


class RateLimitedError(Exception):
    """The client's bucket is empty; ``retry_after`` is whole seconds until one token is back."""

    def __init__(self, client: str, retry_after: int):
        super().__init__(f"rate limit for {client}: retry after {retry_after} s")
        self.client = client
        self.retry_after = retry_after


def refill(tokens: float, elapsed_s: float, per_minute: float, burst: float) -> float:
    """Tokens after ``elapsed_s`` seconds: ``min(burst, tokens + per_minute / 60 × elapsed_s)``."""
    return min(float(burst), tokens + per_minute / 60.0 * max(elapsed_s, 0.0))


def seconds_until_token(tokens: float, per_minute: float) -> int:
    """Whole seconds (at least 1) until the bucket holds one token again: ``ceil((1 − tokens) × 60 / rate)``."""
    return max(1, math.ceil((1.0 - tokens) * 60.0 / per_minute))


def client_key(request) -> str:
    """Who is asking: ``user:<id>`` for a valid bearer token or a logged-in user, else ``ip:<address>``.

    An unknown or revoked token counts as its address, so inventing tokens does not buy new buckets."""
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        from crmradar.apps.accounts.services import user_for_token

        owner = user_for_token(token.strip())
        if owner is not None:
            return f"user:{owner.pk}"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return "ip:" + client_address(request)[:64]


def client_address(request) -> str:
    """The visitor's address: ``REMOTE_ADDR``, or behind a trusted proxy (``CRMRADAR_BEHIND_PROXY=1``) the last
    entry of ``X-Forwarded-For`` — the one the proxy itself appended, which a visitor cannot forge."""
    if getattr(settings, "CRMRADAR_BEHIND_PROXY", False):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR") or "unknown"


def _limits() -> tuple[float, float]:
    return (float(getattr(settings, "CRMRADAR_RATE_PER_MINUTE", 10.0)),
            float(getattr(settings, "CRMRADAR_RATE_BURST", 20)))


def _store():
    try:
        return caches["ratelimit"]
    except InvalidCacheBackendError:
        return caches["default"]


@contextlib.contextmanager
def _exclusive():
    """The thread lock, then an exclusive lock on ``<home>/ratelimit.lock`` shared by the web worker processes."""
    with _LOCK:
        try:
            import fcntl
        except ImportError:  # not on POSIX: one process only
            yield
            return
        path = Path(settings.HOME) / "ratelimit.lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def take(client: str, now: float | None = None) -> float:
    """Take one token from ``client``'s bucket; returns the tokens left, raises :class:`RateLimitedError` if none.

    ``now`` is a wall-clock time in seconds (tests pass their own clock)."""
    per_minute, burst = _limits()
    if per_minute <= 0 or burst <= 0:
        return math.inf
    now = time.time() if now is None else now
    key = "bucket:" + hashlib.sha256(client.encode()).hexdigest()
    store = _store()
    with _exclusive():
        tokens, then = store.get(key) or (burst, now)
        tokens = refill(tokens, now - then, per_minute, burst)
        if tokens < 1.0:
            store.set(key, (tokens, now), timeout=int(burst * 60 / per_minute) + 60)
            raise RateLimitedError(client, seconds_until_token(tokens, per_minute))
        store.set(key, (tokens - 1.0, now), timeout=int(burst * 60 / per_minute) + 60)
        return tokens - 1.0


def admit(request):
    """A callable for :func:`crmradar.web.jobs.submit` that takes a token for ``request``'s client."""
    return lambda: take(client_key(request))


def too_many(request, error: RateLimitedError, template: str = "web/_rate_limited.html", context: dict | None = None):
    """The 429 answer: JSON ``{"detail", "retry_after"}`` on the API, else ``template`` (Dutch/English)."""
    from django.http import JsonResponse
    from django.shortcuts import render
    from django.utils.cache import add_never_cache_headers

    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": f"too many computations started; retry after {error.retry_after} s",
                                 "retry_after": error.retry_after}, status=429)
    else:
        response = render(request, template, {**(context or {}), "retry_after": error.retry_after}, status=429)
    response["Retry-After"] = str(error.retry_after)
    add_never_cache_headers(response)
    return response
