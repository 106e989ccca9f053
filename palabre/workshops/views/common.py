"""Finding what a person may open, and answering refusals clearly."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from palabre.lib.errors import ServiceError
from palabre.lib.views import service_error_page
from palabre.permissions import workshops as rules
from palabre.workshops.models import Session, Workshop


def workshop_for(request, pk: int) -> Workshop:
    """The workshop if this person may open it; otherwise 404, as if it did not exist."""
    return get_object_or_404(rules.workshops_visible_to(request.user), pk=pk)


def session_for(request, pk: int, session_pk: int) -> Session:
    workshop = workshop_for(request, pk)
    session = get_object_or_404(
        Session.objects.select_related(
            "theme", "tool", "facilitator", "presenter", "rapporteur", "presented_practice"
        ),
        pk=session_pk,
        workshop=workshop,
    )
    session.workshop = workshop  # keeps the cached permissions of this request
    return session


def members_only(request, workshop: Workshop) -> None:
    """Participant lists, actions… are never public: anonymous visitors get a 404."""
    if not rules.can_see_participants(request.user, workshop):
        raise Http404


def refuse(request, message, status: int = 403):
    return service_error_page(request, ServiceError(message, status=status))
