"""The `palabre` console script: Django's django-admin, set up for Palabre."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palabre.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
