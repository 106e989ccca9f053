"""Demo recognition: thanks with their messages across organisations, featured items with
their reasons (current and past), public contributor pages and two ready attestations.

The content is in demo_data/ (see its README); this module loads it. Dates are counted
back from today. Safe to run again: a thanks is one per person and item, a featured item
is recognised by what it features and when it started, an attestation is built once per
person. Loading sends no e-mail for thanks and featured items: their notifications are
written in the app only (as the discussions demo does); building an attestation tells its
holder as it always does.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from palabre.adoptions.models import FeedbackReport
from palabre.discussions.models import Answer
from palabre.notifications.models import Notification
from palabre.notifications.services import notify
from palabre.organisations.models import Role
from palabre.permissions import recognition as rules
from palabre.recognition import kinds, presenters
from palabre.recognition.models import (
    Attestation,
    ContributorSettings,
    Feature,
    PresenterInvitation,
    Thanks,
)
from palabre.recognition.selectors.thanks import thanked_item_title, thanked_item_url
from palabre.recognition.services.attestations import attestation_build
from palabre.recognition.services.presenters import (
    ACCEPTED_TITLE,
    INVITED_BODY,
    INVITED_TITLE,
    register_presenter,
)
from palabre.recognition.services.thanks import NOTIFICATION_TITLES
from palabre.workshops.models import Restitution, Session

DATA = Path(__file__).parent / "demo_data"
# Notifications older than this are shown as already read.
UNREAD_DAYS = 10
# What those featured read (the same words as palabre.recognition.services.featured).
FEATURED_TITLES = {
    "practice": gettext_lazy("Your practice “%(title)s” is featured on Palabre"),
    "person": gettext_lazy("You are featured on Palabre"),
    "organisation": gettext_lazy("%(organisation)s is featured on Palabre"),
}


@cache
def demo_file(name: str) -> Any:
    """One of the JSON files of demo_data/."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _days_ago(days: int) -> datetime:
    """That many days before now, at a believable hour of the working day."""
    moment = timezone.localtime() - timedelta(days=days)
    return moment.replace(hour=9 + days % 9, minute=(days * 7) % 60, second=0, microsecond=0)


def thanked_item(kind: str, reference: str, context) -> Any:
    """The item a line of thanks.json names (see the README), or None if it is not there."""
    if kind == Thanks.Kind.PRACTICE:
        return context["practices"].get(reference)
    key, _, rest = reference.partition(":")
    if kind == Thanks.Kind.ANSWER:
        return (
            Answer.objects.select_related("thread")
            .filter(submission_key=f"demo:{key}:{int(rest) - 1}")
            .first()
        )
    if kind == Thanks.Kind.FEEDBACK:
        return (
            FeedbackReport.objects.select_related("adoption__practice")
            .filter(external_id=f"demo:{key}:{int(rest) - 1}")
            .first()
        )
    workshop = context.get("workshops", {}).get(key)
    if workshop is None:
        return None
    session = Session.objects.filter(workshop=workshop, title=rest).first()
    if kind == Thanks.Kind.PRESENTATION or session is None:
        return session
    return Restitution.objects.select_related("session").filter(session=session).first()


def _tell_thanked(thanks: Thanks, item: Any) -> None:
    """The in-app notification the thanked people would have received (no e-mail)."""
    for person_id in rules.thanked_people_ids(thanks.kind, item):
        person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
        if person is None:
            continue
        notification = notify(
            recipient=person,
            kind=kinds.THANKED,
            title=NOTIFICATION_TITLES[Thanks.Kind(thanks.kind)],
            params={"name": str(thanks.giver), "title": thanked_item_title(thanks.kind, item)},
            url=thanked_item_url(thanks.kind, item),
            actor=thanks.giver,
            target=item,
            excerpt=thanks.message,
            email=False,
        )
        _backdate(notification, thanks.created_at)


def _backdate(notification: Notification | None, when: datetime) -> None:
    if notification is None:
        return
    old = timezone.now() - when > timedelta(days=UNREAD_DAYS)
    Notification.objects.filter(pk=notification.pk).update(
        created_at=when, read_at=when + timedelta(hours=20) if old else None
    )


def _thanks(context) -> None:
    people = context["people"]
    for line in demo_file("thanks"):
        giver = people.get(line["giver"])
        kind = line["kind"]
        item = thanked_item(kind, line["item"], context)
        # What the rule refuses is left out (the data names someone who may not thank it).
        if giver is None or item is None or not rules.can_thank(giver, kind, item):
            continue
        thanks, created = Thanks.objects.get_or_create(
            giver=giver,
            kind=kind,
            object_id=item.pk,
            defaults={"message": line["message"], "created_at": _days_ago(line["days_ago"])},
        )
        if created:
            _tell_thanked(thanks, item)


def _feature_item(kind: str, reference: str, context) -> Any:
    if kind == Feature.Kind.PRACTICE:
        return context["practices"].get(reference)
    if kind == Feature.Kind.PERSON:
        return context["people"].get(reference)
    return context["organisations"].get(reference)


