"""Audit events for changes made by apps below this one, which announce them by signal."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from palabre.audit.services import audit_record
from palabre.core.signals import email_retried


@receiver(email_retried, dispatch_uid="audit.email_retried")
def record_email_retried(
    sender: Any, *, email: Any, by: Any, previous_status: str, **kwargs: Any
) -> None:
    audit_record(
        action="email.retried",
        actor=by,
        target=email,
        data={"kind": email.kind, "previous_status": previous_status},
    )
