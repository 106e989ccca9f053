"""Recognition of those who share: thanks, featured items, contributor pages' choices and
contribution attestations. Figures are never stored: they are computed from the records
(selectors.py), so nobody can type them."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Thanks(models.Model):
    """A "merci" from one person for something another shared: one per person and item."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("practice")
        ANSWER = "answer", _("answer")
        PRESENTATION = "presentation", _("experience presentation")
        RESTITUTION = "restitution", _("restitution")
        FEEDBACK = "feedback", _("feedback report")

    giver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thanks_given"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # The thanked item: a practice, a discussion answer, a workshop session (an experience
    # presentation), a restitution or a feedback report, by its id.
    object_id = models.PositiveBigIntegerField()
    message = models.CharField(_("message"), max_length=280, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("thanks")
        verbose_name_plural = _("thanks")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["giver", "kind", "object_id"], name="one_thanks_per_person_and_item"
            )
        ]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.giver} → {self.kind} {self.object_id}"


class Feature(models.Model):
    """A practice, a person or an organisation that facilitators put forward for a while,
    with the reason why. Rows are never deleted: they are the history of what was featured."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("practice")
        PERSON = "person", _("person")
        ORGANISATION = "organisation", _("organisation")

    kind = models.CharField(_("what is featured"), max_length=12, choices=Kind.choices)
    practice = models.ForeignKey(
        "practices.Practice", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="features",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("why"), max_length=300)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Ended early by a facilitator (the row stays, for the history).
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind="practice",
                        practice__isnull=False,
                        person__isnull=True,
                        organisation__isnull=True,
                    )
                    | models.Q(
                        kind="person",
                        practice__isnull=True,
                        person__isnull=False,
                        organisation__isnull=True,
                    )
                    | models.Q(
                        kind="organisation",
                        practice__isnull=True,
                        person__isnull=True,
                        organisation__isnull=False,
                    )
                ),
                name="feature_names_one_item_of_its_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="feature_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return str(self.item)

    @property
    def item(self) -> models.Model | None:
        return self.practice or self.person or self.organisation

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.ended_at is None and self.starts_on <= today <= self.ends_on


class ContributorSettings(models.Model):
    """What a person's contributor page shows beyond the network, and how to reach them."""

    class PageVisibility(models.TextChoices):
        NETWORK = "network", _("network members only")
        PUBLIC = "public", _("everyone (public)")

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contributor_settings"
    )
    page_visibility = models.CharField(
        _("my contributor page is seen by"),
        max_length=10,
        choices=PageVisibility.choices,
        default=PageVisibility.NETWORK,
    )
    show_email = models.BooleanField(_("show my e-mail address to network members"), default=False)

    class Meta:
        verbose_name = _("contributor settings")
        verbose_name_plural = _("contributor settings")

    def __str__(self) -> str:
        return str(self.person)


def _attestation_code() -> str:
    # 120 bits of randomness: a code cannot be guessed, and a changed one matches nothing.
    return secrets.token_urlsafe(15)


def attestation_path(instance: Attestation, filename: str) -> str:
    return f"attestations/{instance.person_id}/{secrets.token_hex(16)}.pdf"


class Attestation(models.Model):
    """A statement of a person's contributions over a period, as a PDF with a verification
    address. ``statement`` keeps exactly what it states, so the verification page shows
    that and nothing else, even if the records change later."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("could not be prepared")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attestations"
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    code = models.CharField(max_length=40, unique=True, default=_attestation_code)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    statement = models.JSONField(default=dict)
    pdf = models.FileField(upload_to=attestation_path, max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("contribution attestation")
        verbose_name_plural = _("contribution attestations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="attestation_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.period_start}–{self.period_end}"

    def get_absolute_url(self) -> str:
        return reverse("recognition:attestation", args=[self.pk])

    def verification_path(self) -> str:
        return reverse("recognition:verify", args=[self.code])

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.READY and self.revoked_at is None


class PresenterInvitation(models.Model):
    """A facilitator asks someone to present at a workshop; the person accepts or declines.
    One row per workshop and person: a second invitation reuses it (after a decline, only
    when the facilitator confirms), so nobody is asked again and again."""

    class Status(models.TextChoices):
        # Put in the agenda by the launch template, not sent yet (one click sends it).
        PROPOSED = "proposed", _("proposed, not sent yet")
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    workshop = models.ForeignKey(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="presenter_invitations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="presenter_invitations"
    )
    # The agenda slot this invitation is for ("Presentation by …"), if any: on accept, the
    # person becomes its presenter.
    session = models.ForeignKey(
        "workshops.Session", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # Why they were suggested, as the facilitator saw it (in the facilitator's language).
    reason = models.CharField(_("why"), max_length=500, blank=True)
    message = models.CharField(_("message"), max_length=500, blank=True)
    answer_note = models.CharField(_("a word for the facilitators"), max_length=500, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    times_invited = models.PositiveSmallIntegerField(default=0)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation to present")
        verbose_name_plural = _("invitations to present")
        ordering = ["-invited_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "person"], name="one_presenter_invitation_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.workshop}"

    def get_absolute_url(self) -> str:
        return reverse("recognition:invitation", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class WorkshopLaunch(models.Model):
    """A workshop created from the "launch workshop" template: the themes chosen, and the
    writing session where participants draft their first practices."""

    workshop = models.OneToOneField(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="launch"
    )
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="+")
    writing_session = models.ForeignKey(
        "workshops.Session", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("launch workshop")
        verbose_name_plural = _("launch workshops")

    def __str__(self) -> str:
        return str(self.workshop)


class LaunchDraft(models.Model):
    """The practice draft written for one participant at a launch workshop's writing
    session: one per person and workshop, never two."""

    launch = models.ForeignKey(WorkshopLaunch, on_delete=models.CASCADE, related_name="drafts")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    practice = models.ForeignKey(
        "practices.Practice", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("first practice draft")
        verbose_name_plural = _("first practice drafts")
        constraints = [
            models.UniqueConstraint(fields=["launch", "person"], name="one_launch_draft_each")
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.launch}"
