"""The personal secret behind a person's private feeds and calendar subscriptions."""

from __future__ import annotations

import hashlib
import re
import secrets

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

SECRET_PATTERN = re.compile(r"^[0-9a-f]{40}$")


def digest_of(secret: str) -> str:
    """What is stored and looked up: the SHA-256 of the secret, never the secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_nonce() -> str:
    return secrets.token_hex(16)


class FeedToken(models.Model):
    """One per person. The secret in their private addresses is an HMAC of a random nonce
    under the site's SECRET_KEY: the database keeps the nonce and the secret's digest, so
    the "my feeds" page can show the address again, while a copy of the database alone
    neither gives the addresses nor lets anyone forge one. Renewing draws a new nonce:
    the old address's digest is gone, so it answers 404."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token"
    )
    nonce = models.CharField(max_length=32)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    renewed_at = models.DateTimeField(_("renewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("feed address")
        verbose_name_plural = _("feed addresses")

    def __str__(self) -> str:
        return str(_("Private feed address of %(person)s") % {"person": self.person})

    @property
    def secret(self) -> str:
        """The secret the addresses carry (40 hexadecimal characters)."""
        value = f"{self.person_id}:{self.nonce}"
        return salted_hmac("palabre.feeds.FeedToken", value, algorithm="sha256").hexdigest()[:40]

    def refresh_digest(self) -> None:
        self.digest = digest_of(self.secret)
