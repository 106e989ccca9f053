"""What a link to a public page shows once pasted into a messaging app: absolute addresses
and the page's locale for the OpenGraph and Twitter-card tags."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

# OpenGraph wants a territory; the network's French is read in West and Central Africa.
LOCALES = {"fr": "fr_FR", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def absolute_url(context: Any, path: str) -> str:
    """``path`` (``/practices/3/``) as the address a person outside can open."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


@register.filter
def og_locale(language: str) -> str:
    return LOCALES.get((language or "")[:2], "fr_FR")