def _tell_featured(feature: Feature) -> None:
    """Those concerned are told in the app, as ``feature_create`` tells them (no e-mail)."""
    if feature.kind == Feature.Kind.PRACTICE:
        people = list(feature.practice.authors.filter(is_active=True))
        title, params = FEATURED_TITLES["practice"], {"title": feature.practice.title}
        url = feature.practice.get_absolute_url()
    elif feature.kind == Feature.Kind.PERSON:
        people, title, params = [feature.person], FEATURED_TITLES["person"], {}
        url = reverse("recognition:contributor", args=[feature.person.pk])
    else:
        organisation = feature.organisation
        people = [
            membership.user
            for membership in organisation.memberships.filter(
                role=Role.ORG_ADMIN, user__is_active=True
            ).select_related("user")
        ]
        title = FEATURED_TITLES["organisation"]
        params = {"organisation": organisation.short_name}
        url = organisation.get_absolute_url()
    for person in people:
        notification = notify(
            recipient=person,
            kind=kinds.FEATURED,
            title=title,
            params=params,
            url=url,
            actor=feature.featured_by,
            target=feature,
            excerpt=feature.reason,
            email=False,
        )
        _backdate(notification, feature.created_at)


def _features(context) -> None:
    today = timezone.localdate()
    for line in demo_file("features"):
        kind = line["kind"]
        item = _feature_item(kind, line["item"], context)
        if item is None:
            continue
        # The same line is the same feature: a later run moves its period to stay around today.
        starts_on = today - timedelta(days=line["starts_days_ago"])
        feature, created = Feature.objects.update_or_create(
            kind=kind,
            reason=line["reason"],
            **{kind: item},
            defaults={
                "starts_on": starts_on,
                "ends_on": starts_on + timedelta(days=line["days"] - 1),
                "featured_by": context["people"].get(line["featured_by"]),
                "ended_at": None,
            },
        )
        feature.created_at = _days_ago(line["starts_days_ago"])
        Feature.objects.filter(pk=feature.pk).update(created_at=feature.created_at)
        if created and feature.is_current(today):
            _tell_featured(feature)


def _contributors(context) -> None:
    for line in demo_file("contributors"):
        person = context["people"].get(line["person"])
        if person is None:
            continue
        ContributorSettings.objects.update_or_create(
            person=person,
            defaults={
                "page_visibility": line["page_visibility"],
                "show_email": line["show_email"],
            },
        )


def _attestations(context) -> None:
    today = timezone.localdate()
    for line in demo_file("attestations"):
        person = context["people"].get(line["person"])
        if person is None:
            continue
        ready = Attestation.objects.filter(
            person=person, status=Attestation.Status.READY, revoked_at__isnull=True
        )
        if ready.exists():
            continue
        attestation = Attestation.objects.create(
            person=person,
            period_start=today - timedelta(days=round(line["months"] * 30.44)),
            period_end=today,
            language=line["language"],
        )
        attestation_build(attestation=attestation)


def _presenters(context) -> None:
    """Invitations to present at the upcoming workshop: one accepted, one waiting (see the
    README). Suggestions come from ``presenters.for_workshop``, as the facilitator sees them."""
    spec = demo_file("presenters")
    workshop = context.get("workshops", {}).get(spec["workshop"])
    facilitator = context["people"].get(spec["invited_by"])
    if workshop is None or facilitator is None:
        return
    if PresenterInvitation.objects.filter(workshop=workshop).exists():
        return  # loaded already
    found = presenters.for_workshop(workshop, viewer=facilitator, limit=5)
    for state in ("accepted", "pending"):
        line = spec[state]
        if len(found) < line["rank"]:
            continue
        suggestion = found[line["rank"] - 1]
        person = suggestion.person
        invited_at = _days_ago(line["days_ago"])
        invitation = PresenterInvitation.objects.create(
            workshop=workshop,
            person=person,
            invited_by=facilitator,
            invited_at=invited_at,
            times_invited=1,
            status=state,
            reason="; ".join(suggestion.reasons)[:500],
            message=line.get("message", ""),
        )
        note = notify(
            recipient=person,
            kind=kinds.INVITED_TO_PRESENT,
            title=INVITED_TITLE,
            body=INVITED_BODY if invitation.reason else "",
            params={
                "name": str(facilitator),
                "workshop": workshop.title,
                "reason": invitation.reason,
            },
            url=invitation.get_absolute_url(),
            actor=facilitator,
            target=invitation,
            excerpt=invitation.message,
            email=False,
        )
        _backdate(note, invited_at)
        if state == "accepted":
            answered = _days_ago(line["answered_days_ago"])
            PresenterInvitation.objects.filter(pk=invitation.pk).update(
                answered_at=answered, answer_note=line.get("note", "")
            )
            register_presenter(workshop, person)
            note = notify(
                recipient=facilitator,
                kind=kinds.PRESENTER_ANSWERED,
                title=ACCEPTED_TITLE,
                params={"name": str(person), "workshop": workshop.title},
                url=workshop.get_absolute_url() + "#presenters",
                actor=person,
                target=invitation,
                excerpt=line.get("note", ""),
                email=False,
            )
            _backdate(note, answered)


def load(context) -> None:
    _contributors(context)
    _thanks(context)
    _features(context)
    _attestations(context)
    _presenters(context)
