"""Django settings. Production-safe by default: DEBUG off, secret key generated once per machine and
kept outside the repository, strict security headers and a Content-Security-Policy without inline scripts.

Environment: ``DATABASE_URL`` (``postgres://user@host:port/db`` or ``sqlite:///path``; default SQLite under
``$CRMRADAR_HOME``), ``CRMRADAR_DEBUG=1`` for development, ``CRMRADAR_ALLOWED_HOSTS`` (comma-separated).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlparse

from crmradar.data.loader import user_home

BASE_DIR = Path(__file__).resolve().parent
HOME = user_home()


def _secret_key() -> str:
    explicit = os.environ.get("CRMRADAR_SECRET_KEY")
    if explicit:
        return explicit
    path = HOME / "secret_key"
    if not path.exists():
        HOME.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


def database_from_url(url: str | None) -> dict:
    """Django DATABASES['default'] from a ``DATABASE_URL`` (PostgreSQL or SQLite)."""
    if not url:
        HOME.mkdir(parents=True, exist_ok=True)
        # Worker processes share the file with the web: wait for locks; tests use a file too (workers see it).
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(HOME / "crmradar.sqlite3"),
                "OPTIONS": {"timeout": 30}, "TEST": {"NAME": str(HOME / "test-crmradar.sqlite3")}}
    parsed = urlparse(url)
    if parsed.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
        }
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path) or ":memory:"}
    raise ValueError(f"DATABASE_URL scheme {parsed.scheme!r} not supported (use postgres:// or sqlite:///)")


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("CRMRADAR_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("CRMRADAR_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "crmradar.web.apps.WebConfig",
    "crmradar.apps.accounts.apps.AccountsConfig",
    "crmradar.apps.consultation.apps.ConsultationConfig",
    "crmradar.apps.signals.apps.SignalsConfig",
    "crmradar.apps.projects.apps.ProjectsConfig",
    "crmradar.apps.policy.apps.PolicyConfig",
    "crmradar.apps.releases.apps.ReleasesConfig",
]
MIDDLEWARE = [
    "crmradar.web.hardening.EdgeMiddleware",  # host check, page methods, HEAD on the API (issue 17)
    "django.middleware.cache.UpdateCacheMiddleware",
    "crmradar.web.risk_cache.NoCacheWhilePending",  # answers without the computed risk overview are not cached
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "crmradar.web.security.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.middleware.cache.FetchFromCacheMiddleware",
]
# Every page and API answer is a pure function of the data package, so whole responses are cached
# per worker; responses that set cookies (forms with CSRF tokens) or say no-store are never cached.
CACHE_MIDDLEWARE_SECONDS = 600
CACHE_MIDDLEWARE_KEY_PREFIX = "crmradar"
ROOT_URLCONF = "crmradar.web.urls"
WSGI_APPLICATION = "crmradar.web.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "crmradar.web.context.site",
            ]
        },
    }
]
DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL"))}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 3600},
    # rate-limit buckets (crmradar.web.ratelimit): files, so every web worker on this machine shares them
    "ratelimit": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                  "LOCATION": str(HOME / "ratelimit"), "TIMEOUT": 86400},
}
# Token bucket per client (API token / user / address) for requests that start a computation: at most
# CRMRADAR_RATE_BURST at once, refilled at CRMRADAR_RATE_PER_MINUTE; 429 with Retry-After beyond. 0 = off.
CRMRADAR_RATE_PER_MINUTE = float(os.environ.get("CRMRADAR_RATE_PER_MINUTE", "10"))
CRMRADAR_RATE_BURST = int(os.environ.get("CRMRADAR_RATE_BURST", "20"))

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR.parent / "apps" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve straight from the package: no collectstatic step at start-up
WHITENOISE_MAX_AGE = 3600

# Uploads (procurement lists) are small spreadsheets; larger requests are refused.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
# Any request body larger than this (multipart uploads included) is refused with 413 before it is read.
CRMRADAR_MAX_REQUEST_BYTES = int(os.environ.get("CRMRADAR_MAX_REQUEST_BYTES", str(12 * 2**20)))

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = False  # HTMX reads the token from the form, not the cookie; kept default-safe
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SAMESITE = "Lax"  # Lax so a link from an e-mail (password reset) arrives logged in
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
if os.environ.get("CRMRADAR_HTTPS") == "1":
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
# Behind a TLS-terminating reverse proxy on the same host: trust its X-Forwarded-Proto (so CRMRADAR_HTTPS=1 does
# not redirect in a loop) and take the visitor's address from the last X-Forwarded-For entry for rate limits.
# Only set this when every request passes the proxy (serve bound to 127.0.0.1), else the headers can be forged.
CRMRADAR_BEHIND_PROXY = os.environ.get("CRMRADAR_BEHIND_PROXY") == "1"
if CRMRADAR_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- Accounts: Django auth with Argon2, login throttling (axes), object rules (rules), optional OIDC ---
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "consultation:dashboard"
LOGOUT_REDIRECT_URL = "overview"
AXES_FAILURE_LIMIT = int(os.environ.get("CRMRADAR_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# E-mail: console by default (password reset links appear in the server log); SMTP when CRMRADAR_SMTP_HOST is set.
if os.environ.get("CRMRADAR_SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["CRMRADAR_SMTP_HOST"]
    EMAIL_PORT = int(os.environ.get("CRMRADAR_SMTP_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("CRMRADAR_SMTP_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("CRMRADAR_SMTP_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("CRMRADAR_SMTP_TLS", "1") == "1"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("CRMRADAR_FROM_EMAIL", "crm-radar <noreply@localhost>")

# Single sign-on via OpenID Connect, only when the provider is configured; local accounts otherwise.
OIDC_RP_CLIENT_ID = os.environ.get("CRMRADAR_OIDC_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("crmradar.apps.accounts.oidc.RoleMappingOIDCBackend")
    OIDC_RP_CLIENT_SECRET = os.environ.get("CRMRADAR_OIDC_CLIENT_SECRET", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("CRMRADAR_OIDC_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = os.environ.get("CRMRADAR_OIDC_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = os.environ.get("CRMRADAR_OIDC_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("CRMRADAR_OIDC_JWKS_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("CRMRADAR_OIDC_SIGN_ALGO", "RS256")
    OIDC_CREATE_USER = os.environ.get("CRMRADAR_OIDC_CREATE_USER", "0") == "1"
    OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc_callback"

# Workspace uploads (deep-dive results) live under the home folder, never under a user-chosen name.
MEDIA_ROOT = HOME / "media"
WORKSPACE_UPLOAD_MAX_BYTES = int(os.environ.get("CRMRADAR_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# --- Background computations (crmradar.web.jobs): django-tasks with a database queue by default ---
# CRMRADAR_TASKS=redis puts the queue in Redis (RQ, via django-tasks-rq; CRMRADAR_REDIS_URL, default
# redis://127.0.0.1:6379/0). Limits: jobs queued per client and in all, heartbeat and retry, result eviction.
if os.environ.get("CRMRADAR_TASKS", "database") == "redis":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ.get("CRMRADAR_REDIS_URL", "redis://127.0.0.1:6379/0"),
                             "DEFAULT_TIMEOUT": 3600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
CRMRADAR_JOB_MAX_PER_CLIENT = int(os.environ.get("CRMRADAR_JOB_MAX_PER_CLIENT", "5"))
CRMRADAR_JOB_MAX_QUEUED = int(os.environ.get("CRMRADAR_JOB_MAX_QUEUED", "200"))
CRMRADAR_JOB_HEARTBEAT = float(os.environ.get("CRMRADAR_JOB_HEARTBEAT", "1"))  # seconds
CRMRADAR_JOB_HEARTBEAT_TIMEOUT = float(os.environ.get("CRMRADAR_JOB_HEARTBEAT_TIMEOUT", "5"))  # seconds
CRMRADAR_JOB_MAX_ATTEMPTS = int(os.environ.get("CRMRADAR_JOB_MAX_ATTEMPTS", "3"))
CRMRADAR_RESULT_MAX_AGE = float(os.environ.get("CRMRADAR_RESULT_MAX_AGE", str(7 * 86400)))  # seconds
CRMRADAR_RESULT_MAX_BYTES = int(os.environ.get("CRMRADAR_RESULT_MAX_BYTES", str(500 * 2**20)))  # JSON bytes
CRMRADAR_REPORT_MAX_AGE = float(os.environ.get("CRMRADAR_REPORT_MAX_AGE", str(86400)))  # seconds
CRMRADAR_REPORT_MAX_BYTES = int(os.environ.get("CRMRADAR_REPORT_MAX_BYTES", str(200 * 2**20)))  # bytes on disk
# Sweeps started from the web (crmradar.web.sweep_jobs): at most this many model runs of one draw
# (scenarios x (baseline + cells) x draws); larger ones get the crmradar sweep command instead.
CRMRADAR_SWEEP_MAX_RUNS = int(os.environ.get("CRMRADAR_SWEEP_MAX_RUNS", "20000"))
