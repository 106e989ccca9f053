"""The preferences form: for each kind, how the person wants to be e-mailed."""

from __future__ import annotations

from django import forms

from palabre.notifications.kinds import Delivery


class PreferencesForm(forms.Form):
    def __init__(self, *args, preferences, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups: dict[str, list[str]] = {}
        for kind, delivery in preferences:
            name = f"kind_{kind.key}"
            self.fields[name] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=delivery,
                widget=forms.RadioSelect,
            )
            self.groups.setdefault(str(kind.group), []).append(name)

    def grouped(self):
        return [(group, [self[name] for name in names]) for group, names in self.groups.items()]

    def choices(self) -> dict[str, str]:
        return {
            name.removeprefix("kind_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("kind_")
        }
