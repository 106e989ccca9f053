"""Check uploaded files by what they contain, not by their name (photos by their pixel
count too, from their header), and make photo previews."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from palabre.lib.errors import ServiceError
from palabre.lib.images import check_pixels, prepare_photo

# Detected type → (kind, file name extensions that may carry it)
ALLOWED = {
    "application/pdf": ("document", {"pdf"}),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("document", {"docx"}),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("document", {"xlsx"}),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ("document", {"pptx"}),
    "application/vnd.oasis.opendocument.text": ("document", {"odt"}),
    "application/vnd.oasis.opendocument.spreadsheet": ("document", {"ods"}),
    "application/msword": ("document", {"doc"}),
    "application/vnd.ms-excel": ("document", {"xls"}),
    "image/jpeg": ("photo", {"jpg", "jpeg"}),
    "image/png": ("photo", {"png"}),
    "image/webp": ("photo", {"webp"}),
    "image/gif": ("photo", {"gif"}),
    "audio/mpeg": ("audio", {"mp3"}),
    "audio/ogg": ("audio", {"ogg", "oga", "opus"}),
    "audio/x-wav": ("audio", {"wav"}),
    "audio/wav": ("audio", {"wav"}),
    "audio/m4a": ("audio", {"m4a"}),
    "audio/mp4": ("audio", {"m4a", "mp4"}),
    "audio/amr": ("audio", {"amr"}),
    "video/mp4": ("audio", {"m4a"}),  # voice notes in an MP4 container
    "text/plain": ("document", {"txt", "csv"}),
}  # fmt: skip

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content_type: str
    kind: str
    size: int


def _detect(head: bytes, extension: str) -> str | None:
    kind = filetype.guess(head)
    if kind is not None:
        mime = kind.mime
        if mime == "application/zip" and extension in {"docx", "xlsx", "pptx", "odt", "ods"}:
            # Office files are zip archives; filetype names some of them only by their parts.
            return _office_type(extension)
        return mime
    if head.startswith(OLE_SIGNATURE) and extension in {"doc", "xls"}:
        return "application/msword" if extension == "doc" else "application/vnd.ms-excel"
    if extension in {"txt", "csv"} and b"\x00" not in head:
        # Incremental: the first bytes may end in the middle of a character.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "text/plain"
    return None


def _office_type(extension: str) -> str:
    for mime, (_kind, extensions) in ALLOWED.items():
        if extension in extensions and mime.startswith("application/vnd"):
            return mime
    return "application/zip"


def inspect_upload(upload) -> CheckedUpload:
    """Refuse files that are too large or whose content is not an allowed type."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ServiceError(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            status=413,
            field="file",
        )
    if upload.size == 0:
        raise ServiceError(_("This file is empty."), field="file")
    name = get_valid_filename(upload.name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[:150] or "file"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    try:
        mime = _detect(head, extension)
    except UnicodeDecodeError:
        mime = None
    allowed = ALLOWED.get(mime or "")
    if allowed is None or extension not in allowed[1]:
        raise ServiceError(
            _(
                "This file is not accepted: its content does not match an allowed type. "
                "Accepted: documents (PDF, Word, Excel, OpenDocument, text), photos (JPEG, "
                "PNG, WebP) and sound recordings (MP3, OGG, M4A, WAV, AMR)."
            ),
            status=415,
            field="file",
        )
    if allowed[0] == "photo":
        check_pixels(upload)  # the header only: a photo's pixels are decoded by the worker
    return CheckedUpload(name=name, content_type=mime, kind=allowed[0], size=upload.size)


def make_preview(upload) -> ContentFile | None:
    """A small JPEG of a photo, turned upright, without its metadata (GPS included).

    It decodes the whole photo: for demonstration data and the background worker
    (``UploadedFile.prepare``), never in a request."""
    upload.seek(0)
    try:
        preview = prepare_photo(upload).preview
    except (OSError, ValueError, SyntaxError):
        return None
    finally:
        upload.seek(0)
    return ContentFile(preview) if preview is not None else None
