"""Abstract models several apps share."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palabre.lib.tasks import prepare_upload

logger = logging.getLogger(__name__)


def stored_name(instance: UploadedFile, filename: str) -> str:
    """Where an uploaded file is stored: a folder chosen by the record it belongs to and a
    random name. The stored name never comes from the uploader: it cannot collide or
    traverse; only a short extension is kept."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{instance.upload_folder()}/{uuid.uuid4().hex}.{extension[:8]}"


class UploadedFile(models.Model):
    """A file someone uploaded (checked by content before it is saved), with its preview
    image when there is one. Files are served only through a view that applies the rule
    of the record they belong to.

    A photo is not ready when it arrives: the background worker removes its metadata
    (GPS position…) and makes its preview, then sets ``prepared_at``. Until then pages
    show that it is being prepared and nobody can download it.
    """

    file = models.FileField(upload_to=stored_name, max_length=200)
    preview = models.FileField(upload_to=stored_name, max_length=200, blank=True)
    # Documents and recordings are ready at once (the default); photos once prepared.
    prepared_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def upload_folder(self) -> str:
        """The folder under the media root for this record's files."""
        raise NotImplementedError

    @property
    def is_ready(self) -> bool:
        return self.prepared_at is not None

    @classmethod
    def from_upload(cls, upload: Any, checked: Any, *, by: Any, **fields: Any) -> Any:
        """A new record for an upload already checked by its content (``checked``, from
        ``practices.uploads.inspect_upload``), its file stored, the row saved. A photo
        goes to the background worker, which removes its metadata and makes its preview
        (decoding it here would hold the request and its memory)."""
        photo = checked.kind == "photo"
        record = cls(
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            uploaded_by=by,
            prepared_at=None if photo else timezone.now(),
            **fields,
        )
        record.file.save(checked.name, upload, save=False)
        record.save()
        if photo:
            # The task is a row of the same transaction: it exists if and only if the
            # record does.
            prepare_upload.enqueue(record._meta.label, record.pk)
        return record

    def prepare(self) -> bool:
        """The worker's part: store the photo again without its metadata, turned upright,
        with its preview. True once ready. A photo Pillow cannot decode is kept as sent,
        without preview (and logged), rather than waiting for ever."""
        from palabre.lib.images import prepare_photo  # lazy: Pillow is loaded by the worker only

        if self.is_ready:
            return True
        try:
            with self.file.open("rb") as source:
                prepared = prepare_photo(source)
        except Exception:  # a file that passed the header check but cannot be decoded
            logger.warning(
                "Photo %s %s could not be prepared", self._meta.label, self.pk, exc_info=True
            )
            prepared = None
        changes: dict[str, Any] = {"prepared_at": timezone.now()}
        replaced: list[str] = []  # the original, once its cleaned copy is stored
        made: list[str] = []  # our own files, removed again if the row is gone
        if prepared and prepared.photo is not None:
            replaced.append(self.file.name or "")
            name = f"{self.original_name.rsplit('.', 1)[0]}.{prepared.extension}"
            self.file.save(name, ContentFile(prepared.photo), save=False)
            changes.update(file=self.file.name, size=len(prepared.photo))
            made.append(self.file.name or "")
        if prepared and prepared.preview is not None:
            self.preview.save("preview.jpg", ContentFile(prepared.preview), save=False)
            changes["preview"] = self.preview.name
            made.append(self.preview.name or "")
        rows = type(self)._default_manager.filter(pk=self.pk, prepared_at__isnull=True)
        updated = rows.update(**changes)
        for name in replaced if updated else made:
            if name:
                self.file.storage.delete(name)
        return bool(updated)

    def remove(self) -> None:
        """Delete the row, and its files once the transaction commits: a rolled-back
        removal never leaves a row without its file."""
        files = [f for f in (self.file, self.preview) if f]
        self.delete()

        def delete_files() -> None:
            for stored in files:
                stored.delete(save=False)

        transaction.on_commit(delete_files)
