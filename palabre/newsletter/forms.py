"""Forms of the newsletter's pages: starting an issue, composing it, one's choice."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palabre.newsletter.models import Subscription
from palabre.permissions import newsletter as rules


class IssueCreateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("For"),
        queryset=None,
        required=False,
        help_text=_("The whole network, or the members of one of your organisations."),
    )
    period_start = forms.DateField(
        label=_("Activity from"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    period_end = forms.DateField(
        label=_("until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        today = timezone.localdate()
        kwargs.setdefault(
            "initial", {"period_start": today - timedelta(days=30), "period_end": today}
        )
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = rules.organisations_to_compose_for(user)
        if rules.is_facilitator(user):
            field.empty_label = _("The whole network")
        else:
            field.required = True
            field.empty_label = None


class IssueEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown: **bold**, *italics*, [link](https://…), lists with “- ”."),
    )
    text = forms.CharField(
        label=_("Add your own text"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Added at the end of the issue, then move it where you want."),
    )

    def __init__(self, *args: Any, items: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, item in enumerate(items, start=1):
            self.fields[f"position_{item.pk}"] = forms.IntegerField(
                label=_("Position"), min_value=1, max_value=999, initial=number, required=False
            )

    def positions(self) -> dict[int, int]:
        found = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("position_") and value is not None:
                found[int(name.removeprefix("position_"))] = value
        return found


class ChoiceForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("The newsletter"),
        choices=Subscription.Choice.choices,
        widget=forms.RadioSelect,
    )
