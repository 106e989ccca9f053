"""What projects hold about a person, for their archive and for erasure.

- Their archive: their roles on project teams (project, organisation, role, whether they
  accepted), the projects whose contact they are, the exchanges they proposed and the
  messages they wrote in exchanges (their own text only, not the others' answers).
- Erasure: their team roles are deleted (a role names them), and they stop being the
  contact of any project. The exchanges they proposed and their messages are the two
  teams' conversation: they stay, shown as written by "Former member" (the erased
  account).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from palabre.projects.models import Exchange, ExchangeMessage, Project, ProjectMember


def export(person: Any) -> dict[str, Any]:
    return {
        "team_roles": [
            {
                "project": m.project.name,
                "organisation": m.project.organisation.name,
                "role": m.role,
                "accepted_at": m.accepted_at.isoformat() if m.accepted_at else None,
                "since": m.created_at.isoformat(),
            }
            for m in ProjectMember.objects.filter(person=person)
            .select_related("project__organisation")
            .order_by("created_at", "pk")
        ],
        "contact_of": [
            p.name for p in Project.objects.filter(contact=person).order_by("name", "pk")
        ],
        "exchanges_proposed": [
            {
                "subject": e.subject,
                "kind": e.kind,
                "from_project": e.from_project.name,
                "to_project": e.to_project.name,
                "created_at": e.created_at.isoformat(),
            }
            for e in Exchange.objects.filter(proposed_by=person)
            .select_related("from_project", "to_project")
            .order_by("created_at", "pk")
        ],
        "exchange_messages": [
            {
                "exchange": m.exchange.subject,
                "body": m.body,
                "created_at": m.created_at.isoformat(),
            }
            for m in ExchangeMessage.objects.filter(author=person)
            .select_related("exchange")
            .order_by("created_at", "pk")
        ],
    }


@transaction.atomic
def erase(person: Any) -> dict[str, int]:
    roles, _ = ProjectMember.objects.filter(person=person).delete()
    contacts = Project.objects.filter(contact=person).update(contact=None)
    kept = ExchangeMessage.objects.filter(author=person).count()
    return {
        "project_team_roles_deleted": roles,
        "project_contacts_cleared": contacts,
        "exchange_messages_kept": kept,
    }
