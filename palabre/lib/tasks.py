"""Background work on files people uploaded (see ``palabre.lib.models.UploadedFile``)."""

from __future__ import annotations

from django.apps import apps
from django_tasks import task


@task()
def prepare_upload(model: str, pk: int) -> bool:
    """Remove a photo's metadata and make its preview; False if it is gone meanwhile."""
    record = apps.get_model(model).objects.filter(pk=pk).first()
    if record is None:
        return False
    return bool(record.prepare())
