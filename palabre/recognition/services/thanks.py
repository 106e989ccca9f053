"""Thanks: giving a "merci" and withdrawing it.

A member thanks something someone else shared — a published practice, an answer, an
experience presentation, a final restitution, a feedback report — once, with an optional
short message; the people thanked are told (as their notification choices say). Nobody
thanks their own item, nor something they may not see (404, as if it did not exist).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palabre import permissions
from palabre.audit.services import audit_record
from palabre.lib.errors import ServiceError, refuse
from palabre.notifications.services import notify
from palabre.permissions import recognition as rules
from palabre.recognition import kinds
from palabre.recognition.models import Thanks
from palabre.recognition.selectors.thanks import thanked_item_title, thanked_item_url

MESSAGE_MAX = 280

Kind = Thanks.Kind

# What the people thanked read, in their own language.
NOTIFICATION_TITLES = {
    Kind.PRACTICE: gettext_lazy("%(name)s thanked you for your practice “%(title)s”"),
    Kind.ANSWER: gettext_lazy("%(name)s thanked you for your answer in “%(title)s”"),
    Kind.PRESENTATION: gettext_lazy("%(name)s thanked you for your presentation “%(title)s”"),
    Kind.RESTITUTION: gettext_lazy("%(name)s thanked you for your restitution of “%(title)s”"),
    Kind.FEEDBACK: gettext_lazy("%(name)s thanked you for your feedback report on “%(title)s”"),
}


def not_found() -> ServiceError:
    return ServiceError(_("This does not exist, or you may not see it."), status=404)


def thanks_clean_message(message: Any) -> str:
    """The message as it is kept: plain text on one line, spaces tidied, 280 characters
    at most (longer is refused, never cut)."""
    text = " ".join(str(message or "").replace("\x00", "").split())
    if len(text) > MESSAGE_MAX:
        refuse(
            _(
                "Your message is too long: %(most)d characters at most (it has %(length)d). "
                "Shorten it and send your thanks again."
            )
            % {"most": MESSAGE_MAX, "length": len(text)},
            field="message",
        )
    return text


@transaction.atomic
def thanks_give(*, kind: str, item: Any, by: Any, message: str = "") -> Thanks:
    """Thank ``item`` (of ``kind``) once. A second thanks by the same person changes
    nothing: the first one is returned with ``duplicate = True``."""
    if kind not in Kind.values or not rules.can_see_thanked(by, kind, item):
        raise not_found()
    if not permissions.is_member(by):
        refuse(_("Log in to say thank you."), status=403)
    label = Kind(kind).label
    people = rules.thanked_people_ids(kind, item)
    if by.pk in people:
        refuse(_("You cannot thank yourself for your own %(kind)s.") % {"kind": label}, status=403)
    if not people:
        refuse(
            _("There is nobody to thank for “%(title)s” any more.")
            % {"title": thanked_item_title(kind, item)},
            status=409,
        )
    if not rules.can_thank(by, kind, item):  # the whole rule, once more
        raise not_found()
    text = thanks_clean_message(message)
    existing = Thanks.objects.filter(giver=by, kind=kind, object_id=item.pk).first()
    if existing is not None:
        existing.duplicate = True  # type: ignore[attr-defined]
        return existing
    try:
        with transaction.atomic():
            thanks = Thanks.objects.create(giver=by, kind=kind, object_id=item.pk, message=text)
    except IntegrityError:
        # The same person's other request got there first: one thanks, as asked.
        existing = Thanks.objects.filter(giver=by, kind=kind, object_id=item.pk).first()
        if existing is None:
            raise
        existing.duplicate = True  # type: ignore[attr-defined]
        return existing
    thanks.duplicate = False  # type: ignore[attr-defined]
    audit_record(
        action="thanks.given",
        actor=by,
        target=thanks,
        data={"kind": kind, "object_id": item.pk, "message": text},
    )
    title = thanked_item_title(kind, item)
    url = thanked_item_url(kind, item)
    for person in get_user_model().objects.filter(pk__in=people, is_active=True):
        notify(
            recipient=person,
            kind=kinds.THANKED,
            title=NOTIFICATION_TITLES[Kind(kind)],
            params={"name": str(by), "title": title},
            url=url,
            actor=by,
            target=item,
            excerpt=text,
        )
    return thanks


@transaction.atomic
def thanks_withdraw(*, thanks: Thanks, by: Any) -> bool:
    """Take back one's own thanks. Returns False when it was already withdrawn."""
    if not rules.can_withdraw(by, thanks):
        refuse(_("Only the person who said thank you can withdraw it."), status=403)
    current = Thanks.objects.select_for_update().filter(pk=thanks.pk).first()
    if current is None:
        return False
    audit_record(
        action="thanks.withdrawn",
        actor=by,
        target=current,
        data={"kind": current.kind, "object_id": current.object_id},
    )
    current.delete()
    return True
