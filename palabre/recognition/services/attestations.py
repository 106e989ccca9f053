"""Attestations: a person asks for one, the worker builds it, the person may revoke it.

``attestation_request`` checks the period and writes the row (being prepared); after
commit, ``attestation_requested`` is sent and ``palabre.recognition.tasks`` queues the
build. ``attestation_build`` (run by the worker) writes what it states, renders the PDF
and stores both at once — or marks it as failed with no file: nothing half-written.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.dispatch import Signal
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from palabre.audit.services import audit_record
from palabre.lib.errors import refuse
from palabre.notifications.services import notify
from palabre.permissions import is_member
from palabre.recognition import kinds
from palabre.recognition.models import Attestation
from palabre.recognition.pdf import attestation_pdf
from palabre.recognition.selectors.attestations import attestation_statement

logger = logging.getLogger(__name__)

# Sent after commit with ``attestation``: palabre.recognition.tasks queues its build.
attestation_requested = Signal()

# The longest period one attestation covers.
MAX_PERIOD_YEARS = 10
# How many attestations a person may have being prepared at once.
MAX_PENDING = 3


def _languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


@transaction.atomic
def attestation_request(
    *, person: Any, by: Any, period_start: date, period_end: date, language: str
) -> Attestation:
    """Ask for an attestation of one's own contributions from ``period_start`` to
    ``period_end`` (both included), in ``language``; it is built in the background."""
    if not is_member(by) or by.pk != person.pk:
        refuse(_("You can only ask for an attestation of your own contributions."), status=403)
    if not (person.display_name or "").strip():
        refuse(_("Add your name to your profile first: the attestation states it."))
    if language not in _languages():
        refuse(_("Choose French or English for the attestation."), field="language")
    if period_start is None:
        refuse(_("Give the first day of the period."), field="period_start")
    if period_end is None:
        refuse(_("Give the last day of the period."), field="period_end")
    today = timezone.localdate()
    if period_end > today:
        refuse(
            _(
                "The period cannot end in the future: an attestation only states what was "
                "already done. Choose today or an earlier day as the last day."
            ),
            field="period_end",
        )
    if period_start > period_end:
        refuse(
            _("The period starts after it ends: put the first day before the last day."),
            field="period_start",
        )
    if period_end - period_start > timedelta(days=366 * MAX_PERIOD_YEARS):
        refuse(
            _("An attestation covers at most %(years)d years: choose a shorter period.")
            % {"years": MAX_PERIOD_YEARS},
            field="period_start",
        )
    pending = Attestation.objects.filter(
        person=person, status=Attestation.Status.REQUESTED, revoked_at__isnull=True
    ).count()
    if pending >= MAX_PENDING:
        refuse(
            _(
                "%(count)d attestations are already being prepared for you: wait until they "
                "are ready before asking for another."
            )
            % {"count": pending},
            status=429,
        )
    attestation = Attestation.objects.create(
        person=person,
        period_start=period_start,
        period_end=period_end,
        language=language,
        status=Attestation.Status.REQUESTED,
    )
    audit_record(
        action="attestation.requested",
        actor=by,
        target=attestation,
        data={
            "period_start": period_start.isoformat(),
            "period_end": period_end.isoformat(),
            "language": language,
        },
    )
    transaction.on_commit(
        lambda: attestation_requested.send(sender=Attestation, attestation=attestation)
    )
    return attestation


def _period_params(attestation: Attestation) -> dict[str, str]:
    """The period's days as the holder reads dates (their own language)."""
    with translation.override(
        getattr(attestation.person, "language", "") or settings.LANGUAGE_CODE
    ):
        return {
            "start": formats.date_format(attestation.period_start, "SHORT_DATE_FORMAT"),
            "end": formats.date_format(attestation.period_end, "SHORT_DATE_FORMAT"),
        }


def _locked(attestation: Attestation) -> Attestation:
    return Attestation.objects.select_for_update().select_related("person").get(pk=attestation.pk)


def _is_done(attestation: Attestation) -> bool:
    return attestation.status == Attestation.Status.READY or attestation.revoked_at is not None


def attestation_build(*, attestation: Attestation) -> Attestation:
    """Write what the attestation states and its PDF, then say it is ready (run by the
    worker). Building one that is ready or revoked changes nothing; a failure marks it as
    failed, with no file left behind."""
    attestation = Attestation.objects.select_related("person").get(pk=attestation.pk)
    if _is_done(attestation):
        return attestation
    stored = ""
    try:
        # Read and render outside the write transaction: the database stays free meanwhile.
        with translation.override(attestation.language):
            attestation.statement = attestation_statement(attestation)
        content = attestation_pdf(attestation)
        with transaction.atomic():
            current = _locked(attestation)
            if _is_done(current):
                return current
            current.statement = attestation.statement
            current.pdf.save("attestation.pdf", ContentFile(content), save=False)
            stored = current.pdf.name
            current.status = Attestation.Status.READY
            current.built_at = timezone.now()
            current.save(update_fields=["statement", "pdf", "status", "built_at"])
            notify(
                recipient=current.person,
                kind=kinds.ATTESTATION_READY,
                title=_("Your contribution attestation is ready"),
                body=_(
                    "Your attestation from %(start)s to %(end)s is ready: download it, or "
                    "share its verification address."
                ),
                params=_period_params(current),
                url=current.get_absolute_url(),
                target=current,
            )
        return current
    except Exception:
        logger.exception("Attestation %s could not be built", attestation.pk)
        if stored:
            Attestation._meta.get_field("pdf").storage.delete(stored)
        Attestation.objects.filter(pk=attestation.pk).exclude(
            status=Attestation.Status.READY
        ).update(status=Attestation.Status.FAILED, statement={}, pdf="")
        attestation.refresh_from_db()
        return attestation


@transaction.atomic
def attestation_revoke(*, attestation: Attestation, by: Any) -> Attestation:
    """Revoke one's attestation: its verification address then says it was revoked, and
    its PDF is deleted."""
    if not is_member(by) or by.pk != attestation.person_id:
        refuse(_("Only its holder can revoke an attestation."), status=403)
    attestation = _locked(attestation)
    if attestation.revoked_at is not None:
        refuse(_("This attestation was already revoked."), status=409)
    old_file = attestation.pdf.name
    attestation.revoked_at = timezone.now()
    attestation.pdf = ""
    attestation.save(update_fields=["revoked_at", "pdf"])
    audit_record(action="attestation.revoked", actor=by, target=attestation)
    if old_file:
        storage = Attestation._meta.get_field("pdf").storage
        transaction.on_commit(lambda: storage.delete(old_file))
    return attestation
