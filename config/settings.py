"""One settings module, read from the environment.

Defaults run locally with no configuration at all: an SQLite file, e-mail printed to the console,
debug off unless asked for. Production sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and the
e-mail variables; `manage.py check --deploy` then passes (tested).
"""

import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
# The fallback key only exists so that a fresh checkout runs; `check --deploy` rejects it.
SECRET_KEY = env("SECRET_KEY", "django-insecure-local-development-only-key-change-me")
# Old keys after a rotation (comma-separated): sessions and sealed barometer answers stay valid.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
# The barometer seals answers of open rounds with a key derived from this, else from SECRET_KEY.
# Never change it while a round is open without keeping the old one in SECRET_KEY_FALLBACKS.
BAROMETER_SEAL_KEY = env("BAROMETER_SEAL_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Links in e-mail (`make run` sets it to the port it serves on, unless set).
SITE_URL = env("SITE_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    "lerendnetwerk.core.admin_apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "lerendnetwerk.core",
    "lerendnetwerk.regions",
    "lerendnetwerk.accounts",
    "lerendnetwerk.notifications",
    "lerendnetwerk.catalogue",
    "lerendnetwerk.networks",
    "lerendnetwerk.meetings",
    "lerendnetwerk.themes",
    "lerendnetwerk.barometer",
    "lerendnetwerk.groups",
    "lerendnetwerk.journal",
    "lerendnetwerk.signals",
    "lerendnetwerk.evaluation",
    "lerendnetwerk.transfer",
    "lerendnetwerk.showcases",
    "lerendnetwerk.resources",
    "lerendnetwerk.knowledge",
    "lerendnetwerk.pages",
    "lerendnetwerk.privacy",
    "lerendnetwerk.reports",
    "lerendnetwerk.public",
    "lerendnetwerk.search",
    "lerendnetwerk.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # django-otp's, with the session's device read from the cache (accounts/middleware.py).
    "lerendnetwerk.accounts.middleware.OTPMiddleware",
    "lerendnetwerk.accounts.middleware.SessionTimeoutMiddleware",
    "lerendnetwerk.accounts.middleware.SecondFactorMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lerendnetwerk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lerendnetwerk.core.context_processors.site",
                "lerendnetwerk.accounts.context_processors.roles",
                "lerendnetwerk.notifications.context_processors.unread",
            ],
        },
    }
]

# Persistent connections: a page should not pay for a new database connection.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web process and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Pages and fragments are kept until their data changes (lerendnetwerk/core/pagecache.py,
# fragments.py). The default, this process's memory, suits one process (the tests). With more
# processes, such as gunicorn's workers and the task worker, set CACHE_URL to a cache they share,
# e.g. redis://127.0.0.1:6379/0, so that a change reaches all of them; `make run` shares a folder
# (file:///path) between runserver and its worker.
CACHE_URL = env("CACHE_URL")
if not CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "lerendnetwerk.core.cache.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL.startswith("file://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_URL.removeprefix("file://"),
        }
    }
else:
    raise ImproperlyConfigured("CACHE_URL must be a redis://, rediss:// or file:// address.")
# Sessions are read from the cache and kept in the database: one query less on every page of
# a logged-in person, and nothing lost when the cache is emptied.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Django's ModelBackend, reading the logged-in person from the cache (accounts/backends.py).
    "lerendnetwerk.accounts.backends.CachedModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "pages:dashboard"
LOGOUT_REDIRECT_URL = "pages:home"
# A password-reset link is asked for and used within minutes; three days leave room for a
# weekend, while an old mail (forwarded, in a shared mailbox, leaked) soon opens nothing.
# Invitation links have their own two weeks (accounts/tokens.py).
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Behind a reverse proxy every request comes from the proxy: the client's address is then read
# from X-Forwarded-For, but only as far as the hops in TRUSTED_PROXIES (addresses or networks)
# vouch for it (lerendnetwerk/core/clientaddress.py). HTTPS=1 means a proxy terminates TLS; by
# default it runs on this machine.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1" if env_bool("HTTPS") else "")

# Guessing passwords: five failures lock the account + client address pair for an hour, so a
# stranger cannot lock a person out of their own account; many failures from one address
# (any accounts) lock that address alone (LOGIN_ADDRESS_FAILURE_LIMIT, accounts/throttling.py).
# Nothing ever locks an account as such.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "lerendnetwerk.core.clientaddress.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
LOGIN_ADDRESS_FAILURE_LIMIT = int(env("LOGIN_ADDRESS_FAILURE_LIMIT", "50"))

