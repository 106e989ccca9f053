"""Forms of the personal data pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from palabre.privacy.services import MAX_REASON


class ErasureRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you leave? (optional)"),
        required=False,
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("It helps the network improve. It is deleted with your account."),
    )
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    understood = forms.BooleanField(
        label=_(
            "I understand that my account will be erased for good: I will no longer be able "
            "to log in, and what I shared with the network will stay, as written by a "
            "“former member”."
        ),
    )


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it refused?"),
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The person receives this reason by e-mail. Say what the law or the network "
            "requires, and what they can do."
        ),
    )
