"""Demo newsletter: two sent issues in the archive, one for the whole network by the demo
facilitator, one for the members of an organisation by its admin.

The content is in demo_data/issues.json (see its README). Each issue is composed and sent
through the app's services, so every demo member has their Delivery and their own copy
was written; the e-mails queued meanwhile are taken back before the demo is committed
(their delivery tasks then find nothing to send). Safe to run again: an issue is
recognised by its title.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.db.models import Max
from django.utils import timezone

from palabre.core.models import OutgoingEmail
from palabre.newsletter import delivery, services
from palabre.newsletter.models import Issue

DATA = Path(__file__).parent / "demo_data"


def _issue(spec: dict[str, Any], context: Any) -> Issue | None:
    composer = context["people"].get(spec["composer"])
    slug = spec.get("organisation")
    organisation = context["organisations"].get(slug) if slug else None
    if composer is None or (slug and organisation is None):
        return None
    existing = Issue.objects.filter(title=spec["title"]).first()
    if existing is not None:
        return existing
    sent_at = timezone.now() - timedelta(days=spec["sent_days_ago"])
    end = timezone.localtime(sent_at).date()
    issue = services.issue_create(
        by=composer,
        title=spec["title"],
        organisation=organisation,
        period_start=end - timedelta(days=spec["period_days"]),
        period_end=end,
    )
    services.issue_update(
        issue=issue, by=composer, title=issue.title, introduction=spec.get("introduction", "")
    )
    for text in spec.get("texts", []):
        services.text_add(issue=issue, by=composer, text=text)
    services.issue_send(issue=issue, by=composer)
    done = False
    while not done:
        _written, done = delivery.issue_deliver(issue_id=issue.pk)
    Issue.objects.filter(pk=issue.pk).update(sent_at=sent_at, finished_at=sent_at)
    return issue


def load(context: Any) -> None:
    last_email = OutgoingEmail.objects.aggregate(last=Max("pk"))["last"] or 0
    specs = json.loads((DATA / "issues.json").read_text(encoding="utf-8"))
    issues = [issue for spec in specs if (issue := _issue(spec, context)) is not None]
    # The copies stay unsent: the queued messages go before the demo commits.
    OutgoingEmail.objects.filter(pk__gt=last_email).delete()
    context["newsletter_issues"] = issues
