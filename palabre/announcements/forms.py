"""Forms of announcements: what the pages validate before the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from palabre.announcements.models import Announcement, Audience, Campaign
from palabre.organisations.models import Organisation
from palabre.permissions import admin_org_ids, is_facilitator
from palabre.permissions import announcements as rules
from palabre.themes.models import Theme

ROLE_CHOICES = [
    ("facilitator", _("facilitators")),
    ("admin", _("network administrators")),
    ("volunteer", _("volunteers of an organisation")),
    ("member", _("members of an organisation")),
    ("org_admin", _("organisation administrators")),
]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class AnnouncementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150, required=False)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few lines. Markdown: **bold**, lists, links."),
    )
    url = forms.URLField(
        label=_("Link (optional)"), required=False, max_length=500, assume_scheme="https"
    )
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    audience = forms.ChoiceField(
        label=_("For whom"), choices=Audience.choices, widget=forms.RadioSelect
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For every audience but “everyone”: only their members."),
        error_messages={
            "invalid_choice": _("You may only address the members of your own organisation.")
        },
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=ROLE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("People who follow the theme or name it in their skills."),
    )
    campaign = forms.ModelChoiceField(
        label=_("Campaign"), queryset=Campaign.objects.none(), required=False
    )
    send_email = forms.BooleanField(
        label=_("Also send it once by e-mail when it starts"),
        required=False,
        help_text=_("Only to its audience, and not to those who chose no e-mail."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["organisations"]
        if is_facilitator(user):
            field.queryset = Organisation.objects.order_by("name")
        else:
            field.queryset = Organisation.objects.filter(pk__in=admin_org_ids(user)).order_by(
                "name"
            )
            self.fields["audience"].choices = [
                c for c in Audience.choices if c[0] != Audience.EVERYONE
            ]
            self.fields["audience"].error_messages["invalid_choice"] = _(
                "You may only address the members of your own organisation."
            )
            self.fields["roles"].choices = ROLE_CHOICES[2:]
        campaign: Any = self.fields["campaign"]
        campaign.queryset = rules.campaigns_managed_by(user).order_by("-created_at")

    @staticmethod
    def initial_for(announcement: Announcement) -> dict[str, Any]:
        return {
            "title": announcement.title,
            "body": announcement.body,
            "url": announcement.url,
            "starts_at": announcement.starts_at,
            "ends_at": announcement.ends_at,
            "audience": announcement.audience,
            "organisations": list(announcement.organisations.all()),
            "roles": announcement.roles,
            "themes": list(announcement.themes.all()),
            "campaign": announcement.campaign,
            "send_email": announcement.send_email,
        }

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "body": data["body"],
            "url": data["url"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "audience": data["audience"],
            "organisations": list(data["organisations"]),
            "roles": list(data["roles"]),
            "themes": list(data["themes"]),
            "campaign": data["campaign"],
            "send_email": data["send_email"],
        }


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150, required=False)
    description = forms.CharField(
        label=_("What it is for"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
