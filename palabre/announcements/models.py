"""Announcements (internal campaigns): a short message shown as a banner to an audience
of members during a period, optionally sent once by e-mail, grouped in campaigns whose
reach is counted (how many saw, how many dismissed — never who)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Campaign(models.Model):
    """Several announcements that serve one purpose ("Pourquoi partager ?")."""

    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    # Empty for the facilitators' (network-wide) campaigns.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("announcements:campaign", args=[self.pk])


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("every member of the network")
    ORGANISATIONS = "organisations", _("members of some organisations")
    ROLES = "roles", _("people with some roles")
    THEMES = "themes", _("people interested in some themes")


# The roles an announcement may address: network roles (on the person) and roles in an
# organisation (on the membership). Each is a boolean field "for_<role>".
NETWORK_ROLES = ("facilitator", "admin")
ORGANISATION_ROLES = ("volunteer", "member", "org_admin")


class Announcement(models.Model):
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown, a few lines."))
    url = models.URLField(_("link"), max_length=500, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announcements",
    )
    # Who publishes it: an organisation's admins (organisation set), or the network's
    # facilitators (organisation empty).
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("published by the organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.EVERYONE
    )
    # Kept for every kind of audience but "everyone": the audience is limited to the
    # members of these organisations (an org admin's announcements always name theirs).
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="+",
    )
    themes = models.ManyToManyField(
        "themes.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    for_facilitator = models.BooleanField(_("facilitators"), default=False)
    for_admin = models.BooleanField(_("network administrators"), default=False)
    for_volunteer = models.BooleanField(_("volunteers"), default=False)
    for_member = models.BooleanField(_("members of an organisation"), default=False)
    for_org_admin = models.BooleanField(_("organisation administrators"), default=False)
    send_email = models.BooleanField(_("also send it by e-mail"), default=False)
    # Set when the e-mails were queued: they are queued once.
    emailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["ends_at", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="announcement_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("announcements:edit", args=[self.pk])

    def is_running(self, at=None) -> bool:
        at = at or timezone.now()
        return self.starts_at <= at < self.ends_at

    @property
    def roles(self) -> list[str]:
        return [role for role in NETWORK_ROLES + ORGANISATION_ROLES if getattr(self, f"for_{role}")]


class Mark(models.Model):
    """One person and one announcement: seen (when it was first shown to them), and
    dismissed. One row per person and announcement, written once when first shown."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="marks")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="announcement_marks"
    )
    seen_at = models.DateTimeField(default=timezone.now)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("announcement seen")
        verbose_name_plural = _("announcements seen")
        constraints = [
            models.UniqueConstraint(fields=["announcement", "user"], name="one_mark_per_person")
        ]
        indexes = [models.Index(fields=["user", "announcement"])]

    def __str__(self) -> str:
        return f"{self.user_id} – {self.announcement_id}"


class Delivery(models.Model):
    """The announcement's e-mail was queued for this person: never twice."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="deliveries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="announcement_deliveries"
    )
    queued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("announcement e-mail")
        verbose_name_plural = _("announcement e-mails")
        constraints = [
            models.UniqueConstraint(fields=["announcement", "user"], name="one_email_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} – {self.announcement_id}"
