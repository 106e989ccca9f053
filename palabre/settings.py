"""Palabre's settings, read from the environment only (see the README's table)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor  # type: ignore[import-untyped]

from palabre.lib.env import (
    email_settings,
    env_bool,
    env_int,
    env_json,
    env_list,
    env_str,
    secret_key,
)

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("PALABRE_DATA_DIR", str(Path.cwd() / "var"))).resolve()

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(DATA_DIR, env_str("SECRET_KEY"))
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    "palabre.core",
    "palabre.accounts",
    "palabre.audit",
    "palabre.organisations",
    "palabre.themes",
    "palabre.notifications",
    "palabre.practices",
    "palabre.search",
    "palabre.workshops",
    "palabre.discussions",
    "palabre.adoptions",
    "palabre.recognition",
    "palabre.learning",
    "palabre.resources",
    "palabre.announcements",
    "palabre.meetings",
    "palabre.projects",
    "palabre.newsletter",
    "palabre.feeds",
    "palabre.privacy",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_htmx",
    "template_partials.apps.SimpleAppConfig",
    "django_tasks",
    "django_tasks_db",
    "axes",
    # Two-step login: authenticator apps (TOTP) and recovery codes (palabre.accounts.mfa).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ninja",
    # Checks the Content-Security-Policy settings (django-csp).
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (the policy: "Security" below).
    "csp.middleware.CSPMiddleware",
    "palabre.lib.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages travel compressed over slow, costly connections (Django's GZip adds the
    # "heal the breach" padding against BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "palabre.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Sessions' last activity, two-step login required for those who hold power.
    "palabre.accounts.middleware.AccountSecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    # A service's refusal (ServiceError) that a view lets through becomes the error page.
    "palabre.lib.middleware.ServiceErrorMiddleware",
]

ROOT_URLCONF = "palabre.urls"
WSGI_APPLICATION = "palabre.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "palabre.core.context_processors.palabre",
                "palabre.notifications.context_processors.unread",
            ],
            "loaders": [
                (
                    "template_partials.loader.Loader",
                    [
                        (
                            "django.template.loaders.cached.Loader",
                            [
                                "django.template.loaders.filesystem.Loader",
                                "django.template.loaders.app_directories.Loader",
                            ],
                        )
                    ],
                )
            ],
            "builtins": ["template_partials.templatetags.partials", "palabre.lib.dates"],
        },
    }
]

# Database: SQLite under var/ by default, PostgreSQL (or another) through DATABASE_URL.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'palabre.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
else:
    DATABASES["default"].setdefault("OPTIONS", {})
    # Just-in-time compilation costs more (15-20 ms a query) than the short queries of
    # a page save; a search's temporary tables (matches, facet facts) stay in memory.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off -c temp_buffers=32MB")
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    # On one machine, the web workers share a cache on disk (searches, similar practices).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Accounts and passwords.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "palabre.accounts.backends.EmailBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 7)

# Brute-force protection: lock an account *from one address*, never a whole address,
# because many people share one public address behind a mobile carrier's NAT.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "palabre.accounts.backends.axes_username"
AXES_LOCKOUT_CALLABLE = "palabre.accounts.views.locked_out"
AXES_IPWARE_PROXY_COUNT = env_int("PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if env_int("PROXY_COUNT", 0) else ["REMOTE_ADDR"]
)
AXES_VERBOSE = False
# Never store what people typed in the password or code fields.
AXES_SENSITIVE_PARAMETERS = ["password", "code"]
# One address trying passwords against many accounts: once it has failed on this many
# different accounts within the cool-off time above (and not logged into them since), it
# may only try accounts it has logged into before (from this browser, or from this
# address within LOGIN_ADDRESS_KNOWN_DAYS); others wait. People behind one shared
# address (mobile carriers' NAT) keep logging in with their own password.
LOGIN_ADDRESS_ACCOUNTS_LIMIT = env_int("LOGIN_ADDRESS_ACCOUNTS_LIMIT", 10)
LOGIN_ADDRESS_KNOWN_DAYS = env_int("LOGIN_ADDRESS_KNOWN_DAYS", 30)

# Two-step login (TOTP apps and recovery codes). Network admins, facilitators and
# organisation administrators must set it up; others may. Sensitive pages (roles, API
# tokens, personal data, two-step settings) ask again for the password or a code when
# the last proof of identity is older than REAUTH_MAX_AGE_MINUTES.
MFA_REQUIRED_FOR_POWER = env_bool("MFA_REQUIRED_FOR_POWER", True)
REAUTH_MAX_AGE_MINUTES = env_int("REAUTH_MAX_AGE_MINUTES", 15)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Palabre")
# The Django admin never shows an app's secret key (nor its QR code).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Languages, time and money.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "palabre_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Africa/Douala")
USE_I18N = True
USE_TZ = True
DEFAULT_CURRENCY = "XAF"
COUNTRIES_FIRST = ["CM", "TD", "CF", "CG", "GA", "GQ", "NG", "SN", "CI", "BJ", "TG", "BF"]
COUNTRIES_FIRST_REPEAT = False

# Files.
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# One stylesheet and one script per page, built from the apps' files (palabre/core/bundles.py).
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "palabre.core.bundles.BundleFinder",
]
MEDIA_URL = "/media/"  # never served directly: files go through views that check access
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
# Source maps are read by developer tools only: compressing them (ninja's weigh 10 MB)
# took most of the first start.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
# Pages name static files by their hashed names only: the copies without a hash are not
# kept (nor compressed, which halves the time of collecting them).
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_MB", 20) * 1024 * 1024

# E-mail: printed on the console unless EMAIL_URL names an SMTP server.
vars().update(email_settings(env_str("EMAIL_URL", "console:")))
# Set by `palabre run --demo`: the demo network runs, its e-mails are listed at /demo/emails/.
DEMO = env_bool("PALABRE_DEMO", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Palabre <palabre@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (Django's tasks API, database-backed by default).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TASK_STALE_AFTER_SECONDS = env_int("TASK_STALE_AFTER_SECONDS", 15 * 60)
# Practice views and downloads wait here (in Redis when REDIS_URL is set) until the
# worker adds them to the daily counts, every minute (palabre/practices/readership.py).
READERSHIP_DIR = DATA_DIR / "readership"
# E-mail delivery (docs/operations.md, "E-mails and the background worker"): a try that
# failed for a passing reason is made again after the first delay, doubling each time up
# to the longest; after EMAIL_MAX_ATTEMPTS tries the message waits for a network admin.
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 10)
EMAIL_RETRY_FIRST_DELAY_SECONDS = env_int("EMAIL_RETRY_FIRST_DELAY_SECONDS", 60)
EMAIL_RETRY_MAX_DELAY_SECONDS = env_int("EMAIL_RETRY_MAX_DELAY_SECONDS", 4 * 60 * 60)
# /healthz answers 503 when a task or an e-mail has waited longer than this to be worked
# on, or when the last worker seen has been silent that long.
WORKER_STALLED_AFTER_SECONDS = env_int("WORKER_STALLED_AFTER_SECONDS", 10 * 60)

# Searches (matches and facet counts) are cached this long; any change to the library
# starts afresh. 0 turns the cache off.
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 300)

# Personal data: how many days an archive of someone's data can be downloaded.
PRIVACY_EXPORT_DAYS = env_int("PRIVACY_EXPORT_DAYS", 7)

# Discussions: flooding limit, editing window, when a question counts as unanswered.
DISCUSSIONS_RATE_LIMIT_POSTS = env_int("DISCUSSIONS_RATE_LIMIT_POSTS", 10)
DISCUSSIONS_RATE_LIMIT_MINUTES = env_int("DISCUSSIONS_RATE_LIMIT_MINUTES", 10)
DISCUSSIONS_EDIT_WINDOW_MINUTES = env_int("DISCUSSIONS_EDIT_WINDOW_MINUTES", 15)
DISCUSSIONS_UNANSWERED_AFTER_HOURS = env_int("DISCUSSIONS_UNANSWERED_AFTER_HOURS", 48)

# Adoptions and impact: the network's agreed rules, documented in docs/maturity.md.
# When feedback is asked for (months after the start of an adoption).
ADOPTIONS_FEEDBACK_REMINDER_MONTHS = tuple(
    sorted({int(m) for m in env_list("ADOPTIONS_FEEDBACK_REMINDER_MONTHS", ["3", "12"])} - {0})
)
# A report written up to this many days before a milestone counts for that milestone.
ADOPTIONS_REPORT_WINDOW_DAYS = env_int("ADOPTIONS_REPORT_WINDOW_DAYS", 30)
# Effectiveness (1–5) from which a feedback report counts as positive.
ADOPTIONS_POSITIVE_EFFECTIVENESS = env_int("ADOPTIONS_POSITIVE_EFFECTIVENESS", 4)
# What each maturity level needs, counted on completed adoptions whose latest feedback
# report is positive, by organisations other than the practice's own: how many adoptions,
# in how many organisations and countries, and the share of positive ones among the ended
# adoptions with a report (0 to 1). The environment variable (JSON) overrides key by key.
ADOPTIONS_MATURITY_THRESHOLDS: dict[str, dict[str, float]] = {
    "promising": {"adoptions": 1, "organisations": 1, "countries": 1, "positive_share": 0},
    "proven": {"adoptions": 3, "organisations": 3, "countries": 1, "positive_share": 0.5},
    "institutionalised": {
        "adoptions": 6,
        "organisations": 5,
        "countries": 2,
        "positive_share": 0.6,
    },
}
_threshold_overrides = env_json("ADOPTIONS_MATURITY_THRESHOLDS", {})
if not isinstance(_threshold_overrides, dict):
    raise ImproperlyConfigured("ADOPTIONS_MATURITY_THRESHOLDS must be a JSON object by level")
for _level, _override in _threshold_overrides.items():
    ADOPTIONS_MATURITY_THRESHOLDS[_level] = {
        **ADOPTIONS_MATURITY_THRESHOLDS.get(_level, {}),
        **_override,
    }
# The network dashboard ranks best and worst outcomes among practices with this many reports.
ADOPTIONS_MIN_REPORTS_FOR_RANKING = env_int("ADOPTIONS_MIN_REPORTS_FOR_RANKING", 2)
# The largest indicator measurement import accepted (rows, bytes).
ADOPTIONS_IMPORT_MAX_ROWS = env_int("ADOPTIONS_IMPORT_MAX_ROWS", 5000)
ADOPTIONS_IMPORT_MAX_BYTES = env_int("ADOPTIONS_IMPORT_MAX_BYTES", 2 * 1024 * 1024)

# Files sent for import are measured before they are read (docs/operations.md, "Imported
# files and photos"): what an XLSX may unzip to, how much one of its parts may grow, how
# many cells a file sent through a page may hold. `palabre import-practices` has its own.
IMPORT_MAX_EXPANDED_MB = env_int("IMPORT_MAX_EXPANDED_MB", 20)
IMPORT_MAX_COMPRESSION_RATIO = env_int("IMPORT_MAX_COMPRESSION_RATIO", 100)
IMPORT_MAX_CELLS = env_int("IMPORT_MAX_CELLS", 100_000)
PRACTICES_IMPORT_MAX_ROWS = env_int("PRACTICES_IMPORT_MAX_ROWS", 200_000)
PRACTICES_IMPORT_MAX_CELLS = env_int("PRACTICES_IMPORT_MAX_CELLS", 10_000_000)
PRACTICES_IMPORT_MAX_EXPANDED_MB = env_int("PRACTICES_IMPORT_MAX_EXPANDED_MB", 2048)
# Photos larger than this are refused at upload (read from their header only); their
# metadata is removed and their preview made by the background worker.
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_MEGAPIXELS", 40) * 1_000_000

# Practices come back to their authors for re-validation this many days after publication.
PRACTICES_REVIEW_PERIOD_DAYS = env_int("PRACTICES_REVIEW_PERIOD_DAYS", 2 * 365)

# Training: months after a session ends when those present are asked if they applied it.
LEARNING_FOLLOW_UP_MONTHS = env_int("LEARNING_FOLLOW_UP_MONTHS", 3)

# Security. PALABRE_HTTPS=true is the production switch behind TLS.
HTTPS = env_bool("PALABRE_HTTPS", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
CSRF_FAILURE_VIEW = "palabre.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles and everything else only from
# Palabre's own static files; no inline script, style attribute or eval anywhere
# (docs/development.md, "Content-Security-Policy"). Images may be data: URIs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        # The service worker (/sw.js, palabre/core/offline.py) keeps pages for offline reading.
        "worker-src": [SELF],
    }
}
# Browser features no page uses, off on every page (Permissions-Policy). Security keys
# (publickey-credentials-*) are not listed: signing in with one needs them.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_int("PROXY_COUNT", 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is the operator's decision (it is hard to undo), so it stays opt-in.
    "security.W021",
    # The search facets' index carries the id as a non-key column on PostgreSQL; SQLite
    # ignores that, rightly: its indexes always carry the row id.
    "models.W040",
]

ADMINS = [("Palabre", a) for a in env_list("ADMIN_EMAILS", [])]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {"axes": {"level": "WARNING"}},
}
