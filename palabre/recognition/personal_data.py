"""What the suggested presenters part of palabre.recognition holds about a person, for
their archive and for erasure: the invitations to present they received (with their
answer and word), those they sent, and the first practice drafts written for them at a
launch workshop. (Thanks, featured items, contributor settings and attestations are
exported and erased by palabre.privacy directly.)"""

from __future__ import annotations

from typing import Any

from palabre.recognition.models import LaunchDraft, PresenterInvitation


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


def export(person: Any) -> dict[str, Any]:
    received = (
        PresenterInvitation.objects.filter(person_id=person.pk)
        .exclude(status=PresenterInvitation.Status.PROPOSED)
        .select_related("workshop")
        .order_by("invited_at", "pk")
    )
    sent = (
        PresenterInvitation.objects.filter(invited_by_id=person.pk)
        .select_related("workshop", "person")
        .order_by("invited_at", "pk")
    )
    drafts = (
        LaunchDraft.objects.filter(person_id=person.pk)
        .select_related("launch__workshop", "practice")
        .order_by("created_at", "pk")
    )
    return {
        "invitations_to_present_received": [
            {
                "workshop": i.workshop.title,
                "status": i.status,
                "why": i.reason,
                "message": i.message,
                "my_answer": i.answer_note,
                "invited_at": _when(i.invited_at),
                "answered_at": _when(i.answered_at),
            }
            for i in received
        ],
        "invitations_to_present_sent": [
            {
                "workshop": i.workshop.title,
                "person": i.person.display_name,
                "status": i.status,
                "invited_at": _when(i.invited_at),
            }
            for i in sent
        ],
        "first_practice_drafts": [
            {
                "workshop": d.launch.workshop.title,
                "practice": d.practice.title if d.practice else None,
                "created_at": _when(d.created_at),
            }
            for d in drafts
        ],
    }


def erase(person: Any) -> dict[str, int]:
    """The invitations they received and the records of their drafts are deleted (a slot
    they presented keeps its session; the drafts themselves are practices, erased with
    them); the invitations they sent stay, without their name."""
    received, _ = PresenterInvitation.objects.filter(person_id=person.pk).delete()
    sent = PresenterInvitation.objects.filter(invited_by_id=person.pk).update(invited_by=None)
    drafts, _ = LaunchDraft.objects.filter(person_id=person.pk).delete()
    return {
        "presenter_invitations_deleted": received,
        "presenter_invitations_unsigned": sent,
        "launch_draft_records_deleted": drafts,
    }
