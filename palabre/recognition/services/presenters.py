"""Invitations to present at a workshop, and the first practice drafts of a launch workshop.

- ``presenter_invite``: those who run a workshop invite someone (a suggested person, or
  anyone who may see the workshop). One invitation per workshop and person: inviting
  again someone who is waiting or accepted is refused; inviting again someone who declined
  needs ``confirm_again`` (no re-invitation by mistake). The person is told in the app and
  by e-mail (the notification kind ``recognition.invited_to_present``).
- ``presenter_answer``: the person accepts or declines (with an optional word). On accept
  they are registered as a presenter and, if the invitation is for an agenda slot, become
  its presenter; on decline (or a change of mind after accepting) the slot is freed. The
  person who invited is told either way.
- ``launch_drafts_create``: at the writing session of a launch workshop, one practice draft
  for each chosen participant, authored by them, in their organisation, reviewed as usual;
  never twice for the same person.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.audit.services import audit_record
from palabre.lib.errors import ServiceError, refuse
from palabre.notifications.services import notify
from palabre.permissions import is_member, org_ids
from palabre.permissions import recognition as rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.services import practice_create
from palabre.recognition import kinds
from palabre.recognition.models import LaunchDraft, PresenterInvitation, WorkshopLaunch
from palabre.workshops.models import Registration, Session, Workshop

Status = PresenterInvitation.Status
TEXT_MAX = 500

INVITED_TITLE = gettext_lazy("%(name)s invites you to present at “%(workshop)s”")
INVITED_BODY = gettext_lazy(
    "Why you: %(reason)s. Open the invitation to accept or decline; the organisers will be told."
)
ACCEPTED_TITLE = gettext_lazy("%(name)s accepted to present at “%(workshop)s”")
DECLINED_TITLE = gettext_lazy("%(name)s declined to present at “%(workshop)s”")


def _clean(text: Any, field: str) -> str:
    value = " ".join(str(text or "").replace("\x00", "").split())
    if len(value) > TEXT_MAX:
        refuse(
            _("This text is too long: %(most)d characters at most (it has %(length)d).")
            % {"most": TEXT_MAX, "length": len(value)},
            field=field,
        )
    return value


def _locked(workshop: Workshop) -> Workshop:
    return Workshop.objects.select_for_update().get(pk=workshop.pk)


def _check_slot(workshop: Workshop, session: Session | None, person: Any) -> None:
    if session is None:
        return
    if session.workshop_id != workshop.pk or session.kind != Session.Kind.PRESENTATION:
        refuse(_("Choose one of this workshop's presentation slots."), field="session")
    if session.presenter_id and session.presenter_id != person.pk:
        refuse(
            _("“%(slot)s” already has its presenter: %(name)s.")
            % {"slot": session.title, "name": session.presenter},
            status=409,
            field="session",
        )


def _send(invitation: PresenterInvitation, *, by: Any) -> None:
    """Tell the person (in the app, and by e-mail as they chose)."""
    notify(
        recipient=invitation.person,
        kind=kinds.INVITED_TO_PRESENT,
        title=INVITED_TITLE,
        body=INVITED_BODY if invitation.reason else "",
        params={
            "name": str(by),
            "workshop": invitation.workshop.title,
            "reason": invitation.reason,
        },
        url=invitation.get_absolute_url(),
        actor=by,
        target=invitation,
        excerpt=invitation.message,
    )


def _check_invitable(workshop: Workshop, person: Any, by: Any) -> None:
    if not rules.can_invite_presenters(by, workshop):
        refuse(_("Only those who run this workshop invite its presenters."), status=403)
    if not person.is_active or not is_member(person):
        refuse(_("%(name)s has no active account.") % {"name": person}, field="person")


@transaction.atomic
def presenter_invite(
    *,
    workshop: Workshop,
    person: Any,
    by: Any,
    reason: str = "",
    message: str = "",
    session: Session | None = None,
    confirm_again: bool = False,
    send: bool = True,
) -> PresenterInvitation:
    """Invite ``person`` to present (``send=False``: only propose it in the agenda, for the
    launch template; one click sends it later)."""
    current = _locked(workshop)
    _check_invitable(current, person, by)
    reason = _clean(reason, "reason")
    message = _clean(message, "message")
    if send and not workshop_rules.can_view_workshop(person, current):
        refuse(
            _(
                "%(name)s cannot see this workshop yet: publish it first (or open it to "
                "their organisation), then invite them."
            )
            % {"name": person},
            status=409,
        )
    _check_slot(current, session, person)
    existing = (
        PresenterInvitation.objects.select_for_update()
        .filter(workshop=current, person=person)
        .first()
    )
    now = timezone.now()
    if existing is not None:
        if existing.status in (Status.PENDING, Status.ACCEPTED):
            refuse(
                _("%(name)s is already invited to present (%(status)s): no second invitation.")
                % {"name": person, "status": existing.get_status_display()},
                status=409,
            )
        if existing.status == Status.DECLINED and not confirm_again:
            refuse(
                _(
                    "%(name)s declined on %(date)s. Invite them again only if you are sure: "
                    "tick the confirmation."
                )
                % {
                    "name": person,
                    "date": timezone.localdate(existing.answered_at or now).strftime("%d/%m/%Y"),
                },
                status=409,
                field="confirm_again",
            )
        invitation = existing
        if session is not None:
            invitation.session = session
        if reason:
            invitation.reason = reason
        if message:
            invitation.message = message
    else:
        invitation = PresenterInvitation(
            workshop=current, person=person, session=session, reason=reason, message=message
        )
    invitation.invited_by = by
    invitation.invited_at = now
    if send:
        invitation.status = Status.PENDING
        invitation.times_invited += 1
        invitation.answered_at = None
        invitation.answer_note = ""
    else:
        invitation.status = Status.PROPOSED
    invitation.save()
    audit_record(
        action="presenters.invited" if send else "presenters.proposed",
        actor=by,
        target=invitation,
        data={"workshop": current.pk, "person": person.pk, "again": bool(existing)},
    )
    if send:
        _send(invitation, by=by)
    return invitation


@transaction.atomic
def presenter_send(*, invitation: PresenterInvitation, by: Any) -> PresenterInvitation:
    """Send a proposed invitation (one click on the workshop page)."""
    _locked(invitation.workshop)  # the workshop first, as every other change here
    current = PresenterInvitation.objects.select_for_update().get(pk=invitation.pk)
    if current.status != Status.PROPOSED:
        refuse(
            _("This invitation was already sent (%(status)s).")
            % {"status": current.get_status_display()},
            status=409,
        )
    return presenter_invite(
        workshop=current.workshop,
        person=current.person,
        by=by,
        session=current.session,
        reason=current.reason,
        message=current.message,
    )


def register_presenter(workshop: Workshop, person: Any) -> None:
    registration = Registration.objects.filter(workshop=workshop, person=person).first()
    if registration is None:
        organisation = (
            person.memberships.select_related("organisation").order_by("organisation__name").first()
        )
        Registration.objects.create(
            workshop=workshop,
            person=person,
            organisation=organisation.organisation if organisation else None,
            role=Registration.Role.PRESENTER,
            status=Registration.Status.CONFIRMED,
            registered_by=person,
        )
        return
    changed = []
    if registration.status != Registration.Status.CONFIRMED:
        registration.status = Registration.Status.CONFIRMED
        registration.cancelled_at = None
        changed += ["status", "cancelled_at"]
    if registration.role == Registration.Role.PARTICIPANT:
        registration.role = Registration.Role.PRESENTER
        changed.append("role")
    if changed:
        registration.save(update_fields=[*changed, "updated_at"])


@transaction.atomic
def presenter_answer(
    *, invitation: PresenterInvitation, by: Any, accept: bool, note: str = ""
) -> PresenterInvitation:
    """The person accepts or declines; the one who invited them is told."""
    workshop = _locked(invitation.workshop)
    current = (
        PresenterInvitation.objects.select_for_update(of=("self",))
        .select_related("person", "invited_by", "session")
        .get(pk=invitation.pk)
    )
    current.workshop = workshop
    if by.pk != current.person_id:
        refuse(_("Only the person invited answers this invitation."), status=403)
    if current.status == Status.DECLINED:
        refuse(
            _("You already declined this invitation. The organisers have been told."), status=409
        )
    if accept and current.status == Status.ACCEPTED:
        return current  # accepted already: nothing changes
    if not rules.can_answer_invitation(by, current):
        refuse(
            _("This workshop is over or cancelled: the invitation can no longer be answered."),
            status=409,
        )
    note = _clean(note, "note")
    current.status = Status.ACCEPTED if accept else Status.DECLINED
    current.answer_note = note
    current.answered_at = timezone.now()
    current.save()
    session = current.session
    if session is not None:
        session = Session.objects.select_for_update().get(pk=session.pk)
    if accept:
        register_presenter(workshop, by)
        if session is not None and session.presenter_id is None:
            session.presenter = by
            session.save(update_fields=["presenter", "updated_at"])
    else:
        if session is not None and session.presenter_id == by.pk:
            session.presenter = None
            session.save(update_fields=["presenter", "updated_at"])
        Registration.objects.filter(
            workshop=workshop, person=by, role=Registration.Role.PRESENTER
        ).update(role=Registration.Role.PARTICIPANT)
    audit_record(
        action="presenters.accepted" if accept else "presenters.declined",
        actor=by,
        target=current,
        data={"workshop": workshop.pk, "note": note},
    )
    if current.invited_by is not None:
        notify(
            recipient=current.invited_by,
            kind=kinds.PRESENTER_ANSWERED,
            title=ACCEPTED_TITLE if accept else DECLINED_TITLE,
            params={"name": str(by), "workshop": workshop.title},
            url=workshop.get_absolute_url() + "#presenters",
            actor=by,
            target=current,
            excerpt=note,
        )
    return current


# First practice drafts at a launch workshop's writing session ----------------------------


def launch_draft_candidates(launch: WorkshopLaunch) -> list[Registration]:
    """The confirmed participants (with their organisation), and whether each has a draft."""
    done = set(launch.drafts.values_list("person_id", flat=True))
    registrations = list(
        launch.workshop.registrations.confirmed()
        .select_related("person", "organisation")
        .order_by("person__display_name", "pk")
    )
    for registration in registrations:
        registration.has_draft = registration.person_id in done  # type: ignore[attr-defined]
    return registrations


@transaction.atomic
def launch_drafts_create(
    *, launch: WorkshopLaunch, by: Any, person_ids: list[int]
) -> list[LaunchDraft]:
    """One practice draft for each chosen participant who has none yet (never twice)."""
    workshop = _locked(launch.workshop)
    launch = WorkshopLaunch.objects.select_for_update().get(pk=launch.pk)
    launch.workshop = workshop
    if not rules.can_create_launch_drafts(by, launch):
        refuse(_("Only those who run this workshop create its participants' drafts."), status=403)
    if not person_ids:
        refuse(_("Tick at least one participant."), field="people")
    registrations = {
        r.person_id: r
        for r in workshop.registrations.confirmed()
        .filter(person_id__in=person_ids)
        .select_related("person", "organisation")
    }
    strangers = set(person_ids) - set(registrations)
    if strangers:
        raise ServiceError(_("Only registered participants get a draft."), field="people")
    done = set(launch.drafts.values_list("person_id", flat=True))
    language = (workshop.language_list or ["fr"])[0]
    themes = list(launch.themes.all())
    created = []
    for person_id in sorted(set(person_ids) - done):
        registration = registrations[person_id]
        person = registration.person
        organisation = registration.organisation
        if organisation is None or organisation.pk not in org_ids(person):
            membership = (
                person.memberships.select_related("organisation")
                .order_by("organisation__name")
                .first()
            )
            organisation = membership.organisation if membership else None
        if organisation is None:
            refuse(
                _("%(name)s belongs to no organisation: a practice needs one.") % {"name": person},
                field="people",
            )
        practice = practice_create(
            by=by,
            lead_organisation=organisation,
            title=_("First practice of %(name)s (draft)") % {"name": person.display_name},
            authors=[person],
            contact=person,
            themes=themes,
            language=language,
            visibility="organisation",
            summary=_("Drafted at the workshop “%(workshop)s”.") % {"workshop": workshop.title},
        )
        created.append(LaunchDraft.objects.create(launch=launch, person=person, practice=practice))
        notify(
            recipient=person,
            kind=kinds.LAUNCH_DRAFT,
            title=gettext_lazy("A practice draft was started for you at “%(workshop)s”"),
            params={"workshop": workshop.title},
            url=practice.get_absolute_url(),
            actor=by,
            target=practice,
        )
    audit_record(
        action="presenters.launch_drafts",
        actor=by,
        target=workshop,
        data={"people": [d.person_id for d in created]},
    )
    return created
