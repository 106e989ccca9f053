"""What every page's layout needs: the main navigation, built from the apps."""

from __future__ import annotations

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from palabre import permissions


def _nav_items():
    items = []
    for config in apps.get_app_configs():
        items.extend(getattr(config, "nav_items", []))
    return sorted(items, key=lambda item: item["order"])


def palabre(request):
    member = permissions.is_member(getattr(request, "user", None))
    nav = []
    for item in _nav_items():
        if item.get("members_only") and not member:
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
