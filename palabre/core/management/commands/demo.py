"""`palabre demo`: load a believable demo network. Safe to run again: it updates, not duplicates."""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable
from types import ModuleType

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class DemoContext(dict):
    """What one app's demo leaves for the next: organisations, people, practices…"""

    def __init__(self):
        super().__init__()
        self.random = random.Random(2024)  # the same demo every time


def demo_modules() -> list[tuple[str, ModuleType]]:
    """Each app's demo module, in the order of INSTALLED_APPS (later ones use earlier ones)."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("palabre."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        found.append((str(config.verbose_name), module))
    return found


def demo_load(progress: Callable[[int, int, str], None] | None = None) -> None:
    """Load the demo in one transaction; ``progress(done, total, app)`` after each app."""
    context = DemoContext()
    modules = demo_modules()
    with transaction.atomic():
        for done, (name, module) in enumerate(modules, start=1):
            module.load(context)
            if progress is not None:
                progress(done, len(modules), name)


class Command(BaseCommand):
    help = "Load (or refresh) the demo network: organisations, people, practices, workshops…"

    def handle(self, *args, **options):
        def progress(done: int, total: int, name: str) -> None:
            if options["verbosity"]:
                self.stdout.write(f"  {name}: ok")

        demo_load(progress)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Demo network ready."))
