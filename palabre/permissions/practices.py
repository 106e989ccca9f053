"""Who may read, write, review and publish practices, and their attachments and revisions.

- Published practices follow the shared visibility rule; an organisation-only
  practice is seen by members of its lead organisation and of its partners.
- Work in progress (draft, submitted, changes requested) and archived practices
  are seen by those who may edit them, and by facilitators once submitted.
- Editors are the authors, the org admins of the lead organisation and facilitators.
- Only facilitators review and publish.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from palabre.permissions import (
    Visibility,
    admin_org_ids,
    can_see,
    is_facilitator,
    is_member,
    org_ids,
    related_ids,
)

PUBLISHED = "published"


def _practice_model():
    from palabre.practices.models import Practice

    return Practice


def practices_visible_to(user: Any, queryset: QuerySet | None = None) -> QuerySet:
    """Published practices this person may read: every list, search, feed and export uses this."""
    Practice = _practice_model()
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


def practices_openable_by(user: Any) -> QuerySet:
    """Every practice this person may open: published ones they may read, plus work they edit or review."""
    Practice = _practice_model()
    readable = practices_visible_to(user).values("pk")
    if not is_member(user):
        return Practice.objects.filter(pk__in=readable)
    mine = Q(authors=user) | Q(lead_organisation__in=admin_org_ids(user))
    extra = Practice.objects.filter(mine)
    if is_facilitator(user):
        extra = Practice.objects.exclude(status="draft") | extra
    return Practice.objects.filter(Q(pk__in=readable) | Q(pk__in=extra.values("pk")))


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
    from palabre.practices.models import Attachment, Practice, Revision

    if isinstance(practice, Attachment | Revision):
        practice = practice.practice
    if not isinstance(practice, Practice):
        return is_member(user)
    if practice.status == PUBLISHED and can_see(
        user, visibility=practice.visibility, organisation_ids=_organisation_ids(practice)
    ):
        return True
    if practice.status in ("submitted", "changes_requested") and is_facilitator(user):
        return True
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


def lead_organisation_choices(user: Any) -> QuerySet:
    """Organisations a person may write a practice for."""
    from palabre.organisations.models import Organisation

    if is_facilitator(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=org_ids(user))
