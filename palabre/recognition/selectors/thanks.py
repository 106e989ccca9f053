"""Thanks: counts for many items at once, the thanks on one item, the thanks a person received.

Every read here follows the rule of ``palabre.permissions.recognition``: a thanks (and its
message) is seen, and counted, only by whoever may see the thanked item.

- ``thanks_summary(viewer, kind, ids)``: for a whole page of items of one kind, how many
  thanks each has and whether the viewer gave one — one query, whatever the number of items.
- ``thanks_on(viewer, kind, item)``: the thanks on one item, with their messages.
- ``thanks_mine(viewer, kind, item)``: the viewer's own thanks on an item, or None.
- ``thanks_received(person, viewer=…, period=None, private=True)``: what a person was
  thanked for, as ``(thanks, item title, item url)``, newest first (contributor pages).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from palabre import permissions
from palabre.adoptions.models import FeedbackReport
from palabre.discussions.models import Answer, Space
from palabre.lib.visibility import Visibility
from palabre.permissions import recognition as rules
from palabre.practices.models import Practice
from palabre.recognition.models import Thanks
from palabre.workshops.models import Restitution, Session, Workshop

Kind = Thanks.Kind


@dataclass(frozen=True)
class ThanksSummary:
    """What an item's "merci" box shows: how many thanks, and whether the viewer gave one."""

    count: int = 0
    mine: bool = False


NONE = ThanksSummary()


def thanks_summary(
    viewer: Any, kind: str, ids: Iterable[int] | QuerySet[Any]
) -> dict[int, ThanksSummary]:
    """For many items of one kind at once (a list of ids, or a subquery of them such as
    ``Answer.objects.filter(thread=…).values("pk")``): each item's count, as the viewer may
    count them, and whether the viewer thanked it. One query; items without thanks are
    absent (use ``.get(pk, NONE)``)."""
    qs = rules.thanks_of_kind_visible_to(viewer, kind, Thanks.objects.filter(object_id__in=ids))
    annotations: dict[str, Any] = {"n": Count("pk")}
    if permissions.is_member(viewer):
        annotations["mine"] = Count("pk", filter=Q(giver_id=viewer.pk))
    rows = qs.order_by().values("object_id").annotate(**annotations)
    return {
        row["object_id"]: ThanksSummary(count=row["n"], mine=bool(row.get("mine"))) for row in rows
    }


def thanks_summary_of(viewer: Any, kind: str, item: Any) -> ThanksSummary:
    """The summary of one item."""
    return thanks_summary(viewer, kind, [item.pk]).get(item.pk, NONE)


def thanks_on(viewer: Any, kind: str, item: Any) -> list[Thanks]:
    """The thanks on one item, newest first, with their givers and messages, as the viewer
    may see them (nothing at all for an item they may not see)."""
    return list(
        rules.thanks_of_kind_visible_to(viewer, kind, Thanks.objects.filter(object_id=item.pk))
        .select_related("giver")
        .order_by("-created_at", "-pk")
    )


def thanks_mine(viewer: Any, kind: str, item: Any) -> Thanks | None:
    """The viewer's own thanks on this item, if they gave one."""
    if not permissions.is_member(viewer):
        return None
    return Thanks.objects.filter(giver_id=viewer.pk, kind=kind, object_id=item.pk).first()


# What a thanked item is called and where it is -----------------------------------------


def thanked_item_title(kind: str, item: Any) -> str:
    """The words that name the item: a practice's title, the thread of an answer, the
    session of a presentation or restitution, the practice a feedback report is about."""
    if kind == Kind.PRACTICE:
        return str(item.title)
    if kind == Kind.ANSWER:
        return str(item.thread.title)
    if kind == Kind.PRESENTATION:
        return str(item.title)
    if kind == Kind.RESTITUTION:
        return str(item.session.title)
    if kind == Kind.FEEDBACK:
        return str(item.adoption.practice.title)
    return str(item)


def thanked_item_url(kind: str, item: Any) -> str:
    """Where the item is shown (with an anchor to it on a page that shows several)."""
    url: str = item.get_absolute_url()
    return url


# What a person was thanked for ---------------------------------------------------------

# How to load each kind of item with what its title needs, in one query per kind.
_LOADED_WITH: dict[str, tuple[str, ...]] = {
    Kind.PRACTICE: (),
    Kind.ANSWER: ("thread",),
    Kind.PRESENTATION: (),
    Kind.RESTITUTION: ("session",),
    Kind.FEEDBACK: ("adoption__practice",),
}


def _organisation_only(kind: str) -> QuerySet[Any]:
    """The ids of the items of one kind that are for one organisation only (an
    organisation-only practice, workshop, or feedback report, and what is inside them)."""
    org_practices = Practice.objects.filter(visibility=Visibility.ORGANISATION).values("pk")
    org_workshops = Workshop.objects.filter(visibility=Visibility.ORGANISATION).values("pk")
    if kind == Kind.PRACTICE:
        return org_practices
    if kind == Kind.ANSWER:
        return Answer.objects.filter(
            Q(thread__space__kind=Space.Kind.PRACTICE, thread__space__practice__in=org_practices)
            | Q(thread__space__kind=Space.Kind.WORKSHOP, thread__space__object_id__in=org_workshops)
        ).values("pk")
    if kind == Kind.PRESENTATION:
        return Session.objects.filter(workshop__in=org_workshops).values("pk")
    if kind == Kind.RESTITUTION:
        return Restitution.objects.filter(session__workshop__in=org_workshops).values("pk")
    return FeedbackReport.objects.filter(
        Q(visibility=FeedbackReport.Visibility.ORGANISATION)
        | Q(adoption__practice__in=org_practices)
    ).values("pk")


def thanks_received(
    person: Any, *, viewer: Any, period: Any = None, private: bool = True
) -> list[tuple[Thanks, str, str]]:
    """Every thanks ``person`` received — on their practices, answers, presentations,
    restitutions and feedback reports — as ``viewer`` may see them, newest first, each as
    ``(thanks, item title, item url)``; the thanks carries its giver and message.

    ``period`` (a ``palabre.recognition.contributions.Period``, or None for all time)
    keeps the thanks given in it. With ``private=False``, thanks on anything for one
    organisation only are left out, whoever looks (what an attestation may state).
    Runs one query for the thanks and one per kind of item found.
    """
    rule = Q(pk__in=[])
    for kind in Kind.values:
        mine = Q(kind=kind, object_id__in=rules.thanked_items_of(person, kind))
        if not private:
            mine &= ~Q(object_id__in=_organisation_only(kind))
        rule |= mine
    qs = rules.thanks_visible_to(viewer, Thanks.objects.filter(rule))
    if period is not None:
        qs = qs.filter(period.q_datetime("created_at"))
    found = list(qs.select_related("giver").order_by("-created_at", "-pk"))
    items: dict[tuple[str, int], Any] = {}
    for kind in Kind.values:
        ids = {t.object_id for t in found if t.kind == kind}
        if not ids:
            continue
        model = rules.THANKED_MODELS[kind]
        loaded = model._default_manager.filter(pk__in=ids).select_related(*_LOADED_WITH[kind])
        items.update({(kind, item.pk): item for item in loaded})
    received = []
    for thanks in found:
        item = items.get((thanks.kind, thanks.object_id))
        if item is not None:
            received.append(
                (thanks, thanked_item_title(thanks.kind, item), thanked_item_url(thanks.kind, item))
            )
    return received