# Brakes on forms that send e-mail, counted per hour in the shared cache (core/throttle.py).
PASSWORD_RESET_LIMIT_PER_EMAIL = int(env("PASSWORD_RESET_LIMIT_PER_EMAIL", "3"))
PASSWORD_RESET_LIMIT_PER_CLIENT = int(env("PASSWORD_RESET_LIMIT_PER_CLIENT", "10"))
CONTACT_LIMIT_PER_SENDER_PER_NETWORK = int(env("CONTACT_LIMIT_PER_SENDER_PER_NETWORK", "3"))
CONTACT_LIMIT_PER_SENDER = int(env("CONTACT_LIMIT_PER_SENDER", "10"))
CONTACT_LIMIT_PER_NETWORK = int(env("CONTACT_LIMIT_PER_NETWORK", "30"))

# Sessions end after half an hour without a request and twelve hours after logging in
# (accounts/middleware.py); the cookie does not outlive the latter.
SESSION_IDLE_TIMEOUT = int(env("SESSION_IDLE_TIMEOUT", str(30 * 60)))
SESSION_ABSOLUTE_TIMEOUT = int(env("SESSION_ABSOLUTE_TIMEOUT", str(12 * 3600)))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT

# Coordinators and staff log in with a second factor: a TOTP app (accounts/second_factor.py).
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Lerend Netwerk")

