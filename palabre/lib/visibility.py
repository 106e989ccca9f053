"""Who a shared record is meant for: the vocabulary every app's models and the
permission rules share (the rules themselves live in ``palabre.permissions``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    ORGANISATION = "organisation", _("my organisation only")
    NETWORK = "network", _("network members")
    PUBLIC = "public", _("everyone (public)")
