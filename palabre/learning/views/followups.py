"""Pages of internal training: follow-ups.

- ``training-follow-ups/``: the questions asked to me, those waiting for an answer first;
- ``training-follow-ups/<pk>/``: GET the question (or my answer), POST answer it: yes or
  no, a note, and for a "yes" the organisation and whether it is planned or under way.

Plain forms, no JavaScript needed; only the person asked sees a follow-up (404 otherwise).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from palabre.adoptions.models import Adoption
from palabre.learning.models import FollowUp
from palabre.learning.selectors import followups as selectors
from palabre.learning.services import followups as services
from palabre.lib.views import submit
from palabre.permissions import adoptions as adoption_rules
from palabre.permissions import learning as rules
from palabre.permissions import practices as practice_rules

YES, NO = "yes", "no"


class FollowUpForm(forms.Form):
    applied = forms.TypedChoiceField(
        label=gettext_lazy("Your answer"),
        choices=[(YES, gettext_lazy("Yes")), (NO, gettext_lazy("Not yet"))],
        coerce=lambda value: value == YES,
        widget=forms.RadioSelect,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("If yes: where is it?"),
        choices=[
            (Adoption.Status.IN_PROGRESS, gettext_lazy("Under way")),
            (Adoption.Status.PLANNED, gettext_lazy("Planned, not started yet")),
        ],
        initial=Adoption.Status.IN_PROGRESS,
        required=False,
        widget=forms.RadioSelect,
    )
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("If yes: for which organisation?"),
        queryset=None,
        required=False,
        empty_label=None,
    )
    note = forms.CharField(
        label=gettext_lazy("How it went, or what held you back (optional)"),
        required=False,
        max_length=services.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": services.NOTE_MAX}),
    )

    def __init__(self, *args: Any, person: Any, follow_up: FollowUp, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = adoption_rules.adopting_organisation_choices(person).order_by("name")
        if choices.count() > 1:
            field = self.fields["organisation"]
            field.queryset = choices  # type: ignore[attr-defined]
            default = services.follow_up_default_organisation(follow_up, person)
            field.initial = default.pk if default is not None else None
        else:  # one organisation (or none): nothing to choose
            del self.fields["organisation"]

    def clean_status(self) -> str:
        return self.cleaned_data.get("status") or Adoption.Status.IN_PROGRESS


def _page(
    request: HttpRequest, follow_up: FollowUp, form: FollowUpForm | None, *, status: int = 200
) -> HttpResponse:
    training = follow_up.session.training
    practices = practice_rules.practices_visible_to(request.user).filter(
        pk__in=training.practices.values("pk")
    )
    return render(
        request,
        "learning/followups/answer.html",
        {
            "follow_up": follow_up,
            "training": training,
            "workshop": follow_up.session.workshop,
            "practices": practices.order_by("title").only("pk", "title"),
            "form": form,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    """The question "did you apply it?" and its answer, once."""
    item = rules.follow_up_for(request.user, pk)
    if request.method != "POST":
        form = None if item.answered_at else FollowUpForm(person=request.user, follow_up=item)
        return _page(request, item, form)
    form = FollowUpForm(request.POST, person=request.user, follow_up=item)
    done = submit(
        form,
        lambda: services.follow_up_answer(
            follow_up=item,
            by=request.user,
            applied=form.cleaned_data["applied"],
            note=form.cleaned_data["note"],
            organisation=form.cleaned_data.get("organisation"),
            status=form.cleaned_data["status"],
        ),
    )
    if not done.ok:
        return _page(request, item, form, status=done.status)
    answered = done.value
    if answered.applied and answered.adoption is not None:
        messages.success(
            request,
            _(
                "Thank you! %(organisation)s is now shown putting “%(title)s” to work. "
                "Add the team and what you adapted when you can."
            )
            % {
                "organisation": answered.adoption.organisation.short_name,
                "title": answered.adoption.practice.title,
            },
        )
        return redirect(answered.adoption.get_absolute_url())
    messages.success(request, _("Thank you for your answer."))
    return redirect("learning:follow_ups")


@login_required
def follow_ups(request: HttpRequest) -> HttpResponse:
    """The follow-up questions asked to me, those waiting for an answer first."""
    items = list(selectors.follow_ups_of(request.user)[:100])
    return render(
        request,
        "learning/followups/list.html",
        {
            "pending": [f for f in items if f.answered_at is None],
            "answered": [f for f in items if f.answered_at is not None],
        },
    )


urlpatterns = [
    path("training-follow-ups/", follow_ups, name="follow_ups"),
    path("training-follow-ups/<int:pk>/", follow_up, name="follow_up"),
]
