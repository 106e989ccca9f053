"""Who sees and changes projects, their links, their teams and the exchanges between them.

- A project follows the shared rule by its visibility: public projects are seen by
  everyone, network projects by members, organisation-only ones by the members of its
  organisation; facilitators see everything.
- The members of the project's organisation, its team (those who accepted) and
  facilitators edit it: its fields, its team, its links.
- A link (to a practice, an adoption, an indicator, a resource) is made by someone who
  may edit the project AND may see the linked object; a project page shows each linked
  item only to those who may see it (through that item's own permission queryset).
- An exchange between two projects is seen, answered and scheduled by both teams, the
  person who proposed it and facilitators, nobody else. A member of a project's
  organisation (or its team) proposes one to any project they may see.

Access: ``project_for(user, pk)``, ``project_editable_for``, ``exchange_for`` fetch for a
person or raise 404; ``projects_visible_to`` and ``exchanges_visible_to`` are the
querysets; ``can_*`` answer for one object in memory.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from palabre.lib.visibility import Visibility
from palabre.permissions import can_see, is_facilitator, is_member, object_or_404, or_404, org_ids
from palabre.projects.models import Exchange, Project, ProjectMember


def projects_visible_to(user: Any, queryset: QuerySet[Project] | None = None) -> QuerySet[Project]:
    """Projects this person may see: the directory, the map, search, API and exports."""
    qs = queryset if queryset is not None else Project.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.filter(visibility=Visibility.PUBLIC)
    return qs.filter(
        Q(visibility__in=[Visibility.PUBLIC, Visibility.NETWORK])
        | Q(organisation__in=org_ids(user))
        | Q(pk__in=_team_project_ids(user))
    )


def _team_project_ids(user: Any) -> frozenset[int]:
    """Projects whose team the person is on (accepted), computed once per user object."""
    if not is_member(user):
        return frozenset()
    cached = getattr(user, "_palabre_project_ids", None)
    if cached is None:
        cached = frozenset(
            ProjectMember.objects.filter(person=user, accepted_at__isnull=False).values_list(
                "project_id", flat=True
            )
        )
        user._palabre_project_ids = cached
    return cached


def is_on_team(user: Any, project: Project) -> bool:
    return is_member(user) and project.pk in _team_project_ids(user)


def can_view_project(user: Any, project: Project) -> bool:
    if is_on_team(user, project):
        return True
    return can_see(user, visibility=project.visibility, organisation_ids={project.organisation_id})


def can_create(user: Any) -> bool:
    """Members of an organisation (and facilitators) describe its projects."""
    return is_member(user) and bool(org_ids(user) or is_facilitator(user))


def can_edit(user: Any, project: Project) -> bool:
    if not is_member(user):
        return False
    return (
        is_facilitator(user)
        or project.organisation_id in org_ids(user)
        or is_on_team(user, project)
    )


def can_link(user: Any, project: Project) -> bool:
    """May point things to the project (each thing must also be visible to the person:
    the services fetch it through its own access function)."""
    return can_edit(user, project)


def can_propose_exchange(user: Any, project: Project) -> bool:
    """May propose, from ``project``, an exchange with another project."""
    return can_edit(user, project)


def project_for(user: Any, pk: Any, *, queryset: QuerySet[Project] | None = None) -> Project:
    """The project if this person may see it; otherwise 404, as if it did not exist."""
    project = object_or_404(
        queryset if queryset is not None else Project.objects.select_related("organisation"), pk
    )
    return or_404(project, can_view_project(user, project))


def project_editable_for(user: Any, pk: Any) -> Project:
    project = project_for(user, pk)
    return or_404(project, can_edit(user, project))


def team_member_for(user: Any, project: Project, pk: Any) -> ProjectMember:
    """A place on the team of a project the person sees, if they may take it off: the
    project's editors, or the person themselves (leaving the team)."""
    member = object_or_404(
        ProjectMember.objects.filter(project=project).select_related("person"), pk
    )
    return or_404(member, can_edit(user, project) or member.person_id == getattr(user, "pk", None))


# Exchanges ---------------------------------------------------------------------


def exchanges_visible_to(
    user: Any, queryset: QuerySet[Exchange] | None = None
) -> QuerySet[Exchange]:
    qs = queryset if queryset is not None else Exchange.objects.all()
    if is_facilitator(user):
        return qs
    if not is_member(user):
        return qs.none()
    teams = _team_project_ids(user)
    return qs.filter(Q(proposed_by=user) | Q(from_project__in=teams) | Q(to_project__in=teams))


def can_view_exchange(user: Any, exchange: Exchange) -> bool:
    if not is_member(user):
        return False
    if is_facilitator(user) or exchange.proposed_by_id == user.pk:
        return True
    teams = _team_project_ids(user)
    return exchange.from_project_id in teams or exchange.to_project_id in teams


def can_take_part(user: Any, exchange: Exchange) -> bool:
    """Writes in the conversation, schedules or declines it: whoever may see it."""
    return can_view_exchange(user, exchange)


def can_view(user: Any, obj: Any) -> bool:
    """The answer for any object of this app (``palabre.permissions.can_view``)."""
    if isinstance(obj, Exchange):
        return can_view_exchange(user, obj)
    if isinstance(obj, Project):
        return can_view_project(user, obj)
    return can_view_project(user, obj.project)


def forget_teams(user: Any) -> None:
    """Drop the cached team memberships after they change."""
    if hasattr(user, "_palabre_project_ids"):
        delattr(user, "_palabre_project_ids")


def exchange_for(user: Any, pk: Any) -> Exchange:
    exchange = object_or_404(
        Exchange.objects.select_related(
            "from_project__organisation", "to_project__organisation", "workshop"
        ),
        pk,
    )
    return or_404(exchange, can_view_exchange(user, exchange))
