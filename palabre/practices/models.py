"""The fiche de capitalisation: a practice, its steps, attachments, revisions and reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from palabre.lib.models import UploadedFile, stored_name
from palabre.lib.visibility import Visibility

LONG_TEXTS = (
    "context", "objectives", "beneficiaries", "stakeholders", "approach", "resources",
    "results", "success_factors", "difficulties", "lessons", "sustainability", "replication",
)  # fmt: skip


class PracticeQuerySet(models.QuerySet["Practice"]):
    def published(self) -> PracticeQuerySet:
        return self.filter(status=Practice.Status.PUBLISHED)

    def with_cards(self) -> PracticeQuerySet:
        """What a list of practices shows, in a fixed number of queries, without the long
        texts of the fiche (they would make every row of a list heavy to read)."""
        return (
            self.select_related("lead_organisation").prefetch_related("themes").defer(*LONG_TEXTS)
        )


class Practice(models.Model):
    class Kind(models.TextChoices):
        GOOD_PRACTICE = "good_practice", _("good practice")
        LESSON_LEARNED = "lesson_learned", _("lesson learned (what failed and why)")
        INNOVATION = "innovation", _("innovation (in progress)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for review")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    class Maturity(models.TextChoices):
        INNOVATION = "innovation", _("innovation: not yet tried elsewhere")
        PROMISING = "promising", _("promising: worked once elsewhere")
        PROVEN = "proven", _("proven in several contexts")
        INSTITUTIONALISED = "institutionalised", _("institutionalised")

    # Identity
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.GOOD_PRACTICE
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        db_index=False,  # indexed where set: see Meta.indexes
    )
    summary = models.TextField(_("summary"), blank=True)

    # The fiche, section by section (Markdown)
    context = models.TextField(_("context and problem"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    beneficiaries = models.TextField(_("beneficiaries"), blank=True)
    beneficiaries_women = models.PositiveIntegerField(_("women reached"), null=True, blank=True)
    beneficiaries_men = models.PositiveIntegerField(_("men reached"), null=True, blank=True)
    stakeholders = models.TextField(_("stakeholders and their roles"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    resources = models.TextField(_("resources needed"), blank=True)
    cost_amount = models.DecimalField(
        _("cost"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    cost_currency = models.CharField(_("currency"), max_length=3, default=settings.DEFAULT_CURRENCY)
    results = models.TextField(_("results and effects"), blank=True)
    success_factors = models.TextField(_("success factors"), blank=True)
    difficulties = models.TextField(_("difficulties and shortcomings"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    sustainability = models.TextField(_("sustainability"), blank=True)
    replication = models.TextField(_("conditions for replication"), blank=True)

    # Where, when, who
    period_start = models.DateField(_("started"), null=True, blank=True)
    period_end = models.DateField(_("ended"), null=True, blank=True)
    # The year the practice started, kept for the search facet (set on save).
    period_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    country = CountryField(_("country"), blank=True, default="CM")
    region = models.CharField(_("region"), max_length=100, blank=True)
    project_name = models.CharField(_("project"), max_length=200, blank=True)
    lead_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_practices",
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("authors"), related_name="practices"
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_practices",
    )
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), blank=True, related_name="practices"
    )
    tags = models.ManyToManyField(
        "themes.Tag", verbose_name=_("tags"), blank=True, related_name="practices"
    )

    # Life cycle
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    visibility = models.CharField(
        _("who can read it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.NETWORK,
    )
    maturity = models.CharField(
        _("maturity"), max_length=20, choices=Maturity.choices, default=Maturity.INNOVATION
    )
    # Kept up to date by the adoptions app, for sorting by "most adopted".
    adoption_count = models.PositiveIntegerField(_("adoptions"), default=0)
    # A new version of a published practice is written as a separate draft that
    # replaces the published text when it is published in turn.
    revises = models.OneToOneField(
        "self",
        verbose_name=_("new version of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pending_version",
    )
    # Incremented on every save: two people editing the same draft is detected, not lost.
    version = models.PositiveIntegerField(default=1)
    external_id = models.CharField(max_length=100, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    last_published_at = models.DateTimeField(_("last published"), null=True, blank=True)
    review_by = models.DateField(_("to be reviewed by"), null=True, blank=True)
    review_reminded_at = models.DateTimeField(null=True, blank=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-last_published_at", "-updated_at"]
        indexes = [
            models.Index(fields=["status", "visibility", "-last_published_at"]),
            models.Index(fields=["lead_organisation", "status"]),
            # Covers the columns that search facets count and sort on, so that counting
            # tens of thousands of matches reads this small index, not the wide rows.
            models.Index(
                fields=[
                    "status",
                    "visibility",
                    "kind",
                    "maturity",
                    "country",
                    "language",
                    "lead_organisation",
                    "period_year",
                    "last_published_at",
                    "adoption_count",
                    # Lists show one entry per practice and its translations: with this,
                    # counting a list of 100,000 practices reads the index alone (32 ms
                    # instead of 118 on SQLite).
                    "translation_of",
                ],
                # PostgreSQL joins on the id from the index alone (SQLite's indexes
                # always carry it).
                include=["id"],
                name="practice_facets",
            ),
            # Most practices are no translation: an index of every row would hold mostly
            # NULLs, and SQLite's ANALYZE would then judge it useless (it counts the NULLs
            # as one value) and read the whole table to find a practice's translations.
            models.Index(
                fields=["translation_of"],
                condition=models.Q(translation_of__isnull=False),
                name="practice_translations",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.period_year = self.period_start.year if self.period_start else None
        if kwargs.get("update_fields") is not None and "period_start" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "period_year"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("practices:detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.CHANGES_REQUESTED)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def beneficiaries_total(self) -> int | None:
        if self.beneficiaries_women is None and self.beneficiaries_men is None:
            return None
        return (self.beneficiaries_women or 0) + (self.beneficiaries_men or 0)

    @property
    def read_in_label(self) -> str:
        """A link to this version, written in its own language (so anyone can find theirs)."""
        return {"fr": "Lire en français", "en": "Read in English"}.get(self.language, self.language)

    @property
    def is_past_review(self) -> bool:
        from django.utils import timezone

        return bool(self.is_published and self.review_by and self.review_by < timezone.localdate())


class Step(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("step"), max_length=200)
    description = models.TextField(_("what was done"), blank=True)
    what_made_it_work = models.TextField(_("what made it work"), blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


def attachment_path(instance: Attachment, filename: str) -> str:
    """Kept for the migrations written before ``lib.models.stored_name``."""
    return stored_name(instance, filename)


class Attachment(UploadedFile):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("document")
        PHOTO = "photo", _("photo")
        AUDIO = "audio", _("audio testimony")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta(UploadedFile.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def get_absolute_url(self) -> str:
        return reverse("practices:attachment", args=[self.practice_id, self.pk])

    def upload_folder(self) -> str:
        return f"practices/{self.practice_id}"


class Revision(models.Model):
    """What a practice said when it was published, kept for the history and diffs."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField()
    note = models.CharField(_("what changed"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "number"], name="one_number_per_revision")
        ]

    def __str__(self) -> str:
        return f"{self.practice} #{self.number}"


class ReviewComment(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="review_comments")
    section = models.CharField(_("section"), max_length=30)
    body = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class SavedPractice(models.Model):
    """A practice a person keeps to read again (and offline)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_practices"
    )
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="saves")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "practice"], name="save_once")]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} ♥ {self.practice}"


class DailyCount(models.Model):
    """How often a practice was read or downloaded, per day, without recording by whom."""

    class Event(models.TextChoices):
        VIEW = "view", _("views")
        PDF = "pdf", _("PDF downloads")
        ATTACHMENT = "attachment", _("attachment downloads")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="daily_counts")
    day = models.DateField()
    event = models.CharField(max_length=12, choices=Event.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["practice", "day", "event"], name="one_count_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.practice_id} {self.day} {self.event}={self.count}"
