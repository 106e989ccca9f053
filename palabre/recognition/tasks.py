"""Background work of recognition: building the attestations people ask for."""

from __future__ import annotations

from django.dispatch import receiver
from django_tasks import task

from palabre.recognition.models import Attestation
from palabre.recognition.services.attestations import attestation_build, attestation_requested


@task()
def build_attestation(attestation_id: int) -> bool:
    """Build one attestation; True once it is ready (again or already)."""
    attestation = Attestation.objects.filter(pk=attestation_id).first()
    if attestation is None:  # the person's account was deleted meanwhile
        return False
    return attestation_build(attestation=attestation).status == Attestation.Status.READY


@receiver(attestation_requested, dispatch_uid="recognition.attestation_requested")
def queue_attestation_build(sender, attestation, **kwargs):
    # Rendering a PDF takes a while: the worker does it, not the person's request.
    build_attestation.enqueue(attestation.pk)
