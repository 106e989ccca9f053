"""Exchange meetings: a light recurring meeting (a monthly "café palabre"), its dates,
the short presentations members propose for them, and the minutes written afterwards.

Each date of a meeting IS a workshop of the kind "exchange meeting" (see
``workshops.models.Workshop.Kind``): "I'll come" (registration), attendance, calendars
and "my agenda" are the workshops' own, with the same rules. ``Occurrence`` ties that
workshop to its meeting and holds what is the meeting's own: its minutes, and what they
became (a discussion, a practice draft).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from palabre.lib.visibility import Visibility

DEFAULT_TIME_ZONE = "Africa/Douala"


class Meeting(models.Model):
    """The series: what the meeting is, when it comes back, who organises it."""

    class Recurrence(models.TextChoices):
        WEEKLY = "weekly", _("every week")
        FORTNIGHTLY = "fortnightly", _("every two weeks")
        MONTHLY_WEEKDAY = "monthly_weekday", _("every month, on the same weekday")
        MONTHLY_DAY = "monthly_day", _("every month, on the same date")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it is about"), blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organising organisation"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    visibility = models.CharField(
        _("who can see it"), max_length=20, choices=Visibility.choices, default=Visibility.NETWORK
    )
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), blank=True, related_name="meetings"
    )
    recurrence = models.CharField(
        _("comes back"),
        max_length=20,
        choices=Recurrence.choices,
        default=Recurrence.MONTHLY_WEEKDAY,
    )
    first_date = models.DateField(_("first date"))
    until = models.DateField(_("last date"), null=True, blank=True)
    starts_at = models.TimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    time_zone = models.CharField(_("time zone"), max_length=64, default=DEFAULT_TIME_ZONE)
    venue = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    active = models.BooleanField(_("still held"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("exchange meeting")
        verbose_name_plural = _("exchange meetings")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone or DEFAULT_TIME_ZONE)

    @property
    def ends_at(self) -> time:
        start = datetime.combine(date(2000, 1, 1), self.starts_at)
        return (start + timedelta(minutes=self.duration_minutes)).time()

    def rule(self) -> rrule.rrule:
        """The dates of the series, as a dateutil rule starting on its first date."""
        start = datetime.combine(self.first_date, time(0, 0))
        until = datetime.combine(self.until, time(0, 0)) if self.until else None
        if self.recurrence == self.Recurrence.WEEKLY:
            return rrule.rrule(rrule.WEEKLY, dtstart=start, until=until)
        if self.recurrence == self.Recurrence.FORTNIGHTLY:
            return rrule.rrule(rrule.WEEKLY, interval=2, dtstart=start, until=until)
        if self.recurrence == self.Recurrence.MONTHLY_DAY:
            # The 31st in a 30-day month: the month's last day, not a skipped month.
            day = self.first_date.day
            return (
                rrule.rrule(
                    rrule.MONTHLY, dtstart=start, until=until, bymonthday=(day, -1), bysetpos=1
                )
                if day > 28
                else rrule.rrule(rrule.MONTHLY, dtstart=start, until=until)
            )
        return rrule.rrule(rrule.MONTHLY, dtstart=start, until=until, byweekday=self.weekday_rule())

    def weekday_rule(self) -> rrule.weekday:
        """ "The 2nd Tuesday", or "the last Friday" for a first date in the month's last week."""
        weekday = rrule.weekdays[self.first_date.weekday()]
        nth = (self.first_date.day - 1) // 7 + 1
        return weekday(-1 if nth >= 5 else nth)

    def next_date(self, after: date) -> date | None:
        """The first date of the series on or after ``after``, or None when it has ended."""
        found = self.rule().after(datetime.combine(after, time(0, 0)), inc=True)
        return found.date() if found else None

    def recurrence_text(self) -> str:
        """“every month, on the 2nd Tuesday”: the rule in words, in the active language."""
        if self.recurrence == self.Recurrence.MONTHLY_WEEKDAY:
            weekday = date_format(self.first_date, "l")
            nth = (self.first_date.day - 1) // 7 + 1
            if nth >= 5:
                return str(_("every month, on the last %(weekday)s")) % {"weekday": weekday}
            ordinal = [_("first"), _("second"), _("third"), _("fourth")][nth - 1]
            return str(_("every month, on the %(nth)s %(weekday)s")) % {
                "nth": ordinal,
                "weekday": weekday,
            }
        if self.recurrence == self.Recurrence.MONTHLY_DAY:
            return str(_("every month, on day %(day)s")) % {"day": self.first_date.day}
        weekday = date_format(self.first_date, "l")
        if self.recurrence == self.Recurrence.FORTNIGHTLY:
            return str(_("every other %(weekday)s")) % {"weekday": weekday}
        return str(_("every %(weekday)s")) % {"weekday": weekday}


class Occurrence(models.Model):
    """One date of a meeting: its workshop (of the kind "exchange meeting") carries the
    place, the "I'll come" registrations and attendance; the minutes are kept here."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="occurrences")
    workshop = models.OneToOneField(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="meeting_occurrence"
    )
    date = models.DateField(_("date"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    minutes_at = models.DateTimeField(null=True, blank=True)
    discussion = models.ForeignKey(
        "discussions.Thread",
        verbose_name=_("discussion started from the minutes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("practice drafted from the minutes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting date")
        verbose_name_plural = _("meeting dates")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "date"], name="one_occurrence_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} ({self.date.isoformat()})"

    def get_absolute_url(self) -> str:
        return reverse("meetings:occurrence", args=[self.pk])


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def accepted(self) -> ProposalQuerySet:
        return self.filter(status=Proposal.Status.ACCEPTED)

    def open(self) -> ProposalQuerySet:
        """Still in play: proposed, invited or accepted."""
        return self.filter(
            status__in=[Proposal.Status.PROPOSED, Proposal.Status.INVITED, Proposal.Status.ACCEPTED]
        )


class Proposal(models.Model):
    """A short experience presentation for one date: proposed by a member, or an
    invitation from the organiser that the person accepts or declines."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        INVITED = "invited", _("invited, waiting for an answer")
        ACCEPTED = "accepted", pgettext_lazy("proposal", "on the agenda")
        DECLINED = "declined", pgettext_lazy("proposal", "not kept")
        REFUSED = "refused", _("invitation declined")

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="proposals")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("presenter"),
        on_delete=models.CASCADE,
        related_name="meeting_proposals",
    )
    title = models.CharField(_("title of the presentation"), max_length=200, blank=True)
    summary = models.TextField(_("in a few lines"), blank=True)
    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("the practice it presents"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    position = models.PositiveSmallIntegerField(_("order on the agenda"), default=0)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("why this person"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("presentation proposal")
        verbose_name_plural = _("presentation proposals")
        ordering = ["position", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "person"],
                condition=models.Q(status="invited"),
                name="one_open_invitation_each",
            ),
            models.UniqueConstraint(
                fields=["occurrence", "person", "title"],
                condition=~models.Q(title=""),
                name="one_proposal_per_title",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.person} @ {self.occurrence}"

    @property
    def is_invitation(self) -> bool:
        return self.invited_by_id is not None
