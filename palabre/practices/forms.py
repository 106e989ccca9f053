"""The guided editor's forms, one per section of the fiche."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from palabre.organisations.models import Organisation
from palabre.permissions import practices as rules
from palabre.practices.models import Practice, Step
from palabre.practices.sections import SECTIONS
from palabre.themes.models import Tag, Theme


class VersionedForm(forms.ModelForm):
    """Carries the version the person started from, to detect concurrent edits."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "version" not in self.initial:
            self.initial["version"] = self.instance.version


def markdown_area(rows: int = 6) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "class": "markdown"})


class NewPracticeForm(forms.ModelForm):
    class Meta:
        model = Practice
        fields = ["title", "kind", "language", "lead_organisation"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        choices = rules.lead_organisation_choices(user)
        self.fields["lead_organisation"].queryset = choices
        self.fields["lead_organisation"].empty_label = _("Choose the organisation")
        if choices.count() == 1:
            self.fields["lead_organisation"].initial = choices.first()


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if obj.parent_id is None:
            return _("%(theme)s, in general") % {"theme": obj.name}
        return obj.name


class IdentityForm(VersionedForm):
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.select_related("parent").order_by("parent__position", "position"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose one to three themes."),
    )
    tags_text = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Free words, separated by commas: tontine, relais communautaires…"),
    )

    class Meta:
        model = Practice
        fields = [
            "title", "kind", "language", "summary", "lead_organisation", "partners", "authors",
            "contact", "themes", "country", "region", "period_start", "period_end",
            "project_name", "visibility",
        ]  # fmt: skip
        widgets = {
            "summary": markdown_area(4),
            "kind": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
            # Checkboxes, not a multiple select that needs Ctrl and is cut short on a phone.
            "partners": forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
            "authors": forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        practice = self.instance
        self.fields["lead_organisation"].queryset = (
            rules.lead_organisation_choices(user)
            | Organisation.objects.filter(pk=practice.lead_organisation_id)
        ).distinct()
        people = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(memberships__organisation_id=practice.lead_organisation_id)
                | Q(practices=practice)
            )
            .distinct()
        )
        self.fields["authors"].queryset = people.order_by("display_name")
        self.fields["contact"].queryset = people.order_by("display_name")
        self.fields["authors"].help_text = _("Members of the lead organisation: tick each author.")
        self.fields["partners"].required = False
        self.fields["partners"].queryset = Organisation.objects.exclude(
            pk=practice.lead_organisation_id
        ).order_by("name")
        self.fields["partners"].help_text = _(
            "The other organisations that took part, if any: tick each one."
        )
        # Plain words instead of Django's "---------" for "nothing chosen".
        self.fields["contact"].empty_label = _("Nobody in particular")
        self.fields["lead_organisation"].empty_label = (
            None if practice.lead_organisation_id else _("Choose the organisation")
        )
        self.fields["country"].choices = [
            ("", _("Not given")) if value == "" else (value, label)
            for value, label in self.fields["country"].choices
        ]
        if practice.pk:
            self.initial.setdefault("tags_text", ", ".join(t.name for t in practice.tags.all()))

    def theme_groups(self):
        """The theme checkboxes grouped under their broader theme, for a shorter form."""
        themes = {t.pk: t for t in self.fields["themes"].queryset}
        groups: dict[int, dict] = {}
        for checkbox in self["themes"]:
            theme = themes[int(str(checkbox.data["value"]))]
            root = theme.parent or theme
            group = groups.setdefault(root.pk, {"theme": root, "boxes": [], "checked": False})
            group["boxes"].append(checkbox)
            group["checked"] = group["checked"] or checkbox.data["selected"]
        return list(groups.values())

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end comes before the start."))
        themes = data.get("themes")
        if themes is not None and len(themes) > 5:
            self.add_error("themes", _("Choose at most five themes."))
        if data.get("authors") is not None and not data["authors"]:
            self.add_error("authors", _("A practice needs at least one author."))
        return data

    def changes(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["tags"] = Tag.for_names(self.cleaned_data.get("tags_text", "").split(","))
        return data


class ContextForm(VersionedForm):
    class Meta:
        model = Practice
        fields = [
            "context", "objectives", "beneficiaries", "beneficiaries_women",
            "beneficiaries_men", "stakeholders",
        ]  # fmt: skip
        widgets = {
            "context": markdown_area(8),
            "objectives": markdown_area(4),
            "beneficiaries": markdown_area(3),
            "stakeholders": markdown_area(5),
        }


class ApproachForm(VersionedForm):
    class Meta:
        model = Practice
        fields = ["approach", "resources", "cost_amount", "cost_currency"]
        widgets = {"approach": markdown_area(5), "resources": markdown_area(4)}
        help_texts = {"cost_currency": _("XAF (CFA franc) unless said otherwise.")}

    def clean_cost_currency(self):
        value = (self.cleaned_data.get("cost_currency") or "XAF").upper().strip()
        if len(value) != 3 or not value.isalpha():
            raise forms.ValidationError(_("A currency is three letters, like XAF or EUR."))
        return value


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = ["title", "description", "what_made_it_work"]
        widgets = {"description": markdown_area(3), "what_made_it_work": markdown_area(2)}


StepFormSet = forms.inlineformset_factory(
    Practice, Step, form=StepForm, extra=2, can_delete=True, max_num=20, validate_max=True
)


class ResultsForm(VersionedForm):
    class Meta:
        model = Practice
        fields = ["results", "success_factors"]
        widgets = {"results": markdown_area(8), "success_factors": markdown_area(5)}


class DifficultiesForm(VersionedForm):
    class Meta:
        model = Practice
        fields = ["difficulties"]
        widgets = {"difficulties": markdown_area(10)}


class LessonsForm(VersionedForm):
    class Meta:
        model = Practice
        fields = ["lessons", "sustainability"]
        widgets = {"lessons": markdown_area(8), "sustainability": markdown_area(4)}


class ReplicationForm(VersionedForm):
    class Meta:
        model = Practice
        fields = ["replication"]
        widgets = {"replication": markdown_area(10)}


SECTION_FORMS = {
    "identity": IdentityForm,
    "context": ContextForm,
    "approach": ApproachForm,
    "results": ResultsForm,
    "difficulties": DifficultiesForm,
    "lessons": LessonsForm,
    "replication": ReplicationForm,
}


class ReviewForm(forms.Form):
    """A facilitator's decision, with a comment per section."""

    message = forms.CharField(
        label=_("Message to the authors"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):

        super().__init__(*args, **kwargs)
        for section in SECTIONS:
            self.fields[f"comment_{section.slug}"] = forms.CharField(
                label=section.title, required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def comments(self) -> dict[str, str]:
        return {
            name.removeprefix("comment_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("comment_")
        }


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
