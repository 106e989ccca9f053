"""The notification kind of announcements (each person chooses in their settings)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from palabre.announcements.emails import EMAIL_KIND
from palabre.notifications import kinds

kinds.register(
    EMAIL_KIND,
    label=_("Announcements from the facilitators and my organisation"),
    group=_("Announcements"),
)
