"""Internal training built on shared practices: what people want to learn, trainings
composed from practices, their quiz, their sessions and whether those trained applied it.

A training session is a workshop of the kind "training session" (see workshops.models):
registration, waiting list, attendance, evaluation, calendars and reminders are the
workshops' own, with the same rules; ``TrainingSession`` ties it to its training.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from palabre.lib.models import UploadedFile
from palabre.lib.visibility import Visibility


def duration_text(minutes: int) -> str:
    """“3 hours”, “1 hour 30 minutes”, “45 minutes”, in the active language."""
    hours, rest = divmod(max(minutes, 0), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if rest or not hours:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest})
    return " ".join(parts)


class LearningWish(models.Model):
    """ "I want to learn this": a person's wish about a practice or a theme, a need signal."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_wishes"
    )
    practice = models.ForeignKey(
        "practices.Practice", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(
        "themes.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("what I would like to learn"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("learning wish")
        verbose_name_plural = _("learning wishes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(practice__isnull=False, theme__isnull=True)
                | models.Q(practice__isnull=True, theme__isnull=False),
                name="wish_is_about_a_practice_or_a_theme",
            ),
            models.UniqueConstraint(
                fields=["person", "practice"],
                condition=models.Q(practice__isnull=False),
                name="one_wish_per_practice",
            ),
            models.UniqueConstraint(
                fields=["person", "theme"],
                condition=models.Q(theme__isnull=False),
                name="one_wish_per_theme",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.practice or self.theme}"


class NeedDecision(models.Model):
    """What facilitators or an org admin decided about a training need of a theme (for the
    whole network, or for one organisation): covered, or turned into a training."""

    class Status(models.TextChoices):
        COVERED = "covered", _("covered")
        TRAINING = "training", _("turned into a training")

    theme = models.ForeignKey("themes.Theme", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(_("decision"), max_length=10, choices=Status.choices)
    training = models.ForeignKey(
        "Training", null=True, blank=True, on_delete=models.SET_NULL, related_name="needs"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("training need decision")
        verbose_name_plural = _("training need decisions")
        ordering = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.theme} {self.status}"


class Training(models.Model):
    """A training module built on one or more practices, reviewed and published like them."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for review")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    title = models.CharField(_("title"), max_length=200)
    objectives = models.TextField(_("objectives"))
    audience = models.TextField(_("for whom"), blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=120)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    themes = models.ManyToManyField("themes.Theme", verbose_name=_("themes"), related_name="+")
    visibility = models.CharField(
        _("who can see it"), max_length=20, choices=Visibility.choices, default=Visibility.NETWORK
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    practices = models.ManyToManyField(
        "practices.Practice",
        verbose_name=_("practices it is built on"),
        through="TrainingPractice",
        related_name="trainings",
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), related_name="trainings_given"
    )
    # Pulled in from the practices as a starting point, then edited (Markdown).
    content = models.TextField(_("steps and content"), blank=True)
    facilitator_guide = models.TextField(_("facilitator's guide"), blank=True)
    handout = models.TextField(_("participant handout"), blank=True)
    checklist = models.TextField(
        _("checklist to apply the practice"), blank=True, help_text=_("One item per line.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:training", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def duration_display(self) -> str:
        return duration_text(self.duration_minutes)

    def checklist_items(self) -> list[str]:
        return [line.strip("-•* \t") for line in self.checklist.splitlines() if line.strip()]


class TrainingPractice(models.Model):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="+")
    practice = models.ForeignKey("practices.Practice", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "practice"], name="practice_once_per_training"
            )
        ]

    def __str__(self) -> str:
        return f"{self.training_id}:{self.practice_id}"


class TrainingMaterial(UploadedFile):
    """A file given with a training (same upload checks as practice attachments)."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="materials")

    class Meta(UploadedFile.Meta):
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")

    def upload_folder(self) -> str:
        return f"trainings/{self.training_id}"


class QuizQuestion(models.Model):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    explanation = models.TextField(_("explanation of the right answer"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class QuizOption(models.Model):
    question = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("answer"), max_length=300)
    is_correct = models.BooleanField(_("right answer"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class TrainingSession(models.Model):
    """A training given on dates: its workshop (of the kind "training session") carries
    the place, capacity, registrations, waiting list, attendance and evaluation."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="sessions")
    workshop = models.OneToOneField(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="training_session"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-workshop__start_date", "-pk"]

    def __str__(self) -> str:
        return str(self.workshop)

    def get_absolute_url(self) -> str:
        return reverse("learning:session", args=[self.pk])


class QuizAttempt(models.Model):
    """A participant's answers to the quiz, before or after a session: once each."""

    class Moment(models.TextChoices):
        BEFORE = "before", _("before the session")
        AFTER = "after", _("after the session")

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="attempts")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    moment = models.CharField(_("when"), max_length=8, choices=Moment.choices)
    answers = models.JSONField(default=dict)  # {question id: option id}
    score = models.PositiveSmallIntegerField(_("right answers"))
    out_of = models.PositiveSmallIntegerField(_("questions"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person", "moment"], name="one_attempt_per_moment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.moment} {self.score}/{self.out_of}"


class FollowUp(models.Model):
    """Some months after a session, each person who attended is asked whether they applied
    what they learned; a "yes" starts an adoption for their organisation."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="follow_ups"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_follow_ups"
    )
    due_on = models.DateField(_("asked on"))
    asked_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    applied = models.BooleanField(_("applied it"), null=True)
    note = models.TextField(_("how it went"), blank=True)
    adoption = models.ForeignKey(
        "adoptions.Adoption", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("training follow-up")
        verbose_name_plural = _("training follow-ups")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_follow_up_each")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.session} {self.applied}"


class SearchTally(models.Model):
    """How often something was searched on one day, and how many results it found: themes
    searched often with few results are a training need. Who searched is not kept."""

    day = models.DateField()
    query = models.CharField(max_length=200)  # folded: lower case, no accents, one space
    results = models.PositiveIntegerField(default=0)  # the last count found
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search tally")
        verbose_name_plural = _("search tallies")
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="one_tally_per_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.query} ×{self.count}"
