"""Writing each recipient's copy of an issue, in their language, with only what they may
see; the monthly digests; the links that stop the newsletter without logging in.

Run by the worker (``palabre.newsletter.tasks``). Each batch (``issue_deliver``) takes the
next recipients who have no ``Delivery`` for the issue and, one person per transaction,
writes their Delivery and the e-mail of their own copy together: a send stopped half-way
resumes with the people still without one, and the unique (issue, person) row makes a
second copy impossible.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from palabre.core.mail import email_queue
from palabre.lib.errors import ServiceError
from palabre.lib.text import render_markdown
from palabre.newsletter import kinds
from palabre.newsletter.models import Delivery, Issue, Subscription
from palabre.permissions import newsletter as rules

UNSUBSCRIBE_SALT = "palabre.newsletter.unsubscribe"
# How many people one task writes copies for before queueing the next batch.
BATCH = 50

Choice = Subscription.Choice


def language_of(person: Any) -> str:
    """The language a person's copy is written in (as the daily summary chooses)."""
    language = getattr(person, "language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def choice_of(person: Any) -> str:
    row = Subscription.objects.filter(person=person).values_list("choice", flat=True).first()
    return row or Choice.EVERY


def copy_context(issue: Issue, person: Any, items: list[Any] | None = None) -> dict[str, Any]:
    link = unsubscribe_url(person)
    return {
        "site_url": settings.SITE_URL,
        "issue": issue,
        "items": kinds.shown_items(issue.items.all() if items is None else items, person),
        "introduction": render_markdown(issue.introduction),
        "introduction_text": issue.introduction,
        "recipient": person,
        "web_url": settings.SITE_URL + issue.get_absolute_url(),
        "unsubscribe_url": link,
        "settings_url": settings.SITE_URL + reverse("notifications:settings"),
    }


def email_copy(issue: Issue, person: Any, items: list[Any] | None = None) -> Any:
    """Queue one person's copy of an issue (inside the caller's transaction)."""
    language = language_of(person)
    with translation.override(language):
        context = copy_context(issue, person, items)
    return email_queue(
        to=person.email,
        template="newsletter/email/issue",
        context=context,
        language=language,
        kind="newsletter:issue",
        headers=unsubscribe_headers(context["unsubscribe_url"]),
    )


def _deliver_one(issue: Issue, person: Any, items: list[Any]) -> bool:
    """Write this person's Delivery (and their e-mail) in one transaction; False when they
    already had one."""
    try:
        with transaction.atomic():
            choice = choice_of(person)
            if choice == Choice.NEVER:
                Delivery.objects.create(issue=issue, person=person, status=Delivery.Status.SKIPPED)
            elif choice == Choice.MONTHLY:
                Delivery.objects.create(issue=issue, person=person, status=Delivery.Status.WAITING)
            else:
                # The row first: a second worker on the same person stops here.
                delivery = Delivery.objects.create(
                    issue=issue, person=person, status=Delivery.Status.QUEUED
                )
                delivery.email = email_copy(issue, person, items)
                delivery.save(update_fields=["email"])
    except IntegrityError:
        return False
    return True


def issue_deliver(*, issue_id: int, limit: int = BATCH) -> tuple[int, bool]:
    """Write the copies of the next ``limit`` recipients without one. Returns how many were
    written and whether the issue is done."""
    issue = Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).first()
    if issue is None:
        return 0, True
    done_ids = Delivery.objects.filter(issue=issue).values("person_id")
    waiting = list(rules.issue_audience(issue).exclude(pk__in=done_ids)[:limit])
    items = list(issue.items.all())  # read once per batch; each copy filters them
    written = sum(1 for person in waiting if _deliver_one(issue, person, items))
    if len(waiting) < limit:
        Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, finished_at=timezone.now()
        )
        return written, True
    return written, False


def issues_resume(*, enqueue: Any) -> int:
    """Queue again the sends a stopped worker left unfinished (run daily, and by hand)."""
    ids = list(Issue.objects.filter(status=Issue.Status.SENDING).values_list("pk", flat=True))
    for pk in ids:
        enqueue(pk)
    return len(ids)


def digests_send(*, now: datetime | None = None) -> int:
    """Send each person who chose a monthly digest the issues of the past months waiting
    for them, in one e-mail. Returns e-mails queued."""
    now = now or timezone.now()
    month_start = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    people = (
        Delivery.objects.filter(status=Delivery.Status.WAITING, issue__sent_at__lt=month_start)
        .values_list("person_id", flat=True)
        .distinct()
    )
    sent = 0
    for person_id in list(people):
        with transaction.atomic():
            waiting = list(
                Delivery.objects.select_for_update()
                .filter(
                    person_id=person_id,
                    status=Delivery.Status.WAITING,
                    issue__sent_at__lt=month_start,
                )
                .select_related("issue", "person")
                .order_by("issue__sent_at", "pk")
            )
            if not waiting:
                continue
            person = waiting[0].person
            ids = [d.pk for d in waiting]
            if choice_of(person) == Choice.NEVER or not person.is_active or not person.email:
                Delivery.objects.filter(pk__in=ids).update(status=Delivery.Status.SKIPPED)
                continue
            language = language_of(person)
            link = unsubscribe_url(person)
            with translation.override(language):
                copies = [
                    {
                        "issue": d.issue,
                        "items": kinds.shown_items(d.issue.items.all(), person),
                        "introduction": render_markdown(d.issue.introduction),
                        "introduction_text": d.issue.introduction,
                        "web_url": settings.SITE_URL + d.issue.get_absolute_url(),
                    }
                    for d in waiting
                ]
            email = email_queue(
                to=person.email,
                template="newsletter/email/digest",
                context={
                    "copies": copies,
                    "recipient": person,
                    "unsubscribe_url": link,
                    "settings_url": settings.SITE_URL + reverse("notifications:settings"),
                },
                language=language,
                kind="newsletter:digest",
                headers=unsubscribe_headers(link),
            )
            Delivery.objects.filter(pk__in=ids).update(
                status=Delivery.Status.DIGESTED, email=email, updated_at=now
            )
            sent += 1
    return sent


def unsubscribe_token(person: Any) -> str:
    return signing.dumps({"u": person.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(person: Any) -> str:
    return settings.SITE_URL + reverse("newsletter:unsubscribe", args=[unsubscribe_token(person)])


def unsubscribe_headers(url: str) -> dict[str, str]:
    # RFC 2369 and RFC 8058: mail programs show their own button, which POSTs to the link.
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def unsubscribe_read(token: str) -> Any:
    """The person a link was made for; a forged or damaged link answers 404."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return get_user_model().objects.get(pk=int(data["u"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError, get_user_model().DoesNotExist):
        raise ServiceError(
            _("This link is not valid. Open Palabre to change your e-mails."), status=404
        ) from None
