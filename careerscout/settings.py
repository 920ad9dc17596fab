"""Career Scout settings: one file, driven by environment variables.

See README.md for what each variable does.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def secret_key_from(data_dir: Path) -> str:
    """Read the key kept in the data folder, creating it (owner-only) on first run.

    The key is written to a temporary file and linked into place, so two processes starting
    together (the server and its worker) agree on one key and never read a half-written file.
    """
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        temporary = data_dir / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
        try:
            os.link(temporary, key_file)
        except FileExistsError:
            pass  # another process won the race; its key is the one
        finally:
            temporary.unlink()
    return key_file.read_text().strip()


DATA_DIR = Path(os.environ.get("CAREERSCOUT_DATA", BASE_DIR / "var")).resolve()
PRODUCTION = env_bool("CAREERSCOUT_PRODUCTION")
DEBUG = env_bool("CAREERSCOUT_DEBUG") and not PRODUCTION
SECRET_KEY = os.environ.get("SECRET_KEY") or secret_key_from(DATA_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
SIGNUP_OPEN = env_bool("CAREERSCOUT_SIGNUP")
# When set, anyone with an address at one of these domains may sign up (and nobody else).
SIGNUP_DOMAINS = [d.lower().lstrip("@") for d in env_list("CAREERSCOUT_SIGNUP_DOMAINS", "")]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "django_tasks_db",
    "ninja",
    "heroicons",
    "careerscout",
    "careerscout.accounts",
    "careerscout.occupations",
    "careerscout.people",
    "careerscout.imports",
    "careerscout.careers",
    "careerscout.conversations",
    "careerscout.outreach",
    "careerscout.questions",
    "careerscout.insights",
    "careerscout.directory",
    "careerscout.today",
    "careerscout.advising",
    "careerscout.portability",
    "careerscout.demo",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "careerscout.accounts.middleware.UserTimeZoneMiddleware",
    # Last, as django-axes asks: it turns a paused login into the page that says so.
    "axes.middleware.AxesMiddleware",
]

FORM_RENDERER = "careerscout.lib.forms.FormRenderer"
ROOT_URLCONF = "careerscout.urls"
WSGI_APPLICATION = "careerscout.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Each server thread keeps its connection (one per thread, so their number stays bounded) and
# checks it before reusing it: opening a PostgreSQL connection cost more CPU than a typical
# request itself (docs/decisions.md, "Persistent database connections").
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'careerscout.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE avoids "database is locked" when a read transaction later writes.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
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
# Password guessing is paused by django-axes (accounts/lockout.py, docs/security.md): five
# failures for one username from one address pause that pair for 15 minutes; an address
# gets a far larger budget across usernames, as many people may share one.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "careerscout.accounts.lockout.LoginAttempts"
AXES_FAILURE_LIMIT = 5
LOGIN_ADDRESS_FAILURE_LIMIT = 100
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Guesses during a pause do not extend it, and are not stored.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not recorded
AXES_LOCKOUT_CALLABLE = "careerscout.accounts.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "careerscout.accounts.lockout.client_address"
AXES_SENSITIVE_PARAMETERS = ["password", "password1", "password2"]
AXES_VERBOSE = False
# How many reverse proxies (each adding to X-Forwarded-For) stand in front of the app; 0
# means the client connects directly and the header is ignored.
CAREERSCOUT_TRUSTED_PROXIES = env_int("CAREERSCOUT_TRUSTED_PROXIES", 0)

# The largest request body outside file uploads (Django's default, written down): forms, API
# calls and live notes. A bigger one answers 413 (careerscout/errors.py, docs/security.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files are few and small; serving them from the finders avoids a collectstatic step.
WHITENOISE_USE_FINDERS = True

TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

EMAIL_CONFIGURED = bool(os.environ.get("EMAIL_URL"))
if EMAIL_CONFIGURED:
    from careerscout.lib.email_url import mailer_from_url

    MAILERS = {"default": mailer_from_url(os.environ["EMAIL_URL"])}
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Career Scout <careerscout@localhost>")

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django_tasks_db": {"level": "INFO"},
        # WeasyPrint warns about every screen-only media query in our style sheet (dark mode,
        # widths) on every PDF; its errors still show.
        "weasyprint": {"level": "ERROR"},
    },
}
