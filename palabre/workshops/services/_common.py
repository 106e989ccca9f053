"""Small pieces the workshop services share: locking a workshop, its organisers, its participants."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from palabre.workshops.models import Workshop

User = get_user_model()


def locked(workshop: Workshop) -> Workshop:
    """The workshop's row, locked until the end of the transaction."""
    return Workshop.objects.select_for_update().get(pk=workshop.pk)


def forget_registrations(workshop: Workshop) -> None:
    """Drop the registrations cached on the caller's copy (see rules.registration_of)."""
    if hasattr(workshop, "_palabre_registrations"):
        del workshop._palabre_registrations


def first_organisation(workshop: Workshop):
    return workshop.organisers.order_by("name").first()


def participant_ids(workshop: Workshop) -> set[int]:
    return set(workshop.registrations.confirmed().values_list("person_id", flat=True))
