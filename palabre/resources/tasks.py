"""Background work of the resource library: reading the text of a new file (for the
search) and making the preview of a PDF's first page, through ``palabre.lib.extract``,
which runs in a child process with memory and time limits."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task

from palabre.lib import extract
from palabre.resources.models import Resource, ResourceVersion, TextStatus
from palabre.resources.search import index_resource

logger = logging.getLogger(__name__)

PDF = "application/pdf"


@task()
def read_version(version_pk: int) -> str | None:
    return version_read(version_pk)


# Reading the text of a file (the worker's part) -------------------------------------


def version_read(version_pk: int) -> str | None:
    """Read the text of a version's file (and make the first page's preview of a PDF),
    store what became of it and index the resource when this is its current version.
    A file whose text cannot be read is kept, marked with the reason for its editors.
    Returns the status, or None if the version is gone."""
    version = ResourceVersion.objects.filter(pk=version_pk).first()
    if version is None:
        return None
    if version.text_status != TextStatus.PENDING:  # read already (a retry, or the demo)
        return version.text_status
    path = version.file.path
    result = extract.extract_text(path, content_type=version.content_type)
    preview = None
    if version.content_type == PDF:
        try:
            preview = extract.first_page_png(path)
        except Exception:  # a preview is a nicety: the text and the file matter
            logger.warning("No preview for resource version %s", version.pk, exc_info=True)
    status = result.status if result.status in TextStatus.values else TextStatus.FAILED
    with transaction.atomic():
        version = ResourceVersion.objects.select_for_update().filter(pk=version_pk).first()
        if version is None:
            return None
        version.text = result.text if status == TextStatus.OK else ""
        version.text_status = status
        version.text_reason = "" if status == TextStatus.OK else (result.reason or "")[:300]
        fields = ["text", "text_status", "text_reason"]
        if preview and not version.preview:
            version.preview.save("preview.png", ContentFile(preview), save=False)
            fields.append("preview")
        version.save(update_fields=fields)
        resource = Resource.objects.select_related("current").get(pk=version.resource_id)
        if resource.current_id == version.pk:
            index_resource(resource)
    if status != TextStatus.OK:
        logger.info(
            "Text of resource version %s not read: %s %s", version_pk, status, version.text_reason
        )
    return status
