"""Writes of exchange meetings: setting one up, planning its dates, proposals and
invitations to present, the agenda, the minutes and what they become.

Each date is a workshop of the kind "exchange meeting", made here from the workshops'
own pieces (the same validation, the same audit events), published at once so that
members can say "I'll come"; one agenda item carries the attendance, and the person who
set the meeting up is registered as its facilitator, so that they run it through the
workshops' pages (registrations, attendance). Each service is one transaction, checks
the rule again (``palabre.permissions.meetings``) and refuses with a message the person
can act on.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.audit.services import audit_record
from palabre.discussions import services as discussion_services
from palabre.discussions.models import Thread
from palabre.lib.dates import day
from palabre.lib.errors import ServiceError, refuse
from palabre.lib.visibility import Visibility
from palabre.meetings import kinds
from palabre.meetings.models import DEFAULT_TIME_ZONE, Meeting, Occurrence, Proposal
from palabre.notifications.services import notify
from palabre.permissions import meetings as rules
from palabre.permissions import practices as practice_rules
from palabre.practices.services import practice_create
from palabre.workshops.models import Registration, Session, Workshop
from palabre.workshops.services.workshops import _check_workshop

MIN_MINUTES = 15
MAX_MINUTES = 8 * 60
SUMMARY_MAX = 1000
MINUTES_MAX = 20000


def _not_found() -> ServiceError:
    return ServiceError(_("This does not exist, or you may not see it."), status=404)


# Setting a meeting up -------------------------------------------------------------


def _duration(starts_at: time, ends_at: time) -> int:
    if ends_at <= starts_at:
        raise ServiceError(
            _("The meeting ends before it starts: check the times."), field="ends_at"
        )
    start = datetime.combine(date(2000, 1, 1), starts_at)
    minutes = int((datetime.combine(date(2000, 1, 1), ends_at) - start).total_seconds() // 60)
    if minutes < MIN_MINUTES:
        raise ServiceError(
            _("A meeting lasts at least %(n)s minutes.") % {"n": MIN_MINUTES}, field="ends_at"
        )
    if minutes > MAX_MINUTES:
        raise ServiceError(
            _("A meeting lasts at most %(n)s hours.") % {"n": MAX_MINUTES // 60}, field="ends_at"
        )
    return minutes


@transaction.atomic
def meeting_create(
    *,
    by: Any,
    organisation: Any,
    title: str,
    first_date: date,
    starts_at: time,
    ends_at: time,
    recurrence: str = Meeting.Recurrence.MONTHLY_WEEKDAY,
    until: date | None = None,
    venue: str = "",
    online_url: str = "",
    description: str = "",
    visibility: str = "",
    themes: list | None = None,
    time_zone: str = "",
) -> Meeting:
    """Set up a recurring meeting and plan its first date."""
    if not rules.can_create_meeting(by):
        refuse(_("Only facilitators and organisation admins set up meetings."), status=403)
    if not rules.organisations_for_new_meeting(by).filter(pk=organisation.pk).exists():
        refuse(
            _("You can only set up meetings for an organisation you administer."),
            status=403,
        )
    allowed = rules.visibilities_for_new_meeting(by)
    visibility = visibility or (Visibility.NETWORK if Visibility.NETWORK in allowed else allowed[0])
    if visibility not in allowed:
        raise ServiceError(
            _("Organisation admins set up meetings for their organisation's members only."),
            field="visibility",
        )
    title = " ".join((title or "").split())
    if not title:
        raise ServiceError(_("Give the meeting a title."), field="title")
    if recurrence not in Meeting.Recurrence.values:
        raise ServiceError(_("Choose how often the meeting comes back."), field="recurrence")
    if first_date is None or first_date < timezone.localdate():
        raise ServiceError(_("The first date is today or later."), field="first_date")
    duration = _duration(starts_at, ends_at)
    venue, online_url = (venue or "").strip(), (online_url or "").strip()
    if not (venue or online_url):
        raise ServiceError(
            _("Say where it happens: a place, an online link, or both."), field="venue"
        )
    meeting = Meeting(
        title=title[:200],
        description=(description or "").strip(),
        organisation=organisation,
        visibility=visibility,
        recurrence=recurrence,
        first_date=first_date,
        until=until,
        starts_at=starts_at,
        duration_minutes=duration,
        time_zone=time_zone or DEFAULT_TIME_ZONE,
        venue=venue[:200],
        online_url=online_url,
        created_by=by,
    )
    if until is not None and meeting.next_date(first_date) is None:
        raise ServiceError(
            _("This recurrence gives no date: the last date comes before the first one."),
            field="until",
        )
    meeting.save()
    if themes:
        meeting.themes.set(themes)
    audit_record(
        action="meetings.created",
        actor=by,
        target=meeting,
        organisation=organisation,
        data={"recurrence": recurrence, "visibility": visibility},
    )
    _plan(meeting, on=meeting.next_date(first_date), by=by)
    return meeting


def _plan(meeting: Meeting, *, on: date | None, by: Any) -> Occurrence:
    """Make one date of the meeting: its workshop, agenda item and organiser."""
    if on is None:
        raise ServiceError(
            _("This meeting has no next date: its last date has passed."), status=409
        )
    if meeting.occurrences.filter(date=on).exists():
        raise ServiceError(_("This date is already planned."), status=409)
    begins = datetime.combine(on, meeting.starts_at, tzinfo=meeting.tz)
    ends = begins + timedelta(minutes=meeting.duration_minutes)
    workshop = Workshop(
        kind=Workshop.Kind.MEETING,
        title=meeting.title,
        objectives=meeting.description or meeting.title,
        start_date=on,
        end_date=on,
        registration_closes_on=on,
        time_zone=meeting.time_zone,
        venue=meeting.venue,
        online_url=meeting.online_url,
        visibility=meeting.visibility,
        languages=settings.LANGUAGE_CODE,
        status=Workshop.Status.PUBLISHED,
        published_at=timezone.now(),
        created_by=by,
    )
    _check_workshop(workshop, [meeting.organisation])
    workshop.save()
    workshop.organisers.set([meeting.organisation])
    for action in ("workshop.created", "workshop.published"):
        audit_record(action=action, actor=by, target=workshop, organisation=meeting.organisation)
    Session.objects.create(
        workshop=workshop,
        kind=Session.Kind.PLENARY,
        title=meeting.title[:200],
        starts_at=begins,
        ends_at=ends,
    )
    organiser = meeting.created_by
    if organiser is not None and organiser.is_active:
        Registration.objects.create(
            workshop=workshop,
            person=organiser,
            role=Registration.Role.FACILITATOR,
            status=Registration.Status.CONFIRMED,
            organisation=meeting.organisation
            if meeting.organisation_id in rules.org_ids(organiser)
            else None,
            registered_by=by,
        )
    occurrence = Occurrence.objects.create(
        meeting=meeting, workshop=workshop, date=on, starts_at=begins, ends_at=ends
    )
    audit_record(
        action="meetings.date_planned",
        actor=by,
        target=occurrence,
        organisation=meeting.organisation,
        data={"date": on.isoformat(), "workshop": workshop.pk},
    )
    return occurrence


def _next_free_date(meeting: Meeting, today: date) -> date | None:
    last = meeting.occurrences.aggregate(last=Max("date"))["last"]
    after = max(today, last + timedelta(days=1)) if last else max(today, meeting.first_date)
    return meeting.next_date(after)


@transaction.atomic
def meeting_plan_next(*, meeting: Meeting, by: Any) -> Occurrence:
    """Plan the date after the last one planned (the organisers' button)."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not rules.can_view_meeting(by, current):
        raise _not_found()
    if not rules.can_organise(by, current):
        refuse(_("Only the meeting's organisers plan its dates."), status=403)
    if not current.active:
        refuse(_("This meeting is no longer held."), status=409)
    return _plan(current, on=_next_free_date(current, timezone.localdate()), by=by)


def meetings_plan_upcoming(*, today: date | None = None) -> int:
    """The daily job: each meeting still held gets its next date once the last one is past."""
    today = today or timezone.localdate()
    planned = 0
    waiting = Meeting.objects.filter(active=True).exclude(occurrences__date__gte=today)
    for meeting in waiting.select_related("organisation", "created_by"):
        on = _next_free_date(meeting, today)
        if on is None:
            continue
        try:
            with transaction.atomic():
                _plan(meeting, on=on, by=None)
        except ServiceError:
            continue
        planned += 1
    return planned


# Proposals and invitations ---------------------------------------------------------


def _locked(occurrence: Occurrence) -> Occurrence:
    return (
        Occurrence.objects.select_for_update()
        .select_related("meeting__organisation", "workshop")
        .get(pk=occurrence.pk)
    )


def _clean_proposal(title: str, summary: str) -> tuple[str, str]:
    title = " ".join((title or "").split())
    if len(title) < 3:
        raise ServiceError(_("Give your presentation a title."), field="title")
    if len(title) > 200:
        raise ServiceError(_("The title is too long (200 characters at most)."), field="title")
    summary = (summary or "").strip()
    if len(summary) > SUMMARY_MAX:
        raise ServiceError(
            _("Say it in a few lines (%(max)s characters at most).") % {"max": SUMMARY_MAX},
            field="summary",
        )
    return title, summary


def _check_practice(by: Any, practice: Any) -> None:
    if practice is not None and not practice_rules.can_view(by, practice):
        raise ServiceError(_("Choose a practice you can see."), field="practice")


def _check_to_come(occurrence: Occurrence) -> None:
    if not rules.is_to_come(occurrence):
        refuse(_("This meeting has already taken place: propose for its next date."), status=409)


def _organisers_of(meeting: Meeting) -> list[Any]:
    person = meeting.created_by
    return [person] if person is not None and person.is_active else []


@transaction.atomic
def proposal_create(
    *,
    occurrence: Occurrence,
    by: Any,
    title: str,
    summary: str = "",
    practice: Any = None,
) -> Proposal:
    """A member proposes a short experience presentation for a date to come."""
    current = _locked(occurrence)
    if not rules.can_view_occurrence(by, current):
        raise _not_found()
    if not rules.is_member(by):
        refuse(_("Log in to propose a presentation."), status=403)
    _check_to_come(current)
    title, summary = _clean_proposal(title, summary)
    _check_practice(by, practice)
    mine = Proposal.objects.filter(occurrence=current, person=by)
    if any(p.title.casefold() == title.casefold() for p in mine):
        refuse(_("You have already proposed this presentation for this date."), status=409)
    proposal = Proposal.objects.create(
        occurrence=current, person=by, title=title, summary=summary, practice=practice
    )
    meeting = current.meeting
    audit_record(
        action="meetings.proposed",
        actor=by,
        target=proposal,
        organisation=meeting.organisation,
        data={"occurrence": current.pk},
    )
    for organiser in _organisers_of(meeting):
        notify(
            recipient=organiser,
            kind=kinds.PROPOSAL_RECEIVED,
            title=gettext_lazy("A presentation is proposed for “%(meeting)s”"),
            params={"meeting": meeting.title},
            excerpt=title,
            url=reverse_agenda(current),
            actor=by,
            target=proposal,
        )
    return proposal


def reverse_agenda(occurrence: Occurrence) -> str:
    return reverse("meetings:agenda", args=[occurrence.pk])


def _register_presenter(proposal: Proposal, *, by: Any) -> None:
    """The presenter comes: registered as a presenter of the date's workshop."""
    workshop = proposal.occurrence.workshop
    registration = Registration.objects.filter(workshop=workshop, person=proposal.person).first()
    if registration is None:
        Registration.objects.create(
            workshop=workshop,
            person=proposal.person,
            role=Registration.Role.PRESENTER,
            status=Registration.Status.CONFIRMED,
            registered_by=by,
        )
    elif registration.role == Registration.Role.PARTICIPANT or not registration.is_confirmed:
        registration.role = Registration.Role.PRESENTER
        registration.status = Registration.Status.CONFIRMED
        registration.cancelled_at = None
        registration.save(update_fields=["role", "status", "cancelled_at", "updated_at"])
    else:
        return
    audit_record(
        action="workshop.registered",
        actor=by,
        target=workshop,
        organisation=proposal.occurrence.meeting.organisation,
        data={"person": proposal.person_id, "role": Registration.Role.PRESENTER},
    )


def _last_position(occurrence: Occurrence) -> int:
    found = Proposal.objects.filter(occurrence=occurrence).accepted().aggregate(m=Max("position"))
    return (found["m"] or 0) + 1


def _locked_proposal(proposal: Proposal) -> Proposal:
    _locked(proposal.occurrence)
    return (
        Proposal.objects.select_for_update()
        .select_related("occurrence__meeting__organisation", "occurrence__workshop", "person")
        .get(pk=proposal.pk)
    )


@transaction.atomic
def proposal_decide(*, proposal: Proposal, by: Any, accept: bool) -> Proposal:
    """The organiser puts a proposal on the agenda (at its end), or does not keep it."""
    current = _locked_proposal(proposal)
    if not rules.can_view_proposal(by, current):
        raise _not_found()
    if not rules.can_decide(by, current):
        refuse(_("Only the meeting's organisers choose the agenda."), status=403)
    _check_to_come(current.occurrence)
    if current.status in (Proposal.Status.INVITED, Proposal.Status.REFUSED):
        refuse(_("The person invited answers this invitation, not the organisers."), status=409)
    wanted = Proposal.Status.ACCEPTED if accept else Proposal.Status.DECLINED
    if current.status == wanted:
        return current
    current.status = wanted
    current.position = _last_position(current.occurrence) if accept else 0
    current.decided_by, current.decided_at = by, timezone.now()
    current.save(update_fields=["status", "position", "decided_by", "decided_at"])
    if accept:
        _register_presenter(current, by=by)
    meeting = current.occurrence.meeting
    audit_record(
        action="meetings.proposal_accepted" if accept else "meetings.proposal_declined",
        actor=by,
        target=current,
        organisation=meeting.organisation,
    )
    notify(
        recipient=current.person,
        kind=kinds.PROPOSAL_DECIDED,
        title=gettext_lazy("Your presentation is on the agenda of “%(meeting)s”")
        if accept
        else gettext_lazy("Your presentation is not kept for “%(meeting)s” this time"),
        params={"meeting": meeting.title},
        excerpt=current.title,
        url=current.occurrence.get_absolute_url(),
        actor=by,
        target=current.occurrence,
    )
    return current


@transaction.atomic
def proposal_move(*, proposal: Proposal, by: Any, direction: str) -> Proposal:
    """Move an accepted presentation up or down the agenda."""
    current = _locked_proposal(proposal)
    if not rules.can_view_proposal(by, current):
        raise _not_found()
    if not rules.can_decide(by, current):
        refuse(_("Only the meeting's organisers choose the agenda."), status=403)
    if direction not in ("up", "down"):
        raise ServiceError(_("Move it up or down."), field="direction")
    if current.status != Proposal.Status.ACCEPTED:
        refuse(_("Only presentations on the agenda have a place in it."), status=409)
    agenda = list(Proposal.objects.filter(occurrence=current.occurrence).accepted())
    index = next(i for i, p in enumerate(agenda) if p.pk == current.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(agenda):
        agenda[index], agenda[other] = agenda[other], agenda[index]
    for position, item in enumerate(agenda, start=1):
        if item.position != position:
            Proposal.objects.filter(pk=item.pk).update(position=position)
    current.refresh_from_db()
    return current


@transaction.atomic
def invitation_create(
    *, occurrence: Occurrence, by: Any, person: Any, reason: str = ""
) -> Proposal:
    """The organiser invites someone to present at a date to come."""
    current = _locked(occurrence)
    if not rules.can_view_occurrence(by, current):
        raise _not_found()
    if not rules.can_organise(by, current.meeting):
        refuse(_("Only the meeting's organisers invite presenters."), status=403)
    _check_to_come(current)
    if person is None or not person.is_active or not rules.can_view_occurrence(person, current):
        raise ServiceError(_("This person cannot see this meeting: invite someone else."))
    if Proposal.objects.filter(occurrence=current, person=person).open().exists():
        refuse(
            _("%(person)s already presents or is already invited for this date.")
            % {"person": person},
            status=409,
        )
    proposal = Proposal.objects.create(
        occurrence=current,
        person=person,
        status=Proposal.Status.INVITED,
        invited_by=by,
        reason=(reason or "").strip()[:2000],
    )
    meeting = current.meeting
    audit_record(
        action="meetings.invited",
        actor=by,
        target=proposal,
        organisation=meeting.organisation,
        data={"person": person.pk},
    )
    notify(
        recipient=person,
        kind=kinds.INVITED,
        title=gettext_lazy("You are invited to present at “%(meeting)s”"),
        body=gettext_lazy("Accept or decline on the invitation's page."),
        params={"meeting": meeting.title},
        url=proposal_url(proposal),
        actor=by,
        target=proposal,
    )
    return proposal


def proposal_url(proposal: Proposal) -> str:
    return reverse("meetings:invitation", args=[proposal.pk])


@transaction.atomic
def invitation_answer(
    *, proposal: Proposal, by: Any, accept: bool, title: str = "", summary: str = ""
) -> Proposal:
    """The person invited accepts (giving their presentation's title) or declines."""
    current = _locked_proposal(proposal)
    if not rules.can_view_proposal(by, current):
        raise _not_found()
    if current.person_id != by.pk:
        raise _not_found()
    if current.status != Proposal.Status.INVITED:
        refuse(_("You have already answered this invitation."), status=409)
    _check_to_come(current.occurrence)
    if accept:
        title, summary = _clean_proposal(title, summary)
        clash = Proposal.objects.filter(occurrence=current.occurrence, person=by).exclude(
            pk=current.pk
        )
        if any(p.title.casefold() == title.casefold() for p in clash):
            refuse(_("You have already proposed this presentation for this date."), status=409)
        current.title, current.summary = title, summary
        current.status = Proposal.Status.ACCEPTED
        current.position = _last_position(current.occurrence)
    else:
        current.status = Proposal.Status.REFUSED
    current.decided_by, current.decided_at = by, timezone.now()
    current.save()
    if accept:
        _register_presenter(current, by=by)
    meeting = current.occurrence.meeting
    audit_record(
        action="meetings.invitation_accepted" if accept else "meetings.invitation_declined",
        actor=by,
        target=current,
        organisation=meeting.organisation,
    )
    if current.invited_by is not None:
        notify(
            recipient=current.invited_by,
            kind=kinds.INVITATION_ANSWERED,
            title=gettext_lazy("%(person)s will present at “%(meeting)s”")
            if accept
            else gettext_lazy("%(person)s will not present at “%(meeting)s”"),
            params={"person": str(by), "meeting": meeting.title},
            excerpt=current.title,
            url=reverse_agenda(current.occurrence),
            actor=by,
            target=current.occurrence,
        )
    return current


# Minutes -----------------------------------------------------------------------------


@transaction.atomic
def minutes_save(*, occurrence: Occurrence, by: Any, minutes: str) -> Occurrence:
    current = _locked(occurrence)
    if not rules.can_view_occurrence(by, current):
        raise _not_found()
    if not rules.can_write_minutes(by, current):
        refuse(_("Only the meeting's organisers write its minutes."), status=403)
    if not current.workshop.has_started:
        refuse(_("The minutes are written once the meeting has taken place."), status=409)
    minutes = (minutes or "").strip()
    if len(minutes) > MINUTES_MAX:
        raise ServiceError(
            _("The minutes are too long (%(max)s characters at most).") % {"max": MINUTES_MAX},
            field="minutes",
        )
    current.minutes = minutes
    current.minutes_by, current.minutes_at = by, timezone.now()
    current.save(update_fields=["minutes", "minutes_by", "minutes_at"])
    audit_record(
        action="meetings.minutes_written",
        actor=by,
        target=current,
        organisation=current.meeting.organisation,
    )
    return current


def _check_convertible(current: Occurrence, by: Any) -> None:
    if not rules.can_view_occurrence(by, current):
        raise _not_found()
    if not rules.can_write_minutes(by, current):
        refuse(_("Only the meeting's organisers turn its minutes into something else."), status=403)
    if not current.minutes.strip():
        refuse(_("Write the minutes first."), status=409)


def minutes_title(occurrence: Occurrence) -> str:
    return _("Minutes: %(meeting)s, %(date)s") % {
        "meeting": occurrence.meeting.title,
        "date": day(occurrence.date),
    }


@transaction.atomic
def minutes_to_discussion(*, occurrence: Occurrence, by: Any, theme: Any = None) -> Thread:
    """Start a discussion from the minutes: in the meeting date's own space, or on one
    of the meeting's themes (not for an organisation-only meeting: a theme's space is
    read by the whole network)."""
    current = _locked(occurrence)
    _check_convertible(current, by)
    if current.discussion_id is not None:
        refuse(_("These minutes have already become a discussion."), status=409)
    if theme is not None:
        if current.meeting.visibility == Visibility.ORGANISATION:
            raise ServiceError(
                _("The minutes of an organisation-only meeting stay in its own space."),
                field="theme",
            )
        if not current.meeting.themes.filter(pk=theme.pk).exists():
            raise ServiceError(_("Choose one of the meeting's themes."), field="theme")
        space = discussion_services.space_for(theme, create=False)
    else:
        space = discussion_services.space_for(current.workshop, create=False)
    thread = discussion_services.thread_create(
        space=space,
        by=by,
        title=minutes_title(current)[:200],
        body=current.minutes,
        kind=Thread.Kind.DISCUSSION,
        submission_key=f"meeting-minutes-{current.pk}",
    )
    current.discussion = thread
    current.save(update_fields=["discussion"])
    audit_record(
        action="meetings.minutes_discussed",
        actor=by,
        target=current,
        organisation=current.meeting.organisation,
        data={"thread": thread.pk},
    )
    return thread


@transaction.atomic
def minutes_to_practice(*, occurrence: Occurrence, by: Any) -> Any:
    """A practice draft with the minutes as its first text, written by whoever converts."""
    current = _locked(occurrence)
    _check_convertible(current, by)
    if current.practice_id is not None:
        refuse(_("These minutes have already become a practice draft."), status=409)
    meeting = current.meeting
    choices = practice_rules.lead_organisation_choices(by)
    lead = choices.filter(pk=meeting.organisation_id).first() or choices.order_by("name").first()
    if lead is None:
        refuse(_("You write practices for your own organisations only."), status=403)
    practice = practice_create(
        by=by,
        lead_organisation=lead,
        title=minutes_title(current)[:200],
        summary=current.minutes[:500],
        context=current.minutes,
        language=settings.LANGUAGE_CODE,
        visibility=Visibility.ORGANISATION
        if meeting.visibility == Visibility.ORGANISATION
        else Visibility.NETWORK,
        themes=list(meeting.themes.all()),
    )
    current.practice = practice
    current.save(update_fields=["practice"])
    audit_record(
        action="meetings.minutes_drafted",
        actor=by,
        target=current,
        organisation=meeting.organisation,
        data={"practice": practice.pk},
    )
    return practice
