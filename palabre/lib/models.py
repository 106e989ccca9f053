"""Abstract models several apps share."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


def stored_name(instance: UploadedFile, filename: str) -> str:
    """Where an uploaded file is stored: a folder chosen by the record it belongs to and a
    random name. The stored name never comes from the uploader: it cannot collide or
    traverse; only a short extension is kept."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{instance.upload_folder()}/{uuid.uuid4().hex}.{extension[:8]}"


class UploadedFile(models.Model):
    """A file someone uploaded (checked by content before it is saved), with its preview
    image when there is one. Files are served only through a view that applies the rule
    of the record they belong to."""

    file = models.FileField(upload_to=stored_name, max_length=200)
    preview = models.FileField(upload_to=stored_name, max_length=200, blank=True)
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

    @classmethod
    def from_upload(
        cls, upload: Any, checked: Any, *, by: Any, preview: Any = None, **fields: Any
    ) -> Any:
        """A new record for an upload already checked by its content (``checked``, from
        ``practices.uploads.inspect_upload``), its file and preview stored, the row saved."""
        record = cls(
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            uploaded_by=by,
            **fields,
        )
        record.file.save(checked.name, upload, save=False)
        if preview is not None:
            record.preview.save("preview.jpg", preview, save=False)
        record.save()
        return record

    def remove(self) -> None:
        """Delete the row, and its files once the transaction commits: a rolled-back
        removal never leaves a row without its file."""
        files = [f for f in (self.file, self.preview) if f]
        self.delete()

        def delete_files() -> None:
            for stored in files:
                stored.delete(save=False)

        transaction.on_commit(delete_files)
