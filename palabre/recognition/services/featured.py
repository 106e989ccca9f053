"""Featured items: facilitators put a practice, a person or an organisation forward for a
while, with the reason why. Rows are never deleted: ending one early keeps it in the history."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.audit.services import audit_record
from palabre.lib.errors import refuse
from palabre.notifications.services import notify
from palabre.organisations.models import Organisation, Role
from palabre.permissions import recognition as rules
from palabre.practices.models import Practice
from palabre.recognition import kinds
from palabre.recognition.models import Feature

REASON_MAX = 300

Kind = Feature.Kind


def _check_item(kind: str, item: Any) -> dict[str, Any]:
    """The feature's item field for this kind, or a refusal naming what is wrong."""
    if kind not in Kind.values:
        refuse(_("Choose what to feature: a practice, a person or an organisation."), field="kind")
    if kind == Kind.PRACTICE:
        if not isinstance(item, Practice):
            refuse(_("Choose the practice to feature."), field="kind")
        if item.status != Practice.Status.PUBLISHED:
            refuse(_("Only a published practice can be featured."), field="kind")
        return {"practice": item}
    if kind == Kind.PERSON:
        if not isinstance(item, get_user_model()):
            refuse(_("Choose the person to feature."), field="kind")
        if not item.is_active:
            refuse(_("This person's account is closed: they cannot be featured."), field="kind")
        return {"person": item}
    if not isinstance(item, Organisation):
        refuse(_("Choose the organisation to feature."), field="kind")
    return {"organisation": item}


def _check_reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        refuse(_("Say why in one or two sentences: it is what people will read."), field="reason")
    if len(reason) > REASON_MAX:
        refuse(
            _("The reason is too long (%(max)s characters at most).") % {"max": REASON_MAX},
            field="reason",
        )
    return reason


def _check_period(starts_on: Any, ends_on: Any) -> None:
    if not isinstance(starts_on, date):
        refuse(_("Give the first day."), field="starts_on")
    if not isinstance(ends_on, date):
        refuse(_("Give the last day."), field="ends_on")
    if ends_on < starts_on:
        refuse(_("The last day comes before the first day."), field="ends_on")
    if ends_on < timezone.localdate():
        refuse(_("The last day has already passed."), field="ends_on")


def _tell(feature: Feature, *, by: Any) -> None:
    """Tell those whose work is featured: the person, the practice's authors, the
    organisation's administrators. Their notification choices apply."""
    if feature.kind == Kind.PRACTICE:
        practice = feature.practice
        people = list(practice.authors.filter(is_active=True))
        title = gettext_lazy("Your practice “%(title)s” is featured on Palabre")
        params = {"title": practice.title}
        url = practice.get_absolute_url()
    elif feature.kind == Kind.PERSON:
        people = [feature.person]
        title = gettext_lazy("You are featured on Palabre")
        params = {}
        url = reverse("recognition:contributor", args=[feature.person.pk])
    else:
        organisation = feature.organisation
        people = list(
            get_user_model().objects.filter(
                is_active=True,
                memberships__organisation=organisation,
                memberships__role=Role.ORG_ADMIN,
            )
        )
        title = gettext_lazy("%(organisation)s is featured on Palabre")
        params = {"organisation": organisation.short_name}
        url = organisation.get_absolute_url()
    for person in people:
        notify(
            recipient=person,
            kind=kinds.FEATURED,
            title=title,
            params=params,
            url=url,
            actor=by,
            target=feature,
            excerpt=feature.reason,
        )


@transaction.atomic
def feature_create(
    *, by: Any, kind: str, item: Any, reason: str, starts_on: date, ends_on: date
) -> Feature:
    """A facilitator features a practice (published), a person or an organisation from
    ``starts_on`` to ``ends_on`` (included), with the reason why; those concerned are told."""
    if not rules.can_feature(by):
        refuse(_("Only facilitators choose what is featured."), status=403)
    fields = _check_item(kind, item)
    reason = _check_reason(reason)
    _check_period(starts_on, ends_on)
    feature = Feature.objects.create(
        kind=kind,
        reason=reason,
        starts_on=starts_on,
        ends_on=ends_on,
        featured_by=by,
        **fields,
    )
    audit_record(
        action="recognition.featured",
        actor=by,
        target=feature,
        organisation=feature.organisation
        or (feature.practice.lead_organisation if feature.practice else None),
        data={
            "kind": kind,
            "item": item.pk,
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(),
        },
    )
    _tell(feature, by=by)
    return feature


@transaction.atomic
def feature_end(*, feature: Feature, by: Any) -> Feature:
    """A facilitator ends a feature early; the row stays, for the history."""
    if not rules.can_feature(by):
        refuse(_("Only facilitators choose what is featured."), status=403)
    current = Feature.objects.select_for_update().get(pk=feature.pk)
    if current.ended_at is not None:
        refuse(_("This feature has already been ended."), status=409)
    if current.ends_on < timezone.localdate():
        refuse(_("This feature is already over."), status=409)
    current.ended_at = timezone.now()
    current.save(update_fields=["ended_at"])
    audit_record(
        action="recognition.feature_ended",
        actor=by,
        target=current,
        organisation=current.organisation,
        data={"kind": current.kind},
    )
    return current
