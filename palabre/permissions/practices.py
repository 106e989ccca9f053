"""Who may read, write, review and publish practices, and their attachments and revisions.

- Published practices follow the shared visibility rule; an organisation-only
  practice is seen by members of its lead organisation and of its partners.
- Work in progress (draft, submitted, changes requested) and archived practices
  are seen by those who may edit them (facilitators included).
- Editors are the authors, the org admins of the lead organisation and facilitators.
- Only facilitators review and publish.

Access: ``practice_for(user, pk)`` fetches a practice for a person or raises 404;
``practices_visible_to(user)`` is what lists, search, feeds and exports show;
``practices_openable_by(user)`` is what the person may open. ``can_view`` answers the
same as ``practices_openable_by`` for one practice (tests/test_practices.py says so).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from palabre.lib.visibility import Visibility
from palabre.organisations.models import Organisation
from palabre.permissions import (
    admin_org_ids,
    can_see,
    is_facilitator,
    is_member,
    object_or_404,
    or_404,
    org_ids,
    related_ids,
)
from palabre.practices.models import Attachment, Practice, Revision

PUBLISHED = Practice.Status.PUBLISHED


def practices_visible_to(
    user: Any, queryset: QuerySet[Practice] | None = None
) -> QuerySet[Practice]:
    """Published practices this person may read: every list, search, feed and export uses this."""
    qs = (queryset if queryset is not None else Practice.objects.all()).filter(status=PUBLISHED)
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.filter(visibility=Visibility.PUBLIC)
    rule = Q(visibility__in=[Visibility.PUBLIC, Visibility.NETWORK])
    ids = org_ids(user)
    if ids:
        # Partners are a many-to-many: a subquery keeps one row per practice.
        partner_of = Practice.partners.through.objects.filter(organisation_id__in=ids)
        rule |= Q(lead_organisation__in=ids) | Q(pk__in=partner_of.values("practice_id"))
    return qs.filter(rule)


def practices_authored_by(user: Any) -> QuerySet[Any]:
    """The ids of the practices this person wrote, as a subquery (one row per practice, no
    join): the queryset form of ``is_author``."""
    return Practice.authors.through.objects.filter(user_id=user.pk).values("practice_id")


def practices_edited_by(user: Any) -> QuerySet[Practice]:
    """Practices the person writes or looks after: as an author, or as an org admin of
    the lead organisation (whatever their status; facilitators' review rights aside)."""
    if not is_member(user):
        return Practice.objects.none()
    return Practice.objects.filter(
        Q(authors=user) | Q(lead_organisation__in=admin_org_ids(user))
    ).distinct()


def practices_openable_by(user: Any) -> QuerySet[Practice]:
    """Every practice this person may open: published ones they may read, plus those they
    may edit (their own work, their organisation's as its admin; everything for facilitators)."""
    if is_facilitator(user):
        return Practice.objects.all()
    readable = practices_visible_to(user).values("pk")
    if not is_member(user):
        return Practice.objects.filter(pk__in=readable)
    extra = practices_edited_by(user).values("pk")
    return Practice.objects.filter(Q(pk__in=readable) | Q(pk__in=extra))


def visible_pks(user: Any, model: Any, pks: Any) -> set[Any]:
    """Of these ids, those this person may open (a list of notifications checks many at once)."""
    if model is Practice:
        return set(practices_openable_by(user).filter(pk__in=pks).values_list("pk", flat=True))
    return {obj.pk for obj in model._default_manager.filter(pk__in=pks) if can_view(user, obj)}


def _organisation_ids(practice: Any) -> set[int]:
    cached = getattr(practice, "_palabre_org_ids", None)
    if cached is None:
        cached = {practice.lead_organisation_id, *related_ids(practice, "partners")}
        practice._palabre_org_ids = cached
    return cached


def _author_ids(practice: Any) -> set[int]:
    cached = getattr(practice, "_palabre_author_ids", None)
    if cached is None:
        cached = related_ids(practice, "authors")
        practice._palabre_author_ids = cached
    return cached


def is_author(user: Any, practice: Any) -> bool:
    if not is_member(user):
        return False
    return user.pk in _author_ids(practice)


def can_edit(user: Any, practice: Any) -> bool:
    """May change the text (when its status allows it)."""
    if not is_member(user):
        return False
    return (
        is_facilitator(user)
        or practice.lead_organisation_id in admin_org_ids(user)
        or is_author(user, practice)
    )


def can_view(user: Any, practice: Any) -> bool:
    """May this person open this practice (or one of its attachments or revisions)?"""
    if isinstance(practice, Attachment | Revision):
        practice = practice.practice
    if not isinstance(practice, Practice):
        return is_member(user)
    # Only an organisation-only practice needs its organisations read (a query).
    organisations = (
        _organisation_ids(practice) if practice.visibility == Visibility.ORGANISATION else set()
    )
    if practice.status == PUBLISHED and can_see(
        user, visibility=practice.visibility, organisation_ids=organisations
    ):
        return True
    if not is_member(user):
        return False
    return can_edit(user, practice)


def can_create(user: Any) -> bool:
    """Any member of an organisation can write a practice for it."""
    return is_member(user) and bool(org_ids(user) or is_facilitator(user))


def can_review(user: Any, practice: Any) -> bool:
    return is_facilitator(user)


def can_publish(user: Any, practice: Any) -> bool:
    return is_facilitator(user)


def can_archive(user: Any, practice: Any) -> bool:
    return is_facilitator(user) or (
        is_member(user) and practice.lead_organisation_id in admin_org_ids(user)
    )


def can_see_statistics(user: Any, practice: Any) -> bool:
    return can_edit(user, practice)


def lead_organisation_choices(user: Any) -> QuerySet[Organisation]:
    """Organisations a person may write a practice for."""
    if is_facilitator(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=org_ids(user))


# Fetching one ----------------------------------------------------------------


def practice_for(user: Any, pk: Any, *, queryset: QuerySet[Practice] | None = None) -> Practice:
    """The practice if this person may open it; otherwise 404, as if it did not exist."""
    practice = object_or_404(
        queryset if queryset is not None else Practice.objects.select_related("lead_organisation"),
        pk,
    )
    if not can_view(user, practice):
        raise Http404
    return practice


def practice_editable_for(
    user: Any, pk: Any, *, queryset: QuerySet[Practice] | None = None
) -> Practice:
    """The practice if this person may open and edit it; otherwise 404."""
    practice = practice_for(user, pk, queryset=queryset)
    return or_404(practice, can_edit(user, practice))


def attachment_for(user: Any, practice: Practice, pk: Any) -> Attachment:
    """An attachment of a practice the person could open (``practice_for`` first)."""
    attachment = object_or_404(Attachment.objects.filter(practice=practice), pk)
    attachment.practice = practice
    return attachment


def revision_for(user: Any, practice: Practice, number: Any) -> Revision:
    """A published revision of a practice the person could open, by its number."""
    revision = object_or_404(Revision.objects.filter(practice=practice), number, field="number")
    revision.practice = practice
    return revision
