"""Record audit events. Called from inside the service that makes the change."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext

from palabre.audit.models import AuditEvent
from palabre.lib.errors import refuse
from palabre.permissions import audit as audit_rules


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


# An export of the log is itself recorded: who took which events away, and when.
EXPORT_ACTION = "audit.exported"


@transaction.atomic
def audit_log_export(
    *, filters: dict[str, str], rows: int, file_format: str, by: Any
) -> AuditEvent:
    """Record that ``by`` downloaded ``rows`` events of the log, chosen by ``filters``.

    The file is built before, outside any transaction: this only writes one row."""
    if not audit_rules.can_see_audit_log(by):
        refuse(gettext("Only network administrators may export the audit log."), status=404)
    return AuditEvent.objects.create(
        action=EXPORT_ACTION,
        actor=by if by is not None and by.is_authenticated else None,
        target_type=AuditEvent._meta.label_lower,
        target_id="",
        target_repr=gettext("Audit log"),
        data={"format": file_format, "rows": rows, "filters": filters},
    )