# A person's own data (docs/processing-register.md). An account whose owner asked to delete it
# is deactivated at once and erased this many days later by `erase_accounts`; until then a link
# in the confirmation e-mail cancels it.
ERASURE_GRACE_DAYS = int(env("ERASURE_GRACE_DAYS", "14"))
# What `purge_personal_data` deletes, and after how many days: finished background tasks (they
# hold e-mail bodies and links), login attempts and logs (IP addresses), used or expired
# invitations. Expired sessions go as soon as they expire.
RETENTION_TASK_RESULT_DAYS = int(env("RETENTION_TASK_RESULT_DAYS", "30"))
RETENTION_LOGIN_RECORD_DAYS = int(env("RETENTION_LOGIN_RECORD_DAYS", "90"))
RETENTION_INVITATION_DAYS = int(env("RETENTION_INVITATION_DAYS", "30"))
RETENTION_AUDIT_DAYS = int(env("RETENTION_AUDIT_DAYS", "365"))
# Notifications a person has read are deleted this many days after reading.
RETENTION_NOTIFICATION_DAYS = int(env("RETENTION_NOTIFICATION_DAYS", "90"))

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "lerendnetwerk" / "static"]
# Uploaded files (a network's results, `showcases`; the resource library's films and documents,
# `resources`) live under MEDIA_ROOT, or in an S3-compatible bucket: SHOWCASE_STORAGE and
# RESOURCE_STORAGE name the backend (e.g. django-storages' "storages.backends.s3.S3Storage",
# after `uv add "django-storages[s3]"`) and SHOWCASE_STORAGE_OPTIONS and RESOURCE_STORAGE_OPTIONS
# (JSON) its options (bucket_name, endpoint_url, ...). Nothing serves MEDIA_ROOT: every file
# goes through a view that checks who may have it (docs/uploads.md).
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media-not-served/"
SHOWCASE_STORAGE = env("SHOWCASE_STORAGE", "django.core.files.storage.FileSystemStorage")
SHOWCASE_STORAGE_OPTIONS = json.loads(env("SHOWCASE_STORAGE_OPTIONS", "{}"))
RESOURCE_STORAGE = env("RESOURCE_STORAGE", "django.core.files.storage.FileSystemStorage")
RESOURCE_STORAGE_OPTIONS = json.loads(env("RESOURCE_STORAGE_OPTIONS", "{}"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "showcases": {"BACKEND": SHOWCASE_STORAGE, "OPTIONS": SHOWCASE_STORAGE_OPTIONS},
    "resources": {"BACKEND": RESOURCE_STORAGE, "OPTIONS": RESOURCE_STORAGE_OPTIONS},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads: a file over its view's limit (SHOWCASE_MAX_UPLOAD_MB for a network's results,
# RESOURCE_MAX_UPLOAD_MB for the resource library's films and documents) is skipped while it
# streams in (never kept in memory or on disk: lerendnetwerk/core/uploads.py); a view without a
# limit takes no files. Files up to 2.5 MB are held in memory, larger ones spooled to a temporary
# file. Form fields without files stay within 2.5 MB, and one request carries a few files at
# most. A reverse proxy should cap the body a little above the largest limit too (nginx:
# client_max_body_size).
SHOWCASE_MAX_UPLOAD_MB = float(env("SHOWCASE_MAX_UPLOAD_MB", "20"))
RESOURCE_MAX_UPLOAD_MB = float(env("RESOURCE_MAX_UPLOAD_MB", "200"))
FILE_UPLOAD_HANDLERS = [
    "lerendnetwerk.core.uploads.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 5
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
# The design-token package that themes the NL Design System components. Organisations plug in
# their own theme by copying its CSS to static/themes/<name>/ and setting THEME.
THEME = env("THEME", "voorbeeld")
THEME_CLASS = env("THEME_CLASS", "voorbeeld-theme")

# E-mail: printed to the console unless an SMTP host is configured (EMAIL_HOST), or written to
# files in EMAIL_FILE_PATH (a staging server, the fault tests in core/tests/test_faults.py).
# LOCAL_OUTBOX (set by `make run`): one file per message, read decoded by staff at /postvak/.
LOCAL_OUTBOX = env("LOCAL_OUTBOX")
if env("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("EMAIL_HOST"),
                "port": int(env("EMAIL_PORT", "587")),
                "username": env("EMAIL_HOST_USER"),
                "password": env("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                # A hanging server must give up well within EMAIL_CLAIM_TIMEOUT, or a retry
                # could send while the first attempt is still talking to it.
                "timeout": int(env("EMAIL_TIMEOUT", "60")),
            },
        }
    }
elif LOCAL_OUTBOX:
    MAILERS = {
        "default": {
            "BACKEND": "lerendnetwerk.core.outbox.OutboxBackend",
            "OPTIONS": {"file_path": LOCAL_OUTBOX},
        }
    }
elif env("EMAIL_FILE_PATH"):
    MAILERS = {
        "default": {
            "BACKEND": env("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"),
            "OPTIONS": {"file_path": env("EMAIL_FILE_PATH")},
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Lerend Netwerk <noreply@lerendnetwerk.example>")

# Background work (e-mail) goes through Django's tasks framework into a database queue that
# `manage.py db_worker` drains. TASKS_IMMEDIATE=1 runs tasks inside the request instead.
TASKS = {
    "default": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend"
            if env_bool("TASKS_IMMEDIATE")
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# Exactly-once e-mail (core/tasks.py, docs/operations.md). A claimed but unsent e-mail may be
# sent again by another attempt after EMAIL_CLAIM_TIMEOUT seconds; a failed send is retried up
# to EMAIL_MAX_ATTEMPTS times with growing pauses.
EMAIL_CLAIM_TIMEOUT = int(env("EMAIL_CLAIM_TIMEOUT", "600"))
EMAIL_MAX_ATTEMPTS = int(env("EMAIL_MAX_ATTEMPTS", "5"))
# Workers (`manage.py run_worker`) write a heartbeat every TASK_HEARTBEAT_INTERVAL seconds. A
# worker silent for TASK_WORKER_TIMEOUT seconds is gone, and its RUNNING tasks go back to the
# queue; a RUNNING task of a worker without heartbeats (plain `db_worker`) after
# TASK_RUNNING_TIMEOUT seconds.
TASK_HEARTBEAT_INTERVAL = float(env("TASK_HEARTBEAT_INTERVAL", "15"))
TASK_WORKER_TIMEOUT = float(env("TASK_WORKER_TIMEOUT", "60"))
TASK_RUNNING_TIMEOUT = float(env("TASK_RUNNING_TIMEOUT", "1800"))

# Security headers and Django's own Content Security Policy with nonces.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and env_bool("HTTPS"))
SESSION_COOKIE_SECURE = env_bool("HTTPS")
CSRF_COOKIE_SECURE = env_bool("HTTPS")
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000" if env_bool("HTTPS") else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HTTPS")
SECURE_HSTS_PRELOAD = env_bool("HTTPS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("HTTPS") else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
FORM_RENDERER = "lerendnetwerk.core.forms.FormRenderer"
MEETING_REMINDER_HOURS = int(env("MEETING_REMINDER_HOURS", "48"))
