"""Forms of exchange meetings: setting one up (one short form), proposing a presentation,
answering an invitation, the minutes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from palabre.lib.visibility import Visibility
from palabre.meetings.models import DEFAULT_TIME_ZONE, Meeting
from palabre.permissions import meetings as rules
from palabre.themes.models import Theme
from palabre.workshops.forms import COMMON_TIME_ZONES, DateInput, TimeInput


class MeetingForm(forms.Form):
    """As quick as sending an invitation: what, when, how long, where, how often. The rest
    (audience, themes, a last date) has sensible defaults."""

    title = forms.CharField(
        label=_("Title"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    first_date = forms.DateField(label=_("First date"), widget=DateInput())
    starts_at = forms.TimeField(
        label=pgettext_lazy("meeting", "Starts at"), initial="16:00", widget=TimeInput()
    )
    ends_at = forms.TimeField(
        label=pgettext_lazy("meeting", "Ends at"), initial="17:00", widget=TimeInput()
    )
    recurrence = forms.ChoiceField(
        label=_("Comes back"),
        choices=Meeting.Recurrence.choices,
        initial=Meeting.Recurrence.MONTHLY_WEEKDAY,
        help_text=_("“Every month, on the same weekday”: the 2nd Tuesday, the last Friday…"),
    )
    venue = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online link"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=_("A place, a link, or both."),
    )
    # More details (folded on the page).
    description = forms.CharField(
        label=_("What it is about"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    visibility = forms.ChoiceField(label=_("Who can see it"), widget=forms.RadioSelect)
    organisation = forms.ModelChoiceField(label=_("Organised by"), queryset=None)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        help_text=_("Used to suggest presenters with recent successes on them."),
    )
    until = forms.DateField(
        label=_("Last date"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty: until the meeting is stopped."),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), initial=DEFAULT_TIME_ZONE)

    folded = ("description", "visibility", "organisation", "themes", "until", "time_zone")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = rules.organisations_for_new_meeting(user).order_by("name")
        self.fields["organisation"].queryset = organisations
        mine = organisations.filter(pk__in=rules.org_ids(user)).first()
        self.fields["organisation"].initial = mine.pk if mine else None
        allowed = rules.visibilities_for_new_meeting(user)
        self.fields["visibility"].choices = [
            (value, label) for value, label in Visibility.choices if value in allowed
        ]
        self.fields["visibility"].initial = (
            Visibility.NETWORK if Visibility.NETWORK in allowed else allowed[0]
        )
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["themes"].widget.attrs["size"] = 6
        zones = list(COMMON_TIME_ZONES)
        self.fields["time_zone"].choices = [(z, z.replace("_", " ")) for z in zones]
        self.fields["first_date"].initial = timezone.localdate() + timedelta(days=7)

    def main_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name not in self.folded]

    def more_fields(self) -> list[Any]:
        return [self[name] for name in self.folded]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting ends before it starts: check the times."))
        return data

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["themes"] = list(data.get("themes") or [])
        return data


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title of your presentation"), max_length=200)
    summary = forms.CharField(
        label=_("In a few lines"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you did, what worked or not, what others could take from it."),
    )
    practice = forms.ModelChoiceField(
        label=_("The practice it presents (optional)"), queryset=None, required=False
    )

    def __init__(self, *args: Any, practices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["practice"].queryset = practices
        self.fields["practice"].empty_label = _("None")


class InvitationAnswerForm(forms.Form):
    title = forms.CharField(label=_("Title of your presentation"), max_length=200, required=False)
    summary = forms.CharField(
        label=_("In a few lines"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("What was presented and said, what people will try. Markdown works."),
    )
