"""Photos people send: measured from their header when they arrive, then, in the
background worker, turned upright, stripped of their metadata and given a preview.

Pages show the preview in sized WebP copies (``make_variants``, also in the worker),
described by a small manifest beside the preview (``describe``) so that a page gives
every image its width, height and weight without decoding anything.

Decoding a photo's pixels takes time and memory (a 13,000 × 13,000 px PNG of 164 KB
needs about 480 MB): it never happens in a request. The upload only reads the header,
which says how many pixels the photo has, and refuses it above ``IMAGE_MAX_PIXELS``.
"""

from __future__ import annotations

import io
import json
import logging
import warnings
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import class_prepared, post_delete
from django.utils.translation import gettext as _

from palabre.lib.errors import ServiceError

# Cleaned again, the photo keeps only what showing it needs (no EXIF, GPS, XMP, comment).
KEPT_INFO = ("icc_profile", "transparency")
CLEANED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
ORIENTATION = 0x0112
# Widths of the WebP copies of a preview: 240 CSS px on a phone, 480 for its sharper screen.
VARIANT_WIDTHS = (240, 480)
WEBP_QUALITY = 70

logger = logging.getLogger(__name__)


def _pillow() -> Any:
    from PIL import Image

    # Pillow's own guard, at the same limit: it warns above it and refuses twice as many.
    Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
    return Image


