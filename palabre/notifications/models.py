"""What a person is told about: in the app, and by e-mail through the task queue."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from palabre.notifications.kinds import Delivery


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    class EmailState(models.TextChoices):
        NONE = "", _("not sent by e-mail")
        SENT = "sent", _("e-mailed immediately")
        PENDING = "pending", _("waiting for the daily summary")
        SUMMARISED = "summarised", _("sent in a daily summary")
        DROPPED = "dropped", _("left out of the summary")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # Dotted kind, e.g. "practice.published"; people choose per kind how they are told.
    kind = models.CharField(_("kind"), max_length=60)
    # Written in the recipient's language when created; shown as they are when
    # ``message`` cannot say them again in the reader's language (older rows).
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    # What is needed to write title and body again in the language of whoever reads
    # them: {"title": [context, msgid], "body": [context, msgid], "params": {...},
    # "excerpt": "..."} (see ``services.message_of``).
    message = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What it is about ("app_label.model", pk), so it can be checked and cleaned up.
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(
        _("e-mail"), max_length=10, choices=EmailState.choices, default="", blank=True
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email_state", "recipient"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def target_key(self) -> tuple[str, str]:
        return (self.target_type, self.target_id)

    @property
    def shown_title(self) -> str:
        """The title in the active language (the reader's), or as written when created."""
        return _say_again(self.message, "title") or self.title

    @property
    def shown_body(self) -> str:
        """The text in the active language, with the excerpt of people's own words."""
        if not self.message.get("body"):
            return self.body
        text = _say_again(self.message, "body")
        if not text:
            return self.body
        excerpt = self.message.get("excerpt") or ""
        return f"{text}\n\n{excerpt}".strip() if excerpt else text


def _translated(value: Any) -> str:
    if isinstance(value, dict) and "msgid" in value:
        context = value.get("context") or ""
        return pgettext(context, value["msgid"]) if context else gettext(value["msgid"])
    return value


def _say_again(message: dict, part: str) -> str:
    """``message[part]`` translated in the active language and filled, or "" if it cannot be."""
    try:
        context, msgid = message[part]
        text = pgettext(context, msgid) if context else gettext(msgid)
        params = {k: _translated(v) for k, v in (message.get("params") or {}).items()}
        return text % params if params else text
    except (KeyError, TypeError, ValueError, AttributeError):
        return ""


class NotificationPreference(models.Model):
    """How one person wants to be e-mailed about one kind ("*": every kind without its own row)."""

    ALL_KINDS = "*"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=60)
    delivery = models.CharField(_("e-mail"), max_length=10, choices=Delivery.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.kind}: {self.delivery}"
