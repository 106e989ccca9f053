"""Sized WebP copies of an attachment's preview (``palabre.lib.images``), through the
practice's rule like the preview itself."""

from __future__ import annotations

from palabre.lib.images import variant_response
from palabre.permissions import practices as rules


def attachment_variant(request, pk: int, attachment_pk: int, width: int):
    practice = rules.practice_for(request.user, pk)
    item = rules.attachment_for(request.user, practice, attachment_pk)
    return variant_response(item.preview, width)
