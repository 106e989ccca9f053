"""Template helpers for notifications (and the apps that send them)."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def ago(moment) -> str:
    """ "5 minutes ago", or "just now" for what happened within the minute."""
    if not moment:
        return ""
    if (timezone.now() - moment).total_seconds() < 60:
        return _("just now")
    return _("%(time)s ago") % {"time": timesince(moment)}