def check_pixels(upload: IO[bytes]) -> tuple[int, int]:
    """(width, height) of a photo, read from its header alone; refuses a photo with
    more pixels than ``IMAGE_MAX_PIXELS``, or one that cannot be read as an image."""
    image_module = _pillow()
    from PIL import UnidentifiedImageError

    limit = settings.IMAGE_MAX_PIXELS
    size: tuple[int, int] | None = None
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", image_module.DecompressionBombWarning)
            with image_module.open(upload) as image:  # reads the header, not the pixels
                size = image.size
    except image_module.DecompressionBombError:
        pass  # more than twice the limit: refused below
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ServiceError(
            _("This photo could not be read. Send it again as JPEG, PNG or WebP."),
            status=415,
            field="file",
        ) from error
    finally:
        upload.seek(0)
    if size is None or size[0] * size[1] > limit:
        raise ServiceError(
            _(
                "This photo has too many pixels (at most %(limit)s megapixels). Send a "
                "smaller copy: a phone photo has about 12 megapixels."
            )
            % {"limit": limit // 1_000_000},
            status=413,
            field="file",
        )
    return size


@dataclass
class Prepared:
    """What the worker made of a photo: the photo again without its metadata (None when
    it is kept as sent) and a small JPEG preview (None when it could not be made)."""

    photo: bytes | None
    extension: str
    preview: bytes | None


def prepare_photo(source: IO[bytes], *, width: int = 480) -> Prepared:
    """Turn a photo upright, remove its metadata (EXIF with GPS, XMP, comments) and make
    its preview. For the background worker only: this decodes every pixel."""
    image_module = _pillow()
    from PIL import ImageOps

    with image_module.open(source) as image:
        fmt = CLEANED_FORMATS.get(image.format or "")
        if fmt is None or getattr(image, "is_animated", False):
            # GIFs and animations are kept as sent; only their first image is previewed.
            return Prepared(photo=None, extension="", preview=_preview(image, width))
        kept = {k: image.info[k] for k in KEPT_INFO if k in image.info}
        options: dict[str, Any] = {}
        if fmt == "JPEG" and image.getexif().get(ORIENTATION, 1) == 1:
            upright = image  # upright already: keep the JPEG's own quality settings
            options.update(quality="keep", subsampling="keep")
        else:
            upright = ImageOps.exif_transpose(image)
            if fmt != "PNG":
                options["quality"] = 90
        upright.info = dict(kept)  # nothing else is written back
        for name in KEPT_INFO:
            if name in kept and (name != "transparency" or fmt == "PNG"):
                options[name] = kept[name]
        buffer = io.BytesIO()
        upright.save(buffer, fmt, **options)
        return Prepared(
            photo=buffer.getvalue(),
            extension={"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[fmt],
            preview=_preview(upright, width, upright=True),
        )


def _preview(image: Any, width: int, *, upright: bool = False) -> bytes | None:
    """A small JPEG; ``image`` is shrunk in place (the worker is done with it)."""
    from PIL import ImageOps

    try:
        if not upright:
            image = ImageOps.exif_transpose(image)
        image.thumbnail((width, width * 2))
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=72, optimize=True)
    except (OSError, ValueError):
        return None
    return buffer.getvalue()


# Sized WebP copies of a preview -------------------------------------------------------
#
# They are stored beside the preview under names drawn from its own (random) name, with a
# manifest that gives each one's pixels and bytes: ``name.w240.webp``, ``name.w480.webp``,
# ``name.json``. No column is needed, and a preview made before them keeps working: it is
# then described from its header (``describe``), and shown as the JPEG it is.


def variant_name(preview_name: str, width: int) -> str:
    return f"{preview_name.rsplit('.', 1)[0]}.w{width}.webp"


def manifest_name(preview_name: str) -> str:
    return f"{preview_name.rsplit('.', 1)[0]}.json"


def _manifest_key(preview_name: str) -> str:
    return f"image-manifest:{preview_name}"


def make_variants(preview: Any) -> dict[str, Any] | None:
    """Store the WebP copies of a preview (a ``FieldFile``) and their manifest; the manifest,
    or None when there is no preview or it cannot be decoded. For the background worker:
    it decodes the preview (a small JPEG, at most 480 px wide)."""
    if not preview or not preview.name:
        return None
    image_module = _pillow()
    storage, name = preview.storage, preview.name
    try:
        with preview.open("rb") as source, image_module.open(source) as image:
            image.load()
            image = image.convert("RGB")
    except (OSError, ValueError, SyntaxError):
        logger.warning("Preview %s could not be decoded for its variants", name, exc_info=True)
        return None
    manifest: dict[str, Any] = {
        "width": image.width,
        "height": image.height,
        "bytes": storage.size(name),
        "webp": {},
    }
    for width in VARIANT_WIDTHS:
        copy = image.copy()
        if copy.width > width:
            copy.thumbnail((width, width * 4))
        buffer = io.BytesIO()
        copy.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
        target = variant_name(name, width)
        storage.delete(target)  # a retry writes the same name again
        storage.save(target, ContentFile(buffer.getvalue()))
        manifest["webp"][str(width)] = [copy.width, copy.height, buffer.tell()]
    storage.delete(manifest_name(name))
    storage.save(manifest_name(name), ContentFile(json.dumps(manifest).encode()))
    cache.set(_manifest_key(name), manifest, None)
    return manifest


def describe(preview: Any) -> dict[str, Any] | None:
    """What a page needs to show a preview (a ``FieldFile``): ``width``, ``height`` and
    ``bytes`` of the JPEG preview and, once the worker made them, ``webp``: {width:
    [width, height, bytes]}. Kept in the shared cache (stored names never change); read
    from the manifest, else from the preview's header (no pixel decoded); None when there
    is no preview or it cannot be read."""
    if not preview or not preview.name:
        return None
    key = _manifest_key(preview.name)
    found = cache.get(key)
    if isinstance(found, dict):
        return found
    storage, name = preview.storage, preview.name
    manifest: dict[str, Any] | None = None
    try:
        with storage.open(manifest_name(name), "rb") as stored:
            manifest = json.loads(stored.read())
    except (OSError, ValueError):
        manifest = None
    if manifest is None:
        image_module = _pillow()
        try:
            with storage.open(name, "rb") as source, image_module.open(source) as image:
                width, height = image.size  # the header only
            manifest = {"width": width, "height": height, "bytes": storage.size(name), "webp": {}}
        except (OSError, ValueError, SyntaxError):
            return None
        # Without its WebP copies yet: kept briefly, the worker may be making them now.
        cache.set(key, manifest, 300)
        return manifest
    cache.set(key, manifest, None)
    return manifest


def variant_response(preview: Any, width: int) -> Any:
    """The WebP copy of a preview, for a view that has already applied its record's rule;
    404 when there is none (yet) at that width."""
    from django.http import FileResponse, Http404

    if width not in VARIANT_WIDTHS or not preview or not preview.name:
        raise Http404
    name = variant_name(preview.name, width)
    try:
        stored = preview.storage.open(name, "rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(stored, content_type="image/webp")
    response["X-Content-Type-Options"] = "nosniff"
    # Its name never changes (a new photo has a new name): the browser keeps it.
    response["Cache-Control"] = "private, max-age=2592000, immutable"
    return response


def forget_variants(preview_name: str, storage: Any) -> None:
    """Delete the WebP copies and the manifest of a preview (the preview itself is its
    record's to delete)."""
    names = [variant_name(preview_name, w) for w in VARIANT_WIDTHS]
    for name in [*names, manifest_name(preview_name)]:
        storage.delete(name)
    cache.delete(_manifest_key(preview_name))


def _variants_go_with_their_record(sender: Any, instance: Any, **kwargs: Any) -> None:
    preview = getattr(instance, "preview", None)
    if preview and preview.name:
        name, storage = preview.name, preview.storage
        # Like the record's own files: once the deletion is committed, never before.
        transaction.on_commit(lambda: forget_variants(name, storage))


def _watch_uploaded_files(sender: Any, **kwargs: Any) -> None:
    """Each concrete model of uploaded files (``palabre.lib.models.UploadedFile``: it has
    ``upload_folder`` and a ``preview``) removes the WebP copies of a deleted row's
    preview. Connected per model, so that other models keep Django's fast deletes."""
    meta = sender._meta
    if meta.abstract or not hasattr(sender, "upload_folder"):
        return
    if not any(field.name == "preview" for field in meta.local_fields):
        return
    post_delete.connect(
        _variants_go_with_their_record, sender=sender, dispatch_uid=f"variants:{meta.label}"
    )


class_prepared.connect(_watch_uploaded_files, dispatch_uid="palabre.lib.images")
