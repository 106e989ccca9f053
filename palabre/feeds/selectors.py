"""What each feed lists: a bounded number of entries, read through the permission
querysets with everything the entries show fetched in the same few queries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from palabre.discussions.models import Thread
from palabre.organisations.models import Organisation
from palabre.permissions import discussions as discussion_rules
from palabre.permissions import feeds as rules
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme
from palabre.workshops.models import Session, Workshop
from palabre.workshops.selectors import concerns

# A feed carries this many entries at most (readers keep what they have already seen).
LIMIT = 50
# "Recent" workshops: those that ended less than this long ago.
RECENT_DAYS = 60
# "My agenda" keeps the workshops that ended less than this long ago.
AGENDA_PAST_DAYS = 90


def _practices(qs: QuerySet[Practice]) -> list[Practice]:
    return list(
        qs.select_related("lead_organisation")
        .annotate(feed_updated=Coalesce(F("last_published_at"), F("published_at"), F("updated_at")))
        .order_by("-feed_updated", "-pk")[:LIMIT]
    )


def public_practices(
    *, theme: Theme | None = None, organisation: Organisation | None = None
) -> list[Practice]:
    """Public practices, all or of one theme (and its sub-themes) or one organisation."""
    qs = rules.public_practices()
    if theme is not None:
        themes = Theme.objects.filter(Q(pk=theme.pk) | Q(parent_id=theme.pk)).values("pk")
        qs = qs.filter(
            pk__in=Practice.themes.through.objects.filter(theme_id__in=themes).values("practice_id")
        )
    if organisation is not None:
        partner_of = Practice.partners.through.objects.filter(organisation_id=organisation.pk)
        qs = qs.filter(
            Q(lead_organisation_id=organisation.pk) | Q(pk__in=partner_of.values("practice_id"))
        )
    return _practices(qs)


def practices_for(person: Any) -> list[Practice]:
    return _practices(practice_rules.practices_visible_to(person))


def _workshops(qs: QuerySet[Workshop]) -> list[Workshop]:
    """Upcoming workshops and those that ended recently, last changed first."""
    since = timezone.localdate() - timedelta(days=RECENT_DAYS)
    return list(
        qs.exclude(status=Workshop.Status.DRAFT)
        .filter(end_date__gte=since)
        .prefetch_related(Prefetch("organisers", queryset=Organisation.objects.order_by("name")))
        .order_by("-updated_at", "-pk")[:LIMIT]
    )


def public_workshops() -> list[Workshop]:
    return _workshops(rules.public_workshops())


def workshops_for(person: Any) -> list[Workshop]:
    return _workshops(workshop_rules.workshops_visible_to(person))


def questions_for(person: Any) -> list[Thread]:
    """Discussions the person may read (hidden ones left out), latest activity first."""
    return list(
        discussion_rules.discussions_visible_to(person)
        .filter(hidden_at__isnull=True)
        .select_related("author")
        .order_by("-last_activity_at", "-pk")[:LIMIT]
    )


def agenda_workshops(person: Any) -> list[Workshop]:
    since = timezone.localdate() - timedelta(days=AGENDA_PAST_DAYS)
    return list(
        rules.agenda_workshops_of(person)
        .filter(end_date__gte=since)
        .prefetch_related(Prefetch("organisers", queryset=Organisation.objects.order_by("name")))
        .order_by("start_date", "pk")[:LIMIT]
    )


def _sessions_of(workshops: list[Workshop]) -> list[Session]:
    by_pk = {w.pk: w for w in workshops}
    sessions = list(
        Session.objects.filter(workshop_id__in=list(by_pk))
        .select_related("theme", "facilitator", "presenter", "rapporteur", "tool")
        .prefetch_related("members")
        .order_by("starts_at", "pk")
    )
    for session in sessions:
        session.workshop = by_pk[session.workshop_id]  # keeps what was fetched with it
    return sessions


def agenda_sessions(person: Any, workshops: list[Workshop]) -> list[Session]:
    """The sessions of these workshops that are in the person's own agenda (group work
    only where they are expected), as workshops/ics.py writes them."""
    return [s for s in _sessions_of(workshops) if concerns(s, person)]


def workshop_sessions(workshop: Workshop) -> list[Session]:
    return _sessions_of([workshop])
