"""What palabre.newsletter holds about a person, for their archive and for erasure: their
choice (every issue, monthly digest, never) and what became of each issue for them. The
issues they composed are the network's (like any publication): erasure leaves them, their
composer shown as "Former member" (or empty once the account is deleted)."""

from __future__ import annotations

from typing import Any

from palabre.newsletter.models import Delivery, Issue, Subscription


def export(person: Any) -> dict[str, Any]:
    choice = Subscription.objects.filter(person_id=person.pk).first()
    deliveries = Delivery.objects.filter(person_id=person.pk).select_related("issue")
    return {
        "newsletter_choice": choice.choice if choice else Subscription.Choice.EVERY.value,
        "newsletter_deliveries": [
            {
                "issue": d.issue.title,
                "status": d.status,
                "created_at": d.created_at.isoformat(),
            }
            for d in deliveries.order_by("created_at", "pk")
        ],
        "newsletter_issues_composed": [
            {"title": i.title, "status": i.status, "created_at": i.created_at.isoformat()}
            for i in Issue.objects.filter(created_by_id=person.pk).order_by("created_at")
        ],
    }


def erase(person: Any) -> dict[str, int]:
    """Their choice and delivery records are deleted (an issue's archive does not say who
    received it)."""
    deliveries, _ = Delivery.objects.filter(person_id=person.pk).delete()
    choices, _ = Subscription.objects.filter(person_id=person.pk).delete()
    return {"newsletter_deliveries_deleted": deliveries, "newsletter_choices_deleted": choices}
