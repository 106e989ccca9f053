"""Discussion spaces, their threads (questions or discussions), answers and subscriptions.

A space is what people discuss: a practice, a theme, or a workshop. Who may read a
thread follows its space; see palabre.permissions.discussions.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palabre.workshops.models import Workshop


class Space(models.Model):
    class Kind(models.TextChoices):
        THEME = "theme", _("theme")
        PRACTICE = "practice", _("practice")
        WORKSHOP = "workshop", _("workshop")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    theme = models.ForeignKey(
        "themes.Theme",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="discussion_spaces",
    )
    practice = models.ForeignKey(
        "practices.Practice",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="discussion_spaces",
    )
    # The workshop's id (a plain id: the two apps were written apart; the space reads
    # its workshop through ``subject``, and the rules through permissions.workshops).
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("discussion space")
        verbose_name_plural = _("discussion spaces")
        constraints = [
            models.UniqueConstraint(
                fields=["theme"], condition=Q(kind="theme"), name="one_space_per_theme"
            ),
            models.UniqueConstraint(
                fields=["practice"], condition=Q(kind="practice"), name="one_space_per_practice"
            ),
            models.UniqueConstraint(
                fields=["object_id"], condition=Q(kind="workshop"), name="one_space_per_workshop"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="theme",
                        theme__isnull=False,
                        practice__isnull=True,
                        object_id__isnull=True,
                    )
                    | Q(
                        kind="practice",
                        practice__isnull=False,
                        theme__isnull=True,
                        object_id__isnull=True,
                    )
                    | Q(
                        kind="workshop",
                        object_id__isnull=False,
                        theme__isnull=True,
                        practice__isnull=True,
                    )
                ),
                name="space_refers_to_its_kind",
            ),
        ]

    def __str__(self) -> str:
        subject = self.subject
        return str(subject) if subject is not None else f"{self.kind} {self.object_id}"

    def get_absolute_url(self) -> str:
        if self.kind == self.Kind.THEME:
            return reverse("discussions:theme", args=[self.theme.slug])
        if self.kind == self.Kind.PRACTICE:
            return reverse("discussions:practice", args=[self.practice_id])
        return reverse("discussions:workshop", args=[self.object_id])

    @classmethod
    def read_workshops(cls, spaces) -> None:
        """Read the workshops of these spaces in one query, with the organisers their
        rules need, so that ``subject`` asks nothing more for each one."""

        wanted = [s for s in spaces if s.kind == cls.Kind.WORKSHOP and not hasattr(s, "_workshop")]
        if not wanted:
            return
        found = Workshop.objects.prefetch_related("organisers").in_bulk(
            {s.object_id for s in wanted}
        )
        for space in wanted:
            space._workshop = found.get(space.object_id)

    @property
    def subject(self):
        """The theme, practice or workshop discussed."""
        if self.kind == self.Kind.THEME:
            return self.theme
        if self.kind == self.Kind.PRACTICE:
            return self.practice
        if not hasattr(self, "_workshop"):
            self._workshop = Workshop.objects.filter(pk=self.object_id).first()
        return self._workshop


class Post(models.Model):
    """What a thread's opening and its answers share: an author, Markdown, edits and hiding."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("written"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.CharField(_("reason"), max_length=300, blank=True)
    # A key sent with the form: the same submission twice keeps one post.
    submission_key = models.CharField(max_length=64, blank=True)

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def hidden_by_author(self) -> bool:
        return self.is_hidden and self.hidden_by_id == self.author_id


class ThreadQuerySet(models.QuerySet["Thread"]):
    def questions(self) -> ThreadQuerySet:
        return self.filter(kind=Thread.Kind.QUESTION)


class Thread(Post):
    class Kind(models.TextChoices):
        QUESTION = "question", _("question")
        DISCUSSION = "discussion", _("discussion")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="threads")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.QUESTION)
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
    )
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    accepted_answer = models.ForeignKey(
        "Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    # When the daily job first found this question unanswered and told who could help.
    unanswered_flagged_at = models.DateTimeField(null=True, blank=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [
            models.Index(fields=["space", "-last_activity_at"]),
            models.Index(fields=["kind", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                condition=~Q(submission_key=""),
                name="one_thread_per_submission",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("discussions:thread", args=[self.pk])

    @property
    def is_question(self) -> bool:
        return self.kind == self.Kind.QUESTION


class Answer(Post):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_answers",
    )
    # The answer this one quotes, shown above it (as it is now: a hidden one stays hidden).
    quoted = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                condition=~Q(submission_key=""),
                name="one_answer_per_submission",
            )
        ]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.get_absolute_url()}#answer-{self.pk}"

    @property
    def is_accepted(self) -> bool:
        return self.thread.accepted_answer_id == self.pk


class UsefulMark(models.Model):
    """A member found this answer useful (one mark per person)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="useful_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "user"], name="one_useful_mark_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} ✓ {self.answer_id}"


class Mention(models.Model):
    """Someone named with @ in a thread's opening (answer empty) or in an answer."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="mentions")
    answer = models.ForeignKey(
        Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # What was typed after the @ ("Awa Bello", "awa.bello"), to show it as a link.
    text = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["thread", "answer"])]

    def __str__(self) -> str:
        return f"@{self.text}"


class Subscription(models.Model):
    """Someone follows a practice, a theme, a thread or an organisation."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("practice")
        THEME = "theme", _("theme")
        THREAD = "thread", _("thread")
        ORGANISATION = "organisation", _("organisation")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    practice = models.ForeignKey(
        "practices.Practice", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(
        "themes.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "practice"],
                condition=Q(kind="practice"),
                name="follow_practice_once",
            ),
            models.UniqueConstraint(
                fields=["user", "theme"], condition=Q(kind="theme"), name="follow_theme_once"
            ),
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(kind="thread"), name="follow_thread_once"
            ),
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(kind="organisation"),
                name="follow_organisation_once",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="practice", practice__isnull=False)
                    | Q(kind="theme", theme__isnull=False)
                    | Q(kind="thread", thread__isnull=False)
                    | Q(kind="organisation", organisation__isnull=False)
                ),
                name="subscription_refers_to_its_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.target}"

    @property
    def target(self):
        return getattr(self, self.kind)
