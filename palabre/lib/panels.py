"""Extension points in pages: an app adds a panel to another app's page without editing it.

An app registers, in its AppConfig.ready(), a function for a named slot::

    @panels.register("practice_detail", order=30)
    def adoptions_panel(request, *, practice): ...

The function returns HTML (rendered with the app's own template) or "" to show
nothing; the page renders the slot with ``{% panels "practice_detail" practice=practice %}``.
Panels must apply the permission module themselves, like any view. The practice page
keeps what it rendered: a panel there names the models it shows with
``palabre.practices.page_cache.watch()`` (docs/development.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

_registry: dict[str, list[tuple[int, Callable[..., str]]]] = {}


def register(slot: str, *, order: int = 50) -> Callable[[Callable[..., str]], Callable[..., str]]:
    def decorator(func: Callable[..., str]) -> Callable[..., str]:
        entries = _registry.setdefault(slot, [])
        if func not in [f for _o, f in entries]:
            entries.append((order, func))
            entries.sort(key=lambda entry: entry[0])
        return func

    return decorator


def render_slot(slot: str, request: HttpRequest, **kwargs: Any) -> str:
    return "".join(func(request, **kwargs) or "" for _order, func in _registry.get(slot, []))
