"""Writes of announcements: publish, edit, end early, dismiss, campaigns, and the e-mail
sent once to the audience."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from palabre.announcements import banner
from palabre.announcements.models import (
    NETWORK_ROLES,
    ORGANISATION_ROLES,
    Announcement,
    Audience,
    Campaign,
    Mark,
)
from palabre.announcements.tasks import emails_claim
from palabre.audit.services import audit_record
from palabre.lib.errors import refuse
from palabre.organisations.models import Organisation
from palabre.permissions import admin_org_ids, is_facilitator
from palabre.permissions import announcements as rules

logger = logging.getLogger(__name__)

ALL_ROLES = NETWORK_ROLES + ORGANISATION_ROLES


def _check(
    *,
    by: Any,
    title: str,
    starts_at: datetime | None,
    ends_at: datetime | None,
    audience: str,
    organisations: list[Any],
    themes: list[Any],
    roles: list[str],
    campaign: Campaign | None,
) -> None:
    if not (title or "").strip():
        refuse(_("Give the announcement a title."), field="title")
    if starts_at is None or ends_at is None:
        refuse(_("Say when the announcement starts and ends."), field="ends_at")
    if ends_at <= starts_at:
        refuse(_("The end must come after the start."), field="ends_at")
    if audience not in Audience.values:
        refuse(_("Choose who the announcement is for."), field="audience")
    unknown = set(roles) - set(ALL_ROLES)
    if unknown:
        refuse(_("Choose roles from the list."), field="roles")
    if audience == Audience.ORGANISATIONS and not organisations:
        refuse(_("Choose at least one organisation."), field="organisations")
    if audience == Audience.ROLES and not roles:
        refuse(_("Choose at least one role."), field="roles")
    if audience == Audience.THEMES and not themes:
        refuse(_("Choose at least one theme."), field="themes")
    if not rules.can_address(
        by,
        audience=audience,
        organisation_ids=[o.pk for o in organisations],
        roles=roles if audience == Audience.ROLES else [],
    ):
        refuse(
            _(
                "You may only address the members of your own organisation: choose it, "
                "not everyone, another organisation or a network role."
            ),
            status=403,
            field="audience",
        )
    if campaign is not None and not rules.can_manage_campaign(by, campaign):
        refuse(_("Choose one of your campaigns."), status=403, field="campaign")


def _publisher(by: Any, organisations: list[Any]) -> Any:
    """The organisation that publishes: none for facilitators, the org admin's own."""
    if is_facilitator(by):
        return None
    mine = admin_org_ids(by)
    return next((o for o in organisations if o.pk in mine), None)


def _apply_audience(
    announcement: Announcement,
    *,
    audience: str,
    organisations: list[Any],
    themes: list[Any],
    roles: list[str],
) -> None:
    announcement.audience = audience
    for role in ALL_ROLES:
        setattr(announcement, f"for_{role}", audience == Audience.ROLES and role in roles)


@transaction.atomic
def announcement_create(
    *,
    by: Any,
    title: str,
    body: str = "",
    url: str = "",
    starts_at: datetime | None,
    ends_at: datetime | None,
    audience: str,
    organisations: list[Any] | None = None,
    themes: list[Any] | None = None,
    roles: list[str] | None = None,
    campaign: Campaign | None = None,
    send_email: bool = False,
) -> Announcement:
    organisations, themes, roles = list(organisations or []), list(themes or []), list(roles or [])
    if not rules.can_publish(by):
        refuse(_("Only facilitators and organisation admins publish announcements."), status=403)
    _check(
        by=by,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        audience=audience,
        organisations=organisations,
        themes=themes,
        roles=roles,
        campaign=campaign,
    )
    announcement = Announcement(
        title=title.strip(),
        body=body or "",
        url=url or "",
        starts_at=starts_at,
        ends_at=ends_at,
        campaign=campaign,
        author=by,
        organisation=_publisher(by, organisations),
        send_email=send_email,
    )
    _apply_audience(
        announcement, audience=audience, organisations=organisations, themes=themes, roles=roles
    )
    announcement.save()
    announcement.organisations.set(organisations if audience != Audience.EVERYONE else [])
    announcement.themes.set(themes if audience == Audience.THEMES else [])
    audit_record(
        action="announcement.published",
        actor=by,
        target=announcement,
        organisation=announcement.organisation,
        data={"audience": audience, "email": send_email},
    )
    _email_when_due(announcement)
    return announcement


