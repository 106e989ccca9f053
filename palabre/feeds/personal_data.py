"""What palabre.feeds holds about a person, for their archive and for erasure: whether
they made private feed addresses, and when — never the secret (the archive may be
read by others: the addresses would give what the person may see)."""

from __future__ import annotations

from typing import Any

from palabre.feeds.models import FeedToken


def export(person: Any) -> dict[str, Any]:
    token = FeedToken.objects.filter(person_id=person.pk).first()
    return {
        "feed_address": {
            "exists": token is not None,
            "created_at": token.created_at.isoformat() if token else None,
            "renewed_at": token.renewed_at.isoformat() if token and token.renewed_at else None,
        }
    }


def erase(person: Any) -> dict[str, int]:
    """The private address is deleted: it answers 404 from then on."""
    deleted, _ = FeedToken.objects.filter(person_id=person.pk).delete()
    return {"feed_addresses_deleted": deleted}
