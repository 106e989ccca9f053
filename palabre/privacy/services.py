"""Personal data: a person asks for the archive of their data, or for the erasure of their
account; network administrators carry out or refuse erasure requests.

``data_export_request`` writes the row (being prepared); after commit,
``export_requested`` is sent and ``palabre.privacy.tasks`` queues the build.
``data_export_build`` (run by the worker) gathers the data and writes the ZIP outside any
transaction, stores it, then marks it ready in a short one — or failed, with no file left.
``erasure_carry_out`` erases an account in one transaction (``palabre.privacy.erasure``).
"""

from __future__ import annotations

import logging
import tempfile
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palabre.audit.services import audit_record
from palabre.core.mail import email_queue
from palabre.lib.errors import refuse
from palabre.notifications.services import notify
from palabre.permissions import privacy as rules
from palabre.privacy import kinds
from palabre.privacy.erasure import account_erase
from palabre.privacy.export import collect, write_zip
from palabre.privacy.models import DataExport, ErasureRequest, export_path

logger = logging.getLogger(__name__)

# Sent after commit with ``export``: palabre.privacy.tasks queues its build.
export_requested = Signal()

MAX_REASON = 2000


def _language(person: Any) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    language = getattr(person, "language", "") or settings.LANGUAGE_CODE
    return language if language in known else settings.LANGUAGE_CODE


# Archives -------------------------------------------------------------------------


@transaction.atomic
def data_export_request(*, person: Any, by: Any) -> DataExport:
    """Ask for the archive of one's own data; the worker prepares it."""
    if not rules.can_request_export(by) or by.pk != person.pk:
        refuse(_("You can only ask for the archive of your own data."), status=403)
    if DataExport.objects.filter(person=person, status=DataExport.Status.REQUESTED).exists():
        refuse(_("Your archive is already being prepared: wait until it is ready."), status=409)
    export = DataExport.objects.create(person=person, language=_language(person))
    audit_record(action="privacy.export_requested", actor=by, target=export)
    transaction.on_commit(lambda: export_requested.send(sender=DataExport, export=export))
    return export


def data_export_build(*, export: DataExport) -> DataExport:
    """Gather the person's data and write the archive (run by the worker). An archive that
    is no longer being prepared is left as it is; a failure marks it as failed, with no
    file left behind."""
    export = DataExport.objects.select_related("person").get(pk=export.pk)
    if export.status != DataExport.Status.REQUESTED:
        return export
    storage = DataExport._meta.get_field("file").storage
    stored = ""
    try:
        # Read, write and store the archive outside any transaction: the database stays
        # free for everyone else while a big archive is copied.
        archive = collect(export.person)
        with tempfile.TemporaryFile() as out:
            write_zip(person=export.person, archive=archive, language=export.language, out=out)
            size = out.tell()
            out.seek(0)
            stored = storage.save(export_path(export, "archive.zip"), File(out))
        with transaction.atomic():
            current = (
                DataExport.objects.select_for_update().select_related("person").get(pk=export.pk)
            )
            if current.status != DataExport.Status.REQUESTED:
                storage.delete(stored)
                return current
            now = timezone.now()
            current.file.name = stored
            current.size = size
            current.status = DataExport.Status.READY
            current.built_at = now
            current.expires_at = now + timedelta(days=settings.PRIVACY_EXPORT_DAYS)
            current.save(update_fields=["file", "size", "status", "built_at", "expires_at"])
            notify(
                recipient=current.person,
                kind=kinds.EXPORT_READY,
                title=_("The archive of your data is ready"),
                body=_(
                    "Download it from “My data” within %(days)d days; after that it is "
                    "deleted and you can ask for a new one."
                ),
                params={"days": settings.PRIVACY_EXPORT_DAYS},
                url=reverse("privacy:index"),
                target=current,
            )
        return current
    except Exception:
        logger.exception("Personal data archive %s could not be built", export.pk)
        if stored:
            storage.delete(stored)
        DataExport.objects.filter(pk=export.pk, status=DataExport.Status.REQUESTED).update(
            status=DataExport.Status.FAILED, file=""
        )
        export.refresh_from_db()
        return export


@transaction.atomic
def data_export_downloaded(*, export: DataExport, by: Any) -> DataExport:
    """The person downloads their archive: said in the audit log, as any access to it."""
    if by.pk != export.person_id:
        refuse(_("This archive is not yours."), status=403)
    if not export.is_available or not export.file.storage.exists(export.file.name):
        refuse(_("This archive is no longer available: ask for a new one."), status=410)
    export.downloaded_at = timezone.now()
    export.save(update_fields=["downloaded_at"])
    audit_record(action="privacy.export_downloaded", actor=by, target=export)
    return export


@transaction.atomic
def data_exports_expire(*, now: Any = None) -> int:
    """Delete the archives whose time is up (a daily job). Returns how many."""
    now = now or timezone.now()
    storage = DataExport._meta.get_field("file").storage
    expired = list(
        DataExport.objects.select_for_update().filter(
            status=DataExport.Status.READY, expires_at__lte=now
        )
    )
    names = [e.file.name for e in expired if e.file]
    DataExport.objects.filter(pk__in=[e.pk for e in expired]).update(
        status=DataExport.Status.EXPIRED, file=""
    )
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return len(expired)


