"""Invitations to present at a workshop (invite, send, answer) and the first practice drafts
of a launch workshop's writing session. Every page works without JavaScript: each button is
a form that posts and comes back to the workshop page (or the invitation's)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from palabre.lib.errors import ServiceError
from palabre.permissions import is_member
from palabre.permissions import recognition as rules
from palabre.permissions import workshops as workshop_rules
from palabre.recognition.models import PresenterInvitation
from palabre.recognition.selectors import presenters as selectors
from palabre.recognition.services import presenters as services
from palabre.workshops.models import Session

User = get_user_model()


def _back(workshop: Any) -> str:
    return reverse("workshops:detail", args=[workshop.pk]) + "#presenters"


def _workshop_run_by(request: Any, pk: int) -> Any:
    workshop = workshop_rules.workshop_for(request.user, pk)
    if not rules.can_see_presenter_suggestions(request.user, workshop):
        raise Http404
    return workshop


class InviteForm(forms.Form):
    person = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    # The reasons shown with the suggestion (kept to 500 characters).
    reason = forms.CharField(required=False, max_length=3000)
    session = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    message = forms.CharField(
        label=gettext_lazy("A word for them (optional)"), required=False, max_length=500
    )
    confirm_again = forms.BooleanField(
        label=gettext_lazy("I confirm: invite again after the decline"), required=False
    )


@require_POST
@login_required
def invite(request, pk: int):
    workshop = _workshop_run_by(request, pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose someone to invite."))
        return redirect(_back(workshop))
    data = form.cleaned_data
    person = User.objects.filter(pk=data["person"], is_active=True).first()
    if person is None:
        messages.error(request, _("This person has no active account."))
        return redirect(_back(workshop))
    session = None
    if data.get("session"):
        session = Session.objects.filter(workshop=workshop, pk=data["session"]).first()
    try:
        services.presenter_invite(
            workshop=workshop,
            person=person,
            by=request.user,
            reason=(data.get("reason") or "")[:500],
            message=data.get("message") or "",
            session=session,
            confirm_again=data.get("confirm_again") or False,
        )
    except ServiceError as error:
        if error.field == "confirm_again":
            # Declined before: the page asks for the confirmation, with the data kept.
            return render(
                request,
                "recognition/presenters/confirm.html",
                {"workshop": workshop, "person": person, "form": form, "message": error.message},
                status=error.status,
            )
        messages.error(request, str(error.message))
        return redirect(_back(workshop))
    messages.success(
        request,
        _("%(name)s is invited to present. You will be told of the answer.") % {"name": person},
    )
    return redirect(_back(workshop))


@require_POST
@login_required
def send(request, pk: int, invitation_pk: int):
    workshop = _workshop_run_by(request, pk)
    invitation = rules.presenter_invitation_for(request.user, invitation_pk)
    if invitation.workshop_id != workshop.pk:
        raise Http404
    try:
        services.presenter_send(invitation=invitation, by=request.user)
    except ServiceError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("%(name)s is invited to present. You will be told of the answer.")
            % {"name": invitation.person},
        )
    return redirect(_back(workshop))


@require_POST
@login_required
def send_all(request, pk: int):
    """Send every proposed invitation at once; each is its own transaction, and those that
    cannot be sent yet say why."""
    workshop = _workshop_run_by(request, pk)
    proposed = [
        i
        for i in selectors.workshop_invitations(request.user, workshop)
        if i.status == PresenterInvitation.Status.PROPOSED
    ]
    sent, problems = [], []
    for invitation in proposed:
        try:
            services.presenter_send(invitation=invitation, by=request.user)
        except ServiceError as error:
            problems.append(str(error.message))
        else:
            sent.append(invitation.person.display_name)
    if sent:
        messages.success(request, _("Invited: %(names)s.") % {"names": ", ".join(sent)})
    for problem in problems:
        messages.error(request, problem)
    return redirect(_back(workshop))


class AnswerForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("A word for the organisers (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@login_required
def invitation(request, pk: int):
    """The person's invitation: what, when, why them; accept or decline."""
    found = rules.presenter_invitation_for(request.user, pk)
    return render(
        request,
        "recognition/presenters/invitation.html",
        {
            "invitation": found,
            "workshop": found.workshop,
            "mine": found.person_id == request.user.pk,
            "can_answer": rules.can_answer_invitation(request.user, found),
            "form": AnswerForm(),
        },
    )


