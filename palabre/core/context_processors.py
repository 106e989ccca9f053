"""What every page's layout needs: the main navigation, built from the apps."""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from palabre import permissions


def _nav_items():
    items = []
    for config in apps.get_app_configs():
        items.extend(getattr(config, "nav_items", []))
    return sorted(items, key=lambda item: item["order"])


@cache
def _shown_to(path: str):
    """An item's ``show``: the dotted path of a function of the person, which must answer
    without a query (it runs on every page)."""
    return import_string(path)


def palabre(request):
    member = permissions.is_member(getattr(request, "user", None))
    nav = []
    for item in _nav_items():
        if item.get("members_only") and not member:
            continue
        if item.get("show") and not _shown_to(item["show"])(request.user):
            continue
        try:
            url = reverse(item["url"])
        except NoReverseMatch:
            continue
        nav.append(
            {
                "url": url,
                "label": item["label"],
                "current": request.path.startswith(url) and url != "/",
            }
        )
    return {"nav": nav, "is_member": member}
