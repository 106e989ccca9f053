"""The outgoing e-mail box: every message is written here first, then sent by a task."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # Kind of message, e.g. "invitation" or "password_reset", for the admin and tests.
    kind = models.CharField(_("kind"), max_length=50)
    # Bodies of messages carrying secret links are wiped once sent.
    sensitive = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to}"


class ScheduledRun(models.Model):
    """One row per daily job per day: the unique constraint makes a job run once a day."""

    job = models.CharField(max_length=80)
    day = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "day"], name="one_run_per_job_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.day}"
