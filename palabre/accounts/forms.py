"""Forms for logging in, the profile, passwords and network roles."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from palabre.accounts.models import User
from palabre.core.mail import email_queue


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "E-mail address or password incorrect. Check both and try again "
            "(passwords are case-sensitive)."
        ),
        "inactive": _("This account is inactive."),
    }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name",
            "job_title",
            "language",
            "languages_spoken",
            "skills_offered",
            "skills_wanted",
            "bio",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}


class NetworkRoleForm(forms.Form):
    network_role = forms.ChoiceField(label=_("Network role"), choices=User.NetworkRole.choices)


class SetPasswordFieldsMixin(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Confirm the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            probe = User(
                email=getattr(self, "email", ""), display_name=data.get("display_name", "")
            )
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class InvitationAcceptForm(SetPasswordFieldsMixin):
    display_name = forms.CharField(label=_("Your name"), max_length=120)
    language = forms.ChoiceField(
        label=_("Language of the interface"), choices=settings.LANGUAGES, initial="fr"
    )
    field_order = ["display_name", "language", "password1", "password2"]

    def __init__(self, *args, email: str = "", **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the message is queued for the worker, in the person's language."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        link = settings.SITE_URL + reverse(
            "accounts:password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        email_queue(
            to=to_email,
            template="accounts/email/password_reset",
            context={"user": user, "link": link},
            language=user.language,
            kind="password_reset",
            sensitive=True,
        )


class ReauthenticateForm(forms.Form):
    """Confirm who you are before a sensitive action: the password, or a code from the
    authenticator app (or a recovery code) for people who use two-step login."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=32,
        help_text=_("Six digits, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def __init__(self, *args, uses_code: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.uses_code = uses_code
        del self.fields["password" if uses_code else "code"]

    def clean(self):
        data = super().clean()
        field = "code" if self.uses_code else "password"
        if not data.get(field) and field not in self.errors:
            self.add_error(
                field,
                _("Type the code from your app.") if self.uses_code else _("Type your password."),
            )
        return data


class CodeForm(forms.Form):
    """The code of two-step login: six digits from the app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits your authenticator app shows now, or a recovery code."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        error_messages={"required": _("Type the code from your app.")},
    )


class SetupCodeForm(CodeForm):
    """Setting up the app: only a code from it proves it works."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits the app shows for Palabre."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": _("Type the code from your app.")},
    )
