"""`palabre demo`: load a believable demo network. Safe to run again: it updates, not duplicates."""

from __future__ import annotations

import importlib
import random

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class DemoContext(dict):
    """What one app's demo leaves for the next: organisations, people, practices…"""

    def __init__(self):
        super().__init__()
        self.random = random.Random(2024)  # the same demo every time


class Command(BaseCommand):
    help = "Load (or refresh) the demo network: organisations, people, practices, workshops…"

    def handle(self, *args, **options):
        context = DemoContext()
        with transaction.atomic():
            for config in apps.get_app_configs():
                if not config.name.startswith("palabre."):
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{config.name}.demo":
                        raise
                    continue
                module.load(context)
                if options["verbosity"]:
                    self.stdout.write(f"  {config.verbose_name}: ok")
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Demo network ready."))
