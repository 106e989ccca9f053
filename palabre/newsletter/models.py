"""The newsletter (lettre d'information): issues composed from the network's activity, sent
by e-mail to each person in their language with only what they may see, kept on the web.

An issue's items are references (a kind and an id), never copies: each copy, e-mail or
web page, is rendered for its reader through the permission module (``palabre.newsletter.
kinds``), so an item its reader may not see is left out of their copy.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class IssueQuerySet(models.QuerySet["Issue"]):
    def sent(self) -> IssueQuerySet:
        return self.filter(status__in=[Issue.Status.SENDING, Issue.Status.SENT])


class Issue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    # None: a network issue, composed by facilitators for everyone; otherwise an issue of
    # one organisation, composed by its admins for its members only.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_issues",
        verbose_name=_("organisation"),
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # When every recipient had their Delivery row (the send is over).
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-sent_at", "-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "organisation"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("newsletter:issue", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Item(models.Model):
    """One entry of an issue: a reference to something shared (kind + id), or the editor's
    own Markdown text (kind "text")."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("new practice")
        WORKSHOP = "workshop", _("upcoming workshop")
        QUESTION = "question", _("open question")
        FEATURE = "feature", _("featured")
        ADOPTION = "adoption", _("completed adoption")
        FEEDBACK = "feedback", _("feedback report")
        ANNOUNCEMENT = "announcement", _("announcement")
        TEXT = "text", _("text")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("newsletter item")
        verbose_name_plural = _("newsletter items")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "kind", "object_id"],
                condition=models.Q(object_id__isnull=False),
                name="newsletter_item_once_per_issue",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id or ''}".strip()


class Delivery(models.Model):
    """What became of one issue for one person: exactly one row per issue × person, written
    in the same transaction as the e-mail it queues, so a send that stops half-way resumes
    with the people who have none, and nobody gets two copies."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("e-mailed")
        WAITING = "waiting", _("waiting for the monthly digest")
        DIGESTED = "digested", _("sent in a monthly digest")
        SKIPPED = "skipped", _("not sent (the person's choice)")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_deliveries"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    email = models.ForeignKey(
        "core.OutgoingEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "person"], name="one_delivery_per_person")
        ]
        indexes = [models.Index(fields=["status", "person"])]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.person_id}: {self.status}"


class Subscription(models.Model):
    """How a person wants the newsletter: every issue (the default, without a row), a
    monthly digest of the issues, or never."""

    class Choice(models.TextChoices):
        EVERY = "every", _("every issue")
        MONTHLY = "monthly", _("a monthly digest of the issues")
        NEVER = "never", _("never")

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_subscription"
    )
    choice = models.CharField(_("newsletter"), max_length=8, choices=Choice.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("newsletter choice")
        verbose_name_plural = _("newsletter choices")

    def __str__(self) -> str:
        return f"{self.person_id}: {self.choice}"
