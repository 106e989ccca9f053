"""Record audit events. Called from inside the service that makes the change."""

from __future__ import annotations

from typing import Any

from django.db import models

from palabre.audit.models import AuditEvent


def audit_record(
    *,
    action: str,
    actor: Any,
    target: models.Model,
    organisation: Any = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:255],
        organisation=organisation,
        data=data or {},
    )
