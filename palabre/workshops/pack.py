"""A workshop's offline pack (``palabre.practices.pack``): the practices presented in its
sessions, written from its final restitutions and — for those who may see who registered —
presented by its participants; only those the person may read."""

from __future__ import annotations

from django.db.models import Q
from django.http import FileResponse, HttpRequest

from palabre.permissions import workshops as rules
from palabre.practices.models import Practice
from palabre.practices.pack import pack_response
from palabre.workshops.models import Registration, Restitution, Session


def workshop_pack(request: HttpRequest, pk: int) -> FileResponse:
    workshop = rules.workshop_for(request.user, pk)
    rule = Q(pk__in=Session.objects.filter(workshop=workshop).values("presented_practice_id")) | Q(
        pk__in=Restitution.objects.filter(
            session__workshop=workshop, status=Restitution.Status.FINAL
        ).values("practice_id")
    )
    if rules.can_see_participants(request.user, workshop):
        # Who presents what is told to those who see the participants only.
        registrations = Registration.objects.filter(workshop=workshop).confirmed()
        rule |= Q(pk__in=registrations.values("practice_id"))
    return pack_response(
        request,
        Practice.objects.filter(rule),
        title=workshop.title,
        online_path=workshop.get_absolute_url(),
        filename=f"palabre-workshop-{workshop.pk}.zip",
    )