@transaction.atomic
def announcement_update(
    *,
    announcement: Announcement,
    by: Any,
    title: str,
    body: str = "",
    url: str = "",
    starts_at: datetime | None,
    ends_at: datetime | None,
    audience: str,
    organisations: list[Any] | None = None,
    themes: list[Any] | None = None,
    roles: list[str] | None = None,
    campaign: Campaign | None = None,
    send_email: bool = False,
) -> Announcement:
    organisations, themes, roles = list(organisations or []), list(themes or []), list(roles or [])
    if not rules.can_manage(by, announcement):
        refuse(_("You may not change this announcement."), status=403)
    _check(
        by=by,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        audience=audience,
        organisations=organisations,
        themes=themes,
        roles=roles,
        campaign=campaign,
    )
    announcement.title = title.strip()
    announcement.body = body or ""
    announcement.url = url or ""
    announcement.starts_at = starts_at
    announcement.ends_at = ends_at
    announcement.campaign = campaign
    announcement.send_email = send_email
    _apply_audience(
        announcement, audience=audience, organisations=organisations, themes=themes, roles=roles
    )
    announcement.save()
    announcement.organisations.set(organisations if audience != Audience.EVERYONE else [])
    announcement.themes.set(themes if audience == Audience.THEMES else [])
    audit_record(
        action="announcement.changed",
        actor=by,
        target=announcement,
        organisation=announcement.organisation,
    )
    _email_when_due(announcement)
    return announcement


@transaction.atomic
def announcement_end(*, announcement: Announcement, by: Any) -> Announcement:
    """End it now (it is kept, with its reach)."""
    if not rules.can_manage(by, announcement):
        refuse(_("You may not change this announcement."), status=403)
    now = timezone.now()
    if announcement.ends_at <= now:
        refuse(_("This announcement has already ended."), status=409)
    announcement.ends_at = max(now, announcement.starts_at + timedelta(seconds=1))
    announcement.save(update_fields=["ends_at", "updated_at"])
    audit_record(
        action="announcement.ended",
        actor=by,
        target=announcement,
        organisation=announcement.organisation,
    )
    return announcement


@transaction.atomic
def announcement_dismiss(*, announcement: Announcement, by: Any) -> Mark:
    """The person hides it: it no longer shows to them (its reach counts them)."""
    now = timezone.now()
    mark, created = Mark.objects.get_or_create(
        announcement=announcement, user=by, defaults={"seen_at": now, "dismissed_at": now}
    )
    if not created and mark.dismissed_at is None:
        mark.dismissed_at = now
        mark.save(update_fields=["dismissed_at"])
    transaction.on_commit(lambda: banner.dismissed(by, announcement.pk))
    banner.dismissed(by, announcement.pk)
    return mark


@transaction.atomic
def campaign_create(*, by: Any, title: str, description: str = "") -> Campaign:
    if not rules.can_publish(by):
        refuse(_("Only facilitators and organisation admins run campaigns."), status=403)
    if not (title or "").strip():
        refuse(_("Give the campaign a title."), field="title")
    organisation = None
    if not is_facilitator(by):
        organisation = Organisation.objects.filter(pk__in=admin_org_ids(by)).order_by("pk").first()
    campaign = Campaign.objects.create(
        title=title.strip(), description=description or "", created_by=by, organisation=organisation
    )
    audit_record(action="campaign.created", actor=by, target=campaign, organisation=organisation)
    return campaign


# The e-mail, once ---------------------------------------------------------------------


def _email_when_due(announcement: Announcement) -> None:
    if announcement.send_email and announcement.emailed_at is None and announcement.is_running():
        pk = announcement.pk
        transaction.on_commit(lambda: emails_claim(ids=[pk]))
