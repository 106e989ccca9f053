"""Forms for adoptions, feedback reports, answers, indicators, measurements and imports.

Forms only read what was typed; the services decide what is allowed and say why.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palabre.adoptions.models import Adoption, FeedbackReport, Indicator, Measurement
from palabre.adoptions.values import format_value
from palabre.permissions import adoptions as rules


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _area(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class AdoptionForm(forms.ModelForm):
    class Meta:
        model = Adoption
        fields = [
            "organisation", "team", "project_name", "started_on", "status", "context",
            "adaptations", "country", "region", "contact", "ended_on", "abandon_reason",
        ]  # fmt: skip
        widgets = {
            "started_on": _date_input(),
            "ended_on": _date_input(),
            "status": forms.RadioSelect,
            "context": _area(4),
            "adaptations": _area(4),
            "abandon_reason": _area(3),
        }
        help_texts = {
            "team": _("The team, service or village group putting it to work."),
            "ended_on": _("For a completed or abandoned adoption (today if left empty)."),
            "abandon_reason": _("Only if it was abandoned: what made you stop?"),
            "country": _("Where it is put to work (your organisation's country if left empty)."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]
            organisations = [self.instance.organisation_id]
        else:
            choices = rules.adopting_organisation_choices(user)
            self.fields["organisation"].queryset = choices
            organisations = list(choices.values_list("pk", flat=True))
            if len(organisations) == 1:
                self.fields["organisation"].initial = organisations[0]
                self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["started_on"].initial = timezone.localdate()
            self.fields["contact"].initial = user.pk
        self.fields["country"].required = False
        self.fields["contact"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, memberships__organisation__in=organisations)
            .distinct()
        )
        self.fields["contact"].required = False

    def _post_clean(self):
        pass  # the service checks the adoption as a whole

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("organisation", None)
        return data


class FeedbackForm(forms.ModelForm):
    STATUS_CHOICES = [
        (Adoption.Status.IN_PROGRESS, _("still in progress")),
        (Adoption.Status.COMPLETED, _("completed")),
        (Adoption.Status.ABANDONED, _("abandoned")),
    ]
    EFFECTIVENESS_CHOICES = [
        (1, _("1 — it did not work")),
        (2, _("2 — it worked a little")),
        (3, _("3 — it worked in part")),
        (4, _("4 — it worked well")),
        (5, _("5 — it worked very well")),
    ]

    status = forms.ChoiceField(
        label=_("Where is the adoption now?"), choices=STATUS_CHOICES, widget=forms.RadioSelect
    )
    effectiveness = forms.TypedChoiceField(
        label=_("How effective was the practice for you?"),
        choices=EFFECTIVENESS_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    would_recommend = forms.TypedChoiceField(
        label=_("Would you recommend it to another organisation?"),
        choices=[("yes", _("yes")), ("no", _("no"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    abandon_reason = forms.CharField(
        label=_("If it was abandoned: why?"),
        required=False,
        widget=_area(3),
        help_text=_("Required when the adoption is abandoned."),
    )

    class Meta:
        model = FeedbackReport
        fields = [
            "reported_on", "status", "abandon_reason", "effectiveness", "results",
            "difficulties", "suggestions", "would_recommend", "visibility",
        ]  # fmt: skip
        widgets = {
            "reported_on": _date_input(),
            "results": _area(5),
            "difficulties": _area(5),
            "suggestions": _area(4),
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "results": _("What changed, with figures and testimonies if you have them."),
            "difficulties": _("What did not work, and why."),
            "suggestions": _("What the authors should change, add or warn about."),
        }

    def __init__(self, *args, adoption: Adoption, **kwargs):
        super().__init__(*args, **kwargs)
        status = adoption.status if adoption.status != Adoption.Status.PLANNED else "in_progress"
        self.fields["status"].initial = status
        self.fields["abandon_reason"].initial = adoption.abandon_reason
        if not self.instance.pk:
            self.fields["reported_on"].initial = timezone.localdate()
        else:
            self.initial["would_recommend"] = "yes" if self.instance.would_recommend else "no"
            self.initial["status"] = adoption.status
        if adoption.status == Adoption.Status.ABANDONED:
            self.fields["abandon_reason"].label = _("Why was it abandoned?")

    def _post_clean(self):
        # The service checks the report as a whole (with the adoption it belongs to).
        pass

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        status = data.pop("status", None)
        reason = data.pop("abandon_reason", "")
        return {"fields": data, "status": status, "abandon_reason": reason}


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        required=False,
        widget=_area(5),
        help_text=_("Thank the team, explain, or say what you will change in the practice."),
    )
    addressed_in = forms.ModelChoiceField(
        label=_("Addressed in version"),
        queryset=None,
        required=False,
        empty_label=_("not yet"),
        help_text=_("The published version of the practice that takes this feedback into account."),
    )

    def __init__(self, *args, practice, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["addressed_in"]
        field.queryset = practice.revisions.order_by("-number")
        field.label_from_instance = lambda r: (
            _("version %(number)s of %(date)s")
            % {
                "number": r.number,
                "date": r.published_at.date().isoformat(),
            }
        )


class IndicatorForm(forms.ModelForm):
    baseline_value = forms.CharField(
        label=_("Baseline value"),
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    target_value = forms.CharField(
        label=_("Target value"),
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    class Meta:
        model = Indicator
        fields = [
            "organisation", "name", "description", "unit", "value_type", "direction",
            "baseline_value", "baseline_date", "target_value", "target_date", "adoptions",
        ]  # fmt: skip
        widgets = {
            "description": _area(3),
            "value_type": forms.RadioSelect,
            "direction": forms.RadioSelect,
            "baseline_date": _date_input(),
            "target_date": _date_input(),
            "adoptions": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "baseline_value": _("The value measured before you started."),
            "adoptions": _("The adoptions whose results this indicator follows."),
        }

    def __init__(self, *args, user, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]
            organisations = [self.instance.organisation_id]
            for name in ("baseline_value", "target_value"):
                self.initial[name] = format_value(getattr(self.instance, name))
        else:
            choices = rules.indicator_organisation_choices(user)
            if organisation is not None:
                choices = choices.filter(pk=organisation.pk)
            self.fields["organisation"].queryset = choices
            organisations = list(choices.values_list("pk", flat=True))
            if len(organisations) == 1:
                self.fields["organisation"].initial = organisations[0]
                self.fields["organisation"].widget = forms.HiddenInput()
        adoptions = Adoption.objects.filter(organisation__in=organisations).select_related(
            "practice", "organisation"
        )
        self.fields["adoptions"].queryset = adoptions
        self.fields["adoptions"].required = False
        several = len(organisations) > 1
        self.fields["adoptions"].label_from_instance = lambda a: (
            f"{a.organisation.short_name} — {a}" if several else str(a)
        )

    def _post_clean(self):
        pass  # the service checks the indicator as a whole

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("organisation", None)
        return data


class MeasurementForm(forms.ModelForm):
    value = forms.CharField(
        label=_("Value"),
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "source", "comment"]
        widgets = {"measured_on": _date_input(), "comment": _area(2)}

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].help_text = _("In %(unit)s.") % {"unit": indicator.unit}
        if self.instance.pk:
            self.initial["value"] = format_value(self.instance.value)
        else:
            self.fields["measured_on"].initial = timezone.localdate()

    def _post_clean(self):
        pass  # the service checks the measurement against its indicator


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "First line: the column names date, value, and optionally indicator, source, "
            "comment. Dates as 2026-03-31 or 31/03/2026."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet"
            }
        ),
    )
