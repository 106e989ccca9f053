"""Forms of the resource library: they validate the shape of what is sent; the rules
(who may, which organisation, the file's content, the link's scheme) are the services'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from palabre.lib.visibility import Visibility
from palabre.organisations.models import Organisation
from palabre.permissions import resources as rules
from palabre.resources.models import Resource
from palabre.themes.models import Theme


class ResourceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Resource.Kind.choices)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    organisation = forms.ModelChoiceField(label=_("Shared by"), queryset=None, empty_label=None)
    visibility = forms.ChoiceField(
        label=_("Who can see it"), choices=Visibility.choices, initial=Visibility.NETWORK
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("position", "pk"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags_text = forms.CharField(
        label=_("Tags"), required=False, max_length=500, help_text=_("Words separated by commas.")
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, Excel, OpenDocument, text or a photo."),
    )
    link = forms.CharField(
        label=_("Or an external link"),
        required=False,
        max_length=500,
        help_text=_("A web address starting with https://"),
    )

    def __init__(self, *args: Any, user: Any, resource: Resource | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices = Q(pk__in=rules.organisation_choices(user).values("pk"))
        if resource is not None:
            choices |= Q(pk=resource.organisation_id)
            del self.fields["file"]
        self.fields["organisation"].queryset = Organisation.objects.filter(choices).order_by("name")

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["tags"] = [t for t in data.pop("tags_text", "").split(",") if t.strip()]
        data.pop("file", None)
        return data


class VersionForm(forms.Form):
    file = forms.FileField(label=_("New file"))
    note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        required=False,
        help_text=_("In a few words, for those who knew the earlier version."),
    )


class LinkForm(forms.Form):
    resource = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    target = forms.IntegerField(min_value=1, max_value=2**63 - 1)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
