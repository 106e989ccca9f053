"""Changes to organisations, memberships and invitations: each one transaction, each audited."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from palabre import permissions
from palabre.audit.services import audit_record
from palabre.core.mail import email_queue
from palabre.lib.errors import ServiceError
from palabre.organisations.models import Invitation, Membership, Organisation, Role, token_digest


def _unique_slug(name: str, acronym: str = "") -> str:
    base = slugify(acronym or name)[:60] or "organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organisation_create(*, by: Any, **fields: Any) -> Organisation:
    if not fields.get("slug"):
        fields["slug"] = _unique_slug(fields["name"], fields.get("acronym", ""))
    organisation = Organisation.objects.create(**fields)
    audit_record(
        action="organisation.created", actor=by, target=organisation, organisation=organisation
    )
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, by: Any, changed: list[str]) -> None:
    organisation.save()
    audit_record(
        action="organisation.updated",
        actor=by,
        target=organisation,
        organisation=organisation,
        data={"fields": changed},
    )


def _admins_left_after(membership: Membership) -> int:
    return (
        Membership.objects.filter(organisation=membership.organisation, role=Role.ORG_ADMIN)
        .exclude(pk=membership.pk)
        .count()
    )


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, by: Any) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if role not in Role.values:
        raise ServiceError(_("Unknown role."), field="role")
    if membership.role == role:
        return membership
    if membership.role == Role.ORG_ADMIN and _admins_left_after(membership) == 0:
        raise ServiceError(
            _("An organisation needs at least one administrator: name another one first."),
            status=409,
        )
    previous = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    audit_record(
        action="membership.role_changed",
        actor=by,
        target=membership,
        organisation=membership.organisation,
        data={"user": membership.user.email, "from": previous, "to": role},
    )
    permissions.forget(membership.user)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by: Any) -> None:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == Role.ORG_ADMIN and _admins_left_after(membership) == 0:
        raise ServiceError(
            _("An organisation needs at least one administrator: name another one first."),
            status=409,
        )
    audit_record(
        action="membership.removed",
        actor=by,
        target=membership,
        organisation=membership.organisation,
        data={"user": membership.user.email, "role": membership.role},
    )
    membership.delete()
    permissions.forget(membership.user)


def invitation_link(token: str) -> str:
    return settings.SITE_URL + reverse("organisations:invitation", args=[token])


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    by: Any,
    language: str,
    message: str = "",
) -> tuple[Invitation, str]:
    """Invite ``email`` into ``organisation``. Returns the invitation and its secret token."""
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ServiceError(
            _("%(email)s is already a member of %(organisation)s.")
            % {"email": email, "organisation": organisation},
            status=409,
            field="email",
        )
    if Invitation.objects.pending().filter(organisation=organisation, email__iexact=email).exists():
        raise ServiceError(
            _("%(email)s has already been invited and has not answered yet.") % {"email": email},
            status=409,
            field="email",
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        organisation=organisation,
        role=role,
        message=message,
        token_hash=token_digest(token),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    audit_record(
        action="invitation.sent",
        actor=by,
        target=invitation,
        organisation=organisation,
        data={"email": email, "role": role},
    )
    email_queue(
        to=email,
        template="organisations/email/invitation",
        context={
            "invitation": invitation,
            "organisation": organisation,
            "inviter": by,
            "link": invitation_link(token),
            "role": invitation.get_role_display,
            "valid_days": settings.INVITATION_VALID_DAYS,
        },
        language=language,
        kind="invitation",
        sensitive=True,
    )
    return invitation, token


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, by: Any) -> None:
    if not invitation.is_pending:
        raise ServiceError(_("This invitation is no longer pending."), status=409)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_record(
        action="invitation.revoked",
        actor=by,
        target=invitation,
        organisation=invitation.organisation,
        data={"email": invitation.email},
    )


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=token_digest(token))
        .first()
    )


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    user: Any = None,
    display_name: str = "",
    language: str = "",
    password: str = "",
) -> Any:
    """Accept an invitation, creating the account when there is none. Returns the person.

    The invitation row is locked so that a link clicked twice at once works only once.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ServiceError(_("This invitation has already been used."), status=410)
    if invitation.revoked_at:
        raise ServiceError(_("This invitation has been withdrawn."), status=410)
    if invitation.is_expired:
        raise ServiceError(_("This invitation has expired."), status=410)
    User = get_user_model()
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ServiceError(
                _("An account already exists for this address: log in to accept."), status=409
            )
        user = User.objects.create_user(
            invitation.email,
            password,
            display_name=display_name,
            language=language or settings.LANGUAGE_CODE,
        )
    elif user.email.lower() != invitation.email.lower():
        raise ServiceError(_("This invitation was sent to another e-mail address."), status=403)
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(
        action="invitation.accepted",
        actor=user,
        target=invitation,
        organisation=invitation.organisation,
        data={"email": invitation.email, "role": membership.role, "new_membership": created},
    )
    permissions.forget(user)
    return user
