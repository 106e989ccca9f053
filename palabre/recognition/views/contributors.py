"""Pages of recognition: contributor pages, and the person's choices for theirs.

A contributor page is opened through ``permissions.recognition.contributor_for`` (network
members; everyone when its person chose so; 404 otherwise). Every item on it follows its
own rule for the viewer (selectors/contributors.py).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre.lib.views import submit
from palabre.permissions import is_member
from palabre.permissions import recognition as rules
from palabre.recognition.models import ContributorSettings
from palabre.recognition.selectors.contributors import contributor_summary
from palabre.recognition.services.contributors import contributor_settings_update


class ContributorSettingsForm(forms.Form):
    page_visibility = forms.ChoiceField(
        label=gettext_lazy("Who can see my contributor page"),
        choices=ContributorSettings.PageVisibility.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Network members always see it. Each item on it keeps its own visibility: "
            "what is for your organisation only is never shown to others."
        ),
    )
    show_email = forms.BooleanField(
        label=gettext_lazy("Show my e-mail address to network members"),
        required=False,
        help_text=gettext_lazy("Visitors from outside the network never see it."),
    )


def contributor(request, pk: int):
    person = rules.contributor_for(request.user, pk)
    viewer = request.user
    is_self = is_member(viewer) and viewer.pk == person.pk
    settings = getattr(person, "contributor_settings", None)
    return render(
        request,
        "recognition/contributors/detail.html",
        {
            "person": person,
            "memberships": person.memberships.select_related("organisation").order_by(
                "organisation__name", "pk"
            ),
            "email": person.email if rules.can_see_email(viewer, person) else "",
            "is_self": is_self,
            "is_public": settings is not None
            and settings.page_visibility == ContributorSettings.PageVisibility.PUBLIC,
            "members": is_member(viewer),
            "summary": contributor_summary(person, viewer=viewer),
        },
    )


@login_required
def contributor_settings(request):
    person = request.user
    current = ContributorSettings.objects.filter(person=person).first()
    initial = {
        "page_visibility": current.page_visibility
        if current
        else ContributorSettings.PageVisibility.NETWORK,
        "show_email": current.show_email if current else False,
    }
    form = ContributorSettingsForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        done = submit(
            form,
            lambda: contributor_settings_update(
                person=person,
                by=request.user,
                page_visibility=form.cleaned_data["page_visibility"],
                show_email=form.cleaned_data["show_email"],
            ),
        )
        if done.ok:
            messages.success(request, _("Your choices have been saved."))
            return redirect("recognition:contributor", pk=person.pk)
        status = done.status
    return render(
        request,
        "recognition/contributors/settings.html",
        {"form": form, "person": person},
        status=status,
    )


urlpatterns = [
    path("contributors/<int:pk>/", contributor, name="contributor"),
    path("contributors/me/settings/", contributor_settings, name="contributor_settings"),
]
