"""The e-mail of an announcement, queued once per person of its audience (the task
``tasks.send_emails`` runs it; ``tasks.emails_claim`` decides when)."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from palabre.announcements.models import Announcement, Delivery
from palabre.core.mail import email_queue
from palabre.notifications.models import NotificationPreference
from palabre.notifications.services import unsubscribe_headers, unsubscribe_url
from palabre.permissions import announcements as rules

EMAIL_KIND = "announcements.email"


def _refusing(user_ids: list[int]) -> set[int]:
    """Who chose "never by e-mail" for announcements (or for everything, without a
    choice of their own for announcements)."""
    rows = NotificationPreference.objects.filter(
        user_id__in=user_ids, kind__in=[EMAIL_KIND, NotificationPreference.ALL_KINDS]
    ).values_list("user_id", "kind", "delivery")
    own: dict[int, str] = {}
    fallback: dict[int, str] = {}
    for user_id, kind, delivery in rows:
        (own if kind == EMAIL_KIND else fallback)[user_id] = delivery
    return {pk for pk in user_ids if (own.get(pk) or fallback.get(pk)) == "never"}


def emails_send(*, announcement_id: int) -> int:
    """Queue the announcement's e-mail for each person of its audience who has not had it
    and did not say "never". Returns how many were queued. Run again, it queues none."""
    announcement = Announcement.objects.filter(pk=announcement_id).first()
    if announcement is None or not announcement.send_email:
        return 0
    people = list(
        rules.audience_of(announcement)
        .exclude(pk__in=Delivery.objects.filter(announcement=announcement).values("user_id"))
        .only("pk", "email", "language", "display_name")
    )
    refusing = _refusing([p.pk for p in people])
    link = settings.SITE_URL + reverse("announcements:mine")
    queued = 0
    for person in people:
        if person.pk in refusing:
            continue
        try:
            with transaction.atomic():
                Delivery.objects.create(announcement=announcement, user=person)
                stop = unsubscribe_url(person, EMAIL_KIND)
                email_queue(
                    to=person.email,
                    template="announcements/email/announcement",
                    context={
                        "announcement": announcement,
                        "recipient": person,
                        "link": link,
                        "unsubscribe_url": stop,
                    },
                    language=person.language or settings.LANGUAGE_CODE,
                    kind=EMAIL_KIND,
                    headers=unsubscribe_headers(stop),
                )
        except IntegrityError:
            continue  # another worker queued it meanwhile
        queued += 1
    return queued
