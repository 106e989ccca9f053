"""Exchange workshops: registrations, the agenda and its groups, restitutions, actions, evaluation.

Also the facilitation toolbox, the techniques a session can be run with.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from palabre.lib.models import UploadedFile, stored_name
from palabre.lib.visibility import Visibility
from palabre.workshops.zones import time_zone_label

DEFAULT_TIME_ZONE = "Africa/Douala"


def _localised(obj, name: str) -> str:
    """The French or English text of a bilingual field, falling back on the other language."""
    french, english = getattr(obj, f"{name}_fr"), getattr(obj, f"{name}_en")
    if translation.get_language() == "en":
        return english or french
    return french or english


# The facilitation toolbox ------------------------------------------------------------


class FacilitationToolQuerySet(models.QuerySet["FacilitationTool"]):
    def ordered(self) -> FacilitationToolQuerySet:
        field = "name_en" if translation.get_language() == "en" else "name_fr"
        return self.order_by(field)


class FacilitationTool(models.Model):
    """A well-known way of running a session (world café, problem tree…), in both languages."""

    slug = models.SlugField(_("short address"), max_length=80, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    purpose_fr = models.TextField(_("purpose (French)"))
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    when_fr = models.TextField(_("when to use it (French)"))
    when_en = models.TextField(_("when to use it (English)"), blank=True)
    steps_fr = models.TextField(_("steps (French)"))
    steps_en = models.TextField(_("steps (English)"), blank=True)
    materials_fr = models.TextField(_("materials (French)"), blank=True)
    materials_en = models.TextField(_("materials (English)"), blank=True)
    tips_fr = models.TextField(_("tips and pitfalls (French)"), blank=True)
    tips_en = models.TextField(_("tips and pitfalls (English)"), blank=True)
    duration_min = models.PositiveSmallIntegerField(
        _("shortest duration (minutes)"), validators=[MinValueValidator(5)]
    )
    duration_max = models.PositiveSmallIntegerField(
        _("longest duration (minutes)"), validators=[MinValueValidator(5)]
    )
    group_min = models.PositiveSmallIntegerField(
        _("smallest group (people)"), validators=[MinValueValidator(1)]
    )
    group_max = models.PositiveSmallIntegerField(
        _("largest group (people)"), validators=[MinValueValidator(1)]
    )
    # Seeded with Palabre; the others were added by the network's facilitators.
    builtin = models.BooleanField(default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = FacilitationToolQuerySet.as_manager()

    class Meta:
        verbose_name = _("facilitation tool")
        verbose_name_plural = _("facilitation tools")
        ordering = ["name_fr"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("workshops:tool", args=[self.slug])

    @property
    def name(self) -> str:
        return _localised(self, "name")

    @property
    def purpose(self) -> str:
        return _localised(self, "purpose")

    @property
    def when_to_use(self) -> str:
        return _localised(self, "when")

    @property
    def steps(self) -> str:
        return _localised(self, "steps")

    @property
    def materials(self) -> str:
        return _localised(self, "materials")

    @property
    def tips(self) -> str:
        return _localised(self, "tips")


# Workshops ----------------------------------------------------------------------------


class WorkshopQuerySet(models.QuerySet["Workshop"]):
    def upcoming(self, today: date | None = None) -> WorkshopQuerySet:
        return self.filter(end_date__gte=today or timezone.localdate())

    def past(self, today: date | None = None) -> WorkshopQuerySet:
        return self.filter(end_date__lt=today or timezone.localdate())


class Workshop(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft (facilitators only)")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    class Kind(models.TextChoices):
        EXCHANGE = "exchange", _("exchange workshop")
        # A session of an internal training (palabre.learning): the same registration,
        # attendance and evaluation as a workshop, listed with its training.
        TRAINING = "training", _("training session")
        # A date of a recurring exchange meeting (palabre.meetings): "I'll come",
        # attendance and calendars as for a workshop, listed with its meeting.
        MEETING = "meeting", _("exchange meeting")

    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.EXCHANGE, db_index=True
    )

    title = models.CharField(_("title"), max_length=200)
    objectives = models.TextField(_("objectives"))
    description = models.TextField(_("presentation"), blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone"), max_length=64, default=DEFAULT_TIME_ZONE)
    venue = models.CharField(_("place"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True, default="CM")
    online_url = models.URLField(_("online link"), blank=True)
    organisers = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organising organisations"),
        related_name="organised_workshops",
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    waiting_list_size = models.PositiveIntegerField(
        _("places on the waiting list"),
        default=10,
        help_text=_("When the workshop is full, this many more people can wait for a place."),
    )
    registration_closes_on = models.DateField(
        _("registrations close on"),
        null=True,
        blank=True,
        help_text=_("The last day to register. Empty: until the workshop begins."),
    )
    languages = models.CharField(_("languages"), max_length=40, default="fr")
    visibility = models.CharField(
        _("who can see it"), max_length=20, choices=Visibility.choices, default=Visibility.NETWORK
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    evaluation_closed = models.BooleanField(_("evaluation closed"), default=False)
    evaluation_invited_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The report: assembled from the workshop, with the facilitators' own words around it.
    report_introduction = models.TextField(_("introduction of the report"), blank=True)
    report_conclusion = models.TextField(_("conclusion and next steps"), blank=True)
    report_version = models.PositiveIntegerField(default=1)
    report_shared_at = models.DateTimeField(_("report shared"), null=True, blank=True)

    external_id = models.CharField(max_length=100, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["status", "visibility", "end_date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:detail", args=[self.pk])

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone or DEFAULT_TIME_ZONE)

    @property
    def time_zone_label(self) -> str:
        """The time zone as people say it, with the offset of the workshop's first day."""
        return time_zone_label(self.time_zone or DEFAULT_TIME_ZONE, on=self.start_date)

    def today(self) -> date:
        """Today where the workshop happens."""
        return timezone.localtime(timezone.now(), self.tz).date()

    def at(self, day: date, moment: time) -> datetime:
        """A moment of a day, in the workshop's time zone."""
        return datetime.combine(day, moment, tzinfo=self.tz)

    @property
    def days(self) -> list[date]:
        from datetime import timedelta

        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=n) for n in range(max(count, 0))]

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.language_list]

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.end_date < self.today()

    @property
    def has_started(self) -> bool:
        return self.start_date <= self.today()

    @property
    def last_registration_day(self) -> date:
        from datetime import timedelta

        return self.registration_closes_on or (self.start_date - timedelta(days=1))

    @property
    def registration_is_open(self) -> bool:
        return self.is_published and self.today() <= self.last_registration_day

    @property
    def evaluation_is_open(self) -> bool:
        return self.is_published and self.has_started and not self.evaluation_closed

    @property
    def place(self) -> str:
        return ", ".join(p for p in (self.venue, self.city) if p)


