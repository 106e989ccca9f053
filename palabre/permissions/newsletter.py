"""Who may read, compose and send newsletter issues, and who receives them.

- A network issue (no organisation) is composed and sent by facilitators; once sent it is
  read in the archive by every member of the network. An organisation's issue is composed
  and sent by that organisation's admins; once sent it is read by that organisation's
  members (and by facilitators, who see everything shared). Drafts are seen only by
  those who may compose them.
- Anonymous visitors do not read the archive: an issue's introduction and the editor's
  own texts are written for the network's members and carry no visibility of their own.
- Each item of an issue (a practice, a workshop…) is shown to a reader only if its own
  rule lets them see it (``palabre.newsletter.kinds``): a copy is never wider than what
  its reader may see elsewhere.
- A network issue is sent to every active member of the network, an organisation's issue
  to that organisation's members (``issue_audience``): each of them may read it once sent.
- A delivery (what became of an issue for one person) is its person's.

Access: ``issue_for(user, pk)``, ``issue_editable_for(user, pk)`` fetch for a person or
raise 404; ``issues_visible_to`` (sent ones), ``issues_openable_by`` (plus drafts one may
compose) and ``deliveries_visible_to`` are the querysets.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from palabre.newsletter.models import Delivery, Issue
from palabre.organisations.models import Organisation
from palabre.permissions import (
    admin_org_ids,
    is_facilitator,
    is_member,
    object_or_404,
    or_404,
    org_ids,
)

SENT = [Issue.Status.SENDING, Issue.Status.SENT]


def can_compose(user: Any) -> bool:
    """Facilitators (network issues) and org admins (their organisation's issues)."""
    return is_facilitator(user) or bool(admin_org_ids(user))


def organisations_to_compose_for(user: Any) -> QuerySet[Organisation]:
    """The organisations whose issues this person composes (none for network issues)."""
    return Organisation.objects.filter(pk__in=admin_org_ids(user)).order_by("name")


def _composable_q(user: Any) -> Q:
    rule = Q(pk__in=[])
    if is_facilitator(user):
        rule |= Q(organisation__isnull=True)
    ids = admin_org_ids(user)
    if ids:
        rule |= Q(organisation__in=ids)
    return rule


def issues_visible_to(user: Any, queryset: QuerySet[Issue] | None = None) -> QuerySet[Issue]:
    """Sent issues this person may read: the archive, its API."""
    qs = (queryset if queryset is not None else Issue.objects.all()).filter(status__in=SENT)
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    return qs.filter(Q(organisation__isnull=True) | Q(organisation__in=org_ids(user)))


def issues_openable_by(user: Any) -> QuerySet[Issue]:
    """Sent issues one may read, plus the drafts one may compose."""
    if not is_member(user):
        return Issue.objects.none()
    readable = issues_visible_to(user).values("pk")
    drafts = Issue.objects.filter(status=Issue.Status.DRAFT).filter(_composable_q(user))
    return Issue.objects.filter(Q(pk__in=readable) | Q(pk__in=drafts.values("pk")))


def can_manage(user: Any, issue: Issue) -> bool:
    """Composes and sends it (whatever its status): a facilitator for a network issue, an
    admin of the organisation for an organisation's issue."""
    if not is_member(user):
        return False
    if issue.organisation_id is None:
        return is_facilitator(user)
    return issue.organisation_id in admin_org_ids(user)


def can_edit(user: Any, issue: Issue) -> bool:
    """May change it: a draft one manages."""
    return issue.status == Issue.Status.DRAFT and can_manage(user, issue)


def can_send(user: Any, issue: Issue) -> bool:
    """May ask for it to be sent (the service refuses one already sent)."""
    return can_manage(user, issue)


def can_view_issue(user: Any, issue: Issue) -> bool:
    if issue.status == Issue.Status.DRAFT:
        return can_edit(user, issue)
    if is_facilitator(user):
        return True
    if not is_member(user):
        return False
    return issue.organisation_id is None or issue.organisation_id in org_ids(user)


def can_view(user: Any, obj: Any) -> bool:
    if isinstance(obj, Issue):
        return can_view_issue(user, obj)
    if isinstance(obj, Delivery):
        return is_member(user) and obj.person_id == user.pk
    return is_member(user)


def issue_for(user: Any, pk: Any) -> Issue:
    """An issue this person may open (a sent one they may read, or a draft they compose)."""
    issue = object_or_404(Issue.objects.select_related("organisation"), pk)
    return or_404(issue, can_view_issue(user, issue))


def issue_editable_for(user: Any, pk: Any) -> Issue:
    """A draft this person composes; anything else answers 404."""
    issue = issue_for(user, pk)
    return or_404(issue, can_edit(user, issue))


def issue_audience(issue: Issue) -> QuerySet[Any]:
    """Everyone the issue goes to (active, with an e-mail address), in a stable order: every
    member for a network issue, the organisation's members for an organisation's issue."""
    people = get_user_model().objects.filter(is_active=True).exclude(email="")
    if issue.organisation_id is not None:
        people = people.filter(memberships__organisation=issue.organisation_id).distinct()
    return people.order_by("pk")


def deliveries_visible_to(user: Any) -> QuerySet[Delivery]:
    if not is_member(user):
        return Delivery.objects.none()
    return Delivery.objects.filter(person=user)
