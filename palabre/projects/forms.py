"""Forms of the projects' pages (validation of what people type; the rules are the
services')."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from palabre.accounts.models import User
from palabre.lib.visibility import Visibility
from palabre.organisations.models import Organisation
from palabre.projects.models import Exchange, Project
from palabre.themes.models import Theme


class ProjectForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    start_date = forms.DateField(
        label=pgettext_lazy("project period", "Start"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end_date = forms.DateField(
        label=pgettext_lazy("project period", "End"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    country = LazyTypedChoiceField(
        label=_("Country"), choices=[("", "—"), *countries], required=False
    )
    region = forms.CharField(
        label=_("Region"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"list": "project-regions"}),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("slug"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    funders = forms.CharField(
        label=_("Funders"),
        required=False,
        max_length=2000,
        help_text=_("One per line."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    objectives = forms.CharField(
        label=_("Objectives"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("project", "Status"), choices=Project.Status.choices
    )
    visibility = forms.ChoiceField(
        label=pgettext_lazy("project", "Who can see it"),
        choices=Visibility.choices,
        initial=Visibility.NETWORK,
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean_funders(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["funders"].splitlines() if line.strip()]


class TeamForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the member"))
    role = forms.CharField(label=_("Role on the project"), max_length=120)
    invite = forms.BooleanField(
        label=_("Invite them although they are not in the organisation"), required=False
    )

    def clean_email(self) -> User:
        email = self.cleaned_data["email"]
        person = User.objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("No member of Palabre has this address."))
        return person


class LinkForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[
            ("practice", _("practice")),
            ("adoption", _("adoption")),
            ("indicator", _("indicator")),
            ("resource", _("resource")),
        ]
    )
    target = forms.IntegerField(min_value=1, max_value=2**63 - 1)


class ProposeForm(forms.Form):
    from_project = forms.ModelChoiceField(
        label=_("From my project"), queryset=Project.objects.none(), empty_label=None
    )
    kind = forms.ChoiceField(
        label=_("What do you propose?"), choices=Exchange.Kind.choices, widget=forms.RadioSelect
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Your message to their team"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 4000}),
    )

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from_project"].queryset = projects  # type: ignore[attr-defined]


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 4000}),
    )


class ScheduleForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    venue = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
