"""Background work of announcements: each announcement's e-mail, sent once.

Every worker, each minute, claims the announcements that started and whose e-mail was not
queued yet (``emails_claim``); the task ``send_emails`` then queues one message
per person of the audience through the outbox (``palabre.core.mail``), never twice.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django_tasks import task

from palabre.announcements import emails
from palabre.announcements.models import Announcement
from palabre.core import schedule


@task()
def send_emails(announcement_id: int) -> int:
    return emails.emails_send(announcement_id=announcement_id)


def emails_claim(*, ids: list[int] | None = None, now: datetime | None = None) -> list[int]:
    """Queue the e-mail task of each running announcement whose e-mail was not queued yet
    (safe in several workers at once: each announcement is claimed by one)."""
    now = now or timezone.now()
    due = Announcement.objects.filter(
        send_email=True, emailed_at__isnull=True, starts_at__lte=now, ends_at__gt=now
    )
    if ids is not None:
        due = due.filter(pk__in=ids)
    claimed = []
    for pk in due.values_list("pk", flat=True):
        if Announcement.objects.filter(pk=pk, emailed_at__isnull=True).update(emailed_at=now):
            claimed.append(pk)
            send_emails.enqueue(pk)
    return claimed


def emails_due() -> list[int]:
    return emails_claim()


schedule.every_minute("announcements.emails_due", emails_due)
