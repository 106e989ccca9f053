"""Adoptions of practices, feedback reports on them, and each organisation's own indicators."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the last day of the month when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class AdoptionQuerySet(models.QuerySet["Adoption"]):
    def with_cards(self) -> AdoptionQuerySet:
        return self.select_related("practice", "organisation")

    def started(self) -> AdoptionQuerySet:
        return self.exclude(status=Adoption.Status.PLANNED)


class Adoption(models.Model):
    """An organisation putting a practice to work (a team, a project, a place)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")
        ABANDONED = "abandoned", _("abandoned")

    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    # The published version the team started from, so feedback can be read against it.
    revision = models.ForeignKey(
        "practices.Revision",
        verbose_name=_("version adopted"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    team = models.CharField(_("team"), max_length=200, blank=True)
    project_name = models.CharField(_("project"), max_length=200, blank=True)
    started_on = models.DateField(_("start date"))
    ended_on = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    context = models.TextField(
        _("context"),
        blank=True,
        help_text=_(
            "Where, with whom, and what is different from the original practice's setting."
        ),
    )
    adaptations = models.TextField(
        _("adaptations made"), blank=True, help_text=_("What you changed, and why.")
    )
    abandon_reason = models.TextField(_("why it was abandoned"), blank=True)
    country = CountryField(_("country"), blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_id = models.CharField(max_length=100, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["-started_on", "-pk"]
        indexes = [
            models.Index(fields=["practice", "status"]),
            models.Index(fields=["organisation", "status"]),
        ]

    def __str__(self) -> str:
        who = self.team or self.project_name or str(self.organisation)
        return f"{self.practice} — {who}"

    def get_absolute_url(self) -> str:
        return reverse("adoptions:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        """Still planned or under way: reminders and milestones apply."""
        return self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)

    @property
    def has_ended(self) -> bool:
        return self.status in (self.Status.COMPLETED, self.Status.ABANDONED)

    @property
    def place(self) -> str:
        country = self.country.name if self.country else ""
        return ", ".join(part for part in (self.region, str(country)) if part)

    def milestone_dates(self) -> list[tuple[int, date]]:

        return [
            (m, add_months(self.started_on, m)) for m in settings.ADOPTIONS_FEEDBACK_REMINDER_MONTHS
        ]


class FeedbackReport(models.Model):
    """How it went: a team's report on an adoption, at any time or when reminded."""

    class Visibility(models.TextChoices):
        NETWORK = "network", _("the network (members who can read the practice)")
        ORGANISATION = (
            "organisation",
            _("only my organisation, the practice's authors and the facilitators"),
        )

    adoption = models.ForeignKey(
        Adoption, verbose_name=_("adoption"), on_delete=models.CASCADE, related_name="reports"
    )
    reported_on = models.DateField(_("date of the report"))
    effectiveness = models.PositiveSmallIntegerField(
        _("effectiveness"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("From 1 (it did not work at all) to 5 (it worked very well)."),
    )
    results = models.TextField(_("results observed"), blank=True)
    difficulties = models.TextField(_("difficulties"), blank=True)
    suggestions = models.TextField(_("what should change in the practice"), blank=True)
    would_recommend = models.BooleanField(_("would recommend it"))
    status_at_report = models.CharField(
        _("status at the time of the report"), max_length=12, choices=Adoption.Status.choices
    )
    visibility = models.CharField(
        _("who can read the texts"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.NETWORK,
    )
    # The reminder milestone (months after the start) this report answers, if any.
    milestone_months = models.PositiveSmallIntegerField(null=True, blank=True)
    answer = models.TextField(_("the authors' answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # An author started a new version of the practice from this report; when it is
    # published, ``addressed_in`` links the report to that revision.
    revision_started_at = models.DateTimeField(null=True, blank=True)
    revision_started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    addressed_in = models.ForeignKey(
        "practices.Revision",
        verbose_name=_("addressed in version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="addressed_feedback",
    )
    external_id = models.CharField(max_length=100, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("feedback report")
        verbose_name_plural = _("feedback reports")
        ordering = ["-reported_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effectiveness__gte=1, effectiveness__lte=5),
                name="effectiveness_from_1_to_5",
            )
        ]
        indexes = [models.Index(fields=["adoption", "-reported_on"])]

    def __str__(self) -> str:
        return f"{self.adoption} ({self.reported_on:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("adoptions:detail", args=[self.adoption_id]) + f"#feedback-{self.pk}"

    @property
    def is_organisation_only(self) -> bool:
        return self.visibility == self.Visibility.ORGANISATION


class Indicator(models.Model):
    """One of an organisation's own indicators of success, with a baseline and a target."""

    class Direction(models.TextChoices):
        INCREASE = "increase", _("higher is better")
        DECREASE = "decrease", _("lower is better")

    class ValueType(models.TextChoices):
        NUMBER = "number", _("a number (decimals allowed)")
        INTEGER = "integer", _("a whole number (a count)")
        PERCENTAGE = "percentage", _("a percentage (0 to 100)")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(
        _("unit"),
        max_length=40,
        help_text=_("What is counted or measured: households, FCFA, days, kg…"),
    )
    value_type = models.CharField(
        _("kind of value"), max_length=12, choices=ValueType.choices, default=ValueType.NUMBER
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline_value = models.DecimalField(_("baseline value"), max_digits=18, decimal_places=4)
    baseline_date = models.DateField(_("baseline date"))
    target_value = models.DecimalField(_("target value"), max_digits=18, decimal_places=4)
    target_date = models.DateField(_("target date"))
    adoptions = models.ManyToManyField(
        Adoption, verbose_name=_("adoptions it follows"), blank=True, related_name="indicators"
    )
    external_id = models.CharField(max_length=100, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "organisation", name="one_indicator_name_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("adoptions:indicator", args=[self.pk])

    def progress(self, value: Decimal | None) -> float | None:
        """How far ``value`` has gone from the baseline towards the target, in percent.

        0 is the baseline, 100 the target; below 0 it went the wrong way, above 100 it
        went beyond the target. The direction is already in the sign of
        target − baseline, which the indicator's rules keep consistent.
        """
        if value is None:
            return None
        span = self.target_value - self.baseline_value
        if span == 0:
            return None
        return float((Decimal(value) - self.baseline_value) / span * 100)


class Measurement(models.Model):
    """A value of an indicator on a date, typed in or imported."""

    class Via(models.TextChoices):
        FORM = "form", _("typed in")
        IMPORT = "import", _("imported")
        API = "api", _("through the API")

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the figure comes from: register, survey, report…"),
    )
    comment = models.TextField(_("comment"), blank=True)
    via = models.CharField(max_length=8, choices=Via.choices, default=Via.FORM)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["measured_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="one_measurement_per_indicator_and_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.measured_on})"

    def get_absolute_url(self) -> str:
        return self.indicator.get_absolute_url() + f"#measurement-{self.pk}"


class FeedbackReminder(models.Model):
    """A milestone of an adoption already handled by the daily reminders: never twice."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="reminders")
    milestone_months = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    # False when a later milestone's reminder covered it (one message, not a pile).
    notified = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["adoption", "milestone_months"], name="one_reminder_per_milestone"
            )
        ]

    def __str__(self) -> str:
        return f"{self.adoption_id} @ {self.milestone_months} months"
