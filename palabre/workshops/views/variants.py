"""Sized WebP copies of a restitution photo's preview (``palabre.lib.images``), through
the same rules as the preview itself."""

from __future__ import annotations

from palabre.lib.images import variant_response
from palabre.permissions import workshops as rules


def photo_variant(request, pk: int, session_pk: int, photo_pk: int, width: int):
    workshop = rules.workshop_for(request.user, pk)
    item = rules.photo_for(
        request.user, rules.session_for(request.user, workshop, session_pk), photo_pk
    )
    return variant_response(item.preview, width)
