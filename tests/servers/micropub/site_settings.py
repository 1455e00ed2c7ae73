"""Settings of the test site. Where it keeps its database and uploads, and
the address it answers at, come from the environment the test harness
(tests/servers/micropub_server.rs) sets."""
import os

DATA = os.environ.get("BYLINE_MP_DATA", os.path.join(os.path.dirname(__file__), "data"))
# The address entries are given (http://127.0.0.1:PORT): the handler has no
# request, and update/q=source must name entries as the server does.
BASE = os.environ.get("BYLINE_MP_BASE", "http://127.0.0.1:8000").rstrip("/")

SECRET_KEY = "byline-test"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.sites",
    "indieweb",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "site_urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(DATA, "db.sqlite3")}}
USE_TZ = True
MEDIA_ROOT = os.path.join(DATA, "media")
MEDIA_URL = "/media/"
# Small enough that a test can send a file that is too large.
INDIEWEB_MEDIA_MAX_UPLOAD_BYTES = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": []},
    }
]
INDIEWEB_MICROPUB_HANDLER = "site_handler.Entries"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
SITE_ID = 1
LOGGING = {"version": 1, "disable_existing_loggers": True}
