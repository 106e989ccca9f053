"""What the workshop page's "Presenters" panel and the invitation pages read.

Everything goes through ``palabre.permissions.recognition``: the invitations of a workshop
for those who run it, one's own invitations for oneself, and the suggestions counted from
what the viewer may see (``palabre.recognition.presenters``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from palabre.permissions import recognition as rules
from palabre.recognition import presenters
from palabre.recognition.models import PresenterInvitation, WorkshopLaunch
from palabre.workshops.models import Session

SUGGESTED = 5


@dataclass
class PresentersPanel:
    workshop: Any
    can_invite: bool
    invitations: list[PresenterInvitation] = field(default_factory=list)
    suggestions: list[presenters.Suggestion] = field(default_factory=list)
    free_slots: list[Session] = field(default_factory=list)
    launch: WorkshopLaunch | None = None

    @property
    def proposed(self) -> list[PresenterInvitation]:
        return [i for i in self.invitations if i.status == PresenterInvitation.Status.PROPOSED]


def workshop_invitations(viewer: Any, workshop: Any) -> list[PresenterInvitation]:
    return list(
        rules.presenter_invitations_visible_to(
            viewer, PresenterInvitation.objects.filter(workshop=workshop)
        )
        .select_related("person", "session")
        .order_by("session__starts_at", "person__display_name", "pk")
    )


def free_slots(workshop: Any, invitations: list[PresenterInvitation]) -> list[Session]:
    """Presentation slots with no presenter and no invitation waiting or accepted."""
    taken = {
        i.session_id
        for i in invitations
        if i.session_id and i.status != PresenterInvitation.Status.DECLINED
    }
    return [
        s
        for s in Session.objects.filter(
            workshop=workshop, kind=Session.Kind.PRESENTATION, presenter__isnull=True
        ).order_by("starts_at", "pk")
        if s.pk not in taken
    ]


def panel(viewer: Any, workshop: Any) -> PresentersPanel | None:
    """The panel's contents, or None for someone who does not run the workshop."""
    if not rules.can_see_presenter_suggestions(viewer, workshop):
        return None
    can_invite = rules.can_invite_presenters(viewer, workshop)
    invitations = workshop_invitations(viewer, workshop)
    return PresentersPanel(
        workshop=workshop,
        can_invite=can_invite,
        invitations=invitations,
        suggestions=presenters.for_workshop(workshop, viewer=viewer, limit=SUGGESTED)
        if can_invite
        else [],
        free_slots=free_slots(workshop, invitations) if can_invite else [],
        launch=WorkshopLaunch.objects.filter(workshop=workshop)
        .select_related("writing_session")
        .first(),
    )


def my_invitations(viewer: Any) -> list[PresenterInvitation]:
    """The invitations sent to the viewer, newest first."""
    return list(
        rules.presenter_invitations_visible_to(
            viewer, PresenterInvitation.objects.filter(person_id=viewer.pk)
        )
        .exclude(status=PresenterInvitation.Status.PROPOSED)
        .select_related("workshop", "invited_by", "session")
    )
