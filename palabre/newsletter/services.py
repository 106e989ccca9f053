"""Composing and sending newsletter issues, and each person's choice of how to get them.

Sending is the worker's: ``issue_send`` only marks the issue as being sent and queues
the first batch (``palabre.newsletter.delivery`` writes the copies).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from palabre.audit.services import audit_record
from palabre.lib.errors import refuse
from palabre.newsletter import kinds
from palabre.newsletter.delivery import Choice
from palabre.newsletter.models import Delivery, Issue, Item, Subscription
from palabre.newsletter.tasks import deliver_issue
from palabre.permissions import newsletter as rules

MAX_ITEMS = 60
MAX_TEXT = 10_000


# Composing -------------------------------------------------------------------------------


def _check_period(period_start: date, period_end: date) -> None:
    if period_end < period_start:
        refuse(_("The end of the period comes before its start."), field="period_end")


@transaction.atomic
def issue_create(
    *,
    by: Any,
    title: str,
    period_start: date,
    period_end: date,
    organisation: Any = None,
    assemble: bool = True,
) -> Issue:
    """A draft, with the period's activity the composer may see as its first items."""
    if organisation is None and not rules.is_facilitator(by):
        refuse(_("Only facilitators compose the network's newsletter."), status=403)
    if organisation is not None and organisation.pk not in rules.admin_org_ids(by):
        refuse(_("Only your organisation's admins compose its newsletter."), status=403)
    title = title.strip()
    if not title:
        refuse(_("Give the issue a title."), field="title")
    _check_period(period_start, period_end)
    issue = Issue.objects.create(
        title=title[:200],
        organisation=organisation,
        period_start=period_start,
        period_end=period_end,
        created_by=by,
    )
    if assemble:
        position = 0
        for key in kinds.DRAFT_ORDER:
            for obj in kinds.KINDS[key].candidates(by, issue):
                position += 1
                Item.objects.create(issue=issue, kind=key, object_id=obj.pk, position=position)
    audit_record(
        action="newsletter.issue_created", actor=by, target=issue, organisation=organisation
    )
    return issue


def _editable(issue: Issue, by: Any) -> Issue:
    locked = Issue.objects.select_for_update().get(pk=issue.pk)
    if locked.status != Issue.Status.DRAFT:
        refuse(_("This issue has been sent: it cannot be changed any more."), status=409)
    if not rules.can_edit(by, locked):
        refuse(_("You may not change this issue."), status=403)
    return locked


def _renumber(issue: Issue, ordered: list[Item]) -> None:
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def issue_update(
    *,
    issue: Issue,
    by: Any,
    title: str,
    introduction: str = "",
    positions: dict[int, int] | None = None,
) -> Issue:
    """Change the title and introduction, and put the items in the order of the numbers
    given (an item given the number of another goes before it)."""
    issue = _editable(issue, by)
    title = title.strip()
    if not title:
        refuse(_("Give the issue a title."), field="title")
    if len(introduction) > MAX_TEXT:
        refuse(_("The introduction is too long."), field="introduction")
    issue.title = title[:200]
    issue.introduction = introduction
    issue.save(update_fields=["title", "introduction", "updated_at"])
    if positions:
        items = list(issue.items.all())
        current = {item.pk: index + 1 for index, item in enumerate(items)}

        def place(item: Item) -> tuple[int, int, int]:
            # An item given a new number goes before the one already there.
            wanted = positions.get(item.pk, current[item.pk])
            return (wanted, 0 if wanted != current[item.pk] else 1, current[item.pk])

        items.sort(key=place)
        _renumber(issue, items)
    return issue


@transaction.atomic
def item_move(*, issue: Issue, by: Any, item_id: int, offset: int) -> None:
    """Move one item up (offset -1) or down (+1)."""
    issue = _editable(issue, by)
    items = list(issue.items.all())
    index = next((i for i, item in enumerate(items) if item.pk == item_id), None)
    if index is None:
        refuse(_("This item is not in the issue any more."), status=404)
    target = index + offset
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    _renumber(issue, items)


@transaction.atomic
def item_remove(*, issue: Issue, by: Any, item_id: int) -> None:
    issue = _editable(issue, by)
    deleted, _rows = issue.items.filter(pk=item_id).delete()
    if not deleted:
        refuse(_("This item is not in the issue any more."), status=404)
    _renumber(issue, list(issue.items.all()))


@transaction.atomic
def text_add(*, issue: Issue, by: Any, text: str) -> Item:
    """Add the composer's own text (Markdown) at the end of the issue."""
    issue = _editable(issue, by)
    text = text.strip()
    if not text:
        refuse(_("Write the text to add."), field="text")
    if len(text) > MAX_TEXT:
        refuse(_("This text is too long."), field="text")
    if issue.items.count() >= MAX_ITEMS:
        refuse(_("An issue holds %(count)d items at most.") % {"count": MAX_ITEMS})
    last = issue.items.aggregate(last=Max("position"))["last"] or 0
    return Item.objects.create(issue=issue, kind=Item.Kind.TEXT, text=text, position=last + 1)


# Sending ---------------------------------------------------------------------------------


@transaction.atomic
def issue_send(*, issue: Issue, by: Any) -> Issue:
    """Start sending: the worker writes each recipient's copy. A second click is refused."""
    locked = Issue.objects.select_for_update().get(pk=issue.pk)
    if not rules.can_send(by, locked):
        refuse(_("You may not send this issue."), status=403)
    if locked.status != Issue.Status.DRAFT:
        refuse(_("This issue has already been sent: nobody gets it twice."), status=409)
    items = list(locked.items.all())
    if not kinds.shown_items(items, by) and not locked.introduction.strip():
        refuse(_("This issue is empty: add at least one item or some text before sending it."))
    locked.status = Issue.Status.SENDING
    locked.sent_at = timezone.now()
    locked.sent_by = by
    locked.save(update_fields=["status", "sent_at", "sent_by", "updated_at"])
    audit_record(
        action="newsletter.issue_sent", actor=by, target=locked, organisation=locked.organisation
    )
    transaction.on_commit(lambda: deliver_issue.enqueue(locked.pk))
    return locked


# Each person's choice ----------------------------------------------------------------


@transaction.atomic
def choice_set(*, person: Any, choice: str) -> Subscription:
    if choice not in Choice.values:
        refuse(_("Choose every issue, a monthly digest or never."), field="choice")
    row, _created = Subscription.objects.update_or_create(
        person=person, defaults={"choice": choice}
    )
    if choice == Choice.NEVER:
        Delivery.objects.filter(person=person, status=Delivery.Status.WAITING).update(
            status=Delivery.Status.SKIPPED
        )
    return row
