"""Background work of personal data: building archives, deleting those whose time is up."""

from __future__ import annotations

from django.dispatch import receiver
from django_tasks import task

from palabre.core import schedule
from palabre.privacy.models import DataExport
from palabre.privacy.services import data_export_build, data_exports_expire, export_requested


@task()
def build_export(export_id: int) -> bool:
    """Build one archive; True once it is ready (again or already)."""
    export = DataExport.objects.filter(pk=export_id).first()
    if export is None:  # the account was erased meanwhile
        return False
    return data_export_build(export=export).status == DataExport.Status.READY


@task()
def expire_exports() -> int:
    return data_exports_expire()


@receiver(export_requested, dispatch_uid="privacy.export_requested")
def queue_export_build(sender, export, **kwargs):
    # Gathering everything and copying files takes a while: the worker does it.
    build_export.enqueue(export.pk)


schedule.daily("privacy.expire_exports", expire_exports)
