"""The agenda: page, printable sheet, PDF, iCalendar files, sessions and the split into groups."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from palabre.lib.views import submit
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as rules
from palabre.workshops import ics, selectors, services
from palabre.workshops.forms import SessionForm, groups_form
from palabre.workshops.models import Registration, Session


def _decorate(request, workshop, sessions) -> list[Session]:
    """What each session shows to this person: linkable practices, overlaps, is it theirs."""
    sessions = list(sessions)
    user = request.user
    practice_ids = {s.presented_practice_id for s in sessions if s.presented_practice_id}
    openable = set(
        practice_rules.practices_openable_by(user)
        .filter(pk__in=practice_ids)
        .values_list("pk", flat=True)
    )
    conflicts = selectors.session_conflicts(sessions) if rules.can_run(user, workshop) else {}
    for session in sessions:
        session.practice_is_visible = session.presented_practice_id in openable
        session.conflicts = conflicts.get(session.pk, [])
        session.is_mine = user.is_authenticated and selectors.concerns(session, user)
    return sessions


def _agenda_context(request, workshop, *, mine: bool = False) -> dict:
    sessions = _decorate(request, workshop, selectors.agenda_sessions(workshop))
    if mine:
        sessions = [s for s in sessions if s.is_mine]
    return {
        "workshop": workshop,
        "days": selectors.by_day(workshop, sessions),
        "mine": mine,
        "can_run": rules.can_run(request.user, workshop),
        "can_see_participants": rules.can_see_participants(request.user, workshop),
        "conflict_count": sum(1 for s in sessions if s.conflicts),
        "is_registered": rules.is_confirmed_participant(request.user, workshop),
        "organisers": workshop.organisers.all(),
    }


def agenda(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    mine = request.GET.get("mine") == "1" and request.user.is_authenticated
    return render(request, "workshops/agenda.html", _agenda_context(request, workshop, mine=mine))


def agenda_print(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    return render(request, "workshops/agenda_print.html", _agenda_context(request, workshop))


def agenda_pdf(request, pk: int):
    # lazy: WeasyPrint is slow to import and only the PDF pages need it
    from palabre.workshops.pdf import render_pdf

    workshop = rules.workshop_for(request.user, pk)
    content = render_pdf("workshops/agenda_pdf.html", _agenda_context(request, workshop), request)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{workshop.pk}.pdf"'
    return response


def agenda_ics(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    sessions = workshop.sessions.select_related(
        "workshop", "theme", "facilitator", "presenter", "tool"
    )
    return ics.ics_response(ics.calendar(sessions, name=workshop.title), f"atelier-{workshop.pk}")


@login_required
def my_agenda_ics(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    sessions = selectors.person_sessions(workshop, request.user)
    for session in sessions:
        session.workshop = workshop
    name = _("%(workshop)s — my agenda") % {"workshop": workshop.title}
    return ics.ics_response(ics.calendar(sessions, name=name), f"atelier-{workshop.pk}-moi")


@login_required
def all_my_sessions_ics(request):
    """Every session of every workshop this person is registered for, in one file."""
    sessions = []
    for registration in selectors.my_registrations(user=request.user).filter(
        status=Registration.Status.CONFIRMED
    ):
        workshop = registration.workshop
        for session in selectors.person_sessions(workshop, request.user):
            session.workshop = workshop
            sessions.append(session)
    return ics.ics_response(ics.calendar(sessions, name=_("My workshops")), "mes-ateliers")


# Sessions -----------------------------------------------------------------------------


def _agenda_editable(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_run(request.user, workshop):
        raise Http404
    return workshop


def _warn_conflicts(request, session: Session) -> None:
    sessions = list(selectors.agenda_sessions(session.workshop))
    for message in selectors.session_conflicts(sessions).get(session.pk, []):
        messages.warning(request, message)


def _session_create(request, workshop, form) -> Session:
    fields, members = form.values()
    return services.session_create(workshop=workshop, by=request.user, members=members, **fields)


@login_required
def session_new(request, pk: int):
    workshop = _agenda_editable(request, pk)
    initial = {"day": workshop.start_date, "kind": request.GET.get("kind") or "plenary"}
    if request.GET.get("day"):
        initial["day"] = request.GET["day"]
    form = SessionForm(request.POST or None, workshop=workshop, by=request.user, initial=initial)
    status = 200
    if request.method == "POST":
        done = submit(form, lambda: _session_create(request, workshop, form))
        if done.ok:
            session = done.value
            messages.success(request, _("Session added to the agenda."))
            _warn_conflicts(request, session)
            if "another" in request.POST:
                return redirect(
                    f"{workshop.get_absolute_url()}sessions/new/?day={session.starts_at.astimezone(workshop.tz).date().isoformat()}"
                )
            return redirect("workshops:agenda", pk=workshop.pk)
        status = done.status
    return render(
        request, "workshops/session_form.html", {"workshop": workshop, "form": form}, status=status
    )


def _session_update(request, session, form) -> Session:
    fields, members = form.values()
    return services.session_update(session=session, by=request.user, fields=fields, members=members)


@login_required
def session_edit(request, pk: int, session_pk: int):
    session = rules.session_for(request.user, rules.workshop_for(request.user, pk), session_pk)
    workshop = session.workshop
    if not rules.can_run(request.user, workshop):
        raise Http404
    form = SessionForm(request.POST or None, workshop=workshop, by=request.user, session=session)
    status = 200
    if request.method == "POST":
        done = submit(form, lambda: _session_update(request, session, form))
        if done.ok:
            messages.success(request, _("Saved."))
            _warn_conflicts(request, session)
            return redirect(session)
        status = done.status
    return render(
        request,
        "workshops/session_form.html",
        {"workshop": workshop, "form": form, "session": session},
        status=status,
    )


@require_POST
@login_required
def session_delete(request, pk: int, session_pk: int):
    session = rules.session_for(request.user, rules.workshop_for(request.user, pk), session_pk)
    services.session_delete(session=session, by=request.user)
    messages.success(request, _("Session removed from the agenda."))
    return redirect("workshops:agenda", pk=pk)


# Groups -------------------------------------------------------------------------------


@login_required
def groups(request, pk: int):
    workshop = _agenda_editable(request, pk)
    sessions = list(selectors.agenda_sessions(workshop))
    return render(
        request,
        "workshops/groups.html",
        {"workshop": workshop, "slots": selectors.group_slots(sessions)},
    )


def _summary(sessions, registrations, assignment: dict[int, int | None]):
    """Per group: people, organisations, and how many got their first choice."""
    by_person = {r.person_id: r for r in registrations}
    rows = []
    for session in sessions:
        people = [by_person[p] for p, s in assignment.items() if s == session.pk and p in by_person]
        rows.append(
            {
                "session": session,
                "count": len(people),
                "organisations": len({r.organisation_id for r in people if r.organisation_id}),
                "first_choice": sum(
                    1 for r in people if session.theme_id and r.first_choice_id == session.theme_id
                ),
            }
        )
    return rows


@login_required
def group_slot(request, pk: int, session_pk: int):
    """Split everyone into the groups that run at the same time as this one."""
    workshop = _agenda_editable(request, pk)
    anchor = rules.session_for(request.user, workshop, session_pk)
    if anchor.kind != Session.Kind.GROUP_WORK:
        raise Http404
    sessions = list(
        workshop.sessions.filter(kind=Session.Kind.GROUP_WORK, starts_at=anchor.starts_at)
        .select_related("theme", "rapporteur")
        .prefetch_related("members")
        .order_by("title", "pk")
    )
    registrations = selectors.split_participants(workshop)
    current = {p.pk: s.pk for s in sessions for p in s.members.all()}
    proposed = request.method == "GET" and request.GET.get("propose") == "1"
    if proposed:
        assignment = selectors.group_split_proposal(registrations=registrations, sessions=sessions)
    else:
        assignment = current
    initial = {f"person_{p}": str(s) for p, s in assignment.items()}
    form = groups_form(
        registrations=registrations,
        sessions=sessions,
        data=request.POST if request.method == "POST" else None,
        initial=initial,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            chosen = {
                r.person_id: int(form.cleaned_data[f"person_{r.person_id}"])
                if form.cleaned_data.get(f"person_{r.person_id}")
                else None
                for r in registrations
            }
            services.groups_assign(
                workshop=workshop, by=request.user, sessions=sessions, assignment=chosen
            )
            messages.success(request, _("Groups saved."))
            return redirect("workshops:group_slot", pk=workshop.pk, session_pk=anchor.pk)
        status = 400
    return render(
        request,
        "workshops/group_slot.html",
        {
            "workshop": workshop,
            "sessions": sessions,
            "anchor": anchor,
            "form": form,
            "proposed": proposed,
            "summary": _summary(sessions, registrations, assignment),
            "unassigned": sum(1 for r in registrations if r.person_id not in assignment),
            "total": len(registrations),
            "first_choices": sum(
                1
                for r in registrations
                if r.first_choice_id
                and any(
                    s.pk == assignment.get(r.person_id) and s.theme_id == r.first_choice_id
                    for s in sessions
                )
            ),
            "with_choice": sum(
                1
                for r in registrations
                if r.first_choice_id in {s.theme_id for s in sessions if s.theme_id}
            ),
        },
        status=status,
    )
