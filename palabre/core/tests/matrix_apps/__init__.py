"""The route matrix's declarations for the apps that keep theirs in a module of their own.

Each module here may define ``build(world)`` — adds the app's objects to the shared world
(``matrix_world.World.extra[<app>]``: every visibility and status they have) — and
``routes()`` — the app's ``route(...)`` declarations, built with the helpers of
``test_route_matrix`` (import them inside the function: that module loads this one).
"""

from __future__ import annotations

import importlib
from types import ModuleType

NAMES = (
    "home", "resources", "announcements", "presenters", "meetings", "projects",
    "newsletter", "feeds",
)  # fmt: skip


def modules() -> list[ModuleType]:
    found = []
    for name in NAMES:
        try:
            found.append(importlib.import_module(f"{__name__}.{name}"))
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
    return found