class Session(models.Model):
    """One slot of the agenda: a plenary, an experience presentation, a group (carrefour)…"""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("plenary")
        PRESENTATION = "presentation", _("experience presentation")
        GROUP_WORK = "group_work", _("group work (carrefour)")
        RESTITUTION = "restitution", _("restitution")
        EVALUATION = "evaluation", _("evaluation")
        BREAK = "break", _("break")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLENARY)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    theme = models.ForeignKey(
        "themes.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_sessions",
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_sessions",
    )
    tool = models.ForeignKey(
        FacilitationTool,
        verbose_name=_("facilitation tool"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    presented_practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("presented practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_sessions",
    )
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("presenter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presented_sessions",
    )
    rapporteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rapporteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_sessions",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("group members"),
        through="GroupMember",
        blank=True,
        related_name="workshop_groups",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "title", "pk"]
        indexes = [models.Index(fields=["workshop", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:session", args=[self.workshop_id, self.pk])

    @property
    def is_group(self) -> bool:
        return self.kind == self.Kind.GROUP_WORK

    @property
    def takes_restitution(self) -> bool:
        """Group work and presentations are written up; plenaries and breaks are not."""
        return self.kind in (self.Kind.GROUP_WORK, self.Kind.PRESENTATION)

    @property
    def takes_attendance(self) -> bool:
        return self.kind != self.Kind.BREAK

    @property
    def is_rated(self) -> bool:
        return self.kind not in (self.Kind.BREAK, self.Kind.EVALUATION)


class GroupMember(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="once_per_group")]

    def __str__(self) -> str:
        return f"{self.person} @ {self.session}"


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def confirmed(self) -> RegistrationQuerySet:
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self) -> RegistrationQuerySet:
        return self.filter(status=Registration.Status.WAITLISTED)

    def active(self) -> RegistrationQuerySet:
        return self.exclude(status=Registration.Status.CANCELLED)


class Registration(models.Model):
    class Role(models.TextChoices):
        # A context of their own: "facilitator" is also a network role, translated apart.
        PARTICIPANT = "participant", pgettext_lazy("workshop role", "participant")
        PRESENTER = "presenter", pgettext_lazy("workshop role", "presenter")
        FACILITATOR = "facilitator", pgettext_lazy("workshop role", "facilitator")
        RAPPORTEUR = "rapporteur", pgettext_lazy("workshop role", "rapporteur")

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="workshop_registrations",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("for the organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_registrations",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=Role.choices, default=Role.PARTICIPANT
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("practice presented"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_registrations",
    )
    first_choice = models.ForeignKey(
        "themes.Theme",
        verbose_name=_("first choice of group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    second_choice = models.ForeignKey(
        "themes.Theme",
        verbose_name=_("second choice of group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("anything the organisers should know"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("registered on"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "person"], name="one_registration_each")
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.workshop}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workshop_attendance"
    )
    present = models.BooleanField(_("present"), default=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_attendance_each")
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.session}: {self.present}"


# What the workshop produced ----------------------------------------------------------


class Restitution(models.Model):
    """What a group (or a presentation's discussion) brought back to the plenary."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        FINAL = "final", _("final")

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="restitution")
    key_learnings = models.TextField(_("key learnings"), blank=True)
    successes = models.TextField(_("successes"), blank=True)
    shortcomings = models.TextField(_("shortcomings"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT
    )
    # Incremented on every save: two people writing at once is detected, not lost.
    version = models.PositiveIntegerField(default=1)
    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("practice written from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    finalised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("restitution")
        verbose_name_plural = _("restitutions")

    def __str__(self) -> str:
        return str(self.session)

    def get_absolute_url(self) -> str:
        return self.session.get_absolute_url()

    @property
    def is_final(self) -> bool:
        return self.status == self.Status.FINAL

    @property
    def is_empty(self) -> bool:
        return not any(
            (self.key_learnings, self.successes, self.shortcomings, self.recommendations)
        )


def photo_path(instance: RestitutionPhoto, filename: str) -> str:
    """Kept for the migrations written before ``lib.models.stored_name``."""
    return stored_name(instance, filename)


class RestitutionPhoto(UploadedFile):
    """A photo of a flip chart, kept with the restitution it illustrates."""

    restitution = models.ForeignKey(Restitution, on_delete=models.CASCADE, related_name="photos")

    class Meta(UploadedFile.Meta):
        verbose_name = _("flip chart photo")
        verbose_name_plural = _("flip chart photos")

    def upload_folder(self) -> str:
        return f"workshops/{self.restitution_id}"


class CollectiveActionQuerySet(models.QuerySet["CollectiveAction"]):
    def open(self) -> CollectiveActionQuerySet:
        return self.filter(
            status__in=[CollectiveAction.Status.PLANNED, CollectiveAction.Status.IN_PROGRESS]
        )

    def overdue(self, today: date | None = None) -> CollectiveActionQuerySet:
        return self.open().filter(due_date__lt=today or timezone.localdate())


class CollectiveAction(models.Model):
    """Something the workshop decided to do together, and who carries it."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("to do")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="actions")
    session = models.ForeignKey(
        Session,
        verbose_name=_("decided during"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    title = models.CharField(_("what"), max_length=300)
    description = models.TextField(_("details"), blank=True)
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation in charge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_actions",
    )
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person in charge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_actions",
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CollectiveActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("collective action")
        verbose_name_plural = _("collective actions")
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:action", args=[self.workshop_id, self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date < timezone.localdate()

    @property
    def owner_label(self) -> str:
        names = [str(x) for x in (self.owner_person, self.owner_organisation) if x is not None]
        if self.owner_person is not None and self.owner_organisation is not None:
            return f"{self.owner_person} ({self.owner_organisation.short_name})"
        return " / ".join(names)


class ActionUpdate(models.Model):
    """A follow-up note on an action, with the status it moved to."""

    action = models.ForeignKey(CollectiveAction, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("follow-up note"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=CollectiveAction.Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.note[:60]


RATING = [MinValueValidator(1), MaxValueValidator(5)]


class Evaluation(models.Model):
    """One participant's evaluation of the workshop. Results are shown without names."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="evaluations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    overall = models.PositiveSmallIntegerField(_("overall rating"), validators=RATING)
    most_useful = models.TextField(_("what was most useful"), blank=True)
    to_improve = models.TextField(_("what to improve"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "person"], name="one_evaluation_each")
        ]

    def __str__(self) -> str:
        return f"{self.workshop} ({self.overall}/5)"


class SessionRating(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="ratings")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="ratings")
    rating = models.PositiveSmallIntegerField(_("rating"), validators=RATING)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "session"], name="one_rating_each")
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.rating}"
