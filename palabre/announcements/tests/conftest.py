"""Shared helpers of the announcements tests."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from palabre.announcements import services


@pytest.fixture
def publish(db):
    """Publish through the service: ``publish(by, audience=…, organisations=[…], …)``."""

    def make(by, *, title="Pourquoi partager ?", starts=-1, ends=1, **kwargs):
        now = timezone.now()
        kwargs.setdefault("audience", "everyone")
        return services.announcement_create(
            by=by,
            title=title,
            body=kwargs.pop("body", "Une **leçon apprise** aide les autres."),
            starts_at=now + timedelta(days=starts),
            ends_at=now + timedelta(days=ends),
            **kwargs,
        )

    return make


@pytest.fixture
def loner(db):
    from conftest import make_person

    return make_person("loner@palabre.example", "Lola Loner")