# Erasure requests ----------------------------------------------------------------


@transaction.atomic
def erasure_request_create(
    *, person: Any, by: Any, password: str, reason: str = ""
) -> ErasureRequest:
    """Ask for one's own account to be erased, confirmed with one's password; the network
    administrators are told."""
    if not rules.can_request_erasure(by) or by.pk != person.pk:
        refuse(_("You can only ask for the erasure of your own account."), status=403)
    if person.is_erased:
        refuse(_("This account has already been erased."), status=409)
    if not password or not person.check_password(password):
        refuse(_("This is not your password."), field="password")
    if ErasureRequest.objects.filter(person=person, status=ErasureRequest.Status.PENDING).exists():
        refuse(
            _(
                "You already asked for your account to be erased: a network administrator "
                "will handle it soon."
            ),
            status=409,
        )
    request = ErasureRequest.objects.create(
        person=person, reason=(reason or "").strip()[:MAX_REASON]
    )
    audit_record(action="privacy.erasure_requested", actor=by, target=request)
    admins = (
        get_user_model()
        .objects.filter(is_active=True, network_role=get_user_model().NetworkRole.ADMIN)
        .exclude(pk=person.pk)
    )
    for admin in admins:
        notify(
            recipient=admin,
            kind=kinds.ERASURE_REQUESTED,
            title=_("%(name)s asks for their account to be erased"),
            params={"name": str(person)},
            url=request.get_absolute_url(),
            actor=person,
            target=request,
        )
    return request


def _locked(request: ErasureRequest) -> ErasureRequest:
    return ErasureRequest.objects.select_for_update().select_related("person").get(pk=request.pk)


@transaction.atomic
def erasure_request_withdraw(*, request: ErasureRequest, by: Any) -> ErasureRequest:
    request = _locked(request)
    if not rules.can_withdraw(by, request):
        refuse(_("This request can no longer be withdrawn."), status=409)
    request.status = ErasureRequest.Status.WITHDRAWN
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])
    audit_record(action="privacy.erasure_withdrawn", actor=by, target=request)
    return request


def _check_decision(request: ErasureRequest, by: Any) -> None:
    if not rules.can_handle_erasure_requests(by):
        refuse(_("Only network administrators handle erasure requests."), status=403)
    if request.status == ErasureRequest.Status.DONE or request.person.is_erased:
        refuse(_("This account has already been erased."), status=409)
    if not request.is_pending:
        refuse(
            _("This request was already answered: %(status)s.")
            % {"status": request.get_status_display()},
            status=409,
        )
    if request.person_id == by.pk:
        refuse(_("Another network administrator must handle your own request."), status=409)


@transaction.atomic
def erasure_request_refuse(*, request: ErasureRequest, by: Any, reason: str) -> ErasureRequest:
    """Refuse, with a reason the person receives by e-mail and in the app."""
    request = _locked(request)
    _check_decision(request, by)
    reason = (reason or "").strip()[:MAX_REASON]
    if not reason:
        refuse(_("Say why: the person receives this reason."), field="reason")
    request.status = ErasureRequest.Status.REFUSED
    request.refusal_reason = reason
    request.decided_at = timezone.now()
    request.decided_by = by
    request.save(update_fields=["status", "refusal_reason", "decided_at", "decided_by"])
    audit_record(action="privacy.erasure_refused", actor=by, target=request)
    person = request.person
    notify(
        recipient=person,
        kind=kinds.ERASURE_REFUSED,
        title=_("Your request to erase your account was refused"),
        excerpt=reason,
        url=reverse("privacy:index"),
        actor=by,
        target=request,
        email=False,  # the e-mail below is sent whatever the person's choices
    )
    email_queue(
        to=person.email,
        template="privacy/email/erasure_refused",
        context={"person": person, "reason": reason, "url": reverse("privacy:index")},
        language=_language(person),
        kind="privacy_erasure_refused",
    )
    return request


@transaction.atomic
def erasure_carry_out(*, request: ErasureRequest, by: Any) -> ErasureRequest:
    """Erase the account the request is about, in one transaction: its person becomes a
    "former member" (see ``palabre.privacy.erasure``). The person is told at the address
    they had; the audit log says who did it and when, and what was removed — counted,
    never the removed data itself."""
    request = _locked(request)
    _check_decision(request, by)
    person = get_user_model().objects.select_for_update().get(pk=request.person_id)
    old_email, language = person.email, _language(person)
    removed = account_erase(person=person, by=by)
    request.status = ErasureRequest.Status.DONE
    request.reason = ""  # the person's own words go with the rest
    request.decided_at = timezone.now()
    request.decided_by = by
    request.summary = removed
    request.save(update_fields=["status", "reason", "decided_at", "decided_by", "summary"])
    audit_record(
        action="privacy.account_erased",
        actor=by,
        target=request,
        data={"person": person.pk, "removed": removed},
    )
    email_queue(
        to=old_email,
        template="privacy/email/erasure_done",
        context={},
        language=language,
        kind="privacy_erasure_done",
        sensitive=True,
    )
    return request
