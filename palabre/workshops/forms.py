"""Forms of the workshop pages. They read input; the rules are in services and permissions."""

from __future__ import annotations

import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from palabre.organisations.models import Organisation
from palabre.permissions import org_ids
from palabre.permissions import practices as practice_rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme
from palabre.workshops.models import (
    CollectiveAction,
    FacilitationTool,
    Registration,
    Restitution,
    Session,
    Workshop,
)
from palabre.workshops.zones import time_zone_label

User = get_user_model()

# The time zones of the network first; any other valid one is accepted too.
COMMON_TIME_ZONES = [
    "Africa/Douala", "Africa/Ndjamena", "Africa/Libreville", "Africa/Brazzaville",
    "Africa/Bangui", "Africa/Malabo", "Africa/Kinshasa", "Africa/Lubumbashi", "Africa/Lagos",
    "Africa/Porto-Novo", "Africa/Lome", "Africa/Abidjan", "Africa/Dakar", "Africa/Bamako",
    "Africa/Ouagadougou", "Africa/Niamey", "Africa/Conakry", "Africa/Kigali",
    "Africa/Bujumbura", "Africa/Nairobi", "Europe/Paris", "Europe/Brussels", "UTC",
]  # fmt: skip


def markdown_area(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "class": "markdown"})


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class ThemeField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ThemesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class WorkshopForm(forms.ModelForm):
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Shown only to registered participants."),
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("The agenda's times are in this time zone."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    organisers = forms.ModelMultipleChoiceField(
        label=_("Organising organisations"),
        queryset=Organisation.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their members see the workshop when it is for the organisation only."),
    )

    class Meta:
        model = Workshop
        fields = [
            "title", "objectives", "description", "start_date", "end_date", "time_zone",
            "venue", "city", "country", "online_url", "organisers", "capacity",
            "waiting_list_size", "registration_closes_on", "languages", "visibility",
        ]  # fmt: skip
        widgets = {
            "objectives": markdown_area(4),
            "description": markdown_area(4),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "registration_closes_on": DateInput(),
            "visibility": forms.RadioSelect,
        }
        help_texts = {
            "capacity": _("Leave empty for no limit. The workshop's facilitators are not counted."),
        }

    def __init__(self, *args, template=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Created from a template (see services.workshops.register_template): which one, and
        # the themes it asks for.
        self.template = template
        if template is not None:
            self.fields["template"] = forms.CharField(
                widget=forms.HiddenInput, initial=template.key, required=False
            )
            if template.asks_themes:
                self.fields["themes"] = ThemesField(
                    label=_("Themes of the workshop"),
                    queryset=Theme.objects.order_by("position", "name_fr"),
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                    help_text=_(
                        "People with recent successes on these themes (none ticked: on any "
                        "theme) are proposed as presenters in the agenda; you send the "
                        "invitations in one click."
                    ),
                )
        current = self.initial.get("time_zone") or self.instance.time_zone
        zones = list(COMMON_TIME_ZONES)
        if current and current not in zones:
            zones.insert(0, current)
        on = self.instance.start_date if self.instance.pk else None
        self.fields["time_zone"].choices = [
            (z, f"{time_zone_label(z, on=on)} — {z.replace('_', ' ')}") for z in zones
        ]
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_list
        else:
            self.initial.setdefault("languages", ["fr"])

    def clean_time_zone(self):
        value = self.cleaned_data["time_zone"]
        if value not in zoneinfo.available_timezones():
            raise forms.ValidationError(_("Unknown time zone."))
        return value

    def clean_languages(self):
        return ",".join(self.cleaned_data["languages"])

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day comes before the first day."))
        return data

    def template_options(self) -> dict:
        if self.template is None or not self.template.asks_themes:
            return {}
        return {"themes": list(self.cleaned_data.get("themes") or [])}

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("organisers", None)
        data.pop("template", None)
        data.pop("themes", None)
        data["country"] = data.get("country") or ""
        for name in ("venue", "city", "online_url", "description"):
            data[name] = data.get(name) or ""
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Message to the registered people"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# Registrations ------------------------------------------------------------------------


def theme_choices(workshop: Workshop):
    """The themes of the workshop's groups; all themes while the groups are not planned."""
    themes = Theme.objects.filter(workshop_sessions__workshop=workshop).distinct()
    if not themes.exists():
        themes = Theme.objects.select_related("parent")
    return themes.order_by("parent__position", "position")


def practice_choices(person, by=None):
    """What a presenter may bring: their own practices, or published ones of their organisations."""
    published = practice_rules.practices_visible_to(person).filter(
        lead_organisation__in=org_ids(person)
    )
    if by is not None and by.pk != person.pk:
        # Someone registering a colleague sees only what they may open themselves.
        published = published.filter(pk__in=practice_rules.practices_openable_by(by).values("pk"))
    own = Practice.objects.filter(authors=person).exclude(status=Practice.Status.ARCHIVED)
    return Practice.objects.filter(
        Q(pk__in=published.values("pk")) | Q(pk__in=own.values("pk"))
    ).order_by("title")


class RegistrationForm(forms.Form):
    person = PersonChoiceField(
        label=_("Person"), queryset=User.objects.none(), empty_label=_("Choose a person")
    )
    role = forms.ChoiceField(label=_("Role"), widget=forms.RadioSelect)
    organisation = forms.ModelChoiceField(
        label=_("For the organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No organisation"),
    )
    practice = forms.ModelChoiceField(
        label=_("Practice presented"),
        queryset=Practice.objects.none(),
        required=False,
        empty_label=_("No practice"),
        help_text=_("For presenters: the practice you will present, if it is already written."),
    )
    new_practice_title = forms.CharField(
        label=_("…or the title of a new practice"),
        max_length=200,
        required=False,
        help_text=_("A draft is created for you to complete before the workshop."),
    )
    first_choice = ThemeField(
        label=_("Group you would like to join"),
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("No preference"),
    )
    second_choice = ThemeField(
        label=_("Second choice"),
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("No preference"),
    )
    notes = forms.CharField(
        label=_("Anything the organisers should know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Diet, accessibility, arrival time… Only the facilitators read it."),
    )

    def __init__(self, *args, workshop, by, people=None, roles=None, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        roles = roles or [Registration.Role.PARTICIPANT, Registration.Role.PRESENTER]
        self.fields["role"].choices = [(r, Registration.Role(r).label.capitalize()) for r in roles]
        self.fields["role"].initial = Registration.Role.PARTICIPANT
        if people is None:
            del self.fields["person"]
        else:
            self.fields["person"].queryset = people
        self.person = person
        if person is None and people is not None:
            raw = self.data.get(self.add_prefix("person")) if self.is_bound else None
            person = people.filter(pk=raw).first() if raw and str(raw).isdigit() else None
        if person is not None:
            self.fields["organisation"].queryset = Organisation.objects.filter(
                memberships__user=person
            ).order_by("name")
            self.fields["practice"].queryset = practice_choices(person, by)
        else:
            self.fields["organisation"].queryset = Organisation.objects.order_by("name")
            self.fields["practice"].queryset = practice_rules.practices_openable_by(by).order_by(
                "title"
            )
        themes = theme_choices(workshop)
        self.fields["first_choice"].queryset = themes
        self.fields["second_choice"].queryset = themes

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("person", None)
        return data


class RegistrationChangeForm(forms.ModelForm):
    new_practice_title = RegistrationForm.base_fields["new_practice_title"]

    class Meta:
        model = Registration
        fields = ["role", "organisation", "practice", "first_choice", "second_choice", "notes"]
        widgets = {"role": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, by, can_assign_any_role: bool, **kwargs):
        super().__init__(*args, **kwargs)
        registration = self.instance
        person = registration.person
        self.order_fields(
            ["role", "organisation", "practice", "new_practice_title", "first_choice"]
        )
        if not can_assign_any_role:
            allowed = [Registration.Role.PARTICIPANT, Registration.Role.PRESENTER]
            if registration.role not in allowed:
                allowed.append(registration.role)
            self.fields["role"].choices = [
                (r, Registration.Role(r).label.capitalize()) for r in allowed
            ]
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=person
        ).order_by("name")
        self.fields["practice"].queryset = (
            practice_choices(person, by) | Practice.objects.filter(pk=registration.practice_id or 0)
        ).distinct()
        themes = theme_choices(registration.workshop)
        self.fields["first_choice"].queryset = themes
        self.fields["second_choice"].queryset = themes
        self.fields["first_choice"].label_from_instance = lambda t: t.name
        self.fields["second_choice"].label_from_instance = lambda t: t.name
        # Plain words for "nothing chosen" rather than Django's "---------".
        self.fields["organisation"].empty_label = _("No organisation")
        self.fields["practice"].empty_label = _("No practice")
        self.fields["first_choice"].empty_label = _("No preference")
        self.fields["second_choice"].empty_label = _("No preference")


# The agenda ---------------------------------------------------------------------------


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Session.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    day = forms.DateField(label=_("Day"), widget=DateInput())
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput())
    end = forms.TimeField(label=_("Ends at"), widget=TimeInput())
    room = forms.CharField(label=_("Room"), max_length=100, required=False)
    # Plain words for "nothing chosen" rather than Django's "---------".
    theme = ThemeField(
        label=_("Theme"), queryset=Theme.objects.none(), required=False, empty_label=_("No theme")
    )
    tool = forms.ModelChoiceField(
        label=_("Facilitation tool"),
        queryset=FacilitationTool.objects.none(),
        required=False,
        empty_label=_("No tool"),
    )
    facilitator = PersonChoiceField(
        label=_("Facilitator"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )
    presented_practice = forms.ModelChoiceField(
        label=_("Presented practice"),
        queryset=Practice.objects.none(),
        required=False,
        empty_label=_("No practice"),
    )
    presenter = PersonChoiceField(
        label=_("Presenter"), queryset=User.objects.none(), required=False, empty_label=_("Nobody")
    )
    rapporteur = PersonChoiceField(
        label=_("Rapporteur"), queryset=User.objects.none(), required=False, empty_label=_("Nobody")
    )
    members = PeopleChoiceField(
        label=_("Group members"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For group work. You can also split everyone at once from the groups page."),
    )
    description = forms.CharField(label=_("Description"), required=False, widget=markdown_area(3))

    def __init__(self, *args, workshop: Workshop, by, session: Session | None = None, **kwargs):
        if session is not None and "initial" not in kwargs:
            local_start = session.starts_at.astimezone(workshop.tz)
            kwargs["initial"] = {
                "kind": session.kind,
                "title": session.title,
                "day": local_start.date(),
                "start": local_start.time(),
                "end": session.ends_at.astimezone(workshop.tz).time(),
                "room": session.room,
                "theme": session.theme_id,
                "tool": session.tool_id,
                "facilitator": session.facilitator_id,
                "presented_practice": session.presented_practice_id,
                "presenter": session.presenter_id,
                "rapporteur": session.rapporteur_id,
                "members": list(session.members.values_list("pk", flat=True)),
                "description": session.description,
            }
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        self.fields["day"].widget.attrs.update(
            min=workshop.start_date.isoformat(), max=workshop.end_date.isoformat()
        )
        self.fields["day"].help_text = _("Between %(start)s and %(end)s.") % {
            "start": workshop.start_date.strftime("%d/%m/%Y"),
            "end": workshop.end_date.strftime("%d/%m/%Y"),
        }
        self.fields["theme"].queryset = Theme.objects.select_related("parent").order_by(
            "parent__position", "position"
        )
        self.fields["tool"].queryset = FacilitationTool.objects.ordered()
        registered = User.objects.filter(
            workshop_registrations__workshop=workshop,
            workshop_registrations__status=Registration.Status.CONFIRMED,
        )
        people = registered.filter(is_active=True) | User.objects.facilitators()
        people = people.distinct().order_by("display_name")
        self.fields["facilitator"].queryset = people
        self.fields["presenter"].queryset = people
        self.fields["rapporteur"].queryset = people
        self.fields["members"].queryset = registered.distinct().order_by("display_name")
        brought = Registration.objects.filter(workshop=workshop).values("practice_id")
        current = session.presented_practice_id if session else None
        self.fields["presented_practice"].queryset = Practice.objects.filter(
            Q(pk__in=brought)
            | Q(pk__in=practice_rules.practices_visible_to(by).values("pk"))
            | Q(pk=current or 0)
        ).order_by("title")

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The session ends before it starts."))
        return data

    def values(self) -> tuple[dict, list]:
        data = self.cleaned_data
        starts, ends = (
            self.workshop.at(data["day"], data["start"]),
            self.workshop.at(data["day"], data["end"]),
        )
        fields = {
            name: data[name]
            for name in (
                "kind", "title", "room", "theme", "tool", "facilitator", "presented_practice",
                "presenter", "rapporteur", "description",
            )
        }  # fmt: skip
        fields.update(starts_at=starts, ends_at=ends)
        return fields, list(data["members"])


def groups_form(*, registrations, sessions, data=None, initial=None):
    """One choice per person: which of these parallel groups they join."""
    choices = [("", _("— no group —"))] + [(str(s.pk), s.title) for s in sessions]
    fields = {}
    for registration in registrations:
        org = registration.organisation.short_name if registration.organisation else ""
        wish = registration.first_choice.name if registration.first_choice_id else ""
        label = str(registration.person) + (f" ({org})" if org else "")
        fields[f"person_{registration.person_id}"] = forms.ChoiceField(
            label=label,
            choices=choices,
            required=False,
            help_text=_("Wishes: %(theme)s") % {"theme": wish} if wish else "",
        )
    form_class = type("GroupsForm", (forms.Form,), fields)
    return form_class(data=data, initial=initial)


# During the workshop ------------------------------------------------------------------


class RestitutionForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Restitution
        fields = ["key_learnings", "successes", "shortcomings", "recommendations"]
        widgets = {
            "key_learnings": markdown_area(5),
            "successes": markdown_area(4),
            "shortcomings": markdown_area(4),
            "recommendations": markdown_area(4),
        }
        help_texts = {
            "key_learnings": _("What the group learned and wants others to know."),
            "successes": _("What worked, in the experiences the group shared."),
            "shortcomings": _("What did not work, or not yet, and why."),
            "recommendations": _("What the group recommends, and to whom."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "version" not in self.initial:
            self.initial["version"] = self.instance.version


class PhotoForm(forms.Form):
    file = forms.FileField(
        label=_("Photo of a flip chart"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)


class PracticeDraftForm(forms.Form):
    lead_organisation = forms.ModelChoiceField(
        label=_("Organisation the practice belongs to"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose the organisation"),
    )

    def __init__(self, *args, by, initial_organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = practice_rules.lead_organisation_choices(by).order_by("name")
        self.fields["lead_organisation"].queryset = choices
        if initial_organisation is not None and choices.filter(pk=initial_organisation.pk).exists():
            self.fields["lead_organisation"].initial = initial_organisation.pk
        elif choices.count() == 1:
            self.fields["lead_organisation"].initial = choices.first().pk


class ActionForm(forms.ModelForm):
    class Meta:
        model = CollectiveAction
        fields = [
            "title", "description", "owner_organisation", "owner_person", "due_date", "session",
            "status",
        ]  # fmt: skip
        widgets = {"description": markdown_area(3), "due_date": DateInput()}

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["owner_person"].queryset = (
            User.objects.filter(is_active=True, memberships__isnull=False)
            .distinct()
            .order_by("display_name")
        )
        self.fields["owner_person"].label_from_instance = str
        self.fields["session"].queryset = workshop.sessions.exclude(kind=Session.Kind.BREAK)
        self.fields["owner_organisation"].help_text = _("Name an organisation, a person, or both.")

    def clean(self):
        data = super().clean()
        if not data.get("owner_organisation") and not data.get("owner_person"):
            self.add_error(
                "owner_organisation", _("Name who carries it: an organisation, a person, or both.")
            )
        return data


class ActionProgressForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=CollectiveAction.Status.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Follow-up note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where it stands, what is blocking, what comes next."),
    )


RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


class EvaluationForm(forms.Form):
    overall = forms.TypedChoiceField(
        label=_("Overall, how useful was the workshop for you?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "stars"}),
        help_text=_("1: not at all · 5: very useful"),
    )
    most_useful = forms.CharField(
        label=_("What was most useful?"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    to_improve = forms.CharField(
        label=_("What should be improved next time?"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = [s for s in sessions if s.is_rated]
        for session in self.sessions:
            self.fields[f"session_{session.pk}"] = forms.TypedChoiceField(
                label=session.title,
                choices=RATING_CHOICES,
                coerce=int,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "stars"}),
            )

    def session_fields(self):
        return [self[f"session_{s.pk}"] for s in self.sessions]

    def ratings(self) -> dict[int, int]:
        return {
            s.pk: self.cleaned_data[f"session_{s.pk}"]
            for s in self.sessions
            if self.cleaned_data.get(f"session_{s.pk}") not in (None, "")
        }


class ReportForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=markdown_area(6),
        help_text=_("Why the workshop was held, how it went: a few sentences for the reader."),
    )
    conclusion = forms.CharField(
        label=_("Conclusion and next steps"), required=False, widget=markdown_area(6)
    )


class ToolForm(forms.ModelForm):
    class Meta:
        model = FacilitationTool
        fields = [
            "name_fr", "name_en", "purpose_fr", "purpose_en", "when_fr", "when_en", "steps_fr",
            "steps_en", "materials_fr", "materials_en", "tips_fr", "tips_en", "duration_min",
            "duration_max", "group_min", "group_max",
        ]  # fmt: skip
        widgets = {
            name: markdown_area(6 if name.startswith("steps") else 3)
            for name in (
                "purpose_fr", "purpose_en", "when_fr", "when_en", "steps_fr", "steps_en",
                "materials_fr", "materials_en", "tips_fr", "tips_en",
            )
        }  # fmt: skip
        help_texts = {
            "steps_fr": _("One step per line, numbered: 1. … 2. …"),
            "steps_en": _("One step per line, numbered: 1. … 2. …"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One language is enough to start; the other can be written later.
        for name in ("name_en", "purpose_fr", "when_fr", "steps_fr"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        if not (data.get("name_fr") or data.get("name_en")):
            self.add_error("name_fr", _("Give the tool a name."))
        for name in ("purpose", "when", "steps"):
            if not (data.get(f"{name}_fr") or data.get(f"{name}_en")):
                self.add_error(f"{name}_fr", _("Write this in French or in English."))
        if (data.get("duration_min") or 0) > (data.get("duration_max") or 10**6):
            self.add_error("duration_max", _("The shortest duration is longer than the longest."))
        if (data.get("group_min") or 0) > (data.get("group_max") or 10**6):
            self.add_error("group_max", _("The smallest group is larger than the largest."))
        return data


class ToolSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    people = forms.IntegerField(label=_("Number of people"), required=False, min_value=1)
    minutes = forms.IntegerField(label=_("Time available (minutes)"), required=False, min_value=5)
