"""Erasing an account: what goes, what stays, in one transaction.

The person becomes a *former member*: what they wrote for the network stays (published
practices, messages in discussions, restitutions, feedback reports, presentations…) and is
shown as written by "Former member" ("Ancien membre"), in the reader's language
(``User.__str__``: an erased account is recognised by its address at ``ERASED_EMAIL_DOMAIN``).

- Personal fields are cleared; the address becomes a unique one that cannot receive mail;
  the password cannot be used; the account is inactive; sessions are ended, API tokens
  revoked, memberships ended, pending invitations to the address revoked.
- Private data goes: notifications and notification choices, saved practices, follows,
  learning wishes, contributor page settings, featured periods, mentions, attestations and
  archives (with their files), login records, e-mails waiting for the address.
- Work in progress goes: a practice never published that they wrote alone is deleted with
  its attachments; one written with others stays with the others.
- Records the network counts stay, tied to the anonymous account: attendance, quiz results,
  follow-ups, useful marks; evaluations of workshops lose their author entirely.
- Where the old name or address was copied into text — audit events, other people's
  notifications about what the person did — it is replaced.

Every step runs inside the caller's transaction: an error anywhere leaves everything as it
was, and files are deleted only once the transaction has committed.
"""

from __future__ import annotations

import secrets
from collections import Counter
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Replace
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from palabre import permissions
from palabre.accounts.models import ERASED_EMAIL_DOMAIN, ApiToken, UserSession
from palabre.adoptions.models import Adoption
from palabre.audit.models import AuditEvent
from palabre.core.models import OutgoingEmail
from palabre.discussions.models import Mention, Subscription
from palabre.learning.models import LearningWish
from palabre.lib.errors import ServiceError
from palabre.notifications.models import Notification, NotificationPreference
from palabre.organisations.models import Invitation, Membership
from palabre.organisations.services import membership_remove
from palabre.permissions import practices as practice_rules
from palabre.practices.models import Practice, SavedPractice
from palabre.practices.search import unindex_practice
from palabre.privacy.export import personal_data_modules
from palabre.privacy.models import DataExport
from palabre.recognition.models import Attestation, ContributorSettings, Feature
from palabre.workshops.models import Evaluation, Registration
from palabre.workshops.services.registrations import registration_cancel

CLEARED_FIELDS = (
    "display_name", "job_title", "languages_spoken", "skills_offered", "skills_wanted", "bio",
)  # fmt: skip


def erased_address(person: Any) -> str:
    return f"erased-{person.pk}-{secrets.token_hex(6)}@{ERASED_EMAIL_DOMAIN}"


@transaction.atomic
def account_erase(*, person: Any, by: Any) -> dict[str, int]:
    """Erase ``person``'s account (see the module). Returns what was removed, counted."""
    removed: Counter[str] = Counter()
    old_email, old_name = person.email, person.display_name
    _drafts(person, removed)
    _anonymise(person)
    _registrations(person, by, removed)
    _memberships(person, by, removed, old_email)
    _private_data(person, removed)
    for _app, module in personal_data_modules():
        removed.update(module.erase(person))
    _access(person, removed, old_email)
    _scrub_copies(person, old_email=old_email, old_name=old_name, removed=removed)
    permissions.forget(person)
    return dict(removed)


def _drafts(person: Any, removed: Counter[str]) -> None:
    """Practices never published: deleted when the person wrote them alone."""
    drafts = (
        Practice.objects.filter(pk__in=practice_rules.practices_authored_by(person))
        .filter(published_at__isnull=True)
        .exclude(status__in=[Practice.Status.PUBLISHED, Practice.Status.ARCHIVED])
        .prefetch_related("authors", "attachments")
    )
    for practice in drafts:
        if len(practice.authors.all()) > 1:
            practice.authors.remove(person)
            removed["drafts_left_to_co_authors"] += 1
            continue
        for attachment in practice.attachments.all():
            attachment.remove()  # its files go once the transaction commits
        unindex_practice(practice.pk)
        practice.delete()
        removed["drafts"] += 1
    # Contact person is a role they can no longer hold.
    Practice.objects.filter(contact=person).update(contact=None)
    Adoption.objects.filter(contact=person).update(contact=None)


def _anonymise(person: Any) -> None:
    for name in CLEARED_FIELDS:
        setattr(person, name, "")
    person.email = erased_address(person)
    person.set_unusable_password()
    person.is_active = False
    person.network_role = ""
    person.is_superuser = False
    person.last_login = None
    person.save()
    person.groups.clear()
    person.user_permissions.clear()


def _registrations(person: Any, by: Any, removed: Counter[str]) -> None:
    """Places in workshops still to come are given back (to the waiting list)."""
    today = timezone.localdate()
    upcoming = Registration.objects.filter(person=person, workshop__end_date__gte=today).exclude(
        status=Registration.Status.CANCELLED
    )
    for registration in upcoming.select_related("workshop"):
        try:
            registration_cancel(registration=registration, by=by)
        except ServiceError:
            continue  # already begun where it takes place: it stays in its history
        removed["upcoming_registrations"] += 1
    Registration.objects.filter(person=person).exclude(notes="").update(notes="")


