"""Who reads which feed and calendar subscription.

- Public feeds (practices, per theme, per organisation; workshops) and a public
  workshop's calendar show exactly what an anonymous visitor may see: they are built on
  the practices' and workshops' querysets evaluated for an anonymous user, whoever asks.
- A private address carries a person's secret (palabre.feeds.models.FeedToken): it
  answers with what *that person* may see now — their querysets, evaluated for them —
  and 404 once the address is renewed, or when the account is deactivated or erased.
- Only members have private addresses, and only their own.

Access: ``feed_owner_for(secret)`` is the person behind a private address (or 404);
``feed_token_of(user)`` the person's own token (or None); ``public_organisation_for``
and ``theme_for`` fetch what a public feed is about (or 404); ``public_practices()``,
``public_workshops()`` and ``agenda_workshops_of(user)`` are the querysets.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.crypto import constant_time_compare

from palabre.feeds.models import SECRET_PATTERN, FeedToken, digest_of
from palabre.organisations.models import Organisation
from palabre.permissions import is_member
from palabre.permissions import practices as practice_rules
from palabre.permissions import workshops as workshop_rules
from palabre.practices.models import Practice
from palabre.themes.models import Theme
from palabre.workshops.models import Registration, Workshop

ANONYMOUS = AnonymousUser()


def can_have_feeds(user: Any) -> bool:
    """Private addresses are for members, each for their own."""
    return is_member(user) and not getattr(user, "is_erased", False)


def feed_token_of(user: Any) -> FeedToken | None:
    """The person's own token, if they made one and it is still valid under this site's
    key; None otherwise (and always for anyone who is not a member)."""
    if not can_have_feeds(user):
        return None
    token = FeedToken.objects.filter(person_id=user.pk).first()
    if token is None or not constant_time_compare(token.digest, digest_of(token.secret)):
        return None
    token.person = user
    return token


def feed_owner_for(secret: Any) -> Any:
    """The person whose private address carries ``secret``; 404 for an unknown, renewed
    or malformed secret, and for a deactivated or erased account."""
    if not isinstance(secret, str) or not SECRET_PATTERN.match(secret):
        raise Http404
    token = FeedToken.objects.select_related("person").filter(digest=digest_of(secret)).first()
    if token is None or not constant_time_compare(token.secret, secret):
        raise Http404
    person = token.person
    if not can_have_feeds(person):
        raise Http404
    return person


def can_read_private_feed(user: Any, secret: Any) -> bool:
    """Whoever holds the address reads it (feed readers send no session): the answer does
    not depend on ``user``, only on the secret."""
    try:
        feed_owner_for(secret)
    except Http404:
        return False
    return True


# Public feeds ----------------------------------------------------------------------


def public_practices() -> QuerySet[Practice]:
    """What an anonymous visitor may read, whoever asks for the public feed."""
    return practice_rules.practices_visible_to(ANONYMOUS)


def public_workshops() -> QuerySet[Workshop]:
    return workshop_rules.workshops_visible_to(ANONYMOUS)


def theme_for(slug: Any) -> Theme:
    """Themes are public (the thesaurus)."""
    theme = Theme.objects.filter(slug=str(slug)).first()
    if theme is None:
        raise Http404
    return theme


def public_organisation_for(slug: Any) -> Organisation:
    """An organisation's public feed exists once it has shared something in public (the
    directory itself is for members): it leads or partners a public practice, or
    organises a public workshop. Otherwise 404, as if it did not exist."""
    practices = public_practices()
    shared = Q(pk__in=practices.values("lead_organisation_id"))
    shared |= Q(
        pk__in=Practice.partners.through.objects.filter(
            practice_id__in=practices.values("pk")
        ).values("organisation_id")
    )
    shared |= Q(
        pk__in=Workshop.organisers.through.objects.filter(
            workshop_id__in=public_workshops().values("pk")
        ).values("organisation_id")
    )
    organisation = Organisation.objects.filter(shared, slug=str(slug)).first()
    if organisation is None:
        raise Http404
    return organisation


def public_workshop_for(pk: Any) -> Workshop:
    """A workshop's public calendar: only for a workshop an anonymous visitor may open."""
    return workshop_rules.workshop_for(ANONYMOUS, pk)


# Private feeds ---------------------------------------------------------------------


def agenda_workshops_of(user: Any) -> QuerySet[Workshop]:
    """The workshops of every kind (exchanges, training sessions, meetings) the person is
    registered for (confirmed), among those they may see. A cancelled workshop stays, so
    that calendars show it cancelled rather than losing it."""
    if not can_have_feeds(user):
        return Workshop.objects.none()
    registered = Registration.objects.filter(
        person_id=user.pk, status=Registration.Status.CONFIRMED
    ).values("workshop_id")
    return workshop_rules.workshops_visible_to(user).filter(pk__in=registered)
