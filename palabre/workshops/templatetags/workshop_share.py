"""The photo a public workshop's share preview shows: one that anyone may open."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

from palabre.permissions import workshops as rules
from palabre.workshops.models import Restitution, RestitutionPhoto

register = template.Library()


@register.simple_tag
def public_photo(workshop: Any) -> RestitutionPhoto | None:
    """The first ready photo of a final restitution, if an anonymous visitor may see it
    (messaging apps fetch previews without logging in); else None. One query."""
    photo = (
        RestitutionPhoto.objects.filter(
            restitution__session__workshop=workshop,
            restitution__status=Restitution.Status.FINAL,
            prepared_at__isnull=False,
        )
        .exclude(preview="")
        .select_related("restitution__session")
        .order_by("pk")
        .first()
    )
    if photo is None:
        return None
    photo.restitution.session.workshop = workshop
    return photo if rules.can_see_restitution(AnonymousUser(), photo.restitution) else None
