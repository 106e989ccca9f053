"""The outgoing e-mail box (every message is written here first, then sent by a task),
daily job runs, and the background workers' heartbeats."""

from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def message_id_new() -> str:
    """A unique Message-ID in the sender's domain (never the machine's name: looking it
    up can hang where DNS is poor)."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "palabre.localhost"
    return make_msgid(domain=domain)


def email_domain(address: str) -> str:
    """The part of an address after the @, which is all a list of failures shows of it."""
    return address.rpartition("@")[2]


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        # Given up: a permanent refusal, or every try failed. A network admin may retry.
        FAILED = "failed", _("not delivered")
        # The worker stopped while talking to the mail server: the message may or may not
        # have left. Never resent automatically; a network admin may retry.
        UNCERTAIN = "uncertain", _("may not have been delivered")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # Kind of message, e.g. "invitation" or "password_reset", for the admin and tests.
    kind = models.CharField(_("kind"), max_length=50)
    # Bodies of messages carrying secret links are wiped once sent.
    sensitive = models.BooleanField(default=False)
    # Sent as the Message-ID header, the same on every try: a receiving server or the
    # recipient's mail program can recognise a message sent twice.
    message_id = models.CharField(max_length=255, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # Tries started (counted when the message is claimed, before the mail server is asked).
    attempts = models.PositiveSmallIntegerField(_("tries"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # When a queued message may be tried again (after a failure); empty: now.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["status", "next_attempt_at"], name="core_email_due_idx"),
        ]

    def __str__(self) -> str:
        # No full address: this text lands in the audit trail.
        return f"{self.kind} → …@{self.recipient_domain}"

    def save(self, *args, **kwargs):
        if not self.message_id:
            self.message_id = message_id_new()
        super().save(*args, **kwargs)

    @property
    def recipient_domain(self) -> str:
        return email_domain(self.to)


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


class WorkerHeartbeat(models.Model):
    """Each running `palabre worker` updates its row every minute: /healthz tells from it
    when the queue was last being worked, whichever machine the worker runs on."""

    worker_id = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} {self.seen_at:%Y-%m-%d %H:%M:%S}"
