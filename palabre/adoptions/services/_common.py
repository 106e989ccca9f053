"""What the adoption services share: the statuses that end an adoption, the local date, a locked adoption."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from palabre.adoptions.models import Adoption

Status = Adoption.Status
ENDED = (Status.COMPLETED, Status.ABANDONED)


def local_today() -> date:
    return timezone.localdate()


def locked_adoption(adoption: Adoption) -> Adoption:
    """The adoption as it is now, locked until the end of the transaction."""
    return (
        Adoption.objects.select_for_update()
        .select_related("practice", "organisation")
        .get(pk=adoption.pk)
    )
