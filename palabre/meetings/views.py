"""Pages of exchange meetings: the next dates, a meeting, one date (agenda, minutes),
setting a meeting up, proposing a presentation, the organiser's agenda, invitations.

Every object is fetched through ``palabre.permissions.meetings``; every change goes
through one service (``palabre.meetings.services``), whose refusal shows on the form or,
for the one-button forms, on the error page with its status. "I'll come" and attendance
are the workshops' own (each date is a workshop of the kind "exchange meeting").
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palabre.accounts.models import User
from palabre.lib.errors import ServiceError
from palabre.lib.views import submit
from palabre.meetings import selectors, services
from palabre.meetings.forms import InvitationAnswerForm, MeetingForm, MinutesForm, ProposalForm
from palabre.permissions import meetings as rules
from palabre.permissions import workshops as workshop_rules
from palabre.themes.models import Theme
from palabre.workshops.models import Registration
from palabre.workshops.services import registrations as registration_services

# Lists and pages -----------------------------------------------------------------------


def index(request):
    """The next dates of the meetings this person may see, and the meetings themselves."""
    upcoming = list(selectors.upcoming_occurrences(user=request.user)[:30])
    shown = {o.meeting_id for o in upcoming}
    others = [m for m in selectors.meetings_for_list(user=request.user) if m.pk not in shown]
    return render(
        request,
        "meetings/index.html",
        {
            "upcoming": upcoming,
            "others": others,
            "can_create": rules.can_create_meeting(request.user),
        },
    )


def detail(request, pk: int):
    meeting = rules.meeting_for(request.user, pk)
    page = selectors.meeting_page(meeting, request.user)
    return render(
        request,
        "meetings/detail.html",
        {"meeting": meeting, "page": page, "themes": list(meeting.themes.all())},
    )


def occurrence(request, pk: int):
    occurrence = rules.occurrence_for(request.user, pk)
    meeting = occurrence.meeting
    organiser = rules.can_organise(request.user, meeting)
    context = {
        "occurrence": occurrence,
        "meeting": meeting,
        "workshop": occurrence.workshop,
        "agenda": selectors.agenda_of(occurrence, request.user),
        "mine": selectors.own_proposals(occurrence, request.user),
        "can_organise": organiser,
        "can_propose": rules.can_propose(request.user, occurrence),
        "registration": workshop_rules.registration_of(request.user, occurrence.workshop),
        "can_see_online_link": workshop_rules.can_see_online_link(
            request.user, occurrence.workshop
        ),
        "can_run": workshop_rules.can_run(request.user, occurrence.workshop),
        "present": selectors.attendance_count(occurrence)
        if workshop_rules.can_see_participants(request.user, occurrence.workshop)
        else None,
        "themes": list(meeting.themes.all()) if organiser else [],
        "to_come": rules.is_to_come(occurrence),
        "attendance_session": occurrence.workshop.sessions.order_by("pk").first()
        if workshop_rules.can_run(request.user, occurrence.workshop)
        else None,
        **selectors.conversions(occurrence, request.user),
    }
    return render(request, "meetings/occurrence.html", context)


# Setting up ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    if not rules.can_create_meeting(request.user):
        raise Http404
    form = MeetingForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        done = submit(form, lambda: services.meeting_create(by=request.user, **form.values()))
        if done.ok:
            messages.success(
                request,
                _(
                    "The meeting is set up and its first date is open: members can say they come and propose a presentation."
                ),
            )
            return redirect(done.value)
        status = done.status
    return render(request, "meetings/form.html", {"form": form}, status=status)


@require_POST
@login_required
def plan_next(request, pk: int):
    meeting = rules.meeting_for(request.user, pk)
    occurrence = services.meeting_plan_next(meeting=meeting, by=request.user)
    messages.success(request, _("The next date is planned."))
    return redirect(occurrence)


@require_POST
@login_required
def come(request, pk: int):
    """ "I'll come": a registration to the date's workshop, by the workshops' service."""
    occurrence = rules.occurrence_for(request.user, pk)
    registration_services.registration_create(
        workshop=occurrence.workshop,
        person=request.user,
        by=request.user,
        role=Registration.Role.PARTICIPANT,
    )
    messages.success(request, _("Noted: you come. See you there!"))
    return redirect(occurrence)


# Proposals -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def propose(request, pk: int):
    occurrence = rules.occurrence_for(request.user, pk)
    form = ProposalForm(
        request.POST or None, practices=selectors.practices_to_present(request.user)
    )
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.proposal_create(
                occurrence=occurrence, by=request.user, **form.cleaned_data
            ),
        )
        if done.ok:
            messages.success(
                request, _("Thank you: the organisers will tell you if it is on the agenda.")
            )
            return redirect(occurrence)
        status = done.status
    closed = not rules.can_propose(request.user, occurrence)
    if closed and request.method == "GET":
        status = 409
    return render(
        request,
        "meetings/propose.html",
        {
            "form": form,
            "occurrence": occurrence,
            "meeting": occurrence.meeting,
            "closed": closed and request.method == "GET",
        },
        status=status,
    )


@login_required
def agenda(request, pk: int):
    """The organiser's page: proposals to accept or decline, the order, people to invite."""
    occurrence = rules.occurrence_organised_by(request.user, pk)
    page = selectors.agenda_page(occurrence, request.user)
    return render(
        request,
        "meetings/agenda.html",
        {"page": page, "occurrence": occurrence, "meeting": occurrence.meeting},
    )


