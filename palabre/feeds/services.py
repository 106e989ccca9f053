"""Writes of palabre.feeds: making and renewing a person's private feed address."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from palabre.audit.services import audit_record
from palabre.feeds.models import FeedToken, new_nonce
from palabre.lib.errors import refuse
from palabre.permissions import feeds as rules


@transaction.atomic
def feed_token_renew(*, person: Any) -> FeedToken:
    """Give the person a new secret (their first, or one in place of the old, whose
    addresses then answer 404). Returns the token; its ``secret`` is in the addresses."""
    if not rules.can_have_feeds(person):
        refuse(_("Log in to have private feed addresses."), status=403)
    token = FeedToken.objects.select_for_update().filter(person_id=person.pk).first()
    created = token is None
    if token is None:
        token = FeedToken(person=person, nonce=new_nonce())
    else:
        token.nonce = new_nonce()
        token.renewed_at = timezone.now()
    token.person = person
    token.refresh_digest()
    token.save()
    audit_record(
        action="feeds.address_created" if created else "feeds.address_renewed",
        actor=person,
        target=token,
    )
    return token
