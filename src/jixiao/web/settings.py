"""Django settings for the jixiao web app, every one of them from an environment variable
(the table is in the README). Safe by default: DEBUG only when JIXIAO_DEBUG=1 (`make run`
asks for it), a Content-Security-Policy that allows only the app's own files, login
throttling, sessions that end when idle. SQLite by default, in WAL mode with a busy timeout
and immediate transactions, so concurrent users wait their turn instead of failing;
PostgreSQL (or any database Django supports) through DATABASE_URL."""

from __future__ import annotations

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.management.utils import get_random_secret_key


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "").strip().lower()
    return default if value == "" else value in ("1", "true", "yes", "on")


def _list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key(folder: Path) -> str:
    """JIXIAO_SECRET_KEY, or a random key made once and kept in the data folder."""
    if os.environ.get("JIXIAO_SECRET_KEY"):
        return os.environ["JIXIAO_SECRET_KEY"]
    path = folder / "secret-key"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(get_random_secret_key(), encoding="ascii")
    return path.read_text(encoding="ascii").strip()


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("JIXIAO_DATA", Path.cwd() / "var"))
SECRET_KEY = _secret_key(DATA_DIR)
DEBUG = _flag("JIXIAO_DEBUG")
ALLOWED_HOSTS = _list("JIXIAO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "jixiao.web.org.apps.SignInLogConfig",  # django-axes
    "jixiao.web.org",
    "jixiao.web.evaluations",
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
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]
ROOT_URLCONF = "jixiao.web.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
WSGI_APPLICATION = "jixiao.web.wsgi.application"

DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{DATA_DIR / 'jixiao.sqlite3'}", conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",  # take the write lock first: no deadlock when a reader starts writing
        "timeout": int(os.environ.get("JIXIAO_SQLITE_TIMEOUT", "30")),  # seconds a writer waits for the lock
    }
    # Tests use a file too: an in-memory database shared between threads (the browser tests'
    # server) locks whole tables and fails at once where a file in WAL mode waits.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"jixiao-test-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True  # WhiteNoise serves the app's files from the package: no collectstatic needed
if os.environ.get("JIXIAO_STATIC_ROOT"):  # for a proxy that serves them itself (manage.py collectstatic)
    STATIC_ROOT = os.environ["JIXIAO_STATIC_ROOT"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "queue"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [{"NAME": f"django.contrib.auth.password_validation.{name}"} for name in (
    "UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator", "NumericPasswordValidator")]

# Uploads: files over 5 MB go to a temporary file; the per-format limits are in
# evaluations/forms.py. Ordinary form posts (the editor sends its tables as JSON) stay small.
FILE_UPLOAD_HANDLERS = ["jixiao.web.evaluations.importing.UploadLimit",
                        "django.core.files.uploadhandler.MemoryFileUploadHandler",
                        "django.core.files.uploadhandler.TemporaryFileUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
JIXIAO_UPLOAD_MAX_MB = int(os.environ.get("JIXIAO_UPLOAD_MAX_MB", "20"))
JIXIAO_IMPORT_SECONDS = int(os.environ.get("JIXIAO_IMPORT_SECONDS", "60"))

# HTTPS and the reverse proxy (README, 生产环境).
HTTPS = _flag("JIXIAO_HTTPS")
if _flag("JIXIAO_PROXY"):  # the proxy sets X-Forwarded-Proto and X-Real-IP, overwriting what clients send
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_REAL_IP", "REMOTE_ADDR")
CSRF_TRUSTED_ORIGINS = _list("JIXIAO_CSRF_TRUSTED_ORIGINS")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("JIXIAO_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("JIXIAO_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = _flag("JIXIAO_HSTS_PRELOAD", HTTPS)

# A session ends after JIXIAO_SESSION_IDLE_MINUTES without a request (the editor's live
# preview counts as activity).
SESSION_COOKIE_AGE = int(os.environ.get("JIXIAO_SESSION_IDLE_MINUTES", "60")) * 60
SESSION_SAVE_EVERY_REQUEST = True

# Content-Security-Policy: scripts, styles and images only from the app itself. Inline
# style attributes are allowed (ECharts positions its tooltips with them); inline scripts
# and eval are not.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": [SELF], "script-src": [SELF], "style-src": [SELF], "style-src-attr": [UNSAFE_INLINE],
    "img-src": [SELF, "data:"], "font-src": [SELF], "connect-src": [SELF], "frame-src": [SELF],
    "object-src": [NONE], "base-uri": [NONE], "form-action": [SELF], "frame-ancestors": [NONE],
}}

# Login throttling: after JIXIAO_LOGIN_FAILURES wrong passwords for one user from one
# address, that pair is locked for JIXIAO_LOCKOUT_MINUTES; every sign-in is logged.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("JIXIAO_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("JIXIAO_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False

LOGGING = {  # errors go to stderr (gunicorn's log) whatever DEBUG is
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
                "jixiao": {"handlers": ["stderr"], "level": "WARNING"}},
}
