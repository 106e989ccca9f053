"""Forms of discussions: start a thread, answer, edit, hide with a reason."""

from __future__ import annotations

import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from palabre.discussions.models import Thread
from palabre.discussions.services import BODY_MAX, REASON_MAX, TITLE_MAX
from palabre.themes.models import Theme

MENTION_HELP = _(
    "Markdown works (**bold**, lists, links). To call someone in, write @ and their name, "
    "for example @Awa Bello."
)


def new_key() -> str:
    return uuid.uuid4().hex


class SubmissionKeyMixin(forms.Form):
    """A key drawn when the form is shown: sending it twice keeps one message."""

    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", new_key())


class ThreadForm(SubmissionKeyMixin):
    kind = forms.ChoiceField(
        label=_("What do you want to do?"),
        choices=[
            (Thread.Kind.QUESTION, _("Ask a question")),
            (Thread.Kind.DISCUSSION, _("Start a discussion")),
        ],
        initial=Thread.Kind.QUESTION,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        min_length=5,
        help_text=_("In one sentence, for example: How did you choose the store managers?"),
    )
    body = forms.CharField(
        label=_("Your message"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "class": "markdown"}),
        help_text=MENTION_HELP,
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)

    def __init__(self, *args, user=None, choose_theme: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not self.is_bound:
            self.initial.setdefault("language", user.language or settings.LANGUAGE_CODE)
        if choose_theme:
            self.fields["theme"] = forms.ModelChoiceField(
                label=_("Theme"),
                queryset=Theme.objects.select_related("parent").order_by(
                    "parent__position", "position"
                ),
                empty_label=_("Choose a theme"),
            )
            self.order_fields(["theme", "kind", "title", "body", "language"])


class AnswerForm(SubmissionKeyMixin):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 5, "class": "markdown"}),
        help_text=MENTION_HELP,
    )
    quoted = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ThreadEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX, min_length=5)
    body = forms.CharField(
        label=_("Your message"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "class": "markdown"}),
        help_text=MENTION_HELP,
    )


class AnswerEditForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "class": "markdown"}),
        help_text=MENTION_HELP,
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why hide it?"),
        max_length=REASON_MAX,
        help_text=_("The message is kept; facilitators and its author still see it."),
    )
