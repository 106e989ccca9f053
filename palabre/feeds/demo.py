"""Demo feeds: a few demo people already made their private addresses (demo_data/people.json),
so the "my feeds" page shows them. Safe to run again: an existing address is kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from palabre.feeds.models import FeedToken
from palabre.feeds.services import feed_token_renew

DATA = Path(__file__).parent / "demo_data"


def load(context: Any) -> None:
    wanted = json.loads((DATA / "people.json").read_text(encoding="utf-8"))
    people = context.get("people", {})
    made = []
    for email in wanted["with_private_addresses"]:
        person = people.get(email)
        if person is None:
            continue
        if not FeedToken.objects.filter(person=person).exists():
            feed_token_renew(person=person)
        made.append(person)
    context["feed_addresses"] = made
