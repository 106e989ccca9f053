"""The kinds of notification, each with how people receive it by e-mail unless they choose.

An app registers its kinds once (in its AppConfig.ready()); the preferences
page lists them in registration order, grouped, so each person chooses per kind:
by e-mail immediately, in a daily summary, or never. Kinds nobody registered
still work, with the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("by e-mail, immediately")
    DAILY = "daily", _("in a daily summary")
    NEVER = "never", _("never by e-mail")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    group: str
    default: str = Delivery.IMMEDIATE
    # Shown in the preferences of facilitators only (they alone receive it).
    facilitators: bool = False


_kinds: dict[str, Kind] = {}


def register(
    key: str, *, label, group, default: str = Delivery.IMMEDIATE, facilitators: bool = False
) -> Kind:
    kind = Kind(key=key, label=label, group=group, default=default, facilitators=facilitators)
    _kinds[key] = kind
    return kind


def register_all(group, labels: dict[str, object], **options) -> None:
    """Register several kinds of one group: {key: label}, with the same options."""
    for key, label in labels.items():
        register(key, label=label, group=group, **options)


def get(key: str) -> Kind:
    return _kinds.get(key) or Kind(key=key, label=key, group=_("Other"))


def registered() -> list[Kind]:
    return list(_kinds.values())


# The practice library's kinds (it calls notify() with these keys).
REVIEW = _("Practices and their review")
register(
    "practice.submitted",
    label=_("A practice awaits my review (facilitators)"),
    group=REVIEW,
    facilitators=True,
)
register(
    "practice.changes_requested",
    label=_("Changes are requested on my practice"),
    group=REVIEW,
)
register("practice.published", label=_("My practice is published"), group=REVIEW)
register(
    "practice.review_due",
    label=_("My practice is due for re-validation"),
    group=REVIEW,
)
