"""Creating, changing, publishing and cancelling a workshop."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.audit.services import audit_record
from palabre.lib.errors import ServiceError, refuse
from palabre.notifications.services import notify
from palabre.permissions import workshops as rules
from palabre.workshops.models import (
    Workshop,
)
from palabre.workshops.services._common import (
    first_organisation,
    locked,
)
from palabre.workshops.services.registrations import _promote_waitlist

# Workshops ----------------------------------------------------------------------------

WORKSHOP_FIELDS = (
    "title", "objectives", "description", "start_date", "end_date", "time_zone", "venue",
    "city", "country", "online_url", "capacity", "waiting_list_size", "registration_closes_on",
    "languages", "visibility",
)  # fmt: skip


def _check_workshop(workshop: Workshop, organisers: list | None) -> None:
    if not workshop.title.strip():
        raise ServiceError(_("A workshop needs a title."), field="title")
    if workshop.end_date < workshop.start_date:
        raise ServiceError(_("The last day comes before the first day."), field="end_date")
    if (workshop.end_date - workshop.start_date).days > 30:
        raise ServiceError(_("A workshop lasts at most a month."), field="end_date")
    if workshop.registration_closes_on and workshop.registration_closes_on > workshop.end_date:
        raise ServiceError(
            _("Registrations must close before the end of the workshop."),
            field="registration_closes_on",
        )
    if workshop.time_zone not in zoneinfo.available_timezones():
        raise ServiceError(_("Unknown time zone."), field="time_zone")
    if not (workshop.venue.strip() or workshop.online_url.strip()):
        raise ServiceError(
            _("Say where it happens: a place, an online link, or both."), field="venue"
        )
    known = {code for code, _name in settings.LANGUAGES}
    if not workshop.language_list or set(workshop.language_list) - known:
        raise ServiceError(_("Choose the languages of the workshop."), field="languages")
    if organisers is not None and not organisers:
        raise ServiceError(_("Name at least one organising organisation."), field="organisers")


# Templates ----------------------------------------------------------------------------
# A higher app offers ways to start a workshop ("Start from: blank / launch workshop"): it
# registers a template in its AppConfig.ready(); the create page lists them, prefills the
# form with ``initial()`` and ``workshop_create(template=…)`` calls ``apply`` in the same
# transaction, after the workshop is saved. Workshops never import the apps that fill it.


@dataclass(frozen=True)
class WorkshopTemplate:
    key: str
    label: Any
    help: Any
    # The form's fields prefilled (title, objectives, description…), in the reader's language.
    initial: Callable[[], dict[str, Any]]
    # apply(workshop=…, by=…, themes=[…]): builds the rest (agenda, invitations…).
    apply: Callable[..., Any]
    # The template asks which themes the workshop is about.
    asks_themes: bool = False


_templates: dict[str, WorkshopTemplate] = {}


def register_template(template: WorkshopTemplate) -> WorkshopTemplate:
    _templates[template.key] = template
    return template


def workshop_templates() -> list[WorkshopTemplate]:
    return list(_templates.values())


def workshop_template(key: str) -> WorkshopTemplate | None:
    return _templates.get(key or "")


@transaction.atomic
def workshop_create(
    *,
    by: Any,
    organisers: list,
    template: str = "",
    template_options: dict[str, Any] | None = None,
    **fields: Any,
) -> Workshop:
    if not rules.can_create_workshop(by):
        refuse(_("Only facilitators create workshops."), status=403)
    unknown = set(fields) - set(WORKSHOP_FIELDS) - {"external_id"}
    if unknown:
        raise ServiceError(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    workshop = Workshop(created_by=by, **fields)
    _check_workshop(workshop, list(organisers))
    chosen = None
    if template:
        chosen = workshop_template(template)
        if chosen is None:
            raise ServiceError(
                _("Unknown template: start from a blank workshop."), field="template"
            )
    workshop.save()
    workshop.organisers.set(organisers)
    audit_record(
        action="workshop.created",
        actor=by,
        target=workshop,
        organisation=first_organisation(workshop),
        data={"template": template} if template else None,
    )
    if chosen is not None:
        chosen.apply(workshop=workshop, by=by, **(template_options or {}))
    return workshop


@transaction.atomic
def workshop_update(
    *, workshop: Workshop, by: Any, fields: dict[str, Any], organisers: list | None = None
) -> Workshop:
    current = locked(workshop)
    if not rules.can_manage(by, current):
        refuse(_("Only facilitators change a workshop."), status=403)
    for name, value in fields.items():
        if name not in WORKSHOP_FIELDS:
            raise ServiceError(_("Unknown fields: %(names)s.") % {"names": name})
        setattr(current, name, value)
    _check_workshop(current, list(organisers) if organisers is not None else None)
    outside = [
        s.title
        for s in current.sessions.all()
        if not (current.start_date <= s.starts_at.astimezone(current.tz).date() <= current.end_date)
    ]
    if outside:
        raise ServiceError(
            _("These sessions would fall outside the new dates; move them first: %(names)s.")
            % {"names": ", ".join(outside)},
            field="start_date",
        )
    current.save()
    if organisers is not None:
        current.organisers.set(organisers)
    _promote_waitlist(current, by=by)
    audit_record(
        action="workshop.updated",
        actor=by,
        target=current,
        organisation=first_organisation(current),
        data={"fields": sorted(fields)},
    )
    return current


@transaction.atomic
def workshop_publish(*, workshop: Workshop, by: Any) -> Workshop:
    current = locked(workshop)
    if not rules.can_manage(by, current):
        refuse(_("Only facilitators publish workshops."), status=403)
    if current.status != Workshop.Status.DRAFT:
        refuse(_("Only a draft workshop can be published."), status=409)
    current.status = Workshop.Status.PUBLISHED
    current.published_at = timezone.now()
    current.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(
        action="workshop.published",
        actor=by,
        target=current,
        organisation=first_organisation(current),
    )
    return current


@transaction.atomic
def workshop_cancel(*, workshop: Workshop, by: Any, reason: str = "") -> Workshop:
    current = locked(workshop)
    if not rules.can_manage(by, current):
        refuse(_("Only facilitators cancel workshops."), status=403)
    if current.status == Workshop.Status.CANCELLED:
        refuse(_("This workshop is already cancelled."), status=409)
    if current.is_past:
        refuse(_("This workshop has already taken place."), status=409)
    was_published = current.status == Workshop.Status.PUBLISHED
    current.status = Workshop.Status.CANCELLED
    current.save(update_fields=["status", "updated_at"])
    audit_record(
        action="workshop.cancelled",
        actor=by,
        target=current,
        organisation=first_organisation(current),
        data={"reason": reason[:500]},
    )
    if was_published:
        for registration in current.registrations.active().select_related("person"):
            notify(
                recipient=registration.person,
                kind="workshop.cancelled",
                title=gettext_lazy("The workshop “%(title)s” is cancelled"),
                params={"title": current.title},
                body=reason,
                url=current.get_absolute_url(),
                actor=by,
                target=current,
            )
    return current