@require_POST
@login_required
def decide(request, pk: int):
    proposal = rules.proposal_for(request.user, pk)
    accept = request.POST.get("decision") == "accept"
    services.proposal_decide(proposal=proposal, by=request.user, accept=accept)
    if accept:
        messages.success(request, _("On the agenda: the presenter is told."))
    else:
        messages.success(request, _("Not kept: the person is told."))
    return redirect("meetings:agenda", pk=proposal.occurrence_id)


@require_POST
@login_required
def move(request, pk: int):
    proposal = rules.proposal_for(request.user, pk)
    services.proposal_move(
        proposal=proposal, by=request.user, direction=request.POST.get("direction", "")
    )
    return redirect("meetings:agenda", pk=proposal.occurrence_id)


@require_POST
@login_required
def invite(request, pk: int):
    occurrence = rules.occurrence_for(request.user, pk)
    if not rules.can_organise(request.user, occurrence.meeting):
        raise ServiceError(_("Only the meeting's organisers invite presenters."), status=403)
    try:
        person = User.objects.get(pk=int(request.POST.get("person", "")), is_active=True)
    except (ValueError, OverflowError, User.DoesNotExist):
        raise ServiceError(_("Choose the person to invite.")) from None
    services.invitation_create(
        occurrence=occurrence,
        by=request.user,
        person=person,
        reason=request.POST.get("reason", ""),
    )
    messages.success(
        request, _("%(person)s is invited: they accept or decline.") % {"person": person}
    )
    return redirect("meetings:agenda", pk=occurrence.pk)


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, pk: int):
    """The person invited accepts (with their presentation's title) or declines."""
    proposal = rules.proposal_for(request.user, pk)
    if proposal.person_id != request.user.pk:
        raise Http404
    form = InvitationAnswerForm(request.POST or None)
    status = 200
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        done = submit(
            form,
            lambda: services.invitation_answer(
                proposal=proposal, by=request.user, accept=accept, **form.cleaned_data
            ),
        )
        if done.ok:
            messages.success(
                request,
                _("Thank you: you are on the agenda.")
                if accept
                else _("Thank you for answering: the organisers are told."),
            )
            return redirect(proposal.occurrence)
        status = done.status
    return render(
        request,
        "meetings/invitation.html",
        {
            "form": form,
            "proposal": proposal,
            "occurrence": proposal.occurrence,
            "meeting": proposal.occurrence.meeting,
        },
        status=status,
    )


# Minutes -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def minutes(request, pk: int):
    occurrence = rules.occurrence_organised_by(request.user, pk)
    form = MinutesForm(request.POST or None, initial={"minutes": occurrence.minutes})
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.minutes_save(
                occurrence=occurrence, by=request.user, minutes=form.cleaned_data["minutes"]
            ),
        )
        if done.ok:
            messages.success(request, _("The minutes are saved."))
            return redirect(occurrence)
        status = done.status
    return render(
        request,
        "meetings/minutes.html",
        {"form": form, "occurrence": occurrence, "meeting": occurrence.meeting},
        status=status,
    )


@require_POST
@login_required
def convert(request, pk: int):
    """The minutes become a discussion (the date's space, or a theme's) or a practice draft."""
    occurrence = rules.occurrence_for(request.user, pk)
    target = request.POST.get("into", "")
    if target == "practice":
        practice = services.minutes_to_practice(occurrence=occurrence, by=request.user)
        messages.success(request, _("A practice draft is written from the minutes: complete it."))
        return redirect(practice)
    if target != "discussion":
        raise ServiceError(_("Choose a discussion or a practice draft."))
    theme = None
    if request.POST.get("theme"):
        try:
            theme = Theme.objects.get(pk=int(request.POST["theme"]))
        except (ValueError, OverflowError, Theme.DoesNotExist):
            raise ServiceError(_("Choose one of the meeting's themes.")) from None
    thread = services.minutes_to_discussion(occurrence=occurrence, by=request.user, theme=theme)
    messages.success(request, _("The discussion is started from the minutes."))
    return redirect(thread)
