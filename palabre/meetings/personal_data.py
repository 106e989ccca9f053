"""What exchange meetings hold about a person, for their archive and for erasure.

- Their archive: their presentation proposals and invitations (title, summary, status,
  the meeting and date, why they were invited), the meetings they set up, and the dates
  whose minutes they wrote.
- Erasure: proposals that never reached an agenda that took place (proposed, invited,
  declined, refused, and those of dates to come) are deleted; presentations given at a
  past date stay on its agenda, shown as given by "Former member" (the erased account).
  Meetings they set up and minutes they wrote are the network's: they stay, tied to the
  erased account.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from palabre.meetings.models import Meeting, Occurrence, Proposal


def export(person: Any) -> dict[str, Any]:
    proposals = (
        Proposal.objects.filter(person=person)
        .select_related("occurrence__meeting", "practice")
        .order_by("created_at", "pk")
    )
    return {
        "proposals": [
            {
                "meeting": p.occurrence.meeting.title,
                "date": p.occurrence.date.isoformat(),
                "title": p.title,
                "summary": p.summary,
                "status": p.status,
                "practice": p.practice.title if p.practice else None,
                "invited": p.invited_by_id is not None,
                "reason": p.reason,
                "created_at": p.created_at.isoformat(),
            }
            for p in proposals
        ],
        "meetings_set_up": [
            {"title": m.title, "created_at": m.created_at.isoformat()}
            for m in Meeting.objects.filter(created_by=person).order_by("pk")
        ],
        "minutes_written": [
            {"meeting": o.meeting.title, "date": o.date.isoformat()}
            for o in Occurrence.objects.filter(minutes_by=person)
            .select_related("meeting")
            .order_by("date", "pk")
        ],
    }


@transaction.atomic
def erase(person: Any) -> dict[str, int]:
    today = timezone.localdate()
    given = Proposal.objects.filter(
        person=person, status=Proposal.Status.ACCEPTED, occurrence__date__lt=today
    )
    kept = given.count()
    deleted, _ = Proposal.objects.filter(person=person).exclude(pk__in=given.values("pk")).delete()
    return {"meeting_proposals_deleted": deleted, "meeting_presentations_kept": kept}