def _memberships(person: Any, by: Any, removed: Counter[str], old_email: str) -> None:
    # Refused (and so is the erasure) when the person is an organisation's last
    # administrator: the organisation would be left with nobody to run it.
    for membership in Membership.objects.filter(user=person):
        membership_remove(membership=membership, by=by)
        removed["memberships"] += 1
    invitations = Invitation.objects.filter(Q(email__iexact=old_email) | Q(accepted_by=person))
    invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    removed["invitations"] += invitations.update(email=person.email)


def _delete_files_on_commit(files: list[Any]) -> None:
    def delete() -> None:
        for stored in files:
            stored.storage.delete(stored.name)

    transaction.on_commit(delete)


def _private_data(person: Any, removed: Counter[str]) -> None:
    for key, queryset in (
        ("notifications", Notification.objects.filter(recipient=person)),
        ("notification_choices", NotificationPreference.objects.filter(user=person)),
        ("saved_practices", SavedPractice.objects.filter(user=person)),
        ("follows", Subscription.objects.filter(user=person)),
        ("learning_wishes", LearningWish.objects.filter(person=person)),
        ("contributor_settings", ContributorSettings.objects.filter(person=person)),
        ("featured", Feature.objects.filter(person=person)),
        ("mentions", Mention.objects.filter(user=person)),
    ):
        count, _per_model = queryset.delete()
        removed[key] += count
    for key, model, attribute in (
        ("attestations", Attestation, "pdf"),
        ("archives", DataExport, "file"),
    ):
        rows = list(model.objects.filter(person=person))
        _delete_files_on_commit([getattr(r, attribute) for r in rows if getattr(r, attribute)])
        model.objects.filter(pk__in=[r.pk for r in rows]).delete()
        removed[key] += len(rows)
    # Their evaluations of workshops stay in the results, without anyone's name.
    removed["evaluations_made_anonymous"] += Evaluation.objects.filter(person=person).update(
        person=None
    )


def _access(person: Any, removed: Counter[str], old_email: str) -> None:
    """No way back in: sessions ended, tokens revoked, login records and mail gone."""
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        if session.get_decoded().get("_auth_user_id") == str(person.pk):
            session.delete()
            removed["sessions"] += 1
    for model in (UserSession, TOTPDevice, StaticDevice):
        count, _per_model = model.objects.filter(user=person).delete()
        removed["browser_sessions" if model is UserSession else "two_step_login_devices"] += count
    removed["api_tokens"] += ApiToken.objects.filter(user=person).update(
        revoked_at=timezone.now(), name=""
    )
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        count, _per_model = model.objects.filter(username__iexact=old_email).delete()
        removed["login_records"] += count
    count, _per_model = (
        OutgoingEmail.objects.filter(to__iexact=old_email)
        .exclude(status=OutgoingEmail.Status.SENDING)
        .delete()
    )
    removed["emails"] += count


def _scrub(value: Any, needles: list[str], replacement: str) -> Any:
    if isinstance(value, str):
        for needle in needles:
            value = value.replace(needle, replacement)
        return value
    if isinstance(value, list):
        return [_scrub(v, needles, replacement) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, needles, replacement) for k, v in value.items()}
    return value


# A name shorter than this is not looked for in other texts: it would match ordinary words.
MIN_NAME = 4


def _scrub_copies(person: Any, *, old_email: str, old_name: str, removed: Counter[str]) -> None:
    """The old name and address, where they were copied into texts kept after erasure."""
    name = old_name.strip() if len(old_name.strip()) >= MIN_NAME else ""
    marker = f"#{person.pk}"
    needles = [n for n in (old_email, name) if n]
    events = AuditEvent.objects.filter(
        Q(target_repr__icontains=old_email)
        | Q(data__icontains=old_email)
        | (Q(target_repr__contains=name) | Q(data__icontains=name) if name else Q(pk__in=[]))
    )
    for event in events:
        event.target_repr = _scrub(event.target_repr, needles, marker)[:255]
        event.data = _scrub(event.data, needles, marker)
        event.save(update_fields=["target_repr", "data"])
        removed["audit_texts"] += 1
    if not name:
        return
    # Other people's notifications about what the person did: the name in each reader's
    # language becomes "Former member".
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            former = gettext("Former member")
        removed["notifications_of_others"] += Notification.objects.filter(
            Q(actor=person) | Q(title__contains=name) | Q(body__contains=name),
            recipient__language=language,
        ).update(
            title=Replace(F("title"), Value(name), Value(former)),
            body=Replace(F("body"), Value(name), Value(former)),
        )
