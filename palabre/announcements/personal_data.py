"""What palabre.announcements holds about a person, for their archive and for erasure:
the announcements they saw and hid, and those e-mailed to them. The announcements they
wrote are the network's (like any publication): erasure leaves them, without the author
(``Announcement.author`` becomes empty when the account is deleted; an anonymised account
keeps them under "Former member")."""

from __future__ import annotations

from typing import Any

from palabre.announcements.models import Announcement, Delivery, Mark


def export(person: Any) -> dict[str, Any]:
    marks = Mark.objects.filter(user_id=person.pk).select_related("announcement")
    deliveries = Delivery.objects.filter(user_id=person.pk).select_related("announcement")
    return {
        "announcements_seen": [
            {
                "announcement": m.announcement.title,
                "seen_at": m.seen_at.isoformat(),
                "dismissed_at": m.dismissed_at.isoformat() if m.dismissed_at else None,
            }
            for m in marks.order_by("seen_at")
        ],
        "announcements_emailed": [
            {"announcement": d.announcement.title, "queued_at": d.queued_at.isoformat()}
            for d in deliveries.order_by("queued_at")
        ],
        "announcements_written": [
            {"title": a.title, "starts_at": a.starts_at.isoformat()}
            for a in Announcement.objects.filter(author_id=person.pk).order_by("starts_at")
        ],
    }


def erase(person: Any) -> dict[str, int]:
    """Their seen and hidden marks and e-mail records are deleted (the reach of a campaign
    counts one person less)."""
    marks, _ = Mark.objects.filter(user_id=person.pk).delete()
    deliveries, _ = Delivery.objects.filter(user_id=person.pk).delete()
    return {"announcement_marks_deleted": marks, "announcement_emails_deleted": deliveries}
