"""What a person asked about their personal data: archives of everything Palabre holds about
them, and requests to erase their account (carried out by a network administrator)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def export_path(instance: DataExport, filename: str) -> str:
    """A random name: the archive is only ever served through its owner's download view."""
    return f"privacy/exports/{uuid.uuid4().hex}.zip"


class DataExport(models.Model):
    """An archive (ZIP of JSON files and the person's own files), built by the worker and
    kept for a few days (``PRIVACY_EXPORT_DAYS``), then deleted."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("could not be prepared")
        EXPIRED = "expired", _("expired")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    file = models.FileField(upload_to=export_path, max_length=200, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("personal data archive")
        verbose_name_plural = _("personal data archives")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return gettext("Personal data archive no. %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("privacy:index") + f"#export-{self.pk}"

    @property
    def is_available(self) -> bool:
        return (
            self.status == self.Status.READY
            and bool(self.file)
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )


class ErasureRequest(models.Model):
    """A person asks for their account to be erased; a network administrator carries it out
    or refuses with a reason. Once carried out, the row stays as the proof that it was done
    (its person is then the erased, anonymous account)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a network administrator")
        DONE = "done", _("carried out")
        REFUSED = "refused", _("refused")
        WITHDRAWN = "withdrawn", _("withdrawn")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure_requests"
    )
    reason = models.TextField(_("why (optional)"), blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    refusal_reason = models.TextField(_("reason for the refusal"), blank=True)
    # What was removed, counted (never the removed data itself).
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status="pending"),
                name="one_pending_erasure_request_per_person",
            )
        ]

    def __str__(self) -> str:
        return gettext("Erasure request no. %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("privacy:request", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
