"""The WSGI entry point that `palabre run` serves with gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palabre.settings")

application = get_wsgi_application()
