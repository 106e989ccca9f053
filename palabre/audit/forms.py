"""The audit log's filters: who, which organisation, which object, which action, when."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from palabre.permissions import MAX_PK

# An action filter ending with this matches every action of its family ("practice.*").
FAMILY = ".*"


class AuditFilterForm(forms.Form):
    person = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=100,
        help_text=_("Part of a name or an e-mail address."),
    )
    # Set by the links on a person's name in the list: exactly that person.
    actor = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PK,
        widget=forms.HiddenInput,
        error_messages={
            code: _("This person is not in the log: choose another.")
            for code in ("invalid", "min_value", "max_value")
        },
    )
    organisation = forms.TypedChoiceField(label=_("Organisation"), required=False, coerce=int)
    kind = forms.ChoiceField(label=_("Kind of object"), required=False)
    object = forms.CharField(
        label=_("Object"),
        required=False,
        max_length=100,
        help_text=_("Its number, or words of its title."),
    )
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To (included)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisations=(), kinds=(), actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", _("All organisations"))] + [
            (org.pk, org.name) for org in organisations
        ]
        self.fields["kind"].choices = [("", _("All kinds")), *kinds]
        families = sorted({action.split(".")[0] for action in actions if "." in action})
        choices: list = [("", _("All actions"))]
        if families:
            choices.append(
                (_("Families"), [(f"{family}{FAMILY}", f"{family}.…") for family in families])
            )
        if actions:
            choices.append((_("Actions"), [(action, action) for action in actions]))
        self.fields["action"].choices = choices

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the period comes before its start."))
        return cleaned
