"""Keeps the banner's memory right: an announcement changed (every process reads the
index again), a person's memberships, follows or skills changed (their reader again)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from palabre.accounts.models import User
from palabre.announcements import banner
from palabre.announcements.models import Announcement
from palabre.discussions.models import Subscription
from palabre.organisations.models import Membership


def _person_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    banner.forget_person(instance.pk if sender is User else instance.user_id)


def _migrated(sender: Any, using: str = "default", **kwargs: Any) -> None:
    if getattr(sender, "label", "") == "announcements":
        banner.prime()


post_save.connect(banner.bump, sender=Announcement, dispatch_uid="announcements-bump-save")
post_delete.connect(banner.bump, sender=Announcement, dispatch_uid="announcements-bump-delete")
for _through in (Announcement.organisations.through, Announcement.themes.through):
    m2m_changed.connect(banner.bump, sender=_through, dispatch_uid=f"announcements-{_through}")
for _model in (Membership, Subscription, User):
    post_save.connect(_person_changed, sender=_model, dispatch_uid=f"announcements-p-{_model}")
    post_delete.connect(_person_changed, sender=_model, dispatch_uid=f"announcements-d-{_model}")
post_migrate.connect(_migrated, dispatch_uid="announcements-prime")