@require_POST
@login_required
def answer(request, pk: int):
    found = rules.presenter_invitation_for(request.user, pk)
    choice = request.POST.get("answer", "")
    form = AnswerForm(request.POST)
    if choice not in ("accept", "decline") or not form.is_valid():
        messages.error(request, _("Choose to accept or to decline."))
        return redirect(found.get_absolute_url())
    try:
        services.presenter_answer(
            invitation=found,
            by=request.user,
            accept=choice == "accept",
            note=form.cleaned_data["note"],
        )
    except ServiceError as error:
        messages.error(request, str(error.message))
        return render(
            request,
            "recognition/presenters/invitation.html",
            {
                "invitation": found,
                "workshop": found.workshop,
                "mine": True,
                "can_answer": rules.can_answer_invitation(request.user, found),
                "form": form,
            },
            status=error.status,
        )
    if choice == "accept":
        messages.success(
            request,
            _("Thank you! You are now among the presenters of “%(workshop)s”.")
            % {"workshop": found.workshop.title},
        )
        return redirect(found.workshop.get_absolute_url())
    messages.success(
        request, _("You declined. The organisers have been told; they will not insist.")
    )
    return redirect(found.get_absolute_url())


@login_required
def mine(request):
    """The invitations to present the person received."""
    if not is_member(request.user):
        raise Http404
    return render(
        request,
        "recognition/presenters/mine.html",
        {"invitations": selectors.my_invitations(request.user)},
    )


@login_required
def launch_drafts(request, pk: int):
    """At the writing session: one practice draft for each participant ticked."""
    workshop = _workshop_run_by(request, pk)
    launch = rules.workshop_launch_for(request.user, workshop)
    status = 200
    if request.method == "POST":
        ids = []
        for value in request.POST.getlist("people"):
            if value.isdigit() and len(value) < 12:
                ids.append(int(value))
        try:
            with transaction.atomic():
                created = services.launch_drafts_create(
                    launch=launch, by=request.user, person_ids=ids
                )
        except ServiceError as error:
            messages.error(request, str(error.message))
            status = error.status
        else:
            if created:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d practice draft created: the participant finds it among "
                        "their drafts.",
                        "%(count)d practice drafts created: each participant finds theirs "
                        "among their drafts.",
                        len(created),
                    )
                    % {"count": len(created)},
                )
            else:
                messages.info(request, _("Everyone ticked already has a draft: none created."))
            return redirect("recognition:launch_drafts", pk=workshop.pk)
    return render(
        request,
        "recognition/presenters/drafts.html",
        {
            "workshop": workshop,
            "launch": launch,
            "registrations": services.launch_draft_candidates(launch),
            "can_create": rules.can_create_launch_drafts(request.user, launch),
        },
        status=status,
    )


urlpatterns = [
    path("workshops/<int:pk>/presenters/invite/", invite, name="presenter_invite"),
    path(
        "workshops/<int:pk>/presenters/<int:invitation_pk>/send/",
        send,
        name="presenter_send",
    ),
    path("workshops/<int:pk>/presenters/send-all/", send_all, name="presenter_send_all"),
    path("workshops/<int:pk>/first-drafts/", launch_drafts, name="launch_drafts"),
    path("invitations-to-present/", mine, name="invitations"),
    path("invitations-to-present/<int:pk>/", invitation, name="invitation"),
    path("invitations-to-present/<int:pk>/answer/", answer, name="invitation_answer"),
]
