"""Template helpers used across apps."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from palabre.lib import panels as panel_registry

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot: str, **kwargs):
    """Render the panels other apps registered for ``slot`` (see palabre.lib.panels)."""
    request = context.get("request")
    # Each panel renders its own template with autoescaping; the joined result is safe.
    return mark_safe(panel_registry.render_slot(slot, request, **kwargs))


@register.simple_tag(takes_context=True)
def query_string(context, **changes):
    """The current query string with some parameters changed (None or "" removes one)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template, or None."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
