"""Background work on files people uploaded (see ``palabre.lib.models.UploadedFile``)."""

from __future__ import annotations

from django.apps import apps
from django_tasks import task

from palabre.lib.images import make_variants


@task()
def prepare_upload(model: str, pk: int) -> bool:
    """Remove a photo's metadata and make its preview (and the preview's sized WebP copies);
    False if it is gone meanwhile."""
    record = apps.get_model(model).objects.filter(pk=pk).first()
    if record is None:
        return False
    prepared = bool(record.prepare())
    if prepared:
        make_variants(record.preview)
    return prepared
