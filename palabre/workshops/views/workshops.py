"""Before the workshop: lists, the workshop page, creating it, registering."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from palabre import permissions
from palabre.lib.errors import refuse
from palabre.lib.views import submit
from palabre.permissions import workshops as rules
from palabre.workshops import selectors, services
from palabre.workshops.forms import (
    CancelForm,
    RegistrationChangeForm,
    RegistrationForm,
    WorkshopForm,
)
from palabre.workshops.models import Registration
from palabre.workshops.services.workshops import workshop_template, workshop_templates

User = get_user_model()


@vary_on_headers("HX-Request")
def index(request):
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    workshops = selectors.workshop_list(user=request.user, when=when)
    page = Paginator(workshops, 20).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "when": when,
        "can_create": rules.can_create_workshop(request.user),
        "can_view_toolbox": rules.can_view_toolbox(request.user),
    }
    if request.htmx:
        return render(request, "workshops/index.html#results", context)
    return render(request, "workshops/index.html", context)


@login_required
def mine(request):
    return render(
        request,
        "workshops/mine.html",
        {
            "registrations": selectors.my_registrations(user=request.user),
            "actions": selectors.actions_of(user=request.user),
        },
    )


def detail(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    user = request.user
    registration = rules.registration_of(user, workshop)
    if registration is not None and registration.status == Registration.Status.CANCELLED:
        registration = None
    sessions = list(selectors.agenda_sessions(workshop))
    can_see_actions = rules.can_see_actions(user, workshop)
    actions = (
        list(workshop.actions.select_related("owner_person", "owner_organisation"))
        if (can_see_actions)
        else []
    )
    restitutions = [s for s in sessions if hasattr(s, "restitution") and s.restitution.is_final]
    evaluated = registration is not None and workshop.evaluations.filter(person=user).exists()
    waitlist_position = None
    if registration is not None and registration.status == Registration.Status.WAITLISTED:
        waitlist_position = (
            workshop.registrations.waitlisted()
            .filter(created_at__lte=registration.created_at)
            .count()
        )
    context = {
        "workshop": workshop,
        "organisers": workshop.organisers.all(),
        "registration": registration,
        "waitlist_position": waitlist_position,
        "places_left": selectors.places_left(workshop),
        "days": selectors.by_day(workshop, sessions),
        "session_count": len(sessions),
        "restitutions": restitutions,
        "actions": actions,
        "overdue": [a for a in actions if a.is_overdue],
        "can_manage": rules.can_manage(user, workshop),
        "can_run": rules.can_run(user, workshop),
        "can_register": rules.can_register_self(user, workshop)
        and registration is None
        and workshop.registration_is_open,
        "can_register_others": rules.can_register_others(user, workshop)
        and workshop.is_published
        and not workshop.is_past,
        "can_see_participants": rules.can_see_participants(user, workshop),
        "participant_count": workshop.registrations.confirmed().count(),
        "can_see_actions": can_see_actions,
        "can_see_online_link": rules.can_see_online_link(user, workshop),
        "can_evaluate": rules.can_evaluate(user, workshop)
        and workshop.evaluation_is_open
        and not evaluated,
        "evaluated": evaluated,
        "can_see_report": rules.can_see_report(user, workshop),
        "can_export": rules.can_export(user, workshop),
        "can_see_results": rules.can_see_evaluation_results(user, workshop),
        "today": workshop.today(),
        "running_today": workshop.start_date <= workshop.today() <= workshop.end_date,
    }
    return render(request, "workshops/detail.html", context)


@login_required
def create(request):
    if not rules.can_create_workshop(request.user):
        raise Http404
    # "Start from: blank / a template": the choice reloads the page with the form prefilled.
    key = (request.POST.get("template") or request.GET.get("template") or "")[:40]
    template = workshop_template(key)
    initial = template.initial() if template is not None and request.method != "POST" else {}
    form = WorkshopForm(request.POST or None, template=template, initial=initial)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.workshop_create(
                by=request.user,
                organisers=form.cleaned_data["organisers"],
                template=template.key if template is not None else "",
                template_options=form.template_options(),
                **form.values(),
            ),
        )
        if done.ok:
            messages.success(
                request, _("Workshop created as a draft. Build its agenda, then publish it.")
            )
            return redirect(done.value)
        status = done.status
    return render(
        request,
        "workshops/form.html",
        {"form": form, "templates": workshop_templates(), "template": template},
        status=status,
    )


@login_required
def edit(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_manage(request.user, workshop):
        raise Http404
    form = WorkshopForm(
        request.POST or None, instance=workshop, initial={"organisers": workshop.organisers.all()}
    )
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.workshop_update(
                workshop=workshop,
                by=request.user,
                fields=form.values(),
                organisers=form.cleaned_data["organisers"],
            ),
        )
        if done.ok:
            messages.success(request, _("Saved."))
            return redirect("workshops:detail", pk=workshop.pk)
        status = done.status
        workshop.refresh_from_db()
    return render(
        request, "workshops/form.html", {"form": form, "workshop": workshop}, status=status
    )


@require_POST
@login_required
def publish(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    services.workshop_publish(workshop=workshop, by=request.user)
    messages.success(request, _("Published: members can now register."))
    return redirect(workshop)


@login_required
def cancel(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_manage(request.user, workshop):
        raise Http404
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.workshop_cancel(
            workshop=workshop, by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The workshop is cancelled; the registered people are told."))
        return redirect(workshop)
    return render(request, "workshops/cancel.html", {"workshop": workshop, "form": form})


# Registrations ------------------------------------------------------------------------


def _registered_message(request, registration: Registration, *, self_service: bool) -> None:
    if registration.status == Registration.Status.CONFIRMED:
        text = (
            _("You are registered. See you at the workshop!")
            if self_service
            else _("%(name)s is registered.") % {"name": registration.person}
        )
    else:
        text = (
            _(
                "The workshop is full: you are on the waiting list. You will be told if a place opens."
            )
            if self_service
            else _("The workshop is full: %(name)s is on the waiting list.")
            % {"name": registration.person}
        )
    messages.success(request, text)


@login_required
def register(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_register_self(request.user, workshop):
        raise Http404
    existing = rules.registration_of(request.user, workshop)
    if existing is not None and existing.status != Registration.Status.CANCELLED:
        return redirect("workshops:registration", pk=workshop.pk, registration_pk=existing.pk)
    form = RegistrationForm(
        request.POST or None, workshop=workshop, by=request.user, person=request.user
    )
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.registration_create(
                workshop=workshop, person=request.user, by=request.user, **form.values()
            ),
        )
        if done.ok:
            _registered_message(request, done.value, self_service=True)
            return redirect(workshop)
        status = done.status
    return render(
        request,
        "workshops/register.html",
        {
            "workshop": workshop,
            "form": form,
            "places_left": selectors.places_left(workshop),
            "single_organisation": form.fields["organisation"].queryset.count() <= 1,
        },
        status=status,
    )


def _people_for(user, workshop):
    """Who this person may register: anyone for facilitators, their members for org admins."""
    people = User.objects.filter(is_active=True, memberships__isnull=False)
    if not rules.can_manage(user, workshop):
        people = people.filter(memberships__organisation__in=permissions.admin_org_ids(user))
    return people.distinct().order_by("display_name")


@login_required
def registrations(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    user = request.user
    if not (rules.can_run(user, workshop) or rules.can_register_others(user, workshop)):
        raise Http404
    roles = (
        Registration.Role.values
        if rules.can_assign_any_role(user, workshop)
        else [Registration.Role.PARTICIPANT, Registration.Role.PRESENTER]
    )
    form = None
    status = 200
    if rules.can_register_others(user, workshop) and workshop.is_published and not workshop.is_past:
        form = RegistrationForm(
            request.POST or None,
            workshop=workshop,
            by=user,
            people=_people_for(user, workshop),
            roles=roles,
            prefix="new",
        )
        if request.method == "POST":
            done = submit(
                form,
                lambda: services.registration_create(
                    workshop=workshop, person=form.cleaned_data["person"], by=user, **form.values()
                ),
            )
            if done.ok:
                _registered_message(request, done.value, self_service=False)
                return redirect("workshops:registrations", pk=workshop.pk)
            status = done.status
    elif request.method == "POST":
        refuse(_("This workshop is not open for registration."), status=409)
    visible = (
        rules.registrations_visible_to(user, workshop)
        .select_related("person", "organisation", "practice", "first_choice", "registered_by")
        .order_by("status", "created_at", "pk")
    )
    by_status = {value: [] for value in Registration.Status.values}
    for registration in visible:
        by_status[registration.status].append(registration)
    return render(
        request,
        "workshops/registrations.html",
        {
            "workshop": workshop,
            "form": form,
            "confirmed": by_status["confirmed"],
            "waitlisted": by_status["waitlisted"],
            "cancelled": by_status["cancelled"],
            "places_left": selectors.places_left(workshop),
            "can_run": rules.can_run(user, workshop),
            "can_export": rules.can_export(user, workshop),
        },
        status=status,
    )


def _registration_for(request, pk: int, registration_pk: int) -> Registration:
    workshop = rules.workshop_for(request.user, pk)
    return rules.registration_for(request.user, workshop, registration_pk)


def _registration_fields(form) -> dict:
    fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
    if form.cleaned_data.get("new_practice_title"):
        fields["new_practice_title"] = form.cleaned_data["new_practice_title"]
        fields.pop("practice", None)
    return fields


@login_required
def registration(request, pk: int, registration_pk: int):
    registration = _registration_for(request, pk, registration_pk)
    workshop = registration.workshop
    form = RegistrationChangeForm(
        request.POST or None,
        instance=registration,
        by=request.user,
        can_assign_any_role=rules.can_assign_any_role(request.user, workshop),
    )
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: services.registration_update(
                registration=registration, by=request.user, fields=_registration_fields(form)
            ),
        )
        if done.ok:
            messages.success(request, _("Saved."))
            return redirect(workshop)
        status = done.status
        registration.refresh_from_db()
    return render(
        request,
        "workshops/registration.html",
        {"workshop": workshop, "registration": registration, "form": form},
        status=status,
    )


@require_POST
@login_required
def registration_cancel(request, pk: int, registration_pk: int):
    registration = _registration_for(request, pk, registration_pk)
    services.registration_cancel(registration=registration, by=request.user)
    if registration.person_id == request.user.pk:
        messages.success(request, _("Your registration is cancelled."))
    else:
        messages.success(
            request, _("The registration of %(name)s is cancelled.") % {"name": registration.person}
        )
    return redirect(registration.workshop)


def participants(request, pk: int):
    workshop = rules.workshop_for(request.user, pk)
    if not rules.can_see_participants(request.user, workshop):
        raise Http404
    by_org = selectors.participants_by_organisation(workshop)
    return render(
        request,
        "workshops/participants.html",
        {
            "workshop": workshop,
            "by_organisation": by_org,
            "count": sum(len(regs) for _org, regs in by_org),
            "can_export": rules.can_export(request.user, workshop),
        },
    )
