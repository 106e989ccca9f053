"""Demo announcements: the current campaign "Pourquoi partager ?" (demo_data/campaign.json,
see its README), published through the services. Safe to run again: a campaign and its
announcements are found by title, and a second run only moves their periods around today."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone

from palabre.accounts.models import User
from palabre.announcements import services
from palabre.announcements.models import Announcement, Campaign
from palabre.organisations.models import Organisation
from palabre.themes.models import Theme

DATA = Path(__file__).parent / "demo_data"


def load(context: Any) -> None:
    data = json.loads((DATA / "campaign.json").read_text(encoding="utf-8"))
    spec = data["campaign"]
    owner = User.objects.filter(email=spec["by"]).first()
    if owner is None:
        return  # the demo network is not there
    campaign = Campaign.objects.filter(title=spec["title"], organisation=None).first()
    if campaign is None:
        campaign = services.campaign_create(
            by=owner, title=spec["title"], description=spec["description"]
        )
    today = timezone.now().replace(minute=0, second=0, microsecond=0)
    found = {}
    for item in data["announcements"]:
        author = User.objects.filter(email=item["by"]).first()
        if author is None:
            continue
        starts = today + timedelta(days=item["starts_days"])
        ends = today + timedelta(days=item["ends_days"])
        existing = Announcement.objects.filter(title=item["title"]).first()
        if existing is not None:
            existing.starts_at, existing.ends_at = starts, ends
            existing.save(update_fields=["starts_at", "ends_at", "updated_at"])
            found[item["key"]] = existing
            continue
        found[item["key"]] = services.announcement_create(
            by=author,
            title=item["title"],
            body=item["body"],
            url=item.get("url", ""),
            starts_at=starts,
            ends_at=ends,
            audience=item["audience"],
            organisations=list(Organisation.objects.filter(slug__in=item.get("organisations", []))),
            themes=list(Theme.objects.filter(slug__in=item.get("themes", []))),
            roles=item.get("roles", []),
            campaign=campaign,
        )
    context["announcements"] = found
